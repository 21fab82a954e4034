// The README's paragraph on the shipped uncertainty study quotes the study's results: each number it gives is
// checked here against the committed outputs (assets/sweeps/baseline-uncertainty-results/, read back by the
// study's own CSV reader), and those outputs against the study file they came from, so that a change to the study
// without a rerun, or a rerun without the README, fails. Bookkeeping of the text, not of the physics.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

import { parsePercentilesCsv, parseSensitivityCsv } from '../../sim/sweep/results.ts';
import { parseSweep } from '../../sim/sweep/study.ts';

const DIR = 'assets/sweeps/baseline-uncertainty-results';

describe("the README's numbers of the shipped study", () => {
  it('are the committed outputs, and the outputs are of today’s study file', async () => {
    const readme = (await readFile('README.md', 'utf8')).replace(/\s+/g, ' ');
    const study = parseSweep(JSON.parse(await readFile('assets/sweeps/baseline-uncertainty.json', 'utf8')));
    const sweep = JSON.parse(await readFile(`${DIR}/sweep.json`, 'utf8')) as {
      study: unknown;
      counts: { samples: number; ok: number };
    };
    expect(parseSweep(sweep.study)).toEqual(study);
    expect(sweep.counts).toMatchObject({ samples: 1000, ok: 1000 });

    const percentiles = parsePercentilesCsv(await readFile(`${DIR}/percentiles.csv`, 'utf8'));
    const sensitivity = parseSensitivityCsv(await readFile(`${DIR}/sensitivity.csv`, 'utf8'));
    const gw = (value: number | null | undefined): string => ((value ?? NaN) / 1e9).toFixed(2);
    const row = (figure: string, at: string) => percentiles.find((r) => r.figure === figure && r.at === at);
    const delivered = row('deliveredPowerW', '2050-12-31');
    const captured = row('capturedPowerW', '2050-12-31');
    expect(readme).toContain(
      `delivered power is ${gw(delivered?.p50)} GW at the median, ${gw(delivered?.p5)}-${gw(delivered?.p95)} GW`,
    );
    expect(readme).toContain(
      `(captured: ${gw(captured?.p50)} GW, ${gw(captured?.p5)}-${gw(captured?.p95)} GW)`,
    );

    const rho = (figure: string, at: string, parameter: string): string => {
      const value = sensitivity.find(
        (r) => r.figure === figure && r.at === at && r.parameter === parameter,
      )?.spearman;
      return `${(value ?? NaN) >= 0 ? '+' : '-'}${Math.abs(value ?? NaN).toFixed(2)}`;
    };
    const at = '2050-12-31';
    expect(readme).toContain(
      `areal density (${rho('deliveredPowerW', at, 'collector.billOfMaterials[1].arealDensityKgM2')})`,
    );
    expect(readme).toContain(
      `replication time (${rho('deliveredPowerW', at, 'growth.sites[0].factory.replicationTimeYears')})`,
    );
    expect(readme).toContain(
      `conversion efficiency (${rho('deliveredPowerW', at, 'collector.conversionEfficiency')})`,
    );
    expect(readme).toContain(
      `DC-RF efficiency (${rho('deliveredPowerW', at, 'energy.links[0].hops[0].dcRfEfficiency')})`,
    );
    expect(readme).toContain(`degradation (${rho('deliveredPowerW', at, 'collector.degradationPerYear')})`);
    expect(readme).toContain(
      `alone (rho ${rho('massInOrbitKg', 'last', 'growth.sites[0].factory.replicationTimeYears')})`,
    );
    const first = percentiles.find((r) => r.figure === 'capturedPowerW' && r.at.startsWith('first reaches'));
    expect(readme).toContain(
      `by ${first?.samples} samples of 1,000 (median ${(first?.p50 ?? NaN).toFixed(1)})`,
    );
  });
});
