// `essaim export states`, read back by an independent reader (DuckDB, not the writer's library): the rows are the
// tracers on station at each time, the positions are the world's cpu64 positions bit for bit, the velocities the
// two-body state, the schema and key-value metadata are as documented, and batching or reruns change no row/byte.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isoToTdbS, loadScenario } from '../../sim/index.ts';
import { CPU_POSITION_BOUND } from '../../sim/propagate/cpuKernel.ts';
import { GPU_POSITION_BOUND } from '../../sim/propagate/gpu.ts';
import { sampleTracerIndices, tracerStateAt } from '../../sim/report/tracerSample.ts';
import { createWorld } from '../../sim/world.ts';
import { cli, filesIn, tempDir } from './helpers.ts';

/** Two float64 routes to the same two-body velocity: 4.4e-16 of the speed observed (tests/report/states.test.ts). */
const VELOCITY_RELATIVE_TOLERANCE = 1e-14;
/** tdb_s against isoToTdbS of the date: the calendar step and the date parser may round differently, < 1 us. */
const TIME_TOLERANCE_S = 1e-6;
/** A few hundred weights summed in another order (DuckDB's, the world's per shell): rounding, ~1e-15 each. */
const WEIGHT_SUM_TOLERANCE = 1e-12;

const TRACERS = 300;
const RUN = ['--tracers', String(TRACERS), '--from', '2046-01-01', '--to', '2050-12-31', '--step', '1y'];
const AT = '2047-03-01T06:00:00Z';
/** The times the file must hold, as UTC dates: the run's output times and the --at date. */
const DATES = [
  '2046-01-01T00:00:00Z',
  '2047-01-01T00:00:00Z',
  AT,
  '2048-01-01T00:00:00Z',
  '2049-01-01T00:00:00Z',
  '2050-01-01T00:00:00Z',
  '2050-12-31T00:00:00Z',
];

const world = createWorld(loadScenario('baseline'), { tracers: TRACERS });
const { table } = world.swarm;

let connection: DuckDBConnection;
let dir: string;
let file: string;

beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect();
  dir = await tempDir();
  file = join(dir, 'states.parquet');
  const result = await cli('export', 'states', ...RUN, '--at', AT, '--backend', 'cpu64', '--out', file);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
});

afterAll(() => connection.closeSync());

/** Rows of a DuckDB query, as JS values (DOUBLE -> number, BIGINT -> bigint). */
async function query(sql: string): Promise<Array<Record<string, unknown>>> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS();
}

/** A path as a SQL string literal. */
function literal(path: string): string {
  return `'${path.replaceAll("'", "''")}'`;
}

