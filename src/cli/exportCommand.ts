/**
 * `essaim export FORMAT`: a run in the formats of the tools people already use (CZML for Cesium, CCSDS orbit
 * messages, columnar tracer states). Each format is a subcommand in its own file, taking the run-choosing flags
 * of `essaim run` (runSelection.ts) and `--out FILE`, written atomically.
 */
import { Command } from 'commander';
import { createCzmlCommand } from './export/czml.ts';
import type { CliIo } from './io.ts';
import { createOemCommand } from './export/oem.ts';
import { createOmmCommand } from './export/omm.ts';
import { createStatesCommand } from './export/states.ts';

/** One export format: a subcommand factory. */
export type ExportFormatCommand = (io: CliIo) => Command;

/** The export formats, in the order `essaim export --help` lists them. */
const FORMATS: readonly ExportFormatCommand[] = [
  createCzmlCommand,
  createOemCommand,
  createOmmCommand,
  createStatesCommand,
];

export function createExportCommand(io: CliIo): Command {
  const command = new Command('export').description(
    'a run in other tools’ formats: czml (Cesium), oem and omm (CCSDS orbit data messages), states (Parquet)',
  );
  for (const format of FORMATS) command.addCommand(format(io));
  return command;
}
