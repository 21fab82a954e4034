/**
 * The self-check table of `auto` (sim/propagate/checkTable.ts): deterministic for a seed, valid, inside the domain
 * the GPU bound is stated for, with every hard case present; and the error measure it is judged by.
 */
import { describe, expect, it } from 'vitest';

import { AU_M, GM_SUN_M3_S2 } from '../../sim/constants.ts';
import {
  createCheckTable,
  maxRelativeError,
  SPAN_2030_TDB_S,
  SPAN_2050_TDB_S,
} from '../../sim/propagate/checkTable.ts';
import { validateTracerTable } from '../../sim/propagate/tracerTable.ts';

/** A 3-4-5 displacement over a, digits (5e-21 on 5e-9): products, hypot and a division, a few ulp (8e-25 each). */
const HYPOT_DIGITS = 20;

const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('createCheckTable', () => {
  const table = createCheckTable(4000, 2030);

  it('gives the same bytes for the same seed, other bytes for another', () => {
    const again = createCheckTable(4000, 2030);
    const other = createCheckTable(4000, 2031);
    for (const column of ['semiMajorAxisM', 'eccentricity', 'meanAnomalyAtEpochRad', 'weight'] as const) {
      expect(bytes(again[column]).equals(bytes(table[column]))).toBe(true);
      expect(bytes(other[column]).equals(bytes(table[column]))).toBe(false);
    }
  });

  it('is a valid table inside the stated domain: a in [0.1, 5] au, e <= 0.9, epochs in 2030-2050', () => {
    expect(() => validateTracerTable(table)).not.toThrow();
    for (let k = 0; k < table.count; k += 1) {
      expect(table.semiMajorAxisM[k]! / AU_M).toBeGreaterThanOrEqual(0.1);
      expect(table.semiMajorAxisM[k]! / AU_M).toBeLessThanOrEqual(5);
      expect(table.eccentricity[k]).toBeLessThanOrEqual(0.9);
      expect(table.epochTdbS[k]).toBeGreaterThanOrEqual(SPAN_2030_TDB_S);
      expect(table.epochTdbS[k]).toBeLessThanOrEqual(SPAN_2050_TDB_S);
    }
  });

  it('mixes in the hard cases: e = 0.9 near periapsis, i = 0 and π, beta up to 0.99, near-circular', () => {
    const kinds = (kind: number) => Array.from({ length: table.count / 8 }, (_, j) => 8 * j + kind);
    expect(
      kinds(0).every(
        (k) => table.eccentricity[k] === 0.9 && Math.abs(table.meanAnomalyAtEpochRad[k]!) <= 5e-4,
      ),
    ).toBe(true);
    expect(kinds(1).every((k) => table.eccentricity[k]! < 1e-7)).toBe(true);
    expect(kinds(2).every((k) => table.inclinationRad[k] === 0)).toBe(true);
    expect(kinds(3).every((k) => table.inclinationRad[k] === Math.PI)).toBe(true);
    // beta >= 0.9: mu (1 - beta) at most a tenth of the Sun's, so n^2 a^3 <= 0.1 GM
    const mu = (k: number) => table.meanMotionRadS[k]! ** 2 * table.semiMajorAxisM[k]! ** 3;
    expect(kinds(5).every((k) => mu(k) <= 0.1000001 * GM_SUN_M3_S2)).toBe(true);
  });
});

describe('maxRelativeError', () => {
  it('is the worst |p - p_ref| / a, and NaN counts as Infinity', () => {
    const table = createCheckTable(2, 1);
    const reference = new Float64Array(6);
    const a0 = table.semiMajorAxisM[0]!;
    expect(
      maxRelativeError(table, Float64Array.from([3e-9 * a0, 4e-9 * a0, 0, 0, 0, 0]), reference),
    ).toBeCloseTo(5e-9, HYPOT_DIGITS);
    expect(maxRelativeError(table, Float64Array.from([0, 0, 0, NaN, 0, 0]), reference)).toBe(Infinity);
  });
});
