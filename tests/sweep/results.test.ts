// Reading a study's CSVs back (sim/sweep/results.ts), on text written here by hand: quoted fields (RFC 4180),
// empty statistics, fans ordered by date whatever the file's order, tornado bars by |rho|; and refusals that name
// the file, the line and the column.
import { describe, expect, it } from 'vitest';

import { InputError } from '../../sim/errors.ts';
import {
  fanSeries,
  parsePercentilesCsv,
  parseSensitivityCsv,
  tornadoCharts,
} from '../../sim/sweep/results.ts';

const PERCENTILES = `output,at,samples,missing,p5,p25,p50,p75,p95,mean
capturedPowerW,2031-01-01,3,0,2,3,4,5,6,4
capturedPowerW,2030-01-01,3,0,0,0,0,0,0,0
capturedPowerW,last,3,0,7,8,9,10,11,9
massInOrbitKg,2030-01-01,3,0,1,1,1,1,1,1
"capturedPowerW","first reaches 1000000000 (Julian epoch year)",0,3,,,,,,
`;

const SENSITIVITY = `output,at,parameter,samples,spearman
capturedPowerW,last,a.b,3,0.5
capturedPowerW,last,"c[0].d",3,-0.9
capturedPowerW,last,e,3,
massInOrbitKg,last,a.b,3,
`;

describe('percentiles.csv', () => {
  it('reads every row, empty statistics as null', () => {
    const rows = parsePercentilesCsv(PERCENTILES);
    expect(rows).toHaveLength(5);
    expect(rows[4]).toEqual({
      figure: 'capturedPowerW',
      at: 'first reaches 1000000000 (Julian epoch year)',
      samples: 0,
      missing: 3,
      p5: null,
      p25: null,
      p50: null,
      p75: null,
      p95: null,
      mean: null,
    });
  });

  it('gives a fan per figure at two or more dates, by date, without last or thresholds', () => {
    const fans = fanSeries(parsePercentilesCsv(PERCENTILES));
    expect(fans.map((f) => f.figure)).toEqual(['capturedPowerW']);
    expect(fans[0]?.dates).toEqual(['2030-01-01', '2031-01-01']);
    expect(fans[0]?.p50).toEqual([0, 4]);
    // 2031-01-01 00:00 UTC is 365 days and 69.184 s of TT - UTC (+ TDB - TT, < 2 ms) after 2030-01-01 00:00 UTC
    const dt = (fans[0]?.tdbS[1] ?? 0) - (fans[0]?.tdbS[0] ?? 0);
    expect(Math.abs(dt - 365 * 86_400)).toBeLessThan(0.01);
  });

  it.each([
    ['output,at\n', /must start with the header/],
    [`${PERCENTILES}capturedPowerW,2032-01-01,3,0,1,2\n`, /line 7 has 6 fields/],
    [PERCENTILES.replace('2,3,4,5,6,4', '2,3,x,5,6,4'), /line 2, column p50: not a number: "x"/],
    [PERCENTILES.replace(',3,0,2,3', ',3.5,0,2,3'), /line 2, column samples: not a count/],
  ])('refuses a file that is not what a study writes (%#)', (text, message) => {
    expect(() => parsePercentilesCsv(text, 'study/percentiles.csv')).toThrow(InputError);
    expect(() => parsePercentilesCsv(text, 'study/percentiles.csv')).toThrow(message);
    try {
      parsePercentilesCsv(text, 'study/percentiles.csv');
    } catch (error) {
      expect((error as InputError).field).toBe('study/percentiles.csv');
    }
  });
});

describe('sensitivity.csv', () => {
  it('gives a tornado per output, bars by |rho| (undefined ones left out), and an empty one for a constant output', () => {
    const tornadoes = tornadoCharts(parseSensitivityCsv(SENSITIVITY));
    expect(tornadoes).toEqual([
      {
        figure: 'capturedPowerW',
        at: 'last',
        samples: 3,
        bars: [
          { parameter: 'c[0].d', spearman: -0.9 },
          { parameter: 'a.b', spearman: 0.5 },
        ],
      },
      { figure: 'massInOrbitKg', at: 'last', samples: 3, bars: [] },
    ]);
  });

  it('accepts rho a few ulps past 1 (Pearson of ranks) but refuses 1.01', () => {
    const ulps = SENSITIVITY.replace('-0.9', '-1.0000000000000002');
    expect(tornadoCharts(parseSensitivityCsv(ulps))[0]?.bars[0]?.spearman).toBe(-1.0000000000000002);
    expect(() => parseSensitivityCsv(SENSITIVITY.replace('-0.9', '-1.01'))).toThrow(/outside \[-1, 1\]/);
  });
});
