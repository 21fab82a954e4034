/** `essaim scenario validate FILE` and `essaim scenario show NAME`. */
import { Command } from 'commander';
import { builtinScenarioNames, builtinScenarioObject } from '../../sim/scenario/load.ts';
import type { CliIo } from './io.ts';
import { readScenarioFile } from './scenarioSource.ts';

export function createScenarioCommand(io: CliIo): Command {
  const command = new Command('scenario').description('validate and show scenarios');
  command
    .command('validate <file>')
    .description('check a scenario file; prints every bad field and exits 2 if it is invalid')
    .action(async (file: string) => {
      const scenario = await readScenarioFile(file);
      io.stdout(
        `${file}: valid scenario "${scenario.name}" (${scenario.shells.length} shell(s), ` +
          `${scenario.campaigns.length} campaign(s), ${scenario.file.from} .. ${scenario.file.to})\n`,
      );
    });
  command
    .command('show [name]')
    .description(
      `print a built-in scenario as JSON (${builtinScenarioNames().join(', ')}); without a name, list them`,
    )
    .action((name: string | undefined) => {
      if (name === undefined) {
        io.stdout(`${builtinScenarioNames().join('\n')}\n`);
        return;
      }
      io.stdout(`${JSON.stringify(builtinScenarioObject(name), null, 2)}\n`);
    });
  return command;
}
