/**
 * The validated `earth` section in two steps.
 * - resolveEarthSpec (called once by sim/scenario/resolve.ts): the section in SI, with nothing that depends on the
 *   run: degrees -> rad, ISO dates -> TDB seconds, days -> s, durations -> s, transmitter presets merged.
 * - buildEarthSegment (called by the world for the run's span): the element sets read with satellite.js and
 *   propagated across the run (every 5 days, the node spacing of the SDP4 cache); any failure is reported with the
 *   satellite's name and satellite.js's reason. Bad satellites stop the run with an InputError (the CLI's exit
 *   code 2) listing all of them, unless `skipBadSatellites`, in which case they are dropped and listed in
 *   `skipped` for the caller to print. The spec keeps the element sets as text, so every world reads its own
 *   satrecs (satellite.js mutates them while propagating) and two worlds built from one scenario never share one.
 */
import { checkForDecay, sgp4 } from 'satellite.js';
import { SECONDS_PER_DAY } from '../constants.ts';
import { parseDurationS } from '../duration.ts';
import { InputError } from '../errors.ts';
import { locateEventWithin } from '../numeric/locateEvent.ts';
import { isoToTdbS, julianDateToUtcMs, tdbSToIso, tdbSToUtcMs, utcMsToTdbS } from '../time.ts';
import { describeSatrecError, readOmm, readTle, type ReadResult } from './elementSets.ts';
import type { GeodeticSite } from './lookAngles.ts';
import { elementsOrbit, stationKeptOrbit, type OrbitModel } from './orbitModel.ts';
import { POWER_CLASSES } from './powerClasses.ts';
import type { RainZone } from './rainClimate.ts';
import { DEFAULT_NODE_STEPS, DSPACE_STEP_MIN, cachedSatrec } from './sdp4Cache.ts';
import type { EarthFile, PowerSatelliteFile, RectennaSiteFile } from './schema.ts';
import type { TransmitterFile } from './transmitterSchema.ts';

const DEG = Math.PI / 180;
/** Catalog numbers given to generated element sets: 99000 + the satellite's index. */
const GENERATED_CATALOG_BASE = 99_000;
/** Days added on both sides of the run when building the SDP4 caches. */
const CACHE_MARGIN_DAYS = 10;

/** A satellite's transmitter, SI. */
export type Transmitter = Readonly<Required<TransmitterFile>>;

export interface PowerSatellite {
  readonly name: string;
  readonly source: 'tle' | 'omm' | 'slot';
  /** First instant with power on station, TDB s (launch + commissioning; -Infinity if unknown). */
  readonly inServiceTdbS: number;
  /** End of service, TDB s (+Infinity if none). */
  readonly retireTdbS: number;
  readonly transmitter: Transmitter;
  /** Index of the site this satellite is dedicated to, or null. */
  readonly dedicatedSite: number | null;
  readonly orbit: OrbitModel;
}

export type SiteRain =
  | { readonly kind: 'rate'; readonly rainRateMmH: number }
  | { readonly kind: 'zone'; readonly zone: RainZone };

export interface RectennaSite {
  readonly name: string;
  readonly geodetic: GeodeticSite;
  /** Ground ellipse, m: width across the azimuth of the serving satellite, length along it. */
  readonly widthM: number;
  readonly lengthM: number;
  readonly rectennaEfficiency: number | undefined;
  readonly halfEfficiencyDensityWm2: number | undefined;
  readonly grid: { readonly name: string; readonly capacityW: number; readonly efficiency: number };
  readonly rain: SiteRain;
  readonly rainHeightM: number | undefined;
  readonly elevationMaskRad: number;
  readonly commissionedTdbS: number;
  readonly retireTdbS: number;
}

/** A satellite refused (or dropped) with the reason. */
export interface BadSatellite {
  readonly name: string;
  readonly index: number;
  readonly reason: string;
}

