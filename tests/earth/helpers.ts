import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import {
  buildEarthSegment,
  earthSchema,
  resolveEarthSpec,
  type EarthInput,
  type EarthSegment,
} from '../../sim/earth/index.ts';
import { isoToTdbS } from '../../sim/time.ts';

const DATA = new URL('../data/earth/', import.meta.url);

/** Lines of a data file without comments or blanks. */
export function dataLines(name: string): string[] {
  return readFileSync(fileURLToPath(new URL(name, DATA)), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

/** The TLE pairs of a data file, with the name from the preceding comment's first word. */
export function dataTles(name: string): { catalog: string; line1: string; line2: string }[] {
  const lines = dataLines(name).filter((line) => /^[12] /.test(line));
  const pairs: { catalog: string; line1: string; line2: string }[] = [];
  for (let k = 0; k + 1 < lines.length; k += 2) {
    const line1 = lines[k] as string;
    pairs.push({ catalog: line1.slice(2, 7), line1, line2: lines[k + 1] as string });
  }
  return pairs;
}

/** A line with its column-69 checksum replaced by the right one. */
export function withGoodChecksum(line: string, checksum: (line: string) => number): string {
  return `${line.slice(0, 68)}${checksum(line)}`;
}

export const DEG = Math.PI / 180;

/** A one-satellite, one-site section: satellite over `longitudeDeg`, site at (latDeg, siteLonDeg). */
export function singleLink(
  longitudeDeg: number,
  latDeg: number,
  siteLonDeg: number,
  extra: Partial<EarthInput> = {},
): EarthInput {
  return {
    satellites: [
      {
        name: 'SAT',
        slot: { longitudeDeg },
        launch: '2030-01-01',
        powerClass: 'pilot-100mw',
        rectenna: 'SITE',
      },
    ],
    sites: [
      {
        name: 'SITE',
        latitudeDeg: latDeg,
        longitudeDeg: siteLonDeg,
        aperture: { widthM: 4000, lengthM: 5000 },
        grid: { name: 'grid', capacityW: 1e9 },
      },
    ],
    ...extra,
  };
}

/** Resolve a section over [from, to] (ISO dates). */
export function resolveInput(input: EarthInput, from: string, to: string): EarthSegment {
  return buildEarthSegment(resolveEarthSpec(earthSchema.parse(input)), {
    fromTdbS: isoToTdbS(from),
    toTdbS: isoToTdbS(to),
  });
}
