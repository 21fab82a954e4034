/**
 * A parameter study in the app: the "Study" button loads a study's percentiles.csv and sensitivity.csv (the files
 * `essaim sweep --out` writes; both at once, or one after the other), read by the core's reader
 * (sim/sweep/results.ts), and opens a panel with a fan chart per figure the study gives at several dates (uPlot
 * bands: P5-P95 and P25-P75 around the median, the mean dashed; the legend reads each under the cursor; a line at
 * the displayed time) and a tornado chart of what drives each output (Spearman rank correlation, largest first).
 * The timeline charts draw the same percentiles as bands around the run's own line (Charts.tsx) until the study
 * is cleared. A file that is not a study's is refused with the reader's message, naming the file, line and column, and the
 * study already shown stays.
 */
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

import { FIGURES, type Figure } from '../../../sim/report/figures.ts';
import {
  fanSeries,
  parsePercentilesCsv,
  parseSensitivityCsv,
  tornadoCharts,
  type FanSeries,
  type PercentileRow,
  type SensitivityRow,
  type Tornado,
} from '../../../sim/sweep/results.ts';
import { tdbSToUtcMs } from '../../../sim/time.ts';
import { logChartValue } from '../../report/logChart.ts';
import { useController } from '../state/context.tsx';
import { tickTextOf } from '../state/fields.ts';
import { attachTimeMarker } from './timeMarker.ts';

interface Study {
  readonly percentiles: readonly PercentileRow[] | null;
  readonly sensitivity: readonly SensitivityRow[] | null;
  readonly names: readonly string[];
}

const BAND = '89, 208, 255';
const FAN_HEIGHT = 170;

function figureOf(key: string): Figure | undefined {
  return FIGURES.find((figure) => figure.key === key);
}

function Fan({ fan }: { fan: FanSeries }) {
  const controller = useController();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    const figure = figureOf(fan.figure);
    if (element === null) return undefined;
    const tick = (v: number | null | undefined): string =>
      v === null || v === undefined || !Number.isFinite(v)
        ? '–'
        : figure === undefined
          ? String(v)
          : tickTextOf(figure, v);
    const edge = { stroke: `rgba(${BAND}, 0.45)`, width: 1, value: (_u: uPlot, v: number | null) => tick(v) };
    const axis = {
      stroke: '#7d879c',
      grid: { stroke: 'rgba(255,255,255,0.05)' },
      ticks: { stroke: 'rgba(255,255,255,0.1)' },
      font: '10px system-ui, sans-serif',
    };
    const plot = new uPlot(
      {
        width: Math.max(260, element.clientWidth),
        height: FAN_HEIGHT,
        scales: { x: { time: true }, y: { distr: 3 } },
        axes: [
          {
            ...axis,
            size: 22,
            values: (_u, splits) =>
              splits.map((s) => (Number.isFinite(s) ? String(new Date(s * 1000).getUTCFullYear()) : '')),
          },
          { ...axis, size: 58, values: (_u, splits) => splits.map((s) => tick(s)) },
        ],
        series: [
          { value: (_u, v) => (v === null ? '' : new Date(v * 1000).toISOString().slice(0, 10)) },
          { label: 'P5', ...edge },
          { label: 'P25', ...edge },
          { label: 'median', stroke: `rgb(${BAND})`, width: 1.8, value: (_u, v) => tick(v) },
          { label: 'P75', ...edge },
          { label: 'P95', ...edge },
          { label: 'mean', stroke: '#e8edf7', width: 1, dash: [4, 4], value: (_u, v) => tick(v) },
        ],
        bands: [
          { series: [5, 1], fill: `rgba(${BAND}, 0.14)` },
          { series: [4, 2], fill: `rgba(${BAND}, 0.28)` },
        ],
      },
      [
        fan.tdbS.map((t) => tdbSToUtcMs(t) / 1000),
        fan.p5.map(logChartValue),
        fan.p25.map(logChartValue),
        fan.p50.map(logChartValue),
        fan.p75.map(logChartValue),
        fan.p95.map(logChartValue),
        fan.mean.map(logChartValue),
      ],
      element,
    );
    const marker = attachTimeMarker(plot, controller, false);
    element.dataset['drawn'] = 'true';
    return () => {
      marker.detach();
      plot.destroy();
    };
  }, [controller, fan]);
  const label = figureOf(fan.figure)?.label ?? fan.figure;
  return (
    <div className="chart-block">
      <div className="chart-title">
        {label}
        <span className="muted"> · median, P25–P75, P5–P95, mean dashed · log scale</span>
      </div>
      <div className="chart fan" ref={host} data-fan={fan.figure} />
    </div>
  );
}

const HALF_PX = 90;

