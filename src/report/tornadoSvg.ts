/**
 * A tornado chart (sim/sweep/results.ts tornadoCharts) as inline SVG: one row per parameter, largest |rho| on top,
 * a bar from the axis at rho = 0 to the parameter's Spearman rank correlation with the output, on a fixed scale
 * from -1 to +1 (so charts of different outputs compare); each row prints its rho.
 */
import type { Tornado } from '../../sim/sweep/results.ts';
import { escapeHtml } from './escape.ts';

const ROW_HEIGHT_PX = 26;
const BAR_HEIGHT_PX = 16;
const LABEL_WIDTH_PX = 360;
const HALF_WIDTH_PX = 190;
const VALUE_WIDTH_PX = 70;
const TOP_PX = 8;
const AXIS_PX = 22;

const POSITIVE = '#3d6fb6';
const NEGATIVE = '#d0574b';

/** The chart as an `<svg>` element (text escaped); `title` names the output. */
export function tornadoSvg(tornado: Tornado, title: string): string {
  if (tornado.bars.length === 0) {
    return (
      `<svg class="tornado" role="img" width="600" height="28" font-family="system-ui, sans-serif"` +
      ` font-size="12" fill="#5d6678"><text x="0" y="18">The output is the same in every sample: no parameter ` +
      `moves it (its rank correlations are undefined).</text></svg>`
    );
  }
  const width = LABEL_WIDTH_PX + 2 * HALF_WIDTH_PX + VALUE_WIDTH_PX;
  const height = TOP_PX + tornado.bars.length * ROW_HEIGHT_PX + AXIS_PX;
  const zero = LABEL_WIDTH_PX + HALF_WIDTH_PX;
  const rows = tornado.bars.map((bar, k) => {
    const y = TOP_PX + k * ROW_HEIGHT_PX;
    const middle = y + ROW_HEIGHT_PX / 2;
    const length = Math.max(1, Math.abs(bar.spearman) * HALF_WIDTH_PX);
    const left = bar.spearman >= 0 ? zero : zero - length;
    return (
      `<g class="bar" data-parameter="${escapeHtml(bar.parameter)}" data-spearman="${bar.spearman}">` +
      `<text x="${LABEL_WIDTH_PX - 8}" y="${middle}" text-anchor="end" dominant-baseline="middle">` +
      `${escapeHtml(bar.parameter)}</text>` +
      `<rect x="${left.toFixed(2)}" y="${(middle - BAR_HEIGHT_PX / 2).toFixed(2)}" width="${length.toFixed(2)}"` +
      ` height="${BAR_HEIGHT_PX}" fill="${bar.spearman >= 0 ? POSITIVE : NEGATIVE}"/>` +
      `<text x="${LABEL_WIDTH_PX + 2 * HALF_WIDTH_PX + 8}" y="${middle}" dominant-baseline="middle">` +
      `${bar.spearman >= 0 ? '+' : '−'}${Math.abs(bar.spearman).toFixed(2)}</text></g>`
    );
  });
  const axisY = TOP_PX + tornado.bars.length * ROW_HEIGHT_PX;
  const ticks = [-1, -0.5, 0, 0.5, 1].map((rho) => {
    const x = zero + rho * HALF_WIDTH_PX;
    return (
      `<line x1="${x}" y1="${TOP_PX}" x2="${x}" y2="${axisY + 4}" stroke="${rho === 0 ? '#4a5366' : '#e0e3ea'}"/>` +
      `<text x="${x}" y="${axisY + 16}" text-anchor="middle" fill="#5d6678">${rho === 0 ? '0' : rho}</text>`
    );
  });
  return (
    `<svg class="tornado" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
    ` font-family="system-ui, sans-serif" font-size="12" fill="#1d2330">` +
    `<title>${escapeHtml(`What drives ${title}: Spearman rank correlation of each parameter`)}</title>` +
    ticks.join('') +
    rows.join('') +
    `</svg>`
  );
}
