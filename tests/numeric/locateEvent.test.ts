/**
 * Event location by bisection (sim/numeric/locateEvent.ts), against analytic crossing points.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { crossesUpward, locateEvent, locateEventWithin } from '../../sim/numeric/locateEvent.ts';

describe('locateEvent', () => {
  it('brackets the crossing from its fired side to 2^-iterations of the bracket', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        (x, k) => {
          const located = locateEvent((v) => v >= x, 0, 1, k);
          expect(located).toBeGreaterThanOrEqual(x);
          expect(located - x).toBeLessThanOrEqual(2 ** -k);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('finds when cos t falls through 0 (t = pi / 2) inside a step [1, 2], in seconds', () => {
    const t = locateEvent((v) => -Math.cos(v) >= 0, 1, 2, 50);
    expect(Math.abs(t - Math.PI / 2)).toBeLessThanOrEqual(2 ** -50);
    expect(-Math.cos(t)).toBeGreaterThanOrEqual(0);
  });

  it('returns hi with no bisection at all', () => {
    expect(locateEvent(() => true, 0, 3, 0)).toBe(3);
  });
});

describe('locateEventWithin', () => {
  it('brackets the crossing from its fired side to the tolerance', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        fc.double({ min: 1e-3, max: 100, noNaN: true }),
        (x, tolerance) => {
          const located = locateEventWithin((v) => v >= x, 0, 1e4, tolerance);
          expect(located).toBeGreaterThanOrEqual(x);
          expect(located - x).toBeLessThanOrEqual(tolerance);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('returns hi when the bracket is already within the tolerance', () => {
    expect(locateEventWithin(() => false, 0, 50, 60)).toBe(50);
  });
});

describe('crossesUpward', () => {
  it('fires from below zero to zero or above only', () => {
    expect(crossesUpward(-1, 0)).toBe(true);
    expect(crossesUpward(-1, 2)).toBe(true);
    expect(crossesUpward(0, 1)).toBe(false);
    expect(crossesUpward(1, -1)).toBe(false);
    expect(crossesUpward(-1, -0.5)).toBe(false);
    expect(crossesUpward(NaN, 1)).toBe(false);
    expect(crossesUpward(-1, NaN)).toBe(false);
  });
});
