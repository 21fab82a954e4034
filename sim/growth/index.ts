/**
 * The growth model: factories on the Moon, near-Earth asteroids and Mercury that copy themselves, make collectors
 * and launch them with mass drivers; integrated once, read at any time, and turned into cohorts.
 *
 *   growthSchema (zod) -> resolveGrowth(file, context) -> GrowthParams (SI)
 *   integrateGrowth(params, ctx) -> GrowthHistory (samples + cohorts + events)
 *   growthStateAt(history, tdbS) -> GrowthState
 */
export { growthSchema, growthSiteSchema } from './schema.ts';
export type { GrowthFile, GrowthInput, GrowthSiteFile, ScheduleFile } from './schema.ts';
export { resolveGrowth, growthFromObject } from './resolve.ts';
export type { GrowthResolveContext } from './resolve.ts';
export type { GrowthParams, SiteParams, SiteTarget, MassDriverParams, Landing } from './params.ts';
export { integrateGrowth } from './integrate.ts';
export type { GrowthContext, GrowthHistory, GrowthEvent, CollectorPayback } from './integrate.ts';
export { growthStateAt, bindingLimitTimeline } from './state.ts';
export type { GrowthState, MassLedger, EnergyLedger, BindingLimitChange } from './state.ts';
export { BINDING_LIMITS } from './rates.ts';
export type { BindingLimit } from './rates.ts';
export { hohmannTransfer } from './transfer.ts';
export type { Transfer } from './transfer.ts';
export { BODY_DEFAULTS, uniformSphereBindingEnergyJ } from './bodies.ts';
export type { BodyKind, BodyDefaults } from './bodies.ts';
export { scheduleAt } from './schedule.ts';
export type { Schedule } from './schedule.ts';
export {
  lunarStreamTemplate,
  EARTH_MOON_DISTANCE_M,
  EARTH_MOON_MASS_RATIO,
  EARTH_MOON_MEAN_MOTION_RAD_S,
  EARTH_HILL_RADIUS_M,
  LUNAR_HILL_RADIUS_M,
  LUNAR_ESCAPE_SPEED_MS,
  DEFAULT_STREAM_MAX_AGE_S,
} from './lunarStreamTemplate.ts';
export type { LunarStreamTemplate, LunarStreamOptions, LunarStreamEnd } from './lunarStreamTemplate.ts';
export {
  lunarStreamPositionsM,
  lunarStreamRotatingPositionsM,
  lunarStreamOffsetScale,
} from './lunarStreamPositions.ts';
export { siteLaunchRateKgPerS } from './launchRates.ts';
export { createMassDriverStreams } from './massDriverStream.ts';
export type { MassDriverStreamState, MassDriverStreams } from './massDriverStream.ts';
export { createTransitStreams, transitPositionM, EARTH_LONGITUDE_TABLE_STEP_S } from './transit.ts';
export type { TransitKind, TransitPath, TransitPathState, TransitStreams } from './transit.ts';
export { flyTransfer, STANDARD_GRAVITY_M_S2 } from './propulsion/flyTransfer.ts';
export type { FlightRequest, FlightSteering, FlightTrack, FlownTransfer } from './propulsion/flyTransfer.ts';
export { resolvePathTransfer, type PathTransfer } from './propulsion/resolvePropulsion.ts';
export { describeTransfers } from './propulsion/describeTransfers.ts';
export { propulsionSchema, type PropulsionFile } from './propulsion/schema.ts';
