/**
 * The report as one HTML document that needs nothing else: uPlot's script and style sheet and the report's own
 * are inlined, the charts' data is a JSON element, the efficiency chain is inline SVG. A Content-Security-Policy
 * allows no fetch of any kind (`default-src 'none'`) and only these scripts and styles, by their SHA-256 hashes
 * (CSP Level 3, section 2.3.1 hash-source), so no text from the scenario can run even if it slipped through.
 * Every string from the scenario or the run is escaped (escape.ts). The same run gives the same bytes.
 */
import { createHash } from 'node:crypto';
import type { TableColumn, TableSection } from '../../sim/report/yearlyTable.ts';
import { sectionParts } from '../../sim/report/yearlyTable.ts';
import { CHART_SCRIPT } from './chartScript.ts';
import { escapeHtml, inlineScriptText, inlineStyleText, jsonForScript } from './escape.ts';
import type { ReportData } from './reportData.ts';
import { waterfallSvg } from './waterfallSvg.ts';

/** The chart library's files, read from node_modules at report time (assets.ts). */
export interface ReportAssets {
  readonly uplotJs: string;
  readonly uplotCss: string;
}

const REPORT_CSS = `
body { font: 14px/1.45 system-ui, sans-serif; color: #1d2330; background: #fff; margin: 0 auto; max-width: 1000px;
  padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 8px; border-bottom: 1px solid #d5d9e2; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.muted { color: #5d6678; }
table { border-collapse: collapse; margin: 6px 0 14px; font-variant-numeric: tabular-nums; }
th, td { padding: 2px 8px; border-bottom: 1px solid #e6e9ef; }
table.figures td { text-align: right; white-space: nowrap; }
table.figures th[scope=row] { text-align: left; font-weight: normal; white-space: nowrap; }
table.figures thead th { font-weight: 600; text-align: right; vertical-align: bottom; }
table.figures caption, table.parameters caption { text-align: left; font-weight: 600; padding: 4px 0; }
table.parameters th { text-align: left; font-weight: 600; }
.scroll { overflow-x: auto; }
dl.notes dt { font-family: ui-monospace, monospace; font-size: 12px; margin-top: 8px; }
dl.notes dd { margin: 2px 0 0 16px; }
ul.warnings li { margin: 4px 0; }
figure.chart { margin: 12px 0 18px; }
figure.chart figcaption { font-weight: 600; margin-bottom: 4px; }
`;

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function number(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

function scenarioSection(data: ReportData): string {
  const { scenario } = data;
  const sources = scenario.sources
    .map(
      ({ section, sources: list }) =>
        `<h4>${section === '' ? 'Scenario' : `<code>${escapeHtml(section)}</code>`}</h4>` +
        `<ul>${list.map((source) => `<li>${escapeHtml(source)}</li>`).join('')}</ul>`,
    )
    .join('');
  // one list per section of the file, each note under the field it defends
  const bySection = new Map<string, string[]>();
  for (const { section, field, text } of scenario.notes) {
    const top = section === '' ? '' : (/^[^.[]+/.exec(section)?.[0] ?? section);
    const path =
      section === '' ? field : field === 'source' || field === 'note' ? section : `${section}.${field}`;
    const items = bySection.get(top) ?? [];
    items.push(`<dt>${escapeHtml(path)}</dt><dd>${escapeHtml(text)}</dd>`);
    bySection.set(top, items);
  }
  const notes = [...bySection]
    .map(
      ([section, items]) =>
        `<h4>${section === '' ? 'Scenario' : `<code>${escapeHtml(section)}</code>`}</h4>` +
        `<dl class="notes">${items.join('')}</dl>`,
    )
    .join('');
  return (
    `<section id="scenario"><h2>The scenario’s sources and notes</h2>` +
    (sources === '' ? '' : `<h3>Sources</h3>${sources}`) +
    (notes === '' ? '' : `<h3>Notes on the parameters</h3>${notes}`) +
    `</section>`
  );
}

function runSection(data: ReportData): string {
  const { run } = data;
  const shells = run.shells
    .map(
      (shell) =>
        `${shell.name} (${number(shell.semiMajorAxisAu[0], 2)}–${number(shell.semiMajorAxisAu[1], 2)} au)`,
    )
    .join(', ');
  const rows: ReadonlyArray<[string, string]> = [
    ['scenario', data.scenario.name],
    ['from', run.from],
    ['to', run.to],
    ['step', `${run.step} (${run.outputTimes} output times)`],
    ['seed', String(run.seed)],
    ['backend', `${run.backend} (${run.device})`],
    ['tracers', `${run.tracerTableSize} in the table`],
    ['shells', shells],
    ['collector β', `${number(run.lightnessNumber, 4)} (radiation pressure over solar gravity)`],
  ];
  return (
    `<section id="run"><h2>Run</h2><table class="parameters">` +
    rows
      .map(
        ([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`,
      )
      .join('') +
    `</table></section>`
  );
}

function warningsSection(data: ReportData): string {
  const items = data.warnings.map(
    (w) =>
      `<li><span class="muted">${escapeHtml(w.firstDate.slice(0, 10))} .. ${escapeHtml(w.lastDate.slice(0, 10))}` +
      `</span> ${escapeHtml(w.message)}</li>`,
  );
  return (
    `<section id="warnings"><h2>Link budget warnings</h2>` +
    (items.length === 0 ? `<p>None.</p>` : `<ul class="warnings">${items.join('')}</ul>`) +
    `</section>`
  );
}

function chainSection(data: ReportData): string {
  const { chain } = data;
  return (
    `<section id="chain"><h2>Efficiency chain</h2>` +
    `<p class="muted">At ${escapeHtml(chain.date.slice(0, 10))} (the last output time): from the sunlight the ` +
    `collectors intercept to the power the loads receive, with the energy ledger’s losses by kind.` +
    (chain.beamed ? '' : ' The scenario has no energy section: nothing is beamed.') +
    `</p><div class="scroll">${waterfallSvg(chain)}</div></section>`
  );
}

function chartsSection(data: ReportData): string {
  const figures = data.charts.map(
    (chart) =>
      `<figure class="chart" data-chart="${escapeHtml(chart.key)}"><figcaption>${escapeHtml(chart.label)}` +
      `<span class="muted"> · ${escapeHtml(chart.unit === '1' || chart.unit === 'count' ? '' : `${chart.unit}, `)}` +
      `log scale</span></figcaption><div id="chart-${escapeHtml(chart.key)}"></div></figure>`,
  );
  const pending =
    data.notCharted.length === 0
      ? ''
      : `<p class="muted">Not charted, no value in this run: ${escapeHtml(data.notCharted.join('; '))}.</p>`;
  return `<section id="charts"><h2>Charts</h2>${figures.join('')}${pending}</section>`;
}

function headerCell(column: TableColumn): string {
  const name = column.name === null ? '' : ` data-name="${escapeHtml(column.name)}"`;
  return (
    `<th scope="col" data-key="${escapeHtml(column.key)}"${name} data-unit="${escapeHtml(column.suffix)}">` +
    `${escapeHtml(column.header)}</th>`
  );
}

function tableSection(section: TableSection): string {
  if (!section.modelled) return `<p>${escapeHtml(section.title)}: not modelled by this scenario</p>`;
  return sectionParts(section)
    .map((part, index) => {
      const caption = `${section.title}${index === 0 ? '' : ' (continued)'}`;
      const rows = section.dates.map(
        (date, k) =>
          `<tr><th scope="row">${escapeHtml(date)}</th>` +
          part.map((column) => `<td>${escapeHtml(column.cells[k] ?? '-')}</td>`).join('') +
          `</tr>`,
      );
      return (
        `<div class="scroll"><table class="figures" data-group="${escapeHtml(section.group)}">` +
        `<caption>${escapeHtml(caption)}</caption>` +
        `<thead><tr><th scope="col">date</th>${part.map(headerCell).join('')}</tr></thead>` +
        `<tbody>${rows.join('')}</tbody></table></div>`
      );
    })
    .join('');
}

function tablesSection(data: ReportData): string {
  return (
    `<section id="tables"><h2>Yearly tables</h2>` +
    `<p class="muted">The first output of each calendar year, and the last; as <code>essaim run</code> prints ` +
    `them (W in GW, kg in t, m² in km², USD in $M).</p>` +
    data.tables.map(tableSection).join('') +
    `</section>`
  );
}

/** The report's HTML text. */
export function reportHtml(data: ReportData, assets: ReportAssets): string {
  const uplotJs = inlineScriptText(assets.uplotJs, 'uPlot');
  const chartJs = inlineScriptText(CHART_SCRIPT, 'the chart script');
  const uplotCss = inlineStyleText(assets.uplotCss, 'uPlot’s style sheet');
  const csp = [
    `default-src 'none'`,
    `script-src ${sha256(uplotJs)} ${sha256(chartJs)}`,
    `style-src ${sha256(uplotCss)} ${sha256(REPORT_CSS)}`,
  ].join('; ');
  const chartData = { timesUtcS: data.timesUtcS, charts: data.charts };
  const title = data.scenario.title;
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(`Essaim report: ${title}`)}</title>` +
    `<style>${uplotCss}</style><style>${REPORT_CSS}</style></head>\n<body>` +
    `<header><h1>${escapeHtml(title)}</h1><p class="muted">Essaim report · scenario ` +
    `<code>${escapeHtml(data.scenario.name)}</code> · ${escapeHtml(data.run.from.slice(0, 10))} .. ` +
    `${escapeHtml(data.run.to.slice(0, 10))}</p>` +
    (data.scenario.description === ''
      ? ''
      : `<p class="description">${escapeHtml(data.scenario.description)}</p>`) +
    `</header>\n` +
    [
      runSection(data),
      chainSection(data),
      chartsSection(data),
      tablesSection(data),
      warningsSection(data),
      scenarioSection(data),
    ].join('\n') +
    `\n<script type="application/json" id="essaim-report-data">${jsonForScript(chartData)}</script>\n` +
    `<script>${uplotJs}</script>\n<script>${chartJs}</script>\n</body></html>\n`
  );
}
