/**
 * Where points fixed to the Earth are, for drawing: the core's Greenwich mean sidereal time
 * (sim/geometry/earthRotation.ts gmstRad: IAU 1982 through satellite.js gstime, the form SGP4 uses, with
 * UT1 = UTC) turns geodetic longitudes into right ascensions; the J2000 mean equator then tilts into the ecliptic
 * frame. Precession and nutation since J2000 (under 0.4° by 2050) and the Earth's flattening are left out: a few
 * hundred km at geostationary distance, far below a pixel at any zoom that shows the ring whole.
 */
import { OBLIQUITY_J2000_RAD } from '../../../sim/constants.ts';

const COS_OBLIQUITY = Math.cos(OBLIQUITY_J2000_RAD);
const SIN_OBLIQUITY = Math.sin(OBLIQUITY_J2000_RAD);

/**
 * Geocentric ECLIPJ2000 position (Mm) of a point at geocentric latitude and east longitude (rad) and distance from
 * the Earth's centre (Mm), for a sidereal angle `gmst` (rad, from gmstRad); written at out[offset..offset+2].
 */
export function earthFixedToEcliptic(
  latitudeRad: number,
  longitudeRad: number,
  radiusMm: number,
  gmst: number,
  out: Float32Array,
  offset: number,
): void {
  const ra = longitudeRad + gmst;
  const x = radiusMm * Math.cos(latitudeRad) * Math.cos(ra);
  const y = radiusMm * Math.cos(latitudeRad) * Math.sin(ra);
  const z = radiusMm * Math.sin(latitudeRad);
  out[offset] = x;
  out[offset + 1] = COS_OBLIQUITY * y + SIN_OBLIQUITY * z;
  out[offset + 2] = -SIN_OBLIQUITY * y + COS_OBLIQUITY * z;
}
