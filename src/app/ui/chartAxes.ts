/**
 * The y axis of a log-scale timeline chart: its range, its floor and the width its labels need. Pure, so that the
 * node tests check them without a page.
 */
import type { Figure } from '../../../sim/report/figures.ts';

/**
 * How far under a series' peak a chart reaches, as a factor: nine decades. A continuous growth count puts a
 * millionth of a collector on station at its first sample, and a range reaching down there squeezes every figure
 * people read (GW, kt) into the top tenth of the plot.
 */
export const CHART_DECADES_SHOWN = 9;

/**
 * The smallest value a chart draws of `values`: one for counts (a fraction of a collector is a rounding of the
 * growth model's continuous count, not a collector), otherwise CHART_DECADES_SHOWN decades under the peak.
 * Values under the floor are drawn as gaps.
 */
export function chartFloorOf(figure: Figure, values: ArrayLike<number>): number {
  let peak = 0;
  for (let k = 0; k < values.length; k += 1) {
    const v = values[k] as number;
    if (Number.isFinite(v) && v > peak) peak = v;
  }
  const relative = peak * 10 ** -CHART_DECADES_SHOWN;
  return figure.unit === 'count' ? Math.max(1, relative) : relative;
}

/** A log axis range from the data's [min, max]: out to whole decades, at least one decade wide. */
export function chartRangeOf(min: number | null, max: number | null): [number, number] {
  if (min === null || max === null || !(min > 0) || !(max > 0) || !Number.isFinite(max)) return [1, 10];
  const low = Math.floor(Math.log10(min) + 1e-9);
  let high = Math.ceil(Math.log10(max) - 1e-9);
  if (high <= low) high = low + 1;
  return [Number(`1e${low}`), Number(`1e${high}`)];
}

/** Average advance of a label character at the charts' 11 px system-ui font, px (digits ~6.1, "W" and "k" wider). */
const LABEL_CHAR_PX = 6.6;
/** Tick length plus the gap between a label and the plot, px. */
const LABEL_GAP_PX = 16;

/** The y axis's width for its labels, CSS px: wide enough for the longest, so none is cut. */
export function yAxisWidthPx(labels: readonly (string | number | null)[]): number {
  let longest = 0;
  for (const label of labels) longest = Math.max(longest, label === null ? 0 : String(label).length);
  return Math.ceil(Math.max(3, longest) * LABEL_CHAR_PX) + LABEL_GAP_PX;
}
