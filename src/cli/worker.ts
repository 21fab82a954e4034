/**
 * `essaim worker --redis URL`: take the samples of any `essaim sweep --redis` study from that Redis until stopped
 * (SIGINT or SIGTERM: the running samples finish first; a worker killed outright loses nothing, its jobs are
 * retried elsewhere, see src/node/sweepRedis.ts).
 */
import { Command } from 'commander';
import { availableParallelism } from 'node:os';

import { startSweepWorker } from '../node/sweepQueueWorker.ts';
import { parseRedisUrl } from '../node/sweepRedis.ts';
import type { CliIo } from './io.ts';
import { parseIntegerFlag } from './options.ts';

interface WorkerFlags {
  redis: string;
  concurrency?: string;
}

async function workerAction(flags: WorkerFlags, io: CliIo): Promise<void> {
  const url = parseRedisUrl(flags.redis);
  const concurrency =
    flags.concurrency === undefined
      ? availableParallelism()
      : parseIntegerFlag('--concurrency', flags.concurrency, 1, 1024);
  const worker = await startSweepWorker(url, concurrency, io.stdout);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  io.stdout('essaim worker: stopping (letting the running samples finish)\n');
  await worker.close();
}

export function createWorkerCommand(io: CliIo): Command {
  return new Command('worker')
    .description('run the samples of essaim sweep --redis studies from a Redis queue, until stopped')
    .requiredOption('--redis <url>', 'the Redis server of the queue (redis://HOST:PORT)')
    .option('--concurrency <n>', 'samples at once, one thread each (default: the available cores)')
    .action((flags: WorkerFlags) => workerAction(flags, io));
}
