/**
 * Positions of the Sun, Mercury, Venus, the Earth, the Moon and Mars for the scene: exactly the core's
 * (sim/geometry/: planetPositions.ts, earthPosition.ts, moonPosition.ts; astronomy-engine, VSOP87 and its lunar
 * series, arcsecond-level), only rescaled to the scene's unit.
 *
 * Output: heliocentric, ECLIPJ2000 (the propagator's frame), megametres, float64, geometric (no light time).
 * Time: TDB seconds past J2000 (sim/geometry/astroTime.ts turns them into astronomy-engine's time).
 */
import { GM_EARTH_M3_S2, SECONDS_PER_DAY } from '../../../sim/constants.ts';
import { earthHeliocentricEclipticM } from '../../../sim/geometry/earthPosition.ts';
import { moonGeocentricEclipticM, moonGeocentricStateEcliptic } from '../../../sim/geometry/moonPosition.ts';
import {
  PLANET_IDS,
  SIDEREAL_PERIOD_DAYS,
  planetHeliocentricEclipticM,
  type PlanetId,
} from '../../../sim/geometry/planetPositions.ts';
import { MOON_GM_M3_S2 } from '../../../sim/growth/bodies.ts';
import { writeEllipticState } from '../../../sim/orbit/conic.ts';
import type { Vec3 } from '../../../sim/orbit/elements.ts';
import { stateToKepler } from '../../../sim/orbit/state.ts';
import type { BodyId } from '../state/targets.ts';

/** Metres per scene unit (megametre). */
const M_PER_MM = 1e6;
/** GM of the Earth plus the Moon, m^3/s^2: the two-body parameter of the lunar orbit. */
const EARTH_MOON_GM_M3_S2 = GM_EARTH_M3_S2 + MOON_GM_M3_S2;

/** A position in m written at out[offset..offset+2] in Mm. */
function writeMm(m: Vec3, out: Float64Array | Float32Array, offset: number): void {
  out[offset] = m[0] / M_PER_MM;
  out[offset + 1] = m[1] / M_PER_MM;
  out[offset + 2] = m[2] / M_PER_MM;
}

/** Index of each body's xyz in the buffer filled by bodyPositions. */
export const BODY_SLOT: Readonly<Record<BodyId, number>> = {
  sun: 0,
  mercury: 3,
  venus: 6,
  earth: 9,
  moon: 12,
  mars: 15,
};

/** Heliocentric ECLIPJ2000 positions (Mm) of every body at tdbS, into out (length >= 18, see BODY_SLOT). */
export function bodyPositions(tdbS: number, out: Float64Array): void {
  out[0] = 0;
  out[1] = 0;
  out[2] = 0;
  for (const id of PLANET_IDS) {
    if (id !== 'earth') writeMm(planetHeliocentricEclipticM(id, tdbS), out, BODY_SLOT[id]);
  }
  const earth = earthHeliocentricEclipticM(tdbS);
  const moon = moonGeocentricEclipticM(tdbS);
  writeMm(earth, out, BODY_SLOT.earth);
  writeMm([earth[0] + moon[0], earth[1] + moon[1], earth[2] + moon[2]], out, BODY_SLOT.moon);
}

/**
 * One sidereal period of a planet's heliocentric path, ECLIPJ2000 Mm, `samples` points centred on tdbS (the path
 * closes to within the orbit's slow precession). Float32 is enough for a line drawn relative to the Sun.
 */
export function planetOrbitPath(id: PlanetId, tdbS: number, samples: number): Float32Array {
  const out = new Float32Array(3 * (samples + 1));
  const period = SIDEREAL_PERIOD_DAYS[id] * SECONDS_PER_DAY;
  for (let k = 0; k <= samples; k += 1) {
    const t = tdbS + period * (k / samples - 0.5);
    writeMm(planetHeliocentricEclipticM(id, t), out, 3 * k);
  }
  return out;
}

/**
 * The Moon's geocentric orbit at tdbS, ECLIPJ2000 Mm: the osculating two-body ellipse (mu = GM_earth + GM_moon) of
 * the core's lunar state at that instant (sim/geometry/moonPosition.ts), `samples` + 1 points evenly spaced in
 * eccentric anomaly (closed), written into `out` (length >= 3 (samples + 1)). The Moon drawn at tdbS lies on it;
 * the Sun bends the real path away from it by up to a few thousand km over a month. One lunar series evaluation
 * (about 0.1 ms), where sampling the series along the month cost 70 µs per point and made long tasks while playing.
 */
export function moonOrbitPath(tdbS: number, samples: number, out: Float32Array): Float32Array {
  const elements = stateToKepler(moonGeocentricStateEcliptic(tdbS), EARTH_MOON_GM_M3_S2);
  const a = elements.semiMajorAxisM;
  const sqrtMuA = Math.sqrt(EARTH_MOON_GM_M3_S2 * a);
  const scratch = new Float64Array(3);
  for (let k = 0; k <= samples; k += 1) {
    writeEllipticState(
      a,
      elements.eccentricity,
      elements.inclinationRad,
      elements.ascendingNodeRad,
      elements.argPeriapsisRad,
      (2 * Math.PI * k) / samples,
      sqrtMuA,
      scratch,
      null,
      0,
    );
    out[3 * k] = scratch[0]! / M_PER_MM;
    out[3 * k + 1] = scratch[1]! / M_PER_MM;
    out[3 * k + 2] = scratch[2]! / M_PER_MM;
  }
  return out;
}
