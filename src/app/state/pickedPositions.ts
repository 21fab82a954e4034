/**
 * Positions the inspector and the picker share, in metres, heliocentric ECLIPJ2000: a collector tracer's, from the
 * render buffers the scene draws, and a body's, from the core's ephemerides (as scene/ephemeris.ts draws them).
 */
import { eccentricAnomaly } from '../../../sim/orbit/kepler.ts';
import { earthHeliocentricEclipticM } from '../../../sim/geometry/earthPosition.ts';
import { moonGeocentricEclipticM } from '../../../sim/geometry/moonPosition.ts';
import { planetHeliocentricEclipticM } from '../../../sim/geometry/planetPositions.ts';
import type { SwarmRenderBuffers } from '../../../sim/stream/renderBuffers.ts';
import type { BodyId } from './targets.ts';

/**
 * Heliocentric ECLIPJ2000 position of tracer `k`, m, at TDB `tdbS`, from the render buffers: the float64 mean
 * anomaly (meanAnomalyJ2000Rad + n t) and the float32 orbit vectors the shader uses (shaders/kepler.glsl
 * keplerPosition: r = A (cos E - e) + B sin E), into out[0..2].
 */
export function tracerHelioPositionM(
  swarm: SwarmRenderBuffers,
  k: number,
  tdbS: number,
  out: number[],
): void {
  const meanAnomaly = (swarm.meanAnomalyJ2000Rad[k] as number) + (swarm.meanMotionRadS[k] as number) * tdbS;
  const e = swarm.orbitA[4 * k + 3] as number;
  const E = eccentricAnomaly(meanAnomaly, e);
  const x = Math.cos(E) - e;
  const y = Math.sin(E);
  const { orbitB, orbitC } = swarm;
  out[0] = (orbitB[4 * k] as number) * x + (orbitB[4 * k + 3] as number) * y;
  out[1] = (orbitB[4 * k + 1] as number) * x + (orbitC[4 * k] as number) * y;
  out[2] = (orbitB[4 * k + 2] as number) * x + (orbitC[4 * k + 1] as number) * y;
}

/** A body's heliocentric ECLIPJ2000 position, m, at TDB `tdbS`. */
export function bodyHelioPositionM(id: BodyId, tdbS: number): [number, number, number] {
  if (id === 'sun') return [0, 0, 0];
  if (id === 'earth' || id === 'moon') {
    const earth = earthHeliocentricEclipticM(tdbS);
    if (id === 'earth') return earth;
    const moon = moonGeocentricEclipticM(tdbS);
    return [earth[0] + moon[0], earth[1] + moon[1], earth[2] + moon[2]];
  }
  const p = planetHeliocentricEclipticM(id, tdbS);
  return [p[0], p[1], p[2]];
}
