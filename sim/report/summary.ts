/**
 * The run's outputs as users and scripts read them: summary.json and timeseries.csv. This is where SI values get
 * their calendar dates; field names keep their SI units (`capturedPowerW`). The shape of summary.json is a
 * contract: later versions add fields to the rows, never rename these.
 */
import { tdbSToIso } from '../time.ts';
import type { SimulationResult } from '../simulate.ts';
import type { Step } from '../duration.ts';

export interface SummaryRow {
  date: string;
  collectorCount: number;
  tracerCount: number;
  collectorAreaM2: number;
  massInOrbitKg: number;
  capturedPowerW: number;
  solarLuminosityFraction: number;
  interceptedSunlightW: number;
}

export interface Summary {
  scenario: string;
  seed: number;
  backend: string;
  from: string;
  to: string;
  /** The output step: `{ kind: 'fixed', seconds }` or `{ kind: 'calendar', months }`. */
  step: Step;
  tracerTableSize: number;
  rows: SummaryRow[];
}

/** Column order of timeseries.csv (the row fields of summary.json, in the same order). */
export const SUMMARY_COLUMNS: ReadonlyArray<keyof SummaryRow> = [
  'date',
  'collectorCount',
  'tracerCount',
  'collectorAreaM2',
  'massInOrbitKg',
  'capturedPowerW',
  'solarLuminosityFraction',
  'interceptedSunlightW',
];

export function toSummary(result: SimulationResult): Summary {
  return {
    scenario: result.scenario,
    seed: result.seed,
    backend: result.backend,
    from: tdbSToIso(result.fromTdbS),
    to: tdbSToIso(result.toTdbS),
    step: result.step,
    tracerTableSize: result.tracerTableSize,
    rows: result.snapshots.map((s) => ({
      date: tdbSToIso(s.tdbS),
      collectorCount: s.collectorCount,
      tracerCount: s.tracerCount,
      collectorAreaM2: s.collectorAreaM2,
      massInOrbitKg: s.massInOrbitKg,
      capturedPowerW: s.capturedPowerW,
      solarLuminosityFraction: s.solarLuminosityFraction,
      interceptedSunlightW: s.interceptedSunlightW,
    })),
  };
}

/** summary.json text: two-space indentation, trailing newline. Numbers print as JavaScript's shortest round trip. */
export function summaryToJson(summary: Summary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}

/** timeseries.csv text: a header line, then one line per row; numbers in full (shortest round-trip) precision. */
export function summaryToCsv(summary: Summary): string {
  const lines = [SUMMARY_COLUMNS.join(',')];
  for (const row of summary.rows) lines.push(SUMMARY_COLUMNS.map((column) => String(row[column])).join(','));
  return `${lines.join('\n')}\n`;
}
