/**
 * Charts of the figures over the scenario's whole span (uPlot, log scale: they grow by decades), from the monthly
 * series the worker computed with the core. A vertical line marks the displayed time and follows it without
 * re-rendering; clicking a chart moves the time there; hovering reads the sampled value out above the plot, in the
 * panel's format. The charted figures are the catalogue's (sim/report/figures.ts, `chart`); those without a value
 * in this scenario are listed instead of drawn. The charts sit under the figures or, expanded, in a wide drawer.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { tdbSToUtcMs, utcMsToTdbS } from '../../../sim/time.ts';
import { useAppState, useController } from '../state/context.tsx';
import type { Figure } from '../../../sim/report/figures.ts';
import { CHARTED_FIGURES, chartUnitOf, formatOf, tickTextOf } from '../state/fields.ts';
import { formatDate, formatDateTime } from '../state/format.ts';
import { logChartValue } from '../../report/logChart.ts';
import { DemandBandChart } from './DemandBandChart.tsx';
import type { FanSeries } from '../../../sim/sweep/results.ts';
import { chartFloorOf, chartRangeOf, yAxisWidthPx } from './chartAxes.ts';
import { logTicks } from './chartTicks.ts';

/** Plot heights, CSS px: readable with at least three y ticks in the side panel, taller in the drawer. */
const CHART_HEIGHT_PX = 132;
const WIDE_CHART_HEIGHT_PX = 170;
/** Vertical space per y tick, CSS px: uPlot lays out about one label per this many pixels. */
const Y_TICK_SPACE_PX = 26;
/** The font of the axis labels; yAxisWidthPx measures with the same. */
const AXIS_FONT = '11px system-ui, sans-serif';
const COLORS: Readonly<Record<string, string>> = {
  collectorCount: '#59d0ff',
  massInOrbitKg: '#b7a6ff',
  capturedPowerW: '#ffc861',
  transmittedPowerW: '#ff9a61',
  deliveredPowerW: '#7dff9a',
  solarLuminosityFraction: '#ff7dbd',
  computeTokensPerS: '#9af0ff',
  computeFlopPerS: '#9af0ff',
  factoryMassKg: '#a0e07a',
};

/** Charts in order of interest; others follow in catalogue order. */
const CHART_ORDER = [
  'capturedPowerW',
  'deliveredPowerW',
  'collectorCount',
  'massInOrbitKg',
  'solarLuminosityFraction',
];
const chartRank = (key: string): number => {
  const rank = CHART_ORDER.indexOf(key);
  return rank < 0 ? CHART_ORDER.length : rank;
};

/**
 * uPlot's data for one chart: log-scale values, with those it cannot draw as gaps (src/report/logChart.ts) and
 * those below the chart's floor (chartAxes.ts: a fraction of a collector, nine decades under the peak) as gaps.
 */
function chartData(
  field: Figure,
  xs: Float64Array,
  ys: Float64Array,
  fan: FanSeries | undefined,
): uPlot.AlignedData {
  const floor = chartFloorOf(field, ys);
  const drawable = (y: number | null | undefined): number | null => {
    const value = logChartValue(y);
    return value === null || value < floor ? null : value;
  };
  const main = [Array.from(xs), Array.from(ys, drawable)];
  if (fan === undefined) return main as uPlot.AlignedData;
  const fanXs = fan.tdbS.map((t) => tdbSToUtcMs(t) / 1000);
  const bands = [fan.p5, fan.p25, fan.p50, fan.p75, fan.p95].map((values) =>
    Array.from(xs, (x) => drawable(logInterpolated(fanXs, values, x))),
  );
  return [...main, ...bands] as uPlot.AlignedData;
}

/**
 * A study's percentile at x, between its dates: linear in the logarithm (the charts' scale), so a band between
 * two yearly dates is the straight band the log axis draws; null outside the study's dates or next to a missing
 * or non-positive value.
 */
