/**
 * The Earth segment at one instant: where each power satellite is, whether it is in the Earth's shadow, which
 * rectenna it serves, and the power that reaches the grid. A pure function of (segment, time): random access.
 *
 * Per satellite: SGP4 (orbitModel.ts) -> TEME km -> ECF by GMST and WGS-84 geodetic (satellite.js) -> look
 * angles from each site (lookAngles.ts); TEME -> EQJ (frames.ts) for the Earth's shadow (eclipse.ts) with the Sun
 * from sim/geometry/sunPosition.ts, and -> heliocentric ECLIPJ2000 for the scene (the Earth from
 * sim/geometry/earthPosition.ts). GMST from sim/geometry/earthRotation.ts.
 *
 * Assignment (one beam per satellite, one satellite per rectenna): a satellite dedicated to a site serves it
 * whenever it clears the site's elevation mask (if two are dedicated to one site, the higher one); the others
 * take the remaining free sites they see, highest elevation first. A dedicated satellite never serves another
 * site.
 *
 * Power: the satellite's transmitter gets dcPowerW x (1 - shadow fraction) (no storage: the array alone feeds
 * the transmitter); the link runs through the beam module (sim/beam computeLinkBudget: Goubau collection with
 * the 10 dB taper, ITU-R gases and rain at the elevation, rectenna conversion); the grid gets the rectenna's DC
 * times the grid connection's efficiency, up to its capacity (the rest is curtailed).
 */
import { eciToGeodetic } from 'satellite.js';
import { computeLinkBudget, type LinkBudget } from '../beam/index.ts';
import { CIRCULAR_POLARISATION_TILT_RAD } from '../beam/rain.ts';
import { InputError } from '../errors.ts';
import { equatorialToEcliptic } from '../orbit/frames.ts';
import type { Vec3 } from '../orbit/elements.ts';
import { earthHeliocentricEqjM } from '../geometry/earthPosition.ts';
import { gmstRad } from '../geometry/earthRotation.ts';
import { sunGeocentricEqjM } from '../geometry/sunPosition.ts';
import { temeKmToEqjM, temeToEcfKm, temeToEqjMatrix } from './frames.ts';
import { lookAngles, type LookAngles } from './lookAngles.ts';
import { temeAt } from './orbitModel.ts';
import { energyEquivalentRainRateMmH } from './rainClimate.ts';
import type { EarthSegment, PowerSatellite, RectennaSite } from './resolve.ts';
import { describeSatrecError } from './elementSets.ts';
import { inUmbra, shadowFractionOf, shadowGeometry } from './eclipse.ts';

/** Default rain height when a site gives none, m (the beam module's LINK_DEFAULTS.rainHeightM). */
const DEFAULT_RAIN_HEIGHT_M = 3000;

export interface SatelliteState {
  readonly name: string;
  /** Launched, commissioned and not retired. */
  readonly inService: boolean;
  /** satellite.js's reason when SGP4 failed at this instant (the satellite then delivers nothing), else null. */
  readonly propagationError: string | null;
  /** Geodetic sub-satellite point (WGS-84): rad, rad, m. NaN when out of service or failed. */
  readonly longitudeRad: number;
  readonly latitudeRad: number;
  readonly heightM: number;
  /** Geocentric and heliocentric ECLIPJ2000 positions, m (for the scene). */
  readonly geocentricEclipticM: Vec3 | null;
  readonly heliocentricEclipticM: Vec3 | null;
  /** Fraction of the solar disc hidden by the Earth: 0 sunlit, 1 umbra. */
  readonly shadowFraction: number;
  readonly inEclipse: boolean;
  readonly inUmbra: boolean;
  /** DC power available to the transmitter now, W. */
  readonly transmitterDcPowerW: number;
  /** The site this satellite beams to, or null. */
  readonly servedSite: string | null;
}