export interface EarthSegment {
  readonly satellites: readonly PowerSatellite[];
  readonly sites: readonly RectennaSite[];
  /** Sampling step of the eclipse-loss integral, s. */
  readonly eclipseResolutionS: number;
  /** Satellites dropped by skipBadSatellites, with satellite.js's reason. */
  readonly skipped: readonly BadSatellite[];
}

/** Where a satellite's orbit comes from, as the scenario gives it (SI; element sets as validated text). */
export type OrbitSourceSpec =
  | {
      readonly kind: 'slot';
      readonly catalogNumber: number;
      readonly longitudeRad: number;
      readonly inclinationRad: number;
      readonly cycleMs: number;
    }
  | { readonly kind: 'tle'; readonly lines: readonly [string, string] }
  | { readonly kind: 'omm'; readonly omm: Readonly<Record<string, unknown>> };

/** A power satellite as the scenario gives it, SI, before its orbit is built for a run. */
export interface PowerSatelliteSpec {
  readonly name: string;
  /** Its index in the section's `satellites` (error messages name `earth.satellites[index]`). */
  readonly index: number;
  /** Launch, TDB s (-Infinity if unknown): the anchor of a slot's station-keeping cycles. */
  readonly launchTdbS: number;
  readonly inServiceTdbS: number;
  readonly retireTdbS: number;
  readonly transmitter: Transmitter;
  readonly dedicatedSite: number | null;
  readonly orbit: OrbitSourceSpec;
}

/** The `earth` section in SI (sim/scenario/resolve.ts holds it as `Scenario.earth`). */
export interface EarthSpec {
  readonly satellites: readonly PowerSatelliteSpec[];
  readonly sites: readonly RectennaSite[];
  /** Sampling step of the eclipse-loss integral, s (the section's eclipseResolution). */
  readonly eclipseResolutionS: number;
  /** The section's skipBadSatellites. */
  readonly skipBadSatellites: boolean;
}

export interface ResolveEarthOptions {
  /** The run's span, TDB s: element sets are checked and cached over it. */
  readonly fromTdbS: number;
  readonly toTdbS: number;
  /** Overrides the section's skipBadSatellites (the CLI flag). */
  readonly skipBadSatellites?: boolean;
  /** Overrides the section's eclipseResolution, s (the CLI's --eclipse-resolution). */
  readonly eclipseResolutionS?: number;
}

function transmitterOf(sat: PowerSatelliteFile): Transmitter {
  const preset = sat.powerClass === undefined ? undefined : POWER_CLASSES[sat.powerClass];
  const merged = { taperDb: 10, phaseErrorRmsRad: 0, pointingErrorRad: 0, pointingJitterRad: 0, ...preset };
  for (const [key, value] of Object.entries(sat.transmitter ?? {})) {
    if (value !== undefined) (merged as Record<string, number>)[key] = value;
  }
  return merged as Transmitter;
}

function optionalTdbS(iso: string | undefined, fallback: number): number {
  return iso === undefined ? fallback : isoToTdbS(iso);
}

/** satellite.js's verdict at one instant: null when it propagates, else the reason. */
function failureAt(orbit: Extract<OrbitModel, { kind: 'elements' }>, tdbS: number): string | null {
  const tsinceMin = (tdbSToUtcMs(tdbS) - orbit.epochUtcMs) / 60_000;
  const rec = cachedSatrec(orbit.cache, tsinceMin);
  const pv = sgp4(rec, tsinceMin);
  const when = `at ${tdbSToIso(tdbS)} (${(tsinceMin / 1440).toFixed(3)} days from the element epoch)`;
  if (pv === null) return `${describeSatrecError(rec.error)} ${when}`;
  if (!Number.isFinite(pv.position.x)) return `satellite.js returned a non-finite position ${when}`;
  if (checkForDecay(rec)) {
    return `satellite.js checkForDecay: the orbit has decayed (community decay check; SGP4 itself still returned a position) ${when}`;
  }
  return null;
}

/**
 * First failure of an element set across [fromTdbS, toTdbS], or null. Sampled every 1/20 of an orbit over the
 * first day (a decaying orbit fails within hours and may return garbage positions later), then every node span
 * (5 days); the first failing interval is bisected to one minute, so the reason quoted is satellite.js's at the
 * first failure.
 */
