/**
 * The Earth's shadow on a satellite: a conical model with umbra and penumbra.
 *
 * Seen from the satellite, the Earth is a disc of angular radius rhoE = asin(Re / |r|) and the Sun a disc of
 * angular radius rhoS = asin(Rs / |s - r|), their centres `d` apart (r the satellite, s the Sun, both
 * geocentric in one inertial frame). The fraction of the solar disc hidden is 0 when d >= rhoE + rhoS, 1 when
 * d <= rhoE - rhoS (umbra), and in between the overlap of the two discs over pi rhoS^2 (the planar
 * circle-circle lens; Montenbruck & Gill, "Satellite Orbits", 2000, section 3.4.2; the same model as
 * satellite.js shadowFraction). The Earth is a sphere of equatorial radius (at the equinoxes a geostationary
 * satellite's shadow passage crosses the equatorial plane, where the limb is equatorial); the atmosphere's
 * refraction and absorption are ignored. The Sun's direction comes from astronomy-engine (sim/geometry/sunPosition.ts), not from
 * satellite.js sunPos, whose 0.01 deg would move eclipse contacts by ~2.4 s.
 *
 * Analytic geostationary eclipse (the reference for tests/earth/eclipse.test.ts). At an equinox the Sun lies
 * in the orbit plane and the satellite crosses the shadow through its axis. With the satellite at angle phi
 * from the anti-Sun direction (seen from the Earth's centre), the triangle Earth-Sun-satellite gives the
 * separation seen from the satellite: d = phi - asin(r sin(phi) / |s - r|) (the Sun's parallax, r/|s| = 2.8e-4).
 * Contacts are where d = rhoE + rhoS (penumbra) and d = rhoE - rhoS (umbra); a cylindrical shadow has
 * phi = asin(Re / r). The satellite turns with the Earth at the sidereal rate 2 pi / 86164.0905 s while the
 * anti-Sun direction advances in right ascension at lambda_dot cos(epsilon) at the equinox, so the duration is
 * 2 phi / (omega_sidereal - lambda_dot cos(epsilon)). With r = 42 164.17 km, Re = 6378.1 km, Rs = 695 700 km and
 * |s| = 1 au this gives 71.7 min in the penumbra (first to last contact), 67.5 min in the umbra and 69.6 min for
 * the cylinder: the "up to ~70-72 minutes a day" of the equinox seasons.
 */
import { EARTH_EQUATORIAL_RADIUS_M, OBLIQUITY_J2000_RAD, SOLAR_RADIUS_M } from '../constants.ts';
import type { Vec3 } from '../orbit/elements.ts';

/** Earth's sidereal rotation period, s (IERS: 86164.0905 s). */
export const SIDEREAL_DAY_S = 86_164.0905;
/** Mean motion of the Sun in ecliptic longitude, rad/s (360 deg per tropical year of 365.24219 d). */
export const SUN_MEAN_LONGITUDE_RATE_RAD_S = (2 * Math.PI) / (365.24219 * 86_400);

/** The shadow seen from one point. */
export interface ShadowGeometry {
  /** Angular radius of the Earth, rad. */
  readonly earthRadiusRad: number;
  /** Angular radius of the Sun, rad. */
  readonly sunRadiusRad: number;
  /** Angle between the centres of the Earth and the Sun, rad. */
  readonly separationRad: number;
}

/** Geometry of the shadow at geocentric `satelliteM` with the Sun at geocentric `sunM` (same frame, m). */
export function shadowGeometry(
  satelliteM: Vec3,
  sunM: Vec3,
  earthRadiusM = EARTH_EQUATORIAL_RADIUS_M,
  sunRadiusM = SOLAR_RADIUS_M,
): ShadowGeometry {
  const [rx, ry, rz] = satelliteM;
  const r = Math.hypot(rx, ry, rz);
  const sx = sunM[0] - rx;
  const sy = sunM[1] - ry;
  const sz = sunM[2] - rz;
  const s = Math.hypot(sx, sy, sz);
  // Angle between -r (to the Earth) and s - r (to the Sun), by atan2 for accuracy at small angles.
  const cx = -ry * sz + rz * sy;
  const cy = -rz * sx + rx * sz;
  const cz = -rx * sy + ry * sx;
  const dot = -(rx * sx + ry * sy + rz * sz);
  return {
    earthRadiusRad: Math.asin(Math.min(1, earthRadiusM / r)),
    sunRadiusRad: Math.asin(sunRadiusM / s),
    separationRad: Math.atan2(Math.hypot(cx, cy, cz), dot),
  };
}