export interface SiteState {
  readonly name: string;
  /** Commissioned and not retired. */
  readonly operational: boolean;
  readonly servingSatellite: string | null;
  /** Look angles to the serving satellite (NaN when none). */
  readonly azimuthRad: number;
  readonly elevationRad: number;
  readonly slantRangeM: number;
  /** Rain rate used in the link, mm/h (a zone's energy-equivalent rate). */
  readonly rainRateMmH: number;
  /** The beam module's full budget of the link, or null (no satellite, or a satellite in the umbra). */
  readonly budget: LinkBudget | null;
  /** DC out of the rectenna, W. */
  readonly rectennaDcPowerW: number;
  /** AC into the grid, W: min(capacity, DC x efficiency). */
  readonly deliveredPowerGridW: number;
  /** Power the grid connection could not take, W. */
  readonly curtailedW: number;
}

/** The segment at one instant. */
export interface EarthSegmentState {
  readonly tdbS: number;
  /** Power satellites in service. */
  readonly powerSatelliteCount: number;
  /** Rectennas operational. */
  readonly rectennaCount: number;
  /** Power into the grid, all sites, W. */
  readonly deliveredPowerGridW: number;
  /** DC out of all rectennas, W. */
  readonly rectennaDcPowerW: number;
  /** Satellites in service with any part of the Sun hidden. */
  readonly satellitesInEclipse: number;
  readonly perSatellite: readonly SatelliteState[];
  readonly perSite: readonly SiteState[];
}

export interface SegmentOptions {
  /** Pretend every satellite is fully lit (the reference for eclipse losses). */
  readonly ignoreShadow?: boolean;
  /** Skip the heliocentric positions (astronomy-engine's VSOP87 for the Earth), when only power is wanted. */
  readonly skipHeliocentric?: boolean;
}

interface Located {
  readonly sat: PowerSatellite;
  readonly index: number;
  readonly ecfKm: { x: number; y: number; z: number };
}

function inWindow(tdbS: number, from: number, to: number): boolean {
  return tdbS >= from && tdbS < to;
}

/** The rain rate a link uses: the site's fixed rate, or its zone's energy-equivalent rate on this path. */
export function siteRainRateMmH(site: RectennaSite, frequencyHz: number, elevationRad: number): number {
  if (site.rain.kind === 'rate') return site.rain.rainRateMmH;
  return energyEquivalentRainRateMmH(site.rain.zone, {
    frequencyHz,
    elevationRad,
    rainHeightM: site.rainHeightM ?? DEFAULT_RAIN_HEIGHT_M,
    stationHeightM: site.geodetic.heightM,
    latitudeRad: site.geodetic.latitudeRad,
    tiltRad: CIRCULAR_POLARISATION_TILT_RAD,
  });
}

/**
 * The beam module's budget for one satellite -> site link with `transmitterDcPowerW` available (SI; the
 * radiated RF power is DC x dcRfEfficiency). Distances and sizes: slant range and ground ellipse, m.
 */
export function linkBudgetFor(
  sat: PowerSatellite,
  site: RectennaSite,
  look: LookAngles,
  transmitterDcPowerW: number,
  rainRateMmH: number,
): LinkBudget {
  const tx = sat.transmitter;
  try {
    return computeLinkBudget({
      name: `${sat.name} -> ${site.name}`,
      frequencyHz: tx.frequencyHz,
      txPowerW: transmitterDcPowerW * tx.dcRfEfficiency,
      dcRfEfficiency: tx.dcRfEfficiency,
      txDiameterM: tx.apertureDiameterM,
      taperDb: tx.taperDb,
      phaseErrorRmsRad: tx.phaseErrorRmsRad,
      pointingErrorRad: tx.pointingErrorRad,
      pointingJitterRad: tx.pointingJitterRad,
      distanceM: look.slantRangeM,
      rxWidthM: site.widthM,
      rxLengthM: site.lengthM,
      ...(site.rectennaEfficiency === undefined ? {} : { rxEfficiency: site.rectennaEfficiency }),
      ...(site.halfEfficiencyDensityWm2 === undefined
        ? {}
        : { rxHalfEfficiencyDensityWm2: site.halfEfficiencyDensityWm2 }),
      elevationRad: look.elevationRad,
      rainRateMmH,
      ...(site.rainHeightM === undefined ? {} : { rainHeightM: site.rainHeightM }),
      stationHeightM: site.geodetic.heightM,
      latitudeRad: site.geodetic.latitudeRad,
    });
  } catch (error) {
    if (error instanceof InputError) {
      throw new InputError(
        `link ${sat.name} -> ${site.name}: ${error.message}`,
        `earth.sites (${site.name})`,
      );
    }
    throw error;
  }
}

