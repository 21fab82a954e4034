/**
 * `essaim report [run flags] --out FILE`: one self-contained HTML file of a run (src/report/): the scenario with
 * its notes and sources, the run's parameters, the link-budget warnings, the efficiency chain, the charts and the
 * yearly tables. It opens with no network. Every flag is checked before the run, and the file is written
 * atomically: bad input writes nothing and exits 2.
 */
import { Command } from 'commander';
import { ensureWritableFile, writeFilesAtomically } from '../node/atomicWrite.ts';
import { readReportAssets } from '../report/assets.ts';
import { buildReportData } from '../report/reportData.ts';
import { reportHtml } from '../report/reportHtml.ts';
import type { CliIo } from './io.ts';
import {
  addRunSelectionOptions,
  parseRunSelection,
  runSelected,
  type RunSelectionFlags,
} from './runSelection.ts';

interface ReportFlags extends RunSelectionFlags {
  out: string;
}

async function reportAction(flags: ReportFlags, io: CliIo): Promise<void> {
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
    .action(async (flags: ReportFlags) => reportAction(flags, io));
}
