/** `--scenario FILE|NAME`: a path to a JSON file if one exists there, otherwise a built-in scenario's name. */
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../../sim/errors.ts';
import { builtinScenarioNames, loadBuiltinScenario, scenarioFromJson } from '../../sim/scenario/load.ts';
import type { Scenario } from '../../sim/scenario/resolve.ts';

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function readScenarioFile(path: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(
      `cannot read scenario file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  return scenarioFromJson(text, path);
}

export async function loadScenarioArgument(value: string): Promise<Scenario> {
  if (await isFile(value)) return readScenarioFile(value);
  if (builtinScenarioNames().includes(value)) return loadBuiltinScenario(value);
  if (value.endsWith('.json') || value.includes('/')) {
    throw new InputError(`no scenario file at ${JSON.stringify(value)}`, '--scenario');
  }
  throw new InputError(
    `must be a scenario file or one of the built-in scenarios (${builtinScenarioNames().join(', ')}), got ${JSON.stringify(value)}`,
    '--scenario',
  );
}
