/**
 * A study's results read back from its CSVs (percentiles.csv, sensitivity.csv; aggregate.ts writes them), for the
 * pictures of a study: fan charts (the percentile bands of a figure over the output dates) and tornado charts
 * (each parameter's rank correlation with an output, largest first). Pure, so the browser app (a user's files)
 * and the HTML report (a study's folder) read them the same way. Parsed by papaparse (RFC 4180); a file whose
 * header or numbers are not what a study writes is refused naming the file, the line and the column.
 */
import Papa from 'papaparse';

import { InputError } from '../errors.ts';
import { isoToTdbS } from '../time.ts';
import { PERCENTILES, SOBOL_COLUMNS } from './aggregate.ts';

/** One row of percentiles.csv; statistics are null where no sample had a value. */
export interface PercentileRow {
  readonly figure: string;
  /** An ISO date, 'last', or 'first reaches X (Julian epoch year)'. */
  readonly at: string;
  readonly samples: number;
  readonly missing: number;
  readonly p5: number | null;
  readonly p25: number | null;
  readonly p50: number | null;
  readonly p75: number | null;
  readonly p95: number | null;
  readonly mean: number | null;
}

/** One row of sensitivity.csv; spearman is null where it is undefined (a constant column). */
export interface SensitivityRow {
  readonly figure: string;
  readonly at: string;
  readonly parameter: string;
  readonly samples: number;
  readonly spearman: number | null;
  /** For a sobol design: the base rows used and the indices with their 95 % intervals (null where undefined). */
  readonly sobol?: {
    readonly rows: number;
    readonly s1: number | null;
    readonly s1Low: number | null;
    readonly s1High: number | null;
    readonly st: number | null;
    readonly stLow: number | null;
    readonly stHigh: number | null;
  };
}

const PERCENTILES_HEADER = ['output', 'at', 'samples', 'missing', ...PERCENTILES.map((p) => `p${p}`), 'mean'];
const SENSITIVITY_HEADER = ['output', 'at', 'parameter', 'samples', 'spearman'];
const SOBOL_HEADER = [...SENSITIVITY_HEADER, ...SOBOL_COLUMNS];

function table(text: string, header: readonly string[], source: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const first = parsed.errors[0];
  if (first !== undefined) {
    throw new InputError(`is not CSV: ${first.message} (line ${(first.row ?? 0) + 1})`, source);
  }
  const [head, ...rows] = parsed.data;
  if (head === undefined || head.join(',') !== header.join(',')) {
    throw new InputError(
      `must start with the header ${header.join(',')}, got ${JSON.stringify(head?.join(',') ?? '')}`,
      source,
    );
  }
  rows.forEach((row, k) => {
    if (row.length !== header.length) {
      throw new InputError(`line ${k + 2} has ${row.length} fields, the header ${header.length}`, source);
    }
  });
  return rows;
}

function numberAt(
  row: readonly string[],
  j: number,
  line: number,
  header: readonly string[],
  source: string,
) {
  const text = row[j] ?? '';
  if (text === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value)) {
    throw new InputError(`line ${line}, column ${header[j]}: not a number: ${JSON.stringify(text)}`, source);
  }
  return value;
}

function countAt(row: readonly string[], j: number, line: number, header: readonly string[], source: string) {
  const value = numberAt(row, j, line, header, source);
  if (value === null || !Number.isInteger(value) || value < 0) {
    throw new InputError(`line ${line}, column ${header[j]}: not a count: ${JSON.stringify(row[j])}`, source);
  }
  return value;
}

/** percentiles.csv's rows (`source` names the file in messages). */
export function parsePercentilesCsv(text: string, source = 'percentiles.csv'): PercentileRow[] {
  const h = PERCENTILES_HEADER;
  return table(text, h, source).map((row, k) => {
    const line = k + 2;
    const n = (j: number) => numberAt(row, j, line, h, source);
    return {
      figure: row[0] ?? '',
      at: row[1] ?? '',
      samples: countAt(row, 2, line, h, source),
      missing: countAt(row, 3, line, h, source),
      p5: n(4),
      p25: n(5),
      p50: n(6),
      p75: n(7),
      p95: n(8),
      mean: n(9),
    };
  });
}

