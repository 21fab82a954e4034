import { Rotation_EQJ_ECL, RotateVector, Vector, AstroTime } from 'astronomy-engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { OBLIQUITY_J2000_RAD } from '../../sim/constants.ts';
import type { Vec3 } from '../../sim/orbit/elements.ts';
import { eclipticToEquatorial, equatorialToEcliptic } from '../../sim/orbit/frames.ts';
import { diffNorm, norm } from './arbitraries.ts';

const component = fc.double({ min: -1e12, max: 1e12, noNaN: true });
const vecArb = fc.tuple(component, component, component) as fc.Arbitrary<Vec3>;

/** Rotation round trip and length, relative to |v|: two 3x3 products, a few ulp (eps = 2.2e-16). */
const ROTATION_ROUND_TRIP_REL = 1e-15;
/** Rotated unit vectors, absolute: sin and cos of ε each within an ulp of values below 1 (1.1e-16). */
const UNIT_VECTOR_ABS = 1e-16;
/** Against astronomy-engine, relative: 84381.448" (IAU 1976, theirs) vs 84381.406" (IAU 2006, ours) = 2.04e-7 rad. */
const OBLIQUITY_DIFFERENCE_REL = 2.1e-7;

describe('ECLIPJ2000 <-> EQJ', () => {
  it('round-trips and preserves length', () => {
    fc.assert(
      fc.property(vecArb, (v) => {
        const scale = Math.max(norm(v), 1);
        expect(diffNorm(equatorialToEcliptic(eclipticToEquatorial(v)), v) / scale).toBeLessThan(
          ROTATION_ROUND_TRIP_REL,
        );
        expect(Math.abs(norm(eclipticToEquatorial(v)) - norm(v)) / scale).toBeLessThan(
          ROTATION_ROUND_TRIP_REL,
        );
      }),
    );
  });

  it('maps the ecliptic pole and the equinox as a rotation by +obliquity about x', () => {
    const eps = OBLIQUITY_J2000_RAD;
    expect(eclipticToEquatorial([1, 0, 0])).toEqual([1, 0, 0]);
    const pole = eclipticToEquatorial([0, 0, 1]);
    expect(diffNorm(pole, [0, -Math.sin(eps), Math.cos(eps)])).toBeLessThan(UNIT_VECTOR_ABS);
    // The celestial pole seen from the ecliptic frame tilts towards +y (the summer solstice is at ecliptic +y).
    const celestialPole = equatorialToEcliptic([0, 0, 1]);
    expect(diffNorm(celestialPole, [0, Math.sin(eps), Math.cos(eps)])).toBeLessThan(UNIT_VECTOR_ABS);
  });

  it("agrees with astronomy-engine's Rotation_EQJ_ECL to its 0.042 arcsec obliquity difference", () => {
    const rotation = Rotation_EQJ_ECL();
    const time = new AstroTime(0);
    fc.assert(
      fc.property(vecArb, ([x, y, z]) => {
        const theirs = RotateVector(rotation, new Vector(x, y, z, time));
        const ours = equatorialToEcliptic([x, y, z]);
        // 84381.448" (IAU 1976, astronomy-engine) vs 84381.406" (IAU 2006, ours): 2.04e-7 rad.
        expect(diffNorm(ours, [theirs.x, theirs.y, theirs.z])).toBeLessThanOrEqual(
          OBLIQUITY_DIFFERENCE_REL * Math.max(norm([x, y, z]), 1e-300),
        );
      }),
    );
  });
});
