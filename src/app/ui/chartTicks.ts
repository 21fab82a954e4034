/**
 * Tick values for a log-scale chart axis: uPlot 1.6's own log splits put one tick per decade, which leaves a chart
 * spanning one decade (a power that grows from 0.2 to 0.9 TW) with a single "1.00 TW" label. These ticks use
 * 1-2-5 mantissas when the range spans few decades, every decade when it spans a handful, and every k-th decade
 * beyond, so that a chart whose range spans at least a decade (chartAxes.ts snaps it to whole decades) carries
 * at most `maxTicks` labelled ticks, and at least three where it spans two decades or more.
 */

/** Mantissa sets, finest first: each is tried until the ticks in [minValue, maxValue] fit in `maxTicks`. */
const MANTISSAS: readonly (readonly number[])[] = [[1, 2, 3, 5, 7], [1, 2, 5], [1, 3], [1]];

/** Ticks m·10^d of one mantissa set within [minValue, maxValue] (relative slack for rounding at the ends). */
function ticksOf(minValue: number, maxValue: number, mantissas: readonly number[]): number[] {
  const low = Math.floor(Math.log10(minValue));
  const high = Math.ceil(Math.log10(maxValue));
  const slack = 1e-9;
  const ticks: number[] = [];
  for (let d = low; d <= high; d += 1) {
    for (const m of mantissas) {
      // parse the decimal text: 3 * 10 ** -1 is 0.30000000000000004, "3e-1" is 0.3
      const value = Number(`${m}e${d}`);
      if (value >= minValue * (1 - slack) && value <= maxValue * (1 + slack)) ticks.push(value);
    }
  }
  return ticks;
}

/**
 * Tick values for a log axis over [minValue, maxValue] (both > 0, finite), at most `maxTicks` of them (>= 2); []
 * for a range that is not positive and finite.
 */
export function logTicks(minValue: number, maxValue: number, maxTicks: number): number[] {
  if (!(minValue > 0) || !(maxValue >= minValue) || !Number.isFinite(maxValue)) return [];
  const limit = Math.max(2, Math.floor(maxTicks));
  for (const mantissas of MANTISSAS) {
    const ticks = ticksOf(minValue, maxValue, mantissas);
    if (ticks.length <= limit) return ticks;
  }
  // many decades: every k-th decade from the first whole decade in range, as many as fit but at least three
  const first = Math.ceil(Math.log10(minValue) - 1e-9);
  const last = Math.floor(Math.log10(maxValue) + 1e-9);
  let decadeStep = Math.max(1, Math.ceil((last - first) / (limit - 1)));
  while (decadeStep > 1 && Math.floor((last - first) / decadeStep) + 1 < 3) decadeStep -= 1;
  const ticks: number[] = [];
  for (let d = first; d <= last; d += decadeStep) ticks.push(Number(`1e${d}`));
  return ticks;
}
