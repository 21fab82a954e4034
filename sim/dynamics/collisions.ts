/**
 * Collisions between collectors inside the swarm, by kinetic theory (the particle-in-a-box estimate of debris
 * studies: D. J. Kessler, "Collisional cascading: the limits of population growth in low Earth orbit", Adv. Space
 * Res. 11(12), 1991, 63-66; the same rate as a gas's collision rate, Chapman & Cowling).
 *
 * Rate: C = (1/2) ∫ n(x)^2 σ <v_rel>(x) dV collisions per second, n the number density of real collectors, σ the
 * collision cross-section and <v_rel> the mean relative speed of the collectors met at x.
 *
 * From the tracers (each stands for weight_k real collectors): the space is cut into cylindrical cells about the
 * Sun (heliocentric radius ρ in the ecliptic plane, longitude φ, height z) and in each cell c
 *   (1/2) ∫_c n^2 dV ≈ P_c = ((Σ w)^2 - Σ w^2) / (2 V_c),
 * the weighted count of distinct pairs per volume: an unbiased estimate of a smooth density's ∫ n^2 (the self pairs
 * w_k^2 are left out, as in a two-point correlation count). The relative speed comes from the cell's velocity
 * dispersion, velocities taken in the local cylindrical frame (radial, azimuthal, vertical): over distinct pairs, the mean square of |v_i - v_j| is exactly
 *   2 (W Σ w |v|^2 - |Σ w v|^2) / (W^2 - Σ w^2),
 * and the mean speed is sqrt(8 / (3π)) times that root mean square, the ratio of a Maxwellian (isotropic Gaussian
 * velocities; stated assumption). The estimate is resolution-limited: structure finer than a cell (a formation
 * flying within one cell, a ring thinner than a cell's height) is smoothed over, which underestimates the rate.
 *
 * Geometry of a collision: each collector is a flat square of side L = sqrt(unitAreaM2); two collide when their
 * centres pass within L of each other, a sphere of diameter L about each, so σ = π L^2 (collisionCrossSectionM2).
 * Two Sun-facing plates present L^2 |cos| of the angle between the relative velocity and their normal each, so for
 * in-plane relative velocities this is an upper estimate, within a factor of a few.
 *
 * Groups (formations flying together, sim/swarm/formation.ts): their members share an orbit to within the
 * formation's size and meet at station-keeping speeds, not at orbital ones; with `groups` given, pairs of the
 * same group are left out of both sums (the per-group moments subtracted cell by cell), so the estimate is that
 * of collisions between formations. Collisions inside a formation are a station-keeping question.
 *
 * Units: SI (m, m/s, s); positions and velocities heliocentric ECLIPJ2000.
 */
import { InputError } from '../errors.ts';

/** Mean over root-mean-square relative speed of a Maxwellian: sqrt(8 / (3π)) (mean 4σ/sqrt(π), rms sqrt(6) σ). */
export const MAXWELL_MEAN_OVER_RMS = Math.sqrt(8 / (3 * Math.PI));

/** Collision cross-section of two square collectors of area unitAreaM2 each, m²: π L², L = sqrt(unitAreaM2). */
export function collisionCrossSectionM2(unitAreaM2: number): number {
  if (!(Number.isFinite(unitAreaM2) && unitAreaM2 > 0)) {
    throw new InputError(`must be a finite number > 0 m^2, got ${unitAreaM2}`, 'unitAreaM2');
  }
  return Math.PI * unitAreaM2;
}

/** The cells: cylindrical about the Sun, ρ in [rhoMinM, rhoMaxM], z in [-zMaxM, zMaxM], φ in [0, 2π). */
export interface CollisionGrid {
  readonly rhoMinM: number;
  readonly rhoMaxM: number;
  readonly zMaxM: number;
  readonly rhoBins: number;
  readonly zBins: number;
  readonly longitudeBins: number;
}

/** The default resolution: 16 radial, 16 vertical and 32 longitude bins (8192 cells), a few tracers a cell. */
export const DEFAULT_GRID_BINS = { rhoBins: 16, zBins: 16, longitudeBins: 32 } as const;

export interface CollisionEstimate {
  /** (1/2) ∫ n^2 dV, pairs of real collectors per m³ summed over the volume (pairs / m³ · m³ / m³ = 1/m³). */
  readonly pairDensityPerM3: number;
  /** Mean relative speed of colliding pairs, m/s (pair-weighted over the cells; 0 when no cell holds a pair). */
  readonly meanRelativeSpeedMS: number;
  /** Collisions per second: Σ_c P_c σ <v_rel>_c. */
  readonly collisionsPerS: number;
  /** Real collectors counted (Σ w), and tracers that fell in the grid. */
  readonly collectors: number;
  readonly tracers: number;
}

