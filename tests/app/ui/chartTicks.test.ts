/**
 * The log-axis ticks and the y axis of the timeline charts (src/app/ui/chartTicks.ts, chartAxes.ts), against
 * tick sets worked out by hand: 1-2-5 per decade when few decades fit, then 1-3, then decades, then every k-th.
 */
import { describe, expect, test } from 'vitest';
import { logTicks } from '../../../src/app/ui/chartTicks.ts';
import { chartFloorOf, chartRangeOf, yAxisWidthPx } from '../../../src/app/ui/chartAxes.ts';
import { FIGURES } from '../../../sim/report/figures.ts';

describe('logTicks', () => {
  test('one decade (100 GW to 1 TW, the single "1.00 TW" tick of issue 15) carries 1-2-3-5-7 ticks', () => {
    expect(logTicks(1e11, 1e12, 6)).toEqual([1e11, 2e11, 3e11, 5e11, 7e11, 1e12]);
  });

  test('two decades with room for five ticks take 1-3 mantissas', () => {
    expect(logTicks(1e8, 1e10, 5)).toEqual([1e8, 3e8, 1e9, 3e9, 1e10]);
  });

  test('a few decades take one tick per decade', () => {
    expect(logTicks(1e-3, 1e2, 6)).toEqual([1e-3, 1e-2, 1e-1, 1, 10, 100]);
  });

  test('many decades take every k-th decade, never more than maxTicks', () => {
    const ticks = logTicks(1, 1e18, 5);
    expect(ticks).toEqual([1, 1e5, 1e10, 1e15]);
    // three decades in room for three ticks: 1e7, 1e8, ... spaced so three fit (issue 15: at least three)
    expect(logTicks(1e7, 1e10, 3).length).toBeGreaterThanOrEqual(3);
    expect(logTicks(1e-24, 1e30, 4).length).toBeLessThanOrEqual(4);
  });

  test('decimal ticks are the decimal numbers (0.3, not 0.30000000000000004)', () => {
    expect(logTicks(0.1, 1, 6)).toContain(0.3);
  });

  test('no ticks for a range that is not positive and finite', () => {
    expect(logTicks(0, 10, 5)).toEqual([]);
    expect(logTicks(1, Number.POSITIVE_INFINITY, 5)).toEqual([]);
  });
});

describe('chart y axis', () => {
  const count = FIGURES.find((figure) => figure.unit === 'count');
  const power = FIGURES.find((figure) => figure.unit === 'W');

  test('a count chart starts at one collector; a power chart nine decades under its peak', () => {
    expect(count).toBeDefined();
    expect(power).toBeDefined();
    expect(chartFloorOf(count!, [1e-6, 3, 4e4])).toBe(1);
    expect(chartFloorOf(power!, [0, 2e9, Number.NaN, 5e9])).toBeCloseTo(5, 12);
  });

  test('the range goes out to whole decades and spans at least one', () => {
    expect(chartRangeOf(2.3e9, 5.5e9)).toEqual([1e9, 1e10]);
    expect(chartRangeOf(1e9, 1e9)).toEqual([1e9, 1e10]);
    expect(chartRangeOf(null, 5)).toEqual([1, 10]);
  });

  test('the axis is wider for longer labels', () => {
    expect(yAxisWidthPx(['10.0 GW'])).toBeGreaterThan(yAxisWidthPx(['1 W']));
  });
});