/** Pick satellite -> site pairs (see the module comment). Returns the site index per located satellite. */
function assign(
  located: readonly Located[],
  sites: readonly RectennaSite[],
  siteOpen: readonly boolean[],
  looks: readonly (readonly LookAngles[])[],
): Map<number, number> {
  const served = new Map<number, number>(); // located index -> site index
  const taken = new Set<number>();
  const visible = (i: number, s: number): boolean =>
    (siteOpen[s] ?? false) &&
    ((looks[i] as LookAngles[])[s] as LookAngles).elevationRad >= (sites[s] as RectennaSite).elevationMaskRad;
  const elevation = (i: number, s: number): number =>
    ((looks[i] as LookAngles[])[s] as LookAngles).elevationRad;
  // Dedicated satellites first, highest elevation first per site.
  const dedicated = located
    .map((l, i) => ({ i, s: l.sat.dedicatedSite }))
    .filter((p): p is { i: number; s: number } => p.s !== null && visible(p.i, p.s))
    .sort((a, b) => elevation(b.i, b.s) - elevation(a.i, a.s));
  for (const { i, s } of dedicated) {
    if (taken.has(s)) continue;
    served.set(i, s);
    taken.add(s);
  }
  const pairs: { i: number; s: number; el: number }[] = [];
  located.forEach((l, i) => {
    if (l.sat.dedicatedSite !== null) return;
    sites.forEach((_, s) => {
      if (visible(i, s)) pairs.push({ i, s, el: elevation(i, s) });
    });
  });
  pairs.sort((a, b) => b.el - a.el || a.i - b.i || a.s - b.s);
  for (const { i, s } of pairs) {
    if (served.has(i) || taken.has(s)) continue;
    served.set(i, s);
    taken.add(s);
  }
  return served;
}

const NAN_LOOK: LookAngles = { azimuthRad: NaN, elevationRad: NaN, slantRangeM: NaN };