function logInterpolated(
  fanXs: readonly number[],
  values: ReadonlyArray<number | null>,
  x: number,
): number | null {
  const last = fanXs.length - 1;
  if (last < 0 || x < (fanXs[0] ?? Infinity) || x > (fanXs[last] ?? -Infinity)) return null;
  let k = 0;
  while (k < last - 1 && (fanXs[k + 1] ?? Infinity) < x) k += 1;
  const [x0, x1, v0, v1] = [fanXs[k] ?? 0, fanXs[k + 1] ?? 0, values[k] ?? null, values[k + 1] ?? null];
  if (x === x0) return v0;
  if (v0 === null || v1 === null || !(v0 > 0) || !(v1 > 0) || x1 === x0) return null;
  return Math.exp(Math.log(v0) + ((x - x0) / (x1 - x0)) * (Math.log(v1) - Math.log(v0)));
}

/** The readout above a chart: the sample under the cursor, or at the displayed time when the cursor is away. */
function readoutText(field: Figure, xs: Float64Array, ys: Float64Array, index: number): string {
  const x = xs[index];
  const y = ys[index];
  if (x === undefined || y === undefined) return '';
  const date = formatDateTime(utcMsToTdbS(x * 1000));
  return `${date} · ${Number.isFinite(y) ? formatOf(field)(y) : 'no value'}`;
}

