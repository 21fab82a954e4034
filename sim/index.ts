/**
 * Essaim's programmatic API. Everything is SI (m, s, kg, W, rad); times are TDB seconds past J2000.0 (see
 * sim/time.ts); heliocentric vectors are in the ecliptic-J2000 frame. The README documents each function.
 */
import { InputError } from './errors.ts';
import {
  builtinScenarioNames,
  loadBuiltinScenario,
  scenarioFromJson,
  scenarioFromObject,
} from './scenario/load.ts';
import type { Scenario } from './scenario/resolve.ts';

export * from './constants.ts';
export { InputError } from './errors.ts';
export { isoToTdbS, tdbSToIso, tdbSToJdTdb, jdTdbToTdbS, tdbSToTtS } from './time.ts';
export { parseStep, parseDurationS, stepTime, type Step } from './duration.ts';
export { solveKepler } from './orbit/kepler.ts';
export { keplerToState, stateToKepler, propagateElements } from './orbit/state.ts';
export { lightnessNumber, effectiveMu } from './orbit/radiationPressure.ts';
export type { KeplerElements, StateVector, Vec3 } from './orbit/elements.ts';
export {
  createTracerTable,
  setTracer,
  validateTracerTable,
  type TracerTable,
} from './propagate/tracerTable.ts';
export { propagateCpu64 as propagate, heliocentricDistancesCpu64 } from './propagate/cpu64.ts';
export {
  simulate,
  simulateWith,
  outputTimes,
  type SimulateOptions,
  type SimulationResult,
} from './simulate.ts';
export {
  createPropagator,
  createCpuPropagator,
  createCpu64Propagator,
  type Propagator,
  type BackendName,
} from './propagate/backend.ts';
export { createWorld, type World, type Snapshot } from './world.ts';
export { toSummary, summaryToCsv, summaryToJson, type Summary, type SummaryRow } from './report/summary.ts';
export { FIGURES, FIGURE_GROUPS, figureValues, type FigureKey, type FigureUnit } from './report/figures.ts';
export { builtinScenarioNames, scenarioFromJson, scenarioFromObject } from './scenario/load.ts';
export type { Scenario } from './scenario/resolve.ts';
export type { CollectorSpec } from './swarm/collector.ts';
export type { ShellSpec } from './swarm/shell.ts';
export type { Campaign } from './swarm/schedule.ts';
export { scenarioSchema } from './scenario/schema.ts';
export { computeLinkBudget, requiredApertures, compareLongRange, type LinkBudget } from './beam/index.ts';
export type { LinkInput } from './beam/input.ts';
export { energyLedgerAt, type EnergyLedger } from './energy/ledger.ts';
export { groundLedgerAt, type GroundInputs, type GroundLedger } from './ground/ledger.ts';
export { groundStateAt, type GroundState } from './ground/at.ts';
export { integrateGrowth, growthStateAt, type GrowthHistory, type GrowthState } from './growth/index.ts';

/**
 * Load a scenario: a built-in name (`'baseline'`), a JSON text, or an already-parsed object. Validates and
 * converts to SI; throws InputError naming every bad field.
 */
export function loadScenario(source: string | object): Scenario {
  if (typeof source === 'object') return scenarioFromObject(source);
  if (builtinScenarioNames().includes(source)) return loadBuiltinScenario(source);
  if (source.trimStart().startsWith('{')) return scenarioFromJson(source);
  throw new InputError(
    `must be a built-in scenario name (${builtinScenarioNames().join(', ')}), JSON text or an object, got ${JSON.stringify(source.slice(0, 40))}`,
    'scenario',
  );
}
