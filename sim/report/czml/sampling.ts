/**
 * Sampled positions and how Cesium reads them back between samples.
 *
 * Every sampled position is written with `interpolationAlgorithm: LAGRANGE`, `interpolationDegree: 7`. Cesium
 * (SampledProperty.getValue) takes the 8 samples around t: 4 at or before it and 4 after, so t always lies in the
 * middle gap of its window, provided there are 4 samples on each side: the grids below add PAD_SAMPLES before the
 * first time a packet is shown and after the last (the orbit is defined there; the packet's availability hides
 * them).
 *
 * Error bound (Lagrange remainder; e.g. Abramowitz & Stegun 25.2.3): for samples at most h apart and t in the
 * middle gap, |p(t) - f(t)| <= max|f^(8)| / 8! * prod |t - t_i| <= max|f^(8)| h^8 * 43.07 / 40320, since
 * prod_{i=0..7} |x - i| over x in [3, 4] peaks at x = 3.5 at (3.5 * 2.5 * 1.5 * 0.5)^2 = 43.07. A component
 * A sin(omega t) has |f^(8)| = A omega^8, so with N samples per revolution (omega h = 2 pi / N) the error is
 * LAGRANGE_ERROR_PER_AMPLITUDE(N) * A: 6.1e-7 A at N = 16, 1.5e-4 A at N = 8. A body's geocentric position is the
 * sum of its own orbit and the Earth's (each counted at its own omega), plus the eccentricity's harmonics (the
 * k-th has amplitude ~ a (k e / 2)^(k-1) / (k-1)! at k omega, i.e. k^8 times the weight): the bound for each kind
 * is in its module, and tests/browser/czml.browser.test.ts measures it through Cesium itself.
 */

/** The interpolation every sampled position asks Cesium for. */
export const INTERPOLATION = { interpolationAlgorithm: 'LAGRANGE', interpolationDegree: 7 } as const;

/** Samples added on each side of a packet's shown span, so Cesium's window is centred there (degree 7: 4). */
export const PAD_SAMPLES = 4;

/** Lagrange degree-7 error over the amplitude of a sinusoid sampled `samplesPerRevolution` times a turn. */
export function lagrangeErrorPerAmplitude(samplesPerRevolution: number): number {
  return ((2 * Math.PI) / samplesPerRevolution) ** 8 * (43.06640625 / 40320);
}

/**
 * The sample times of a span, TDB s: the output times (`times`, ascending), each gap cut into equal parts no longer
 * than `maxStepS`, and PAD_SAMPLES more before the first and after the last at the step of the first and last gap.
 * An output time closer than maxStepS / 4 to the one before it is merged into it (the last one wins): nodes a few
 * milliseconds apart, as a calendar step that ends 1 ms short of `to` makes, would turn the millimetre rounding
 * of the values into kilometres through the Lagrange weights. Times are on the document's millisecond grid
 * (`toGrid` rounds a TDB time to it) and strictly increasing.
 */
export function sampleTimes(
  times: readonly number[],
  maxStepS: number,
  toGrid: (tdbS: number) => number,
): number[] {
  const kept: number[] = [];
  for (const t of times) {
    const previous = kept[kept.length - 1];
    if (previous !== undefined && t - previous < maxStepS / 4) {
      if (kept.length > 1) kept[kept.length - 1] = t;
      continue;
    }
    kept.push(t);
  }
  if (kept.length === 1) kept.push(times[times.length - 1] as number);
  const inner: number[] = [];
  let firstStepS = maxStepS;
  let lastStepS = maxStepS;
  for (let k = 0; k + 1 < kept.length; k += 1) {
    const a = kept[k] as number;
    const b = kept[k + 1] as number;
    const parts = Math.max(1, Math.ceil((b - a) / maxStepS));
    if (k === 0) firstStepS = (b - a) / parts;
    lastStepS = (b - a) / parts;
    for (let j = 0; j < parts; j += 1) inner.push(a + ((b - a) * j) / parts);
  }
  const first = kept[0] as number;
  const last = kept[kept.length - 1] as number;
  inner.push(last);
  const out: number[] = [];
  for (let k = PAD_SAMPLES; k >= 1; k -= 1) out.push(toGrid(first - k * firstStepS));
  for (const t of inner) out.push(toGrid(t));
  for (let k = 1; k <= PAD_SAMPLES; k += 1) out.push(toGrid(last + k * lastStepS));
  return out;
}

/**
 * The part of a sample grid a packet shown over [fromTdbS, toTdbS] needs: the samples inside it and PAD_SAMPLES on
 * each side (fewer where the grid ends).
 */
export function samplesCovering(grid: readonly number[], fromTdbS: number, toTdbS: number): number[] {
  let first = grid.findIndex((t) => t >= fromTdbS);
  if (first < 0) first = grid.length;
  let last = grid.length - 1;
  while (last >= 0 && (grid[last] as number) > toTdbS) last -= 1;
  return grid.slice(Math.max(0, first - PAD_SAMPLES), Math.min(grid.length, last + 1 + PAD_SAMPLES));
}

/** A CZML sampled `position`: `cartesian` is `[offset s, x m, y m, z m, ...]` after `epoch`. */
export interface SampledPosition {
  readonly epoch: string;
  readonly referenceFrame: 'INERTIAL' | 'FIXED';
  readonly interpolationAlgorithm: 'LAGRANGE';
  readonly interpolationDegree: 7;
  readonly cartesian: number[];
}

/**
 * A sampled position at `timesTdbS` (on the document's grid): `positionAt(t)` in metres in `referenceFrame`,
 * written to the millimetre (far below every interpolation error), at the offsets of the timeline's epoch. A time
 * where `positionAt` gives null (a failed propagation) is left out.
 */
export function positionProperty(
  timeline: { readonly epochIso: string; offsetS(tdbS: number): number },
  referenceFrame: 'INERTIAL' | 'FIXED',
  timesTdbS: readonly number[],
  positionAt: (tdbS: number) => readonly [number, number, number] | null,
): SampledPosition {
  const cartesian: number[] = [];
  for (const t of timesTdbS) {
    const position = positionAt(t);
    if (position === null) continue;
    const [x, y, z] = position;
    cartesian.push(timeline.offsetS(t), mm(x), mm(y), mm(z));
  }
  return { epoch: timeline.epochIso, referenceFrame, ...INTERPOLATION, cartesian };
}

function mm(valueM: number): number {
  return Math.round(valueM * 1000) / 1000;
}
