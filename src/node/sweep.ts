/**
 * The typed API of parameter studies: `sweep(spec, options)` does what `essaim sweep` does, for scripts. The CLI is
 * a thin layer over it (src/cli/sweep.ts), so both validate, run and write the same way:
 * - the study is prepared and validated before any sample runs (InputError naming the field: the CLI exits 2);
 * - samples run in a tinypool worker-thread pool on this machine (sweepPool.ts), or, with `redis`, as BullMQ jobs
 *   for `essaim worker` processes on any machines (sweepCoordinator.ts);
 * - with `out`, the outputs are written atomically, sweep.json last (samples.parquet, percentiles.csv,
 *   sensitivity.csv; a shard writes shard.json for `--merge` instead of the CSVs).
 * The records are returned sorted by sample index, with the two CSVs as text: byte-identical whichever path ran
 * the samples.
 */
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
import { ensureWritableFolder, writeFilesAtomically, writeStreamAtomically } from './atomicWrite.ts';
import { runSamplesOnRedis } from './sweepCoordinator.ts';
import { samplesParquet } from './sweepParquet.ts';
import { runSamplesInPool } from './sweepPool.ts';
import { parseRedisUrl } from './sweepRedis.ts';
import { ESSAIM_VERSION } from './version.ts';

/** One shard of a study: every n-th sample, from the k-th (1 <= k <= n). */
export interface Shard {
  readonly k: number;
  readonly n: number;
}

/** What a shard writes for `--merge` (beside its samples.parquet): the study and its records. */
export interface ShardFile {
  readonly format: 'essaim-sweep-shard';
  readonly study: Study;
  readonly samples: number;
  readonly shard: Shard;
  readonly records: readonly SampleRecord[];
}

export const SHARD_FILE = 'shard.json';

/**
 * A study to run: a sweep file's path; or a parsed sweep document, whose `scenario` (a built-in name or a file)
 * is resolved relative to `baseDir` (default: the current folder); or a Study already prepared.
 */
export type SweepSpec = string | { readonly document: unknown; readonly baseDir?: string } | Study;

export interface SweepOptions {
  /** Run only the first N samples of the design (default: all). */
  readonly samples?: number;
  /** Worker threads of the embedded pool (default: the available cores). Not with `redis`. */
  readonly workers?: number;
  /** Run one shard only. Not with `redis`. */
  readonly shard?: Shard;
  /** Run the samples as jobs of the BullMQ queue on this Redis (redis://HOST:PORT), for `essaim worker`s. */
  readonly redis?: string;
  /** With `redis`: continue a study whose coordinator was stopped. */
  readonly resume?: boolean;
  /** Write the outputs into this folder (created if missing; refused if it is a file). */
  readonly out?: string;
  /** Sees each record as it finishes (in completion order). */
  readonly onRecord?: (record: SampleRecord) => void;
  /** With `redis`: told once the jobs are queued (the study's hash, how many were already done). */
  readonly onQueued?: (hash: string, alreadyDone: number) => void;
  /** Told the number of samples to run, before the first one starts (for a progress bar). */
  readonly onStart?: (total: number) => void;
}

export interface SweepResult {
  readonly study: Study;
  /** Samples in the study as run (the first `samples` of the design; a shard's own count for a shard). */
  readonly samples: number;
  /** Every record, sorted by sample index. */
  readonly records: readonly SampleRecord[];
  readonly counts: StudyCounts;
  /** percentiles.csv and sensitivity.csv as text (empty for a shard, whose CSVs come from the merge). */
  readonly percentilesCsv: string;
  readonly sensitivityCsv: string;
}

