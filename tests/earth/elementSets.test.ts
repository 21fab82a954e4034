import { json2satrec, sgp4, twoline2satrec } from 'satellite.js';
import { describe, expect, it } from 'vitest';

import {
  SATREC_ERROR_MEANINGS,
  formatTle,
  generateGeoElementSet,
  readOmm,
  readTle,
  tleChecksum,
  tleFormatProblem,
  toOmm,
  type EarthInput,
} from '../../sim/earth/index.ts';
import { InputError } from '../../sim/errors.ts';
import { DEG, dataTles, resolveInput, withGoodChecksum } from './helpers.ts';

const [minotaur, code2, code4] = dataTles('sgp4-ver-bad.txt');
const [xm3] = dataTles('sgp4-ver-28626.txt');
/**
 * TLE against OMM positions over a week, km: 1e-4 deg on the angles is 74 m at 42 164 km; 1e-8 rev/day on n drifts
 * 1.5 m/day; the TLE epoch keeps 1e-8 day (0.9 ms, 3 m).
 */
const TLE_ROUNDING_KM = 0.2;

describe('reference data', () => {
  it('reads the expected element sets', () => {
    expect(dataTles('sgp4-ver-bad.txt').map((t) => t.catalog)).toEqual(['28872', '33334', '33333']);
    expect(xm3?.catalog).toBe('28626');
  });
});

describe('TLE checksums (NORAD format: digits summed, minus sign = 1, modulo 10)', () => {
  it('accepts Vallado verification sets whose column 69 is right', () => {
    for (const tle of [xm3, minotaur]) {
      expect(tleFormatProblem(tle!.line1, tle!.line2)).toBeNull();
    }
  });

  it('catches the wrong checksums Vallado left in 33333 and 33334', () => {
    expect(tleChecksum(code2!.line1)).toBe(6);
    expect(tleFormatProblem(code2!.line1, code2!.line2)).toMatch(
      /line 1 checksum: column 69 says 9, the line sums to 6/,
    );
    expect(tleFormatProblem(code4!.line1, code4!.line2)).toMatch(/line 1 checksum/);
  });

  it('catches a single corrupted digit', () => {
    const corrupted = `${xm3!.line2.slice(0, 20)}${xm3!.line2[20] === '4' ? '5' : '4'}${xm3!.line2.slice(21)}`;
    expect(tleFormatProblem(xm3!.line1, corrupted)).toMatch(/line 2 checksum/);
  });

  it('catches wrong lengths and mismatched catalog numbers', () => {
    expect(tleFormatProblem(xm3!.line1.slice(0, 60), xm3!.line2)).toMatch(/69 characters/);
    const other = withGoodChecksum(`2 28627${xm3!.line2.slice(7)}`, tleChecksum);
    expect(tleFormatProblem(xm3!.line1, other)).toMatch(/catalog numbers differ/);
  });
});

describe('writing element sets', () => {
  const set = generateGeoElementSet({
    name: 'GEN',
    catalogNumber: 99001,
    epochUtcMs: Date.UTC(2033, 2, 1),
    longitudeRad: 10 * DEG,
    inclinationRad: 0.05 * DEG,
    cycleMin: 7 * 1440,
  });

  it('formats TLE lines that satellite.js reads back to within the TLE rounding (< 0.2 km over a week)', () => {
    const [line1, line2] = formatTle(set.elements);
    expect(line1).toHaveLength(69);
    expect(line2).toHaveLength(69);
    expect(tleFormatProblem(line1, line2)).toBeNull();
    const fromTle = twoline2satrec(line1, line2);
    const fromOmm = json2satrec(toOmm('GEN', set.elements));
    for (let t = 0; t <= 7 * 1440; t += 720) {
      const a = sgp4(fromTle, t)!.position;
      const b = sgp4(fromOmm, t)!.position;
      expect(Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z)).toBeLessThan(TLE_ROUNDING_KM);
    }
  });
});

