/**
 * How well the tracers resolve "Sunlight taken from the Earth" (earthDimmingFraction): the core counts the tracers
 * inside the cone of the solar disc seen from the Earth (sim/world.ts), so with few tracers there, the figure is a
 * count of a handful, or 0 however dense the swarm. A completed Armstrong-Sandberg sphere at 2,000 tracers reads 0
 * while the CLI gives 0.61 at 400,000. The note says so, from the snapshot's own figures.
 */

/** Fewer tracers than this in the cone, and the reading is coarse (Poisson: 1/sqrt(10) = 32 % relative noise). */
export const RESOLVED_TRACERS_IN_CONE = 10;

/**
 * The note for the dimming figure, or null when it is resolved or there is no swarm: `values` are the snapshot's
 * figures (collectorsSunwardOfEarth, collectorCount, tracerCount).
 */
export function dimmingResolutionNote(values: Readonly<Record<string, number>>): string | null {
  const sunward = values['collectorsSunwardOfEarth'];
  const collectors = values['collectorCount'];
  const tracers = values['tracerCount'];
  if (sunward === undefined || collectors === undefined || tracers === undefined || !(tracers > 0))
    return null;
  if (!(collectors > 0)) return null;
  // tracers in the cone, from the mean weight of the tracers on station (collectors per tracer)
  const inCone = sunward / (collectors / tracers);
  if (inCone >= RESOLVED_TRACERS_IN_CONE) return null;
  const counted = Math.round(tracers).toLocaleString('en-US');
  if (inCone < 0.5) {
    return `Not resolved: none of the ${counted} tracers on station is in front of the solar disc; more tracers (?tracers=) resolve it.`;
  }
  return `Coarse: about ${Math.round(inCone)} of the ${counted} tracers on station are in front of the solar disc; more tracers (?tracers=) resolve it.`;
}
