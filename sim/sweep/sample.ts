/**
 * One sample of a study, a pure function of (study, index): its parameter values (design.ts) written into a deep
 * copy of the base scenario document, validated by the scenario's own schema, simulated with the float64
 * reference propagator (cpu64) and the sample's own tracer seed, and its outputs read through the catalogue. The
 * record is plain, serialisable data, the same whichever worker or machine computed it.
 *
 * A sample the schema or the physics refuses (an InputError) is recorded as `refused` with its reason; any other
 * error is recorded as `failed` (a bug to report), so no sample is dropped silently.
 */
import { InputError } from '../errors.ts';
import { FIGURES, readFigure } from '../report/figures.ts';
import { scenarioFromObject } from '../scenario/load.ts';
import { simulate, type SimulationResult } from '../simulate.ts';
import { designValues, sampleSeed } from './design.ts';
import { withValues } from './jsonPath.ts';
import type { OutputColumn, Study } from './study.ts';

export type SampleStatus = 'ok' | 'refused' | 'failed';

export interface SampleRecord {
  readonly index: number;
  /** The tracer seed the sample ran with (`essaim run --seed` reproduces it). */
  readonly seed: number;
  readonly status: SampleStatus;
  /** Why it was refused or failed; null when it ran. */
  readonly reason: string | null;
  /** Parameter values, in the study's parameter order. */
  readonly values: readonly number[];
  /** Output values, in the study's output column order; null where the figure is absent or never reached. */
  readonly outputs: ReadonlyArray<number | null>;
}

/** Julian years of 86 400 s days: Julian epoch J = 2000 + (t_TDB - J2000) / 365.25 d (IAU 1976). */
const JULIAN_YEAR_S = 365.25 * 86_400;

function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** An output column's value in a run: the figure at its row, or the Julian epoch it first reaches the threshold. */
export function readOutput(column: OutputColumn, run: SimulationResult): number | null {
  const figure = FIGURES.find((f) => f.key === column.figure);
  if (figure === undefined) return null;
  if (column.kind === 'at') return numberOf(readFigure(figure, run, column.row));
  for (let row = 0; row < run.snapshots.length; row += 1) {
    const value = numberOf(readFigure(figure, run, row));
    const snapshot = run.snapshots[row];
    if (value !== null && value >= column.threshold && snapshot !== undefined) {
      return 2000 + snapshot.tdbS / JULIAN_YEAR_S;
    }
  }
  return null;
}

/** The parameter values of sample `index` (in parameter order). */
export function sampleValues(study: Study, index: number): number[] {
  const row = designValues(study.file)[index];
  if (row === undefined) throw new RangeError(`sample ${index} is outside the design of ${study.designSize}`);
  return row;
}

/** Run sample `index` of `study`. */
export function runSample(study: Study, index: number): SampleRecord {
  const values = sampleValues(study, index);
  const seed = sampleSeed(study.file.seed, index);
  const record = (
    status: SampleStatus,
    reason: string | null,
    outputs: Array<number | null>,
  ): SampleRecord => ({
    index,
    seed,
    status,
    reason,
    values,
    outputs,
  });
  const none = study.outputs.map(() => null);
  try {
    const document = withValues(
      study.baseScenario,
      study.parameterPaths.map((path, j) => [path, values[j] ?? NaN] as const),
    );
    const scenario = scenarioFromObject(document, `sample ${index}`);
    const run = simulate(scenario, { ...study.run, seed });
    return record(
      'ok',
      null,
      study.outputs.map((column) => readOutput(column, run)),
    );
  } catch (error) {
    if (error instanceof InputError) return record('refused', error.message, none);
    return record('failed', error instanceof Error ? error.message : String(error), none);
  }
}