function TornadoChart({ tornado }: { tornado: Tornado }) {
  const label = figureOf(tornado.figure)?.label ?? tornado.figure;
  return (
    <div className="tornado" data-output={`${tornado.figure}@${tornado.at}`}>
      <div className="chart-title">
        What drives {label}, {tornado.at}
        <span className="muted"> · Spearman ρ, {tornado.samples} samples</span>
      </div>
      {tornado.bars.length === 0 ? (
        <p className="muted small">The same in every sample: no parameter moves it.</p>
      ) : (
        <svg width={2 * HALF_PX + 250} height={tornado.bars.length * 18 + 4} role="img">
          <line
            x1={160 + HALF_PX}
            x2={160 + HALF_PX}
            y1={0}
            y2={tornado.bars.length * 18 + 4}
            stroke="#7d879c"
          />
          {tornado.bars.map((bar, k) => {
            const length = Math.max(1, Math.abs(bar.spearman) * HALF_PX);
            const y = 2 + k * 18;
            return (
              <g
                key={bar.parameter}
                className="bar"
                data-parameter={bar.parameter}
                data-spearman={bar.spearman}
              >
                <text x={155} y={y + 11} textAnchor="end" fill="#cfd8ea" fontSize={10}>
                  {bar.parameter.split('.').slice(-2).join('.')}
                  <title>{bar.parameter}</title>
                </text>
                <rect
                  x={bar.spearman >= 0 ? 160 + HALF_PX : 160 + HALF_PX - length}
                  y={y + 2}
                  width={length}
                  height={12}
                  fill={bar.spearman >= 0 ? '#59d0ff' : '#ff8a7a'}
                />
                <text x={160 + 2 * HALF_PX + 6} y={y + 11} fill="#cfd8ea" fontSize={10}>
                  {`${bar.spearman >= 0 ? '+' : '−'}${Math.abs(bar.spearman).toFixed(2)}`}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </div>
  );
}

/** Which of a study's files a text is, by its header line. */
function kindOf(text: string): 'percentiles' | 'sensitivity' | null {
  const header = text.slice(0, text.indexOf('\n'));
  if (header.startsWith('output,at,samples,missing')) return 'percentiles';
  if (header.startsWith('output,at,parameter')) return 'sensitivity';
  return null;
}

async function readStudy(files: readonly File[], previous: Study | null): Promise<Study> {
  let percentiles = previous?.percentiles ?? null;
  let sensitivity = previous?.sensitivity ?? null;
  const names = [...(previous?.names ?? [])];
  for (const file of files) {
    const text = await file.text();
    const kind = kindOf(text);
    if (kind === 'percentiles') percentiles = parsePercentilesCsv(text, file.name);
    else if (kind === 'sensitivity') sensitivity = parseSensitivityCsv(text, file.name);
    else throw new Error(`${file.name}: not a study's percentiles.csv or sensitivity.csv (its header)`);
    names.push(file.name);
  }
  return { percentiles, sensitivity, names };
}

export function StudyButton() {
  const controller = useController();
  const input = useRef<HTMLInputElement>(null);
  const [study, setStudy] = useState<Study | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fans = study?.percentiles === null || study === null ? [] : fanSeries(study.percentiles);
  const lastDates = new Map(fans.map((fan) => [fan.figure, fan.dates.at(-1)]));
  const fanDates = new Map(fans.map((fan) => [fan.figure, new Set(fan.dates)]));
  const tornadoes =
    study?.sensitivity === null || study === null
      ? []
      : tornadoCharts(study.sensitivity).filter(
          (t) => fanDates.get(t.figure)?.has(t.at) !== true || lastDates.get(t.figure) === t.at,
        );
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        multiple
        hidden
        data-testid="study-file"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          readStudy(files, study)
            .then((next) => {
              setStudy(next);
              // the timeline charts draw the study's bands around the run's own line
              controller.store.setState({
                studyFans: next.percentiles === null ? null : fanSeries(next.percentiles),
              });
              setError(null);
              setOpen(true);
            })
            .catch((failure: unknown) =>
              setError(failure instanceof Error ? failure.message : String(failure)),
            );
        }}
      />
      <button
        type="button"
        data-testid="study-button"
        title="Load a parameter study (percentiles.csv and sensitivity.csv from essaim sweep) as fan and tornado charts"
        onClick={() => (study === null ? input.current?.click() : setOpen((o) => !o))}
      >
        Study
      </button>
      {error === null ? null : (
        <p className="card study-error" role="alert" data-testid="study-error">
          {error}
        </p>
      )}
      {open && study !== null ? (
        <section className="card study" aria-label="Parameter study" data-testid="study-panel">
          <h2>
            Study <span className="muted small">{study.names.join(', ')}</span>
          </h2>
          {fans.map((fan) => (
            <Fan key={fan.figure} fan={fan} />
          ))}
          {tornadoes.map((tornado) => (
            <TornadoChart key={`${tornado.figure}@${tornado.at}`} tornado={tornado} />
          ))}
          <div className="editor-actions">
            <button type="button" onClick={() => input.current?.click()}>
              Load files…
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Close
            </button>
            <button
              type="button"
              data-testid="study-clear"
              onClick={() => {
                setStudy(null);
                setOpen(false);
                controller.store.setState({ studyFans: null });
              }}
            >
              Clear study
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}