describe('essaim export states, read by DuckDB', () => {
  it('has, at each time, exactly the tracers on station then', async () => {
    const perTime = await query(
      `select epoch_us(utc) as utc_us, any_value(tdb_s) as tdb_s, count(*) as n, ` +
        `min(tracer) as first, max(tracer) as last, count(distinct tracer) as distinct_tracers, ` +
        `sum(weight) as collectors ` +
        `from read_parquet(${literal(file)}) group by utc order by utc`,
    );
    // guards: the span must reach times with tracers on station, and not all of them yet
    const expected = DATES.map((date) => world.tracersOnStationAt(isoToTdbS(date)));
    expect(expected[0]).toBeGreaterThan(0);
    expect(expected[0]).toBeLessThan(table.count);
    // a time with nobody on station would have no row, so every date is here only if each has tracers
    expect(perTime.map((row) => row['utc_us'])).toEqual(
      DATES.map((date) => BigInt(Date.parse(date)) * 1000n),
    );
    perTime.forEach((row, k) => {
      const date = DATES[k] as string;
      expect(Math.abs((row['tdb_s'] as number) - isoToTdbS(date))).toBeLessThan(TIME_TOLERANCE_S);
      expect(row['n']).toBe(BigInt(expected[k] as number));
      expect(row['distinct_tracers']).toBe(BigInt(expected[k] as number));
      expect([row['first'], row['last']]).toEqual([0, (expected[k] as number) - 1]);
      // the weights of the tracers on station add up to the collectors on station (sim/swarm/tracers.ts)
      const collectors = world.snapshot(isoToTdbS(date)).collectorCount;
      expect(Math.abs((row['collectors'] as number) - collectors)).toBeLessThan(
        WEIGHT_SUM_TOLERANCE * collectors,
      );
    });
    const [total] = await query(`select count(*) as n from read_parquet(${literal(file)})`);
    expect(total?.['n']).toBe(BigInt(expected.reduce((sum, n) => sum + n, 0)));
  });

  it('has the documented columns and types', async () => {
    const columns = await query(`describe select * from read_parquet(${literal(file)})`);
    expect(columns.map((c) => [c['column_name'], c['column_type']])).toEqual([
      ['tdb_s', 'DOUBLE'],
      ['utc', 'TIMESTAMP WITH TIME ZONE'],
      ['tracer', 'UINTEGER'],
      ['x_m', 'DOUBLE'],
      ['y_m', 'DOUBLE'],
      ['z_m', 'DOUBLE'],
      ['vx_m_s', 'DOUBLE'],
      ['vy_m_s', 'DOUBLE'],
      ['vz_m_s', 'DOUBLE'],
      ['weight', 'DOUBLE'],
      ['shell', 'VARCHAR'],
      ['shell_index', 'USMALLINT'],
      ['cohort', 'UINTEGER'],
      ['site', 'VARCHAR'],
      ['station_tdb_s', 'DOUBLE'],
      ['station_utc', 'TIMESTAMP WITH TIME ZONE'],
    ]);
  });

  it('states the frame, time scale, units, scenario, seed and version in its key-value metadata', async () => {
    const rows = await query(
      `select decode(key) as key, decode(value) as value from parquet_kv_metadata(${literal(file)})`,
    );
    const kv = Object.fromEntries(rows.map((row) => [row['key'], row['value']]));
    const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    expect(kv['frame']).toMatch(/heliocentric ecliptic J2000 \(ECLIPJ2000\)/);
    expect(kv['time_scale']).toMatch(/TDB seconds past J2000/);
    const units = JSON.parse(kv['units'] as string) as Record<string, string>;
    expect([units['x_m'], units['vz_m_s']]).toEqual(['m', 'm/s']);
    expect(Object.keys(units)).toHaveLength(16);
    expect(kv['scenario']).toBe('baseline');
    expect(kv['seed']).toBe(String(world.seed));
    expect(kv['tracer_table_size']).toBe(String(table.count));
    expect(kv['time_count']).toBe(String(DATES.length));
    expect(kv['backend']).toBe('cpu64');
    expect(kv['essaim_version']).toBe(version);
  });

  it('holds world.positionsAt’s positions bit for bit, two-body velocities and each tracer’s labels', async () => {
    const date = '2049-01-01T00:00:00Z';
    const t = isoToTdbS(date);
    const reference = new Float64Array(3 * table.count);
    const onStation = world.positionsAt(t, reference);
    const sample = sampleTracerIndices(onStation, 25, 16);
    const rows = await query(
      `select * exclude (utc, station_utc), epoch_us(station_utc) as station_utc_us ` +
        `from read_parquet(${literal(file)}) where utc = '${date}'::timestamptz and tracer in (${[...sample].join(',')}) ` +
        `order by tracer`,
    );
    expect(rows.map((row) => row['tracer'])).toEqual([...sample]);
    const sites = world.growthHistory?.params.sites ?? [];
    // a weight is the nominal one scaled to its shell's collectors on station at t (sim/world.ts)
    const scale = world.tracerWeightScaleAt(t);
    for (const row of rows) {
      const k = row['tracer'] as number;
      expect([row['x_m'], row['y_m'], row['z_m']]).toEqual([...reference.subarray(3 * k, 3 * k + 3)]);
      const { velocityMS } = tracerStateAt(table, k, t);
      const speed = Math.hypot(...velocityMS);
      (['vx_m_s', 'vy_m_s', 'vz_m_s'] as const).forEach((name, c) => {
        expect(Math.abs((row[name] as number) - (velocityMS[c] as number))).toBeLessThan(
          VELOCITY_RELATIVE_TOLERANCE * speed,
        );
      });
      const cohort = world.swarm.cohorts[world.swarm.tracerCohort[k] as number];
      expect(row['weight']).toBe(
        (table.weight[k] as number) * (scale[table.shellIndex[k] as number] as number),
      );
      expect(row['shell_index']).toBe(table.shellIndex[k]);
      expect(row['shell']).toBe(world.scenario.shells[table.shellIndex[k] as number]?.name);
      expect(row['cohort']).toBe(world.swarm.tracerCohort[k]);
      expect(row['site']).toBe(sites[cohort?.siteIndex ?? -1]?.name ?? null);
      expect(row['station_tdb_s']).toBe(table.stationTdbS[k]);
      // the station time's UTC, to the microsecond
      const stationUs = Number(row['station_utc_us']);
      expect(
        Math.abs(isoToTdbS(new Date(stationUs / 1000).toISOString()) - (table.stationTdbS[k] as number)),
      ).toBeLessThan(1e-3); // the ISO string keeps milliseconds only
    }
  });

  it('gives the same rows in many row groups (a small --batch-size) as in one per time', async () => {
    const small = join(dir, 'small.parquet');
    const result = await cli(
      'export',
      'states',
      ...RUN,
      '--at',
      AT,
      '--backend',
      'cpu64',
      '--batch-size',
      '40',
      '--out',
      small,
    );
    expect(result.code).toBe(0);
    const groups = async (path: string): Promise<number[]> =>
      (
        await query(
          `select distinct row_group_id, row_group_num_rows from parquet_metadata(${literal(path)}) order by 1`,
        )
      ).map((row) => Number(row['row_group_num_rows']));
    const perTime = DATES.map((date) => world.tracersOnStationAt(isoToTdbS(date)));
    expect(await groups(file)).toEqual(perTime);
    const smallGroups = await groups(small);
    expect(smallGroups).toHaveLength(perTime.reduce((sum, n) => sum + Math.ceil(n / 40), 0));
    expect(Math.max(...smallGroups)).toBe(40);
    const [difference] = await query(
      `select (select count(*) from (from read_parquet(${literal(file)}) except all from read_parquet(${literal(small)}))) ` +
        `+ (select count(*) from (from read_parquet(${literal(small)}) except all from read_parquet(${literal(file)}))) as n`,
    );
    expect(difference?.['n']).toBe(0n);
  });

  it('writes the same bytes for the same flags', async () => {
    const again = join(dir, 'again.parquet');
    expect(
      (await cli('export', 'states', ...RUN, '--at', AT, '--backend', 'cpu64', '--out', again)).code,
    ).toBe(0);
    expect((await readFile(again)).equals(await readFile(file))).toBe(true);
  });

  it('with --at alone, holds those dates only', async () => {
    const only = join(dir, 'only.parquet');
    const result = await cli(
      'export',
      'states',
      '--tracers',
      String(TRACERS),
      '--at',
      '2048-06-15,2047-01-01',
      '--backend',
      'cpu64',
      '--out',
      only,
    );
    expect(result.code).toBe(0);
    const times = await query(
      `select distinct epoch_us(utc) as us from read_parquet(${literal(only)}) order by 1`,
    );
    expect(times.map((row) => row['us'])).toEqual([
      BigInt(Date.parse('2047-01-01T00:00:00Z')) * 1000n,
      BigInt(Date.parse('2048-06-15T00:00:00Z')) * 1000n,
    ]);
  });

  it('is a valid empty table at a time before any tracer is on station', async () => {
    const empty = join(dir, 'empty.parquet');
    expect(world.tracersOnStationAt(isoToTdbS('2031-01-01'))).toBe(0);
    const flags = ['--tracers', String(TRACERS), '--at', '2031-01-01', '--backend', 'cpu64', '--out', empty];
    expect((await cli('export', 'states', ...flags)).code).toBe(0);
    const [total] = await query(`select count(*) as n from read_parquet(${literal(empty)})`);
    expect(total?.['n']).toBe(0n);
    expect(await query(`describe select * from read_parquet(${literal(empty)})`)).toHaveLength(16);
  });

  for (const [name, bound] of [
    ['cpu', CPU_POSITION_BOUND],
    ['gpu', GPU_POSITION_BOUND],
  ] as const) {
    it(`takes positions from the ${name} backend within its stated bound`, async () => {
      const path = join(dir, `${name}.parquet`);
      const at = '2050-06-01T00:00:00Z';
      const flags = ['--tracers', String(TRACERS), '--at', at, '--backend', name, '--out', path];
      expect((await cli('export', 'states', ...flags)).code).toBe(0);
      const reference = new Float64Array(3 * table.count);
      const onStation = world.positionsAt(isoToTdbS(at), reference);
      const rows = await query(
        `select tracer, x_m, y_m, z_m from read_parquet(${literal(path)}) order by tracer`,
      );
      expect(rows).toHaveLength(onStation);
      for (const row of rows) {
        const k = row['tracer'] as number;
        const a = table.semiMajorAxisM[k] as number; // the bounds are relative to the semi-major axis
        (['x_m', 'y_m', 'z_m'] as const).forEach((column, c) => {
          expect(Math.abs((row[column] as number) - (reference[3 * k + c] as number))).toBeLessThanOrEqual(
            bound * a,
          );
        });
      }
      const [backend] = await query(
        `select decode(value) as v from parquet_kv_metadata(${literal(path)}) where decode(key) = 'backend'`,
      );
      expect(backend?.['v']).toBe(name);
    });
  }
});

