/**
 * Where points fixed to the Earth are, for drawing: Greenwich mean sidereal time (IAU 1982, the form SGP4 and
 * satellite.js's gstime use, with UT1 = UTC) turns geodetic longitudes into right ascensions; the J2000 mean
 * equator then tilts into the ecliptic frame. Precession and nutation since J2000 (under 0.4° by 2050) and the
 * Earth's flattening are left out: a few hundred km at geostationary distance, far below a pixel at any zoom that
 * shows the ring whole.
 */
import { OBLIQUITY_J2000_RAD } from '../../../sim/constants.ts';
import { tdbSToUtcMs } from '../../../sim/time.ts';

const COS_OBLIQUITY = Math.cos(OBLIQUITY_J2000_RAD);
const SIN_OBLIQUITY = Math.sin(OBLIQUITY_J2000_RAD);
const TWO_PI = 2 * Math.PI;

/** Greenwich mean sidereal time, rad in [0, 2π), at a TDB instant. */
export function greenwichSiderealRad(tdbS: number): number {
  const jdUt1 = tdbSToUtcMs(tdbS) / 86_400_000 + 2_440_587.5;
  const t = (jdUt1 - 2_451_545) / 36_525;
  const seconds =
    -6.2e-6 * t * t * t + 0.093104 * t * t + (876_600 * 3600 + 8_640_184.812866) * t + 67_310.54841;
  const angle = ((seconds * Math.PI) / 180 / 240) % TWO_PI;
  return angle < 0 ? angle + TWO_PI : angle;
}

/**
 * Geocentric ECLIPJ2000 position (Mm) of a point at geocentric latitude and east longitude (rad) and distance from
 * the Earth's centre (Mm), for a sidereal angle `gmst` (rad); written at out[offset..offset+2].
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
