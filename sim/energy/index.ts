/**
 * The energy ledger and what the delivered power buys: the public surface of sim/energy.
 *
 * Typical use (the run): `resolveEnergy(parseEnergy(scenario.energy))` once (or `resolveEnergy(file.energy)` when
 * the scenario schema has already validated the section), then `energyLedgerAt(params, t, snapshot)` for each
 * output time, with `earthGridDeliveredW` from the Earth segment when there is one. `platformsAt(params, t)`
 * says where each hop's receivers are (for drawing the beams), when the scenario gives their receiverAt, and
 * `lineOfSightAt(params, t)` whether the Earth hides them (the ledger curtails those hops' hidden share).
 */
export {
  energySchema,
  energyLinkSchema,
  hopSchema,
  receiverAtSchema,
  computeSchema,
  efficiencyPointSchema,
  DESTINATIONS,
  MAX_SHARE_SUM,
  RECEIVER_KINDS,
  type ReceiverKind,
  type ReceiverAtFile,
  type Destination,
  type EnergyInput,
  type EnergyFile,
  type EnergyLinkFile,
  type HopFile,
  type ComputeFile,
} from './schema.ts';
export {
  parseEnergy,
  resolveEnergy,
  opsPerJouleAt,
  type EnergyParams,
  type EnergyLink,
  type EnergyHop,
  type ReceiverPlacement,
  type ComputeParams,
} from './resolve.ts';
export {
  platformsAt,
  receiverPlatformsAt,
  hopGeometricDistanceM,
  hopEndsAt,
  GEOSTATIONARY_RADIUS_M,
  EARTH_ROTATION_RAD_S,
  type HopEnds,
  type PlatformKind,
  type PlatformPosition,
} from './placement.ts';
export {
  lineOfSightAt,
  hopLineOfSight,
  lineOfSightClear,
  segmentDistanceFrom,
  aboveHorizon,
  EARTH_OCCULTING_RADIUS_M,
  LINE_OF_SIGHT_GRAZING_HEIGHT_M,
  type HopLineOfSight,
  type LineOfSightPair,
} from './occultation.ts';
export {
  energyLedgerAt,
  type EnergyLedger,
  type LedgerInputs,
  type LinkLedger,
  type HopLedger,
  type HopBudgetSummary,
  type LedgerStage,
  type LossesByKind,
  type HeatByLocation,
} from './ledger.ts';
export {
  computeNode,
  energyPerTaskJ,
  GREEN500_2020_11_FLOPS_PER_W,
  GREEN500_2022_06_FLOPS_PER_W,
  type ComputeNodeSpec,
  type ComputeNodeResult,
} from './compute.ts';
export {
  radiatorAreaM2,
  radiatedFluxWm2,
  radiatorTemperatureK,
  DEEP_SPACE_SINK_K,
  type RadiatorSpec,
} from './radiator.ts';
export {
  INFERENCE_ANCHORS,
  LANDAUER_TOKENS_PER_JOULE,
  SUSTAINED_DOUBLING_YEARS,
  TRAJECTORIES,
  TRAJECTORY_NAMES,
  anchorTokensPerJoule,
  fittedDoublingYears,
  inferenceProjection,
  type InferenceAnchor,
  type Trajectory,
  type TrajectoryName,
  type TrajectoryPoint,
} from './trajectories.ts';
export {
  CLUSTER_NODE_SAMPLES,
  GEOMETRY_MISMATCH_FACTOR,
  hopGeometryAt,
  hopGeometryWarnings,
  isMismatch,
  type CollectorSample,
  type HopGeometryCheck,
} from './hopGeometry.ts';
