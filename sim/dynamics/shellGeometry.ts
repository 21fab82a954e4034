/**
 * A shell's geometry as a swarm of independent collectors: orbits drawn uniformly from the shell's element ranges
 * (as the tracer sampler draws them, sim/swarm/shell.ts) with uniform mean anomalies, each standing for one
 * collector. The collision and encounter rates of this sample, divided by N^2 and by N, are the shell's rates per
 * collector pair and per collector when its collectors are spread over the shell, not bunched in formations.
 * Seeded (sim/swarm/random.ts): deterministic. SI units, ECLIPJ2000.
 */
import { GM_SUN_M3_S2 } from '../constants.ts';
import { writeEllipticState } from '../orbit/conic.ts';
import { eccentricAnomaly } from '../orbit/kepler.ts';
import { createUniformSource } from '../swarm/random.ts';
import type { ShellSpec } from '../swarm/shell.ts';

/** Sample size of the geometry (enough for a few tracers per collision cell and per encounter probe). */
export const SHELL_GEOMETRY_SAMPLE = 20_000;

export interface ShellSample {
  readonly count: number;
  readonly positionsM: Float64Array;
  readonly velocitiesMS: Float64Array;
}

/** Positions and velocities at tdbS of `count` orbits drawn from `shell` under mu (1 - beta) (m^3/s^2). */
export function sampleShell(
  shell: ShellSpec,
  lightnessNumber: number,
  tdbS: number,
  seed: number,
  count = SHELL_GEOMETRY_SAMPLE,
): ShellSample {
  const rng = createUniformSource(seed);
  const mu = GM_SUN_M3_S2 * (1 - lightnessNumber);
  const positionsM = new Float64Array(3 * count);
  const velocitiesMS = new Float64Array(3 * count);
  const pick = (range: readonly [number, number]): number => range[0] + (range[1] - range[0]) * rng.next();
  for (let k = 0; k < count; k += 1) {
    const a = pick(shell.semiMajorAxisM);
    const e = pick(shell.eccentricity);
    const i = pick(shell.inclinationRad);
    const node = pick(shell.ascendingNodeRad);
    const w = pick(shell.argPeriapsisRad);
    const n = Math.sqrt(mu / (a * a * a));
    const m = 2 * Math.PI * rng.next() + n * tdbS;
    writeEllipticState(a, e, i, node, w, eccentricAnomaly(m, e), n * a * a, positionsM, velocitiesMS, 3 * k);
  }
  return { count, positionsM, velocitiesMS };
}