/**
 * The grid that just holds the first `count` positions (xyz interleaved, m): ρ from the smallest to the largest
 * ecliptic-plane radius and z to the largest |z|, each widened by half a bin so no tracer sits on an edge.
 */
export function gridAround(
  positionsM: ArrayLike<number>,
  count: number,
  bins: Pick<CollisionGrid, 'rhoBins' | 'zBins' | 'longitudeBins'> = DEFAULT_GRID_BINS,
): CollisionGrid {
  let rhoMin = Infinity;
  let rhoMax = 0;
  let zMax = 0;
  for (let k = 0; k < count; k += 1) {
    const x = positionsM[3 * k] as number;
    const y = positionsM[3 * k + 1] as number;
    const z = positionsM[3 * k + 2] as number;
    const rho = Math.hypot(x, y);
    rhoMin = Math.min(rhoMin, rho);
    rhoMax = Math.max(rhoMax, rho);
    zMax = Math.max(zMax, Math.abs(z));
  }
  if (count === 0) return { rhoMinM: 0, rhoMaxM: 1, zMaxM: 1, ...bins };
  const halfRho = (rhoMax - rhoMin) / (2 * bins.rhoBins) || rhoMax * 1e-3;
  const halfZ = zMax / (2 * bins.zBins) || rhoMax * 1e-3;
  return {
    rhoMinM: Math.max(0, rhoMin - halfRho),
    rhoMaxM: rhoMax + halfRho,
    zMaxM: zMax + halfZ,
    ...bins,
  };
}

/**
 * The kinetic collision estimate of the first `count` tracers: positions and velocities xyz interleaved (m, m/s,
 * heliocentric), weights (real collectors per tracer, > 0) and the cross-section σ (m²); `groups` (integer in
 * [0, 2^21) per tracer, or -1 for none) leaves out the pairs of one group. Tracers outside the grid are left out
 * (gridAround's grid holds them all). Deterministic: sums in table order.
 */
