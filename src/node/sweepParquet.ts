/**
 * samples.parquet: one row per sample of a study (index, tracer seed, status, reason, each parameter by its path,
 * each output column by its name), in index order, written with hyparquet-writer. DuckDB, pandas and Arrow read
 * it directly; the key-value metadata records the study's title, base scenario and what the output columns mean.
 */
import { parquetWriteBuffer, type ColumnSource, type KeyValue } from 'hyparquet-writer';

import type { SampleRecord } from '../../sim/sweep/sample.ts';
import type { Study } from '../../sim/sweep/study.ts';

export function samplesParquet(
  study: Study,
  sorted: readonly SampleRecord[],
  essaimVersion: string,
): Uint8Array {
  const columns: ColumnSource[] = [
    { name: 'index', type: 'INT32', data: Int32Array.from(sorted, (r) => r.index) },
    { name: 'seed', type: 'INT64', data: BigInt64Array.from(sorted, (r) => BigInt(r.seed)) },
    { name: 'status', type: 'STRING', data: sorted.map((r) => r.status) },
    { name: 'reason', type: 'STRING', nullable: true, data: sorted.map((r) => r.reason) },
    ...study.parameterPaths.map((path, j): ColumnSource => ({
      name: path,
      type: 'DOUBLE',
      data: Float64Array.from(sorted, (r) => r.values[j] ?? NaN),
    })),
    ...study.outputs.map((column, k): ColumnSource => ({
      name: column.name,
      type: 'DOUBLE',
      nullable: true,
      data: sorted.map((r) => r.outputs[k] ?? null),
    })),
  ];
  const kvMetadata: KeyValue[] = [
    { key: 'essaim.version', value: essaimVersion },
    { key: 'essaim.study', value: study.file.title },
    { key: 'essaim.scenario', value: study.baseName },
    {
      key: 'essaim.outputs',
      value:
        'figure@DATE: the figure (SI, as in summary.json) at that output date; figure>=X: the Julian epoch year ' +
        '(2000 + days past J2000 TDB / 365.25) of the first output row where the figure reaches X, null if never',
    },
  ];
  return new Uint8Array(parquetWriteBuffer({ columnData: columns, kvMetadata }));
}
