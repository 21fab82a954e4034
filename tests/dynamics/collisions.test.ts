/**
 * The kinetic collision estimate (sim/dynamics/collisions.ts) against answers from outside the code:
 * - a synthetic uniform shell (a cylindrical annulus filled uniformly, isotropic Gaussian velocities), where the
 *   rate is the gas-kinetic one, C = N^2 σ <v_rel> / (2V) with <v_rel> = 4 s / sqrt(π) for a 1-D dispersion s;
 * - a Monte Carlo count of the close pairs (centres within d) in a Kepler shell like the baseline's, against the
 *   estimate's pair density times the volume of a sphere of radius d;
 * - N^2 growth: the same geometry with every weight doubled gives four times the rate (bookkeeping).
 */
import { describe, expect, it } from 'vitest';

import { AU_M, GM_SUN_M3_S2 } from '../../sim/constants.ts';
import { collisionCrossSectionM2, gridAround, kineticCollisions } from '../../sim/dynamics/collisions.ts';
import { breakupFragments } from '../../sim/dynamics/fragments.ts';
import { InputError } from '../../sim/errors.ts';
import { keplerToState } from '../../sim/orbit/state.ts';
import { createUniformSource } from '../../sim/swarm/random.ts';

/**
 * Pair density against N(N-1) w^2 / (2V): the estimator is unbiased, its scatter is that of a pair count over
 * ~1000 cells with ~4 tracers each, about 1.5 % (measured 0.4 %); 4 % is over 2.5 of those.
 */
const UNIFORM_DENSITY_TOL = 0.04;
/** Mean relative speed against 4 s / sqrt(π): the sample dispersion of 4000 Gaussian triples, < 1 %; 2 %. */
const UNIFORM_SPEED_TOL = 0.02;
/**
 * Close pairs against the estimate: Poisson noise of ~2500 pairs (2 %, 3σ 6 %) plus the smoothing of the density
 * over a cell (i <= 5 deg gives a vertical profile ~0.09 au thick, 16 cells); measured 3 % with these seeds.
 */
const CLOSE_PAIRS_TOL = 0.08;

