/**
 * The beam-profile memo (sim/beam/profileCache.ts) changes no answer: a memoised profile is, value for value, the
 * one buildBeamProfile computes afresh for the same taper and reach, whatever reach within its grid length asked
 * first; and budgets over slant ranges a station-kept satellite sweeps share one profile.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { buildBeamProfile } from '../../sim/beam/diffraction.ts';
import { gaussianBeamProfile, profileGridCount } from '../../sim/beam/profileCache.ts';
import { gaussianTaper } from '../../sim/beam/taper.ts';

describe('beam profile memo', () => {
  it('returns what buildBeamProfile builds for the same taper and reach, bit for bit', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 5, 10, 17.5),
        fc.double({ min: 0, max: 260, noNaN: true }),
        fc.double({ min: 0, max: 0.049, noNaN: true }),
        (taperDb, uMax, nudge) => {
          // ask first for a nearby reach (same grid length or not), then for uMax itself
          gaussianBeamProfile(taperDb, Math.max(0, uMax - nudge));
          const memoised = gaussianBeamProfile(taperDb, uMax);
          const fresh = buildBeamProfile(gaussianTaper(taperDb), uMax);
          expect(memoised.count).toBe(fresh.count);
          expect(memoised.intensity).toEqual(fresh.intensity);
          expect(memoised.encircled).toEqual(fresh.encircled);
          expect(memoised.rule.nodes).toEqual(fresh.rule.nodes);
          expect(memoised.amplitudeAtNodes).toEqual(fresh.amplitudeAtNodes);
          expect(memoised.taper.powerMoment).toBe(fresh.taper.powerMoment);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('shares one profile across reaches in one grid length (a GEO slant range moving by 1e-5)', () => {
    const u = 32.123;
    expect(profileGridCount(u * (1 + 1e-5))).toBe(profileGridCount(u));
    expect(gaussianBeamProfile(10, u * (1 + 1e-5))).toBe(gaussianBeamProfile(10, u));
    expect(gaussianBeamProfile(10, u + 1)).not.toBe(gaussianBeamProfile(10, u));
    expect(gaussianBeamProfile(12, u)).not.toBe(gaussianBeamProfile(10, u));
  });
});
