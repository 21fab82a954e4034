/**
 * Points of the unit interval to parameter values: the inverse CDF of each distribution (so a Latin hypercube's
 * strata in u are strata of probability), and the values of a grid.
 *
 * The normal and lognormal are truncated to [min, max]: u maps to Phi^-1(Phi(a) + u (Phi(b) - Phi(a))). Phi and
 * Phi^-1 come from stdlib (@stdlib/stats-base-dists-normal-cdf and -quantile, double precision; simple-statistics'
 * probit is a rough approximation, 1e-4 in probability); rounding could step a hair past a bound, so the value is
 * clamped to [min, max], the range the validation tried.
 */
import normalCdfOf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { Distribution, Grid } from './schema.ts';

function normalCdf(z: number): number {
  return normalCdfOf(z, 0, 1);
}

function probit(p: number): number {
  return normalQuantile(p, 0, 1);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Standard normal quantile of u within the truncation [zMin, zMax]. */
function truncatedNormalZ(u: number, zMin: number, zMax: number): number {
  const pMin = normalCdf(zMin);
  const pMax = normalCdf(zMax);
  return clamp(probit(pMin + u * (pMax - pMin)), zMin, zMax);
}

/** The value of `distribution` at probability u in [0, 1). */
export function inverseCdf(distribution: Distribution, u: number): number {
  switch (distribution.kind) {
    case 'uniform':
      return distribution.min + u * (distribution.max - distribution.min);
    case 'log-uniform': {
      const [a, b] = [Math.log(distribution.min), Math.log(distribution.max)];
      return clamp(Math.exp(a + u * (b - a)), distribution.min, distribution.max);
    }
    case 'normal': {
      const { mean, sd, min, max } = distribution;
      return clamp(mean + sd * truncatedNormalZ(u, (min - mean) / sd, (max - mean) / sd), min, max);
    }
    case 'lognormal': {
      const { median, sdLog, min, max } = distribution;
      const mu = Math.log(median);
      const z = truncatedNormalZ(u, (Math.log(min) - mu) / sdLog, (Math.log(max) - mu) / sdLog);
      return clamp(Math.exp(mu + sdLog * z), min, max);
    }
    case 'triangular': {
      // The triangular CDF inverted piecewise at the mode (its CDF there is (c - a) / (b - a)).
      const { min: a, mode: c, max: b } = distribution;
      const split = (c - a) / (b - a);
      return u < split ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
  }
}

/** The lowest and highest values a distribution can give (its bounds). */
export function distributionBounds(distribution: Distribution): [number, number] {
  return [distribution.min, distribution.max];
}

/** Every value of a grid, in order. */
export function gridValues(grid: Grid): number[] {
  if ('values' in grid) return [...grid.values];
  const { start, stop, count, spacing } = grid;
  if (count === 1) return [start];
  const [a, b] = spacing === 'log' ? [Math.log(start), Math.log(stop)] : [start, stop];
  return Array.from({ length: count }, (_, k) => {
    if (k === count - 1) return stop;
    const x = a + ((b - a) * k) / (count - 1);
    return spacing === 'log' ? Math.exp(x) : x;
  });
}
