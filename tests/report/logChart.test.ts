// The values a log chart is given (src/report/logChart.ts): uPlot 1.6's log-axis ticks never finish on a range
// across 1e-25, so what the charts get must stay above it, and nothing else may be dropped.
import { describe, expect, it } from 'vitest';
import { LOG_CHART_FLOOR, logChartValue } from '../../src/report/logChart.ts';

describe('log chart values', () => {
  it('keep every finite value from the floor up, and only those', () => {
    expect(LOG_CHART_FLOOR).toBeGreaterThan(1e-25);
    for (const v of [LOG_CHART_FLOOR, 6.6e-20, 1, 3.3e11, 2.1e24]) expect(logChartValue(v)).toBe(v);
    for (const v of [2.0e-27, 0, -1, Number.NaN, Infinity, null, undefined, 'x'])
      expect(logChartValue(v)).toBeNull();
  });
});
