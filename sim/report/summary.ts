/**
 * The run's outputs as users and scripts read them: summary.json and timeseries.csv. This is where SI values get
 * their calendar dates; field names keep their SI units (`capturedPowerW`). The shape of summary.json is a
 * contract: later versions add fields to the rows, never rename these.
 */
import { tdbSToIso } from '../time.ts';
import type { SimulationResult } from '../simulate.ts';
import type { Snapshot } from '../world.ts';
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
  /** Collectors in front of the solar disc as seen from the Earth. */
  collectorsSunwardOfEarth: number;
  /** Fraction of the Sun's light they take from the Earth. */
  earthDimmingFraction: number;
  // The growth model's figures (null when the scenario has no growth section).
  /** Working factory mass, all sites, kg. */
  factoryMassKg: number | null;
  factoryMassKgBySite: Record<string, number> | null;
  /** Working factory units, where the scenario gives a unit mass. */
  factoryCount: number | null;
  /** Mass landed from Earth (seeds, resupply, vitamins), kg, and its launch cost, USD. */
  earthImportsKg: number | null;
  earthImportsUsd: number | null;
  /** Mass launched by the mass drivers so far, kg. */
  massLaunchedKg: number | null;
  /** Collectors on station according to the growth model (the swarm's count includes any fixed schedule too). */
  collectorsOnStation: number | null;
  /** Energy spent on mining, processing and launching so far, J. */
  energyInvestedJ: number | null;
  /** Years the swarm needs at its present power to return the energy invested (null: captures nothing yet). */
  energyPaybackYears: number | null;
  /** The limit holding growth back now: none, feedstock, heat, power, luminosity, mass-driver or imports. */
  bindingLimit: string | null;
  // The energy ledger's figures (null when the scenario has no energy section).
  /** Power delivered to the orbital compute nodes, W. */
  deliveredPowerComputeW: number | null;
  /** Power delivered to the ground grid, W. */
  deliveredPowerGridW: number | null;
  /** Power delivered to all loads / sunlight intercepted by the swarm. */
  endToEndEfficiency: number | null;
  /** Sustained operations per second of the compute nodes. */
  computeOpsPerS: number | null;
  /** Compute nodes flying among the collectors (energy links received `cluster`); 0 when none is placed there. */
  computeNodeCount: number;
  /** Energy per task (the scenario defines the task), J. */
  energyPerTaskJ: number | null;
  /** Radiator area the compute nodes' waste heat needs, m^2. */
  radiatorAreaM2: number | null;
  // The Earth segment (null when the scenario has no earth section).
  /** Power satellites in service in geostationary orbit. */
  powerSatelliteCount: number | null;
  /** Ground rectennas in operation. */
  rectennaCount: number | null;
  /** Energy the power satellites lost to eclipses since the previous row, J. */
  eclipseEnergyLossJ: number | null;
}

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
   * The link budgets' warnings over the run (sim/energy ledger: safety limits, field regime, ionosphere), each kind
   * once, in order of first appearance, with the first and last output dates that raised it. Warnings that differ
   * only in their numbers (a density that grows with the swarm) are one kind; the message is the last row's.
   */
  warnings: SummaryWarning[];
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
  'collectorsSunwardOfEarth',
  'earthDimmingFraction',
  'factoryMassKg',
  'factoryMassKgBySite',
  'factoryCount',
  'earthImportsKg',
  'earthImportsUsd',
  'massLaunchedKg',
  'collectorsOnStation',
  'energyInvestedJ',
  'energyPaybackYears',
  'bindingLimit',
  'deliveredPowerComputeW',
  'deliveredPowerGridW',
  'endToEndEfficiency',
  'computeOpsPerS',
  'computeNodeCount',
  'energyPerTaskJ',
  'radiatorAreaM2',
  'powerSatelliteCount',
  'rectennaCount',
  'eclipseEnergyLossJ',
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
    rows: result.snapshots.map((snapshot, k) => toSummaryRow(snapshot, result.eclipseEnergyLossJ[k] ?? null)),
    warnings: collectWarnings(result.snapshots),
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

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function toSummaryRow(s: Snapshot, eclipseEnergyLossJ: number | null): SummaryRow {
  const g = s.growth;
  const e = s.energy;
  return {
    date: tdbSToIso(s.tdbS),
    collectorCount: s.collectorCount,
    tracerCount: s.tracerCount,
    collectorAreaM2: s.collectorAreaM2,
    massInOrbitKg: s.massInOrbitKg,
    capturedPowerW: s.capturedPowerW,
    solarLuminosityFraction: s.solarLuminosityFraction,
    interceptedSunlightW: s.interceptedSunlightW,
    collectorsSunwardOfEarth: s.collectorsSunwardOfEarth,
    earthDimmingFraction: s.earthDimmingFraction,
    factoryMassKg: g?.factoryMassKg ?? null,
    factoryMassKgBySite: g === undefined ? null : { ...g.factoryMassKgBySite },
    factoryCount: g?.factoryCount ?? null,
    earthImportsKg: g?.earthImportsKg ?? null,
    earthImportsUsd: g?.earthImportsUsd ?? null,
    massLaunchedKg: g?.massLaunchedKg ?? null,
    collectorsOnStation: g?.collectorsOnStation ?? null,
    energyInvestedJ: g?.energyInvestedJ ?? null,
    energyPaybackYears: g === undefined ? null : finiteOrNull(g.energyPaybackYears),
    bindingLimit: g?.bindingLimit ?? null,
    deliveredPowerComputeW: e?.deliveredPowerComputeW ?? null,
    // With an energy section its ledger already includes the Earth segment's grid power.
    deliveredPowerGridW: e?.deliveredPowerGridW ?? s.earth?.deliveredPowerGridW ?? null,
    endToEndEfficiency: e?.endToEndEfficiency ?? null,
    computeOpsPerS: e?.computeOpsPerS ?? null,
    computeNodeCount: s.computeNodeCount,
    energyPerTaskJ: e?.energyPerTaskJ ?? null,
    radiatorAreaM2: e?.radiatorAreaM2 ?? null,
    powerSatelliteCount: s.earth?.powerSatelliteCount ?? null,
    rectennaCount: s.earth?.rectennaCount ?? null,
    eclipseEnergyLossJ,
  };
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