/** The sample at or just before UTC second `xS` (the series is a step: each sample holds until the next). */
function sampleIndexAt(xs: Float64Array, xS: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  if (hi < 0 || xS < (xs[0] as number)) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((xs[mid] as number) <= xS) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * One chart. The uPlot instance is built once per field and given new data with setData when the series is
 * refined (yearly, then monthly): rebuilding every chart at once made a main-thread task of about 100 ms.
 */
function Chart({
  field,
  xs,
  ys,
  wide,
  fan,
}: {
  field: Figure;
  xs: Float64Array;
  ys: Float64Array;
  wide: boolean;
  /** A loaded study's percentiles of this figure: drawn as bands around the run's own line. */
  fan?: FanSeries | undefined;
}) {
  const controller = useController();
  const host = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLDivElement>(null);
  const heightPx = wide ? WIDE_CHART_HEIGHT_PX : CHART_HEIGHT_PX;
  const data = useRef({ xs, ys });
  data.current = { xs, ys };
  const built = useRef<{
    plot: uPlot;
    xs: Float64Array;
    ys: Float64Array;
    place: (tdbS: number) => void;
  } | null>(null);
  useEffect(() => {
    const element = host.current;
    const readoutNode = readout.current;
    if (element === null || readoutNode === null) return undefined;
    const initial = data.current;
    const color = COLORS[field.key] ?? '#cfd8ea';
    const tickText = (value: number): string => (Number.isFinite(value) ? tickTextOf(field, value) : '');
    // the readout: the hovered sample, else the one shown at the displayed time
    const showSample = (index: number, hovered: boolean): void => {
      const { xs: sx, ys: sy } = data.current;
      readoutNode.textContent = readoutText(field, sx, sy, index);
      readoutNode.dataset['index'] = String(index);
      readoutNode.dataset['hovered'] = String(hovered);
      const y = sy[index];
      if (y !== undefined && Number.isFinite(y)) readoutNode.dataset['value'] = String(y);
      else delete readoutNode.dataset['value'];
      const x = sx[index];
      if (x !== undefined) readoutNode.dataset['tdbS'] = String(utcMsToTdbS(x * 1000));
    };
    // set once the plot exists (its draw hook calls it)
    let placeMarker = (_tdbS: number): void => undefined;
    const showAtTime = (tdbS: number): void =>
      showSample(sampleIndexAt(data.current.xs, tdbSToUtcMs(tdbS) / 1000), false);
    const plot = new uPlot(
      {
        width: Math.max(200, element.clientWidth),
        height: heightPx,
        legend: { show: false },
        cursor: { sync: { key: 'essaim-timeline' }, drag: { x: false, y: false }, points: { show: false } },
        scales: {
          x: { time: true },
          y: { distr: 3, range: (_u, min, max) => chartRangeOf(min, max) },
        },
        axes: [
          {
            stroke: '#8d97ac',
            grid: { stroke: 'rgba(255,255,255,0.05)' },
            ticks: { stroke: 'rgba(255,255,255,0.1)' },
            font: AXIS_FONT,
            size: 26,
            space: 44,
            // one label per year: uPlot may split a year in halves or months
            values: (_u, splits) => {
              let previous = '';
              return splits.map((s) => {
                const year = Number.isFinite(s) ? String(new Date(s * 1000).getUTCFullYear()) : '';
                const label = year === previous ? '' : year;
                previous = year;
                return label;
              });
            },
          },
          {
            stroke: '#8d97ac',
            grid: { stroke: 'rgba(255,255,255,0.07)' },
            ticks: { stroke: 'rgba(255,255,255,0.12)' },
            font: AXIS_FONT,
            // wide enough for the longest label: a fixed width cut "10.0 GW" to ".0 GW"
            size: (_u, values) => {
              const widthPx = yAxisWidthPx(values ?? []);
              element.dataset['yAxisPx'] = String(widthPx);
              return widthPx;
            },
            splits: (u, _axis, min, max) =>
              logTicks(min, max, Math.max(3, Math.floor(u.bbox.height / devicePixelRatio / Y_TICK_SPACE_PX))),
            // uPlot's log filter blanks every tick but the decades when they are close: these are spaced already
            filter: (_u, splits) => splits,
            values: (_u, splits) => {
              const labels = splits.map(tickText);
              // the drawn labels, for tests and for people reading the DOM (canvas text is not in it)
              element.dataset['yTicks'] = labels.join('|');
              return labels;
            },
          },
        ],
        series: [
          {},
          {
            label: field.label,
            stroke: color,
            width: 1.6,
            ...(fan === undefined ? { fill: `${color}22` } : {}),
            spanGaps: false,
          },
          ...(fan === undefined
            ? []
            : ['P5', 'P25', 'study median', 'P75', 'P95'].map((label, k) => ({
                label,
                stroke: k === 2 ? `${color}aa` : `${color}44`,
                width: 1,
                ...(k === 2 ? { dash: [4, 3] } : {}),
                spanGaps: false,
              }))),
        ],
        // the study's P5-P95 and P25-P75 bands (series 2..6), at the alphas tests/browser/bandPixels.ts reads
        bands:
          fan === undefined
            ? []
            : [
                { series: [6, 2], fill: `${color}24` },
                { series: [5, 3], fill: `${color}47` },
              ],
        hooks: {
          // the plot area moves when the y labels change width: the marker follows it
          draw: [() => placeMarker(controller.store.getState().timeTdbS)],
          setCursor: [
            (u) => {
              const index = u.cursor.idx;
              if (index !== null && index !== undefined && (u.cursor.left ?? -1) >= 0)
                showSample(index, true);
              else showAtTime(controller.store.getState().timeTdbS);
            },
          ],
        },
      },
      chartData(field, initial.xs, initial.ys, fan),
      element,
    );

    const marker = document.createElement('div');
    marker.className = 'chart-now';
    plot.over.append(marker);
    const place = (tdbS: number): void => {
      const left = plot.valToPos(tdbSToUtcMs(tdbS) / 1000, 'x');
      marker.style.transform = `translateX(${left.toFixed(1)}px)`;
      if (readoutNode.dataset['hovered'] !== 'true') showAtTime(tdbS);
    };
    placeMarker = place;
    place(controller.store.getState().timeTdbS);
    const unsubscribe = controller.store.subscribe((state, previous) => {
      if (state.timeTdbS !== previous.timeTdbS) place(state.timeTdbS);
    });
    const onClick = (): void => {
      const left = plot.cursor.left;
      if (left === undefined || left < 0) return;
      controller.pause();
      controller.setTime(utcMsToTdbS(plot.posToVal(left, 'x') * 1000));
    };
    plot.over.addEventListener('click', onClick);
    const resize = new ResizeObserver(() => {
      plot.setSize({ width: Math.max(200, element.clientWidth), height: heightPx });
      place(controller.store.getState().timeTdbS);
    });
    resize.observe(element);
    built.current = { plot, xs: initial.xs, ys: initial.ys, place };
    return () => {
      built.current = null;
      resize.disconnect();
      unsubscribe();
      plot.over.removeEventListener('click', onClick);
      plot.destroy();
    };
  }, [controller, field, heightPx, fan]);
  useEffect(() => {
    const current = built.current;
    if (current === null || (current.xs === xs && current.ys === ys)) return;
    current.plot.setData(chartData(field, xs, ys, fan));
    current.xs = xs;
    current.ys = ys;
    current.place(controller.store.getState().timeTdbS);
  }, [controller, field, xs, ys, fan]);
  return (
    <>
      <div
        className="chart-readout"
        ref={readout}
        data-testid={`chart-readout-${field.key}`}
        aria-live="off"
      />
      <div className="chart" ref={host} data-chart={field.key} />
    </>
  );
}

export function TimelineCharts() {
  const [wide, setWide] = useState(false);
  const world = useAppState((state) => state.world);
  const series = useAppState((state) => state.series);
  const studyFans = useAppState((state) => state.studyFans);
  const xs = useMemo(
    () => (series === null ? null : Float64Array.from(series.timesTdbS, (t) => tdbSToUtcMs(t) / 1000)),
    [series],
  );
  if (world === null || series === null || xs === null) return null;
  const { columns } = series;
  const charted = [...CHARTED_FIGURES].sort((a, b) => chartRank(a.key) - chartRank(b.key));
  const drawn = charted.filter((field) => columns[field.key] !== undefined);
  const waiting = charted.filter((field) => columns[field.key] === undefined);
  return (
    <section
      className={wide ? 'card charts charts-wide' : 'card charts'}
      aria-label="Timeline charts"
      data-testid="charts"
    >
      <div className="charts-head">
        <h2 data-testid="charts-title" data-resolution={series.resolution}>
          {`Over ${formatDate(world.scenario.fromTdbS).slice(0, 4)}–${formatDate(world.scenario.toTdbS).slice(0, 4)}`}
          <span
            className="muted"
            title="Each point is the figure at that instant (00:00 UTC on the 1st), not a mean over the interval: a power satellite in the Earth's shadow at that instant delivers nothing then"
          >
            {series.resolution === 'yearly'
              ? ' · yearly samples, refining…'
              : ' · samples at 00:00 UTC on the 1st of each month'}
          </span>
        </h2>
        <button
          type="button"
          className="charts-toggle"
          data-testid="charts-toggle"
          aria-expanded={wide}
          onClick={() => setWide((open) => !open)}
        >
          {wide ? 'Collapse' : 'Expand'}
        </button>
      </div>
      <DemandBandChart xs={xs} columns={columns} />
      <div className="charts-grid">
        {drawn.map((field) => (
          <div key={field.key} className="chart-block">
            <div className="chart-title">
              {field.label}
              <span className="muted">
                {chartUnitOf(field) === '' ? ' · log scale' : ` · ${chartUnitOf(field)}, log scale`}
              </span>
            </div>
            <Chart
              field={field}
              xs={xs}
              ys={columns[field.key] as Float64Array}
              wide={wide}
              fan={studyFans?.find((f) => f.figure === field.key)}
            />
          </div>
        ))}
      </div>
      {waiting.length > 0 ? (
        <p className="muted small" data-testid="charts-pending">
          Not charted, no value in this scenario: {waiting.map((field) => field.label).join('; ')}.
        </p>
      ) : null}
    </section>
  );
}
