/**
 * The Earth's heliocentric position and velocity (sim/geometry/earthPosition.ts), checked against astronomy-engine
 * called here on its own (HelioVector, HelioState, rotated EQJ -> ECLIPJ2000 by the obliquity written out below),
 * and against physics: the Earth's distance from the Sun stays within its perihelion and aphelion, its speed
 * within vis-viva's, its velocity is the derivative of its position, and it stays in the J2000 ecliptic.
 */
import { AstroTime, Body, HelioState, HelioVector } from 'astronomy-engine';
import { describe, expect, it } from 'vitest';

import { AU_M, GM_SUN_M3_S2, OBLIQUITY_J2000_RAD, SECONDS_PER_DAY } from '../../sim/constants.ts';
import { InputError } from '../../sim/errors.ts';
import {
  earthHeliocentricEclipticM,
  earthHeliocentricEqjM,
  earthHeliocentricStateEqj,
} from '../../sim/geometry/earthPosition.ts';
import { isoToTdbS, tdbSToTtS } from '../../sim/time.ts';

const ARCSEC = Math.PI / (180 * 3600);
const FROM = isoToTdbS('2030-01-01');
const TO = isoToTdbS('2051-01-01');

/** Same library, same time, same rotation written independently: only float64 rounding remains (1e-16 of 1 au). */
const SAME_SERIES_M = 1e-4;
/** The same for velocities, m/s (1e-16 of 30 km/s, the unit conversion done in another order). */
const SAME_SERIES_MS = 1e-9;
/**
 * Analytic velocity (HelioState) against a +-60 s central difference of the positions: the difference's own
 * truncation error is a jerk * dt^2 / 6 ~ 1e-6 m/s; observed 1.6e-4 m/s (5e-9 of the speed), from the rounding
 * of the series' terms in the two evaluations.
 */
const VELOCITY_FD_MS = 1e-3;
/**
 * Distance of the Earth from the J2000 ecliptic plane, as an ecliptic latitude: the mean ecliptic of date drifts
 * from J2000's by pi_A = 47.0" per century (IAU 2006 precession, Capitaine et al. 2003): 23.5" by 2050; the Moon
 * swings the Earth about the barycentre by 4,670 km x sin 5.1 deg = 0.6". Observed 24.3"; a frame error (EQJ
 * left unrotated) would give 23 deg.
 */
const ECLIPTIC_LATITUDE_ARCSEC = 26;

function eqjAt(tdbS: number): [number, number, number] {
  const v = HelioVector(Body.Earth, AstroTime.FromTerrestrialTime(tdbSToTtS(tdbS) / SECONDS_PER_DAY));
  return [v.x * AU_M, v.y * AU_M, v.z * AU_M];
}

function toEcliptic([x, y, z]: readonly number[]): [number, number, number] {
  const c = Math.cos(OBLIQUITY_J2000_RAD);
  const s = Math.sin(OBLIQUITY_J2000_RAD);
  return [x as number, c * (y as number) + s * (z as number), -s * (y as number) + c * (z as number)];
}

function* dates(stepDays: number): Generator<number> {
  for (let t = FROM; t < TO; t += stepDays * SECONDS_PER_DAY) yield t;
}

describe("the Earth's heliocentric position", () => {
  it('is astronomy-engine HelioVector(Earth) at the TT of the instant, in EQJ and rotated into ECLIPJ2000', () => {
    for (const t of dates(97.3)) {
      const eqj = earthHeliocentricEqjM(t);
      const ecl = earthHeliocentricEclipticM(t);
      const theirs = eqjAt(t);
      const theirsEcl = toEcliptic(theirs);
      for (let k = 0; k < 3; k += 1) {
        expect(Math.abs(eqj[k]! - theirs[k]!)).toBeLessThan(SAME_SERIES_M);
        expect(Math.abs(ecl[k]! - theirsEcl[k]!)).toBeLessThan(SAME_SERIES_M);
      }
    }
  });

  it('stays within the perihelion and aphelion distances (0.983-1.017 au) and reaches both', () => {
    let min = Infinity;
    let max = 0;
    for (const t of dates(0.5)) {
      const r = Math.hypot(...earthHeliocentricEclipticM(t)) / AU_M;
      min = Math.min(min, r);
      max = Math.max(max, r);
    }
    expect(min).toBeGreaterThan(0.983);
    expect(max).toBeLessThan(1.017);
    // e = 0.0167: both ends are reached to within the Moon's and the planets' perturbations.
    expect(min).toBeLessThan(0.9834);
    expect(max).toBeGreaterThan(1.0166);
  });

  it('stays in the J2000 ecliptic plane, within the precession of the ecliptic since J2000', () => {
    for (const t of dates(3.1)) {
      const [x, y, z] = earthHeliocentricEclipticM(t);
      expect(Math.abs(Math.atan2(z, Math.hypot(x, y))) / ARCSEC).toBeLessThan(ECLIPTIC_LATITUDE_ARCSEC);
    }
  });

  it('refuses a non-finite time', () => {
    expect(() => earthHeliocentricEclipticM(Number.NaN)).toThrow(InputError);
    expect(() => earthHeliocentricStateEqj(Number.POSITIVE_INFINITY)).toThrow(/tdbS/);
  });
});

describe("the Earth's heliocentric state", () => {
  it('is astronomy-engine HelioState(Earth), its position bit for bit that of earthHeliocentricEqjM', () => {
    for (const t of dates(101.7)) {
      const state = earthHeliocentricStateEqj(t);
      const s = HelioState(Body.Earth, AstroTime.FromTerrestrialTime(tdbSToTtS(t) / SECONDS_PER_DAY));
      expect(state.positionM).toEqual(earthHeliocentricEqjM(t));
      const v = [s.vx, s.vy, s.vz].map((x) => (x * AU_M) / SECONDS_PER_DAY);
      for (let k = 0; k < 3; k += 1)
        expect(Math.abs(state.velocityMS[k]! - v[k]!)).toBeLessThan(SAME_SERIES_MS);
    }
  });

  it('has the velocity of the positions (central difference) and a speed within vis-viva at 0.983-1.017 au', () => {
    // Vis-viva with a = 1.00000261 au (JPL Table 1, EM barycentre): 30.29 km/s at perihelion, 29.29 at aphelion.
    const a = 1.00000261 * AU_M;
    const visViva = (r: number): number => Math.sqrt(GM_SUN_M3_S2 * (2 / r - 1 / a));
    for (const t of dates(17.1)) {
      const { velocityMS } = earthHeliocentricStateEqj(t);
      const before = earthHeliocentricEqjM(t - 60);
      const after = earthHeliocentricEqjM(t + 60);
      for (let k = 0; k < 3; k += 1) {
        expect(Math.abs((after[k]! - before[k]!) / 120 - velocityMS[k]!)).toBeLessThan(VELOCITY_FD_MS);
      }
      // +-15 m/s: the Earth's own motion about the Earth-Moon barycentre (12.5 m/s) and the planets' pull.
      const speed = Math.hypot(...velocityMS);
      expect(speed).toBeGreaterThan(visViva(1.017 * AU_M) - 15);
      expect(speed).toBeLessThan(visViva(0.983 * AU_M) + 15);
    }
  });
});
