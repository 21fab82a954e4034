/**
 * A study's results, aggregated: percentiles.csv and sensitivity.csv. Both are computed from the records sorted
 * by sample index and written with JavaScript's shortest round-trip number format, so the bytes depend only on the
 * records, never on which worker finished first or how many there were.
 *
 * - Percentiles: R/numpy type 7 (linear interpolation; simple-statistics quantileSorted), over the samples that
 *   ran and have a value for the output (`samples` counts them; refused, failed or absent values are left out and
 *   counted in `missing`).
 * - Sensitivity: Spearman's rank correlation (midranks for ties; simple-statistics sampleRankCorrelation) of each
 *   parameter with each output over the same samples; empty where it is undefined (a constant column). For a sobol
 *   design, six more columns: the first-order and total indices and their 95 % bootstrap intervals
 *   (sobolIndices.ts), over the base rows whose d + 2 samples all ran and have the output (`sobolRows`).
 */
import { mean, quantileSorted, sampleRankCorrelation } from 'simple-statistics';
import { derivedSeed } from './design.ts';
import type { SampleRecord } from './sample.ts';
import { sobolIndices, type SaltelliRow, type SobolIndex } from './sobolIndices.ts';
import type { OutputColumn, Study } from './study.ts';

export const PERCENTILES = [5, 25, 50, 75, 95] as const;

export interface StudyCounts {
  readonly samples: number;
  readonly ok: number;
  readonly refused: number;
  readonly failed: number;
  /** Samples of the study with no record (0 when every sample is accounted for). */
  readonly missing: number;
}

/** The records sorted by index, checked to be distinct. */
export function sortedRecords(records: readonly SampleRecord[]): SampleRecord[] {
  const sorted = [...records].sort((a, b) => a.index - b.index);
  for (let k = 1; k < sorted.length; k += 1) {
    if (sorted[k]?.index === sorted[k - 1]?.index)
      throw new Error(`sample ${sorted[k]?.index} recorded twice`);
  }
  return sorted;
}

export function countRecords(records: readonly SampleRecord[], samples: number): StudyCounts {
  const of = (status: SampleRecord['status']): number => records.filter((r) => r.status === status).length;
  return {
    samples,
    ok: of('ok'),
    refused: of('refused'),
    failed: of('failed'),
    missing: samples - records.length,
  };
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/** How an output column is named in the CSVs: the figure, and the date, 'last' or the threshold. */
function describe(column: OutputColumn): [figure: string, at: string] {
  return column.kind === 'at'
    ? [column.figure, column.at]
    : [column.figure, `first reaches ${column.threshold} (Julian epoch year)`];
}

/** For each output column, the (parameter values, output value) pairs of the samples that ran and have one. */
function pairsOf(records: readonly SampleRecord[], k: number): { values: number[][]; outputs: number[] } {
  const values: number[][] = [];
  const outputs: number[] = [];
  for (const record of records) {
    const output = record.outputs[k];
    if (record.status !== 'ok' || output === null || output === undefined) continue;
    values.push([...record.values]);
    outputs.push(output);
  }
  return { values, outputs };
}

/** percentiles.csv: one row per output column, in the study's order. */
export function percentilesCsv(study: Study, records: readonly SampleRecord[]): string {
  const sorted = sortedRecords(records);
  const header = ['output', 'at', 'samples', 'missing', ...PERCENTILES.map((p) => `p${p}`), 'mean'];
  const lines = [header.join(',')];
  study.outputs.forEach((column, k) => {
    const { outputs } = pairsOf(sorted, k);
    const ordered = [...outputs].sort((a, b) => a - b);
    const stats =
      ordered.length === 0
        ? [...PERCENTILES.map(() => ''), '']
        : [...PERCENTILES.map((p) => csvNumber(quantileSorted(ordered, p / 100))), csvNumber(mean(outputs))];
    const [figure, at] = describe(column);
    lines.push(
      [
        csvField(figure),
        csvField(at),
        String(outputs.length),
        String(sorted.length - outputs.length),
        ...stats,
      ].join(','),
    );
  });
  return `${lines.join('\n')}\n`;
}

/** The columns sensitivity.csv has after `spearman` for a sobol design. */
export const SOBOL_COLUMNS = ['sobolRows', 's1', 's1Low', 's1High', 'st', 'stLow', 'stHigh'] as const;

/** Stream of the study's seed that seeds output column k's bootstrap (apart from the design's and samples'). */
const BOOTSTRAP_STREAM = 0x40000000;

/** The Saltelli base rows of output column k whose A, B and every AB_j ran with a value (sobol designs). */
function saltelliRows(records: readonly SampleRecord[], k: number, d: number): SaltelliRow[] {
  const byIndex = new Map(records.map((r) => [r.index, r]));
  const valueOf = (index: number): number | null => {
    const record = byIndex.get(index);
    const output = record?.outputs[k];
    return record?.status === 'ok' && typeof output === 'number' ? output : null;
  };
  const blocks = Math.ceil((Math.max(-1, ...records.map((r) => r.index)) + 1) / (d + 2));
  const rows: SaltelliRow[] = [];
  for (let i = 0; i < blocks; i += 1) {
    const base = i * (d + 2);
    const a = valueOf(base);
    const b = valueOf(base + 1);
    const ab = Array.from({ length: d }, (_, j) => valueOf(base + 2 + j));
    if (a === null || b === null || ab.some((v) => v === null)) continue;
    rows.push({ a, b, ab: ab as number[] });
  }
  return rows;
}

/** sensitivity.csv: one row per (output column, parameter), outputs in the study's order, then parameters. */
export function sensitivityCsv(study: Study, records: readonly SampleRecord[]): string {
  const sorted = sortedRecords(records);
  const sobol = study.file.design.kind === 'sobol';
  const d = study.parameterPaths.length;
  const header = ['output', 'at', 'parameter', 'samples', 'spearman', ...(sobol ? SOBOL_COLUMNS : [])];
  const lines = [header.join(',')];
  study.outputs.forEach((column, k) => {
    const { values, outputs } = pairsOf(sorted, k);
    const [figure, at] = describe(column);
    const rows = sobol ? saltelliRows(sorted, k, d) : [];
    const indices: Array<SobolIndex | null> = sobol
      ? sobolIndices(rows, d, derivedSeed(study.file.seed, BOOTSTRAP_STREAM + k))
      : [];
    study.parameterPaths.forEach((path, j) => {
      const xs = values.map((row) => row[j] ?? NaN);
      const rho = outputs.length < 2 ? NaN : sampleRankCorrelation(xs, outputs);
      const index = indices[j];
      const extra = !sobol
        ? []
        : [
            String(rows.length),
            ...(index === null || index === undefined
              ? ['', '', '', '', '', '']
              : [
                  index.first,
                  index.firstLow,
                  index.firstHigh,
                  index.total,
                  index.totalLow,
                  index.totalHigh,
                ].map(csvNumber)),
          ];
      lines.push(
        [
          csvField(figure),
          csvField(at),
          csvField(path),
          String(outputs.length),
          csvNumber(rho),
          ...extra,
        ].join(','),
      );
    });
  });
  return `${lines.join('\n')}\n`;
}
