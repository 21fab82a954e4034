// `essaim sweep`, checked against independent paths: each grid sample re-run with `essaim run` (its summary.json),
// samples.parquet read back by DuckDB (not the writer's library), percentiles recomputed by DuckDB's quantile_cont
// (R type 7, the definition percentiles.csv states), and the CSVs compared byte for byte across worker counts and
// shards. The base scenario is the test's own small one (the baseline's sections with a fixed launch schedule and
// no growth model), so other changes to the baseline or the growth model cannot move these expectations.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cli, filesIn, tempDir } from './helpers.ts';

/** DuckDB's interpolation and mean sum in their own order: a few ulps of rounding on ~10 values. */
const RELATIVE_TOLERANCE_STATS = 1e-12;

const FROM = '2030-01-01';
const TO = '2033-01-01';
const TRACERS = 120;

let connection: DuckDBConnection;
let dir: string;
let baseFile: string;
interface Base {
  collector: { arealDensityKgM2: number; conversionEfficiency: number };
  shells: Array<{ name: string }>;
  growth?: unknown;
  earth?: unknown;
  energy?: unknown;
  [field: string]: unknown;
}
/** A row of samples.parquet as DuckDB returns it. */
interface Row {
  index: number;
  seed: number;
  status: string;
  reason: string | null;
  n: number | null;
  [column: string]: unknown;
}
interface SweepJson {
  counts: unknown;
}
let base: Base;

beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect();
  dir = await tempDir();
  const baseline = JSON.parse(await readFile('assets/scenarios/baseline.json', 'utf8')) as typeof base;
  const shell = {
    ...baseline.shells[0],
    name: baseline.shells[0]?.name ?? 'shell',
    semiMajorAxisAu: [0.95, 1.05],
  };
  base = {
    ...baseline,
    name: 'sweep-test',
    from: FROM,
    to: TO,
    shells: [shell],
    deployment: [{ shell: shell.name, start: FROM, end: TO, collectorsPerYear: 2000 }],
  };
  delete base.growth;
  delete base.earth;
  delete base.energy;
  // without links to feed, the collector may be one all-in areal density (the test's parameter path)
  const collector: Record<string, unknown> = { ...base.collector, arealDensityKgM2: 0.01 };
  delete collector['billOfMaterials'];
  base.collector = collector as Base['collector'];
  baseFile = join(dir, 'base.json');
  await writeFile(baseFile, JSON.stringify(base, null, 2));
});

afterAll(() => connection.closeSync());

async function rows(sql: string): Promise<Row[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS() as unknown as Row[];
}

async function writeSweep(name: string, sweep: Record<string, unknown>): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify({ title: name, scenario: 'base.json', seed: 11, ...sweep }, null, 2));
  return path;
}

const RUN = { from: FROM, to: TO, step: '1y', tracers: TRACERS };
const OUTPUTS = [
  { figure: 'capturedPowerW', at: ['2032-01-01', 'last'] },
  { figure: 'massInOrbitKg', at: 'last' },
];

