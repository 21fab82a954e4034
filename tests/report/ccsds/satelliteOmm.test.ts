// The power satellites' element sets as OMMs (CCSDS 502.0-B-3 4.2.4.6: EARTH, TEME, UTC, MEAN_MOTION, SGP4, the
// TLE-related block), and the round trip through Essaim's own element-set reader (sim/earth/elementSets.ts
// readOmm): the element set read back propagates bit for bit as satellite.js's json2satrec of the original.
import { json2satrec, sgp4, type OMMJsonObject } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { readOmm } from '../../../sim/earth/elementSets.ts';
import { formatOmms } from '../../../sim/report/ccsds/omm.ts';
import { readOmmKvn } from '../../../sim/report/ccsds/ommKvnRead.ts';
import { ommRecordOf, satelliteElementSets, satelliteOmm } from '../../../sim/report/ccsds/satelliteOmm.ts';
import { createWorld } from '../../../sim/world.ts';
import { loadScenario } from '../../../sim/index.ts';
import { isoToTdbS } from '../../../sim/time.ts';
import {
  OMM_HEADER,
  OMM_METADATA,
  OMM_TLE_PARAMETERS,
  kvnLines,
  tableProblems,
  type KeywordRow,
} from './minimalKvn.ts';

const HEADER = { comments: ['test'], creationUtcMs: Date.UTC(2026, 0, 1), originator: 'ESSAIM' };
/** Table 4-3's mean elements with MEAN_MOTION in place of SEMI_MAJOR_AXIS (4.2.4.6 for SGP4). */
const SGP4_MEAN_ELEMENTS: readonly KeywordRow[] = [
  ['COMMENT', 'O'],
  ['EPOCH', 'M'],
  ['MEAN_MOTION', 'M'],
  ['ECCENTRICITY', 'M'],
  ['INCLINATION', 'M'],
  ['RA_OF_ASC_NODE', 'M'],
  ['ARG_OF_PERICENTER', 'M'],
  ['MEAN_ANOMALY', 'M'],
];
/** A CelesTrak-style record (strings and numbers, a microsecond epoch), as a scenario's `omm` may give it. */
const USER_OMM: Readonly<Record<string, unknown>> = {
  OBJECT_NAME: 'SPS TEST',
  OBJECT_ID: '2031-042A',
  EPOCH: '2031-03-04T05:06:07.123456',
  MEAN_MOTION: '1.00270124',
  ECCENTRICITY: 0.0002817,
  INCLINATION: 0.0473,
  RA_OF_ASC_NODE: 282.1113,
  ARG_OF_PERICENTER: 77.8342,
  MEAN_ANOMALY: 233.3871,
  EPHEMERIS_TYPE: 0,
  CLASSIFICATION_TYPE: 'U',
  NORAD_CAT_ID: 99123,
  ELEMENT_SET_NO: 999,
  REV_AT_EPOCH: 412,
  BSTAR: 0,
  MEAN_MOTION_DOT: -2.66e-6,
  MEAN_MOTION_DDOT: 0,
};

/** SGP4 states (km, km/s) at a few minutes from epoch. */
function states(satrec: ReturnType<typeof json2satrec>): number[] {
  return [0, 90, 1440, 7 * 1440].flatMap((t) => {
    const pv = sgp4(satrec, t);
    if (pv === null) throw new Error('satellite.js failed');
    return [pv.position.x, pv.position.y, pv.position.z, pv.velocity.x, pv.velocity.y, pv.velocity.z];
  });
}

