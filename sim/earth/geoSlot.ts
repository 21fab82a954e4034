/**
 * A valid SGP4 element set for a geostationary slot, checked by propagating it with satellite.js.
 *
 * A geostationary satellite is kept in its slot by manoeuvres: east-west every week or two against the drift
 * that the Earth's triaxiality drives (up to ~0.002 deg/day^2), north-south against the inclination that the Sun
 * and Moon pump at ~0.75-0.95 deg/yr (Soop, "Handbook of Geostationary Orbits", 1994, ch. 4-5). The ITU Radio
 * Regulations (No. 22.6-22.7) ask for +-0.1 deg in longitude. Operators then publish fresh element sets. The
 * station-kept model here does the same: one element set per station-keeping cycle, generated for the slot at
 * the start of the cycle and propagated with SDP4 within it, so SDP4 never runs more than one cycle from its
 * epoch (flat cost; tests/earth/geoSlot.test.ts measures the excursion, ~0.005 deg over a 7-day cycle).
 *
 * Generation (units: SGP4 mean elements in degrees and rev/day; longitudes in rad, east positive):
 * - start from mean motion 1.0027379 rev/day (one sidereal day), e = 0, the requested inclination, RAAN = 0,
 *   argument of perigee 0, and mean anomaly = GMST(epoch) + longitude, so that the mean longitude
 *   Omega + omega + M sits over the slot (Vallado 4th ed. section 3.5 for GMST; sim/geometry/earthRotation.ts, IAU-82);
 * - propagate with satellite.js to the start, middle and end of the cycle; read the sub-satellite longitude in
 *   the Earth-fixed frame (TEME rotated by GMST, the frame SGP4 is defined in);
 * - correct the mean motion so that the longitude at the end equals the longitude at the start (no net drift
 *   over the cycle; SDP4's 24-hour resonance terms make the value depend on the slot: 1.00271-1.00274), and
 *   the mean anomaly so that the drift parabola is centred on the slot; repeat until the corrections vanish
 *   (2-3 iterations).
 */
import { eciToEcf, json2satrec, sgp4, type OMMJsonObject, type SatRec } from 'satellite.js';
import { gmstOfUtcJulianDateRad } from '../geometry/earthRotation.ts';
import { utcMsToJulianDate } from '../time.ts';
import { toOmm, type MeanElementsText } from './elementSets.ts';

/** One sidereal day per day: Earth rotation rate 7.292115e-5 rad/s (WGS-84; IERS Conventions 2010) in rev/day. */
export const SIDEREAL_MEAN_MOTION_REV_PER_DAY = (7.292115e-5 * 86_400) / (2 * Math.PI);

const TWO_PI = 2 * Math.PI;
const RAD_TO_DEG = 180 / Math.PI;
const MAX_ITERATIONS = 8;
/**
 * Stop when the mean-anomaly correction and the cycle's net drift are below this, rad: 1e-6 rad is 42 m along
 * the geostationary arc, 6e-5 deg, a hundredth of the cycle's own excursion. Two satellite.js initialisations
 * usually reach it (each costs ~0.2 ms).
 */
const CONVERGED_RAD = 1e-6;

/** What to generate. */
export interface GeoSlotRequest {
  readonly name: string;
  /** Catalog number written into the element set (1-99999). */
  readonly catalogNumber: number;
  /** Element epoch, UTC ms since 1970. */
  readonly epochUtcMs: number;
  /** Slot longitude, rad, east positive. */
  readonly longitudeRad: number;
  /** Inclination to the equator of date, rad (0 for a fully station-kept satellite). */
  readonly inclinationRad: number;
  /** Station-keeping cycle: the element set is fitted to hold the slot over [epoch, epoch + cycle], min. */
  readonly cycleMin: number;
}

/** The element set and how well it holds the slot. */
export interface GeoSlotElementSet {
  readonly elements: MeanElementsText;
  readonly omm: OMMJsonObject;
  readonly satrec: SatRec;
  /** Sub-satellite longitude minus the slot at the start, middle and end of the cycle, rad. */
  readonly longitudeErrorsRad: readonly [number, number, number];
  readonly iterations: number;
}

function wrapPi(x: number): number {
  return x - TWO_PI * Math.floor((x + Math.PI) / TWO_PI);
}

/**
 * Sub-satellite (geocentric) longitude, rad, of a satrec `tsinceMin` minutes after its epoch: TEME -> ECF by
 * GMST (satellite.js eciToEcf), then atan2(y, x). Null if satellite.js fails.
 */
export function subSatelliteLongitudeRad(satrec: SatRec, tsinceMin: number): number | null {
  const pv = sgp4(satrec, tsinceMin);
  if (pv === null) return null;
  const ecf = eciToEcf(pv.position, gmstOfUtcJulianDateRad(satrec.jdsatepoch + tsinceMin / 1440));
  return Math.atan2(ecf.y, ecf.x);
}

/**
 * Generate the element set for a slot (see the module comment). Throws an Error if satellite.js refuses the
 * elements or the iteration does not converge: both would be bugs here, not bad input, since the request is
 * validated by the scenario schema.
 */
export function generateGeoElementSet(request: GeoSlotRequest): GeoSlotElementSet {
  const { epochUtcMs, longitudeRad, cycleMin } = request;
  const gmst = gmstOfUtcJulianDateRad(utcMsToJulianDate(epochUtcMs));
  let meanMotion = SIDEREAL_MEAN_MOTION_REV_PER_DAY;
  let meanAnomalyRad = gmst + longitudeRad;
  const make = (): MeanElementsText => ({
    catalogNumber: request.catalogNumber,
    epochUtcMs,
    meanMotionRevPerDay: meanMotion,
    eccentricity: 0,
    inclinationDeg: request.inclinationRad * RAD_TO_DEG,
    raanDeg: 0,
    argPerigeeDeg: 0,
    meanAnomalyDeg: meanAnomalyRad * RAD_TO_DEG,
    bstar: 0,
  });
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration += 1) {
    const elements = make();
    const omm = toOmm(request.name, elements);
    const satrec = json2satrec(omm);
    const l0 = subSatelliteLongitudeRad(satrec, 0);
    const lMid = subSatelliteLongitudeRad(satrec, cycleMin / 2);
    const l1 = subSatelliteLongitudeRad(satrec, cycleMin);
    if (l0 === null || lMid === null || l1 === null) {
      throw new Error(
        `geoSlot: satellite.js refused the generated elements of ${request.name} (error ${satrec.error})`,
      );
    }
    const drift = wrapPi(l1 - l0);
    // The longitude follows a parabola over the cycle; centre it: start (and end) at slot - sag/2.
    const sag = wrapPi(lMid - (l0 + drift / 2));
    const dM = wrapPi(longitudeRad - sag / 2 - l0);
    const dn = -drift / TWO_PI / (cycleMin / 1440);
    const errors: [number, number, number] = [
      wrapPi(l0 - longitudeRad),
      wrapPi(lMid - longitudeRad),
      wrapPi(l1 - longitudeRad),
    ];
    if (Math.abs(dM) < CONVERGED_RAD && Math.abs(drift) < CONVERGED_RAD) {
      return { elements, omm, satrec, longitudeErrorsRad: errors, iterations: iteration };
    }
    meanAnomalyRad += dM;
    meanMotion += dn;
  }
  throw new Error(`geoSlot: no convergence for ${request.name} after ${MAX_ITERATIONS} iterations`);
}
