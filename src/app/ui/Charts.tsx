/**
 * Charts of the figures over the scenario's whole span (uPlot, log scale: they grow by decades), from the monthly
 * series the worker computed with the core. A vertical line marks the displayed time and follows it without
 * re-rendering; clicking a chart moves the time there. The charted figures are the catalogue's (sim/report/figures.ts,
 * `chart`); those without a value in this scenario are listed instead of drawn.
 */
import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { tdbSToUtcMs, utcMsToTdbS } from '../../../sim/time.ts';
import { useAppState, useController } from '../state/context.tsx';
import type { Figure } from '../../../sim/report/figures.ts';
import { CHARTED_FIGURES, chartUnitOf, tickTextOf } from '../state/fields.ts';
import { formatDate } from '../state/format.ts';
import { logChartValue } from '../../report/logChart.ts';
import { DemandBandChart } from './DemandBandChart.tsx';

const CHART_HEIGHT = 64;
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

/** uPlot's data for one chart: log-scale values, with those it cannot draw as gaps (src/report/logChart.ts). */
function chartData(xs: Float64Array, ys: Float64Array): uPlot.AlignedData {
  return [Array.from(xs), Array.from(ys, logChartValue)];
}

/**
 * One chart. The uPlot instance is built once per field and given new data with setData when the series is
 * refined (yearly, then monthly): rebuilding every chart at once made a main-thread task of about 100 ms.
 */
function Chart({ field, xs, ys }: { field: Figure; xs: Float64Array; ys: Float64Array }) {
  const controller = useController();
  const host = useRef<HTMLDivElement>(null);
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
    if (element === null) return undefined;
    const initial = data.current;
    const color = COLORS[field.key] ?? '#cfd8ea';
    const plot = new uPlot(
      {
        width: Math.max(200, element.clientWidth),
        height: CHART_HEIGHT,
        legend: { show: false },
        cursor: { sync: { key: 'essaim-timeline' }, drag: { x: false, y: false }, points: { show: false } },
        scales: { x: { time: true }, y: { distr: 3 } },
        axes: [
          {
            stroke: '#7d879c',
            grid: { stroke: 'rgba(255,255,255,0.05)' },
            ticks: { stroke: 'rgba(255,255,255,0.1)' },
            font: '10px system-ui, sans-serif',
            size: 22,
            values: (_u, splits) =>
              splits.map((s) => (Number.isFinite(s) ? String(new Date(s * 1000).getUTCFullYear()) : '')),
          },
          {
            stroke: '#7d879c',
            grid: { stroke: 'rgba(255,255,255,0.05)' },
            ticks: { stroke: 'rgba(255,255,255,0.1)' },
            font: '10px system-ui, sans-serif',
            size: 54,
            values: (_u, splits) => splits.map((s) => (Number.isFinite(s) ? tickTextOf(field, s) : '')),
          },
        ],
        series: [{}, { label: field.label, stroke: color, width: 1.6, fill: `${color}22`, spanGaps: false }],
      },
      chartData(initial.xs, initial.ys),
      element,
    );
    const marker = document.createElement('div');
    marker.className = 'chart-now';
    plot.over.append(marker);
    const place = (tdbS: number): void => {
      const left = plot.valToPos(tdbSToUtcMs(tdbS) / 1000, 'x');
      marker.style.transform = `translateX(${left.toFixed(1)}px)`;
    };
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
      plot.setSize({ width: Math.max(200, element.clientWidth), height: CHART_HEIGHT });
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
  }, [controller, field]);
  useEffect(() => {
    const current = built.current;
    if (current === null || (current.xs === xs && current.ys === ys)) return;
    current.plot.setData(chartData(xs, ys));
    current.xs = xs;
    current.ys = ys;
    current.place(controller.store.getState().timeTdbS);
  }, [controller, xs, ys]);
  return <div className="chart" ref={host} data-chart={field.key} />;
}

export function TimelineCharts() {
  const world = useAppState((state) => state.world);
  const series = useAppState((state) => state.series);
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
    <section className="card charts" aria-label="Timeline charts">
      <h2 data-testid="charts-title" data-resolution={series.resolution}>
        {`Over ${formatDate(world.scenario.fromTdbS).slice(0, 4)}–${formatDate(world.scenario.toTdbS).slice(0, 4)}`}
        <span className="muted">
          {series.resolution === 'yearly' ? ' · yearly, refining…' : ' · monthly'}
        </span>
      </h2>
      <DemandBandChart xs={xs} columns={columns} />
      {drawn.map((field) => (
        <div key={field.key} className="chart-block">
          <div className="chart-title">
            {field.label}
            <span className="muted">
              {chartUnitOf(field) === '' ? ' · log scale' : ` · ${chartUnitOf(field)}, log scale`}
            </span>
          </div>
          <Chart field={field} xs={xs} ys={columns[field.key] as Float64Array} />
        </div>
      ))}
      {waiting.length > 0 ? (
        <p className="muted small" data-testid="charts-pending">
          Not charted, no value in this scenario: {waiting.map((field) => field.label).join('; ')}.
        </p>
      ) : null}
    </section>
  );
}