/** Fraction of the solar disc hidden by the Earth, 0 (sunlit) to 1 (umbra). */
export function shadowFractionOf(g: ShadowGeometry): number {
  const { earthRadiusRad: a, sunRadiusRad: b, separationRad: d } = g;
  if (d >= a + b) return 0;
  if (d <= a - b) return 1;
  if (d <= b - a) return (a * a) / (b * b); // Earth inside the solar disc (never at Earth orbits; kept for completeness)
  // Lens area of two circles of radii a (Earth) and b (Sun) at distance d.
  const alpha = Math.acos(Math.max(-1, Math.min(1, (d * d + b * b - a * a) / (2 * d * b))));
  const beta = Math.acos(Math.max(-1, Math.min(1, (d * d + a * a - b * b) / (2 * d * a))));
  const kite = 0.5 * Math.sqrt(Math.max(0, (-d + a + b) * (d + a - b) * (d - a + b) * (d + a + b)));
  const lens = b * b * alpha + a * a * beta - kite;
  return Math.min(1, Math.max(0, lens / (Math.PI * b * b)));
}

/** Shadow fraction at a point (geocentric, m). */
export function shadowFraction(satelliteM: Vec3, sunM: Vec3): number {
  return shadowFractionOf(shadowGeometry(satelliteM, sunM));
}

/** Inside the umbra (the whole Sun hidden). */
export function inUmbra(g: ShadowGeometry): boolean {
  return g.separationRad <= g.earthRadiusRad - g.sunRadiusRad;
}

/** The analytic longest eclipse of a geostationary (circular, equatorial) orbit at an equinox, minutes. */
export interface AnalyticGeoEclipse {
  readonly penumbralMin: number;
  readonly umbralMin: number;
  readonly cylindricalMin: number;
}

/** See the module comment for the derivation. Radii and distances in m. */
export function analyticGeoEclipseMinutes(
  orbitRadiusM: number,
  sunDistanceM: number,
  earthRadiusM = EARTH_EQUATORIAL_RADIUS_M,
  sunRadiusM = SOLAR_RADIUS_M,
): AnalyticGeoEclipse {
  const rhoE = Math.asin(earthRadiusM / orbitRadiusM);
  const relativeRateRadS =
    (2 * Math.PI) / SIDEREAL_DAY_S - SUN_MEAN_LONGITUDE_RATE_RAD_S * Math.cos(OBLIQUITY_J2000_RAD);
  // Contact where d(phi) = rhoE + sign * rhoS; solve phi = rhoE + sign * rhoS + alphaS(phi) by fixed-point
  // iteration (alphaS, the Sun's parallax, is a 4e-5 rad correction; 10 iterations reach 1e-15 rad).
  const contact = (sign: 1 | -1): number => {
    let phi = rhoE;
    for (let k = 0; k < 10; k += 1) {
      const sunFromSatM = Math.sqrt(
        sunDistanceM * sunDistanceM +
          orbitRadiusM * orbitRadiusM +
          2 * sunDistanceM * orbitRadiusM * Math.cos(phi),
      );
      const rhoS = Math.asin(sunRadiusM / sunFromSatM);
      phi = rhoE + sign * rhoS + Math.asin((orbitRadiusM * Math.sin(phi)) / sunFromSatM);
    }
    return phi;
  };
  const minutes = (phi: number): number => (2 * phi) / relativeRateRadS / 60;
  return {
    penumbralMin: minutes(contact(1)),
    umbralMin: minutes(contact(-1)),
    cylindricalMin: minutes(rhoE),
  };
}