describe('essaim sweep, embedded', () => {
  it('a small grid gives exactly what essaim run gives for each sample, read back by DuckDB', async () => {
    const densities = [0.004, 0.02];
    const efficiencies = [0.1, 0.3];
    const sweep = await writeSweep('grid.json', {
      run: RUN,
      design: { kind: 'grid' },
      parameters: [
        { path: 'collector.arealDensityKgM2', grid: { values: densities } },
        { path: 'collector.conversionEfficiency', grid: { start: 0.1, stop: 0.3, count: 2 } },
      ],
      outputs: OUTPUTS,
    });
    const out = join(dir, 'grid-out');
    const result = await cli('sweep', '--sweep', sweep, '--out', out, '--workers', '2');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await filesIn(out)).toEqual([
      'percentiles.csv',
      'samples.parquet',
      'sensitivity.csv',
      'sweep.json',
    ]);

    const samples = await rows(
      `SELECT * FROM read_parquet('${join(out, 'samples.parquet')}') ORDER BY "index"`,
    );
    expect(samples).toHaveLength(4);
    // Full factorial, last parameter fastest.
    const expected = densities.flatMap((d) => efficiencies.map((e) => [d, e]));
    for (const [k, sample] of samples.entries()) {
      expect(sample.index).toBe(k);
      expect(sample.status).toBe('ok');
      expect(sample.reason).toBeNull();
      expect([sample['collector.arealDensityKgM2'], sample['collector.conversionEfficiency']]).toEqual(
        expected[k],
      );

      const scenario = JSON.parse(JSON.stringify(base)) as typeof base;
      scenario.collector.arealDensityKgM2 = expected[k]?.[0] ?? NaN;
      scenario.collector.conversionEfficiency = expected[k]?.[1] ?? NaN;
      const file = join(dir, `sample-${k}.json`);
      await writeFile(file, JSON.stringify(scenario));
      const runOut = join(dir, `run-${k}`);
      const run = await cli(
        'run',
        '--scenario',
        file,
        '--seed',
        String(sample['seed']),
        '--backend',
        'cpu64',
        '--tracers',
        String(TRACERS),
        '--from',
        FROM,
        '--to',
        TO,
        '--step',
        '1y',
        '--out',
        runOut,
      );
      expect(run.code).toBe(0);
      const summary = JSON.parse(await readFile(join(runOut, 'summary.json'), 'utf8')) as {
        rows: Array<{ date: string; capturedPowerW: number; massInOrbitKg: number }>;
      };
      const at2032 = summary.rows.find((row) => row.date.startsWith('2032-01-01'));
      const last = summary.rows[summary.rows.length - 1];
      expect(sample['capturedPowerW@2032-01-01']).toBe(at2032?.capturedPowerW);
      expect(sample['capturedPowerW@last']).toBe(last?.capturedPowerW);
      expect(sample['massInOrbitKg@last']).toBe(last?.massInOrbitKg);
    }
    // The samples differ (the test would be empty if every output were 0).
    expect(new Set(samples.map((s) => s['massInOrbitKg@last'])).size).toBe(2);
    expect(new Set(samples.map((s) => s['capturedPowerW@last'])).size).toBe(4);

    const sweepJson = JSON.parse(await readFile(join(out, 'sweep.json'), 'utf8')) as SweepJson;
    expect(sweepJson.counts).toMatchObject({ samples: 4, run: 4, refused: 0, failed: 0, missing: 0 });
  });

  it('a sample the scenario schema refuses is recorded as refused, with its reason', async () => {
    // Each end alone is valid (the other end at its base value), but 1.04 > 1.0 inverts the range.
    const sweep = await writeSweep('refused.json', {
      run: RUN,
      design: { kind: 'grid' },
      parameters: [
        { path: 'shells[0].semiMajorAxisAu[0]', grid: { values: [0.9, 1.04] } },
        { path: 'shells[0].semiMajorAxisAu[1]', grid: { values: [1.0, 1.05] } },
      ],
      outputs: [{ figure: 'collectorCount', at: 'last' }],
    });
    const out = join(dir, 'refused-out');
    const result = await cli('sweep', '--sweep', sweep, '--out', out, '--workers', '1');
    expect(result.code).toBe(0);
    const samples = await rows(
      `SELECT "index", status, reason, "collectorCount@last" AS n FROM read_parquet('${join(out, 'samples.parquet')}') ORDER BY "index"`,
    );
    expect(samples.map((s) => s.status)).toEqual(['ok', 'ok', 'refused', 'ok']);
    expect(String(samples[2]?.reason)).toMatch(/shells\[0\]\.semiMajorAxisAu.*min <= max/s);
    expect(samples[2]?.n).toBeNull();
    const sweepJson = JSON.parse(await readFile(join(out, 'sweep.json'), 'utf8')) as SweepJson;
    expect(sweepJson.counts).toMatchObject({ samples: 4, run: 3, refused: 1, failed: 0 });
  });

  it('percentiles.csv and sensitivity.csv are byte-identical with 1 or 2 workers and after shards + merge', async () => {
    const sweep = await writeSweep('lhs.json', {
      run: RUN,
      design: { kind: 'latin-hypercube', samples: 9 },
      parameters: [
        { path: 'collector.arealDensityKgM2', distribution: { kind: 'log-uniform', min: 0.003, max: 0.03 } },
        {
          path: 'collector.conversionEfficiency',
          distribution: { kind: 'triangular', min: 0.1, mode: 0.2, max: 0.3 },
        },
      ],
      outputs: OUTPUTS,
    });
    const outs = ['w1', 'w2', 's1', 's2', 'merged'].map((name) => join(dir, `lhs-${name}`));
    const [w1, w2, s1, s2, merged] = outs as [string, string, string, string, string];
    expect((await cli('sweep', '--sweep', sweep, '--out', w1, '--workers', '1', '--samples', '7')).code).toBe(
      0,
    );
    expect((await cli('sweep', '--sweep', sweep, '--out', w2, '--workers', '2', '--samples', '7')).code).toBe(
      0,
    );
    expect((await cli('sweep', '--sweep', sweep, '--out', s1, '--shard', '1/2', '--samples', '7')).code).toBe(
      0,
    );
    expect((await cli('sweep', '--sweep', sweep, '--out', s2, '--shard', '2/2', '--samples', '7')).code).toBe(
      0,
    );
    expect((await cli('sweep', '--merge', s2, s1, '--out', merged)).code).toBe(0);
    // samples.parquet too: the rows are sorted by index before writing.
    const parquet = await readFile(join(w1, 'samples.parquet'));
    expect((await readFile(join(w2, 'samples.parquet'))).equals(parquet)).toBe(true);
    expect((await readFile(join(merged, 'samples.parquet'))).equals(parquet)).toBe(true);
    for (const file of ['percentiles.csv', 'sensitivity.csv']) {
      const reference = await readFile(join(w1, file), 'utf8');
      expect(await readFile(join(w2, file), 'utf8')).toBe(reference);
      expect(await readFile(join(merged, file), 'utf8')).toBe(reference);
    }
    const shardRows = await rows(
      `SELECT "index" FROM read_parquet('${join(s1, 'samples.parquet')}') ORDER BY 1`,
    );
    expect(shardRows.map((r) => r.index)).toEqual([0, 2, 4, 6]);

    // Percentiles against DuckDB over the parquet file (type 7 = quantile_cont).
    const lines = (await readFile(join(w1, 'percentiles.csv'), 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('output,at,samples,missing,p5,p25,p50,p75,p95,mean');
    const columns = ['capturedPowerW@2032-01-01', 'capturedPowerW@last', 'massInOrbitKg@last'];
    expect(lines).toHaveLength(columns.length + 1);
    for (const [k, column] of columns.entries()) {
      const fields = (lines[k + 1] ?? '').split(',');
      const [reference] = await rows(
        `SELECT count("${column}") AS n, ` +
          [5, 25, 50, 75, 95].map((p) => `quantile_cont("${column}", ${p / 100}) AS p${p}`).join(', ') +
          `, avg("${column}") AS mean FROM read_parquet('${join(w1, 'samples.parquet')}') WHERE status = 'ok'`,
      );
      expect(`${fields[0]}@${fields[1]}`).toBe(column);
      expect(Number(fields[2])).toBe(Number(reference?.n));
      expect(Number(fields[2])).toBe(7);
      const mine = fields.slice(4).map(Number);
      const theirs = ['p5', 'p25', 'p50', 'p75', 'p95', 'mean'].map((key) => Number(reference?.[key]));
      for (const [i, value] of mine.entries()) {
        const want = theirs[i] ?? NaN;
        expect(Math.abs(value - want)).toBeLessThanOrEqual(RELATIVE_TOLERANCE_STATS * Math.abs(want));
      }
      // An empty test would compare zeros: the spread is real.
      expect(mine[4]).toBeGreaterThan(mine[0] ?? Infinity);
    }
    const mergedJson = JSON.parse(await readFile(join(merged, 'sweep.json'), 'utf8')) as SweepJson;
    expect(mergedJson.counts).toMatchObject({ samples: 7, run: 7, missing: 0 });
  });
});

describe('essaim sweep: bad input exits 2 naming the field, before any run, writing nothing', () => {
  const good = {
    run: RUN,
    design: { kind: 'latin-hypercube', samples: 4 },
    parameters: [
      { path: 'collector.arealDensityKgM2', distribution: { kind: 'uniform', min: 0.003, max: 0.03 } },
    ],
    outputs: [{ figure: 'massInOrbitKg', at: 'last' }],
  };
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    [
      'a path not in the base scenario',
      {
        parameters: [
          { path: 'collector.arealDensityKgM3', distribution: { kind: 'uniform', min: 1, max: 2 } },
        ],
      },
      /parameters\[0\]\.path: "collector\.arealDensityKgM3" is not present in the base scenario/,
    ],
    [
      'a range end the scenario refuses',
      {
        parameters: [
          { path: 'collector.conversionEfficiency', distribution: { kind: 'uniform', min: 0.1, max: 1.2 } },
        ],
      },
      /parameters\[0\]\.distribution: the highest value of the range, collector\.conversionEfficiency = 1\.2, is refused[^]*collector\.conversionEfficiency: must be <= 1, got 1\.2/,
    ],
    ['a Sobol design of one base sample', { design: { kind: 'sobol', samples: 1 } }, /design\.samples:.*2/],
    [
      'a grid design with a distribution',
      { design: { kind: 'grid' } },
      /parameters\[0\]: a grid design takes parameters with a grid/,
    ],
    [
      'a Latin hypercube without a sample count',
      { design: { kind: 'latin-hypercube' } },
      /design\.samples: is required/,
    ],
    [
      'an output date that is not an output time',
      { outputs: [{ figure: 'massInOrbitKg', at: '2031-06-01' }] },
      /outputs\[0\]\.at: 2031-06-01 is not an output time of the run/,
    ],
    [
      'an unknown figure',
      { outputs: [{ figure: 'warpFactor', at: 'last' }] },
      /outputs\[0\]\.figure: must be a numeric figure of the catalogue.*"warpFactor"/,
    ],
    [
      'a run that ends before it starts',
      { run: { ...RUN, to: '2029-01-01' } },
      /run\.to: must be after from/,
    ],
    [
      'an inverted uniform range',
      {
        parameters: [
          { path: 'collector.arealDensityKgM2', distribution: { kind: 'uniform', min: 2, max: 1 } },
        ],
      },
      /parameters\[0\]\.distribution: needs min < max/,
    ],
  ];
  for (const [title, change, message] of cases) {
    it(title, async () => {
      const sweep = await writeSweep(`bad-${title.replace(/\W+/g, '-')}.json`, { ...good, ...change });
      const out = join(dir, `bad-out-${title.replace(/\W+/g, '-')}`);
      const result = await cli('sweep', '--sweep', sweep, '--out', out);
      expect(result.stderr).toMatch(message);
      expect(result.code).toBe(2);
      expect(await filesIn(out)).toEqual([]);
    });
  }

  it('--samples beyond the design and a bad --shard', async () => {
    const sweep = await writeSweep('flags.json', good);
    const out = join(dir, 'flags-out');
    const many = await cli('sweep', '--sweep', sweep, '--out', out, '--samples', '5');
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/--samples: .*4.*5/);
    const shard = await cli('sweep', '--sweep', sweep, '--out', out, '--shard', '3/2');
    expect(shard.code).toBe(2);
    expect(shard.stderr).toMatch(/--shard: must be K\/N with 1 <= K <= N/);
    expect(await filesIn(out)).toEqual([]);
  });
});
