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
import { AstroTime, Body, GeoMoon, HelioVector, type Vector } from 'astronomy-engine';
import { AU_M, OBLIQUITY_J2000_RAD, SECONDS_PER_DAY } from '../../../sim/constants.ts';
import { tdbSToTtS } from '../../../sim/time.ts';
import type { BodyId } from '../state/targets.ts';

const MM_PER_AU = AU_M / 1e6;
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
 * The Moon's geocentric path over one sidereal month (27.32 d) centred on tdbS, ECLIPJ2000 Mm: `samples` + 1
 * points written into `out` (length >= 3 (samples + 1)). About 70 µs per sample (astronomy-engine's lunar series).
 */
export function moonOrbitPath(tdbS: number, samples: number, out: Float32Array): Float32Array {
  const month = 27.321661 * SECONDS_PER_DAY;
  const scratch = new Float64Array(3);
  for (let k = 0; k <= samples; k += 1) {
    writeEcliptic(GeoMoon(astroTime(tdbS + month * (k / samples - 0.5))), scratch, 0);
    out.set(scratch, 3 * k);
  }
  return out;
}
