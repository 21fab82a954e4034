/**
 * The `essaim` command. A thin shell over sim/: it parses flags, reads and writes files, and maps errors to exit
 * codes: 0 success, 2 bad input (InputError or a flag commander rejects), 1 internal failure.
 */
import { Command, CommanderError } from 'commander';
import { InputError } from '../../sim/errors.ts';
import { processIo, type CliIo } from './io.ts';
import { createBeamCommand } from './beam.ts';
import { createBenchCommand } from './bench.ts';
import { createExportCommand } from './exportCommand.ts';
import { createFiguresCommand } from './figuresCommand.ts';
import { createRunCommand } from './run.ts';
import { createReportCommand } from './reportCommand.ts';
import { createScenarioCommand } from './scenarioCommand.ts';
import { createSweepCommand } from './sweep.ts';
import { createWorkerCommand } from './worker.ts';
import { ESSAIM_VERSION } from './version.ts';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

function createProgram(io: CliIo): Command {
  const program = new Command('essaim')
    .description('Essaim: a Dyson swarm simulator (orbits, growth, power beaming), headless')
    .version(ESSAIM_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  program.addCommand(createRunCommand(io));
  program.addCommand(createScenarioCommand(io));
  program.addCommand(createBeamCommand(io));
  program.addCommand(createFiguresCommand(io));
  program.addCommand(createExportCommand(io));
  program.addCommand(createReportCommand(io));
  program.addCommand(createSweepCommand(io));
  program.addCommand(createWorkerCommand(io));
  program.addCommand(createBenchCommand(io));
  // Every command, nested ones included, throws instead of calling process.exit.
  const applyToAll = (command: Command): void => {
    command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
    command.commands.forEach(applyToAll);
  };
  applyToAll(program);
  return program;
}

/** Run the CLI with `argv` (without `node` and the script). Resolves to the exit code; never calls exit. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with exitCode 0; parse errors (already printed by commander) are bad input.
      return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    }
    if (error instanceof InputError) {
      io.stderr(`essaim: error: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr(
      `essaim: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT_INTERNAL;
  }
}
