/**
 * Tracer states (sim/report/states.ts) as a Parquet file, streamed: each batch becomes one row group, encoded by
 * hyparquet-writer's ParquetWriter and written out before the next batch is made, so memory holds
 * one batch (plus the footer's few bytes of metadata per row group) however many rows the file has.
 *
 * ParquetWriter calls its Writer's flush() after every row group and awaits the promise it returns; the Writer
 * here is hyparquet-writer's ByteWriter whose flush hands the bytes so far to a sink and starts over, the way the
 * library's own fileWriter does, but asynchronously (a file handle of writeStreamAtomically).
 */
import { ByteWriter, ParquetWriter, type ColumnSource, type SchemaElement } from 'hyparquet-writer';

import type { StatesBatch } from '../../sim/report/states.ts';
import { tdbSToUtcMs } from '../../sim/time.ts';

/** What the file says about itself in its key-value metadata. */
export interface StatesFileInfo {
  readonly essaimVersion: string;
  readonly scenario: string;
  readonly seed: number;
  /** Tracers in the whole table (on station or not yet at the chosen times). */
  readonly tracerTableSize: number;
  /** The backend that computed the positions, and what ran it. */
  readonly backend: string;
  readonly device: string;
  /** How many times the file holds rows for (some may have none on station). */
  readonly timeCount: number;
}

/** The names behind the batches' indices (statesLabels in sim/report/states.ts). */
export interface StatesFileLabels {
  readonly shellNames: readonly string[];
  readonly cohortSites: ReadonlyArray<string | null>;
}

/** Column name, Parquet schema element and unit, in file order. */
const COLUMNS = [
  ['tdb_s', { type: 'DOUBLE' }, 's, TDB seconds past J2000 (the time of the row)'],
  ['utc', timestampMicros(), 'the same instant in UTC (Unix time, microseconds)'],
  ['tracer', { type: 'INT32', converted_type: 'UINT_32' }, 'row of the tracer table, the same at every time'],
  ['x_m', { type: 'DOUBLE' }, 'm'],
  ['y_m', { type: 'DOUBLE' }, 'm'],
  ['z_m', { type: 'DOUBLE' }, 'm'],
  ['vx_m_s', { type: 'DOUBLE' }, 'm/s'],
  ['vy_m_s', { type: 'DOUBLE' }, 'm/s'],
  ['vz_m_s', { type: 'DOUBLE' }, 'm/s'],
  [
    'weight',
    { type: 'DOUBLE' },
    'real collectors the tracer stands for at tdb_s (they add up to the collectors on station)',
  ],
  ['shell', { type: 'BYTE_ARRAY', converted_type: 'UTF8' }, 'name of the scenario shell'],
  ['shell_index', { type: 'INT32', converted_type: 'UINT_16' }, 'index into the scenario shells'],
  ['cohort', { type: 'INT32', converted_type: 'UINT_32' }, 'index into the swarm cohorts (by station time)'],
  ['site', { type: 'BYTE_ARRAY', converted_type: 'UTF8' }, 'growth-model launch site; null: the schedule'],
  ['station_tdb_s', { type: 'DOUBLE' }, 's, TDB seconds past J2000 (on station from then on)'],
  ['station_utc', timestampMicros(), 'the same instant in UTC (Unix time, microseconds)'],
] as const satisfies ReadonlyArray<readonly [string, Omit<SchemaElement, 'name'>, string]>;

/** Columns that may be null: the site of collectors from the simple schedule. */
const NULLABLE = new Set<string>(['site']);

/** Heliocentric positions and velocities are distinct doubles: byte-stream split compresses them, no dictionary. */
const SPLIT = new Set<string>(['x_m', 'y_m', 'z_m', 'vx_m_s', 'vy_m_s', 'vz_m_s']);

function timestampMicros(): Omit<SchemaElement, 'name'> {
  return {
    type: 'INT64',
    converted_type: 'TIMESTAMP_MICROS',
    logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MICROS' },
  };
}

export const STATES_COLUMN_NAMES: readonly string[] = COLUMNS.map(([name]) => name);

const SCHEMA: SchemaElement[] = [
  { name: 'root', num_children: COLUMNS.length },
  ...COLUMNS.map(([name, element]) => ({
    name,
    ...element,
    repetition_type: NULLABLE.has(name) ? ('OPTIONAL' as const) : ('REQUIRED' as const),
  })),
];

