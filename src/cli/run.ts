/**
 * `essaim run`: simulate a scenario headless, print a yearly table, write timeseries.csv and summary.json
 * atomically to --out. All flags are validated before anything is computed or written.
 */
import { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { join } from 'node:path';
import { BACKEND_NAMES, simulateWith, type BackendName, type SimulateOptions } from '../../sim/simulate.ts';
import { createNodePropagator } from '../node/propagators.ts';
import { summaryToCsv, summaryToJson, toSummary } from '../../sim/report/summary.ts';
import { AU_M } from '../../sim/constants.ts';
import { ensureWritableFolder, writeFilesAtomically } from '../node/atomicWrite.ts';
import { yearlyTable } from './figureTable.ts';
import type { CliIo } from './io.ts';
import { parseChoiceFlag, parseDateFlag, parseIntegerFlag } from './options.ts';
import { parseDurationS, parseStep } from '../../sim/duration.ts';
import { loadScenarioArgument } from './scenarioSource.ts';

interface RunFlags {
  scenario: string;
  from?: string;
  to?: string;
  step: string;
  tracers?: string;
  seed?: string;
  backend: string;
  out: string;
  json?: boolean;
  eclipseResolution?: string;
  skipBadSatellites?: boolean;
}

async function runAction(flags: RunFlags, io: CliIo): Promise<void> {
  // Validate every flag before any work, so bad input never leaves partial output.
  const scenario = await loadScenarioArgument(flags.scenario);
  const backend: BackendName = parseChoiceFlag('--backend', flags.backend, BACKEND_NAMES);
  const options: SimulateOptions = {
    ...(flags.from === undefined ? {} : { fromTdbS: parseDateFlag('--from', flags.from) }),
    ...(flags.to === undefined ? {} : { toTdbS: parseDateFlag('--to', flags.to) }),
    step: parseStep(flags.step, '--step'),
    ...(flags.tracers === undefined
      ? {}
      : { tracers: parseIntegerFlag('--tracers', flags.tracers, 1, 50_000_000) }),
    ...(flags.seed === undefined ? {} : { seed: parseIntegerFlag('--seed', flags.seed, 0, 2 ** 32 - 1) }),
    ...(flags.eclipseResolution === undefined
      ? {}
      : { eclipseResolutionS: parseDurationS(flags.eclipseResolution, '--eclipse-resolution') }),
    ...(flags.skipBadSatellites === true ? { skipBadSatellites: true } : {}),
  };
  await ensureWritableFolder(flags.out, '--out');

  let bar: SingleBar | undefined;
  if (io.interactive && flags.json !== true) {
    bar = new SingleBar({ format: 'simulating [{bar}] {value}/{total} output times', hideCursor: true });
  }
  const propagator = await createNodePropagator(backend);
  let result;
  try {
    result = await simulateWith(scenario, propagator, {
      ...options,
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

  const summary = toSummary(result);
  for (const skipped of result.skippedSatellites) {
    io.stderr(
      `essaim: warning: skipped power satellite ${JSON.stringify(skipped.name)}: ${skipped.reason}\n`,
    );
  }
  await writeFilesAtomically([
    { path: join(flags.out, 'timeseries.csv'), contents: summaryToCsv(summary) },
    { path: join(flags.out, 'summary.json'), contents: summaryToJson(summary) },
  ]);

  if (flags.json === true) {
    io.stdout(summaryToJson(summary));
    return;
  }
  const shells = scenario.shells.map(
    (s) =>
      `${s.name} (${(s.semiMajorAxisM[0] / AU_M).toFixed(2)}-${(s.semiMajorAxisM[1] / AU_M).toFixed(2)} au)`,
  );
  io.stdout(
    `Essaim: ${scenario.title} [${scenario.name}]\n` +
      `${summary.from.slice(0, 10)} .. ${summary.to.slice(0, 10)}, seed ${summary.seed}, ` +
      `backend ${summary.backend} (${summary.device}), ` +
      `${summary.tracerTableSize} tracers, shells: ${shells.join(', ')}\n` +
      `collector beta = ${scenario.collector.lightnessNumber.toFixed(4)} (radiation pressure / solar gravity)\n\n`,
  );
  io.stdout(yearlyTable(result));
  if (summary.warnings.length > 0) {
    io.stdout(
      '\nLink budget warnings\n' +
        summary.warnings
          .map((w) => `  ${w.firstDate.slice(0, 10)} .. ${w.lastDate.slice(0, 10)}  ${w.message}\n`)
          .join(''),
    );
  }
  io.stdout(`\nwrote ${join(flags.out, 'timeseries.csv')} and ${join(flags.out, 'summary.json')}\n`);
}

export function createRunCommand(io: CliIo): Command {
  return new Command('run')
    .description(
      'simulate a scenario headless; prints a yearly table, writes timeseries.csv and summary.json',
    )
    .option('--scenario <file|name>', 'scenario file (JSON) or built-in scenario name', 'baseline')
    .option('--from <date>', 'first output time, ISO 8601 UTC (default: the scenario start)')
    .option('--to <date>', 'last output time, ISO 8601 UTC (default: the scenario end)')
    .option(
      '--step <duration>',
      'output step: 1y, 3mo, 30d, 12h, 90min, 3600s, 2w (y and mo follow the calendar)',
      '1y',
    )
    .option('--tracers <n>', 'tracer budget, the resolution of the swarm (default: the scenario value)')
    .option('--seed <n>', 'seed of the tracer sampler (default: the scenario value)')
    .option(
      '--backend <name>',
      'propagator: cpu (fast float64, all cores), cpu64 (the float64 reference), gpu (gpu.js float32), ' +
        'auto (the fastest that passes its precision check; not bit-reproducible)',
      'cpu',
    )
    .option('--out <dir>', 'output folder', 'essaim-out')
    .option('--json', 'print summary.json to stdout instead of the table')
    .option(
      '--eclipse-resolution <duration>',
      'sampling step of the eclipse-loss integral: 60s sees each daily eclipse (default: the scenario value)',
    )
    .option(
      '--skip-bad-satellites',
      'drop power satellites whose element sets satellite.js refuses, and go on',
    )
    .action(async (flags: RunFlags) => runAction(flags, io));
}
