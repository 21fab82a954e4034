/**
 * The stage-by-stage power chain of a link: each stage passes a fraction (0 to 1) of the power it receives.
 * Power after stage i is input * eff_1 * ... * eff_i; what a stage does not pass is its loss (heat, spill, or
 * power absorbed in the air). input = delivered + sum of losses, exactly up to rounding.
 */
import { InputError } from '../errors.ts';

/** One stage as specified: a name (a stable key), a description, and its efficiency in [0, 1]. */
export interface StageSpec {
  readonly name: string;
  readonly description: string;
  readonly efficiency: number;
}

/** One stage as computed. */
export interface ChainStage extends StageSpec {
  /** Power that leaves the stage, W. */
  readonly powerAfterW: number;
  /** Power lost in the stage, W. */
  readonly lossW: number;
}

export interface PowerChain {
  readonly inputW: number;
  readonly stages: readonly ChainStage[];
  readonly outputW: number;
  /** Product of the stage efficiencies. */
  readonly efficiency: number;
}

/** Run `inputW` through the stages. Throws InputError for an efficiency outside [0, 1] or a bad input power. */
export function buildChain(inputW: number, specs: readonly StageSpec[]): PowerChain {
  if (!Number.isFinite(inputW) || inputW < 0)
    throw new InputError(`must be a finite power >= 0 W, got ${inputW}`, 'inputW');
  let power = inputW;
  let efficiency = 1;
  const stages = specs.map((spec, index) => {
    if (!Number.isFinite(spec.efficiency) || spec.efficiency < 0 || spec.efficiency > 1) {
      throw new InputError(
        `must be within [0, 1], got ${spec.efficiency}`,
        `stages[${index}].efficiency (${spec.name})`,
      );
    }
    const after = power * spec.efficiency;
    const stage: ChainStage = { ...spec, powerAfterW: after, lossW: power - after };
    power = after;
    efficiency *= spec.efficiency;
    return stage;
  });
  return { inputW, stages, outputW: power, efficiency };
}
