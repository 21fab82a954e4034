/**
 * The study report: one self-contained HTML document of a parameter study (`essaim report --sweep DIR`), built as
 * the run report is (reportHtml.ts): uPlot and the fan-chart script inlined, the data as a JSON element, the
 * tornado charts as inline SVG, a Content-Security-Policy that allows no fetch and only these scripts and styles
 * by their SHA-256 hashes. Every string from the study is escaped. The same folder gives the same bytes.
 */
import { createHash } from 'node:crypto';

import { formatNumber } from '../../sim/report/formatNumber.ts';
import type { PercentileRow } from '../../sim/sweep/results.ts';
import { escapeHtml, inlineScriptText, inlineStyleText, jsonForScript } from './escape.ts';
import type { ReportAssets } from './reportHtml.ts';
import type { StudyReportData } from './studyData.ts';
import { STUDY_SCRIPT } from './studyScript.ts';
import { tornadoSvg } from './tornadoSvg.ts';

const STUDY_CSS = `
body { font: 14px/1.45 system-ui, sans-serif; color: #1d2330; background: #fff; margin: 0 auto; max-width: 1000px;
  padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 8px; border-bottom: 1px solid #d5d9e2; padding-bottom: 4px; }
.muted { color: #5d6678; }
table { border-collapse: collapse; margin: 6px 0 14px; font-variant-numeric: tabular-nums; }
th, td { padding: 2px 8px; border-bottom: 1px solid #e6e9ef; }
td.number { text-align: right; white-space: nowrap; }
th { text-align: left; font-weight: 600; }
dl.notes dt { font-family: ui-monospace, monospace; font-size: 12px; margin-top: 8px; }
dl.notes dd { margin: 2px 0 0 16px; }
figure { margin: 12px 0 22px; background: #fff; padding: 6px; }
figure figcaption { font-weight: 600; margin-bottom: 4px; }
`;

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** A statistic in the unit people read: GW for watts, t for kilograms, the year for a date, else 3 digits. */
function valueText(value: number | null, unit: string): string {
  if (value === null) return '–';
  if (unit === 'W') return `${formatNumber(value / 1e9)} GW`;
  if (unit === 'kg') return `${formatNumber(value / 1e3)} t`;
  if (unit === 'yr') return value.toFixed(2);
  if (unit === '1' || unit === 'count') return formatNumber(value);
  return `${formatNumber(value)} ${unit}`;
}

function percentileCells(row: PercentileRow, unit: string): string {
  return [row.p5, row.p25, row.p50, row.p75, row.p95, row.mean]
    .map((value) => `<td class="number">${escapeHtml(valueText(value, unit))}</td>`)
    .join('');
}

const PERCENTILE_HEAD =
  `<tr><th>output</th><th>samples</th><th>P5</th><th>P25</th><th>median</th><th>P75</th><th>P95</th>` +
  `<th>mean</th></tr>`;

