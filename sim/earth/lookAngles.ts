/**
 * Look angles and slant range from a ground site to a satellite, and the closed-form geostationary formulas
 * they are checked against.
 *
 * The site is geodetic on the WGS-84 ellipsoid (a = 6378.137 km, b = 6356.7523142 km, satellite.js
 * geodeticToEcf). The satellite is in ECF, km (frames.ts). satellite.js ecfToLookAngles turns the difference
 * into the site's South-East-Zenith frame (T. S. Kelso, Celestrak column v02n02): azimuth is measured from
 * north through east, in [0, 2 pi); elevation is above the plane normal to the geodetic vertical.
 * Units leave as SI (rad, m).
 */
import { ecfToLookAngles, geodeticToEcf, type EcfVec3 } from 'satellite.js';
import { EARTH_EQUATORIAL_RADIUS_M } from '../constants.ts';

/** WGS-84 semi-major axis, m, and first eccentricity squared (NIMA TR8350.2, 3rd ed., table 3.1). */
export const WGS84_A_M = 6_378_137;
export const WGS84_E2 = 6.69437999014e-3;

/** A ground site, SI: geodetic latitude and longitude in rad (east positive), height above the ellipsoid in m. */
export interface GeodeticSite {
  readonly latitudeRad: number;
  readonly longitudeRad: number;
  readonly heightM: number;
}

/** What a site sees of a satellite. */
export interface LookAngles {
  /** From north through east, rad in [0, 2 pi). */
  readonly azimuthRad: number;
  /** Above the site's geodetic horizon, rad in [-pi/2, pi/2]. */
  readonly elevationRad: number;
  /** Straight-line distance site -> satellite, m. */
  readonly slantRangeM: number;
}

/** The site's position in ECF, km (satellite.js geodeticToEcf; its height argument is in km). */
export function siteEcfKm(site: GeodeticSite): EcfVec3<number> {
  return geodeticToEcf({
    latitude: site.latitudeRad,
    longitude: site.longitudeRad,
    height: site.heightM / 1000,
  });
}

/** Look angles from the site to a satellite at `satelliteEcfKm` (satellite.js ecfToLookAngles; km -> m). */
export function lookAngles(site: GeodeticSite, satelliteEcfKm: EcfVec3<number>): LookAngles {
  const look = ecfToLookAngles(
    { latitude: site.latitudeRad, longitude: site.longitudeRad, height: site.heightM / 1000 },
    satelliteEcfKm,
  );
  const azimuth = look.azimuth % (2 * Math.PI);
  return { azimuthRad: azimuth, elevationRad: look.elevation, slantRangeM: look.rangeSat * 1000 };
}

/**
 * Closed-form look angles to a geostationary satellite from a site on a SPHERICAL Earth (Pratt, Bostian &
 * Allnutt, "Satellite Communications", 2nd ed., 2003, section 2.2; Wertz & Larson, SMAD 3rd ed., section 5.2):
 *   cos(gamma) = cos(lat) cos(dlon)                      (central angle site - sub-satellite point)
 *   elevation  = atan2(cos(gamma) - Re/r, sin(gamma))
 *   azimuth    = atan2(sin(dlon), -sin(lat) cos(dlon))   (north through east; dlon = satellite - site)
 *   range      = r sqrt(1 + (Re/r)^2 - 2 (Re/r) cos(gamma))
 * with r the orbit radius and Re the Earth's radius (site at sea level).
 */
export function geoLookAnglesSpherical(
  latitudeRad: number,
  deltaLongitudeRad: number,
  orbitRadiusM: number,
  earthRadiusM = EARTH_EQUATORIAL_RADIUS_M,
): LookAngles {
  const cosGamma = Math.cos(latitudeRad) * Math.cos(deltaLongitudeRad);
  const sinGamma = Math.sqrt(Math.max(0, 1 - cosGamma * cosGamma));
  const q = earthRadiusM / orbitRadiusM;
  const azimuth = Math.atan2(
    Math.sin(deltaLongitudeRad),
    -Math.sin(latitudeRad) * Math.cos(deltaLongitudeRad),
  );
  return {
    azimuthRad: azimuth < 0 ? azimuth + 2 * Math.PI : azimuth,
    elevationRad: Math.atan2(cosGamma - q, sinGamma),
    slantRangeM: orbitRadiusM * Math.sqrt(1 + q * q - 2 * q * cosGamma),
  };
}

/**
 * The same closed form on the WGS-84 ellipsoid, with the site at geodetic latitude `latitudeRad` and height
 * `heightM` (Soop, "Handbook of Geostationary Orbits", 1994, section 2.3 gives the equivalent). In the site's
 * East-North-Up frame (geodetic vertical), the vector to a satellite on the equator at radius r is
 *   E = r sin(dlon)
 *   N = -r sin(lat) cos(dlon) + (N_e e^2) sin(lat) cos(lat)
 *   U =  r cos(lat) cos(dlon) - (N_e (1 - e^2 sin^2 lat) + h)
 * with N_e = a / sqrt(1 - e^2 sin^2 lat) the prime-vertical radius; then elevation = atan2(U, hypot(E, N)),
 * azimuth = atan2(E, N). With e = 0 and h = 0 it reduces to geoLookAnglesSpherical.
 */
export function geoLookAnglesEllipsoidal(
  latitudeRad: number,
  deltaLongitudeRad: number,
  heightM: number,
  orbitRadiusM: number,
): LookAngles {
  const sinLat = Math.sin(latitudeRad);
  const cosLat = Math.cos(latitudeRad);
  const w = 1 - WGS84_E2 * sinLat * sinLat;
  const ne = WGS84_A_M / Math.sqrt(w);
  const east = orbitRadiusM * Math.sin(deltaLongitudeRad);
  const north = -orbitRadiusM * sinLat * Math.cos(deltaLongitudeRad) + ne * WGS84_E2 * sinLat * cosLat;
  const up = orbitRadiusM * cosLat * Math.cos(deltaLongitudeRad) - (ne * w + heightM);
  const azimuth = Math.atan2(east, north);
  return {
    azimuthRad: azimuth < 0 ? azimuth + 2 * Math.PI : azimuth,
    elevationRad: Math.atan2(up, Math.hypot(east, north)),
    slantRangeM: Math.hypot(east, north, up),
  };
}
