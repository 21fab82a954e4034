/**
 * What the study report shows, gathered from a study's folder (sweep.json, percentiles.csv, sensitivity.csv): the
 * study (title, description, the notes defending each parameter, the design and counts), a fan chart per figure
 * asked for at several dates, a tornado chart per output (one per fan, at its last date, and one per other
 * output), and the percentiles of every output that is not a fan. Labels and units come from the catalogue.
 */
import { InputError } from '../../sim/errors.ts';
import { FIGURES, type FigureUnit } from '../../sim/report/figures.ts';
import { parseSweep } from '../../sim/sweep/study.ts';
import {
  fanSeries,
  parsePercentilesCsv,
  parseSensitivityCsv,
  tornadoCharts,
  type PercentileRow,
  type SensitivityRow,
  type Tornado,
} from '../../sim/sweep/results.ts';
import type { SweepFile } from '../../sim/sweep/schema.ts';
import { tdbSToUtcMs } from '../../sim/time.ts';
import { logChartValue } from './logChart.ts';

export interface FanChart {
  readonly key: string;
  readonly label: string;
  readonly unit: FigureUnit | 'yr';
  readonly timesUtcS: readonly number[];
  readonly p5: ReadonlyArray<number | null>;
  readonly p25: ReadonlyArray<number | null>;
  readonly p50: ReadonlyArray<number | null>;
  readonly p75: ReadonlyArray<number | null>;
  readonly p95: ReadonlyArray<number | null>;
  readonly mean: ReadonlyArray<number | null>;
  /** The percentiles at the fan's last date, for the table under the chart. */
  readonly last: PercentileRow;
}

export interface StudyReportData {
  readonly file: SweepFile;
  readonly baseScenario: string;
  readonly designSize: number;
  readonly counts: { samples: number; ok: number; refused: number; failed: number; missing: number };
  readonly versions: Readonly<Record<string, string>>;
  readonly fans: readonly FanChart[];
  /** Tornado charts with the name of their output ("Delivered to loads, 2050-12-31"). */
  readonly tornadoes: ReadonlyArray<{ readonly title: string; readonly tornado: Tornado }>;
  /** For a sobol design: each tornado's output with its parameters' first-order and total indices. */
  readonly sobol: ReadonlyArray<{
    readonly title: string;
    readonly rows: ReadonlyArray<{ readonly parameter: string } & NonNullable<SensitivityRow['sobol']>>;
  }>;
  /** The outputs that are not part of a fan, with their label and unit. */
  readonly others: ReadonlyArray<{
    readonly label: string;
    readonly unit: string;
    readonly row: PercentileRow;
  }>;
}

interface SweepJsonFile {
  study: unknown;
  baseScenario: string;
  design: { size: number };
  counts: StudyReportData['counts'];
  versions: Record<string, string>;
}

function labelOf(figure: string): { label: string; unit: FigureUnit } {
  const entry = FIGURES.find((f) => f.key === figure);
  return entry === undefined ? { label: figure, unit: '1' } : { label: entry.label, unit: entry.unit };
}

function isFirstReaches(at: string): boolean {
  return at.startsWith('first reaches');
}

/** The output's name as a title: the figure's label and its date (or what the date stands for). */
function outputTitle(figure: string, at: string): string {
  const { label } = labelOf(figure);
  return isFirstReaches(at)
    ? `${label}: year it ${at.replace(' (Julian epoch year)', '')}`
    : `${label}, ${at}`;
}

/** The report's data from the three files' text (`dir` names the folder in messages). */
export function buildStudyData(
  sweepJsonText: string,
  percentilesText: string,
  sensitivityText: string,
  dir: string,
): StudyReportData {
  let sweep: SweepJsonFile;
  try {
    sweep = JSON.parse(sweepJsonText) as SweepJsonFile;
  } catch (error) {
    throw new InputError(`${dir}/sweep.json is not JSON: ${String(error)}`, '--sweep');
  }
  if (
    typeof sweep !== 'object' ||
    sweep === null ||
    sweep.counts === undefined ||
    sweep.study === undefined
  ) {
    throw new InputError(`${dir}/sweep.json is not the sweep.json of an essaim sweep`, '--sweep');
  }
  const file = parseSweep(sweep.study, `${dir}/sweep.json study`);
  const percentiles = parsePercentilesCsv(percentilesText, `${dir}/percentiles.csv`);
  const sensitivity = parseSensitivityCsv(sensitivityText, `${dir}/sensitivity.csv`);

  const series = fanSeries(percentiles);
  const fans: FanChart[] = series.map((fan) => {
    const { label, unit } = labelOf(fan.figure);
    const lastDate = fan.dates.at(-1) ?? '';
    const last = percentiles.find((row) => row.figure === fan.figure && row.at === lastDate);
    if (last === undefined) throw new Error(`fan ${fan.figure} lost its last row`);
    const log = (values: ReadonlyArray<number | null>) => values.map(logChartValue);
    return {
      key: fan.figure,
      label,
      unit,
      timesUtcS: fan.tdbS.map((t) => tdbSToUtcMs(t) / 1000),
      p5: log(fan.p5),
      p25: log(fan.p25),
      p50: log(fan.p50),
      p75: log(fan.p75),
      p95: log(fan.p95),
      mean: log(fan.mean),
      last,
    };
  });
  const fanDates = new Map(series.map((fan) => [fan.figure, new Set(fan.dates)]));
  const lastOfFan = new Map(fans.map((fan) => [fan.key, fan.last.at]));
  const inFan = (figure: string, at: string): boolean => fanDates.get(figure)?.has(at) === true;
  const tornadoes = tornadoCharts(sensitivity)
    .filter((t) => !inFan(t.figure, t.at) || lastOfFan.get(t.figure) === t.at)
    .map((tornado) => ({ title: outputTitle(tornado.figure, tornado.at), tornado }));
  const sobol = tornadoes
    .map(({ title, tornado }) => ({
      title,
      rows: sensitivity
        .filter((row) => row.figure === tornado.figure && row.at === tornado.at && row.sobol !== undefined)
        .map((row) => ({ parameter: row.parameter, ...(row.sobol as NonNullable<SensitivityRow['sobol']>) })),
    }))
    .filter((table) => table.rows.length > 0);
  const others = percentiles
    .filter((row) => !inFan(row.figure, row.at))
    .map((row) => ({
      label: outputTitle(row.figure, row.at),
      unit: isFirstReaches(row.at) ? 'yr' : labelOf(row.figure).unit,
      row,
    }));
  return {
    file,
    baseScenario: sweep.baseScenario,
    designSize: sweep.design.size,
    counts: sweep.counts,
    versions: sweep.versions,
    fans,
    tornadoes,
    sobol,
    others,
  };
}
