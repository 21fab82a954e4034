// The tracers' OMMs (CCSDS 502.0-B-3 section 4): structure against tables 4-1 to 4-3, values re-read by the
// test's own reader and turned back into the tracer's motion, GM = GM_sun (1 - beta), and the round trip through
// Essaim's OMM reader (sim/report/ccsds/ommKvnRead.ts) back to the tracer table row.
import { beforeAll, describe, expect, it } from 'vitest';
import { GM_SUN_M3_S2 } from '../../../sim/constants.ts';
import { formatOmms, type OmmMessage } from '../../../sim/report/ccsds/omm.ts';
import { readOmmKvn, tracerRowFromOmm } from '../../../sim/report/ccsds/ommKvnRead.ts';
import { tracerOmm } from '../../../sim/report/ccsds/tracerMessages.ts';
import { tracerStateAt } from '../../../sim/report/tracerSample.ts';
import { keplerToState } from '../../../sim/orbit/state.ts';
import { createTracerTable, setTracer } from '../../../sim/propagate/tracerTable.ts';
import { createWorld, type World } from '../../../sim/world.ts';
import { loadScenario } from '../../../sim/index.ts';
import {
  CCSDS_REAL,
  OMM_HEADER,
  OMM_MEAN_ELEMENTS,
  OMM_METADATA,
  kvnLines,
  tableProblems,
  tdbEpochSeconds,
} from './minimalKvn.ts';

const OBLIQUITY_RAD = (84_381.406 / 3600) * (Math.PI / 180);
/** EME2000 -> ECLIPJ2000, the test's own rotation (about x by minus the IAU 2006 obliquity). */
function eme2000ToEcliptic([x, y, z]: readonly number[]): number[] {
  const c = Math.cos(OBLIQUITY_RAD);
  const s = Math.sin(OBLIQUITY_RAD);
  return [x as number, c * (y as number) + s * (z as number), -s * (y as number) + c * (z as number)];
}

/**
 * Positions from the OMM's elements against tracerStateAt: elements in degrees and km to 17 digits, turned through
 * two frame rotations and two Kepler solutions: rounding of ~1e-15 relative at 1.5e8 km, some 1e-7 km; 1 mm.
 */
const POSITION_TOLERANCE_M = 1e-3;
/** The rebuilt row's inclination and mean longitude against the table's: a few ulp of 2 pi (measured 5e-16). */
const ANGLE_TOLERANCE_RAD = 1e-14;
/**
 * After 1e8 s (3 years): n = sqrt(GM / a^3) is rebuilt to ~4e-15 relative (GM and a each rounded once), so the
 * mean anomaly drifts by 4e-15 x n dt (~20 rad) = 8e-14 rad, 1.2 cm at 1 au (3,000 tracers measured 1.5 cm): 5 cm.
 */
const DRIFT_TOLERANCE_M = 0.05;
/** The rebuilt a, e and mu, relative: a few ulp. */
const RELATIVE_TOLERANCE = 1e-14;

let world: World;
let indices: number[];
let messages: OmmMessage[];
let text: string;

beforeAll(() => {
  const scenario = loadScenario('baseline');
  world = createWorld(scenario, { tracers: 300, seed: 5 });
  const count = world.swarm.table.count;
  indices = [0, 17, Math.floor(count / 2), count - 1];
  const context = {
    header: { comments: ['test'], creationUtcMs: Date.UTC(2026, 0, 1), originator: 'ESSAIM' },
    lightnessNumber: scenario.collector.lightnessNumber,
    shellNames: scenario.shells.map((shell) => shell.name),
  };
  messages = indices.map((index) => tracerOmm(world.swarm.table, index, context));
  text = formatOmms(messages);
});

/** The messages of the file, each as its keywords in order and its values (the minimal reader). */
function parseOmms(source: string): { keywords: string[]; values: Map<string, string> }[] {
  const out: { keywords: string[]; values: Map<string, string> }[] = [];
  for (const line of kvnLines(source)) {
    if (line.kind === 'kvn' && line.keyword === 'CCSDS_OMM_VERS')
      out.push({ keywords: [], values: new Map() });
    const current = out.at(-1);
    if (current === undefined) throw new Error('a line before CCSDS_OMM_VERS');
    if (line.kind === 'kvn') {
      current.keywords.push(line.keyword);
      current.values.set(line.keyword, line.value);
    } else if (line.kind === 'comment') current.keywords.push('COMMENT');
    else throw new Error(`line ${line.line} is not KVN`);
  }
  return out;
}

