/**
 * What `essaim report` shows of a run, as plain data (no markup): the scenario with its sources and notes, the
 * run's parameters, the yearly tables (sim/report/yearlyTable.ts, as `essaim run` prints them), the charted
 * figures' series (the catalogue's `chart` figures, as the app charts them), the link-budget warnings
 * (summary.json's) and the efficiency chain at the last output time. A pure function of the run.
 */
import { AU_M } from '../../sim/constants.ts';
import type { Step } from '../../sim/duration.ts';
import { efficiencyChainAt, type EfficiencyChain } from '../../sim/report/efficiencyChain.ts';
import { FIGURES, readFigure, type FigureKey, type FigureUnit } from '../../sim/report/figures.ts';
import { toSummary, type SummaryWarning } from '../../sim/report/summary.ts';
import { yearlyTableSections, type TableSection } from '../../sim/report/yearlyTable.ts';
import type { Scenario } from '../../sim/scenario/resolve.ts';
import type { SimulationResult } from '../../sim/simulate.ts';
import { tdbSToIso, tdbSToUtcMs } from '../../sim/time.ts';
import { logChartValue } from './logChart.ts';

/** One note that defends a parameter: where it sits in the scenario file, the field it is about, its text. */
export interface ScenarioNote {
  /** The section of the file ('' for the top level, 'energy', 'energy.compute.efficiency[0]'). */
  readonly section: string;
  /** The field the note is about, as the file keys it ('collector.unitAreaM2'); the section's own for `source`. */
  readonly field: string;
  readonly text: string;
}

/** A section's list of sources. */
export interface ScenarioSources {
  readonly section: string;
  readonly sources: readonly string[];
}

/** A run's parameters as the report lists them. */
export interface RunParameters {
  readonly from: string;
  readonly to: string;
  /** The output step as the --step flag writes it (1y, 3mo, 30d, 3600s). */
  readonly step: string;
  readonly seed: number;
  readonly backend: string;
  readonly device: string;
  readonly tracerTableSize: number;
  readonly outputTimes: number;
  /** The collector's lightness number beta (radiation pressure over solar gravity). */
  readonly lightnessNumber: number;
  /** Each shell: its name and range of semi-major axes, au. */
  readonly shells: ReadonlyArray<{
    readonly name: string;
    readonly semiMajorAxisAu: readonly [number, number];
  }>;
}

/** One charted figure over every output time. */
export interface ChartSeries {
  readonly key: FigureKey;
  readonly label: string;
  readonly unit: FigureUnit;
  /** The figure's SI values, one per output time; null where the log scale cannot show it (<= 0, absent). */
  readonly values: ReadonlyArray<number | null>;
}

export interface ReportData {
  readonly scenario: {
    readonly name: string;
    readonly title: string;
    readonly description: string;
    readonly sources: readonly ScenarioSources[];
    readonly notes: readonly ScenarioNote[];
  };
  readonly run: RunParameters;
  readonly tables: readonly TableSection[];
  /** The output times, UTC seconds since 1970 (the charts' x axis, as uPlot's time scale reads it). */
  readonly timesUtcS: readonly number[];
  /** The catalogue's charted figures that have a value in this run. */
  readonly charts: readonly ChartSeries[];
  /** The charted figures with no value to show in this run (the scenario lacks their section). */
  readonly notCharted: readonly string[];
  readonly warnings: readonly SummaryWarning[];
  /** The efficiency chain at the last output time, and that time (ISO 8601 UTC). */
  readonly chain: EfficiencyChain & { readonly date: string };
}

/** The output step as the --step flag writes it. */
export function stepText(step: Step): string {
  if (step.kind === 'calendar') return step.months % 12 === 0 ? `${step.months / 12}y` : `${step.months}mo`;
  const units: ReadonlyArray<[string, number]> = [
    ['w', 604_800],
    ['d', 86_400],
    ['h', 3600],
    ['min', 60],
  ];
  const unit = units.find(([, s]) => step.seconds % s === 0);
  return unit === undefined ? `${step.seconds}s` : `${step.seconds / unit[1]}${unit[0]}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every note and source of the scenario file, wherever a section keeps them: `notes` (field -> text), `sources`
 * (a list) and a single `source` or `note` text (a data point's, as the compute roadmap's), in file order.
 */
export function scenarioNotes(file: unknown): { notes: ScenarioNote[]; sources: ScenarioSources[] } {
  const notes: ScenarioNote[] = [];
  const sources: ScenarioSources[] = [];
  const visit = (value: unknown, section: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, k) => visit(item, `${section}[${k}]`));
      return;
    }
    if (!isRecord(value)) return;
    for (const [key, item] of Object.entries(value)) {
      if (key === 'notes' && isRecord(item)) {
        for (const [field, text] of Object.entries(item)) {
          if (typeof text === 'string') notes.push({ section, field, text });
        }
      } else if (key === 'sources' && Array.isArray(item)) {
        const texts = item.filter((text): text is string => typeof text === 'string');
        if (texts.length > 0) sources.push({ section, sources: texts });
      } else if ((key === 'source' || key === 'note') && typeof item === 'string') {
        notes.push({ section, field: key, text: item });
      } else {
        visit(item, section === '' ? key : `${section}.${key}`);
      }
    }
  };
  visit(file, '');
  return { notes, sources };
}

/** The charted figures' series: the catalogue's `chart` figures, at every output time. */
function chartSeries(run: SimulationResult): { charts: ChartSeries[]; notCharted: string[] } {
  const charts: ChartSeries[] = [];
  const notCharted: string[] = [];
  for (const figure of FIGURES) {
    if (!figure.chart) continue;
    const values = run.snapshots.map((_, row) => {
      return logChartValue(readFigure(figure, run, row));
    });
    if (values.every((value) => value === null)) notCharted.push(figure.label);
    else charts.push({ key: figure.key, label: figure.label, unit: figure.unit, values });
  }
  return { charts, notCharted };
}

export function buildReportData(run: SimulationResult, scenario: Scenario): ReportData {
  const summary = toSummary(run);
  const { notes, sources } = scenarioNotes(scenario.file);
  const last = run.snapshots.at(-1);
  if (last === undefined) throw new Error('report: the run has no output time');
  const { charts, notCharted } = chartSeries(run);
  return {
    scenario: {
      name: scenario.name,
      title: scenario.title,
      description: scenario.description,
      sources,
      notes,
    },
    run: {
      from: summary.from,
      to: summary.to,
      step: stepText(run.step),
      seed: run.seed,
      backend: run.backend,
      device: run.device,
      tracerTableSize: run.tracerTableSize,
      outputTimes: run.snapshots.length,
      lightnessNumber: scenario.collector.lightnessNumber,
      shells: scenario.shells.map((shell) => ({
        name: shell.name,
        semiMajorAxisAu: [shell.semiMajorAxisM[0] / AU_M, shell.semiMajorAxisM[1] / AU_M],
      })),
    },
    tables: yearlyTableSections(run),
    timesUtcS: run.snapshots.map((snapshot) => tdbSToUtcMs(snapshot.tdbS) / 1000),
    charts,
    notCharted,
    warnings: summary.warnings,
    chain: { ...efficiencyChainAt(last), date: tdbSToIso(last.tdbS) },
  };
}
