/**
 * `essaim report [run flags] --out FILE`: one self-contained HTML file of a run (src/report/): the scenario with
 * its notes and sources, the run's parameters, the link-budget warnings, the efficiency chain, the charts and the
 * yearly tables. `essaim report --sweep DIR --out FILE`: the same for a study's folder (an `essaim sweep --out`):
 * its fan charts, tornado charts and percentiles (src/report/studyHtml.ts). Either opens with no network. Every
 * flag is checked before the run, and the file is written atomically: bad input writes nothing and exits 2.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';

import { InputError } from '../../sim/errors.ts';
import { ensureWritableFile, writeFilesAtomically } from '../node/atomicWrite.ts';
import { readReportAssets } from '../report/assets.ts';
import { buildReportData } from '../report/reportData.ts';
import { reportHtml } from '../report/reportHtml.ts';
import { buildStudyData } from '../report/studyData.ts';
import { studyHtml } from '../report/studyHtml.ts';
import type { CliIo } from './io.ts';
import {
  addRunSelectionOptions,
  parseRunSelection,
  runSelected,
  type RunSelectionFlags,
} from './runSelection.ts';

interface ReportFlags extends RunSelectionFlags {
  out: string;
  sweep?: string;
}

async function studyFile(dir: string, name: string): Promise<string> {
  try {
    return await readFile(join(dir, name), 'utf8');
  } catch (error) {
    throw new InputError(
      `cannot read ${join(dir, name)} (the folder must be an essaim sweep --out folder): ` +
        `${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      '--sweep',
    );
  }
}

async function studyReport(dir: string, out: string, io: CliIo): Promise<void> {
  await ensureWritableFile(out, '--out');
  const [sweepJson, percentiles, sensitivity] = await Promise.all(
    ['sweep.json', 'percentiles.csv', 'sensitivity.csv'].map((name) => studyFile(dir, name)),
  );
  const data = buildStudyData(sweepJson ?? '', percentiles ?? '', sensitivity ?? '', dir);
  const html = studyHtml(data, await readReportAssets());
  await writeFilesAtomically([{ path: out, contents: html }]);
  io.stdout(`wrote ${out}\n`);
}

async function reportAction(flags: ReportFlags, io: CliIo, command: Command): Promise<void> {
  if (flags.sweep !== undefined) {
    const runFlag = command.options.find(
      (option) =>
        option.attributeName() !== 'sweep' &&
        option.attributeName() !== 'out' &&
        command.getOptionValueSource(option.attributeName()) === 'cli',
    );
    if (runFlag !== undefined) {
      throw new InputError(
        `reports a study's folder: it takes no run flag, got ${runFlag.long ?? runFlag.flags}`,
        '--sweep',
      );
    }
    await studyReport(flags.sweep, flags.out, io);
    return;
  }
  const selection = await parseRunSelection(flags);
  await ensureWritableFile(flags.out, '--out');
  const assets = await readReportAssets();
  const result = await runSelected(selection, io);
  const html = reportHtml(buildReportData(result, selection.scenario), assets);
  await writeFilesAtomically([{ path: flags.out, contents: html }]);
  io.stdout(`wrote ${flags.out}\n`);
}

export function createReportCommand(io: CliIo): Command {
  const command = new Command('report').description(
    'one self-contained HTML file of a run (scenario and notes, parameters, tables, charts, warnings, ' +
      'efficiency chain) that opens with no network',
  );
  return addRunSelectionOptions(command)
    .option('--out <file>', 'the HTML file to write', 'essaim-report.html')
    .option(
      '--sweep <dir>',
      "report a study's folder (essaim sweep --out) instead of a run: fan and tornado charts",
    )
    .action(async (flags: ReportFlags, command: Command) => reportAction(flags, io, command));
}