describe('reading element sets with satellite.js', () => {
  const omm = toOmm('OK', {
    catalogNumber: 99002,
    epochUtcMs: Date.UTC(2031, 0, 1),
    meanMotionRevPerDay: 1.0027,
    eccentricity: 0,
    inclinationDeg: 0,
    raanDeg: 0,
    argPerigeeDeg: 0,
    meanAnomalyDeg: 10,
    bstar: 0,
  }) as unknown as Record<string, unknown>;

  it('reads a valid OMM and TLE', () => {
    expect(readOmm(omm).ok).toBe(true);
    expect(readTle(xm3!.line1, xm3!.line2).ok).toBe(true);
  });

  it("quotes satellite.js's satrec.error for impossible mean motions", () => {
    const zero = readOmm({ ...omm, MEAN_MOTION: 0 });
    expect(zero).toEqual({
      ok: false,
      reason: expect.stringMatching(/satrec\.error 2 \(MeanMotionBelowZero/),
    });
    const underground = readOmm({ ...omm, MEAN_MOTION: 20 });
    expect(underground).toEqual({ ok: false, reason: expect.stringMatching(/satrec\.error 6 \(Decayed/) });
    // Vallado's 33334 (0.00001 rev/day), checksum repaired: satellite.js refuses it at the epoch with code 3.
    const repaired = readTle(withGoodChecksum(code2!.line1, tleChecksum), code2!.line2);
    expect(repaired).toEqual({
      ok: false,
      reason: expect.stringMatching(/satrec\.error 3 \(PerturbedEccentricityOutOfRange/),
    });
  });

  it('refuses what satellite.js would silently turn into NaN', () => {
    expect(readOmm({ ...omm, MEAN_MOTION: -1 })).toEqual({
      ok: false,
      reason: expect.stringMatching(/NaN positions/),
    });
    expect(readOmm({ ...omm, MEAN_MOTION: 'x' })).toEqual({
      ok: false,
      reason: expect.stringMatching(/MEAN_MOTION/),
    });
    expect(readOmm({ ...omm, EPOCH: 'yesterday' })).toEqual({
      ok: false,
      reason: expect.stringMatching(/EPOCH/),
    });
  });

  it('names every satellite.js error code it can meet', () => {
    for (const code of [1, 2, 3, 4, 6]) expect(SATREC_ERROR_MEANINGS[code]).toBeTruthy();
  });
});

describe('bad element sets in a scenario', () => {
  const site = {
    name: 'SITE',
    latitudeDeg: 35,
    longitudeDeg: 0,
    aperture: { widthM: 4000, lengthM: 5000 },
    grid: { name: 'grid', capacityW: 1e9 },
  };
  const sat = (name: string, tle: [string, string]) => ({
    name,
    tle,
    powerClass: 'pilot-100mw' as const,
  });
  const input = (skipBadSatellites: boolean): EarthInput => ({
    skipBadSatellites,
    sites: [site],
    satellites: [
      sat('GOOD XM-3', [xm3!.line1, xm3!.line2]),
      sat('CORRUPTED 33334', [code2!.line1, code2!.line2]),
      sat('DECAYED MINOTAUR', [minotaur!.line1, minotaur!.line2]),
    ],
  });
  // The run starts at the MINOTAUR's epoch (2005-11-29): SGP4 loses it within the hour (Vallado's note).
  const run = (skip: boolean) => resolveInput(input(skip), '2005-11-29T00:40:00Z', '2006-07-01');

  it('stops the run with an InputError (exit code 2) naming each satellite and the reason', () => {
    let caught: unknown;
    try {
      run(false);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    const message = (caught as InputError).message;
    expect((caught as InputError).field).toBe('earth.satellites[1]');
    expect(message).toMatch(/2 bad element sets/);
    expect(message).toMatch(/"CORRUPTED 33334": TLE line 1 checksum/);
    // Vallado: "lost in 50 minutes" after the 00:28:59 epoch.
    expect(message).toMatch(
      /"DECAYED MINOTAUR": satellite\.js satrec\.error 6 \(Decayed: .*\) at 2005-11-29T01:[12]\d/,
    );
    expect(message).not.toMatch(/GOOD XM-3/);
  });

  it('skips them on request and says which and why', () => {
    const earth = run(true);
    expect(earth.satellites.map((s) => s.name)).toEqual(['GOOD XM-3']);
    expect(earth.skipped.map((s) => s.name)).toEqual(['CORRUPTED 33334', 'DECAYED MINOTAUR']);
    expect(earth.skipped[1]?.reason).toMatch(/satrec\.error 6/);
  });

  it('reports an impossible mean motion in an OMM with the name and satellite.js code', () => {
    const omm = toOmm('ZERO-N', {
      catalogNumber: 99003,
      epochUtcMs: Date.UTC(2031, 0, 1),
      meanMotionRevPerDay: 0,
      eccentricity: 0,
      inclinationDeg: 0,
      raanDeg: 0,
      argPerigeeDeg: 0,
      meanAnomalyDeg: 0,
      bstar: 0,
    }) as unknown as Record<string, unknown>;
    expect(() =>
      resolveInput(
        { sites: [site], satellites: [{ name: 'ZERO-N', omm, powerClass: 'pilot-100mw' }] },
        '2031-01-01',
        '2032-01-01',
      ),
    ).toThrow(/"ZERO-N": satellite\.js satrec\.error 2 \(MeanMotionBelowZero/);
  });
});