export function kineticCollisions(
  positionsM: ArrayLike<number>,
  velocitiesMS: ArrayLike<number>,
  weights: ArrayLike<number>,
  count: number,
  crossSectionM2: number,
  grid: CollisionGrid,
  groups?: ArrayLike<number>,
): CollisionEstimate {
  checkGrid(grid);
  if (!(Number.isFinite(crossSectionM2) && crossSectionM2 >= 0)) {
    throw new InputError(`must be a finite number >= 0 m^2, got ${crossSectionM2}`, 'crossSectionM2');
  }
  if (positionsM.length < 3 * count || velocitiesMS.length < 3 * count || weights.length < count) {
    throw new InputError(`must hold ${count} tracers (3 values each for positions and velocities)`, 'count');
  }
  const { rhoMinM, rhoMaxM, zMaxM, rhoBins, zBins, longitudeBins } = grid;
  const cells = rhoBins * zBins * longitudeBins;
  // Per cell: Σw, Σw², Σw v (3), Σw |v|².
  const sums = new Float64Array(6 * cells);
  const rhoStep = (rhoMaxM - rhoMinM) / rhoBins;
  const zStep = (2 * zMaxM) / zBins;
  const phiStep = (2 * Math.PI) / longitudeBins;
  let collectors = 0;
  let tracers = 0;
  // Per (cell, group) moments, for the same-group pairs to leave out.
  const groupSums = new Map<number, Float64Array>();
  for (let k = 0; k < count; k += 1) {
    const x = positionsM[3 * k] as number;
    const y = positionsM[3 * k + 1] as number;
    const z = positionsM[3 * k + 2] as number;
    const ir = Math.floor((Math.hypot(x, y) - rhoMinM) / rhoStep);
    if (!(Math.hypot(x, y) > 0)) continue;
    const iz = Math.floor((z + zMaxM) / zStep);
    if (!(ir >= 0 && ir < rhoBins && iz >= 0 && iz < zBins)) continue;
    let phi = Math.atan2(y, x);
    if (phi < 0) phi += 2 * Math.PI;
    const ip = Math.min(longitudeBins - 1, Math.floor(phi / phiStep));
    const w = weights[k] as number;
    // Velocity in the local cylindrical frame (radial, azimuthal, vertical), so that the turn of the orbital
    // velocity across a cell's longitude (v Δφ, 12 km/s over 1/16 of a turn at 1 au) is not taken for dispersion.
    const rho = Math.hypot(x, y);
    const ux = velocitiesMS[3 * k] as number;
    const uy = velocitiesMS[3 * k + 1] as number;
    const vx = (x * ux + y * uy) / rho;
    const vy = (x * uy - y * ux) / rho;
    const vz = velocitiesMS[3 * k + 2] as number;
    const c = 6 * ((ir * zBins + iz) * longitudeBins + ip);
    sums[c] = (sums[c] as number) + w;
    sums[c + 1] = (sums[c + 1] as number) + w * w;
    sums[c + 2] = (sums[c + 2] as number) + w * vx;
    sums[c + 3] = (sums[c + 3] as number) + w * vy;
    sums[c + 4] = (sums[c + 4] as number) + w * vz;
    sums[c + 5] = (sums[c + 5] as number) + w * (vx * vx + vy * vy + vz * vz);
    const group = groups === undefined ? -1 : (groups[k] as number);
    if (group >= 0) {
      const key = (c / 6) * 2 ** 21 + group;
      let g = groupSums.get(key);
      if (g === undefined) {
        g = new Float64Array(6);
        groupSums.set(key, g);
      }
      g[0] = (g[0] as number) + w;
      g[1] = (g[1] as number) + w * w;
      g[2] = (g[2] as number) + w * vx;
      g[3] = (g[3] as number) + w * vy;
      g[4] = (g[4] as number) + w * vz;
      g[5] = (g[5] as number) + w * (vx * vx + vy * vy + vz * vz);
    }
    collectors += w;
    tracers += 1;
  }
  // Same-group pairs per cell: their distinct-pair weight and their Σ w_i w_j |v_i - v_j|^2.
  const sameDistinct = new Float64Array(cells);
  const sameSquares = new Float64Array(cells);
  for (const [key, g] of groupSums) {
    const cell = Math.floor(key / 2 ** 21);
    const W = g[0] as number;
    const [gx, gy, gz] = [g[2] as number, g[3] as number, g[4] as number];
    sameDistinct[cell] = (sameDistinct[cell] as number) + W * W - (g[1] as number);
    sameSquares[cell] =
      (sameSquares[cell] as number) + 2 * (W * (g[5] as number) - (gx * gx + gy * gy + gz * gz));
  }
  let pairDensity = 0;
  let rate = 0;
  for (let ir = 0; ir < rhoBins; ir += 1) {
    const r1 = rhoMinM + ir * rhoStep;
    const r2 = r1 + rhoStep;
    const volume = ((r2 * r2 - r1 * r1) / 2) * phiStep * zStep;
    for (let cell = ir * zBins * longitudeBins; cell < (ir + 1) * zBins * longitudeBins; cell += 1) {
      const c = 6 * cell;
      const W = sums[c] as number;
      const W2 = sums[c + 1] as number;
      // Σ_{i≠j} w_i w_j, less the pairs inside one group.
      const distinct = W * W - W2 - (sameDistinct[cell] as number);
      if (!(distinct > 0)) continue;
      const sx = sums[c + 2] as number;
      const sy = sums[c + 3] as number;
      const sz = sums[c + 4] as number;
      const squares = 2 * (W * (sums[c + 5] as number) - (sx * sx + sy * sy + sz * sz));
      const meanSquare = Math.max(0, (squares - (sameSquares[cell] as number)) / distinct);
      const pairs = distinct / (2 * volume);
      pairDensity += pairs;
      rate += pairs * crossSectionM2 * MAXWELL_MEAN_OVER_RMS * Math.sqrt(meanSquare);
    }
  }
  return {
    pairDensityPerM3: pairDensity,
    meanRelativeSpeedMS: pairDensity > 0 && crossSectionM2 > 0 ? rate / (pairDensity * crossSectionM2) : 0,
    collisionsPerS: rate,
    collectors,
    tracers,
  };
}

function checkGrid(grid: CollisionGrid): void {
  const { rhoMinM, rhoMaxM, zMaxM } = grid;
  if (!(Number.isFinite(rhoMinM) && rhoMinM >= 0)) {
    throw new InputError(`must be a finite number >= 0 m, got ${rhoMinM}`, 'grid.rhoMinM');
  }
  if (!(Number.isFinite(rhoMaxM) && rhoMaxM > rhoMinM)) {
    throw new InputError(`must be a finite number > rhoMinM = ${rhoMinM} m, got ${rhoMaxM}`, 'grid.rhoMaxM');
  }
  if (!(Number.isFinite(zMaxM) && zMaxM > 0)) {
    throw new InputError(`must be a finite number > 0 m, got ${zMaxM}`, 'grid.zMaxM');
  }
  for (const name of ['rhoBins', 'zBins', 'longitudeBins'] as const) {
    const v = grid[name];
    if (!(Number.isInteger(v) && v >= 1 && v <= 4096)) {
      throw new InputError(`must be an integer in [1, 4096], got ${v}`, `grid.${name}`);
    }
  }
}