function gaussian(rng: { next(): number }): number {
  // Box-Muller; 1 - u keeps the logarithm finite.
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

describe('kineticCollisions on a synthetic uniform shell', () => {
  const n = 4000;
  const weight = 1000;
  const [r1, r2, h] = [0.9 * AU_M, 1.1 * AU_M, 0.05 * AU_M];
  const s = 300; // m/s, 1-D velocity dispersion
  const rng = createUniformSource(7);
  const positions = new Float64Array(3 * n);
  const velocities = new Float64Array(3 * n);
  const weights = new Float64Array(n).fill(weight);
  for (let k = 0; k < n; k += 1) {
    const rho = Math.sqrt(r1 * r1 + (r2 * r2 - r1 * r1) * rng.next()); // uniform in area
    const phi = 2 * Math.PI * rng.next();
    positions.set([rho * Math.cos(phi), rho * Math.sin(phi), h * (2 * rng.next() - 1)], 3 * k);
    velocities.set([s * gaussian(rng), s * gaussian(rng), s * gaussian(rng)], 3 * k);
  }
  const volume = Math.PI * (r2 * r2 - r1 * r1) * 2 * h;
  const sigma = collisionCrossSectionM2(1e4);
  const grid = { rhoMinM: r1, rhoMaxM: r2, zMaxM: h, rhoBins: 8, zBins: 8, longitudeBins: 16 };
  const estimate = kineticCollisions(positions, velocities, weights, n, sigma, grid);

  it('gives the gas-kinetic pair density, relative speed and rate', () => {
    const pairs = (n * (n - 1) * weight * weight) / (2 * volume);
    expect(Math.abs(estimate.pairDensityPerM3 / pairs - 1)).toBeLessThan(UNIFORM_DENSITY_TOL);
    const speed = (4 * s) / Math.sqrt(Math.PI);
    expect(Math.abs(estimate.meanRelativeSpeedMS / speed - 1)).toBeLessThan(UNIFORM_SPEED_TOL);
    const rate = pairs * sigma * speed;
    expect(Math.abs(estimate.collisionsPerS / rate - 1)).toBeLessThan(
      UNIFORM_DENSITY_TOL + UNIFORM_SPEED_TOL,
    );
    expect(estimate.collectors).toBe(n * weight);
    expect(estimate.tracers).toBe(n);
  });

  it('grows as N^2: doubling every weight quadruples the rate (bookkeeping)', () => {
    const doubled = kineticCollisions(
      positions,
      velocities,
      weights.map((w) => 2 * w),
      n,
      sigma,
      grid,
    );
    expect(doubled.collisionsPerS / estimate.collisionsPerS).toBeCloseTo(4, 10);
  });

  it('leaves out the pairs inside a group (bookkeeping)', () => {
    const own = kineticCollisions(
      positions,
      velocities,
      weights,
      n,
      sigma,
      grid,
      Int32Array.from({ length: n }, (_, k) => k),
    );
    expect(own.collisionsPerS / estimate.collisionsPerS).toBeCloseTo(1, 12);
    const one = kineticCollisions(positions, velocities, weights, n, sigma, grid, new Int32Array(n));
    expect(one.collisionsPerS).toBe(0);
    // Two groups by halves: the pairs between them, about half of all pairs.
    const halves = kineticCollisions(
      positions,
      velocities,
      weights,
      n,
      sigma,
      grid,
      Int32Array.from({ length: n }, (_, k) => k % 2),
    );
    expect(halves.pairDensityPerM3 / estimate.pairDensityPerM3).toBeCloseTo(0.5, 1);
  });

  it('refuses a bad grid or cross-section, naming the field', () => {
    expect(() => kineticCollisions(positions, velocities, weights, n, -1, grid)).toThrow(InputError);
    expect(() => kineticCollisions(positions, velocities, weights, n, sigma, { ...grid, zBins: 0 })).toThrow(
      /grid\.zBins/,
    );
    expect(() => collisionCrossSectionM2(Number.NaN)).toThrow(/unitAreaM2/);
  });
});

describe('kineticCollisions on a Kepler shell, against a Monte Carlo count of close pairs', () => {
  it('predicts the pairs closer than d', () => {
    const n = 40_000;
    const rng = createUniformSource(11);
    const positions = new Float64Array(3 * n);
    const velocities = new Float64Array(3 * n);
    for (let k = 0; k < n; k += 1) {
      const state = keplerToState(
        {
          semiMajorAxisM: (0.95 + 0.1 * rng.next()) * AU_M,
          eccentricity: 0.03 * rng.next(),
          inclinationRad: (5 * Math.PI * rng.next()) / 180,
          ascendingNodeRad: 2 * Math.PI * rng.next(),
          argPeriapsisRad: 2 * Math.PI * rng.next(),
          meanAnomalyRad: 2 * Math.PI * rng.next(),
        },
        GM_SUN_M3_S2,
      );
      positions.set(state.positionM, 3 * k);
      velocities.set(state.velocityMS, 3 * k);
    }
    const weights = new Float64Array(n).fill(1);
    const estimate = kineticCollisions(positions, velocities, weights, n, 1, gridAround(positions, n));
    // Brute-force count of pairs within d, sorted along x so each tracer scans only its neighbours in x.
    const d = 0.004 * AU_M;
    const order = Array.from({ length: n }, (_, k) => k).sort(
      (i, j) => (positions[3 * i] as number) - (positions[3 * j] as number),
    );
    let close = 0;
    for (let a = 0; a < n; a += 1) {
      const i = order[a] as number;
      const xi = positions[3 * i] as number;
      for (let b = a + 1; b < n; b += 1) {
        const j = order[b] as number;
        const dx = (positions[3 * j] as number) - xi;
        if (dx > d) break;
        const dy = (positions[3 * j + 1] as number) - (positions[3 * i + 1] as number);
        const dz = (positions[3 * j + 2] as number) - (positions[3 * i + 2] as number);
        if (dx * dx + dy * dy + dz * dz < d * d) close += 1;
      }
    }
    const predicted = estimate.pairDensityPerM3 * ((4 / 3) * Math.PI * d ** 3);
    // The relative speed is that of the eccentricities and inclinations, not of the orbital motion (30 km/s):
    // e <= 0.03 and i <= 5 deg give ~(e, sin i) x 30 km/s, 1 to 2 km/s.
    expect(estimate.meanRelativeSpeedMS).toBeGreaterThan(500);
    expect(estimate.meanRelativeSpeedMS).toBeLessThan(3000);
    expect(close, `close pairs ${close}, predicted ${predicted.toFixed(1)}`).toBeGreaterThan(2000);
    expect(
      Math.abs(close / predicted - 1),
      `close pairs ${close}, predicted ${predicted.toFixed(1)}`,
    ).toBeLessThan(CLOSE_PAIRS_TOL);
  });
});

describe('breakupFragments (NASA standard breakup model)', () => {
  it('is 0.1 M^0.75 Lc^-1.71 with M both masses for a catastrophic collision', () => {
    // 6000 kg each at 1 km/s: 5e5 J/kg > 40 J/g, catastrophic; M = 12 000 kg.
    expect(breakupFragments(6000, 1000, 0.1)).toBeCloseTo(0.1 * 12_000 ** 0.75 * 0.1 ** -1.71, 6);
  });
  it('uses m v^2 (km/s) below 40 J/g', () => {
    // 100 m/s: 5000 J/kg < 40 000 J/kg; M = 6000 kg x 0.01 = 60 kg.
    expect(breakupFragments(6000, 100, 0.1)).toBeCloseTo(0.1 * 60 ** 0.75 * 0.1 ** -1.71, 6);
  });
});
