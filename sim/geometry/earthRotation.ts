/**
 * The Earth's rotation: Greenwich mean sidereal time, the angle from the mean equinox of date to the Greenwich
 * meridian, IAU 1982 (Aoki et al. 1982; Vallado, "Fundamentals of Astrodynamics and Applications", 4th ed.,
 * eq. 3-45), through satellite.js gstime, the form SGP4 and its TEME frame are defined with. UT1 is taken equal
 * to UTC (|UT1 - UTC| < 0.9 s: at most 0.0038 deg of rotation, 0.42 km at the equator, 2.8 km along the
 * geostationary ring). Polar motion (< 0.5") is ignored. Time: TDB seconds past J2000 in, through sim/time.ts to
 * UTC. Unit: rad in [0, 2 pi).
 */
import { gstime } from 'satellite.js';

import { requireFinite } from '../errors.ts';
import { tdbSToUtcMs, utcMsToJulianDate } from '../time.ts';

/** GMST, rad in [0, 2 pi), for a Julian date on the UTC scale (taken as UT1; satellite.js gstime). */
export function gmstOfUtcJulianDateRad(jdUtc: number): number {
  requireFinite(jdUtc, 'jdUtc');
  return gstime(jdUtc);
}

/** GMST, rad in [0, 2 pi), at tdbS (TDB s past J2000), with UT1 = UTC (see the module comment). */
export function gmstRad(tdbS: number): number {
  return gmstOfUtcJulianDateRad(utcMsToJulianDate(tdbSToUtcMs(tdbS)));
}
