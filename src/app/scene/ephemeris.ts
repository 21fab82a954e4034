/**
 * Positions of the Sun, Mercury, Venus, the Earth, the Moon and Mars for the scene, from astronomy-engine
 * (VSOP87 for the planets, a truncated ELP/MPP02-style series for the Moon; arcsecond-level accuracy).
 *
 * Output: heliocentric, ECLIPJ2000 (the propagator's frame), megametres, float64, geometric (no light time).
 * astronomy-engine returns J2000 mean-equator vectors (EQJ) in au; they are rotated about x by the IAU 2006 J2000
 * obliquity exactly as sim/orbit/frames.ts equatorialToEcliptic does, so planets and collectors share one frame.
 * Time: TDB seconds past J2000 are turned into TT (sim/time.ts tdbSToTtS) and handed to astronomy-engine as
 * terrestrial time, so no ΔT model enters.
 */
import { AstroTime, Body, GeoMoon, GeoMoonState, HelioVector, Vector } from 'astronomy-engine';
import { GM_EARTH_M3_S2 } from '../../../sim/constants.ts';
import { MOON_GM_M3_S2 } from '../../../sim/growth/bodies.ts';
import { writeEllipticState } from '../../../sim/orbit/conic.ts';
import { stateToKepler } from '../../../sim/orbit/state.ts';
import { AU_M, OBLIQUITY_J2000_RAD, SECONDS_PER_DAY } from '../../../sim/constants.ts';
import { tdbSToTtS } from '../../../sim/time.ts';
import type { BodyId } from '../state/targets.ts';

const MM_PER_AU = AU_M / 1e6;
/** GM of the Earth plus the Moon, m^3/s^2: the two-body parameter of the lunar orbit. */
const EARTH_MOON_GM_M3_S2 = GM_EARTH_M3_S2 + MOON_GM_M3_S2;
const COS_OBLIQUITY = Math.cos(OBLIQUITY_J2000_RAD);
const SIN_OBLIQUITY = Math.sin(OBLIQUITY_J2000_RAD);

const PLANET_BODIES = {
  mercury: Body.Mercury,
  venus: Body.Venus,
  earth: Body.Earth,
  mars: Body.Mars,
} as const;

export type PlanetId = keyof typeof PLANET_BODIES;
export const PLANET_IDS = Object.keys(PLANET_BODIES) as PlanetId[];

/** Sidereal periods, days (for sampling the orbit paths). */
const SIDEREAL_PERIOD_DAYS: Readonly<Record<PlanetId, number>> = {
  mercury: 87.969,
  venus: 224.701,
  earth: 365.256,
  mars: 686.98,
};

/** astronomy-engine time for a TDB instant (TT days past J2000; TDB - TT < 2 ms is below its accuracy). */
export function astroTime(tdbS: number): AstroTime {
  return AstroTime.FromTerrestrialTime(tdbSToTtS(tdbS) / SECONDS_PER_DAY);
}

/** EQJ au -> ECLIPJ2000 Mm, written at out[offset..offset+2]. */
function writeEcliptic(v: Vector, out: Float64Array, offset: number): void {
  out[offset] = v.x * MM_PER_AU;
  out[offset + 1] = (COS_OBLIQUITY * v.y + SIN_OBLIQUITY * v.z) * MM_PER_AU;
  out[offset + 2] = (-SIN_OBLIQUITY * v.y + COS_OBLIQUITY * v.z) * MM_PER_AU;
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
  const time = astroTime(tdbS);
  out[0] = 0;
  out[1] = 0;
  out[2] = 0;
  for (const id of PLANET_IDS) writeEcliptic(HelioVector(PLANET_BODIES[id], time), out, BODY_SLOT[id]);
  const earth = BODY_SLOT.earth;
  const moon = BODY_SLOT.moon;
  writeEcliptic(GeoMoon(time), out, moon);
  out[moon] = (out[moon] as number) + (out[earth] as number);
  out[moon + 1] = (out[moon + 1] as number) + (out[earth + 1] as number);
  out[moon + 2] = (out[moon + 2] as number) + (out[earth + 2] as number);
}

/**
 * One sidereal period of a planet's heliocentric path, ECLIPJ2000 Mm, `samples` points centred on tdbS (the path
 * closes to within the orbit's slow precession). Float32 is enough for a line drawn relative to the Sun.
 */
export function planetOrbitPath(id: PlanetId, tdbS: number, samples: number): Float32Array {
  const out = new Float32Array(3 * (samples + 1));
  const period = SIDEREAL_PERIOD_DAYS[id] * SECONDS_PER_DAY;
  const scratch = new Float64Array(3);
  for (let k = 0; k <= samples; k += 1) {
    const t = tdbS + period * (k / samples - 0.5);
    writeEcliptic(HelioVector(PLANET_BODIES[id], astroTime(t)), scratch, 0);
    out.set(scratch, 3 * k);
  }
  return out;
}

/**
 * The Moon's geocentric orbit at tdbS, ECLIPJ2000 Mm: the osculating two-body ellipse (mu = GM_earth + GM_moon) of
 * astronomy-engine's lunar state at that instant, `samples` + 1 points evenly spaced in eccentric anomaly (closed),
 * written into `out` (length >= 3 (samples + 1)). The Moon drawn at tdbS lies on it; the Sun bends the real path
 * away from it by up to a few thousand km over a month. One lunar series evaluation (about 0.1 ms), where sampling
 * the series along the month cost 70 µs per point and made long tasks while playing.
 */
export function moonOrbitPath(tdbS: number, samples: number, out: Float32Array): Float32Array {
  const state = GeoMoonState(astroTime(tdbS));
  const position = new Float64Array(3);
  const velocity = new Float64Array(3);
  writeEcliptic(new Vector(state.x, state.y, state.z, state.t), position, 0);
  writeEcliptic(new Vector(state.vx, state.vy, state.vz, state.t), velocity, 0);
  // Mm -> m, and Mm/day -> m/s
  const elements = stateToKepler(
    {
      positionM: [position[0]! * 1e6, position[1]! * 1e6, position[2]! * 1e6],
      velocityMS: [
        (velocity[0]! * 1e6) / SECONDS_PER_DAY,
        (velocity[1]! * 1e6) / SECONDS_PER_DAY,
        (velocity[2]! * 1e6) / SECONDS_PER_DAY,
      ],
    },
    EARTH_MOON_GM_M3_S2,
  );
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
    out[3 * k] = scratch[0]! / 1e6;
    out[3 * k + 1] = scratch[1]! / 1e6;
    out[3 * k + 2] = scratch[2]! / 1e6;
  }
  return out;
}
