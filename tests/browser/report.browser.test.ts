/**
 * `essaim report` read by an independent reader, real Chromium. The CLI runs in Node (tests/browser/reportCommands.ts:
 * `essaim report` and `essaim run` with the same flags), then:
 * - a fresh page opens the report with every request refused: it makes none, logs no error, draws every chart;
 * - the report in an iframe here: each chart's plot area has the series' coloured pixels (read back from its
 *   canvas), and every number of its tables equals summary.json's at the precision shown.
 */
import { expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { FIGURES } from '../../sim/report/figures.ts';
import type { Summary, SummaryRow } from '../../sim/report/summary.ts';

/** A short baseline run with every group of figures (growth, energy, the geostationary satellites). */
const FLAGS = [
  '--tracers',
  '300',
  '--from',
  '2046-01-01',
  '--to',
  '2050-12-31',
  '--eclipse-resolution',
  '1h',
];

/** The shown units, as a reader converts them back to SI (the tables' note says W in GW, kg in t, ...). */
const SI_PER_SHOWN_UNIT: Readonly<Record<string, number>> = {
  '': 1,
  GW: 1e9,
  t: 1e3,
  km2: 1e6,
  $M: 1e6,
  GWh: 3.6e12,
  J: 1,
  y: 1,
  // the Earth-side figures (sim/report/yearlyTable.ts): a task's energy, cost and CO2; a levelised cost; a heat flux
  Wh: 3600,
  $: 1,
  g: 1e-3,
  '$/kWh': 1 / 3.6e6,
  'W/m2': 1,
};

/** Floating-point slack on top of the shown precision: the SI value times a few ulps, relative. */
const FLOAT_REL = 1e-12;

/**
 * A cell's number and its tolerance: half a unit in the last digit shown (`1,234.5` -> 0.05, `1.070e+15` ->
 * 5e11), so a cell equals summary.json's value when they differ by less than the rounding of the display.
 */
function parseCell(text: string): { value: number; halfUlp: number } {
  const plain = text.replaceAll(',', '');
  const [mantissa = '', exponent] = plain.split('e');
  const decimals = mantissa.split('.')[1]?.length ?? 0;
  return {
    value: Number(plain),
    halfUlp: 0.5 * 10 ** (-decimals + (exponent === undefined ? 0 : Number(exponent))),
  };
}

/** A colour away from grey: the series' stroke and fill, not the grid, axes or text. */
function saturated(r: number, g: number, b: number, alpha: number): boolean {
  return alpha > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 40;
}

/** The report in an iframe of this page, once its charts are drawn. */
async function frameOf(html: string): Promise<Document> {
  const frame = document.body.appendChild(document.createElement('iframe'));
  frame.style.width = '1100px';
  frame.style.height = '800px';
  frame.srcdoc = html;
  await expect
    .poll(() => frame.contentDocument?.body?.getAttribute('data-charts-drawn') ?? null, { timeout: 20_000 })
    .not.toBeNull();
  const doc = frame.contentDocument;
  if (doc === null) throw new Error('the report frame has no document');
  return doc;
}

test('the report opens offline, draws every chart, and its tables are summary.json’s numbers', async () => {
  const { html, summaryJson } = await commands.essaimReport(FLAGS);
  const summary = JSON.parse(summaryJson) as Summary;

  // 1. a fresh page, every request refused: none is made, nothing fails, every chart is drawn
  const offline = await commands.openReportOffline(html);
  expect(offline.requests).toEqual([]);
  expect(offline.errors).toEqual([]);

  // the charts expected: the catalogue's charted figures with a positive value in summary.json
  const charted = FIGURES.filter(
    (figure) =>
      figure.chart &&
      summary.rows.some((row) => {
        const value = row[figure.key as keyof SummaryRow];
        return typeof value === 'number' && value > 0;
      }),
  ).map((figure) => figure.key);
  expect(charted.length).toBeGreaterThanOrEqual(5);
  expect(offline.chartsDrawn).toBe(charted.length);

  // 2. the same report here: read its canvases and its tables
  const doc = await frameOf(html);
  const figures = [...doc.querySelectorAll<HTMLElement>('figure.chart')];
  expect(figures.map((figure) => figure.dataset['chart'])).toEqual(charted);
  for (const figure of figures) {
    const canvas = figure.querySelector('canvas');
    const over = figure.querySelector<HTMLElement>('.u-over');
    if (canvas === null || over === null) throw new Error(`${figure.dataset['chart']}: no uPlot canvas`);
    // the plot area (u-over) in canvas pixels: the series is drawn there, the axes outside it
    const scale = canvas.width / canvas.getBoundingClientRect().width;
    const box = over.getBoundingClientRect();
    const origin = canvas.getBoundingClientRect();
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('no 2d context');
    const pixels = context.getImageData(
      Math.round((box.left - origin.left) * scale),
      Math.round((box.top - origin.top) * scale),
      Math.round(box.width * scale),
      Math.round(box.height * scale),
    ).data;
    let coloured = 0;
    for (let k = 0; k < pixels.length; k += 4) {
      if (saturated(pixels[k] ?? 0, pixels[k + 1] ?? 0, pixels[k + 2] ?? 0, pixels[k + 3] ?? 0))
        coloured += 1;
    }
    // a 2 px line across the plot and its fill: thousands of pixels; a blank plot area has none
    expect(coloured, `${figure.dataset['chart']}: coloured pixels in the plot area`).toBeGreaterThan(500);
  }

  // 3. every cell of the yearly tables against summary.json's row of that date
  const rowsByDay = new Map(summary.rows.map((row) => [row.date.slice(0, 10), row]));
  expect(rowsByDay.size).toBe(summary.rows.length);
  const keysSeen = new Set<string>();
  let compared = 0;
  for (const table of doc.querySelectorAll('table.figures')) {
    const headers = [...table.querySelectorAll<HTMLElement>('thead th')].slice(1);
    for (const tr of table.querySelectorAll('tbody tr')) {
      const day = tr.querySelector('th')?.textContent ?? '';
      const row = rowsByDay.get(day) as Record<string, unknown> | undefined;
      if (row === undefined) throw new Error(`a table row ${day} that summary.json does not have`);
      [...tr.querySelectorAll('td')].forEach((td, column) => {
        const header = headers[column];
        const key = header?.dataset['key'] ?? '';
        const name = header?.dataset['name'];
        const unit = header?.dataset['unit'] ?? '';
        keysSeen.add(key);
        const field = row[key];
        const expected = name === undefined ? field : (field as Record<string, unknown> | null)?.[name];
        const text = td.textContent ?? '';
        const where = `${day} ${header?.textContent ?? key}`;
        compared += 1;
        if (expected === null || expected === undefined) {
          expect(text, where).toBe('-');
          return;
        }
        if (typeof expected === 'string') {
          expect(text, where).toBe(expected);
          return;
        }
        const factor = SI_PER_SHOWN_UNIT[unit];
        if (factor === undefined) throw new Error(`${where}: unit ${unit} unknown to the reader`);
        const { value, halfUlp } = parseCell(text);
        expect(Number.isFinite(value), `${where}: ${text}`).toBe(true);
        const shownSi = value * factor;
        const tolerance = halfUlp * factor + FLOAT_REL * Math.abs(expected as number);
        expect(
          Math.abs(shownSi - (expected as number)),
          `${where}: ${text} vs ${String(expected)}`,
        ).toBeLessThanOrEqual(tolerance);
      });
    }
  }
  // guards: every figure of the catalogue has a column, and every row of every column was compared
  expect([...keysSeen].sort()).toEqual(FIGURES.map((figure) => figure.key).sort());
  expect(compared).toBeGreaterThanOrEqual(FIGURES.length * summary.rows.length);

  // 4. the efficiency chain's levels: summary.json's last row in GW, and bars as long as their power
  const last = summary.rows.at(-1) as unknown as Record<string, number>;
  const levels = [...doc.querySelectorAll<SVGGElement>('svg.waterfall g.step-level')];
  const byStep = new Map(levels.map((g) => [g.dataset['step'] ?? '', g]));
  const barOf = (g: SVGGElement | undefined): number =>
    Number(g?.querySelector('rect')?.getAttribute('width'));
  const interceptedBar = barOf(byStep.get('interceptedSunlightW'));
  for (const key of ['interceptedSunlightW', 'capturedPowerW', 'transmittedPowerW', 'deliveredPowerW']) {
    const g = byStep.get(key);
    const text = g?.querySelectorAll('text')[1]?.textContent ?? '';
    const gw = /^([\d,.e+-]+) GW/.exec(text)?.[1];
    if (gw === undefined) throw new Error(`chain ${key}: no GW value in ${JSON.stringify(text)}`);
    const { value, halfUlp } = parseCell(gw);
    const expectedW = last[key] ?? Number.NaN;
    expect(Math.abs(value * 1e9 - expectedW), key).toBeLessThanOrEqual(halfUlp * 1e9 + FLOAT_REL * expectedW);
    // a bar's length is its share of the sunlight, to the 0.01 px the SVG writes (and the 1 px floor of a bar)
    const lengthPx = (expectedW / (last['interceptedSunlightW'] ?? Number.NaN)) * interceptedBar;
    expect(Math.abs(barOf(g) - Math.max(1, lengthPx)), `${key} bar`).toBeLessThanOrEqual(0.01);
  }
});