/** Write the records as OMMs, read them with Essaim's two readers, and compare the propagation bit for bit. */
function expectExactRoundTrip(records: ReadonlyArray<Readonly<Record<string, unknown>>>): void {
  const text = formatOmms(records.map((omm) => satelliteOmm(omm, 'SAT', HEADER, ['test'])));
  const read = readOmmKvn(text);
  expect(read).toHaveLength(records.length);
  read.forEach((omm, k) => {
    const original = records[k] as OMMJsonObject;
    const back = readOmm(ommRecordOf(omm));
    if (!back.ok) throw new Error(back.reason);
    expect(states(back.satrec)).toEqual(states(json2satrec(original)));
    for (const key of [
      'MEAN_MOTION',
      'ECCENTRICITY',
      'INCLINATION',
      'MEAN_ANOMALY',
      'BSTAR',
      'MEAN_MOTION_DOT',
    ]) {
      expect(Number(omm.values.get(key))).toBe(Number(original[key]));
    }
    expect(omm.values.get('EPOCH')).toBe(original.EPOCH);
  });
}

describe('the power satellites’ OMMs', () => {
  const fromTdbS = isoToTdbS('2041-05-01');
  const toTdbS = isoToTdbS('2041-05-20');
  const scenario = loadScenario('baseline');
  const world = createWorld(scenario, { tracers: 50, spanTdbS: [fromTdbS, toTdbS] });
  const satellites = world.earth?.satellites ?? [];
  const specs = scenario.earth?.satellites ?? [];
  const records = satellites.flatMap((sat) =>
    satelliteElementSets(
      sat,
      specs.find((spec) => spec.name === sat.name)!,
      fromTdbS,
      toTdbS,
    ),
  );

  it('are one per station-keeping cycle in service, following tables 4-1..4-3 and 4.2.4.6', () => {
    // 19 days of 7-day cycles: 3 or 4 element sets a satellite in service
    expect(records.length).toBeGreaterThanOrEqual(3);
    const text = formatOmms(records.map((omm) => satelliteOmm(omm, 'SAT', HEADER, [])));
    const messages: string[][] = [];
    const values: Map<string, string>[] = [];
    for (const line of kvnLines(text)) {
      if (line.kind === 'kvn' && line.keyword === 'CCSDS_OMM_VERS') {
        messages.push([]);
        values.push(new Map());
      }
      messages.at(-1)?.push(line.kind === 'kvn' ? line.keyword : 'COMMENT');
      if (line.kind === 'kvn') values.at(-1)?.set(line.keyword, line.value);
    }
    expect(messages).toHaveLength(records.length);
    messages.forEach((keywords, k) => {
      const at = (keyword: string): number => keywords.indexOf(keyword);
      const metadataStart = at('OBJECT_NAME') - (keywords[at('OBJECT_NAME') - 1] === 'COMMENT' ? 1 : 0);
      expect(tableProblems(keywords.slice(0, metadataStart), OMM_HEADER)).toEqual([]);
      expect(tableProblems(keywords.slice(metadataStart, at('EPOCH')), OMM_METADATA)).toEqual([]);
      expect(tableProblems(keywords.slice(at('EPOCH'), at('EPHEMERIS_TYPE')), SGP4_MEAN_ELEMENTS)).toEqual(
        [],
      );
      expect(tableProblems(keywords.slice(at('EPHEMERIS_TYPE')), OMM_TLE_PARAMETERS)).toEqual([]);
      const v = values[k] as Map<string, string>;
      expect([
        v.get('CENTER_NAME'),
        v.get('REF_FRAME'),
        v.get('TIME_SYSTEM'),
        v.get('MEAN_ELEMENT_THEORY'),
      ]).toEqual(['EARTH', 'TEME', 'UTC', 'SGP4']);
    });
  });

  it('read back through Essaim’s element-set reader and propagate bit for bit as the originals', () => {
    expectExactRoundTrip(records);
    expectExactRoundTrip([USER_OMM]);
  });

  it('refuses a tracer OMM where an SGP4 element set is expected', () => {
    const text = formatOmms([satelliteOmm(USER_OMM, 'SAT', HEADER, [])]).replace('= SGP4', '= TWO-BODY');
    expect(() => ommRecordOf(readOmmKvn(text)[0]!)).toThrow(/MEAN_ELEMENT_THEORY/);
  });
});