function propagationProblem(orbit: OrbitModel, fromTdbS: number, toTdbS: number): string | null {
  if (orbit.kind !== 'elements') return null;
  const periodS = ((2 * Math.PI) / orbit.cache.base.no) * 60;
  const fineStepS = Math.max(60, periodS / 20);
  const coarseStepS = DEFAULT_NODE_STEPS * DSPACE_STEP_MIN * 60;
  let good = fromTdbS;
  let tdbS = fromTdbS;
  for (;;) {
    if (failureAt(orbit, tdbS) !== null) {
      if (tdbS === fromTdbS) return failureAt(orbit, tdbS);
      const bad = locateEventWithin((t) => failureAt(orbit, t) !== null, good, tdbS, 60);
      return failureAt(orbit, bad);
    }
    good = tdbS;
    if (tdbS >= toTdbS) return null;
    tdbS = Math.min(toTdbS, tdbS + (tdbS - fromTdbS < SECONDS_PER_DAY ? fineStepS : coarseStepS));
  }
}

function satelliteSpec(
  sat: PowerSatelliteFile,
  index: number,
  siteIndex: ReadonlyMap<string, number>,
): PowerSatelliteSpec {
  const launchTdbS = optionalTdbS(sat.launch, -Infinity);
  const orbit: OrbitSourceSpec =
    sat.slot !== undefined
      ? {
          kind: 'slot',
          catalogNumber: GENERATED_CATALOG_BASE + index,
          longitudeRad: sat.slot.longitudeDeg * DEG,
          inclinationRad: sat.slot.inclinationDeg * DEG,
          cycleMs: sat.slot.stationKeepingDays * 86_400_000,
        }
      : sat.tle !== undefined
        ? { kind: 'tle', lines: [sat.tle[0], sat.tle[1]] }
        : { kind: 'omm', omm: sat.omm as Record<string, unknown> };
  return {
    name: sat.name,
    index,
    launchTdbS,
    inServiceTdbS: launchTdbS + sat.commissioningDays * SECONDS_PER_DAY,
    retireTdbS: optionalTdbS(sat.retire, Infinity),
    transmitter: transmitterOf(sat),
    dedicatedSite: sat.rectenna === undefined ? null : (siteIndex.get(sat.rectenna) ?? null),
    orbit,
  };
}

/** The satellite with its orbit built over the run's span, or the reason satellite.js refuses it. */
function buildSatellite(spec: PowerSatelliteSpec, options: ResolveEarthOptions): PowerSatellite | string {
  const { name, inServiceTdbS, retireTdbS, transmitter, dedicatedSite } = spec;
  const base = { name, inServiceTdbS, retireTdbS, transmitter, dedicatedSite };
  const margin = CACHE_MARGIN_DAYS * SECONDS_PER_DAY;
  const spanFrom = Math.max(options.fromTdbS, inServiceTdbS);
  const spanTo = Math.min(options.toTdbS, retireTdbS);
  const source = spec.orbit;

  if (source.kind === 'slot') {
    // Generating the cycles of the run also checks that satellite.js accepts the slot's element sets.
    const orbit = stationKeptOrbit(
      {
        kind: 'station-kept',
        name,
        catalogNumber: source.catalogNumber,
        longitudeRad: source.longitudeRad,
        inclinationRad: source.inclinationRad,
        cycleMs: source.cycleMs,
        anchorUtcMs: tdbSToUtcMs(spec.launchTdbS),
      },
      tdbSToUtcMs(spanFrom),
      tdbSToUtcMs(Math.max(spanFrom, spanTo)),
    );
    return { ...base, source: 'slot', orbit };
  }

  const read: ReadResult =
    source.kind === 'tle' ? readTle(source.lines[0], source.lines[1]) : readOmm({ ...source.omm });
  if (!read.ok) return read.reason;
  const epochTdbS = utcMsToTdbS(julianDateToUtcMs(read.satrec.jdsatepoch));
  const from = Math.min(spanFrom, epochTdbS) - margin;
  const to = Math.max(spanTo, epochTdbS) + margin;
  const orbit = elementsOrbit(read.satrec, tdbSToUtcMs(from), tdbSToUtcMs(to));
  if (spanTo >= spanFrom) {
    const problem = propagationProblem(orbit, spanFrom, spanTo);
    if (problem !== null) return problem;
  }
  return { ...base, source: source.kind, orbit };
}

