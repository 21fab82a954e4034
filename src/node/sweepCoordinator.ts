/**
 * The coordinator of `essaim sweep --redis`: it stores the study once in Redis, adds one BullMQ job per sample
 * (ids from the study's hash and the index: a job is never added twice, see sweepRedis.ts), collects each job's
 * result as it finishes by polling the jobs still missing, hands the records to `persist` (the outputs), and only
 * then removes the study's jobs from Redis. A coordinator stopped before that leaves everything in Redis for
 * `--resume`: the results already there are collected, the jobs not yet added are added.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { Queue } from 'bullmq';

import { InputError } from '../../sim/errors.ts';
import { sampleSeed } from '../../sim/sweep/design.ts';
import { sampleValues, type SampleRecord } from '../../sim/sweep/sample.ts';
import type { Study } from '../../sim/sweep/study.ts';
import {
  connectRedis,
  JOB_ATTEMPTS,
  QUEUE_NAME,
  sampleJobId,
  studyHash,
  studyKey,
  type SampleJob,
} from './sweepRedis.ts';

/** How often the jobs still missing are looked up: results arrive within this of finishing. */
const POLL_MS = 250;
/** Every this many polls the missing jobs are looked up even if no job finished (5 s). */
const FULL_SCAN_POLLS = 20;
/** Jobs added, or looked up, per round trip batch. */
const BATCH = 500;

export interface RedisSweepOptions {
  readonly url: string;
  readonly resume: boolean;
  /** Told once the jobs are in the queue (how many were already done). */
  readonly onQueued?: (hash: string, alreadyDone: number) => void;
  readonly onRecord?: (record: SampleRecord) => void;
}

/** The record of a sample whose job failed every attempt (the processor threw; a failed run is a record). */
function failedRecord(study: Study, index: number, reason: string): SampleRecord {
  return {
    index,
    seed: sampleSeed(study.file.seed, index),
    status: 'failed',
    reason: `the job failed on every worker attempt: ${reason}`,
    values: sampleValues(study, index),
    outputs: study.outputs.map(() => null),
  };
}

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let k = 0; k < items.length; k += BATCH) out.push(items.slice(k, k + BATCH));
  return out;
}

/**
 * Run samples `indices` of `study` through the queue at `options.url`; `persist` receives every record (in
 * completion order) and must write the outputs; the study is removed from Redis after it resolves.
 */
export async function runSamplesOnRedis<T>(
  study: Study,
  indices: readonly number[],
  options: RedisSweepOptions,
  persist: (records: SampleRecord[]) => Promise<T>,
): Promise<T> {
  const connection = await connectRedis(options.url);
  const queue = new Queue<SampleJob, SampleRecord>(QUEUE_NAME, { connection });
  const hash = studyHash(study);
  try {
    const created = await connection.set(studyKey(hash), JSON.stringify(study), 'NX');
    if (created === null && !options.resume) {
      throw new InputError(
        `this study (hash ${hash}) is already in the Redis at ${options.url} (a coordinator is running it, ` +
          `or one was stopped): pass --resume to continue it`,
        '--resume',
      );
    }
    if (created !== null && options.resume) {
      await connection.del(studyKey(hash));
      throw new InputError(
        `the Redis at ${options.url} holds no unfinished run of this study (hash ${hash})`,
        '--resume',
      );
    }

    const records = new Map<number, SampleRecord>();
    // The jobs still missing are looked up when the queue's count of finished jobs (any study's) moved, and
    // every FULL_SCAN_POLLS polls anyway (another study's jobs removed as one of ours finished leave it still).
    let finishedBefore = -1;
    let polls = 0;
    const collect = async (): Promise<void> => {
      const counts = await queue.getJobCounts('completed', 'failed');
      const finished = (counts['completed'] ?? 0) + (counts['failed'] ?? 0);
      polls += 1;
      if (finished === finishedBefore && polls % FULL_SCAN_POLLS !== 0) return;
      finishedBefore = finished;
      const missing = indices.filter((i) => !records.has(i));
      for (const batch of batches(missing)) {
        await Promise.all(
          batch.map(async (index) => {
            const job = await queue.getJob(sampleJobId(hash, index));
            if (job?.finishedOn === undefined || records.has(index)) return;
            const state = await job.getState();
            let record: SampleRecord | undefined;
            if (state === 'completed') record = job.returnvalue;
            else if (state === 'failed') record = failedRecord(study, index, job.failedReason);
            if (record === undefined || records.has(index)) return;
            records.set(index, record);
            options.onRecord?.(record);
          }),
        );
      }
    };

    // What a stopped coordinator left finished is collected first, so --resume counts it without re-adding it.
    if (options.resume) await collect();
    const alreadyDone = records.size;
    for (const batch of batches(indices.filter((i) => !records.has(i)))) {
      // A job whose id exists (queued, running or finished) is left as it is by BullMQ.
      await queue.addBulk(
        batch.map((index) => ({
          name: 'sample',
          data: { studyHash: hash, index },
          opts: {
            jobId: sampleJobId(hash, index),
            attempts: JOB_ATTEMPTS,
            removeOnComplete: false,
            removeOnFail: false,
          },
        })),
      );
    }
    options.onQueued?.(hash, alreadyDone);
    for (;;) {
      await collect();
      if (records.size === indices.length) break;
      await delay(POLL_MS);
    }

    const result = await persist([...records.values()]);
    for (const batch of batches(indices)) {
      await Promise.all(batch.map((index) => queue.remove(sampleJobId(hash, index))));
    }
    await connection.del(studyKey(hash));
    return result;
  } finally {
    await queue.close();
    await connection.quit().catch(() => connection.disconnect());
  }
}