describe('the tracers’ OMMs', () => {
  it('follow tables 4-1, 4-2 and 4-3 (mean elements, then user-defined parameters), one OMM per tracer', () => {
    const parsed = parseOmms(text);
    expect(parsed).toHaveLength(indices.length);
    for (const { keywords, values } of parsed) {
      const metadataStart =
        keywords.indexOf('OBJECT_NAME') -
        keywords
          .slice(0, keywords.indexOf('OBJECT_NAME'))
          .reverse()
          .findIndex((k) => k !== 'COMMENT');
      const header = keywords.slice(0, metadataStart);
      const dataStart = keywords.indexOf('MEAN_ELEMENT_THEORY') + 1;
      const metadata = keywords.slice(metadataStart, dataStart);
      const userStart = keywords.findIndex((k) => k.startsWith('USER_DEFINED_'));
      const data = keywords.slice(dataStart, userStart);
      expect(tableProblems(header, OMM_HEADER)).toEqual([]);
      expect(tableProblems(metadata, OMM_METADATA)).toEqual([]);
      expect(tableProblems(data, OMM_MEAN_ELEMENTS)).toEqual([]);
      expect(keywords.slice(userStart).every((k) => k.startsWith('USER_DEFINED_'))).toBe(true);
      expect(values.get('CENTER_NAME')).toBe('SUN');
      expect(values.get('REF_FRAME')).toBe('EME2000');
      expect(values.get('TIME_SYSTEM')).toBe('TDB');
      for (const keyword of ['SEMI_MAJOR_AXIS', 'ECCENTRICITY', 'INCLINATION', 'GM']) {
        expect(values.get(keyword)).toMatch(CCSDS_REAL);
      }
    }
  });

  it('give the tracer’s motion: its elements (read here) propagate to tracerStateAt’s positions', () => {
    const table = world.swarm.table;
    for (const [k, { values }] of parseOmms(text).entries()) {
      const index = indices[k] as number;
      const deg = (keyword: string): number => (Number(values.get(keyword)) * Math.PI) / 180;
      const aM = Number(values.get('SEMI_MAJOR_AXIS')) * 1000;
      const mu = Number(values.get('GM')) * 1e9;
      const epoch = tdbEpochSeconds(values.get('EPOCH') as string);
      expect(Math.abs(epoch - (table.epochTdbS[index] as number))).toBeLessThan(1e-6);
      for (const dtS of [0, 1e7, 3e8]) {
        const n = Math.sqrt(mu / aM ** 3);
        const equatorial = keplerToState(
          {
            semiMajorAxisM: aM,
            eccentricity: Number(values.get('ECCENTRICITY')),
            inclinationRad: deg('INCLINATION'),
            ascendingNodeRad: deg('RA_OF_ASC_NODE'),
            argPeriapsisRad: deg('ARG_OF_PERICENTER'),
            meanAnomalyRad: deg('MEAN_ANOMALY') + n * dtS,
          },
          mu,
        );
        const got = eme2000ToEcliptic(equatorial.positionM);
        const expected = tracerStateAt(table, index, (table.epochTdbS[index] as number) + dtS).positionM;
        // 3e8 s of n dt carries the epoch's 1e-7 s reading and n's rounding: allow 1 m there
        const tolerance = dtS === 0 ? POSITION_TOLERANCE_M : 1;
        for (let j = 0; j < 3; j += 1)
          expect(Math.abs((got[j] as number) - (expected[j] as number))).toBeLessThan(tolerance);
      }
    }
  });

  it('state GM = n^2 a^3 = GM_sun (1 - beta), with beta and GM_sun as user-defined parameters', () => {
    for (const { values } of parseOmms(text)) {
      const beta = Number(values.get('USER_DEFINED_LIGHTNESS_NUMBER'));
      const gmSun = Number(values.get('USER_DEFINED_GM_SUN'));
      expect(gmSun).toBe(GM_SUN_M3_S2 / 1e9);
      expect(beta).toBeGreaterThan(0);
      expect(Math.abs(Number(values.get('GM')) / (gmSun * (1 - beta)) - 1)).toBeLessThan(RELATIVE_TOLERANCE);
    }
  });

  it('read back through Essaim’s OMM reader: every number bit for bit, and the tracer table row', () => {
    const read = readOmmKvn(text);
    expect(read).toHaveLength(messages.length);
    const table = world.swarm.table;
    for (const [k, omm] of read.entries()) {
      const written = messages[k] as OmmMessage;
      const el = written.meanElements;
      // the numbers: exactly the float64s the writer had
      expect(Number(omm.values.get('SEMI_MAJOR_AXIS'))).toBe(el.semiMajorAxisKm);
      expect(Number(omm.values.get('ECCENTRICITY'))).toBe(el.eccentricity);
      expect(Number(omm.values.get('INCLINATION'))).toBe(el.inclinationDeg);
      expect(Number(omm.values.get('RA_OF_ASC_NODE'))).toBe(el.raOfAscNodeDeg);
      expect(Number(omm.values.get('ARG_OF_PERICENTER'))).toBe(el.argOfPericenterDeg);
      expect(Number(omm.values.get('MEAN_ANOMALY'))).toBe(el.meanAnomalyDeg);
      expect(Number(omm.values.get('GM'))).toBe(el.gmKm3S2);
      // the row
      const index = indices[k] as number;
      const row = tracerRowFromOmm(omm);
      expect(row.epochTdbS).toBe(table.epochTdbS[index]);
      expect(row.stationTdbS).toBe(table.stationTdbS[index]);
      expect(row.weight).toBe(table.weight[index]);
      expect(row.shellIndex).toBe(table.shellIndex[index]);
      const rebuilt = createTracerTable(1);
      setTracer(
        rebuilt,
        0,
        row.elements,
        row.epochTdbS,
        row.muEffM3S2,
        row.weight,
        row.stationTdbS,
        row.shellIndex,
      );
      const relative = (a: number, b: number): number => Math.abs(a / b - 1);
      expect(
        relative(rebuilt.semiMajorAxisM[0] as number, table.semiMajorAxisM[index] as number),
      ).toBeLessThan(RELATIVE_TOLERANCE);
      expect(
        relative(rebuilt.meanMotionRadS[0] as number, table.meanMotionRadS[index] as number),
      ).toBeLessThan(RELATIVE_TOLERANCE);
      expect(
        Math.abs((rebuilt.eccentricity[0] as number) - (table.eccentricity[index] as number)),
      ).toBeLessThan(RELATIVE_TOLERANCE);
      // angles: the inclination, and the mean longitude node + periapsis + mean anomaly (well defined for the
      // near-circular, near-ecliptic orbits where the node and periapsis alone are not: 1e-16 / sin i)
      expect(
        Math.abs((rebuilt.inclinationRad[0] as number) - (table.inclinationRad[index] as number)),
      ).toBeLessThan(ANGLE_TOLERANCE_RAD);
      const longitude = (t: typeof table, n: number): number =>
        (t.ascendingNodeRad[n] as number) +
        (t.argPeriapsisRad[n] as number) +
        (t.meanAnomalyAtEpochRad[n] as number);
      const d = longitude(rebuilt, 0) - longitude(table, index);
      expect(Math.abs(Math.atan2(Math.sin(d), Math.cos(d)))).toBeLessThan(ANGLE_TOLERANCE_RAD);
      for (const [dtS, tolerance] of [
        [0, POSITION_TOLERANCE_M],
        [1e8, DRIFT_TOLERANCE_M],
      ] as const) {
        const t = (table.epochTdbS[index] as number) + dtS;
        const a = tracerStateAt(rebuilt, 0, t).positionM;
        const b = tracerStateAt(table, index, t).positionM;
        for (let j = 0; j < 3; j += 1)
          expect(Math.abs((a[j] as number) - (b[j] as number))).toBeLessThan(tolerance);
      }
    }
  });

  it('refuses an OMM that breaks the tables: a missing mandatory keyword, a wrong order, an unknown keyword', () => {
    expect(() => readOmmKvn(text.replace(/^ECCENTRICITY = .*$/m, ''))).toThrow(/ECCENTRICITY/);
    const swapped = text.replace(/^(INCLINATION = .*)\n(RA_OF_ASC_NODE = .*)$/m, '$2\n$1');
    expect(swapped).not.toBe(text);
    expect(() => readOmmKvn(swapped)).toThrow(/order/);
    expect(() => readOmmKvn(text.replace('GM = ', 'MU = '))).toThrow(/MU is not an OMM keyword/);
    expect(() => readOmmKvn(text.replace(/^ECCENTRICITY = .*$/m, 'ECCENTRICITY = 0,1'))).not.toThrow();
    expect(() =>
      tracerRowFromOmm(readOmmKvn(text.replace(/^ECCENTRICITY = .*$/m, 'ECCENTRICITY = 0,1'))[0]!),
    ).toThrow(/ECCENTRICITY/);
  });
});
