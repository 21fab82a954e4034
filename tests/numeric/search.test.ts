/**
 * Sorted-array searches and bisection (sim/numeric/search.ts), against a linear scan and analytic roots:
 * property tests (fast-check) over sorted arrays with many duplicates, empty arrays and prefixes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { bisect, countAtOrBelow, countBelow } from '../../sim/numeric/search.ts';

/** Sorted keys drawn from a small set of integers, so that duplicates and probes equal to keys are common. */
/** 80 halvings of [0, 4] for sqrt(2), absolute: down to adjacent doubles, two ulp of sqrt(2) (2.2e-16 each). */
const ADJACENT_DOUBLES = 4e-16;

const sortedKeys = fc
  .array(fc.integer({ min: -20, max: 20 }), { maxLength: 60 })
  .map((keys) => Float64Array.from(keys).sort());
const probe = fc.oneof(fc.integer({ min: -25, max: 25 }), fc.double({ min: -25, max: 25, noNaN: true }));

function scanAtOrBelow(keys: ArrayLike<number>, t: number, count: number): number {
  let n = 0;
  for (let i = 0; i < count; i += 1) if ((keys[i] as number) <= t) n += 1;
  return n;
}
function scanBelow(keys: ArrayLike<number>, t: number, count: number): number {
  let n = 0;
  for (let i = 0; i < count; i += 1) if ((keys[i] as number) < t) n += 1;
  return n;
}

describe('countAtOrBelow and countBelow', () => {
  it('equal a linear scan on sorted keys with duplicates', () => {
    fc.assert(
      fc.property(sortedKeys, probe, (keys, t) => {
        expect(countAtOrBelow(keys, t)).toBe(scanAtOrBelow(keys, t, keys.length));
        expect(countBelow(keys, t)).toBe(scanBelow(keys, t, keys.length));
      }),
      { numRuns: 5_000 },
    );
  });

  it('search only the prefix of length count', () => {
    fc.assert(
      fc.property(sortedKeys, probe, fc.nat(), (keys, t, cut) => {
        const count = keys.length === 0 ? 0 : cut % (keys.length + 1);
        expect(countAtOrBelow(keys, t, count)).toBe(scanAtOrBelow(keys, t, count));
        expect(countBelow(keys, t, count)).toBe(scanBelow(keys, t, count));
      }),
      { numRuns: 3_000 },
    );
  });

  it('take plain arrays and integer typed arrays too (the schedule and marker callers)', () => {
    const keys = [1, 2, 2, 2, 5];
    expect(countAtOrBelow(keys, 2)).toBe(4);
    expect(countBelow(keys, 2)).toBe(1);
    const markers = Uint32Array.of(0, 3, 3, 9);
    expect(countBelow(markers, 3)).toBe(1);
    expect(countBelow(markers, 10)).toBe(4);
  });

  it('give 0 on an empty array, at -Infinity and for a NaN probe', () => {
    expect(countAtOrBelow(new Float64Array(0), 1)).toBe(0);
    expect(countBelow([], 1)).toBe(0);
    expect(countAtOrBelow([1, 2], -Infinity)).toBe(0);
    expect(countAtOrBelow([1, 2], NaN)).toBe(0);
    expect(countBelow([1, 2], NaN)).toBe(0);
    expect(countAtOrBelow([1, 2], Infinity)).toBe(2);
  });
});

/** Bracket left around a root: the tolerance asked for (the result is the midpoint of the last bracket). */
const ROOT_TOL = 1e-9;

describe('bisect', () => {
  it('finds the root of a monotone function to half the tolerance', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (c) => {
        // x^3 = c has the root cbrt(c) in [-3, 3].
        const root = bisect((x) => x * x * x < c, -3, 3, ROOT_TOL);
        expect(Math.abs(root - Math.cbrt(c))).toBeLessThanOrEqual(ROOT_TOL / 2);
      }),
      { numRuns: 2_000 },
    );
  });

  it('stops after maxIterations halvings: the error is then (hi - lo) 2^-(k + 1)', () => {
    const root = Math.SQRT2;
    for (const k of [0, 1, 5, 20]) {
      const x = bisect((v) => v * v < 2, 0, 4, 0, k);
      expect(Math.abs(x - root)).toBeLessThanOrEqual(4 * 2 ** -(k + 1));
    }
    // 80 halvings: down to adjacent doubles, without looping.
    expect(Math.abs(bisect((v) => v * v < 2, 0, 4, 0, 80) - root)).toBeLessThanOrEqual(ADJACENT_DOUBLES);
  });

  it('ends on adjacent doubles even with a zero tolerance and no iteration limit', () => {
    const x = bisect((v) => v < 1 / 3, 0, 1, 0);
    expect(Math.abs(x - 1 / 3)).toBeLessThanOrEqual(Number.EPSILON);
  });

  it('returns the midpoint of an empty or already small bracket without evaluating the predicate', () => {
    const never = (): boolean => {
      throw new Error('evaluated');
    };
    expect(bisect(never, 2, 2, 0)).toBe(2);
    expect(bisect(never, 1, 1.5, 1)).toBe(1.25);
  });
});
