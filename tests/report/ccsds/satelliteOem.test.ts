// The power satellites' OEM segments: a segment per station-keeping cycle, states equal to satellite.js's own
// SGP4 of that cycle's element set (read here with json2satrec from the slot's generated OMM), rotated from TEME
// to EME2000; rotation invariants (|r|, |v|, r.v) compared with satellite.js directly; the stated Lagrange degree
// 7 measured between the lines.
import { json2satrec, sgp4 } from 'satellite.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyMatrix, temeToEqjMatrix } from '../../../sim/earth/frames.ts';
import { generateGeoElementSet } from '../../../sim/earth/geoSlot.ts';
import type { PowerSatellite } from '../../../sim/earth/resolve.ts';
import { formatOem } from '../../../sim/report/ccsds/oem.ts';
import { satelliteOemSegments } from '../../../sim/report/ccsds/satelliteMessages.ts';
import { createWorld } from '../../../sim/world.ts';
import { loadScenario } from '../../../sim/index.ts';
import { isoToTdbS, utcMsToTdbS } from '../../../sim/time.ts';
import { kvnLines, OEM_METADATA, tableProblems } from './minimalKvn.ts';

/** The segments against satellite.js run here on the same element set: the same float64 arithmetic, rounding only. */
const POSITION_TOLERANCE_KM = 1e-9;
const VELOCITY_TOLERANCE_KM_S = 1e-12;
/** satelliteMessages.ts claims ~3 cm for Lagrange degree 7 at P / 50; 1 m is what the README promises. */
const INTERPOLATION_TOLERANCE_KM = 1e-3;

let satellites: readonly PowerSatellite[];
const fromTdbS = isoToTdbS('2041-03-01');
const toTdbS = isoToTdbS('2041-03-16');

beforeAll(() => {
  const world = createWorld(loadScenario('baseline'), { tracers: 50, spanTdbS: [fromTdbS, toTdbS] });
  satellites = world.earth?.satellites ?? [];
});

/** satellite.js's TEME state (km, km/s) at a UTC instant, from the slot's element set of cycle k read by json2satrec. */
function referenceTeme(sat: PowerSatellite, k: number, utcMs: number): number[] {
  const orbit = sat.orbit;
  if (orbit.kind !== 'station-kept') throw new Error('the baseline satellites are slot satellites');
  const epochUtcMs = orbit.anchorUtcMs + k * orbit.cycleMs;
  const { omm } = generateGeoElementSet({
    name: orbit.name,
    catalogNumber: orbit.catalogNumber,
    epochUtcMs,
    longitudeRad: orbit.longitudeRad,
    inclinationRad: orbit.inclinationRad,
    cycleMin: orbit.cycleMs / 60_000,
  });
  const pv = sgp4(json2satrec(omm), (utcMs - epochUtcMs) / 60_000);
  if (pv === null) throw new Error('satellite.js failed');
  return [pv.position.x, pv.position.y, pv.position.z, pv.velocity.x, pv.velocity.y, pv.velocity.z];
}

