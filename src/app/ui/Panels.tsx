/**
 * The figures at the displayed time, grouped as in fields.ts, and the system panel (backends, frame time).
 * Rows are rendered once per world; their values are written to the DOM as snapshots arrive. Each value node
 * carries the exact number in data-value (the core's float64, shortest round-trip text) for tests and tooltips.
 */
import { useRef } from 'react';
import { useAppState, useStoreEffect } from '../state/context.tsx';
import {
  ALIAS_KEYS,
  FIELDS,
  fieldOf,
  genericField,
  GROUP_TITLES,
  pendingModule,
  type FieldGroup,
  type FieldSpec,
} from '../state/fields.ts';
import { formatCount, formatDateTime } from '../state/format.ts';
import { LiveText } from './LiveText.tsx';
import { TimelineCharts } from './Charts.tsx';

function FigureRow({ field }: { field: FieldSpec }) {
  const value = useRef<HTMLSpanElement>(null);
  useStoreEffect(
    (state) => state.snapshot,
    (snapshot) => {
      const node = value.current;
      if (node === null) return;
      const v = snapshot?.values[field.key];
      let text: string;
      let status: string;
      if (v !== undefined) {
        text = field.format(v);
        status = 'value';
        node.dataset['value'] = String(v);
      } else {
        delete node.dataset['value'];
        if (snapshot === null) {
          text = '…';
          status = 'waiting';
        } else if (field.pending !== undefined) {
          text = 'not computed';
          status = 'pending';
        } else {
          text = '—';
          status = 'undefined';
        }
      }
      // attributes are written only when they change: every write invalidates style, ~100 rows per snapshot
      if (node.dataset['status'] !== status) node.dataset['status'] = status;
      if (snapshot !== null) node.dataset['tdbS'] = String(snapshot.tdbS);
      const title =
        status === 'value'
          ? `${String(v)} (${field.key})`
          : status === 'pending'
            ? `Not computed for this scenario by this version of the core: ${field.key} comes from ${pendingModule(field) ?? ''}`
            : '';
      if (node.title !== title) node.title = title;
      if (node.textContent !== text) node.textContent = text;
    },
    [field],
  );
  return (
    <div className="figure" data-field={field.key} title={field.help}>
      <span className="figure-label">{field.label}</span>
      <span className="figure-value" ref={value} data-testid={`figure-${field.key}`} />
    </div>
  );
}

const columnNamesCache = new WeakMap<object, string>();

/** The series' column names, one per line (cached per series: the selector runs on every store change). */
function columnNamesOf(series: { readonly columns: Readonly<Record<string, unknown>> } | null): string {
  if (series === null) return '';
  let names = columnNamesCache.get(series);
  if (names === undefined) {
    names = Object.keys(series.columns).join('\n');
    columnNamesCache.set(series, names);
  }
  return names;
}

/** Snapshot keys that no catalogue entry covers (new core fields show up here until catalogued). */
function extraFields(columns: readonly string[]): FieldSpec[] {
  return columns.filter((key) => fieldOf(key) === undefined && !ALIAS_KEYS.has(key)).map(genericField);
}

export function FiguresPanel() {
  // the column names only: the panel re-renders when a world brings new figures, not when its series is refined
  const columnNames = useAppState((state) => columnNamesOf(state.series));
  const columns = columnNames === '' ? [] : columnNames.split('\n');
  const groups = Object.keys(GROUP_TITLES) as FieldGroup[];
  const extras = extraFields(columns);
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
      {groups.map((group) => {
        const fields = FIELDS.filter((field) => field.group === group);
        // a pending field disappears from "pending" and shows its value once the core produces it
        return (
          <div key={group} className={`figure-group group-${group}`}>
            <h3>{GROUP_TITLES[group]}</h3>
            {fields.map((field) => (
              <FigureRow key={field.key} field={field} />
            ))}
          </div>
        );
      })}
      {extras.length > 0 ? (
        <details className="figure-group group-extra">
          <summary>{`Other figures from the core (${extras.length})`}</summary>
          {extras.map((field) => (
            <FigureRow key={field.key} field={field} />
          ))}
        </details>
      ) : null}
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
