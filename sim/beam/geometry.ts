/**
 * Geometry of a ground link: slant range to a satellite and the receiver outline seen from the beam.
 *
 * Frame: the plane normal to the beam axis at the receiver ("beam-normal plane"). A ground rectenna is laid out
 * on the local horizontal plane: its width is across the beam's azimuth and its length along it. Seen along a
 * beam arriving at elevation el, the width is unchanged and the length shrinks to length * sin(el), so a
 * 10 km x 13 km ellipse at 34 deg N (DOE/ER-0023, Fig. R-19) presents about a 10 km circle to a geostationary
 * beam. Power densities are given in the beam-normal plane unless a name says "ground".
 */
import { EARTH_EQUATORIAL_RADIUS_M } from '../constants.ts';

/**
 * Slant range, m, from a site at sea level to a satellite at orbit radius `orbitRadiusM` (from the Earth's
 * centre) seen at elevation `elevationRad`: D = sqrt(r^2 - Re^2 cos^2 el) - Re sin el (spherical Earth).
 */
export function slantRangeM(
  orbitRadiusM: number,
  elevationRad: number,
  earthRadiusM = EARTH_EQUATORIAL_RADIUS_M,
): number {
  const c = earthRadiusM * Math.cos(elevationRad);
  return Math.sqrt(orbitRadiusM * orbitRadiusM - c * c) - earthRadiusM * Math.sin(elevationRad);
}

/**
 * Elevation, rad, of a geostationary satellite from a site at latitude `latitudeRad` and longitude difference
 * `deltaLongitudeRad` (spherical Earth): el = atan((cos g - Re/r) / sin g), cos g = cos(lat) cos(dlon).
 */
export function elevationToSatelliteRad(
  orbitRadiusM: number,
  latitudeRad: number,
  deltaLongitudeRad: number,
  earthRadiusM = EARTH_EQUATORIAL_RADIUS_M,
): number {
  const cosGamma = Math.cos(latitudeRad) * Math.cos(deltaLongitudeRad);
  const sinGamma = Math.sqrt(1 - cosGamma * cosGamma);
  return Math.atan2(cosGamma - earthRadiusM / orbitRadiusM, sinGamma);
}

/** Semi-axes of a receiver in the beam-normal plane, m. */
export interface BeamNormalOutline {
  /** Semi-axis along the receiver width (unchanged by the projection), m. */
  readonly semiAxisWidthM: number;
  /** Semi-axis along the receiver length (times sin(elevation) for a ground receiver), m. */
  readonly semiAxisLengthM: number;
}

/**
 * Project a receiver of width x length (m) onto the beam-normal plane. For space receivers (no elevation) the
 * size is already normal to the beam.
 */
export function projectReceiver(
  widthM: number,
  lengthM: number,
  elevationRad: number | undefined,
): BeamNormalOutline {
  const factor = elevationRad === undefined ? 1 : Math.sin(elevationRad);
  return { semiAxisWidthM: widthM / 2, semiAxisLengthM: (lengthM / 2) * factor };
}
