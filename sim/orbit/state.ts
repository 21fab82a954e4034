/**
 * Elements <-> Cartesian state for bound two-body orbits, and analytic propagation of elements.
 * Frame ECLIPJ2000 (see elements.ts), SI units; `muM3S2` is the gravitational parameter of the central body in
 * m^3/s^2 (for a sail-like collector, the effective mu(1 - beta) of radiationPressure.ts).
 */
import { InputError } from '../errors.ts';
import { wrapPi, wrapTwoPi } from './angles.ts';
import { writeEllipticState } from './conic.ts';
import type { KeplerElements, StateVector, Vec3 } from './elements.ts';
import { validateElements } from './elements.ts';
import { eccentricFromTrue, meanFromEccentric, reducedEccentricAnomaly } from './kepler.ts';

/**
 * Below this eccentricity the orbit is treated as circular: argPeriapsisRad = 0 and the anomaly is measured from
 * the node (from the x axis if also equatorial). Dropping the periapsis direction of an orbit this round moves a
 * reconstructed state by about 2e, i.e. 2e-12 relative: far below the project's tolerances, and 1000 times the
 * rounding noise of the eccentricity vector of an exactly circular state (< 1e-15 measured).
 */
export const CIRCULAR_ECCENTRICITY_TOLERANCE = 1e-12;

/**
 * Below this sin(i) the orbit is treated as equatorial (i near 0 or near π): ascendingNodeRad = 0 and the argument
 * of periapsis is measured from the x axis (the J2000 equinox) in the direction of motion. The convention moves a
 * reconstructed state by about sin(i), relative; the noise floor is sin(Math.PI) = 1.2e-16.
 */
export const EQUATORIAL_SIN_INCLINATION_TOLERANCE = 1e-12;

/** Cartesian state (ECLIPJ2000, m and m/s) of the elements at their own epoch. Throws InputError on bad input. */
export function keplerToState(el: KeplerElements, muM3S2: number): StateVector {
  validateElements(el);
  checkMu(muM3S2);
  const a = el.semiMajorAxisM;
  const e = el.eccentricity;
  const E = reducedEccentricAnomaly(el.meanAnomalyRad, e);
  const position: Vec3 = [0, 0, 0];
  const velocity: Vec3 = [0, 0, 0];
  writeEllipticState(
    a,
    e,
    el.inclinationRad,
    el.ascendingNodeRad,
    el.argPeriapsisRad,
    E,
    Math.sqrt(muM3S2 * a),
    position,
    velocity,
    0,
  );
  return { positionM: position, velocityMS: velocity };
}

/**
 * Elements of a bound Cartesian state (ECLIPJ2000, m and m/s), after Vallado 4th ed. Algorithm 9 (RV2COE), with
 * every angle taken by atan2 of a sine and a cosine (no acos near its poles).
 *
 * Returned ranges: i in [0, π]; Ω, ω in [0, 2π); M in [-π, π]. Singular cases are resolved deterministically:
 * - equatorial (sin i < EQUATORIAL_SIN_INCLINATION_TOLERANCE, i.e. i = 0 or i = π): Ω = 0, ω measured from the
 *   x axis in the direction of motion;
 * - circular (e < CIRCULAR_ECCENTRICITY_TOLERANCE): ω = 0, the mean anomaly is measured from the node (from the
 *   x axis if also equatorial). The computed e is kept, not forced to 0.
 * Throws InputError for non-finite input, r = 0, rectilinear motion (h = 0) and unbound states (energy >= 0 or
 * e >= 1), which this code does not support.
 */
