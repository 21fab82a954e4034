// The tracers' OEM (CCSDS 502.0-B-3 section 5): its structure against tables 5-2 and 5-3, its values re-read by
// the test's own minimal reader and compared with cpu64's positions (rotated to EME2000 here, by the IAU 2006
// obliquity), and the accuracy of the interpolation it states, measured.
import { beforeAll, describe, expect, it } from 'vitest';
import { GM_SUN_M3_S2 } from '../../../sim/constants.ts';
import { formatOem, type OemSegment } from '../../../sim/report/ccsds/oem.ts';
import { tracerEphemerisLineCount, tracerOemSegment } from '../../../sim/report/ccsds/tracerMessages.ts';
import { tracerStateAt } from '../../../sim/report/tracerSample.ts';
import { createTracerTable, setTracer } from '../../../sim/propagate/tracerTable.ts';
import { createWorld, type World } from '../../../sim/world.ts';
import { isoToTdbS, loadScenario } from '../../../sim/index.ts';
import {
  CCSDS_REAL,
  OEM_HEADER,
  OEM_METADATA,
  kvnLines,
  tableProblems,
  tdbEpochSeconds,
  type KvnLine,
} from './minimalKvn.ts';

/** The J2000 mean obliquity, IAU 2006 (84381.406"): EME2000 = ECLIPJ2000 turned about x by it. */
const OBLIQUITY_RAD = (84_381.406 / 3600) * (Math.PI / 180);
function eclipticToEme2000([x, y, z]: readonly number[]): number[] {
  const c = Math.cos(OBLIQUITY_RAD);
  const s = Math.sin(OBLIQUITY_RAD);
  return [x as number, c * (y as number) - s * (z as number), s * (y as number) + c * (z as number)];
}

/**
 * The OEM's values against cpu64: the epoch is re-read to ~1e-7 s here (its seconds as a decimal), at 40 km/s
 * that is 4 mm; the km digits are exact; so 1 cm covers it.
 */
const POSITION_TOLERANCE_KM = 1e-5;
/** Velocities in km/s, 17 digits, against the same ellipse's: the two rotations differ by rounding only. */
const VELOCITY_TOLERANCE_KM_S = 1e-12;
/** What tracerMessages.ts claims for Lagrange degree 7 at its spacing (a day, and at most P / 100). */
const INTERPOLATION_TOLERANCE_KM = 1e-3;

interface ParsedSegment {
  metadata: Map<string, string>;
  metadataKeywords: string[];
  lines: { epoch: string; values: number[] }[];
}

/** Header keywords and segments of an OEM, by the minimal reader. */
function parseOem(text: string): {
  headerKeywords: string[];
  header: Map<string, string>;
  segments: ParsedSegment[];
} {
  const lines = kvnLines(text);
  const headerKeywords: string[] = [];
  const header = new Map<string, string>();
  const segments: ParsedSegment[] = [];
  let state: 'header' | 'meta' | 'data' = 'header';
  let current: ParsedSegment | undefined;
  for (const line of lines as KvnLine[]) {
    if (line.kind === 'marker' && line.keyword === 'META_START') {
      current = { metadata: new Map(), metadataKeywords: [], lines: [] };
      segments.push(current);
      state = 'meta';
    } else if (line.kind === 'marker' && line.keyword === 'META_STOP') state = 'data';
    else if (state === 'header') {
      const keyword = line.kind === 'kvn' ? line.keyword : 'COMMENT';
      headerKeywords.push(keyword);
      if (line.kind === 'kvn') header.set(line.keyword, line.value);
    } else if (state === 'meta' && current !== undefined) {
      current.metadataKeywords.push(line.kind === 'kvn' ? line.keyword : 'COMMENT');
      if (line.kind === 'kvn') current.metadata.set(line.keyword, line.value);
    } else if (line.kind === 'data' && current !== undefined) {
      expect(line.fields).toHaveLength(7);
      for (const value of line.fields.slice(1)) expect(value).toMatch(CCSDS_REAL);
      current.lines.push({ epoch: line.fields[0] as string, values: line.fields.slice(1).map(Number) });
    } else if (line.kind !== 'comment') throw new Error(`unexpected line ${line.line} in the data`);
  }
  return { headerKeywords, header, segments };
}

