/**
 * `essaim sweep`: a parameter study on this machine (a worker-thread pool), or one shard of it (`--shard K/N`), or
 * the merge of shards (`--merge DIR...`). Everything is validated before the first sample runs (exit 2 on bad
 * input, nothing written); the outputs are written atomically, sweep.json last.
 */
import { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { InputError } from '../../sim/errors.ts';
import { builtinScenarioNames, builtinScenarioObject } from '../../sim/scenario/load.ts';
import { parseJsonWithLocation } from '../../sim/scenario/parseJson.ts';
import {
  countRecords,
  percentilesCsv,
  sensitivityCsv,
  sortedRecords,
  type StudyCounts,
} from '../../sim/sweep/aggregate.ts';
import type { SampleRecord } from '../../sim/sweep/sample.ts';
import { parseSweep, prepareStudy, type Study } from '../../sim/sweep/study.ts';
import { ensureWritableFolder, writeFilesAtomically, writeStreamAtomically } from '../node/atomicWrite.ts';
import { runSamplesOnRedis } from '../node/sweepCoordinator.ts';
import { runSamplesInPool } from '../node/sweepPool.ts';
import { parseRedisUrl } from '../node/sweepRedis.ts';
import { samplesParquet } from '../node/sweepParquet.ts';
import type { CliIo } from './io.ts';
import { parseIntegerFlag } from './options.ts';
import { ESSAIM_VERSION } from './version.ts';

interface SweepFlags {
  sweep?: string;
  out: string;
  samples?: string;
  workers?: string;
  shard?: string;
  merge?: string[];
  redis?: string;
  resume?: boolean;
}

/** What a shard writes for `--merge` (beside its samples.parquet): the study and its records. */
interface ShardFile {
  readonly format: 'essaim-sweep-shard';
  readonly study: Study;
  readonly samples: number;
  readonly shard: { readonly k: number; readonly n: number };
  readonly records: readonly SampleRecord[];
}

const SHARD_FILE = 'shard.json';

async function readText(path: string, flag: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(
      `cannot read ${what} ${JSON.stringify(path)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      flag,
    );
  }
}

/** The base scenario document: a built-in name, or a file path relative to the sweep file's folder. */
async function baseScenarioOf(name: string, sweepPath: string): Promise<{ name: string; document: unknown }> {
  const path = resolve(dirname(sweepPath), name);
  const isFile = await stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
  if (isFile) {
    const text = await readText(path, 'scenario', 'scenario file');
    return { name, document: parseJsonWithLocation(text, path) };
  }
  if (builtinScenarioNames().includes(name)) return { name, document: builtinScenarioObject(name) };
  throw new InputError(
    `must be a scenario file (relative to the sweep file) or one of the built-in scenarios ` +
      `(${builtinScenarioNames().join(', ')}), got ${JSON.stringify(name)}`,
    'scenario',
  );
}

async function loadStudy(sweepPath: string): Promise<Study> {
  const text = await readText(sweepPath, '--sweep', 'sweep file');
  const file = parseSweep(parseJsonWithLocation(text, sweepPath), sweepPath);
  const base = await baseScenarioOf(file.scenario, sweepPath);
  return prepareStudy(file, base.name, base.document);
}

function parseShard(value: string): { k: number; n: number } {
  const match = /^([0-9]+)\/([0-9]+)$/.exec(value);
  const k = Number(match?.[1]);
  const n = Number(match?.[2]);
  if (match === null || !(n >= 1 && n <= 100_000 && k >= 1 && k <= n)) {
    throw new InputError(`must be K/N with 1 <= K <= N <= 100000, got ${JSON.stringify(value)}`, '--shard');
  }
  return { k, n };
}

/** sweep.json: the study, the base scenario, the design, the versions and the counts. */
function sweepJson(study: Study, counts: StudyCounts, shard?: { k: number; n: number }): string {
  return `${JSON.stringify(
    {
      study: study.file,
      baseScenario: study.baseName,
      design: { kind: study.file.design.kind, size: study.designSize, samples: counts.samples },
      ...(shard === undefined ? {} : { shard }),
      versions: { essaim: ESSAIM_VERSION, node: process.versions.node },
      counts: { ...counts, run: counts.ok },
      complete: counts.missing === 0,
    },
    null,
    2,
  )}\n`;
}

/** Write every output of the study into `out`: samples.parquet, then the CSVs (not for a shard), sweep.json last. */
async function writeOutputs(
  out: string,
  study: Study,
  records: readonly SampleRecord[],
  samples: number,
  shard?: ShardFile,
): Promise<StudyCounts> {
  const sorted = sortedRecords(records);
  const counts = countRecords(sorted, samples);
  const parquet = samplesParquet(study, sorted, ESSAIM_VERSION);
  await writeStreamAtomically(join(out, 'samples.parquet'), async (handle) => {
    await handle.write(parquet);
  });
  await writeFilesAtomically(
    shard === undefined
      ? [
          { path: join(out, 'percentiles.csv'), contents: percentilesCsv(study, sorted) },
          { path: join(out, 'sensitivity.csv'), contents: sensitivityCsv(study, sorted) },
        ]
      : [{ path: join(out, SHARD_FILE), contents: `${JSON.stringify({ ...shard, records: sorted })}\n` }],
  );
  await writeFilesAtomically([
    { path: join(out, 'sweep.json'), contents: sweepJson(study, counts, shard?.shard) },
  ]);
  return counts;
}

async function readShard(dir: string): Promise<ShardFile> {
  const path = join(dir, SHARD_FILE);
  const text = await readText(path, '--merge', 'shard results');
  const shard = parseJsonWithLocation(text, path) as Partial<ShardFile>;
  if (shard.format !== 'essaim-sweep-shard' || shard.study === undefined || !Array.isArray(shard.records)) {
    throw new InputError(`${path} is not the shard.json of an essaim sweep --shard run`, '--merge');
  }
  return shard as ShardFile;
}

async function merge(dirs: readonly string[], out: string, io: CliIo): Promise<void> {
  const shards = await Promise.all(dirs.map(readShard));
  const [first] = shards;
  if (first === undefined) throw new InputError('names no folder', '--merge');
  const key = JSON.stringify([first.study, first.samples, first.shard.n]);
  const seen = new Set<number>();
  shards.forEach((shard, k) => {
    if (JSON.stringify([shard.study, shard.samples, shard.shard.n]) !== key) {
      throw new InputError(
        `${dirs[k]} holds a shard of another study (or another --samples or shard count) than ${dirs[0]}`,
        '--merge',
      );
    }
    if (seen.has(shard.shard.k))
      throw new InputError(`shard ${shard.shard.k}/${shard.shard.n} given twice`, '--merge');
    seen.add(shard.shard.k);
  });
  await ensureWritableFolder(out, '--out');
  const counts = await writeOutputs(
    out,
    first.study,
    shards.flatMap((s) => s.records),
    first.samples,
  );
  report(io, counts, out);
}

function report(io: CliIo, counts: StudyCounts, out: string): void {
  io.stdout(
    `essaim sweep: ${counts.samples} samples: ${counts.ok} ran, ${counts.refused} refused, ${counts.failed} failed` +
      `${counts.missing > 0 ? `, ${counts.missing} missing (the study is incomplete)` : ''} -> ${out}\n`,
  );
}

async function sweepAction(flags: SweepFlags, io: CliIo): Promise<void> {
  if (flags.merge !== undefined) {
    if (
      flags.sweep !== undefined ||
      flags.shard !== undefined ||
      flags.samples !== undefined ||
      flags.redis !== undefined ||
      flags.resume === true
    ) {
      throw new InputError('takes only --out (the study comes from the shards)', '--merge');
    }
    await merge(flags.merge, flags.out, io);
    return;
  }
  if (flags.sweep === undefined) throw new InputError('is required (or --merge DIR...)', '--sweep');
  const redis = flags.redis === undefined ? undefined : parseRedisUrl(flags.redis);
  if (flags.resume === true && redis === undefined) {
    throw new InputError('continues a study on Redis: it needs --redis URL', '--resume');
  }
  if (redis !== undefined && (flags.shard !== undefined || flags.workers !== undefined)) {
    throw new InputError(
      'takes neither --shard nor --workers (the workers are essaim worker processes)',
      '--redis',
    );
  }
  const study = await loadStudy(flags.sweep);
  const samples =
    flags.samples === undefined
      ? study.designSize
      : parseIntegerFlag('--samples', flags.samples, 1, study.designSize);
  const workers =
    flags.workers === undefined
      ? availableParallelism()
      : parseIntegerFlag('--workers', flags.workers, 1, 1024);
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  await ensureWritableFolder(flags.out, '--out');

  const indices = Array.from({ length: samples }, (_, i) => i).filter(
    (i) => shard === undefined || i % shard.n === shard.k - 1,
  );
  const bar = io.interactive
    ? new SingleBar({
        format: 'sampling [{bar}] {value}/{total} samples, ETA {eta_formatted}',
        hideCursor: true,
      })
    : undefined;
  bar?.start(indices.length, 0);
  if (redis !== undefined) {
    try {
      const counts = await runSamplesOnRedis(
        study,
        indices,
        {
          url: redis,
          resume: flags.resume === true,
          onQueued: (hash, done) =>
            io.stderr(
              `essaim sweep: study ${hash}: ${indices.length - done} samples queued on ${redis}` +
                `${done > 0 ? ` (${done} already done)` : ''}; waiting for essaim worker --redis ${redis}\n`,
            ),
          onRecord: () => bar?.increment(),
        },
        (records) => writeOutputs(flags.out, study, records, samples),
      );
      bar?.stop();
      report(io, counts, flags.out);
    } finally {
      bar?.stop();
    }
    return;
  }
  let records: SampleRecord[];
  try {
    records = await runSamplesInPool(study, indices, Math.min(workers, Math.max(1, indices.length)), () =>
      bar?.increment(),
    );
  } finally {
    bar?.stop();
  }
  const shardFile: ShardFile | undefined =
    shard === undefined ? undefined : { format: 'essaim-sweep-shard', study, samples, shard, records: [] };
  const counts = await writeOutputs(
    flags.out,
    study,
    records,
    shard === undefined ? samples : indices.length,
    shardFile,
  );
  report(io, counts, flags.out);
}

export function createSweepCommand(io: CliIo): Command {
  return new Command('sweep')
    .description(
      'a parameter study: run the samples of a sweep file (grid or Latin hypercube) in a worker-thread pool; ' +
        'write samples.parquet, percentiles.csv, sensitivity.csv and sweep.json',
    )
    .option('--sweep <file>', 'the sweep file (JSON; see assets/sweeps/)')
    .requiredOption('--out <dir>', 'output folder')
    .option('--samples <n>', 'run only the first N samples of the design (default: all)')
    .option('--workers <n>', 'worker threads (default: the available cores)')
    .option('--shard <k/n>', 'run every N-th sample, from the K-th; write partial results for --merge')
    .option('--merge <dir...>', 'gather the results of the shards in these folders into --out')
    .option(
      '--redis <url>',
      'run the samples as jobs of a Redis queue (redis://HOST:PORT), for essaim worker processes',
    )
    .option('--resume', 'with --redis: continue a study whose coordinator was stopped')
    .action((flags: SweepFlags) => sweepAction(flags, io));
}
