/**
 * `essaim report --sweep DIR` read by an independent reader, real Chromium. The CLI runs a small Latin hypercube in
 * Node (tests/browser/reportCommands.ts) and reports its folder; then:
 * - a fresh page opens the report with every request refused: it makes none, logs no error, draws every fan;
 * - here, in an iframe: each fan's plot area holds both bands' fill colours (read back from its canvas), the table
 *   under each fan is percentiles.csv's last row at the precision shown, and each tornado's bars are
 *   sensitivity.csv's correlations, largest |rho| first, each bar |rho| x the half-width long.
 */
import { expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import baseline from '../../assets/scenarios/baseline.json' with { type: 'json' };
import { parsePercentilesCsv, parseSensitivityCsv } from '../../sim/sweep/results.ts';
import { bandPixels } from './bandPixels.ts';

const FROM = '2030-01-01';
const TO = '2034-01-01';

/** The baseline's first shell filled by a fixed schedule, no growth, no links: captured power scales with eta. */
function baseScenario(): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(baseline)) as Record<string, unknown> & {
    shells: Array<Record<string, unknown>>;
    collector: Record<string, unknown>;
  };
  const shell: Record<string, unknown> = { ...copy.shells[0], semiMajorAxisAu: [0.95, 1.05] };
  const collector: Record<string, unknown> = { ...copy.collector, arealDensityKgM2: 0.01 };
  delete collector['billOfMaterials'];
  const scenario: Record<string, unknown> = {
    ...copy,
    name: 'study-report-test',
    from: FROM,
    to: TO,
    shells: [shell],
    collector,
    deployment: [{ shell: shell['name'], start: FROM, end: TO, collectorsPerYear: 5000 }],
  };
  delete scenario['growth'];
  delete scenario['earth'];
  delete scenario['energy'];
  return scenario;
}

const SWEEP = {
  title: 'Study report test',
  scenario: 'base.json',
  seed: 3,
  run: { step: '1y', tracers: 60 },
  design: { kind: 'latin-hypercube', samples: 12 },
  parameters: [
    { path: 'collector.conversionEfficiency', distribution: { kind: 'uniform', min: 0.05, max: 0.35 } },
    { path: 'collector.degradationPerYear', distribution: { kind: 'uniform', min: 0.001, max: 0.05 } },
  ],
  outputs: [
    { figure: 'capturedPowerW', at: 'every' },
    { figure: 'massInOrbitKg', at: 'last' },
  ],
};

/** The bands' colour (the chart's own, at the alphas of bandPixels.ts). */
const BAND_RGB = [61, 111, 182];

/** Half a unit in the last digit shown (`1.234 GW` -> 0.0005 GW). */
function parseShown(text: string): { value: number; halfUlp: number } {
  const plain = text.replaceAll(',', '').split(' ')[0] ?? '';
  const decimals = plain.split('.')[1]?.length ?? 0;
  return { value: Number(plain), halfUlp: 0.5 * 10 ** -decimals };
}

async function frameOf(html: string): Promise<Document> {
  const frame = document.body.appendChild(document.createElement('iframe'));
  frame.style.width = '1100px';
  frame.style.height = '900px';
  frame.srcdoc = html;
  await expect
    .poll(() => frame.contentDocument?.body?.getAttribute('data-fans-drawn') ?? null, { timeout: 20_000 })
    .not.toBeNull();
  const doc = frame.contentDocument;
  if (doc === null) throw new Error('the report frame has no document');
  return doc;
}

test('the study report opens offline, draws its bands, and shows the CSVs’ numbers', async () => {
  const files = await commands.essaimStudyReport(SWEEP, baseScenario());
  const percentiles = parsePercentilesCsv(files.percentilesCsv);
  const sensitivity = parseSensitivityCsv(files.sensitivityCsv);

  const offline = await commands.openReportOffline(files.html, 'data-fans-drawn');
  expect(offline.requests).toEqual([]);
  expect(offline.errors).toEqual([]);
  expect(offline.chartsDrawn).toBe(1);

  const doc = await frameOf(files.html);
  const fan = doc.querySelector<HTMLElement>('figure[data-fan="capturedPowerW"]');
  if (fan === null || fan === undefined) throw new Error('no fan chart');
  const count = bandPixels(fan, BAND_RGB);
  // a factor-7 spread of efficiency gives bands tens of pixels tall across the plot: thousands of pixels each
  expect(count.outer, 'P5-P95 band pixels').toBeGreaterThan(2000);
  expect(count.inner, 'P25-P75 band pixels').toBeGreaterThan(2000);

  // the table under the fan: percentiles.csv's last date, in GW at the precision shown
  const last = percentiles.filter((row) => row.figure === 'capturedPowerW').at(-1);
  const cells = [...fan.querySelectorAll('table td.number')].map((td) => td.textContent ?? '');
  expect(Number(cells[0])).toBe(last?.samples);
  const expected = [last?.p5, last?.p25, last?.p50, last?.p75, last?.p95, last?.mean];
  cells.slice(1).forEach((text, j) => {
    const { value, halfUlp } = parseShown(text);
    expect(text.endsWith(' GW'), text).toBe(true);
    expect(Math.abs(value - (expected[j] ?? NaN) / 1e9), text).toBeLessThanOrEqual(halfUlp * (1 + 1e-9));
  });

  // the tornado of each non-fan output and of the fan's last date: sensitivity.csv's rows, by |rho|
  const tornadoes = [...doc.querySelectorAll<HTMLElement>('figure.tornado')];
  expect(tornadoes.map((t) => t.dataset['output'])).toEqual([
    `capturedPowerW@${last?.at}`,
    'massInOrbitKg@last',
  ]);
  for (const tornado of tornadoes) {
    const [figure, at] = (tornado.dataset['output'] ?? '').split('@');
    const rows = sensitivity.filter((row) => row.figure === figure && row.at === at && row.spearman !== null);
    const bars = [...tornado.querySelectorAll<SVGGElement>('g.bar')];
    expect(bars).toHaveLength(rows.length);
    const shown = bars.map((g) => ({
      parameter: g.dataset['parameter'],
      rho: Number(g.dataset['spearman']),
      widthPx: Number(g.querySelector('rect')?.getAttribute('width')),
    }));
    for (const bar of shown) {
      const row = rows.find((r) => r.parameter === bar.parameter);
      expect(bar.rho).toBe(row?.spearman);
      // tornadoSvg.ts: half-width 190 px for |rho| = 1, written to 0.01 px, at least 1 px
      expect(Math.abs(bar.widthPx - Math.max(1, Math.abs(bar.rho) * 190))).toBeLessThanOrEqual(0.005);
    }
    const sizes = shown.map((bar) => Math.abs(bar.rho));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  }
  // the mass launched is the schedule's whatever the efficiency: no bar, and the chart says why
  expect(tornadoes[1]?.textContent).toContain('the same in every sample');
  // efficiency drives captured power: the largest bar, positive
  expect(Number(tornadoes[0]?.querySelector<SVGGElement>('g.bar')?.dataset['spearman'])).toBeGreaterThan(0.8);
});
