/**
 * Variance-based sensitivity indices from a Saltelli design (design.ts `sobol`): for each parameter j, the
 * first-order index S_j (the share of the output's variance that j explains alone) and the total index ST_j (the
 * share it takes part in, interactions included), with bootstrap confidence intervals.
 *
 * Estimators (Saltelli et al. 2010, "Variance based sensitivity analysis of model output. Design and estimator for
 * the total sensitivity index", Comput. Phys. Commun. 181, 259-270, table 2: (b) for S_j, (f) Jansen 1999 for ST_j),
 * over the N base rows whose A, B and every AB_j ran:
 *   V    = the variance of f(A) and f(B) together
 *   S_j  = (1/N) sum f(B) (f(AB_j) - f(A)) / V
 *   ST_j = (1/2N) sum (f(A) - f(AB_j))^2 / V
 * Confidence intervals: the percentile bootstrap (Efron & Tibshirani 1993, ch. 13) over the base rows, resampled
 * with replacement BOOTSTRAP_RESAMPLES times from a seeded generator, so the bounds are the same on every machine.
 */
import { xoroshiro128plus } from 'pure-rand/generator/XoroShiro';
import { unsafeUniformIntDistribution } from 'pure-rand/distribution/UnsafeUniformIntDistribution';
import { quantileSorted } from 'simple-statistics';

/** Bootstrap resamples: the percentile interval's ends move by about 1 % of its width from run to run at 1000. */
export const BOOTSTRAP_RESAMPLES = 1000;
/** The interval's level: 95 %. */
export const CONFIDENCE = 0.95;

export interface SobolIndex {
  readonly first: number;
  readonly firstLow: number;
  readonly firstHigh: number;
  readonly total: number;
  readonly totalLow: number;
  readonly totalHigh: number;
}

/** One base row's outputs: f(A), f(B) and f(AB_j) for each parameter j. */
export interface SaltelliRow {
  readonly a: number;
  readonly b: number;
  readonly ab: readonly number[];
}

function estimate(
  rows: readonly SaltelliRow[],
  pick: readonly number[],
  d: number,
): { s: number[]; st: number[] } {
  const n = pick.length;
  let sum = 0;
  for (const k of pick) sum += (rows[k]?.a ?? 0) + (rows[k]?.b ?? 0);
  const mean = sum / (2 * n);
  let squares = 0;
  for (const k of pick) {
    squares += ((rows[k]?.a ?? 0) - mean) ** 2 + ((rows[k]?.b ?? 0) - mean) ** 2;
  }
  const variance = squares / (2 * n - 1);
  const s = new Array<number>(d).fill(0);
  const st = new Array<number>(d).fill(0);
  for (const k of pick) {
    const row = rows[k];
    if (row === undefined) continue;
    for (let j = 0; j < d; j += 1) {
      const ab = row.ab[j] ?? 0;
      s[j] = (s[j] ?? 0) + row.b * (ab - row.a);
      st[j] = (st[j] ?? 0) + (row.a - ab) ** 2;
    }
  }
  return {
    s: s.map((value) => value / n / variance),
    st: st.map((value) => value / (2 * n) / variance),
  };
}

/**
 * The indices of each of d parameters from the complete base rows; null where they are undefined (fewer than two
 * rows, or an output with no variance).
 */
export function sobolIndices(
  rows: readonly SaltelliRow[],
  d: number,
  seed: number,
): Array<SobolIndex | null> {
  const n = rows.length;
  const all = Array.from({ length: n }, (_, k) => k);
  const point = estimate(rows, all, d);
  if (n < 2 || !point.s.every(Number.isFinite)) return new Array<SobolIndex | null>(d).fill(null);
  const generator = xoroshiro128plus(seed | 0);
  const firsts = Array.from({ length: d }, () => new Array<number>(BOOTSTRAP_RESAMPLES));
  const totals = Array.from({ length: d }, () => new Array<number>(BOOTSTRAP_RESAMPLES));
  const pick = new Array<number>(n);
  for (let r = 0; r < BOOTSTRAP_RESAMPLES; r += 1) {
    for (let k = 0; k < n; k += 1) pick[k] = unsafeUniformIntDistribution(0, n - 1, generator);
    const { s, st } = estimate(rows, pick, d);
    for (let j = 0; j < d; j += 1) {
      (firsts[j] as number[])[r] = s[j] ?? NaN;
      (totals[j] as number[])[r] = st[j] ?? NaN;
    }
  }
  const tail = (1 - CONFIDENCE) / 2;
  const bounds = (values: number[]): [number, number] => {
    const sorted = values.filter(Number.isFinite).sort((x, y) => x - y);
    return sorted.length === 0
      ? [NaN, NaN]
      : [quantileSorted(sorted, tail), quantileSorted(sorted, 1 - tail)];
  };
  return Array.from({ length: d }, (_, j) => {
    const [firstLow, firstHigh] = bounds(firsts[j] as number[]);
    const [totalLow, totalHigh] = bounds(totals[j] as number[]);
    return {
      first: point.s[j] ?? NaN,
      firstLow,
      firstHigh,
      total: point.st[j] ?? NaN,
      totalLow,
      totalHigh,
    };
  });
}
