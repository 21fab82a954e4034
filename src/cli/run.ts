/**
 * `essaim run`: simulate a scenario headless, print a yearly table, write timeseries.csv and summary.json
 * atomically to --out. All flags are validated before anything is computed or written.
 */
import { Command } from 'commander';
import { join } from 'node:path';
import { summaryToCsv, summaryToJson, toSummary } from '../../sim/report/summary.ts';
import { AU_M, SECONDS_PER_JULIAN_YEAR } from '../../sim/constants.ts';
import { tdbSToIso } from '../../sim/time.ts';
import { describeTransfers } from '../../sim/growth/propulsion/describeTransfers.ts';
import { ensureWritableFolder, writeFilesAtomically } from '../node/atomicWrite.ts';
import { dynamicsTables, runDynamics } from './dynamicsTable.ts';
import { yearlyTable } from './figureTable.ts';
import type { CliIo } from './io.ts';
import {
  addRunSelectionOptions,
  parseRunSelection,
  runSelected,
  type RunSelectionFlags,
} from './runSelection.ts';

interface RunFlags extends RunSelectionFlags {
  out: string;
  json?: boolean;
  /** --dynamics: also the collisions, secular drift and encounters (sim/report/dynamics.ts). */
  dynamics?: boolean;
}

async function runAction(flags: RunFlags, io: CliIo): Promise<void> {
  // Validate every flag before any work, so bad input never leaves partial output.
  const selection = await parseRunSelection(flags);
  const { scenario } = selection;
  await ensureWritableFolder(flags.out, '--out');
  const result = await runSelected(selection, io, flags.json === true);

  const summary = toSummary(result);
  const dynamics = flags.dynamics === true ? runDynamics(selection) : undefined;
  await writeFilesAtomically([
    { path: join(flags.out, 'timeseries.csv'), contents: summaryToCsv(summary) },
    { path: join(flags.out, 'summary.json'), contents: summaryToJson(summary) },
    ...(dynamics === undefined
      ? []
      : [{ path: join(flags.out, 'dynamics.json'), contents: `${JSON.stringify(dynamics, null, 2)}\n` }]),
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
  if (scenario.growth !== undefined) {
    // How each growth path's collectors reach their shell, flown once per scenario (sim/growth/propulsion/).
    io.stdout(
      `Transfers\n${describeTransfers(scenario.growth)
        .map((line) => `  ${line}\n`)
        .join('')}\n`,
    );
  }
  io.stdout(yearlyTable(result));
  if (result.growthEvents.length > 0) {
    // State events of the growth model, e.g. the end state of a disassembly (a site's feedstock exhausted).
    io.stdout(
      '\nGrowth events\n' +
        result.growthEvents
          .map(
            (e) =>
              `  ${tdbSToIso(e.tdbS).slice(0, 10)}  ${e.kind}${e.site === null ? '' : ` (${e.site})`}, ` +
              `${((e.tdbS - result.fromTdbS) / SECONDS_PER_JULIAN_YEAR).toFixed(2)} years after the start\n`,
          )
          .join(''),
    );
  }
  if (summary.warnings.length > 0) {
    io.stdout(
      '\nLink budget warnings\n' +
        summary.warnings
          .map((w) => `  ${w.firstDate.slice(0, 10)} .. ${w.lastDate.slice(0, 10)}  ${w.message}\n`)
          .join(''),
    );
  }
  if (summary.charterWarnings.length > 0) {
    io.stdout(
      '\nCharter warnings (Earth side)\n' +
        summary.charterWarnings
          .map((w) => `  ${w.firstDate.slice(0, 10)} .. ${w.lastDate.slice(0, 10)}  ${w.message}\n`)
          .join(''),
    );
  }
  if (dynamics !== undefined) io.stdout(dynamicsTables(dynamics));
  io.stdout(
    `\nwrote ${join(flags.out, 'timeseries.csv')} and ${join(flags.out, 'summary.json')}` +
      (dynamics === undefined ? '\n' : ` and ${join(flags.out, 'dynamics.json')}\n`),
  );
}

export function createRunCommand(io: CliIo): Command {
  const command = new Command('run').description(
    'simulate a scenario headless; prints a yearly table, writes timeseries.csv and summary.json',
  );
  return addRunSelectionOptions(command)
    .option('--out <dir>', 'output folder', 'essaim-out')
    .option('--json', 'print summary.json to stdout instead of the table')
    .option(
      '--dynamics',
      'also print the collisions, secular drift and encounters per shell and write dynamics.json (~10 s more)',
    )
    .action(async (flags: RunFlags) => runAction(flags, io));
}
