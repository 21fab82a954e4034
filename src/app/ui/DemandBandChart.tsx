/**
 * The demand band over the timeline: AI and data-centre electricity demand, low to high case shaded, the supplied
 * case drawn (the Earth-side ledger's figures, sim/report/figures.ts group `ground`; the share from space is its
 * own chart, aiSpaceShare). A linear scale from zero, unlike the other charts: the band spans a factor of a few, not
 * decades. A line marks the displayed time; clicking moves the time there. Shown only when the scenario has a
 * ground section (the series carries aiDemandW).
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { yAxisWidthPx } from './chartAxes.ts';
import { attachTimeMarker } from './timeMarker.ts';
import { useController } from '../state/context.tsx';
import { formatSi } from '../state/format.ts';

/** As tall as the timeline charts (Charts.tsx), so its ticks read the same way. */
const HEIGHT = 132;
const BAND = '#7dd3ff';

export function DemandBandChart({
  xs,
  columns,
}: {
  xs: Float64Array;
  columns: Readonly<Record<string, Float64Array>>;
}) {
  const controller = useController();
  const host = useRef<HTMLDivElement>(null);
  const low = columns['aiDemandLowW'];
  const central = columns['aiDemandW'];
  const high = columns['aiDemandHighW'];
  useEffect(() => {
    const element = host.current;
    if (element === null || low === undefined || central === undefined || high === undefined)
      return undefined;
    const finite = (ys: Float64Array): Array<number | null> =>
      Array.from(ys, (y) => (Number.isFinite(y) ? y : null));
    const axis = {
      stroke: '#7d879c',
      grid: { stroke: 'rgba(255,255,255,0.05)' },
      ticks: { stroke: 'rgba(255,255,255,0.1)' },
      font: '10px system-ui, sans-serif',
    };
    const plot = new uPlot(
      {
        width: Math.max(200, element.clientWidth),
        height: HEIGHT,
        legend: { show: false },
        cursor: { sync: { key: 'essaim-timeline' }, drag: { x: false, y: false }, points: { show: false } },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, max * 1.05] } },
        axes: [
          {
            ...axis,
            size: 22,
            values: (_u, splits) =>
              splits.map((s) => (Number.isFinite(s) ? String(new Date(s * 1000).getUTCFullYear()) : '')),
          },
          {
            ...axis,
            // wide enough for the longest label, as the timeline charts' axes (chartAxes.ts)
            size: (_u, values) => {
              const widthPx = yAxisWidthPx(values ?? []);
              element.dataset['yAxisPx'] = String(widthPx);
              return widthPx;
            },
            values: (_u, splits) => {
              const labels = splits.map((s) => (Number.isFinite(s) ? formatSi(s, 'W') : ''));
              // the drawn labels, for tests and for people reading the DOM (canvas text is not in it)
              element.dataset['yTicks'] = labels.join('|');
              return labels;
            },
          },
        ],
        series: [
          {},
          { label: 'high', stroke: `${BAND}66`, width: 1 },
          { label: 'demand', stroke: BAND, width: 1.6 },
          { label: 'low', stroke: `${BAND}66`, width: 1 },
        ],
        bands: [{ series: [1, 3], fill: `${BAND}22` }],
      },
      [Array.from(xs), finite(high), finite(central), finite(low)],
      element,
    );
    const marker = attachTimeMarker(plot, controller, true);
    const resize = new ResizeObserver(() => {
      plot.setSize({ width: Math.max(200, element.clientWidth), height: HEIGHT });
      marker.place();
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      marker.detach();
      plot.destroy();
    };
  }, [controller, xs, low, central, high]);
  if (low === undefined || central === undefined || high === undefined) return null;
  return (
    <div className="chart-block" data-testid="demand-band">
      <div className="chart-title">
        AI and data-centre demand: the low–high band and the supplied case
        <span className="muted"> · W, linear</span>
      </div>
      <div className="chart" ref={host} data-chart="aiDemandBand" />
    </div>
  );
}
