/**
 * The efficiency chain (sim/report/efficiencyChain.ts) as a waterfall, drawn as inline SVG: one row per step, a
 * level as a bar from zero, a loss as the piece it takes off the running power, a gain as the piece it adds. The
 * scale is linear, so every bar's length is its share of the sunlight; each row also prints its power in GW (as
 * the tables do) and its share of the intercepted sunlight, since the smaller losses are thinner than a pixel.
 */
import type { ChainStep, EfficiencyChain } from '../../sim/report/efficiencyChain.ts';
import { formatNumber } from '../../sim/report/formatNumber.ts';
import { escapeHtml } from './escape.ts';

const ROW_HEIGHT_PX = 24;
const BAR_HEIGHT_PX = 16;
const LABEL_WIDTH_PX = 330;
const BAR_WIDTH_PX = 380;
const VALUE_WIDTH_PX = 190;
const TOP_PX = 8;

const FILL: Readonly<Record<ChainStep['kind'], string>> = {
  level: '#3d6fb6',
  loss: '#d0574b',
  gain: '#3c9a5b',
};

/** A step's bar: its start and end power, W. */
interface Bar {
  readonly step: ChainStep;
  readonly fromW: number;
  readonly toW: number;
}

function barsOf(steps: readonly ChainStep[]): Bar[] {
  let running = 0;
  return steps.map((step) => {
    if (step.kind === 'level') {
      running = step.powerW;
      return { step, fromW: 0, toW: step.powerW };
    }
    const fromW = running;
    running = step.kind === 'loss' ? running - step.powerW : running + step.powerW;
    return { step, fromW: Math.min(fromW, running), toW: Math.max(fromW, running) };
  });
}

/** A share of the intercepted sunlight, as a percentage with three significant digits. */
function shareText(powerW: number, interceptedW: number): string {
  if (!(interceptedW > 0)) return '';
  const percent = (100 * powerW) / interceptedW;
  return percent === 0 ? '0 %' : `${formatNumber(percent, 3)} %`;
}

/** The chain as an `<svg>` element (text escaped). */
export function waterfallSvg(chain: EfficiencyChain): string {
  const bars = barsOf(chain.steps);
  const maxW = Math.max(0, ...bars.map((bar) => bar.toW));
  const interceptedW = chain.steps[0]?.powerW ?? 0;
  const x = (powerW: number): number => (maxW > 0 ? (powerW / maxW) * BAR_WIDTH_PX : 0);
  const width = LABEL_WIDTH_PX + BAR_WIDTH_PX + VALUE_WIDTH_PX;
  const height = TOP_PX * 2 + bars.length * ROW_HEIGHT_PX;
  const rows = bars.map((bar, k) => {
    const y = TOP_PX + k * ROW_HEIGHT_PX;
    const middle = y + ROW_HEIGHT_PX / 2;
    const { step } = bar;
    const sign = step.kind === 'loss' ? '−' : step.kind === 'gain' ? '+' : '';
    const left = LABEL_WIDTH_PX + x(bar.fromW);
    // at least a hairline, so that every step is seen to exist
    const barWidth = Math.max(1, x(bar.toW) - x(bar.fromW));
    const value = `${sign}${formatNumber(step.powerW / 1e9)} GW  ${shareText(step.powerW, interceptedW)}`;
    return (
      `<g class="step step-${step.kind}" data-step="${escapeHtml(step.id)}">` +
      `<text x="${LABEL_WIDTH_PX - 8}" y="${middle}" text-anchor="end" dominant-baseline="middle"` +
      `${step.kind === 'level' ? ' font-weight="600"' : ''}>${escapeHtml(step.label)}</text>` +
      `<rect x="${left.toFixed(2)}" y="${(middle - BAR_HEIGHT_PX / 2).toFixed(2)}" width="${barWidth.toFixed(2)}"` +
      ` height="${BAR_HEIGHT_PX}" fill="${FILL[step.kind]}"/>` +
      `<text x="${LABEL_WIDTH_PX + BAR_WIDTH_PX + 8}" y="${middle}" dominant-baseline="middle">` +
      `${escapeHtml(value)}</text></g>`
    );
  });
  return (
    `<svg class="waterfall" role="img" width="${width}" height="${height}"` +
    ` viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12" fill="#1d2330">` +
    `<title>Efficiency chain: from the sunlight intercepted to the power delivered</title>` +
    `<line x1="${LABEL_WIDTH_PX}" y1="${TOP_PX}" x2="${LABEL_WIDTH_PX}" y2="${height - TOP_PX}"` +
    ` stroke="#8a93a6"/>` +
    rows.join('') +
    `</svg>`
  );
}