/** Lagrange interpolation of degree nodes.length - 1 at t (the test's own, from the textbook formula). */
function lagrange(ts: readonly number[], ys: readonly number[], t: number): number {
  let sum = 0;
  for (let i = 0; i < ts.length; i += 1) {
    let w = 1;
    for (let j = 0; j < ts.length; j += 1)
      if (j !== i) w *= (t - (ts[j] as number)) / ((ts[i] as number) - (ts[j] as number));
    sum += w * (ys[i] as number);
  }
  return sum;
}

/** The largest position error, km, of degree-7 Lagrange interpolation halfway between an OEM's lines. */
function interpolationErrorKm(segment: ParsedSegment, truthKm: (tdbS: number) => number[]): number {
  const ts = segment.lines.map((line) => tdbEpochSeconds(line.epoch));
  let worst = 0;
  for (let k = 0; k + 1 < ts.length; k += 1) {
    const first = Math.min(Math.max(0, k - 3), ts.length - 8);
    const nodes = ts.slice(first, first + 8);
    const t = ((ts[k] as number) + (ts[k + 1] as number)) / 2;
    const truth = truthKm(t);
    for (let j = 0; j < 3; j += 1) {
      const ys = segment.lines.slice(first, first + 8).map((line) => line.values[j] as number);
      worst = Math.max(worst, Math.abs(lagrange(nodes, ys, t) - (truth[j] as number)));
    }
  }
  return worst;
}

let world: World;
let fromTdbS: number;
let toTdbS: number;
let indices: number[];
let text: string;

beforeAll(() => {
  world = createWorld(loadScenario('baseline'), { tracers: 300, seed: 11 });
  fromTdbS = isoToTdbS('2049-01-01');
  toTdbS = isoToTdbS('2050-06-01');
  const onStation = world.tracersOnStationAt(fromTdbS);
  indices = [0, Math.floor(onStation / 2), onStation - 1];
  const segments = indices.map((index) => tracerOemSegment(world.swarm.table, index, fromTdbS, toTdbS));
  text = formatOem({
    header: { comments: ['test'], creationUtcMs: Date.UTC(2026, 0, 1), originator: 'ESSAIM' },
    timeSystem: 'TDB',
    segments,
  });
});

