/**
 * What a log-scale chart (uPlot, the app's timeline charts and the HTML report's) can draw of a figure's value:
 * finite values from LOG_CHART_FLOOR up; the others are gaps.
 *
 * The floor is uPlot 1.6's, not physics: its log-axis tick loop never ends on a y range that crosses 1e-25 (it
 * grows its tick array until the tab runs out of memory; measured with its own logAxisSplits: 1e-26..1e-24 and
 * 1e-28..1e-20 never return, 1e-25..1e-15 and 1e-24..1e30 do). A continuous count puts a swarm's first fraction of
 * a collector on station at a month's sample, so solarLuminosityFraction can read 1e-27 there.
 */
export const LOG_CHART_FLOOR = 1e-24;

/** The value as a log chart draws it: itself when finite and >= LOG_CHART_FLOOR, else null (a gap). */
export function logChartValue(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= LOG_CHART_FLOOR ? value : null;
}
