/**
 * A study's results, aggregated: percentiles.csv and sensitivity.csv. Both are computed from the records sorted
 * by sample index and written with JavaScript's shortest round-trip number format, so the bytes depend only on the
 * records, never on which worker finished first or how many there were.
 *
 * - Percentiles: R/numpy type 7 (linear interpolation; simple-statistics quantileSorted), over the samples that
 *   ran and have a value for the output (`samples` counts them; refused, failed or absent values are left out and
 *   counted in `missing`).
 * - Sensitivity: Spearman's rank correlation (midranks for ties; simple-statistics sampleRankCorrelation) of each
 *   parameter with each output over the same samples; empty where it is undefined (a constant column).
 */
import { mean, quantileSorted, sampleRankCorrelation } from 'simple-statistics';
import type { SampleRecord } from './sample.ts';
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

/** sensitivity.csv: one row per (output column, parameter), outputs in the study's order, then parameters. */
export function sensitivityCsv(study: Study, records: readonly SampleRecord[]): string {
  const sorted = sortedRecords(records);
  const lines = ['output,at,parameter,samples,spearman'];
  study.outputs.forEach((column, k) => {
    const { values, outputs } = pairsOf(sorted, k);
    const [figure, at] = describe(column);
    study.parameterPaths.forEach((path, j) => {
      const xs = values.map((row) => row[j] ?? NaN);
      const rho = outputs.length < 2 ? NaN : sampleRankCorrelation(xs, outputs);
      lines.push(
        [csvField(figure), csvField(at), csvField(path), String(outputs.length), csvNumber(rho)].join(','),
      );
    });
  });
  return `${lines.join('\n')}\n`;
}
