/**
 * What the coordinator (`essaim sweep --redis`) and the workers (`essaim worker`) of a distributed study share: the
 * BullMQ queue, the Redis keys, the job ids, the lock settings and a connection that fails fast.
 *
 * One queue serves every study. A job is one sample, `{ studyHash, index }`; the study itself is stored once, under
 * STUDY_KEY(hash), not in every job. Its id is `<hash>-<index>`, so adding it again is a no-op (BullMQ keeps one job
 * per id) and its result, the job's return value, exists once.
 */
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';

import { InputError } from '../../sim/errors.ts';
import type { Study } from '../../sim/sweep/study.ts';

export const QUEUE_NAME = 'essaim-sweep';

/** The Redis key holding a study's JSON. */
export const studyKey = (hash: string): string => `essaim:sweep:study:${hash}`;

/** A sample's job id: the study's hash and the sample index (BullMQ refuses ':' in custom ids). */
export const sampleJobId = (hash: string, index: number): string => `${hash}-${index}`;

export interface SampleJob {
  readonly studyHash: string;
  readonly index: number;
}

/**
 * Lock settings of the workers. A worker holds a lock on its job for LOCK_DURATION_MS, renewed every half of it
 * by its event loop (free, since samples run on worker threads); if the worker dies, the lock lapses and the
 * stalled-job check (every STALLED_INTERVAL_MS, in every live worker) puts the job back in the queue: a killed
 * worker's sample is retried elsewhere within LOCK_DURATION_MS + STALLED_INTERVAL_MS (15 s). A job may stall
 * MAX_STALLED_COUNT times before it fails (two machines lost on one sample is rarer than one slow event loop).
 */
export const LOCK_DURATION_MS = 10_000;
export const STALLED_INTERVAL_MS = 5_000;
export const MAX_STALLED_COUNT = 2;
/** A sample whose processor throws (not a refused or failed run: those are records) is tried this many times. */
export const JOB_ATTEMPTS = 3;

/** How long a first connection may take before the Redis server counts as unreachable. */
const CONNECT_TIMEOUT_MS = 3_000;

/** The study's hash: sha256 of its JSON (a Study is plain data), 16 hex digits. */
export function studyHash(study: Study): string {
  return createHash('sha256').update(JSON.stringify(study)).digest('hex').slice(0, 16);
}

/** Validate a `--redis` URL (redis:// or rediss://, with a host). */
export function parseRedisUrl(value: string, flag = '--redis'): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(`must be a redis://HOST:PORT URL, got ${JSON.stringify(value)}`, flag);
  }
  if ((url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') {
    throw new InputError(
      `must be a redis://HOST:PORT (or rediss://) URL, got ${JSON.stringify(value)}`,
      flag,
    );
  }
  return value;
}

/**
 * A connection for BullMQ (maxRetriesPerRequest null, as its workers require), opened and checked with PING
 * before any work. A server that cannot be reached within CONNECT_TIMEOUT_MS is an InputError naming the flag
 * (exit 2, like an unreadable --sweep file: what was given cannot be used, and nothing has been written).
 * After that first contact ioredis reconnects on its own.
 */
export async function connectRedis(url: string, flag = '--redis'): Promise<Redis> {
  let firstContact = true;
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: null,
    connectTimeout: CONNECT_TIMEOUT_MS,
    // Before the first contact, give up at once (the caller reports it); then retry with a capped back-off.
    retryStrategy: (times) => (firstContact ? null : Math.min(times * 200, 2_000)),
  });
  let lastError: unknown;
  redis.on('error', (error: unknown) => {
    lastError = error;
  });
  try {
    await redis.connect();
    await redis.ping();
    firstContact = false;
    return redis;
  } catch (error) {
    redis.disconnect();
    const why = (lastError ?? error) as NodeJS.ErrnoException;
    throw new InputError(
      `cannot reach the Redis server at ${url}: ${why.code ?? why.message ?? String(why)}`,
      flag,
    );
  }
}