describe('the tracers’ OEM', () => {
  it('follows tables 5-2 and 5-3: keywords, order, mandatory ones, one segment per tracer', () => {
    const { headerKeywords, header, segments } = parseOem(text);
    expect(tableProblems(headerKeywords, OEM_HEADER)).toEqual([]);
    expect(header.get('CCSDS_OEM_VERS')).toBe('3.0');
    expect(segments).toHaveLength(indices.length);
    for (const [k, segment] of segments.entries()) {
      expect(tableProblems(segment.metadataKeywords, OEM_METADATA)).toEqual([]);
      expect(segment.metadata.get('OBJECT_ID')).toBe(`TRACER-${indices[k]}`);
      expect(segment.metadata.get('CENTER_NAME')).toBe('SUN');
      expect(segment.metadata.get('REF_FRAME')).toBe('EME2000');
      expect(segment.metadata.get('TIME_SYSTEM')).toBe('TDB');
      expect(segment.metadata.get('INTERPOLATION')).toBe('LAGRANGE');
      expect(segment.metadata.get('INTERPOLATION_DEGREE')).toBe('7');
      // START_TIME and STOP_TIME are the first and last lines' epochs (5.2.3 table 5-3: the total span)
      expect(segment.metadata.get('START_TIME')).toBe(segment.lines[0]?.epoch);
      expect(segment.metadata.get('STOP_TIME')).toBe(segment.lines.at(-1)?.epoch);
      expect(segment.lines.length).toBeGreaterThanOrEqual(8);
      // the size check's count is the count written
      expect(tracerEphemerisLineCount(world.swarm.table, indices[k] as number, fromTdbS, toTdbS)).toBe(
        segment.lines.length,
      );
    }
    for (const line of text.split('\n')) {
      expect(line.length).toBeLessThanOrEqual(254);
      expect(line).toMatch(/^[\x20-\x7e]*$/);
    }
  });

  it('gives cpu64’s positions, in km in EME2000, at its epochs', () => {
    const { segments } = parseOem(text);
    const positions = new Float64Array(3 * world.swarm.table.count);
    let checked = 0;
    for (const [k, segment] of segments.entries()) {
      const index = indices[k] as number;
      for (const line of segment.lines.filter((_, n) => n % 40 === 0)) {
        const t = tdbEpochSeconds(line.epoch);
        world.positionsAt(t, positions);
        const expected = eclipticToEme2000([...positions.subarray(3 * index, 3 * index + 3)]).map(
          (m) => m / 1000,
        );
        for (let j = 0; j < 3; j += 1) {
          expect(Math.abs((line.values[j] as number) - (expected[j] as number))).toBeLessThan(
            POSITION_TOLERANCE_KM,
          );
        }
        const v = eclipticToEme2000(tracerStateAt(world.swarm.table, index, t).velocityMS).map(
          (ms) => ms / 1000,
        );
        for (let j = 0; j < 3; j += 1) {
          expect(Math.abs((line.values[3 + j] as number) - (v[j] as number))).toBeLessThan(
            VELOCITY_TOLERANCE_KM_S,
          );
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('starts each tracer’s ephemeris at its station time when that is inside the span', () => {
    const table = world.swarm.table;
    const late = world.tracersOnStationAt(toTdbS) - 1;
    expect(table.stationTdbS[late] as number).toBeGreaterThan(fromTdbS);
    const segment = tracerOemSegment(table, late, fromTdbS, toTdbS);
    expect(segment.startTime).toBe(table.stationTdbS[late]);
    expect(() =>
      tracerOemSegment(table, table.count - 1, fromTdbS, table.stationTdbS[table.count - 1] as number),
    ).toThrow(/tracer/);
  });

  it('is accurate to 1 m with its stated Lagrange degree 7, for the swarm and for 10- and 100-day orbits', () => {
    const { segments } = parseOem(text);
    for (const [k, segment] of segments.entries()) {
      const index = indices[k] as number;
      const truth = (t: number): number[] =>
        eclipticToEme2000(tracerStateAt(world.swarm.table, index, t).positionM).map((m) => m / 1000);
      expect(interpolationErrorKm(segment, truth)).toBeLessThan(INTERPOLATION_TOLERANCE_KM);
    }
    // the claim's edges: 10 days and 100 days (lines P / 200 apart; at P / 100 the 100-day orbit errs by 3 m)
    // each at e = 0.05 under GM_sun (1 - 0.08)
    for (const days of [10, 100]) {
      const table = createTracerTable(1);
      const mu = GM_SUN_M3_S2 * 0.92;
      const periodS = days * 86_400;
      const a = Math.cbrt((mu * periodS * periodS) / (4 * Math.PI * Math.PI));
      const elements = {
        semiMajorAxisM: a,
        eccentricity: 0.05,
        inclinationRad: 0.3,
        ascendingNodeRad: 1,
        argPeriapsisRad: 2,
        meanAnomalyRad: 0,
      };
      setTracer(table, 0, elements, 0, mu, 1, 0, 0);
      const segment: OemSegment = tracerOemSegment(table, 0, 0, 2 * periodS);
      const parsed = parseOem(
        formatOem({
          header: { comments: [], creationUtcMs: 0, originator: 'ESSAIM' },
          timeSystem: 'TDB',
          segments: [segment],
        }),
      );
      const truth = (t: number): number[] =>
        eclipticToEme2000(tracerStateAt(table, 0, t).positionM).map((m) => m / 1000);
      expect(interpolationErrorKm(parsed.segments[0] as ParsedSegment, truth)).toBeLessThan(
        INTERPOLATION_TOLERANCE_KM,
      );
    }
  });
});
