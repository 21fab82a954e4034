/**
 * A study, prepared and validated before any sample runs: the sweep file parsed, the base scenario document, the
 * run every sample makes and the output columns. A Study is plain data (structured-clone and JSON safe), so it
 * can be handed to any worker; a sample is then a pure function of (study, index) (sample.ts).
 *
 * Validation (InputError naming the field, the value and what is accepted; the CLI exits 2):
 * - the sweep file against its schema (schema.ts);
 * - the design: a grid design takes grid parameters only, a Latin hypercube distributions only;
 * - each parameter's path must hold a number in the base scenario, once per study;
 * - the base scenario with each parameter set to each end of its range, alone, must pass the scenario's own
 *   schema (a sample that combines several values can still be refused; it is then recorded as refused);
 * - each output's figure must be a numeric figure of the catalogue, and each `at` date an output time of the run
 *   (`every` names each output time: a column per row, for fan charts).
 */
import { parseStep, type Step } from '../duration.ts';
import { InputError } from '../errors.ts';
import { FIGURES } from '../report/figures.ts';
import { scenarioFromObject } from '../scenario/load.ts';
import { outputTimes } from '../simulate.ts';
import { isoToTdbS, tdbSToIso } from '../time.ts';
import { describeIssues } from '../validation/issues.ts';
import { checkValueNesting } from '../validation/nesting.ts';
import { designSize } from './design.ts';
import { SOBOL_MAX_DIMENSIONS } from './sobolSequence.ts';
import { gridValues } from './distributions.ts';
import { valueAtPath, withValues } from './jsonPath.ts';
import { sweepSchema, type SweepFile, type SweepParameter } from './schema.ts';

/** One output column: a figure at an output row, or the Julian epoch year it first reaches a threshold. */
export type OutputColumn =
  | {
      readonly name: string;
      readonly figure: string;
      readonly kind: 'at';
      readonly row: number;
      /** The row's date (ISO 8601 UTC), or 'last'. */
      readonly at: string;
    }
  | {
      readonly name: string;
      readonly figure: string;
      readonly kind: 'firstReaches';
      readonly threshold: number;
    };

export interface Study {
  readonly file: SweepFile;
  /** The base scenario's name and its document (the JSON object the samples copy and change). */
  readonly baseName: string;
  readonly baseScenario: unknown;
  /** Samples in the full design. */
  readonly designSize: number;
  readonly run: {
    readonly fromTdbS: number;
    readonly toTdbS: number;
    readonly step: Step;
    readonly tracers?: number;
  };
  readonly parameterPaths: readonly string[];
  readonly outputs: readonly OutputColumn[];
}

/** The lowest and highest value a parameter can take. */
export function parameterRange(parameter: SweepParameter): [number, number] {
  if ('distribution' in parameter) return [parameter.distribution.min, parameter.distribution.max];
  const values = gridValues(parameter.grid);
  return [Math.min(...values), Math.max(...values)];
}

/** Validate a parsed sweep document against the sweep schema (`source` names it in messages). */
export function parseSweep(input: unknown, source = 'sweep'): SweepFile {
  checkValueNesting(input, source);
  const parsed = sweepSchema.safeParse(input);
  if (!parsed.success) {
    throw new InputError(`${source} is not a valid sweep:\n${describeIssues(parsed.error, input)}`);
  }
  return parsed.data;
}

/** A Saltelli design needs 2 d dimensions of the sequence. */
const SOBOL_MAX_PARAMETERS = Math.floor(SOBOL_MAX_DIMENSIONS / 2);

function checkDesign(file: SweepFile): void {
  const wanted = file.design.kind === 'grid' ? 'grid' : 'distribution';
  file.parameters.forEach((parameter, j) => {
    if (!(wanted in parameter)) {
      throw new InputError(
        `a ${file.design.kind} design takes parameters with a ${wanted}, got one with ${wanted === 'grid' ? 'a distribution' : 'a grid'}`,
        `parameters[${j}]`,
      );
    }
  });
  if (file.design.kind === 'sobol' && file.parameters.length > SOBOL_MAX_PARAMETERS) {
    throw new InputError(
      `a sobol design takes at most ${SOBOL_MAX_PARAMETERS} parameters (the Sobol table's ` +
        `${SOBOL_MAX_DIMENSIONS} dimensions hold 2 d columns), got ${file.parameters.length}`,
      'parameters',
    );
  }
  const seen = new Set<string>();
  file.parameters.forEach(({ path }, j) => {
    if (seen.has(path))
      throw new InputError(`${JSON.stringify(path)} is varied twice`, `parameters[${j}].path`);
    seen.add(path);
  });
  const size = designSize(file);
  if (size > 1_000_000) {
    throw new InputError(`the grid has ${size} samples; at most 1000000 are accepted`, 'design');
  }
}

