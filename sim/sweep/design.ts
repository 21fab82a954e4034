/**
 * The design of a study: which parameter values each sample takes, and its tracer seed. Everything here is a pure
 * function of the study and the sample's index, so any worker on any machine computes the same sample.
 *
 * - grid: the full factorial of the parameters' grids, in index order with the last parameter varying fastest.
 * - latin-hypercube: McKay, Beckman & Conover (1979): in each dimension the N samples fall one in each of the N
 *   equal-probability strata (a seeded permutation per dimension), at a seeded uniform point inside their stratum;
 *   the unit points are mapped to values by each distribution's inverse CDF (distributions.ts).
 * - sobol: Saltelli's design (Saltelli 2002; Saltelli et al. 2010, sec. 3) on the Sobol sequence (sobolSequence.ts)
 *   of 2 d dimensions: base point i gives A_i (its first d coordinates) and B_i (the next d); its block of d + 2
 *   samples, from index i (d + 2), is A_i, B_i, then AB_i^j (A_i with coordinate j from B_i) for each parameter j.
 *   Mapped by the inverse CDFs, as the Latin hypercube is. The seed plays no part in the points (the sequence is
 *   deterministic); it still seeds each sample's tracers and the indices' bootstrap.
 */
import { xoroshiro128plus } from 'pure-rand/generator/XoroShiro';
import { unsafeUniformIntDistribution } from 'pure-rand/distribution/UnsafeUniformIntDistribution';
import { gridValues, inverseCdf } from './distributions.ts';
import type { SweepFile } from './schema.ts';
import { sobolPoints } from './sobolSequence.ts';

const TWO_32 = 2 ** 32;

/** murmur3's 32-bit finaliser (Appleby, MurmurHash3 fmix32): a bijective mix with full avalanche. */
function fmix32(h: number): number {
  let x = h >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Seed for stream `stream` of the study's seed: distinct, well-mixed seeds from (seed, stream). */
export function derivedSeed(studySeed: number, stream: number): number {
  return fmix32(fmix32(studySeed) ^ fmix32(Math.imul(stream + 1, 0x9e3779b9)));
}

/** The tracer seed of sample `index` (stream 2^31 + index, apart from the design's streams). */
export function sampleSeed(studySeed: number, index: number): number {
  return derivedSeed(studySeed, 0x80000000 + index);
}

/** How many samples the design has in full. */
export function designSize(file: SweepFile): number {
  if (file.design.kind === 'latin-hypercube') return file.design.samples;
  if (file.design.kind === 'sobol') return file.design.samples * (file.parameters.length + 2);
  return file.parameters.reduce((size, p) => size * ('grid' in p ? gridValues(p.grid).length : 1), 1);
}

/**
 * A Latin hypercube of n points in d dimensions, row-major (point i, dimension j at i * d + j), every coordinate
 * in (0, 1); dimension j draws from its own stream of `seed`.
 */
export function latinHypercube(n: number, d: number, seed: number): Float64Array {
  const points = new Float64Array(n * d);
  for (let j = 0; j < d; j += 1) {
    const generator = xoroshiro128plus(derivedSeed(seed, j) | 0);
    const strata = Array.from({ length: n }, (_, k) => k);
    // Fisher-Yates (Knuth, TAOCP vol. 2, 3.4.2, algorithm P): a uniform permutation of the strata.
    for (let k = n - 1; k > 0; k -= 1) {
      const other = unsafeUniformIntDistribution(0, k, generator);
      [strata[k], strata[other]] = [strata[other] ?? 0, strata[k] ?? 0];
    }
    for (let i = 0; i < n; i += 1) {
      const jitter = (unsafeUniformIntDistribution(0, TWO_32 - 1, generator) + 0.5) / TWO_32;
      points[i * d + j] = ((strata[i] ?? 0) + jitter) / n;
    }
  }
  return points;
}

/** The parameter values of every sample of the design, in parameter order (one row per sample). */
export function designValues(file: SweepFile): number[][] {
  const size = designSize(file);
  if (file.design.kind === 'latin-hypercube') {
    const d = file.parameters.length;
    const points = latinHypercube(size, d, file.seed);
    return Array.from({ length: size }, (_, i) =>
      file.parameters.map((p, j) =>
        'distribution' in p ? inverseCdf(p.distribution, points[i * d + j] ?? 0) : NaN,
      ),
    );
  }
  if (file.design.kind === 'sobol') {
    const d = file.parameters.length;
    const n = file.design.samples;
    const points = sobolPoints(n, 2 * d);
    const value = (j: number, u: number): number => {
      const p = file.parameters[j];
      return p !== undefined && 'distribution' in p ? inverseCdf(p.distribution, u) : NaN;
    };
    const rows: number[][] = [];
    for (let i = 0; i < n; i += 1) {
      const a = Array.from({ length: d }, (_, j) => value(j, points[i * 2 * d + j] ?? 0));
      const b = Array.from({ length: d }, (_, j) => value(j, points[i * 2 * d + d + j] ?? 0));
      rows.push(a, b, ...Array.from({ length: d }, (_, j) => a.map((x, k) => (k === j ? (b[k] ?? NaN) : x))));
    }
    return rows;
  }
  const grids = file.parameters.map((p) => ('grid' in p ? gridValues(p.grid) : []));
  return Array.from({ length: size }, (_, index) => {
    const row = new Array<number>(grids.length);
    let rest = index;
    for (let j = grids.length - 1; j >= 0; j -= 1) {
      const values = grids[j] ?? [];
      row[j] = values[rest % values.length] ?? NaN;
      rest = Math.floor(rest / values.length);
    }
    return row;
  });
}
