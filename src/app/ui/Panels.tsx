/**
 * The figures at the displayed time: every figure of the catalogue (sim/report/figures.ts) in its groups, as
 * fields.ts presents them, and the system panel (backends, frame time). Rows are rendered once per world; their
 * values are written to the DOM as snapshots arrive. Each value node carries the exact number in data-value (the
 * core's float64, shortest round-trip text) for tests and tooltips.
 */
import { useMemo, useRef } from 'react';
import { useAppState, useStoreEffect } from '../state/context.tsx';
import { FIGURE_GROUPS, panelRows, type PanelRow } from '../state/fields.ts';
import { formatCount, formatDateTime } from '../state/format.ts';
import { dimmingResolutionNote } from '../state/dimmingResolution.ts';
import { LiveText } from './LiveText.tsx';
import { TimelineCharts } from './Charts.tsx';

/** The title of a row without a value: why there is none. */
function noValueTitle(row: PanelRow): string {
  return row.figure.scope === 'run'
    ? `A figure of a run, not of an instant: essaim run gives it (${row.key})`
    : `No value at this time in this scenario (${row.key})`;
}

function FigureRow({ row }: { row: PanelRow }) {
  const value = useRef<HTMLSpanElement>(null);
  const note = useRef<HTMLSpanElement>(null);
  useStoreEffect(
    (state) => state.snapshot,
    (snapshot) => {
      const node = value.current;
      if (node === null) return;
      const text = row.figure.kind === 'text' ? snapshot?.texts[row.key] : undefined;
      const v = row.figure.kind === 'text' ? undefined : snapshot?.values[row.key];
      let shown: string;
      let status: string;
      if (v !== undefined || text !== undefined) {
        shown = text ?? row.format(v as number);
        status = 'value';
        node.dataset['value'] = text ?? String(v);
      } else {
        delete node.dataset['value'];
        if (snapshot === null) {
          shown = '…';
          status = 'waiting';
        } else if (row.figure.scope === 'run') {
          shown = 'per run';
          status = 'run';
        } else {
          shown = '—';
          status = 'undefined';
        }
      }
      // attributes are written only when they change: every write invalidates style, ~50 rows per snapshot
      if (node.dataset['status'] !== status) node.dataset['status'] = status;
      if (snapshot !== null) node.dataset['tdbS'] = String(snapshot.tdbS);
      const title =
        status === 'value'
          ? `${text ?? String(v)} (${row.key})`
          : status === 'waiting'
            ? ''
            : noValueTitle(row);
      if (node.title !== title) node.title = title;
      if (node.textContent !== shown) node.textContent = shown;
      // the dimming figure counts tracers in the solar disc's cone: say when they are too few to resolve it
      const noteNode = note.current;
      if (noteNode !== null) {
        const text = snapshot === null ? null : dimmingResolutionNote(snapshot.values);
        noteNode.hidden = text === null;
        if (noteNode.textContent !== (text ?? '')) noteNode.textContent = text ?? '';
      }
    },
    [row],
  );
  return (
    <div className="figure" data-field={row.key} title={row.figure.help}>
      <span className="figure-label">{row.label}</span>
      <span className="figure-value" ref={value} data-testid={`figure-${row.key}`} />
      {row.key === 'earthDimmingFraction' ? (
        <span className="figure-note" ref={note} data-testid={`note-${row.key}`} hidden />
      ) : null}
    </div>
  );
}

const NO_SITES: readonly string[] = [];

export function FiguresPanel() {
  // the sites only: the rows change with the world's sites (a per-site figure), not with its snapshots
  const sites = useAppState((state) => state.world?.scenario.sites ?? NO_SITES);
  const groups = useMemo(
    () => FIGURE_GROUPS.map((group) => ({ ...group, rows: panelRows(group.group, sites) })),
    [sites],
  );
  return (
    <section className="card figures" aria-label="Figures at the displayed time">
      <h2>
        Figures at{' '}
        <LiveText
          data-testid="figures-date"
          select={(state) => state.snapshot}
          format={(snapshot, state) => formatDateTime(snapshot?.tdbS ?? state.timeTdbS)}
        />
      </h2>
      {groups.map(({ group, title, rows }) => (
        <div key={group} className={`figure-group group-${group}`}>
          <h3>{title}</h3>
          {rows.map((row) => (
            <FigureRow key={row.key} row={row} />
          ))}
        </div>
      ))}
    </section>
  );
}