function resolveSite(site: RectennaSiteFile, elevationMaskDeg: number): RectennaSite {
  return {
    name: site.name,
    geodetic: {
      latitudeRad: site.latitudeDeg * DEG,
      longitudeRad: site.longitudeDeg * DEG,
      heightM: site.altitudeM,
    },
    widthM: site.aperture.widthM,
    lengthM: site.aperture.lengthM,
    rectennaEfficiency: site.rectennaEfficiency,
    halfEfficiencyDensityWm2: site.halfEfficiencyDensityWm2,
    grid: { ...site.grid },
    rain:
      site.rainZone !== undefined
        ? { kind: 'zone', zone: site.rainZone }
        : { kind: 'rate', rainRateMmH: site.rainRateMmH ?? 0 },
    rainHeightM: site.rainHeightM,
    elevationMaskRad: (site.elevationMaskDeg ?? elevationMaskDeg) * DEG,
    commissionedTdbS: optionalTdbS(site.commissioned, -Infinity),
    retireTdbS: optionalTdbS(site.retire, Infinity),
  };
}

/** The validated section (earthSchema's output) in SI. Nothing here depends on the run. */
export function resolveEarthSpec(file: EarthFile): EarthSpec {
  const siteIndex = new Map(file.sites.map((site, index) => [site.name, index] as const));
  return {
    satellites: file.satellites.map((sat, index) => satelliteSpec(sat, index, siteIndex)),
    sites: file.sites.map((site) => resolveSite(site, file.elevationMaskDeg)),
    eclipseResolutionS: parseDurationS(file.eclipseResolution, 'earth.eclipseResolution'),
    skipBadSatellites: file.skipBadSatellites,
  };
}

/**
 * The Earth segment of a run over [options.fromTdbS, options.toTdbS]. Throws InputError naming every bad
 * satellite and satellite.js's reason, unless skipping is on (the options' flag, else the section's).
 */
export function buildEarthSegment(spec: EarthSpec, options: ResolveEarthOptions): EarthSegment {
  if (!(options.toTdbS >= options.fromTdbS)) {
    throw new InputError(
      `must not be before from, got a span of ${options.toTdbS - options.fromTdbS} s`,
      'to',
    );
  }
  const satellites: PowerSatellite[] = [];
  const bad: BadSatellite[] = [];
  for (const sat of spec.satellites) {
    const built = buildSatellite(sat, options);
    if (typeof built === 'string') bad.push({ name: sat.name, index: sat.index, reason: built });
    else satellites.push(built);
  }
  const skip = options.skipBadSatellites ?? spec.skipBadSatellites;
  if (bad.length > 0 && !skip) {
    const first = bad[0] as BadSatellite;
    const list = bad
      .map((b) => `earth.satellites[${b.index}] ${JSON.stringify(b.name)}: ${b.reason}`)
      .join('; ');
    throw new InputError(
      `${bad.length} bad element set${bad.length === 1 ? '' : 's'}: ${list} (set skipBadSatellites to run without ${bad.length === 1 ? 'it' : 'them'})`,
      `earth.satellites[${first.index}]`,
    );
  }
  const eclipseResolutionS = options.eclipseResolutionS ?? spec.eclipseResolutionS;
  if (!(eclipseResolutionS > 0) || !Number.isFinite(eclipseResolutionS)) {
    throw new InputError(`must be a positive duration, got ${eclipseResolutionS} s`, 'eclipseResolution');
  }
  return { satellites, sites: spec.sites, eclipseResolutionS, skipped: bad };
}
