/**
 * The Earth segment of 2030-2040: geostationary power satellites propagated with satellite.js (SGP4/SDP4),
 * ground rectennas, the Earth's shadow, and the power beamed to the grid through sim/beam. Public surface.
 *
 * Typical use (the run): `buildEarthSegment(resolveEarthSpec(earthSchema.parse(section)), { fromTdbS, toTdbS })`
 * once (the scenario resolves the spec, the world builds the segment for its span), then
 * `earthSegmentAt(earth, t)` for each output time and `eclipseEnergyLossByPassagesJ(earth, previous, t)` for each row
 * (eclipsePassages.ts; eclipseLoss.ts keeps the fixed-grid integral it is tested against).
 */
export {
  earthSchema,
  powerSatelliteSchema,
  rectennaSiteSchema,
  slotSchema,
  type EarthFile,
  type EarthInput,
  type PowerSatelliteFile,
  type RectennaSiteFile,
} from './schema.ts';
export { transmitterSchema, type TransmitterFile } from './transmitterSchema.ts';
export {
  resolveEarthSpec,
  buildEarthSegment,
  type EarthSpec,
  type PowerSatelliteSpec,
  type OrbitSourceSpec,
  type BadSatellite,
  type EarthSegment,
  type PowerSatellite,
  type RectennaSite,
  type ResolveEarthOptions,
  type SiteRain,
  type Transmitter,
} from './resolve.ts';
export {
  earthSegmentAt,
  linkBudgetFor,
  litGridPowerW,
  siteRainRateMmH,
  type EarthSegmentState,
  type SatelliteState,
  type SegmentOptions,
  type SiteState,
} from './segment.ts';
export {
  eclipseEnergyLossJ,
  eclipseLossReport,
  findEclipses,
  type EclipseEvent,
  type EclipseLossReport,
  type SatelliteEclipseLoss,
} from './eclipseLoss.ts';
export {
  eclipseEnergyLossByPassagesJ,
  eclipseLossByPassages,
  integratePassages,
  type PassageIntegral,
} from './eclipsePassages.ts';
export {
  analyticGeoEclipseMinutes,
  shadowFraction,
  shadowFractionOf,
  shadowGeometry,
  inUmbra,
  type AnalyticGeoEclipse,
  type ShadowGeometry,
} from './eclipse.ts';
export {
  SATREC_ERROR_MEANINGS,
  describeSatrecError,
  formatTle,
  readOmm,
  readTle,
  tleChecksum,
  tleFormatProblem,
  toOmm,
  type MeanElementsText,
  type ReadResult,
} from './elementSets.ts';
export {
  SIDEREAL_MEAN_MOTION_REV_PER_DAY,
  generateGeoElementSet,
  subSatelliteLongitudeRad,
  type GeoSlotElementSet,
  type GeoSlotRequest,
} from './geoSlot.ts';
export { buildSdp4Cache, cachedSatrec, hasResonanceIntegrator, type Sdp4Cache } from './sdp4Cache.ts';
export {
  elementsOrbit,
  satrecAt,
  stationKeptOrbit,
  temeAt,
  type OrbitModel,
  type TemeResult,
} from './orbitModel.ts';
export { temeToEqjMatrix, temeToGeocentricEcliptic, temeToHeliocentricEclipticM } from './frames.ts';
export {
  geoLookAnglesEllipsoidal,
  geoLookAnglesSpherical,
  lookAngles,
  siteEcfKm,
  type GeodeticSite,
  type LookAngles,
} from './lookAngles.ts';
export { POWER_CLASSES, POWER_CLASS_NAMES, type PowerClassName } from './powerClasses.ts';
export {
  P837_1_PERCENTAGES,
  P837_1_RAIN_ZONES,
  RAIN_ZONES,
  annualMeanRainLoss,
  energyEquivalentRainRateMmH,
  type RainZone,
} from './rainClimate.ts';