function checkParameter(base: unknown, parameter: SweepParameter, j: number): void {
  const field = `parameters[${j}]`;
  const current = valueAtPath(base, parameter.path);
  if (current === undefined) {
    throw new InputError(
      `${JSON.stringify(parameter.path)} is not present in the base scenario (a study varies the scenario's own numbers)`,
      `${field}.path`,
    );
  }
  if (typeof current !== 'number') {
    throw new InputError(
      `${JSON.stringify(parameter.path)} holds ${JSON.stringify(current)} in the base scenario, not a number`,
      `${field}.path`,
    );
  }
  const where = 'distribution' in parameter ? `${field}.distribution` : `${field}.grid`;
  const [low, high] = parameterRange(parameter);
  for (const [end, value] of [
    ['lowest', low],
    ['highest', high],
  ] as const) {
    try {
      scenarioFromObject(withValues(base, [[parameter.path, value]]), 'the base scenario');
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new InputError(
        `the ${end} value of the range, ${parameter.path} = ${value}, is refused by the scenario's schema ` +
          `(the range must lie where the scenario accepts it):\n${error.message}`,
        where,
      );
    }
  }
}

/** An output row's date as the sweep file would name it: the date alone at 00:00 UTC, else the ISO instant. */
function isoDateOfRow(tdbS: number): string {
  const iso = tdbSToIso(tdbS);
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function outputColumns(file: SweepFile, times: readonly number[]): OutputColumn[] {
  const numeric = new Set<string>(FIGURES.filter((f) => f.kind === 'number').map((f) => f.key));
  const columns: OutputColumn[] = [];
  file.outputs.forEach((output, k) => {
    if (!numeric.has(output.figure)) {
      throw new InputError(
        `must be a numeric figure of the catalogue (essaim figures lists them), got ${JSON.stringify(output.figure)}`,
        `outputs[${k}].figure`,
      );
    }
    if ('firstReaches' in output) {
      columns.push({
        name: `${output.figure}>=${output.firstReaches}`,
        figure: output.figure,
        kind: 'firstReaches',
        threshold: output.firstReaches,
      });
      return;
    }
    if (output.at === 'every') {
      times.forEach((t, row) => {
        const at = isoDateOfRow(t);
        columns.push({ name: `${output.figure}@${at}`, figure: output.figure, kind: 'at', row, at });
      });
      return;
    }
    const dates = output.at === 'last' ? ['last'] : typeof output.at === 'string' ? [output.at] : output.at;
    for (const date of dates) {
      let row = times.length - 1;
      if (date !== 'last') {
        const t = isoToTdbS(date);
        row = times.findIndex((time) => time === t);
        if (row < 0) {
          throw new InputError(
            `${date} is not an output time of the run (from ${tdbSToIso(times[0] ?? 0)}, step as in run.step); ` +
              `name one of its output dates or 'last'`,
            `outputs[${k}].at`,
          );
        }
      }
      columns.push({ name: `${output.figure}@${date}`, figure: output.figure, kind: 'at', row, at: date });
    }
  });
  const names = new Set<string>();
  for (const column of columns) {
    if (names.has(column.name)) throw new InputError(`${column.name} is asked for twice`, 'outputs');
    names.add(column.name);
  }
  return columns;
}

/**
 * Validate a parsed sweep document against its base scenario document (`baseName` names it; `source` names the
 * sweep in messages) and prepare the study. Nothing runs.
 */
export function prepareStudy(
  input: unknown,
  baseName: string,
  baseScenario: unknown,
  source = 'sweep',
): Study {
  const file = parseSweep(input, source);
  checkDesign(file);
  const base = scenarioFromObject(baseScenario, `base scenario ${baseName}`);
  file.parameters.forEach((parameter, j) => checkParameter(baseScenario, parameter, j));
  const step = parseStep(file.run.step, 'run.step');
  const fromTdbS = file.run.from === undefined ? base.fromTdbS : isoToTdbS(file.run.from);
  const toTdbS = file.run.to === undefined ? base.toTdbS : isoToTdbS(file.run.to);
  let times: number[];
  try {
    times = outputTimes(fromTdbS, toTdbS, step);
  } catch (error) {
    if (error instanceof InputError && error.field !== undefined) {
      throw new InputError(error.message.slice(error.field.length + 2), `run.${error.field}`);
    }
    throw error;
  }
  return {
    file,
    baseName,
    baseScenario,
    designSize: designSize(file),
    run: { fromTdbS, toTdbS, step, ...(file.run.tracers === undefined ? {} : { tracers: file.run.tracers }) },
    parameterPaths: file.parameters.map((p) => p.path),
    outputs: outputColumns(file, times),
  };
}
