/**
 * Parameter studies (issue 14): samples per second of a short baseline study, embedded and through Redis.
 *
 * The study: assets/sweeps/baseline-uncertainty.json, its first SAMPLES samples (each one `essaim run` of the
 * baseline with 1,000 tracers, 2030-2050, yearly rows).
 * Baseline (ratio 1): the same samples one after another in this process (runSample in a loop).
 * Entries, in samples per second, each a whole study (pool or queue set-up included, worker start-up not):
 * - `sweep-embedded-1-thread`, `sweep-embedded-N-threads`: the tinypool pool of `essaim sweep`;
 * - `sweep-redis-1-worker`, `sweep-redis-2-workers`: `essaim sweep --redis` with one and two `essaim worker`s (in
 *   this process, one thread each) on a redis-server started here on 127.0.0.1 (skipped, with a note, when
 *   /usr/bin/redis-server is not installed). The queue's overhead per sample is noted: the time per sample of a
 *   near-free study (10 tracers, one year) through Redis with one worker, less that of the same samples in a loop.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

import { builtinScenarioObject } from '../sim/scenario/load.ts';
import { runSample } from '../sim/sweep/sample.ts';
import { parseSweep, prepareStudy, type Study } from '../sim/sweep/study.ts';
import { runSamplesOnRedis } from '../src/node/sweepCoordinator.ts';
import { runSamplesInPool } from '../src/node/sweepPool.ts';
import { startSweepWorker } from '../src/node/sweepQueueWorker.ts';
import { bestRate, quick } from './measure.ts';
import type { BenchEntry } from './types.ts';

const REDIS_SERVER = '/usr/bin/redis-server';
/** Samples of the near-free study that measures the queue's own cost per sample. */
const TINY_SAMPLES = 40;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** A redis-server on 127.0.0.1 that saves nothing; resolves once it accepts connections. */
async function startRedis(dir: string): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(
    REDIS_SERVER,
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('Ready to accept connections')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${text}`)));
  });
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

async function redisRate(
  study: Study,
  indices: readonly number[],
  url: string,
  workers: number,
): Promise<number> {
  const started = await Promise.all(
    Array.from({ length: workers }, () => startSweepWorker(url, 1, () => {})),
  );
  try {
    return await bestRate(
      indices.length,
      () => runSamplesOnRedis(study, indices, { url, resume: false }, async (records) => records.length),
      { repetitions: 2, warmups: 0 },
    );
  } finally {
    await Promise.all(started.map((worker) => worker.close()));
  }
}

export default async function sweepBench(): Promise<BenchEntry[]> {
  const samples = quick() ? 4 : 8;
  const file = parseSweep(
    JSON.parse(await readFile('assets/sweeps/baseline-uncertainty.json', 'utf8')),
    'baseline-uncertainty',
  );
  const study = prepareStudy(file, 'baseline', builtinScenarioObject('baseline'));
  const indices = Array.from({ length: samples }, (_, i) => i);
  const environment = `node ${process.version}`;
  const threads = availableParallelism();
  const repetitions = { repetitions: 2, warmups: 0 };

  const sequential = await bestRate(samples, () => indices.forEach((i) => runSample(study, i)), {
    repetitions: 1,
    warmups: 1,
  });
  const pooled = (n: number): Promise<number> =>
    bestRate(samples, () => runSamplesInPool(study, indices, n, () => {}), repetitions);
  const oneThread = await pooled(1);
  const allThreads = await pooled(threads);
  const entry = (name: string, backend: string, n: number, rate: number, note: string): BenchEntry => ({
    name,
    backend,
    tracers: study.run.tracers ?? 0,
    threads: n,
    positionsPerS: rate,
    ratioToBaseline: rate / sequential,
    software: false,
    baseline: 'sweep-sequential',
    environment,
    note,
  });
  const entries: BenchEntry[] = [
    {
      ...entry('sweep-sequential', 'runSample in a loop, this process', 1, sequential, ''),
      note: `samples per second, ${samples} samples of baseline-uncertainty one after another`,
    },
    entry('sweep-embedded-1-thread', 'tinypool', 1, oneThread, 'samples per second, pool start-up included'),
    entry('sweep-embedded-all-threads', 'tinypool', threads, allThreads, 'samples per second, all cores'),
  ];
  if (!existsSync(REDIS_SERVER)) {
    entries.push({
      ...entry('sweep-redis-skipped', 'bullmq on redis', 0, 0, ''),
      ratioToBaseline: 0,
      note: `${REDIS_SERVER} is not installed (apt-get install redis-server): the Redis figures were not measured`,
    });
    return entries;
  }
  const dir = await mkdtemp(join(tmpdir(), 'essaim-bench-redis-'));
  const redis = await startRedis(dir);
  try {
    const oneWorker = await redisRate(study, indices, redis.url, 1);
    const twoWorkers = await redisRate(study, indices, redis.url, 2);
    // The queue's own cost, where the sample costs next to nothing: a 1-year run of 10 tracers.
    const tiny = prepareStudy(
      {
        ...file,
        run: { ...file.run, from: '2030-01-01', to: '2031-01-01', tracers: 10 },
        outputs: [{ figure: 'capturedPowerW', at: 'last' }],
      },
      'baseline',
      builtinScenarioObject('baseline'),
    );
    const tinyIndices = Array.from({ length: TINY_SAMPLES }, (_, i) => i);
    const tinySequential = await bestRate(TINY_SAMPLES, () => tinyIndices.forEach((i) => runSample(tiny, i)));
    const tinyQueued = await redisRate(tiny, tinyIndices, redis.url, 1);
    const overheadMs = 1000 / tinyQueued - 1000 / tinySequential;
    entries.push(
      entry(
        'sweep-redis-1-worker',
        'bullmq on redis-server (127.0.0.1)',
        1,
        oneWorker,
        `samples per second; the queue costs ${overheadMs.toFixed(1)} ms per sample (${TINY_SAMPLES} samples of ` +
          `a 10-tracer, 1-year run: ${tinyQueued.toFixed(1)}/s through Redis, ${tinySequential.toFixed(1)}/s in a loop)`,
      ),
      entry(
        'sweep-redis-2-workers',
        'bullmq on redis-server (127.0.0.1)',
        2,
        twoWorkers,
        'samples per second',
      ),
    );
  } finally {
    redis.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return entries;
}
