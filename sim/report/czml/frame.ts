/**
 * The frame of the document. Cesium centres its scene on the Earth, so every position here is geocentric:
 *
 *   INERTIAL  (CZML `referenceFrame: INERTIAL`, Cesium's ICRF): the Sun, the planets, the Moon and the tracers,
 *             as the core's heliocentric ECLIPJ2000 position minus the Earth's (sim/geometry/earthPosition.ts,
 *             VSOP87), rotated to the J2000 mean equator (EQJ; sim/orbit/frames.ts eclipticToEquatorial). EQJ is
 *             the ICRF to the frame bias, 0.02" (IERS Conventions 2010, section 5.4.4): 15 km at 1 au, 4 m at
 *             geostationary radius. Geometric positions (no light time), as everywhere in the core.
 *   FIXED     (Cesium's ITRF): the power satellites and the rectennas, from the core's Earth-fixed frame (TEME
 *             turned by GMST, satellite.js; sim/earth/frames.ts). It differs from the ITRF by polar motion,
 *             < 0.5" (100 m at geostationary radius), which the core does not model.
 *
 * Cesium turns one into the other with its IAU 2006 rotation once its XYS tables are loaded
 * (Transforms.preloadIcrfFixed); tests/browser/czml.browser.test.ts finds it within 0.16" of the core's EQJ <-> TEME
 * <-> pseudo-fixed chain. Without the tables Cesium falls back to GMST alone and leaves out the precession since
 * J2000, 0.6 deg by the 2040s: the README's viewer lines preload them.
 *
 * A geostationary satellite hardly moves in FIXED, so a few samples a day describe it; in INERTIAL it would need
 * many. Cesium turns FIXED into INERTIAL (and back) with its own Earth orientation, so a beam drawn between a
 * satellite (FIXED) and a body (INERTIAL) would be Cesium's business: every beam here joins two FIXED ends.
 */
import type { Vec3 } from '../../orbit/elements.ts';
import { eclipticToEquatorial } from '../../orbit/frames.ts';
import { earthHeliocentricEqjM } from '../../geometry/earthPosition.ts';

/** Geocentric EQJ (CZML INERTIAL), m, of a heliocentric ECLIPJ2000 position, m, at `tdbS`. */
export function geocentricEqjOfHeliocentricM(
  heliocentricEclipticM: readonly [number, number, number],
  tdbS: number,
): Vec3 {
  const [x, y, z] = heliocentricEclipticM;
  const p = eclipticToEquatorial([x, y, z]);
  const earth = earthHeliocentricEqjM(tdbS);
  return [p[0] - earth[0], p[1] - earth[1], p[2] - earth[2]];
}