export function stateToKepler(state: StateVector, muM3S2: number): KeplerElements {
  checkMu(muM3S2);
  const [rx, ry, rz] = finiteVec(state.positionM, 'state.positionM');
  const [vx, vy, vz] = finiteVec(state.velocityMS, 'state.velocityMS');
  const r = Math.hypot(rx, ry, rz);
  if (!(r > 0)) throw new InputError('must not be the zero vector (r = 0)', 'state.positionM');
  const v2 = vx * vx + vy * vy + vz * vz;
  const rDotV = rx * vx + ry * vy + rz * vz;

  const hx = ry * vz - rz * vy;
  const hy = rz * vx - rx * vz;
  const hz = rx * vy - ry * vx;
  const h = Math.hypot(hx, hy, hz);

  // Eccentricity vector: ((v^2 - mu/r) r - (r.v) v) / mu.
  const c1 = v2 - muM3S2 / r;
  const ex = (c1 * rx - rDotV * vx) / muM3S2;
  const ey = (c1 * ry - rDotV * vy) / muM3S2;
  const ez = (c1 * rz - rDotV * vz) / muM3S2;
  const e = Math.hypot(ex, ey, ez);
  const energy = 0.5 * v2 - muM3S2 / r;
  if (!(h > 0)) throw new InputError('rectilinear motion (angular momentum 0) is not supported', 'state');
  if (!(energy < 0) || !(e < 1)) {
    throw new InputError(
      `unbound orbit (e = ${e}, specific energy = ${energy} J/kg): unbound orbits (e >= 1 or energy >= 0) are not supported`,
      'state',
    );
  }
  const a = -muM3S2 / (2 * energy);

  // Node vector n = z x h = (-hy, hx, 0); its length is h sin i.
  const nLen = Math.hypot(hx, hy);
  const inclinationRad = Math.atan2(nLen, hz);
  const equatorial = nLen < EQUATORIAL_SIN_INCLINATION_TOLERANCE * h;
  // Unit reference direction in the plane: the ascending node, or the x axis for equatorial orbits.
  const nx = equatorial ? 1 : -hy / nLen;
  const ny = equatorial ? 0 : hx / nLen;
  const ascendingNodeRad = equatorial ? 0 : wrapTwoPi(Math.atan2(ny, nx));
  const wx = hx / h;
  const wy = hy / h;
  const wz = hz / h;

  // Periapsis direction: along e, or the reference direction for circular orbits.
  const circular = e < CIRCULAR_ECCENTRICITY_TOLERANCE;
  const px = circular ? nx : ex / e;
  const py = circular ? ny : ey / e;
  const pz = circular ? 0 : ez / e;

  // ω = angle from the reference direction to P, positive about h. When equatorial the reference (x axis) is
  // only approximately in the plane; the out-of-plane part is below the tolerance above.
  const argPeriapsisRad = circular ? 0 : wrapTwoPi(signedAngle(nx, ny, 0, px, py, pz, wx, wy, wz));
  // ν = angle from P to r about h. Measuring ω and ν both geometrically keeps ω + ν (the argument of latitude)
  // exact even where e's direction is noisy (small e).
  const trueAnomalyRad = signedAngle(px, py, pz, rx / r, ry / r, rz / r, wx, wy, wz);
  const E = eccentricFromTrue(trueAnomalyRad, e);
  const meanAnomalyRad = wrapPi(meanFromEccentric(E, e));

  return {
    semiMajorAxisM: a,
    eccentricity: e,
    inclinationRad,
    ascendingNodeRad,
    argPeriapsisRad,
    meanAnomalyRad,
  };
}

/**
 * Elements advanced by dtS seconds (either sign) on the same two-body ellipse: only M changes, by n dt with
 * n = sqrt(mu / a^3) rad/s; the result's M is reduced to [-π, π]. Throws InputError on bad input.
 */
export function propagateElements(el: KeplerElements, muM3S2: number, dtS: number): KeplerElements {
  validateElements(el);
  checkMu(muM3S2);
  if (!Number.isFinite(dtS)) throw new InputError(`must be a finite number of seconds, got ${dtS}`, 'dtS');
  const a = el.semiMajorAxisM;
  const meanMotionRadS = Math.sqrt(muM3S2 / (a * a * a));
  return { ...el, meanAnomalyRad: wrapPi(el.meanAnomalyRad + meanMotionRadS * dtS) };
}

/** Angle from unit vector u to unit vector v, rad in (-π, π], positive counter-clockwise about unit axis w. */
function signedAngle(
  ux: number,
  uy: number,
  uz: number,
  vx: number,
  vy: number,
  vz: number,
  wx: number,
  wy: number,
  wz: number,
): number {
  const cx = uy * vz - uz * vy;
  const cy = uz * vx - ux * vz;
  const cz = ux * vy - uy * vx;
  return Math.atan2(cx * wx + cy * wy + cz * wz, ux * vx + uy * vy + uz * vz);
}

function finiteVec(v: Vec3, field: string): Vec3 {
  if (!Array.isArray(v) || v.length !== 3) throw new InputError('must be an array of 3 numbers', field);
  for (let k = 0; k < 3; k += 1) {
    const value = v[k];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new InputError(`must be a finite number, got ${String(value)}`, `${field}[${k}]`);
    }
  }
  return v;
}

function checkMu(muM3S2: number): void {
  if (!(Number.isFinite(muM3S2) && muM3S2 > 0)) {
    throw new InputError(`must be a finite number > 0 m^3/s^2, got ${muM3S2}`, 'muM3S2');
  }
}
