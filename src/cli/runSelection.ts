/**
 * The flags that choose a run (`--scenario`, `--from`, `--to`, `--step`, `--tracers`, `--seed`, `--backend`,
 * `--eclipse-resolution`, `--skip-bad-satellites`), shared by `essaim run`, every `essaim export` and
 * `essaim report`: the same options, the same validation (InputError naming the flag, exit 2), the same run.
 */
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import {
  BACKEND_NAMES,
  simulateWith,
  type BackendName,
  type SimulateOptions,
  type SimulationResult,
} from '../../sim/simulate.ts';
import type { Scenario } from '../../sim/scenario/resolve.ts';
import { parseDurationS, parseStep } from '../../sim/duration.ts';
import { createNodePropagator } from '../node/propagators.ts';
import type { CliIo } from './io.ts';
import { parseChoiceFlag, parseDateFlag, parseIntegerFlag } from './options.ts';
import { loadScenarioArgument } from './scenarioSource.ts';

/** The flags as commander hands them over (strings, unparsed). */
export interface RunSelectionFlags {
  scenario: string;
  from?: string;
  to?: string;
  step?: string;
  tracers?: string;
  seed?: string;
  backend: string;
  eclipseResolution?: string;
  skipBadSatellites?: boolean;
}

/** A validated run: the resolved scenario, the backend and the options of `simulateWith`. */
export interface RunSelection {
  readonly scenario: Scenario;
  readonly backend: BackendName;
  readonly options: SimulateOptions;
}

/** Add the run-choosing options to `command` (with `essaim run`'s defaults). */
export function addRunSelectionOptions(command: Command): Command {
  return command
    .option('--scenario <file|name>', 'scenario file (JSON) or built-in scenario name', 'baseline')
    .option('--from <date>', 'first output time, ISO 8601 UTC (default: the scenario start)')
    .option('--to <date>', 'last output time, ISO 8601 UTC (default: the scenario end)')
    .option(
      '--step <duration>',
      'output step: 1y, 3mo, 30d, 12h, 90min, 3600s, 2w (y and mo follow the calendar; default: the scenario ' +
        'value, else 1y)',
    )
    .option('--tracers <n>', 'tracer budget, the resolution of the swarm (default: the scenario value)')
    .option('--seed <n>', 'seed of the tracer sampler (default: the scenario value)')
    .option(
      '--backend <name>',
      'propagator: cpu (fast float64, all cores), cpu64 (the float64 reference), gpu (gpu.js float32), ' +
        'auto (the fastest that passes its precision check; not bit-reproducible)',
      'cpu',
    )
    .option(
      '--eclipse-resolution <duration>',
      'sampling step of the eclipse-loss integral: 60s sees each daily eclipse (default: the scenario value)',
    )
    .option(
      '--skip-bad-satellites',
      'drop power satellites whose element sets satellite.js refuses, and go on',
    );
}

/** Validate every run-choosing flag (before any work), loading the scenario. */
export async function parseRunSelection(flags: RunSelectionFlags): Promise<RunSelection> {
  const scenario = await loadScenarioArgument(flags.scenario);
  const backend: BackendName = parseChoiceFlag('--backend', flags.backend, BACKEND_NAMES);
  const options: SimulateOptions = {
    ...(flags.from === undefined ? {} : { fromTdbS: parseDateFlag('--from', flags.from) }),
    ...(flags.to === undefined ? {} : { toTdbS: parseDateFlag('--to', flags.to) }),
    ...(flags.step === undefined ? {} : { step: parseStep(flags.step, '--step') }),
    ...(flags.tracers === undefined
      ? {}
      : { tracers: parseIntegerFlag('--tracers', flags.tracers, 1, 50_000_000) }),
    ...(flags.seed === undefined ? {} : { seed: parseIntegerFlag('--seed', flags.seed, 0, 2 ** 32 - 1) }),
    ...(flags.eclipseResolution === undefined
      ? {}
      : { eclipseResolutionS: parseDurationS(flags.eclipseResolution, '--eclipse-resolution') }),
    ...(flags.skipBadSatellites === true ? { skipBadSatellites: true } : {}),
  };
  return { scenario, backend, options };
}

/**
 * Tracer tables smaller than this run on the caller's thread: starting a worker costs ~0.4 s of CPU (its own module
 * graph), while one thread positions 2^18 tracers in ~10 ms an output time (bench/simd.bench.ts).
 */
export const POOL_MIN_TRACERS = 262_144;

/**
 * Run the selection on its backend, with a progress bar on an interactive terminal (unless `quiet`), and print
 * the warnings about skipped satellites.
 */
export async function runSelected(
  selection: RunSelection,
  io: CliIo,
  quiet = false,
): Promise<SimulationResult> {
  let bar: SingleBar | undefined;
  if (io.interactive && !quiet) {
    bar = new SingleBar({ format: 'simulating [{bar}] {value}/{total} output times', hideCursor: true });
  }
  // below POOL_MIN_TRACERS the worker threads cost more to start than they save (the same bytes either way)
  const tracers = selection.options.tracers ?? selection.scenario.tracers;
  const propagator = await createNodePropagator(
    selection.backend,
    tracers < POOL_MIN_TRACERS ? { threads: 1 } : {},
  );
  let result: SimulationResult;
  try {
    result = await simulateWith(selection.scenario, propagator, {
      ...selection.options,
      onProgress: (done, total) => {
        if (bar === undefined) return;
        if (done === 1) bar.start(total, 0);
        bar.update(done);
      },
    });
  } finally {
    bar?.stop();
    propagator.dispose();
  }
  for (const skipped of result.skippedSatellites) {
    io.stderr(
      `essaim: warning: skipped power satellite ${JSON.stringify(skipped.name)}: ${skipped.reason}\n`,
    );
  }
  return result;
}
