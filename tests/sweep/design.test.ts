// The designs and distributions of sim/sweep, against their definitions: Latin-hypercube stratification (exact)
// and uniform marginals (Kolmogorov-Smirnov and chi-square tests at stated false-alarm rates), the analytic CDFs
// of the distributions evaluated at their inverse, and the full-factorial order of a grid.
import { describe, expect, it } from 'vitest';

import { designValues, latinHypercube, sampleSeed } from '../../sim/sweep/design.ts';
import { gridValues, inverseCdf } from '../../sim/sweep/distributions.ts';
import { parseSweep } from '../../sim/sweep/study.ts';

/** Probabilities come back through the analytic CDF to double rounding of a few operations. */
const CDF_ROUND_TRIP = 1e-12;

/** The reference CDF below (Abramowitz & Stegun 26.2.17) is good to 7.5e-8; the truncation divides by ~0.9. */
const NORMAL_CDF_ROUND_TRIP = 2e-7;

describe('Latin hypercube', () => {
  const n = 200;
  const d = 4;
  const points = latinHypercube(n, d, 20260101);
  const column = (j: number): number[] => Array.from({ length: n }, (_, i) => points[i * d + j] ?? NaN);

  it('puts exactly one point in each of the n strata of every dimension, inside (0, 1)', () => {
    for (let j = 0; j < d; j += 1) {
      const strata = column(j).map((u) => Math.floor(u * n));
      expect(new Set(strata).size).toBe(n);
      expect(Math.min(...column(j))).toBeGreaterThan(0);
      expect(Math.max(...column(j))).toBeLessThan(1);
    }
  });

  it('has uniform marginals (Kolmogorov-Smirnov, false-alarm rate 0.001 per dimension)', () => {
    // Critical value of D_n at alpha = 0.001: 1.95 / sqrt(n) (Smirnov's asymptotic distribution).
    const critical = 1.95 / Math.sqrt(n);
    for (let j = 0; j < d; j += 1) {
      const sorted = column(j).sort((a, b) => a - b);
      const dn = Math.max(...sorted.map((u, k) => Math.max((k + 1) / n - u, u - k / n)));
      expect(dn).toBeLessThan(critical);
    }
  });

  it('places points uniformly within their strata (chi-square, 10 bins, false-alarm rate 0.001)', () => {
    // Pooled over dimensions: n d positions within strata, 10 equal bins; chi2(9) at 0.999 is 27.877.
    const bins = new Array<number>(10).fill(0);
    for (const u of points) {
      const bin = Math.min(9, Math.floor((u * n - Math.floor(u * n)) * 10));
      bins[bin] = (bins[bin] ?? 0) + 1;
    }
    const expected = (n * d) / 10;
    const chi2 = bins.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(27.877);
  });

  it('pairs dimensions independently (different seeds give different permutations)', () => {
    expect(column(0).map((u) => Math.floor(u * n))).not.toEqual(column(1).map((u) => Math.floor(u * n)));
    expect(latinHypercube(n, d, 1)).not.toEqual(points);
    expect(latinHypercube(n, d, 20260101)).toEqual(points);
  });

  it('gives each sample its own tracer seed', () => {
    const seeds = Array.from({ length: 1000 }, (_, i) => sampleSeed(7, i));
    expect(new Set(seeds).size).toBe(1000);
    for (const seed of seeds) expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
  });
});

describe('distributions: the analytic CDF of the inverse CDF is the identity', () => {
  const us = Array.from({ length: 99 }, (_, k) => (k + 1) / 100);

  it('uniform and log-uniform', () => {
    for (const u of us) {
      const x = inverseCdf({ kind: 'uniform', min: 2, max: 5 }, u);
      expect(Math.abs((x - 2) / 3 - u)).toBeLessThan(CDF_ROUND_TRIP);
      const y = inverseCdf({ kind: 'log-uniform', min: 1e-3, max: 1e-1 }, u);
      expect(Math.abs(Math.log(y / 1e-3) / Math.log(100) - u)).toBeLessThan(CDF_ROUND_TRIP);
    }
  });

  it('triangular', () => {
    const [a, c, b] = [1, 1.5, 4];
    // CDF: (x-a)^2 / ((b-a)(c-a)) below the mode, 1 - (b-x)^2 / ((b-a)(b-c)) above it.
    const cdf = (x: number): number =>
      x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c));
    for (const u of us) {
      expect(Math.abs(cdf(inverseCdf({ kind: 'triangular', min: a, mode: c, max: b }, u)) - u)).toBeLessThan(
        CDF_ROUND_TRIP,
      );
    }
  });

  it('truncated normal and lognormal: within the bounds, with the truncated CDF', () => {
    // Standard normal CDF by the Abramowitz & Stegun 26.2.17 series (error < 7.5e-8), independent of the code's.
    const phi = (z: number): number => {
      const t = 1 / (1 + 0.2316419 * Math.abs(z));
      const poly =
        t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
      const upper = (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI)) * poly;
      return z >= 0 ? 1 - upper : upper;
    };
    const [mean, sd, min, max] = [10, 2, 7, 16];
    for (const u of us) {
      const x = inverseCdf({ kind: 'normal', mean, sd, min, max }, u);
      expect(x).toBeGreaterThanOrEqual(min);
      expect(x).toBeLessThanOrEqual(max);
      const truncated =
        (phi((x - mean) / sd) - phi((min - mean) / sd)) / (phi((max - mean) / sd) - phi((min - mean) / sd));
      expect(Math.abs(truncated - u)).toBeLessThan(NORMAL_CDF_ROUND_TRIP);
      const y = inverseCdf({ kind: 'lognormal', median: 2, sdLog: 0.5, min: 0.5, max: 8 }, u);
      const z = (Math.log(y) - Math.log(2)) / 0.5;
      const [zMin, zMax] = [Math.log(0.25) / 0.5, Math.log(4) / 0.5];
      expect(Math.abs((phi(z) - phi(zMin)) / (phi(zMax) - phi(zMin)) - u)).toBeLessThan(
        NORMAL_CDF_ROUND_TRIP,
      );
    }
  });
});

describe('grids', () => {
  it('linear and log spacing include both ends', () => {
    expect(gridValues({ start: 1, stop: 2, count: 5, spacing: 'linear' })).toEqual([1, 1.25, 1.5, 1.75, 2]);
    const log = gridValues({ start: 1, stop: 1000, count: 4, spacing: 'log' });
    expect(log[0]).toBe(1);
    expect(log[3]).toBe(1000);
    for (const [k, value] of [10, 100].entries())
      expect(Math.abs((log[k + 1] ?? NaN) / value - 1)).toBeLessThan(1e-14);
  });

  it('a full factorial, the last parameter fastest', () => {
    const file = parseSweep({
      title: 't',
      scenario: 'baseline',
      seed: 1,
      design: { kind: 'grid' },
      parameters: [
        { path: 'a', grid: { values: [1, 2] } },
        { path: 'b', grid: { values: [10, 20, 30] } },
      ],
      outputs: [{ figure: 'collectorCount', at: 'last' }],
    });
    expect(designValues(file)).toEqual([
      [1, 10],
      [1, 20],
      [1, 30],
      [2, 10],
      [2, 20],
      [2, 30],
    ]);
  });
});
