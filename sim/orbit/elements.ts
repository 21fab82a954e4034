/**
 * Classical (Keplerian) orbital elements of a bound two-body orbit and the Cartesian state they map to.
 *
 * Frame: heliocentric ecliptic and mean equinox of J2000 ("ECLIPJ2000"); the x axis points to the J2000 equinox,
 * z to the north pole of the J2000 ecliptic. Units SI: metres, m/s, radians. Angles are not range-reduced on
 * input; functions that produce elements return node and argument of periapsis in [0, 2π), mean anomaly in
 * [-π, π] (periapsis at full resolution, see angles.ts wrapPi) and inclination in [0, π].
 */
import { InputError } from '../errors.ts';

export interface KeplerElements {
  /** Semi-major axis a, m (> 0). */
  semiMajorAxisM: number;
  /** Eccentricity e, in [0, 1): only bound, non-degenerate ellipses are modelled. */
  eccentricity: number;
  /** Inclination i to the J2000 ecliptic, rad, in [0, π] (i > π/2 is retrograde). */
  inclinationRad: number;
  /** Longitude of the ascending node Ω, rad, from the J2000 equinox in the ecliptic. 0 by convention when i = 0 or π. */
  ascendingNodeRad: number;
  /** Argument of periapsis ω, rad, from the node in the direction of motion. 0 by convention when e = 0. */
  argPeriapsisRad: number;
  /** Mean anomaly M at the epoch the elements belong to, rad (any real; reduced internally). */
  meanAnomalyRad: number;
}

/** A 3-vector in the frame named by the field that holds it. */
export type Vec3 = [number, number, number];

/** Heliocentric Cartesian state, ECLIPJ2000: position m, velocity m/s. */
export interface StateVector {
  positionM: Vec3;
  velocityMS: Vec3;
}

/**
 * Throw an InputError unless `el` describes a bound ellipse: every field finite, a > 0, 0 <= e < 1, 0 <= i <= π.
 * The message names `${field}.<element>`, the value and the accepted range.
 */
export function validateElements(el: KeplerElements, field = 'elements'): void {
  const finite = (name: keyof KeplerElements): number => {
    const value = el[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new InputError(`must be a finite number, got ${String(value)}`, `${field}.${name}`);
    }
    return value;
  };
  const a = finite('semiMajorAxisM');
  const e = finite('eccentricity');
  const i = finite('inclinationRad');
  finite('ascendingNodeRad');
  finite('argPeriapsisRad');
  finite('meanAnomalyRad');
  if (!(a > 0)) throw new InputError(`must be > 0 m, got ${a}`, `${field}.semiMajorAxisM`);
  if (!(e >= 0 && e < 1)) {
    throw new InputError(
      `must be in [0, 1), got ${e} (unbound orbits, e >= 1, are not supported)`,
      `${field}.eccentricity`,
    );
  }
  if (!(i >= 0 && i <= Math.PI)) {
    throw new InputError(`must be in [0, π] rad, got ${i}`, `${field}.inclinationRad`);
  }
}