describe('essaim export states: bad input is exit 2 naming the flag, and writes nothing', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['a bad --at date', ['--at', '2048-13-45'], /--at/],
    ['an empty --at entry', ['--at', '2048-01-01,,2049-01-01'], /--at: must be ISO dates/],
    ['--batch-size 0', ['--batch-size', '0'], /--batch-size: must be an integer in \[1, 1048576\]/],
    ['--batch-size above 2^20', ['--batch-size', '2000000'], /--batch-size/],
    ['--batch-size not a number', ['--batch-size', 'many'], /--batch-size/],
    ['--to before --from', ['--from', '2049-01-01', '--to', '2048-01-01'], /--to: must be after --from/],
    ['a bad --backend', ['--backend', 'abacus'], /--backend/],
  ];
  for (const [name, flags, message] of cases) {
    it(name, async () => {
      const folder = join(await tempDir(), 'out');
      const result = await cli(
        'export',
        'states',
        '--tracers',
        '50',
        ...flags,
        '--out',
        join(folder, 's.parquet'),
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(await filesIn(folder)).toEqual([]);
    });
  }

  it('--out naming a folder', async () => {
    const folder = await tempDir();
    const result = await cli('export', 'states', '--tracers', '50', '--at', '2049-01-01', '--out', folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--out: .* is a folder/);
    expect(await filesIn(folder)).toEqual([]);
  });
});