export function SystemPanel() {
  const world = useAppState((state) => state.world);
  const render = useAppState((state) => state.render);
  return (
    <section className="card system" aria-label="System">
      <h2>System</h2>
      <dl>
        <dt>Figures</dt>
        <dd data-testid="sim-backend">
          {world === null ? '…' : `${world.backend} (float64 reference) in a Web Worker`}
        </dd>
        <dt>Swarm drawing</dt>
        <dd>GPU vertex shader: float32 Kepler, mean anomaly re-based in float64</dd>
        <dt>Renderer</dt>
        <dd data-testid="render-backend" title={render?.renderer}>
          {render === null ? '…' : `${render.api} · ${render.renderer}`}
        </dd>
        <dt>Tracers drawn</dt>
        <dd>
          <LiveText
            data-testid="drawn-tracers"
            select={(state) => state.drawnTracers}
            format={(n, state) =>
              `${formatCount(n)} of ${state.world === null ? '…' : formatCount(state.world.tracers)}`
            }
          />
        </dd>
        <dt title="Interval between frames while the scene animates (it renders only on change)">
          Frame time
        </dt>
        <dd>
          <LiveText
            data-testid="frame-time"
            select={(state) => state.frameMs}
            format={(ms) => (ms === null ? '…' : `${ms.toFixed(1)} ms (${(1000 / ms).toFixed(0)} fps)`)}
          />
        </dd>
        <dt title="Main-thread tasks over 50 ms while playing">Long tasks</dt>
        <dd>
          <LiveText data-testid="long-tasks" select={(state) => state.longTasks} format={(n) => String(n)} />
        </dd>
        {world !== null ? (
          <>
            <dt>World built in</dt>
            <dd>{`${(world.elapsedMs / 1000).toFixed(2)} s (with a yearly series; monthly follows)`}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

export function ScenarioPanel() {
  const world = useAppState((state) => state.world);
  if (world === null) return null;
  const { scenario } = world;
  return (
    <section className="card scenario-info" aria-label="Scenario">
      <h2 data-testid="scenario-title">{scenario.title}</h2>
      <p className="muted">{scenario.description}</p>
      <dl>
        <dt>Collector</dt>
        <dd>
          {`${formatCount(scenario.unitMassKg)} kg each · lightness number β = ${scenario.lightnessNumber.toFixed(3)}`}
        </dd>
        <dt>Tracers</dt>
        <dd>{`${formatCount(world.tracers)} (seed ${scenario.seed})`}</dd>
      </dl>
      {scenario.sources.length > 0 ? (
        <details>
          <summary>Sources</summary>
          <ul>
            {scenario.sources.map((source) => (
              <li key={source}>{source}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/**
 * The link budgets' warnings at the displayed time (safety limits, field regime), as the core words them. Written to
 * the DOM when the list changes, hidden when there is none.
 */
export function WarningsPanel() {
  const section = useRef<HTMLElement>(null);
  const list = useRef<HTMLUListElement>(null);
  useStoreEffect(
    (state) => state.snapshot?.warnings.join('\n') ?? '',
    (joined) => {
      if (section.current === null || list.current === null) return;
      const warnings = joined === '' ? [] : joined.split('\n');
      section.current.hidden = warnings.length === 0;
      list.current.replaceChildren(
        ...warnings.map((warning) => {
          const item = document.createElement('li');
          item.textContent = warning;
          return item;
        }),
      );
    },
  );
  return (
    <section className="card warnings" aria-label="Link budget warnings" ref={section} hidden>
      <h2>Link budget warnings</h2>
      <ul ref={list} data-testid="link-warnings" />
    </section>
  );
}

/** The figures (scrolling) above the charts (always in view), then the scenario and the system. */
export function SidePanel() {
  return (
    <aside className="side-panel" data-testid="panel">
      <div className="panel-scroll">
        <FiguresPanel />
        <WarningsPanel />
        <ScenarioPanel />
        <SystemPanel />
      </div>
      <TimelineCharts />
    </aside>
  );
}
