/**
 * Piecewise-linear reading of a sampled cumulative quantity (launched mass, kg, against TDB s): its value by
 * linear interpolation between the knots, and its slope, piecewise constant, whose integral over the knots'
 * span is exactly the last value minus the first (the trapezoid rule is exact on a piecewise-linear function).
 *
 * Knots: times[0 .. count), non-decreasing (a repeated time is a jump: the samples before and after it), values
 * at the knots in the caller's unit U; times and t in one unit (TDB s in this project). The rules at the edges
 * (tested in tests/numeric/piecewiseLinear.test.ts):
 * - the value is 0 before the first knot (a cumulative quantity starts from nothing), the last value at and
 *   after the last knot, and right-continuous at a jump (the value after it);
 * - the slope is 0 outside [times[0], times[count - 1]], right-continuous at the knots (the slope of the
 *   interval that starts there), the slope of the last interval of positive width at the last knot, and 0 over
 *   an interval of zero width.
 * Unchecked and allocation-free: they run for every packet of every frame.
 */
import { countAtOrBelow } from './search.ts';

/**
 * Index i of the interval [times[i], times[j]] (t_i < t_j) whose slope holds at t: the last knot at or before t
 * (right-continuous), or before the last interval of positive width at the end of the span; -1 outside the span.
 */
function slopeInterval(times: ArrayLike<number>, count: number, t: number): number {
  if (count < 2 || !(t >= (times[0] as number) && t <= (times[count - 1] as number))) return -1;
  let lo = countAtOrBelow(times, t, count) - 1;
  if (lo === count - 1) {
    // At the end: the last interval of positive width.
    while (lo > 0 && (times[lo - 1] as number) >= (times[count - 1] as number)) lo -= 1;
    lo -= 1;
  }
  return lo;
}

/**
 * Slope at t of the piecewise-linear function through (times[i], value(i)), i < count, U per unit of t; 0
 * outside the span (see the module comment). `value(i)` is read at two knots only, so it may sum columns lazily.
 */
export function piecewiseLinearSlope(
  times: ArrayLike<number>,
  count: number,
  value: (i: number) => number,
  t: number,
): number {
  const i = slopeInterval(times, count, t);
  if (i < 0) return 0;
  const t0 = times[i] as number;
  let j = i + 1;
  while (j < count - 1 && (times[j] as number) <= t0) j += 1;
  const dt = (times[j] as number) - t0;
  return dt > 0 ? (value(j) - value(i)) / dt : 0;
}

/**
 * Value at t of the piecewise-linear function through (times[i], values[i]), i < count, U: 0 before the first
 * knot, the last value at and after the last one (see the module comment).
 */
export function piecewiseLinearValue(
  times: ArrayLike<number>,
  count: number,
  values: ArrayLike<number>,
  t: number,
): number {
  if (count === 0 || t < (times[0] as number)) return 0;
  if (t >= (times[count - 1] as number)) return values[count - 1] as number;
  const i = slopeInterval(times, count, t);
  const t0 = times[i] as number;
  const dt = (times[i + 1] as number) - t0;
  const c0 = values[i] as number;
  return dt > 0 ? c0 + (((values[i + 1] as number) - c0) * (t - t0)) / dt : c0;
}
