/**
 * `essaim sweep`: a parameter study on this machine (a worker-thread pool), or one shard of it (`--shard K/N`), or
 * the merge of shards (`--merge DIR...`), or through a Redis queue (`--redis URL`). The work is the typed API's
 * (src/node/sweep.ts); this layer parses the flags and draws the progress bar. Everything is validated before the
 * first sample runs (exit 2 on bad input, nothing written); the outputs are written atomically, sweep.json last.
 */
import { Command } from 'commander';
import { SingleBar } from 'cli-progress';

import { InputError } from '../../sim/errors.ts';
import type { StudyCounts } from '../../sim/sweep/aggregate.ts';
import { mergeShards, sweep, type Shard } from '../node/sweep.ts';
import type { CliIo } from './io.ts';
import { parseIntegerFlag } from './options.ts';

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

function parseShard(value: string): Shard {
  const match = /^([0-9]+)\/([0-9]+)$/.exec(value);
  const k = Number(match?.[1]);
  const n = Number(match?.[2]);
  if (match === null || !(n >= 1 && n <= 100_000 && k >= 1 && k <= n)) {
    throw new InputError(`must be K/N with 1 <= K <= N <= 100000, got ${JSON.stringify(value)}`, '--shard');
  }
  return { k, n };
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
    report(io, (await mergeShards(flags.merge, flags.out)).counts, flags.out);
    return;
  }
  if (flags.sweep === undefined) throw new InputError('is required (or --merge DIR...)', '--sweep');
  const bar = io.interactive
    ? new SingleBar({
        format: 'sampling [{bar}] {value}/{total} samples, ETA {eta_formatted}',
        hideCursor: true,
      })
    : undefined;
  const redis = flags.redis;
  let total = 0;
  try {
    const result = await sweep(flags.sweep, {
      out: flags.out,
      ...(flags.samples === undefined
        ? {}
        : { samples: parseIntegerFlag('--samples', flags.samples, 1, Number.MAX_SAFE_INTEGER) }),
      ...(flags.workers === undefined
        ? {}
        : { workers: parseIntegerFlag('--workers', flags.workers, 1, 1024) }),
      ...(flags.shard === undefined ? {} : { shard: parseShard(flags.shard) }),
      ...(redis === undefined ? {} : { redis }),
      resume: flags.resume === true,
      onStart: (count) => {
        total = count;
        bar?.start(count, 0);
      },
      onRecord: () => bar?.increment(),
      onQueued: (hash, done) =>
        io.stderr(
          `essaim sweep: study ${hash}: ${total - done} samples queued on ${redis}` +
            `${done > 0 ? ` (${done} already done)` : ''}; waiting for essaim worker --redis ${redis}\n`,
        ),
    });
    bar?.stop();
    report(io, result.counts, flags.out);
  } finally {
    bar?.stop();
  }
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
