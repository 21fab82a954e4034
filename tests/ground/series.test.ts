/**
 * The baseline's dated series against their sources' tables (tests/data/ground): each tabulated value at the
 * source's own date, and the projection rule between and after the points worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { SECONDS_PER_JULIAN_YEAR } from '../../sim/constants.ts';
import { makeSeries, seriesAt } from '../../sim/ground/series.ts';
import { W_PER_TWH_PER_YEAR } from '../../sim/ground/resolve.ts';
import type { DemandCase } from '../../sim/ground/schema.ts';
import { loadBuiltinScenario } from '../../sim/scenario/load.ts';
import { isoToTdbS } from '../../sim/time.ts';
import { readGroundCsv } from './readCsv.ts';

/** Relative tolerance on a tabulated value read back at its knot: unit conversions only (a few ulps). */
const KNOT_RELATIVE = 1e-12;

const ground = loadBuiltinScenario('baseline').ground;

describe('the baseline ground section against its sources', () => {
  it('has a ground section', () => {
    expect(ground).toBeDefined();
  });

  it('reproduces the IEA (2025) demand cases at the report’s years', () => {
    const rows = readGroundCsv('iea-energy-and-ai-2025.csv', 7);
    for (const row of rows) {
      const series = ground?.demandW[row['case'] as DemandCase];
      expect(series, row['case']).toBeDefined();
      if (series === undefined) continue;
      const got = seriesAt(series, isoToTdbS(`${row['year']}-01-01`)) / W_PER_TWH_PER_YEAR;
      expect(got).toBeCloseTo(Number(row['twhPerYear']), 9);
      expect(Math.abs(got / Number(row['twhPerYear']) - 1)).toBeLessThan(KNOT_RELATIVE);
    }
  });

  it('reproduces the announced PPA capacities at their dates, and nothing before the first power', () => {
    const rows = readGroundCsv('ppa-announcements.csv', 7);
    for (const row of rows) {
      const contract = ground?.contracts.find((c) => c.name === row['contract']);
      expect(contract, row['contract']).toBeDefined();
      if (contract === undefined) continue;
      const t = isoToTdbS(row['date'] ?? '');
      expect(seriesAt(contract.capacityW, t) / 1e6).toBeCloseTo(Number(row['capacityMw']), 9);
      expect(seriesAt(contract.capacityW, isoToTdbS('2024-06-01'))).toBe(0);
    }
  });

  it('the 2024 grid carbon intensity is the IEA mix at the IPCC AR5 medians', () => {
    // IEA (2025): coal 30 %, gas 26 %, renewables 27 %, nuclear 15 %; IPCC AR5 Annex III medians 820, 490, ~30, 12.
    const mixGPerKWh = 0.3 * 820 + 0.26 * 490 + 0.27 * 30 + 0.15 * 12;
    const got = seriesAt(ground!.grid.carbonKgPerJ, isoToTdbS('2024-01-01')) * 3.6e6 * 1e3;
    expect(got).toBeCloseTo(mixGPerKWh, 6);
  });
});

describe('series projection rule', () => {
  const t0 = 0;
  const t1 = 10 * SECONDS_PER_JULIAN_YEAR;
  const series = makeSeries([t0, t1], [100, 200], { growthAfterPerYear: 0.05, startsAtZero: false }, 's');

  it('is linear between points', () => {
    expect(seriesAt(series, 2.5 * SECONDS_PER_JULIAN_YEAR)).toBeCloseTo(125, 12);
  });
  it('holds the first value before the first point, or 0 when it starts at zero', () => {
    expect(seriesAt(series, -1e9)).toBe(100);
    const zero = makeSeries([t0], [7], { growthAfterPerYear: 0, startsAtZero: true }, 'z');
    expect(seriesAt(zero, -1)).toBe(0);
    expect(seriesAt(zero, 1)).toBe(7);
  });
  it('compounds the stated growth after the last point', () => {
    // 200 x 1.05^3 = 231.525
    expect(seriesAt(series, t1 + 3 * SECONDS_PER_JULIAN_YEAR)).toBeCloseTo(231.525, 9);
  });
});
