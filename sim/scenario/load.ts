/**
 * Loading scenarios: from JSON text, from an already-parsed object, or by built-in name. Pure (no file system):
 * the CLI reads files and passes their text here, the browser passes uploaded text.
 */
import { InputError } from '../errors.ts';
import { describeIssues } from '../validation/issues.ts';
import { checkValueNesting } from '../validation/nesting.ts';
import { parseJsonWithLocation } from './parseJson.ts';
import { resolveScenario, type Scenario } from './resolve.ts';
import { scenarioSchema } from './schema.ts';
import { builtinScenarioFiles } from './builtin.ts';

/** Validate a parsed scenario object and resolve it to SI. Throws InputError listing every bad field. */
export function scenarioFromObject(input: unknown, source = 'scenario'): Scenario {
  checkValueNesting(input, source);
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) {
    throw new InputError(`${source} is not a valid scenario:\n${describeIssues(parsed.error, input)}`);
  }
  try {
    return resolveScenario(parsed.data);
  } catch (error) {
    if (error instanceof InputError)
      throw new InputError(`${source} is not a valid scenario:\n${error.message}`);
    throw error;
  }
}

/** Parse and validate scenario JSON text (`source` names it in errors, e.g. the file path). */
export function scenarioFromJson(text: string, source = 'scenario'): Scenario {
  return scenarioFromObject(parseJsonWithLocation(text, source), source);
}

/** Names of the scenarios built into Essaim. */
export function builtinScenarioNames(): string[] {
  return Object.keys(builtinScenarioFiles).sort();
}

/** The raw (unresolved) JSON object of a built-in scenario, or an InputError listing the names. */
export function builtinScenarioObject(name: string): unknown {
  const file = builtinScenarioFiles[name];
  if (file === undefined) {
    throw new InputError(
      `unknown scenario ${JSON.stringify(name)}; built-in scenarios: ${builtinScenarioNames().join(', ')}`,
      'scenario',
    );
  }
  return JSON.parse(JSON.stringify(file)) as unknown;
}

/** A built-in scenario by name, validated and resolved. */
export function loadBuiltinScenario(name: string): Scenario {
  return scenarioFromObject(builtinScenarioObject(name), `built-in scenario ${name}`);
}