/** sensitivity.csv's rows (with the Sobol indices where the study's design was sobol). */
export function parseSensitivityCsv(text: string, source = 'sensitivity.csv'): SensitivityRow[] {
  const sobol = text.slice(0, text.indexOf('\n')).trim() === SOBOL_HEADER.join(',');
  const h = sobol ? SOBOL_HEADER : SENSITIVITY_HEADER;
  return table(text, h, source).map((row, k) => {
    const line = k + 2;
    const n = (j: number) => numberAt(row, j, line, h, source);
    const spearman = n(4);
    if (spearman !== null && Math.abs(spearman) > 1 + SPEARMAN_ROUNDING) {
      throw new InputError(`line ${line}, column spearman: ${spearman} is outside [-1, 1]`, source);
    }
    const base = {
      figure: row[0] ?? '',
      at: row[1] ?? '',
      parameter: row[2] ?? '',
      samples: countAt(row, 3, line, h, source),
      spearman,
    };
    if (!sobol) return base;
    return {
      ...base,
      sobol: {
        rows: countAt(row, 5, line, h, source),
        s1: n(6),
        s1Low: n(7),
        s1High: n(8),
        st: n(9),
        stLow: n(10),
        stHigh: n(11),
      },
    };
  });
}

/**
 * How far past +-1 a written rank correlation may lie: simple-statistics computes Spearman's rho as Pearson's r of
 * the ranks, whose rounding reaches a few ulps beyond 1 (-1.0000000000000002 seen on 4 samples).
 */
const SPEARMAN_ROUNDING = 1e-12;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[0-9:.]+Z)?$/;

/** A figure's percentile bands over the output dates: what a fan chart draws. Dates ascending. */
export interface FanSeries {
  readonly figure: string;
  readonly dates: readonly string[];
  readonly tdbS: readonly number[];
  readonly p5: ReadonlyArray<number | null>;
  readonly p25: ReadonlyArray<number | null>;
  readonly p50: ReadonlyArray<number | null>;
  readonly p75: ReadonlyArray<number | null>;
  readonly p95: ReadonlyArray<number | null>;
  readonly mean: ReadonlyArray<number | null>;
  readonly samples: readonly number[];
}

/**
 * The fan series of each figure that the study gives at two or more dates (rows at 'last' or at a threshold are
 * not dates and are left out), in the order the figures first appear.
 */
export function fanSeries(rows: readonly PercentileRow[]): FanSeries[] {
  const byFigure = new Map<string, PercentileRow[]>();
  for (const row of rows) {
    if (!ISO_DATE.test(row.at)) continue;
    byFigure.set(row.figure, [...(byFigure.get(row.figure) ?? []), row]);
  }
  const out: FanSeries[] = [];
  for (const [figure, list] of byFigure) {
    if (list.length < 2) continue;
    const sorted = list
      .map((row) => ({ row, t: isoToTdbS(row.at) }))
      .sort((a, b) => a.t - b.t)
      .map(({ row, t }) => ({ ...row, t }));
    out.push({
      figure,
      dates: sorted.map((r) => r.at),
      tdbS: sorted.map((r) => r.t),
      p5: sorted.map((r) => r.p5),
      p25: sorted.map((r) => r.p25),
      p50: sorted.map((r) => r.p50),
      p75: sorted.map((r) => r.p75),
      p95: sorted.map((r) => r.p95),
      mean: sorted.map((r) => r.mean),
      samples: sorted.map((r) => r.samples),
    });
  }
  return out;
}

/** One tornado chart: an output's parameters by the size of their rank correlation, largest first. */
export interface Tornado {
  readonly figure: string;
  readonly at: string;
  readonly samples: number;
  readonly bars: ReadonlyArray<{ readonly parameter: string; readonly spearman: number }>;
}

/**
 * A tornado chart per output (figure and date); bars sorted by |rho| descending, ties by the parameter's order in
 * the study (a stable sort on the file's order). An output the same in every sample has no bars (rho undefined).
 */
export function tornadoCharts(rows: readonly SensitivityRow[]): Tornado[] {
  const byOutput = new Map<string, SensitivityRow[]>();
  for (const row of rows) {
    const key = JSON.stringify([row.figure, row.at]);
    byOutput.set(key, [...(byOutput.get(key) ?? []), row]);
  }
  const out: Tornado[] = [];
  for (const list of byOutput.values()) {
    const bars = list
      .filter((row): row is SensitivityRow & { spearman: number } => row.spearman !== null)
      .map((row) => ({ parameter: row.parameter, spearman: row.spearman }))
      .sort((a, b) => Math.abs(b.spearman) - Math.abs(a.spearman));
    const [first] = list;
    if (first === undefined) continue;
    out.push({ figure: first.figure, at: first.at, samples: first.samples, bars });
  }
  return out;
}