describe('the power satellites’ OEM', () => {
  it('has one segment per station-keeping cycle, EARTH / EME2000 / UTC, in the order of table 5-3', () => {
    expect(satellites.length).toBeGreaterThan(0);
    for (const sat of satellites) {
      const segments = satelliteOemSegments(sat, fromTdbS, toTdbS, 86_400);
      if (segments.length === 0) continue;
      const text = formatOem({
        header: { comments: [], creationUtcMs: 0, originator: 'ESSAIM' },
        timeSystem: 'UTC',
        segments,
      });
      const lines = kvnLines(text);
      const metaStarts = lines.filter((line) => line.kind === 'marker' && line.keyword === 'META_START');
      expect(metaStarts).toHaveLength(segments.length);
      // 15 days of 7-day cycles: 3 or 4 segments
      expect(segments.length).toBeGreaterThanOrEqual(3);
      let keywords: string[] = [];
      let inMeta = false;
      for (const line of lines) {
        if (line.kind === 'marker') {
          if (line.keyword === 'META_STOP') expect(tableProblems(keywords, OEM_METADATA)).toEqual([]);
          inMeta = line.keyword === 'META_START';
          keywords = [];
        } else if (inMeta) {
          keywords.push(line.kind === 'kvn' ? line.keyword : 'COMMENT');
          if (line.kind === 'kvn' && line.keyword === 'CENTER_NAME') expect(line.value).toBe('EARTH');
          if (line.kind === 'kvn' && line.keyword === 'REF_FRAME') expect(line.value).toBe('EME2000');
          if (line.kind === 'kvn' && line.keyword === 'TIME_SYSTEM') expect(line.value).toBe('UTC');
        }
      }
      // consecutive segments meet at a station-keeping boundary (a repeated time tag, 5.2.4.4)
      for (let k = 1; k < segments.length; k += 1)
        expect(segments[k]?.startTime).toBe(segments[k - 1]?.stopTime);
    }
  });

  it('gives satellite.js’s SGP4 states of each cycle’s element set, rotated to EME2000', () => {
    let checked = 0;
    for (const sat of satellites) {
      if (sat.orbit.kind !== 'station-kept') continue;
      const orbit = sat.orbit;
      for (const segment of satelliteOemSegments(sat, fromTdbS, toTdbS, 86_400)) {
        const k = Math.floor((segment.startTime - orbit.anchorUtcMs) / orbit.cycleMs);
        for (let n = 0; n < segment.epochs.length; n += 37) {
          const utcMs = segment.epochs[n] as number;
          const teme = referenceTeme(sat, k, utcMs);
          const got = Array.from({ length: 6 }, (_, j) => segment.statesKmKmS[6 * n + j] as number);
          // rotation invariants, straight from satellite.js
          const norm = (v: number[]): number => Math.hypot(...v);
          expect(Math.abs(norm(got.slice(0, 3)) - norm(teme.slice(0, 3)))).toBeLessThan(
            POSITION_TOLERANCE_KM * 10,
          );
          expect(Math.abs(norm(got.slice(3)) - norm(teme.slice(3)))).toBeLessThan(
            VELOCITY_TOLERANCE_KM_S * 10,
          );
          const dot = (a: number[]): number => a[0]! * a[3]! + a[1]! * a[4]! + a[2]! * a[5]!;
          expect(Math.abs(dot(got) - dot(teme))).toBeLessThan(1e-8);
          // the vectors, through the TEME -> EQJ rotation of sim/earth/frames.ts (tested in tests/earth)
          const m = temeToEqjMatrix(utcMsToTdbS(utcMs));
          const expected = [
            ...applyMatrix(m, [teme[0]!, teme[1]!, teme[2]!]),
            ...applyMatrix(m, [teme[3]!, teme[4]!, teme[5]!]),
          ];
          for (let j = 0; j < 3; j += 1)
            expect(Math.abs(got[j]! - expected[j]!)).toBeLessThan(POSITION_TOLERANCE_KM);
          for (let j = 3; j < 6; j += 1)
            expect(Math.abs(got[j]! - expected[j]!)).toBeLessThan(VELOCITY_TOLERANCE_KM_S);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('is accurate to 1 m with its stated Lagrange degree 7 between the lines', () => {
    const sat = satellites.find((s) => s.orbit.kind === 'station-kept') as PowerSatellite;
    const orbit = sat.orbit as Extract<PowerSatellite['orbit'], { kind: 'station-kept' }>;
    const segment = satelliteOemSegments(sat, fromTdbS, toTdbS, 86_400)[1]!;
    const k = Math.floor((segment.startTime - orbit.anchorUtcMs) / orbit.cycleMs);
    const ts = Array.from(segment.epochs);
    let worst = 0;
    for (let n = 0; n + 1 < ts.length; n += 1) {
      const first = Math.min(Math.max(0, n - 3), ts.length - 8);
      const t = (ts[n]! + ts[n + 1]!) / 2;
      const m = temeToEqjMatrix(utcMsToTdbS(t));
      const teme = referenceTeme(sat, k, t);
      const truth = applyMatrix(m, [teme[0]!, teme[1]!, teme[2]!]);
      for (let j = 0; j < 3; j += 1) {
        let sum = 0;
        for (let i = first; i < first + 8; i += 1) {
          let w = 1;
          for (let q = first; q < first + 8; q += 1) if (q !== i) w *= (t - ts[q]!) / (ts[i]! - ts[q]!);
          sum += w * (segment.statesKmKmS[6 * i + j] as number);
        }
        worst = Math.max(worst, Math.abs(sum - truth[j]!));
      }
    }
    expect(worst).toBeLessThan(INTERPOLATION_TOLERANCE_KM);
  });
});
