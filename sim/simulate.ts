/**
 * The headless run. Builds the world once (cohorts, tracers, growth, Earth segment), then takes a snapshot at each
 * output time: from, from + step, ... (calendar or fixed steps, sim/duration.ts), and `to` itself. `simulate` uses
 * the float64 reference propagator synchronously; `simulateWith` takes positions from any backend.
 */
import { stepTime, type Step } from './duration.ts';
import { InputError } from './errors.ts';
import type { Scenario } from './scenario/resolve.ts';
import { createWorld, type Snapshot, type World, type WorldOptions } from './world.ts';
import type { Propagator } from './propagate/backend.ts';
import { eclipseEnergyLossByPassagesJ } from './earth/eclipsePassages.ts';

/**
 * Propagation backends (sim/propagate/backend.ts): `cpu64` the float64 reference, `cpu` the fast float64 path
 * (the default: deterministic, the same bytes on any thread count), `gpu` gpu.js in float32, `auto` the fastest
 * that passes its precision self-check (a timing choice, so not bit-reproducible from run to run).
 */
export const BACKEND_NAMES = ['cpu64', 'cpu', 'gpu', 'auto'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export interface SimulateOptions {
  readonly fromTdbS?: number;
  readonly toTdbS?: number;
  /** Output step (default: one calendar year). */
  readonly step?: Step;
  readonly tracers?: number;
  readonly seed?: number;
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
  /** The backend that actually computed the positions, and what ran it. */
  readonly backend: string;
  readonly device: string;
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
  /**
   * The growth model's state events (a site's feedstock exhausted, its grow-then-produce switch, the luminosity cap),
   * located by bisection in the integration; empty without a growth section. `site` is the site's name, or null
   * for the whole swarm.
   */
  readonly growthEvents: ReadonlyArray<{
    readonly tdbS: number;
    readonly kind: string;
    readonly site: string | null;
  }>;
}

/** Most output times one run may ask for, to catch a step typed in the wrong unit. */
export const MAX_OUTPUT_TIMES = 1_000_000;

/** One calendar year. */
export const DEFAULT_STEP: Step = { kind: 'calendar', months: 12 };

/** The output step of a run: the one asked for, else the scenario's own (`step`), else DEFAULT_STEP. */
export function outputStepOf(scenario: Scenario, step: Step | undefined): Step {
  return step ?? scenario.step ?? DEFAULT_STEP;
}

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

/** What simulate needs of a propagator. */
export type PositionSource = Pick<Propagator, 'name' | 'device' | 'positions'>;

interface RunSetup {
  readonly times: number[];
  readonly world: World;
  readonly fromTdbS: number;
  readonly toTdbS: number;
  readonly step: Step;
}

/**
 * The world options of a run's options over `spanTdbS` (the span snapshots will be asked for): the one place that
 * maps SimulateOptions to createWorld's, for the run and for the exports that build the run's world themselves.
 */
export function worldOptionsOf(
  options: SimulateOptions,
  spanTdbS: readonly [from: number, to: number],
): WorldOptions {
  return {
    ...(options.tracers === undefined ? {} : { tracers: options.tracers }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    spanTdbS,
    ...(options.skipBadSatellites === undefined ? {} : { skipBadSatellites: options.skipBadSatellites }),
    ...(options.eclipseResolutionS === undefined ? {} : { eclipseResolutionS: options.eclipseResolutionS }),
  };
}

function setUp(scenario: Scenario, options: SimulateOptions): RunSetup {
  const fromTdbS = options.fromTdbS ?? scenario.fromTdbS;
  const toTdbS = options.toTdbS ?? scenario.toTdbS;
  const step = outputStepOf(scenario, options.step);
  const times = outputTimes(fromTdbS, toTdbS, step);
  const world = createWorld(scenario, worldOptionsOf(options, [fromTdbS, toTdbS]));
  return { times, world, fromTdbS, toTdbS, step };
}

function finish(
  scenario: Scenario,
  { times, world, fromTdbS, toTdbS, step }: RunSetup,
  snapshots: Snapshot[],
  backend: { name: string; device: string },
): SimulationResult {
  const { earth } = world;
  return {
    scenario: scenario.name,
    seed: world.seed,
    backend: backend.name,
    device: backend.device,
    fromTdbS,
    toTdbS,
    step,
    tracerTableSize: world.swarm.table.count,
    snapshots,
    eclipseEnergyLossJ:
      earth === undefined
        ? []
        : times.map((t, k) => (k === 0 ? 0 : eclipseEnergyLossByPassagesJ(earth, times[k - 1] ?? t, t))),
    skippedSatellites: (earth?.skipped ?? []).map(({ name, reason }) => ({ name, reason })),
    growthEvents: growthStateEvents(world),
  };
}

const STATE_EVENTS: ReadonlySet<string> = new Set([
  'feedstock-exhausted',
  'allocation-switch',
  'luminosity-cap',
]);

function growthStateEvents(world: World): SimulationResult['growthEvents'] {
  const history = world.growthHistory;
  if (history === undefined) return [];
  return history.events
    .filter((event) => STATE_EVENTS.has(event.kind))
    .map((event) => ({
      tdbS: event.tdbS,
      kind: event.kind,
      site: event.siteIndex < 0 ? null : (history.params.sites[event.siteIndex]?.name ?? null),
    }));
}

/** The headless run with the float64 reference propagator, synchronously. */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  const setup = setUp(scenario, options);
  const snapshots = setup.times.map((t, k) => {
    const snapshot = setup.world.snapshot(t);
    options.onProgress?.(k + 1, setup.times.length);
    return snapshot;
  });
  return finish(scenario, setup, snapshots, {
    name: 'cpu64',
    device: 'float64 JavaScript reference (cpu64)',
  });
}

/**
 * The headless run with positions from `propagator` (any backend of sim/propagate/backend.ts). The aggregates,
 * shading, growth, energy and Earth segment are computed exactly as in `simulate`.
 */
export async function simulateWith(
  scenario: Scenario,
  propagator: PositionSource,
  options: SimulateOptions = {},
): Promise<SimulationResult> {
  const setup = setUp(scenario, options);
  const { world, times } = setup;
  const positions = new Float64Array(3 * world.swarm.table.count);
  const snapshots: Snapshot[] = [];
  // Secular perturbations run on the float64 reference only (sim/dynamics/secularPropagate.ts).
  const secular = scenario.secularPerturbations;
  for (const [k, t] of times.entries()) {
    const count = world.tracersOnStationAt(t);
    if (count > 0 && secular) world.positionsAt(t, positions);
    else if (count > 0) await propagator.positions(world.swarm.table, t, positions, count);
    snapshots.push(world.snapshotFromPositions(t, positions));
    options.onProgress?.(k + 1, times.length);
  }
  return finish(
    scenario,
    setup,
    snapshots,
    secular
      ? { name: 'cpu64', device: 'float64 JavaScript reference with secular perturbations (sim/dynamics)' }
      : propagator,
  );
}