function studySection(data: StudyReportData): string {
  const { file, counts } = data;
  const rows: ReadonlyArray<[string, string]> = [
    ['base scenario', data.baseScenario],
    [
      'design',
      `${file.design.kind}, ${counts.samples} of ${data.designSize} samples, seed ${file.seed}` +
        (file.run.tracers === undefined ? '' : `, ${file.run.tracers} tracers each`) +
        `, step ${file.run.step}`,
    ],
    [
      'samples',
      `${counts.ok} ran, ${counts.refused} refused, ${counts.failed} failed` +
        (counts.missing > 0 ? `, ${counts.missing} missing: the study is incomplete` : ''),
    ],
    [
      'versions',
      Object.entries(data.versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    ],
  ];
  const parameters = file.parameters.map((p) => {
    const how =
      'distribution' in p
        ? Object.entries(p.distribution)
            .map(([k, v]) => (k === 'kind' ? String(v) : `${k} ${String(v)}`))
            .join(', ')
        : JSON.stringify(p.grid);
    return `<dt>${escapeHtml(p.path)} · ${escapeHtml(how)}</dt><dd>${escapeHtml(file.notes[p.path] ?? '')}</dd>`;
  });
  return (
    `<section id="study"><h2>The study</h2><table>` +
    rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('') +
    `</table><h3>Parameters</h3><dl class="notes">${parameters.join('')}</dl></section>`
  );
}

function fansSection(data: StudyReportData): string {
  if (data.fans.length === 0) return '';
  const figures = data.fans.map(
    (fan) =>
      `<figure class="fan" data-fan="${escapeHtml(fan.key)}"><figcaption>${escapeHtml(fan.label)}` +
      `<span class="muted"> · median, P25–P75 and P5–P95 bands, mean dashed · log scale</span></figcaption>` +
      `<div id="fan-${escapeHtml(fan.key)}"></div>` +
      `<table>${PERCENTILE_HEAD}<tr><td>${escapeHtml(`${fan.label}, ${fan.last.at}`)}</td>` +
      `<td class="number">${fan.last.samples}</td>${percentileCells(fan.last, fan.unit)}</tr></table></figure>`,
  );
  return `<section id="fans"><h2>Fan charts</h2>${figures.join('')}</section>`;
}

function tornadoSection(data: StudyReportData): string {
  if (data.tornadoes.length === 0) return '';
  const figures = data.tornadoes.map(
    ({ title, tornado }) =>
      `<figure class="tornado" data-output="${escapeHtml(`${tornado.figure}@${tornado.at}`)}">` +
      `<figcaption>${escapeHtml(`What drives it: ${title}`)}<span class="muted"> · Spearman rank correlation ` +
      `over ${tornado.samples} samples</span></figcaption>${tornadoSvg(tornado, title)}</figure>`,
  );
  return `<section id="tornadoes"><h2>Tornado charts</h2>${figures.join('')}</section>`;
}

function interval(value: number | null, low: number | null, high: number | null): string {
  if (value === null) return '–';
  return `${value.toFixed(3)} [${low?.toFixed(3) ?? '–'}, ${high?.toFixed(3) ?? '–'}]`;
}

function sobolSection(data: StudyReportData): string {
  if (data.sobol.length === 0) return '';
  const tables = data.sobol.map(
    ({ title, rows }) =>
      `<table class="sobol"><caption>${escapeHtml(title)} · ${rows[0]?.rows ?? 0} complete base rows</caption>` +
      `<tr><th>parameter</th><th>first-order S [95 %]</th><th>total ST [95 %]</th></tr>` +
      rows
        .map(
          (row) =>
            `<tr data-parameter="${escapeHtml(row.parameter)}"><td>${escapeHtml(row.parameter)}</td>` +
            `<td class="number">${interval(row.s1, row.s1Low, row.s1High)}</td>` +
            `<td class="number">${interval(row.st, row.stLow, row.stHigh)}</td></tr>`,
        )
        .join('') +
      `</table>`,
  );
  return (
    `<section id="sobol"><h2>Variance-based indices</h2><p class="muted">Saltelli et al. (2010): S, the share of ` +
    `the output's variance a parameter explains alone; ST, the share it takes part in with its interactions; ` +
    `95 % percentile-bootstrap intervals.</p>${tables.join('')}</section>`
  );
}

function othersSection(data: StudyReportData): string {
  if (data.others.length === 0) return '';
  const rows = data.others.map(
    ({ label, unit, row }) =>
      `<tr><td>${escapeHtml(label)}</td><td class="number">${row.samples}</td>${percentileCells(row, unit)}</tr>`,
  );
  return `<section id="outputs"><h2>Other outputs</h2><table>${PERCENTILE_HEAD}${rows.join('')}</table></section>`;
}

/** The study report's HTML text. */
export function studyHtml(data: StudyReportData, assets: ReportAssets): string {
  const uplotJs = inlineScriptText(assets.uplotJs, 'uPlot');
  const fanJs = inlineScriptText(STUDY_SCRIPT, 'the fan-chart script');
  const uplotCss = inlineStyleText(assets.uplotCss, 'uPlot’s style sheet');
  const csp = [
    `default-src 'none'`,
    `script-src ${sha256(uplotJs)} ${sha256(fanJs)}`,
    `style-src ${sha256(uplotCss)} ${sha256(STUDY_CSS)}`,
  ].join('; ');
  const title = data.file.title;
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(`Essaim study: ${title}`)}</title>` +
    `<style>${uplotCss}</style><style>${STUDY_CSS}</style></head>\n<body>` +
    `<header><h1>${escapeHtml(title)}</h1>` +
    (data.file.description === '' ? '' : `<p class="description">${escapeHtml(data.file.description)}</p>`) +
    `</header>\n` +
    [
      fansSection(data),
      tornadoSection(data),
      sobolSection(data),
      othersSection(data),
      studySection(data),
    ].join('\n') +
    `\n<script type="application/json" id="essaim-study-data">${jsonForScript({ fans: data.fans })}</script>\n` +
    `<script>${uplotJs}</script>\n<script>${fanJs}</script>\n</body></html>\n`
  );
}
