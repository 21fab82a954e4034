/** Orbits: elements, Kepler's equation, elements <-> state, frames, radiation pressure (ECLIPJ2000, SI). */
export type { KeplerElements, StateVector, Vec3 } from './elements.ts';
export { validateElements } from './elements.ts';
export { wrapPi, wrapTwoPi } from './angles.ts';
export {
  solveKepler,
  eccentricAnomaly,
  reducedEccentricAnomaly,
  trueFromEccentric,
  eccentricFromTrue,
  meanFromEccentric,
} from './kepler.ts';
export {
  keplerToState,
  stateToKepler,
  propagateElements,
  CIRCULAR_ECCENTRICITY_TOLERANCE,
  EQUATORIAL_SIN_INCLINATION_TOLERANCE,
} from './state.ts';
export { writeEllipticState, ellipticRadius } from './conic.ts';
export { lightnessNumber, effectiveMu } from './radiationPressure.ts';
export { eclipticToEquatorial, equatorialToEcliptic } from './frames.ts';
