/** An orbit shell of the swarm, SI: the ranges the tracer sampler draws heliocentric Kepler elements from. */

/** A closed interval [min, max]. */
export type Range = readonly [min: number, max: number];

/** An orbit shell, SI: ranges of heliocentric ecliptic-J2000 Kepler elements. */
export interface ShellSpec {
  readonly name: string;
  readonly semiMajorAxisM: Range;
  readonly eccentricity: Range;
  readonly inclinationRad: Range;
  readonly ascendingNodeRad: Range;
  readonly argPeriapsisRad: Range;
}