/** The Earth segment at TDB time `tdbS` (see the module comment). */
export function earthSegmentAt(
  earth: EarthSegment,
  tdbS: number,
  options: SegmentOptions = {},
): EarthSegmentState {
  if (!Number.isFinite(tdbS)) throw new InputError(`must be a finite TDB time, got ${tdbS}`, 'tdbS');
  const gmst = gmstRad(tdbS);
  const needEqj = !options.ignoreShadow || !options.skipHeliocentric;
  const matrix = needEqj ? temeToEqjMatrix(tdbS) : null;
  const sunEqjM = options.ignoreShadow ? null : sunGeocentricEqjM(tdbS);
  const earthHelioM = options.skipHeliocentric ? null : earthHeliocentricEqjM(tdbS);

  const satStates: {
    base: Omit<SatelliteState, 'servedSite'>;
    located: Located | null;
  }[] = earth.satellites.map((sat, index) => {
    const inService = inWindow(tdbS, sat.inServiceTdbS, sat.retireTdbS);
    const empty = {
      name: sat.name,
      inService,
      propagationError: null,
      longitudeRad: NaN,
      latitudeRad: NaN,
      heightM: NaN,
      geocentricEclipticM: null,
      heliocentricEclipticM: null,
      shadowFraction: 0,
      inEclipse: false,
      inUmbra: false,
      transmitterDcPowerW: 0,
    };
    if (!inService) return { base: empty, located: null };
    const result = temeAt(sat.orbit, tdbS);
    if (!result.ok) {
      return { base: { ...empty, propagationError: describeSatrecError(result.errorCode) }, located: null };
    }
    const { position } = result.pv;
    const ecfKm = temeToEcfKm(position, gmst);
    const geodetic = eciToGeodetic(position, gmst);
    const eqjM = matrix === null ? null : temeKmToEqjM(matrix, position);
    let shadow = 0;
    let umbra = false;
    if (eqjM !== null && sunEqjM !== null) {
      const g = shadowGeometry(eqjM, sunEqjM);
      shadow = shadowFractionOf(g);
      umbra = inUmbra(g);
    }
    const geocentricEclipticM = eqjM === null ? null : equatorialToEcliptic(eqjM);
    const heliocentricEclipticM =
      eqjM === null || earthHelioM === null
        ? null
        : equatorialToEcliptic([
            earthHelioM[0] + eqjM[0],
            earthHelioM[1] + eqjM[1],
            earthHelioM[2] + eqjM[2],
          ]);
    return {
      base: {
        ...empty,
        longitudeRad: geodetic.longitude,
        latitudeRad: geodetic.latitude,
        heightM: geodetic.height * 1000,
        geocentricEclipticM,
        heliocentricEclipticM,
        shadowFraction: shadow,
        inEclipse: shadow > 0,
        inUmbra: umbra,
        transmitterDcPowerW: sat.transmitter.dcPowerW * (1 - shadow),
      },
      located: { sat, index, ecfKm },
    };
  });

  const located = satStates.map((s) => s.located).filter((l): l is Located => l !== null);
  const siteOpen = earth.sites.map((site) => inWindow(tdbS, site.commissionedTdbS, site.retireTdbS));
  const looks = located.map((l) => earth.sites.map((site) => lookAngles(site.geodetic, l.ecfKm)));
  const served = assign(located, earth.sites, siteOpen, looks);
  const servedBySite = new Map<number, number>();
  for (const [i, s] of served) servedBySite.set(s, i);

  const perSite: SiteState[] = earth.sites.map((site, s) => {
    const i = servedBySite.get(s);
    const operational = siteOpen[s] ?? false;
    if (i === undefined) {
      return {
        name: site.name,
        operational,
        servingSatellite: null,
        ...NAN_LOOK,
        rainRateMmH: site.rain.kind === 'rate' ? site.rain.rainRateMmH : NaN,
        budget: null,
        rectennaDcPowerW: 0,
        deliveredPowerGridW: 0,
        curtailedW: 0,
      };
    }
    const l = located[i] as Located;
    const look = (looks[i] as LookAngles[])[s] as LookAngles;
    const state = (satStates[l.index] as (typeof satStates)[number]).base;
    const rainRateMmH = siteRainRateMmH(site, l.sat.transmitter.frequencyHz, look.elevationRad);
    const dcW = state.transmitterDcPowerW;
    const budget = dcW > 0 ? linkBudgetFor(l.sat, site, look, dcW, rainRateMmH) : null;
    const rectennaDcPowerW = budget === null ? 0 : budget.deliveredDcPowerW;
    const gridAvailableW = rectennaDcPowerW * site.grid.efficiency;
    const deliveredPowerGridW = Math.min(site.grid.capacityW, gridAvailableW);
    return {
      name: site.name,
      operational,
      servingSatellite: l.sat.name,
      ...look,
      rainRateMmH,
      budget,
      rectennaDcPowerW,
      deliveredPowerGridW,
      curtailedW: gridAvailableW - deliveredPowerGridW,
    };
  });

  const siteOfSatellite = new Map<number, string>();
  for (const [i, s] of served)
    siteOfSatellite.set((located[i] as Located).index, (earth.sites[s] as RectennaSite).name);
  const perSatellite: SatelliteState[] = satStates.map((s, index) => ({
    ...s.base,
    servedSite: siteOfSatellite.get(index) ?? null,
  }));
  return {
    tdbS,
    powerSatelliteCount: perSatellite.filter((s) => s.inService).length,
    rectennaCount: siteOpen.filter(Boolean).length,
    deliveredPowerGridW: perSite.reduce((sum, s) => sum + s.deliveredPowerGridW, 0),
    rectennaDcPowerW: perSite.reduce((sum, s) => sum + s.rectennaDcPowerW, 0),
    satellitesInEclipse: perSatellite.filter((s) => s.inService && s.inEclipse).length,
    perSatellite,
    perSite,
  };
}

/** Grid power attributable to each satellite at `tdbS` if it were fully lit, W (index as earth.satellites). */
export function litGridPowerW(earth: EarthSegment, tdbS: number): number[] {
  const state = earthSegmentAt(earth, tdbS, { ignoreShadow: true, skipHeliocentric: true });
  const bySite = new Map(state.perSite.map((s) => [s.name, s.deliveredPowerGridW] as const));
  return state.perSatellite.map((s) => (s.servedSite === null ? 0 : (bySite.get(s.servedSite) ?? 0)));
}
