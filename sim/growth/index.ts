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
export { shadedCapturedPowerW, interceptedPowerW, coverageFraction } from './shading.ts';
export type { ShellCollectors } from './shading.ts';
export { hohmannTransfer } from './transfer.ts';
export type { Transfer } from './transfer.ts';
export { BODY_DEFAULTS, uniformSphereBindingEnergyJ } from './bodies.ts';
export type { BodyKind, BodyDefaults } from './bodies.ts';
export { scheduleAt } from './schedule.ts';
export type { Schedule } from './schedule.ts';
export { growthForScenario, growthContext, growthResolveContext } from './fromScenario.ts';
