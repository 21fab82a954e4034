/** Power-beaming link budget: the public surface of sim/beam. */
export { computeLinkBudget, type LinkBudget, type FieldRegime, type ReceiverGeometry } from './linkBudget.ts';
export {
  resolveLink,
  linkInputSchema,
  LINK_DEFAULTS,
  type LinkInput,
  type ResolvedLink,
  type Band,
} from './input.ts';
export { buildChain, type ChainStage, type PowerChain, type StageSpec } from './chain.ts';
export { goubauTau, goubauOptimalEfficiency, goubauExactOptimalEfficiency, friisFraction } from './goubau.ts';
export { gaussianTaper, type ApertureTaper } from './taper.ts';
export { buildBeamProfile, encircledFraction, type BeamProfile } from './diffraction.ts';
export {
  rayleighRangeM,
  gaussianBeamRadiusM,
  farFieldDivergenceRad,
  gaussianPowerWithinRadius,
} from './gaussianBeam.ts';
export { slantRangeM, elevationToSatelliteRad, projectReceiver } from './geometry.ts';
export { radioAtmosphere, opticalClearSkyTransmission, dbToTransmission } from './atmosphere.ts';
export { gaseousSlantAttenuationDb, STANDARD_SURFACE_ATMOSPHERE } from './gaseous.ts';
export {
  rainCoefficients,
  rainSpecificAttenuationDbKm,
  rainSlantLengthKm,
  instantaneousRainAttenuationDb,
  p618RainAttenuation001Db,
  p618RainAttenuationDb,
  type RainPath,
  type RainPathGeometry,
  type RainSlant,
} from './rain.ts';
export { publicExposureLimitWm2, occupationalExposureLimitWm2, ionosphericLimitWm2 } from './safety.ts';
export { requiredApertures, type RequiredApertures } from './solver.ts';
export { compareLongRange, type LongRangeComparison } from './longRange.ts';