async function readText(path: string, field: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(
      `cannot read ${what} ${JSON.stringify(path)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      field,
    );
  }
}

/** The base scenario document: a built-in name, or a file path relative to `baseDir`. */
async function baseScenarioOf(name: string, baseDir: string): Promise<unknown> {
  const path = resolve(baseDir, name);
  const isFile = await stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
  if (isFile) return parseJsonWithLocation(await readText(path, 'scenario', 'scenario file'), path);
  if (builtinScenarioNames().includes(name)) return builtinScenarioObject(name);
  throw new InputError(
    `must be a scenario file (relative to the sweep file) or one of the built-in scenarios ` +
      `(${builtinScenarioNames().join(', ')}), got ${JSON.stringify(name)}`,
    'scenario',
  );
}

/** Prepare (and validate) the study of a sweep document; `source` names it in messages. */
async function studyOfDocument(document: unknown, baseDir: string, source: string): Promise<Study> {
  const file = parseSweep(document, source);
  return prepareStudy(file, file.scenario, await baseScenarioOf(file.scenario, baseDir), source);
}

function isStudy(spec: SweepSpec): spec is Study {
  return typeof spec === 'object' && 'designSize' in spec && 'outputs' in spec && 'file' in spec;
}

/** The study a spec names, validated; `field` names a spec given as a path in messages (the CLI's --sweep). */
export async function loadStudy(spec: SweepSpec, field = 'sweep'): Promise<Study> {
  if (typeof spec === 'string') {
    const text = await readText(spec, field, 'sweep file');
    return studyOfDocument(parseJsonWithLocation(text, spec), dirname(spec), spec);
  }
  if (isStudy(spec)) return spec;
  return studyOfDocument(spec.document, spec.baseDir ?? process.cwd(), 'sweep');
}

/** sweep.json: the study, the base scenario, the design, the versions and the counts. */
function sweepJson(study: Study, counts: StudyCounts, shard?: Shard): string {
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

/** The study's figures from its records (sorted by index), without writing anything. */
export function studyResult(study: Study, records: readonly SampleRecord[], samples: number): SweepResult {
  const sorted = sortedRecords(records);
  return {
    study,
    samples,
    records: sorted,
    counts: countRecords(sorted, samples),
    percentilesCsv: percentilesCsv(study, sorted),
    sensitivityCsv: sensitivityCsv(study, sorted),
  };
}

/**
 * Write a study's outputs into `out`: samples.parquet, then the CSVs (or, for a shard, shard.json), sweep.json
 * last; each file atomically.
 */
export async function writeStudyOutputs(
  out: string,
  result: SweepResult,
  shard?: { readonly shard: Shard; readonly studySamples: number },
): Promise<void> {
  const parquet = samplesParquet(result.study, result.records, ESSAIM_VERSION);
  await writeStreamAtomically(join(out, 'samples.parquet'), async (handle) => {
    await handle.write(parquet);
  });
  const shardFile: ShardFile | undefined =
    shard === undefined
      ? undefined
      : {
          format: 'essaim-sweep-shard',
          study: result.study,
          samples: shard.studySamples,
          shard: shard.shard,
          records: result.records,
        };
  await writeFilesAtomically(
    shardFile === undefined
      ? [
          { path: join(out, 'percentiles.csv'), contents: result.percentilesCsv },
          { path: join(out, 'sensitivity.csv'), contents: result.sensitivityCsv },
        ]
      : [{ path: join(out, SHARD_FILE), contents: `${JSON.stringify(shardFile)}\n` }],
  );
  await writeFilesAtomically([
    { path: join(out, 'sweep.json'), contents: sweepJson(result.study, result.counts, shard?.shard) },
  ]);
}

function checkCount(value: number, field: string, low: number, high: number): number {
  if (!Number.isInteger(value) || value < low || value > high) {
    throw new InputError(`must be an integer from ${low} to ${high}, got ${String(value)}`, field);
  }
  return value;
}

/**
 * Run a parameter study. Everything is validated before the first sample runs; bad input throws InputError
 * naming the option or the sweep field (the CLI's exit 2), and nothing is written.
 */
export async function sweep(spec: SweepSpec, options: SweepOptions = {}): Promise<SweepResult> {
  const redis = options.redis === undefined ? undefined : parseRedisUrl(options.redis);
  if (options.resume === true && redis === undefined) {
    throw new InputError('continues a study on Redis: it needs --redis URL', '--resume');
  }
  if (redis !== undefined && (options.shard !== undefined || options.workers !== undefined)) {
    throw new InputError(
      'takes neither --shard nor --workers (the workers are essaim worker processes)',
      '--redis',
    );
  }
  const study = await loadStudy(spec, '--sweep');
  const samples =
    options.samples === undefined
      ? study.designSize
      : checkCount(options.samples, '--samples', 1, study.designSize);
  const workers =
    options.workers === undefined
      ? availableParallelism()
      : checkCount(options.workers, '--workers', 1, 1024);
  const { shard } = options;
  if (shard !== undefined && !(shard.n >= 1 && shard.n <= 100_000 && shard.k >= 1 && shard.k <= shard.n)) {
    throw new InputError(`must be K/N with 1 <= K <= N <= 100000, got ${shard.k}/${shard.n}`, '--shard');
  }
  if (options.out !== undefined) await ensureWritableFolder(options.out, '--out');

  const indices = Array.from({ length: samples }, (_, i) => i).filter(
    (i) => shard === undefined || i % shard.n === shard.k - 1,
  );
  options.onStart?.(indices.length);
  const onRecord = options.onRecord ?? (() => {});
  if (redis !== undefined) {
    return runSamplesOnRedis(
      study,
      indices,
      {
        url: redis,
        resume: options.resume === true,
        onRecord,
        ...(options.onQueued === undefined ? {} : { onQueued: options.onQueued }),
      },
      async (records) => {
        const result = studyResult(study, records, samples);
        // Written before the coordinator removes the study from Redis: a failed write leaves it for --resume.
        if (options.out !== undefined) await writeStudyOutputs(options.out, result);
        return result;
      },
    );
  }
  const records = await runSamplesInPool(
    study,
    indices,
    Math.min(workers, Math.max(1, indices.length)),
    onRecord,
  );
  const result =
    shard === undefined
      ? studyResult(study, records, samples)
      : { ...studyResult(study, records, indices.length), percentilesCsv: '', sensitivityCsv: '' };
  if (options.out !== undefined) {
    await writeStudyOutputs(
      options.out,
      result,
      shard === undefined ? undefined : { shard, studySamples: samples },
    );
  }
  return result;
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

/** Gather the shards written in `dirs` into one study's outputs (written into `out` when given). */
export async function mergeShards(dirs: readonly string[], out?: string): Promise<SweepResult> {
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
  if (out !== undefined) await ensureWritableFolder(out, '--out');
  const result = studyResult(
    first.study,
    shards.flatMap((s) => s.records),
    first.samples,
  );
  if (out !== undefined) await writeStudyOutputs(out, result);
  return result;
}
