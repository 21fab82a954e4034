/**
 * simulate(): the headless run. Builds the world once, then takes a snapshot at each output time from `from` to
 * `to` (both included) every `stepS`. Output times are from + k * stepS; the last one is `to` itself.
 */
import { stepTime, type Step } from './duration.ts';
import { InputError } from './errors.ts';
import type { Scenario } from './scenario/resolve.ts';
import { createWorld, type Snapshot } from './world.ts';
import { eclipseEnergyLossJ } from './earth/eclipseLoss.ts';

/** Propagation backends. Only the float64 reference exists so far; `cpu` and `auto` resolve to it. */
export const BACKEND_NAMES = ['cpu64', 'cpu', 'auto'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export interface SimulateOptions {
  readonly fromTdbS?: number;
  readonly toTdbS?: number;
  /** Output step (default: one calendar year). */
  readonly step?: Step;
  readonly tracers?: number;
  readonly seed?: number;
  readonly backend?: BackendName;
  /** Drop power satellites whose element sets satellite.js refuses, instead of stopping. */
  readonly skipBadSatellites?: boolean;
  /** Sampling step of the eclipse-loss integral, s. */
  readonly eclipseResolutionS?: number;
  /** Called after each output time with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SimulationResult {
  readonly scenario: string;
  readonly seed: number;
  /** The backend that actually computed the positions. */
  readonly backend: 'cpu64';
  readonly fromTdbS: number;
  readonly toTdbS: number;
  readonly step: Step;
  /** Tracers in the whole table (all cohorts, on station or not yet). */
  readonly tracerTableSize: number;
  readonly snapshots: readonly Snapshot[];
  /**
   * Energy the power satellites could not send because of eclipses, J, over the interval that ends at each output
   * time (0 for the first); empty without an earth section.
   */
  readonly eclipseEnergyLossJ: readonly number[];
  /** Satellites dropped by skipBadSatellites, with satellite.js's reason. */
  readonly skippedSatellites: ReadonlyArray<{ readonly name: string; readonly reason: string }>;
}

/** Most output times one run may ask for, to catch a step typed in the wrong unit. */
export const MAX_OUTPUT_TIMES = 1_000_000;

/** One calendar year. */
export const DEFAULT_STEP: Step = { kind: 'calendar', months: 12 };

/** The output times of a run: from, from + step, from + 2 step, ..., and `to` itself. */
export function outputTimes(fromTdbS: number, toTdbS: number, step: Step): number[] {
  if (!(toTdbS > fromTdbS))
    throw new InputError(`must be after from, got a span of ${toTdbS - fromTdbS} s`, 'to');
  const times: number[] = [];
  for (let k = 0; ; k += 1) {
    const t = stepTime(fromTdbS, step, k);
    if (!(t < toTdbS)) break;
    if (times.length >= MAX_OUTPUT_TIMES) {
      throw new InputError(`gives more than ${MAX_OUTPUT_TIMES} output times; use a longer step`, 'step');
    }
    times.push(t);
  }
  times.push(toTdbS);
  return times;
}

export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  const fromTdbS = options.fromTdbS ?? scenario.fromTdbS;
  const toTdbS = options.toTdbS ?? scenario.toTdbS;
  const step = options.step ?? DEFAULT_STEP;
  const backend = options.backend ?? 'auto';
  if (!BACKEND_NAMES.includes(backend)) {
    throw new InputError(
      `must be one of ${BACKEND_NAMES.join(', ')}, got ${JSON.stringify(backend)}`,
      'backend',
    );
  }
  const times = outputTimes(fromTdbS, toTdbS, step);
  const world = createWorld(scenario, {
    ...(options.tracers === undefined ? {} : { tracers: options.tracers }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    spanTdbS: [fromTdbS, toTdbS],
    ...(options.skipBadSatellites === undefined ? {} : { skipBadSatellites: options.skipBadSatellites }),
    ...(options.eclipseResolutionS === undefined ? {} : { eclipseResolutionS: options.eclipseResolutionS }),
  });
  const { earth } = world;
  const eclipseLossJ: number[] = [];
  const snapshots: Snapshot[] = [];
  times.forEach((t, k) => {
    snapshots.push(world.snapshot(t));
    if (earth !== undefined) eclipseLossJ.push(k === 0 ? 0 : eclipseEnergyLossJ(earth, times[k - 1] ?? t, t));
    options.onProgress?.(k + 1, times.length);
  });
  return {
    scenario: scenario.name,
    seed: world.seed,
    backend: 'cpu64',
    fromTdbS,
    toTdbS,
    step,
    tracerTableSize: world.swarm.table.count,
    snapshots,
    eclipseEnergyLossJ: eclipseLossJ,
    skippedSatellites: (earth?.skipped ?? []).map(({ name, reason }) => ({ name, reason })),
  };
}
