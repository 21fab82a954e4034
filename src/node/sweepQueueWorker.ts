/**
 * `essaim worker`: a BullMQ Worker taking the sample jobs of any study from the queue (sweepRedis.ts) and running
 * each with runSample on a tinypool thread (the embedded pool's worker file). Samples run off the main thread so
 * that its event loop keeps renewing the jobs' locks; runSample is deterministic, so a result does not depend on
 * which worker, or which attempt, produced it.
 */
import { Worker } from 'bullmq';
import Tinypool from 'tinypool';

import type { SampleRecord } from '../../sim/sweep/sample.ts';
import type { Study } from '../../sim/sweep/study.ts';
import { workerFilename } from './sweepPool.ts';
import {
  connectRedis,
  LOCK_DURATION_MS,
  MAX_STALLED_COUNT,
  QUEUE_NAME,
  STALLED_INTERVAL_MS,
  studyKey,
  type SampleJob,
} from './sweepRedis.ts';
import type { SweepTask } from './sweepWorker.ts';

/** Studies kept in memory (fetched from Redis once each); the oldest is dropped beyond this. */
const STUDY_CACHE = 8;

export interface SweepWorkerHandle {
  /** Stop taking jobs, let the running ones finish, and release the threads and the connection. */
  close(): Promise<void>;
}

export async function startSweepWorker(
  url: string,
  concurrency: number,
  log: (line: string) => void,
): Promise<SweepWorkerHandle> {
  const connection = await connectRedis(url);
  const pool = new Tinypool({ filename: workerFilename(), minThreads: concurrency, maxThreads: concurrency });
  const studies = new Map<string, Study>();
  const studyOf = async (hash: string): Promise<Study> => {
    const cached = studies.get(hash);
    if (cached !== undefined) return cached;
    const text = await connection.get(studyKey(hash));
    if (text === null) throw new Error(`study ${hash} is not in Redis (it finished, or was removed)`);
    const study = JSON.parse(text) as Study;
    studies.set(hash, study);
    const oldest = studies.keys().next().value;
    if (studies.size > STUDY_CACHE && oldest !== undefined) studies.delete(oldest);
    return study;
  };

  const worker = new Worker<SampleJob, SampleRecord>(
    QUEUE_NAME,
    async (job) => {
      const study = await studyOf(job.data.studyHash);
      log(`essaim worker: sample ${job.id} started\n`);
      const task: SweepTask = { study, index: job.data.index };
      return (await pool.run(task)) as SampleRecord;
    },
    {
      connection,
      concurrency,
      lockDuration: LOCK_DURATION_MS,
      stalledInterval: STALLED_INTERVAL_MS,
      maxStalledCount: MAX_STALLED_COUNT,
    },
  );
  worker.on('completed', (job) => log(`essaim worker: sample ${job.id} done\n`));
  worker.on('failed', (job, error) => log(`essaim worker: sample ${job?.id} failed: ${error.message}\n`));
  worker.on('error', (error) => log(`essaim worker: ${error.message}\n`));
  await worker.waitUntilReady();
  log(`essaim worker: taking samples from ${url} on ${concurrency} thread(s)\n`);

  return {
    async close() {
      await worker.close();
      await pool.destroy();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
