// The typed API `sweep(spec, options)` (essaim/node): its records checked against runs made here by hand (the
// scenario edited with plain property writes and simulated with the record's seed, not through the sweep code),
// its CSV text against the files it wrote, its refusals by field, and the package's `essaim/node` export resolved
// by Node itself from the built lib/ (what a script that installs Essaim imports).
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

import { InputError } from '../../sim/errors.ts';
import { readFigure, FIGURES } from '../../sim/report/figures.ts';
import { scenarioFromObject } from '../../sim/scenario/load.ts';
import { simulate } from '../../sim/simulate.ts';
import { isoToTdbS } from '../../sim/time.ts';
import { parseStep } from '../../sim/duration.ts';
import { sweep } from '../../src/node/api.ts';
import { tempDir } from './helpers.ts';

const FROM = '2030-01-01';
const TO = '2032-01-01';
const TRACERS = 60;

interface Base {
  collector: Record<string, unknown>;
  shells: Array<Record<string, unknown>>;
  [field: string]: unknown;
}
let dir: string;
let base: Base;

beforeAll(async () => {
  dir = await tempDir();
  const baseline = JSON.parse(await readFile('assets/scenarios/baseline.json', 'utf8')) as Base;
  const shell: Record<string, unknown> = { ...baseline.shells[0], semiMajorAxisAu: [0.95, 1.05] };
  base = {
    ...baseline,
    name: 'sweep-api-test',
    from: FROM,
    to: TO,
    shells: [shell],
    deployment: [{ shell: shell['name'], start: FROM, end: TO, collectorsPerYear: 3000 }],
  };
  delete base['growth'];
  delete base['earth'];
  delete base['energy'];
  const collector: Record<string, unknown> = { ...base.collector, arealDensityKgM2: 0.01 };
  delete collector['billOfMaterials'];
  base.collector = collector;
  await writeFile(join(dir, 'base.json'), JSON.stringify(base));
});

const document = (values: number[]): Record<string, unknown> => ({
  title: 'api',
  scenario: 'base.json',
  seed: 5,
  run: { from: FROM, to: TO, step: '1y', tracers: TRACERS },
  design: { kind: 'grid' },
  parameters: [{ path: 'collector.conversionEfficiency', grid: { values } }],
  outputs: [{ figure: 'capturedPowerW', at: 'every' }],
});

describe('sweep(spec, options)', () => {
  it('gives, per sample, what a hand-made run of that scenario gives; its CSVs are the files it wrote', async () => {
    const efficiencies = [0.12, 0.27];
    const out = join(dir, 'out');
    const result = await sweep({ document: document(efficiencies), baseDir: dir }, { workers: 2, out });
    expect(result.counts).toMatchObject({ samples: 2, ok: 2, refused: 0, failed: 0, missing: 0 });
    expect(result.records.map((r) => r.index)).toEqual([0, 1]);
    const captured = FIGURES.find((f) => f.key === 'capturedPowerW');
    if (captured === undefined) throw new Error('capturedPowerW left the catalogue');
    for (const [k, record] of result.records.entries()) {
      const scenario = JSON.parse(JSON.stringify(base)) as Base;
      scenario.collector['conversionEfficiency'] = efficiencies[k];
      const run = simulate(scenarioFromObject(scenario, 'hand-made'), {
        fromTdbS: isoToTdbS(FROM),
        toTdbS: isoToTdbS(TO),
        step: parseStep('1y'),
        tracers: TRACERS,
        seed: record.seed,
      });
      expect(record.outputs).toEqual(run.snapshots.map((_, row) => readFigure(captured, run, row)));
      // the swarm captures something by the last row, so the comparison is not of zeros
      expect(record.outputs.at(-1)).toBeGreaterThan(0);
    }
    expect(await readFile(join(out, 'percentiles.csv'), 'utf8')).toBe(result.percentilesCsv);
    expect(await readFile(join(out, 'sensitivity.csv'), 'utf8')).toBe(result.sensitivityCsv);
    // one percentiles row per output row: 2030, 2031 and 2032
    expect(result.percentilesCsv.trim().split('\n')).toHaveLength(1 + 3);
  });

  it('runs a Saltelli (sobol) design: A, B and AB_j blocks, and sensitivity.csv gains the indices', async () => {
    const result = await sweep(
      {
        document: {
          ...document([0.2]),
          design: { kind: 'sobol', samples: 4 },
          parameters: [
            { path: 'collector.conversionEfficiency', distribution: { kind: 'uniform', min: 0.1, max: 0.3 } },
            {
              path: 'collector.degradationPerYear',
              distribution: { kind: 'uniform', min: 0.001, max: 0.05 },
            },
          ],
        },
        baseDir: dir,
      },
      { workers: 2 },
    );
    expect(result.counts).toMatchObject({ samples: 16, ok: 16 });
    const [a, b, ab1, ab2] = result.records.slice(4, 8).map((r) => r.values);
    expect(ab1).toEqual([b?.[0], a?.[1]]);
    expect(ab2).toEqual([a?.[0], b?.[1]]);
    const [header, first] = result.sensitivityCsv.split('\n');
    expect(header).toBe('output,at,parameter,samples,spearman,sobolRows,s1,s1Low,s1High,st,stLow,stHigh');
    // 2030 captures nothing (no index), the last row has all four base rows
    expect(first?.split(',').slice(5, 7)).toEqual(['4', '']);
    const last = result.sensitivityCsv.trim().split('\n').at(-1)?.split(',') ?? [];
    expect(last[5]).toBe('4');
    expect(Number.isFinite(Number(last[6]))).toBe(true);
  });

  it('refuses bad options by name before any sample runs, and writes nothing', async () => {
    const spec = { document: document([0.2]), baseDir: dir };
    const out = join(dir, 'never');
    const refusal = (options: Parameters<typeof sweep>[1]): Promise<unknown> =>
      sweep(spec, { ...options, out }).then(
        () => null,
        (error: unknown) => error,
      );
    for (const [options, field] of [
      [{ samples: 2 }, '--samples'],
      [{ workers: 0 }, '--workers'],
      [{ resume: true }, '--resume'],
      [{ shard: { k: 3, n: 2 } }, '--shard'],
      [{ redis: 'http://127.0.0.1:1' }, '--redis'],
    ] as const) {
      const error = await refusal(options);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe(field);
    }
    const missing = await sweep({
      document: { ...document([0.2]), scenario: 'nowhere.json' },
      baseDir: dir,
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect((missing as InputError).field).toBe('scenario');
    await expect(readFile(join(out, 'sweep.json'))).rejects.toThrow();
  });

  it("is what Node resolves for import('essaim/node') from the built package", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--input-type=module',
      '-e',
      "const m = await import('essaim/node'); console.log([typeof m.sweep, typeof m.mergeShards].join(' '));",
    ]);
    expect(stdout.trim()).toBe('function function');
  });
});
