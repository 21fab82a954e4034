/**
 * The run's outputs as users and scripts read them: summary.json and timeseries.csv. This is where SI values get
 * their calendar dates; field names keep their SI units (`capturedPowerW`). The shape of summary.json is a
 * contract: later versions add fields to the rows, never rename these.
 */
import { collectCharterWarnings, type CharterWarning } from './charter.ts';
import { tdbSToIso } from '../time.ts';
import type { SimulationResult } from '../simulate.ts';
import type { Snapshot } from '../world.ts';
import type { Step } from '../duration.ts';
import { FIGURES, readFigure, type CatalogueFigure, type FigureValue } from './figures.ts';

/**
 * One row of summary.json: the date, then every figure of the catalogue (sim/report/figures.ts), in catalogue
 * order, each with its value type (null when the scenario lacks its section).
 */
export type SummaryRow = { date: string } & {
  -readonly [F in CatalogueFigure as F['key']]: FigureValue<F>;
};

/** The figures summary.json and timeseries.csv carry, in order: the whole catalogue. */
export const SUMMARY_FIGURES: readonly CatalogueFigure[] = FIGURES;

export interface SummaryWarning {
  message: string;
  firstDate: string;
  lastDate: string;
}

export interface Summary {
  scenario: string;
  seed: number;
  backend: string;
  /** What ran the backend, e.g. 'float64 JavaScript, 2 worker_threads' or 'webasm (software)'. */
  device: string;
  from: string;
  to: string;
  /** The output step: `{ kind: 'fixed', seconds }` or `{ kind: 'calendar', months }`. */
  step: Step;
  tracerTableSize: number;
  rows: SummaryRow[];
  /**
   * The link budgets' warnings over the run (sim/energy ledger: safety limits, field regime, ionosphere; hop
   * distances against the geometry, sim/energy/hopGeometry.ts), each kind once, in order of first appearance, with
   * the first and last output dates that raised it. Warnings that differ only in their numbers (a density that
   * grows with the swarm) are one kind; the message is the last row's.
   */
  warnings: SummaryWarning[];
  /** The charter's dated warnings (sim/report/charter.ts); empty without a ground section. */
  charterWarnings: CharterWarning[];
}

/** Column order of timeseries.csv (the row fields of summary.json, in the same order). */
export const SUMMARY_COLUMNS: ReadonlyArray<keyof SummaryRow> = [
  'date',
  ...SUMMARY_FIGURES.map((figure) => figure.key),
];

export function toSummary(result: SimulationResult): Summary {
  return {
    scenario: result.scenario,
    seed: result.seed,
    backend: result.backend,
    device: result.device,
    from: tdbSToIso(result.fromTdbS),
    to: tdbSToIso(result.toTdbS),
    step: result.step,
    tracerTableSize: result.tracerTableSize,
    rows: result.snapshots.map((snapshot, k) => toSummaryRow(result, snapshot, k)),
    warnings: collectWarnings(result.snapshots),
    charterWarnings: collectCharterWarnings(result.snapshots),
  };
}

/**
 * A warning's kind: its link-and-hop label (the ledger writes `label: warning`) as it is, and the rest with every
 * number replaced, so one condition at growing values is one kind, and two links never merge.
 */
function warningKind(message: string): string {
  const split = message.indexOf(': ');
  const label = split < 0 ? '' : message.slice(0, split);
  return `${label}\u0000${message.slice(label.length).replace(/\d+(?:[.,]\d+)*(?:e[+-]?\d+)?/gi, '#')}`;
}

/** Each kind of ledger warning once, in order of first appearance, with the dates of its first and last row. */
function collectWarnings(snapshots: readonly Snapshot[]): SummaryWarning[] {
  const byKind = new Map<string, SummaryWarning>();
  for (const snapshot of snapshots) {
    const date = tdbSToIso(snapshot.tdbS);
    for (const message of snapshot.energy?.warnings ?? []) {
      const kind = warningKind(message);
      const seen = byKind.get(kind);
      if (seen === undefined) byKind.set(kind, { message, firstDate: date, lastDate: date });
      else {
        seen.message = message;
        seen.lastDate = date;
      }
    }
  }
  return [...byKind.values()];
}

/** The row of output time `row`: its date, then each figure the files carry, in catalogue order. */
function toSummaryRow(run: SimulationResult, snapshot: Snapshot, row: number): SummaryRow {
  const out: Record<string, unknown> = { date: tdbSToIso(snapshot.tdbS) };
  for (const figure of SUMMARY_FIGURES) out[figure.key] = readFigure(figure, run, row);
  return out as SummaryRow;
}

/** summary.json text: two-space indentation, trailing newline. Numbers print as JavaScript's shortest round trip. */
export function summaryToJson(summary: Summary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}

/** One CSV cell: numbers in shortest round-trip form, null as an empty cell, text quoted when it must be. */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * timeseries.csv text: a header line, then one line per row, with the columns of summary.json's rows in the same
 * order. An object-valued field (`factoryMassKgBySite`) becomes one column per key: `factoryMassKgBySite.moon`.
 */
export function summaryToCsv(summary: Summary): string {
  const columns: Array<{ header: string; read: (row: SummaryRow) => unknown }> = [];
  for (const column of SUMMARY_COLUMNS) {
    const keys = new Set<string>();
    for (const row of summary.rows) {
      const value = row[column];
      if (value !== null && typeof value === 'object') Object.keys(value).forEach((key) => keys.add(key));
    }
    if (keys.size === 0) {
      columns.push({ header: column, read: (row) => row[column] });
      continue;
    }
    for (const key of keys) {
      columns.push({
        header: `${column}.${key}`,
        read: (row) => (row[column] as Record<string, unknown> | null)?.[key],
      });
    }
  }
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of summary.rows) lines.push(columns.map((c) => csvCell(c.read(row))).join(','));
  return `${lines.join('\n')}\n`;
}
