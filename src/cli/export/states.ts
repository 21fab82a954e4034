/**
 * `essaim export states`: every tracer on station at the chosen times, its position, velocity, weight, shell,
 * cohort, site and station time, as one Parquet file for DuckDB, pandas or Arrow (issue 16). Times: `--at` dates
 * and/or the run's output times (`--from`, `--to`, `--step`). Rows are made and written a batch at a time (one
 * row group each), so ten million tracers never sit in memory as ten million rows.
 */
import { Command } from 'commander';
import { SingleBar } from 'cli-progress';

import { InputError } from '../../../sim/errors.ts';
import {
  createStatesBatcher,
  DEFAULT_STATES_BATCH,
  MAX_STATES_BATCH,
  statesLabels,
  statesTimes,
} from '../../../sim/report/states.ts';
import { outputStepOf, outputTimes, worldOptionsOf } from '../../../sim/simulate.ts';
import { createWorld } from '../../../sim/world.ts';
import type { Propagator } from '../../../sim/propagate/backend.ts';
import { ensureWritableFile, writeStreamAtomically } from '../../node/atomicWrite.ts';
import { createStatesParquetWriter } from '../../node/parquetStates.ts';
import { createNodePropagator } from '../../node/propagators.ts';
import type { CliIo } from '../io.ts';
import { parseDateFlag, parseIntegerFlag } from '../options.ts';
import {
  addRunSelectionOptions,
  parseRunSelection,
  type RunSelection,
  type RunSelectionFlags,
} from '../runSelection.ts';
import { ESSAIM_VERSION } from '../version.ts';

interface StatesFlags extends RunSelectionFlags {
  at?: string;
  batchSize: string;
  out: string;
}

/** `--at 2030-01-01,2040-06-01T12:00:00Z`: TDB times; InputError naming --at on an empty or bad date. */
function parseAtFlag(value: string): number[] {
  return value.split(',').map((part) => {
    const date = part.trim();
    if (date === '')
      throw new InputError(`must be ISO dates separated by commas, got ${JSON.stringify(value)}`, '--at');
    return parseDateFlag('--at', date);
  });
}

/** The run's output times (from, from + step, ..., to), with errors naming the flags. */
function runOutputTimes(selection: RunSelection): number[] {
  const fromTdbS = selection.options.fromTdbS ?? selection.scenario.fromTdbS;
  const toTdbS = selection.options.toTdbS ?? selection.scenario.toTdbS;
  if (!(toTdbS > fromTdbS)) {
    throw new InputError(
      `must be after --from (or the scenario start), got a span of ${toTdbS - fromTdbS} s`,
      '--to',
    );
  }
  try {
    return outputTimes(fromTdbS, toTdbS, outputStepOf(selection.scenario, selection.options.step));
  } catch (error) {
    if (error instanceof InputError && error.field === 'step') {
      throw new InputError(error.message.replace(/^step: /, ''), '--step');
    }
    throw error;
  }
}

async function statesAction(flags: StatesFlags, command: Command, io: CliIo): Promise<void> {
  // Every flag is validated, and --out checked, before any work: bad input writes nothing.
  const selection = await parseRunSelection(flags);
  const atTdbS = flags.at === undefined ? [] : parseAtFlag(flags.at);
  const batchSize = parseIntegerFlag('--batch-size', flags.batchSize, 1, MAX_STATES_BATCH);
  // --at alone exports those dates only; with --from, --to or --step typed too, the run's output times as well.
  const spanTyped = ['from', 'to', 'step'].some((name) => command.getOptionValueSource(name) === 'cli');
  const times = statesTimes(atTdbS, flags.at === undefined || spanTyped ? runOutputTimes(selection) : []);
  await ensureWritableFile(flags.out, '--out');

  const { scenario, options, backend } = selection;
  const world = createWorld(
    scenario,
    worldOptionsOf(options, [times[0] as number, times[times.length - 1] as number]),
  );
  const { table } = world.swarm;
  const rowCounts = Array.from(times, (t) => world.tracersOnStationAt(t));
  const totalRows = rowCounts.reduce((sum, n) => sum + n, 0);
  // cpu64 is computed batch by batch inside the batcher; another backend fills one position buffer per time.
  const propagator: Propagator | undefined =
    backend === 'cpu64' ? undefined : await createNodePropagator(backend);
  const bar =
    io.interactive && totalRows > 0
      ? new SingleBar({ format: 'writing states [{bar}] {value}/{total} rows', hideCursor: true })
      : undefined;
  let rowGroups = 0;
  try {
    const positions = propagator === undefined ? undefined : new Float64Array(3 * table.count);
    const batcher = createStatesBatcher(world, batchSize);
    bar?.start(totalRows, 0);
    await writeStreamAtomically(flags.out, async (handle) => {
      const writer = createStatesParquetWriter((bytes) => handle.write(bytes), statesLabels(world), {
        essaimVersion: ESSAIM_VERSION,
        scenario: scenario.name,
        seed: world.seed,
        tracerTableSize: table.count,
        backend: propagator?.name ?? 'cpu64',
        device: propagator?.device ?? 'float64 JavaScript reference (cpu64)',
        timeCount: times.length,
      });
      for (const [k, t] of times.entries()) {
        const count = rowCounts[k] ?? 0;
        if (propagator !== undefined && positions !== undefined && count > 0) {
          await propagator.positions(table, t, positions, count);
        }
        for (const batch of batcher.batchesAt(t, positions)) {
          await writer.write(batch);
          rowGroups += 1;
          bar?.increment(batch.rowCount);
        }
      }
      await writer.finish();
    });
  } finally {
    bar?.stop();
    propagator?.dispose();
  }
  io.stdout(
    `wrote ${flags.out}: ${totalRows} rows (tracers on station at ${times.length} times, ` +
      `${rowGroups} row groups), positions from ${propagator?.name ?? 'cpu64'}\n`,
  );
}

export function createStatesCommand(io: CliIo): Command {
  const command = new Command('states').description(
    'every tracer on station at the chosen times (position, velocity, weight, shell, site) as Parquet',
  );
  return addRunSelectionOptions(command)
    .option(
      '--at <dates>',
      'export at these ISO 8601 UTC dates, comma-separated; alone, only these (with --from/--to/--step, both)',
    )
    .option('--batch-size <n>', `tracers per row group, 1..${MAX_STATES_BATCH}`, String(DEFAULT_STATES_BATCH))
    .option('--out <file>', 'the Parquet file to write', 'essaim-states.parquet')
    .action(async (flags: StatesFlags, self: Command) => statesAction(flags, self, io));
}