/** The key-value metadata: frame, time scale and units first, then where the rows came from. */
export function statesKeyValueMetadata(info: StatesFileInfo): Array<{ key: string; value: string }> {
  return [
    {
      key: 'frame',
      value: 'heliocentric ecliptic J2000 (ECLIPJ2000): origin the Sun, x to the J2000 equinox',
    },
    { key: 'time_scale', value: 'TDB seconds past J2000 (tdb_s, station_tdb_s); UTC (utc, station_utc)' },
    {
      key: 'units',
      value: JSON.stringify(Object.fromEntries(COLUMNS.map(([name, , unit]) => [name, unit]))),
    },
    {
      key: 'velocities',
      value:
        'two-body Kepler velocity under the effective mu of each tracer (radiation pressure included), float64',
    },
    { key: 'scenario', value: info.scenario },
    { key: 'seed', value: String(info.seed) },
    { key: 'tracer_table_size', value: String(info.tracerTableSize) },
    { key: 'time_count', value: String(info.timeCount) },
    { key: 'backend', value: info.backend },
    { key: 'device', value: info.device },
    { key: 'essaim_version', value: info.essaimVersion },
  ];
}

/** UTC of a TDB time, whole microseconds since 1970 (Unix time; tdbSToUtcMs is good to < 1 us). */
function utcMicros(tdbS: number): bigint {
  return BigInt(Math.round(tdbSToUtcMs(tdbS) * 1000));
}

/** Where the file's bytes go, in order (a file handle's write; the benchmark discards them). */
export type ByteSink = (bytes: Uint8Array) => Promise<unknown>;

/** A ByteWriter that hands its bytes to `sink` at every flush, so it holds at most one row group. */
class SinkWriter extends ByteWriter {
  constructor(private readonly sink: ByteSink) {
    super(1 << 20);
  }

  async flush(): Promise<void> {
    if (this.index === 0) return;
    // Copy: the buffer is reused for the next row group while the write may still be under way.
    const bytes = new Uint8Array(this.buffer, 0, this.index).slice();
    this.index = 0;
    await this.sink(bytes);
  }

  override async finish(): Promise<void> {
    await this.flush();
  }
}

export interface StatesParquetWriter {
  /** Encode one batch as a row group and write it; resolves when its bytes are with the file handle. */
  write(batch: StatesBatch): Promise<void>;
  /** Write the footer (schema, row groups, key-value metadata). */
  finish(): Promise<void>;
}

/** A Parquet writer of state batches whose bytes go to `sink` (e.g. `(bytes) => handle.write(bytes)`). */
export function createStatesParquetWriter(
  sink: ByteSink,
  labels: StatesFileLabels,
  info: StatesFileInfo,
): StatesParquetWriter {
  const writer = new ParquetWriter({
    writer: new SinkWriter(sink),
    schema: SCHEMA,
    kvMetadata: statesKeyValueMetadata(info),
    createdBy: `essaim version ${info.essaimVersion}`,
  });
  const stationUtc = new Map<number, bigint>();
  const stationUtcOf = (tdbS: number): bigint => {
    let micros = stationUtc.get(tdbS);
    if (micros === undefined) stationUtc.set(tdbS, (micros = utcMicros(tdbS)));
    return micros;
  };

  async function write(batch: StatesBatch): Promise<void> {
    const n = batch.rowCount;
    const data: Record<(typeof COLUMNS)[number][0], ColumnSource['data']> = {
      tdb_s: new Float64Array(n).fill(batch.tdbS),
      utc: new BigInt64Array(n).fill(utcMicros(batch.tdbS)),
      tracer: batch.tracer,
      x_m: batch.xM,
      y_m: batch.yM,
      z_m: batch.zM,
      vx_m_s: batch.vxMS,
      vy_m_s: batch.vyMS,
      vz_m_s: batch.vzMS,
      weight: batch.weight,
      shell: Array.from(batch.shellIndex, (s) => labels.shellNames[s] ?? String(s)),
      shell_index: Int32Array.from(batch.shellIndex),
      cohort: batch.cohortIndex,
      site: Array.from(batch.cohortIndex, (c) => labels.cohortSites[c] ?? null),
      station_tdb_s: batch.stationTdbS,
      station_utc: BigInt64Array.from(batch.stationTdbS, stationUtcOf),
    };
    await writer.write({
      columnData: COLUMNS.map(([name]) => ({
        name,
        data: data[name],
        ...(SPLIT.has(name) ? { encoding: 'BYTE_STREAM_SPLIT' as const } : {}),
      })),
      rowGroupSize: n,
    });
  }

  return {
    write,
    finish: async () => writer.finish(),
  };
}
