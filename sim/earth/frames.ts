/**
 * From satellite.js's frames to the project's, one documented step at a time. Body positions (the Earth's, the
 * Sun's) and the Earth's rotation angle are not computed here: they come from sim/geometry/.
 *
 * Time. Everything in sim/ is TDB seconds past J2000 (sim/time.ts). SGP4 runs on UTC: tsince (minutes) =
 * (UTC Julian date - the element set's UTC epoch) * 1440, with UTC from tdbSToUtcMs. UT1 is taken equal to
 * UTC for the Earth's rotation (sim/geometry/earthRotation.ts). astronomy-engine gets TT through
 * sim/geometry/astroTime.ts (AstroTime.FromTerrestrialTime), so its ephemerides and ours share one time scale
 * whatever its own Delta-T model says.
 *
 * Frames (Vallado, "Fundamentals of Astrodynamics and Applications", 4th ed., sections 3.7 and 4.x;
 * Vallado et al. 2006, "Revisiting Spacetrack Report #3", AIAA 2006-6753, appendix C):
 *   TEME  True Equator, Mean Equinox of date: SGP4's output (satellite.js position in km, velocity km/s).
 *   ECF   Earth-fixed: TEME rotated about z by GMST (IAU-82, sim/geometry/earthRotation.ts gmstRad); polar
 *         motion (< 0.5") is ignored. satellite.js eciToEcf / eciToGeodetic (WGS-84 ellipsoid) do this step.
 *   TOD   True equator and equinox of date (astronomy-engine's EQD): TEME rotated about z by the equation of
 *         the equinoxes, RA_TOD = RA_TEME + EqEq (from GAST = GMST + EqEq; Vallado 2006 eq. C-1). EqEq from
 *         astronomy-engine's e_tilt (IAU 2000B nutation; it differs from SGP4's 1982 form by milliarcseconds).
 *   EQJ   J2000 mean equator and equinox (ICRF to 0.02"): TOD -> EQJ by nutation then precession,
 *         astronomy-engine Rotation_EQD_EQJ (IAU 2000B nutation, IAU 2006 precession). Over 2030-2040 this
 *         rotation is about 0.4 deg: skipping it would move a geostationary satellite by ~300 km.
 *   ECLIPJ2000  the project's frame: EQJ rotated about x by the J2000 obliquity (sim/orbit/frames.ts).
 *   Heliocentric: the Earth's heliocentric position (sim/geometry/earthPosition.ts earthHeliocentricEqjM,
 *         VSOP87) plus the geocentric vector.
 * The same rotation is applied to velocities; the frame's own rotation rate (precession, nutation, < 1e-11
 * rad/s) is neglected: < 1 mm/s at geostationary radius.
 * Units leave this module as SI: km -> m, km/s -> m/s, AU -> m.
 */
import { Rotation_EQD_EQJ, e_tilt } from 'astronomy-engine';
import { eciToEcf, type EcfVec3, type EciVec3 } from 'satellite.js';
import { astroTimeOf } from '../geometry/astroTime.ts';
import { earthHeliocentricEqjM } from '../geometry/earthPosition.ts';
import { equatorialToEcliptic } from '../orbit/frames.ts';
import type { Vec3 } from '../orbit/elements.ts';

/** A rotation matrix, row-major: out = M v. */
export type Matrix3 = readonly [number, number, number, number, number, number, number, number, number];

const ARCSEC_TO_RAD = Math.PI / (180 * 3600);

/** out = M v. */
export function applyMatrix(m: Matrix3, v: Vec3): Vec3 {
  return [
    m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
    m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
    m[6] * v[0] + m[7] * v[1] + m[8] * v[2],
  ];
}

/** out = M^T v (the inverse rotation). */
export function applyTransposed(m: Matrix3, v: Vec3): Vec3 {
  return [
    m[0] * v[0] + m[3] * v[1] + m[6] * v[2],
    m[1] * v[0] + m[4] * v[1] + m[7] * v[2],
    m[2] * v[0] + m[5] * v[1] + m[8] * v[2],
  ];
}

/** TEME (km) -> ECF (km), rotation by GMST about z (satellite.js eciToEcf). */
export function temeToEcfKm(temeKm: EciVec3<number>, gmst: number): EcfVec3<number> {
  return eciToEcf(temeKm, gmst);
}

/** Equation of the equinoxes GAST - GMST, rad (astronomy-engine e_tilt: ee in seconds of time). */
export function equationOfEquinoxesRad(tdbS: number): number {
  return e_tilt(astroTimeOf(tdbS)).ee * 15 * ARCSEC_TO_RAD;
}

/**
 * The rotation TEME -> EQJ at a time: out = M r_TEME. M = (EQD -> EQJ) * Rz(+EqEq), where Rz(a) turns a vector
 * by +a about z. astronomy-engine's RotationMatrix `rot[i][j]` maps v to sum_i rot[i][j] v_i, so its row-major
 * form is the transpose of `rot`.
 */
export function temeToEqjMatrix(tdbS: number): Matrix3 {
  const time = astroTimeOf(tdbS);
  const eqeq = e_tilt(time).ee * 15 * ARCSEC_TO_RAD;
  const c = Math.cos(eqeq);
  const s = Math.sin(eqeq);
  const r = Rotation_EQD_EQJ(time).rot;
  const a = (i: number, j: number): number => (r[j] as number[])[i] as number; // row-major element (i, j)
  // (A Rz)(i, 0) = A(i,0) c + A(i,1) s; (i, 1) = -A(i,0) s + A(i,1) c; (i, 2) = A(i,2).
  return [
    a(0, 0) * c + a(0, 1) * s,
    -a(0, 0) * s + a(0, 1) * c,
    a(0, 2),
    a(1, 0) * c + a(1, 1) * s,
    -a(1, 0) * s + a(1, 1) * c,
    a(1, 2),
    a(2, 0) * c + a(2, 1) * s,
    -a(2, 0) * s + a(2, 1) * c,
    a(2, 2),
  ];
}

/** A TEME vector in km (or km/s) as an EQJ vector in m (or m/s). */
export function temeKmToEqjM(m: Matrix3, temeKm: EciVec3<number>): Vec3 {
  return applyMatrix(m, [temeKm.x * 1000, temeKm.y * 1000, temeKm.z * 1000]);
}

/** A geocentric TEME state (km, km/s) at tdbS as a geocentric ECLIPJ2000 state (m, m/s). */
export function temeToGeocentricEcliptic(
  positionKm: EciVec3<number>,
  velocityKmS: EciVec3<number>,
  tdbS: number,
): { positionM: Vec3; velocityMS: Vec3 } {
  const m = temeToEqjMatrix(tdbS);
  return {
    positionM: equatorialToEcliptic(temeKmToEqjM(m, positionKm)),
    velocityMS: equatorialToEcliptic(temeKmToEqjM(m, velocityKmS)),
  };
}

/** A geocentric TEME position (km) at tdbS as a heliocentric ECLIPJ2000 position (m). */
export function temeToHeliocentricEclipticM(positionKm: EciVec3<number>, tdbS: number): Vec3 {
  const geo = temeKmToEqjM(temeToEqjMatrix(tdbS), positionKm);
  const earth = earthHeliocentricEqjM(tdbS);
  return equatorialToEcliptic([earth[0] + geo[0], earth[1] + geo[1], earth[2] + geo[2]]);
}
