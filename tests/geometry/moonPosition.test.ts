/**
 * The Moon seen from the Earth (sim/geometry/moonPosition.ts), checked against astronomy-engine called here on its
 * own (GeoMoon, GeoMoonState, rotated EQJ -> ECLIPJ2000 by the obliquity written out below), and against physics:
 * its distance stays between the extreme perigee and apogee (356,400-406,700 km), its speed within vis-viva's, its
 * velocity is the derivative of its position, and its orbit is inclined 5.145 deg to the ecliptic (varying by
 * +-0.15 deg with the Sun's pull).
 */
import { AstroTime, GeoMoon, GeoMoonState } from 'astronomy-engine';
import { describe, expect, it } from 'vitest';

import { AU_M, GM_EARTH_M3_S2, OBLIQUITY_J2000_RAD, SECONDS_PER_DAY } from '../../sim/constants.ts';
import { InputError } from '../../sim/errors.ts';
import { moonGeocentricEclipticM, moonGeocentricStateEcliptic } from '../../sim/geometry/moonPosition.ts';
import { MOON_GM_M3_S2 } from '../../sim/growth/bodies.ts';
import { isoToTdbS, tdbSToTtS } from '../../sim/time.ts';

const DEG = Math.PI / 180;
const FROM = isoToTdbS('2030-01-01');
const TO = isoToTdbS('2051-01-01');

/** Same library, same time, same rotation written independently: float64 rounding (1e-16 of 400,000 km). */
const SAME_SERIES_M = 1e-6;
/** The same for velocities, m/s. */
const SAME_SERIES_MS = 1e-9;
/**
 * GeoMoonState's position is the mean of the series at +-0.864 s: that chord lies a dt^2 / 2 = 1.0 mm inside the
 * arc (a = v^2 / r = 2.7 mm/s^2). Observed 1.3 mm.
 */
const STATE_POSITION_M = 5e-3;
/**
 * GeoMoonState's velocity (a difference over 1.73 s) against a +-60 s central difference of GeoMoon: the series'
 * rounding (~0.1 mm) over 1.73 s gives ~1e-4 m/s; the wide difference's truncation (jerk dt^2 / 6) 4e-6 m/s.
 * Observed 3.8e-4 m/s.
 */
const VELOCITY_FD_MS = 2e-3;
/**
 * The instantaneous orbit plane's inclination to the J2000 ecliptic: 5.145 deg mean, +-0.15 deg as the Sun turns
 * the line of nodes (the Explanatory Supplement's 4.99-5.30 deg), plus the osculating plane's monthly wobble and
 * the J2000 ecliptic's 23" from the ecliptic of date. Observed 4.983-5.307 deg.
 */
const INCLINATION_RANGE_DEG = [4.95, 5.35] as const;

function toEcliptic([x, y, z]: readonly number[]): [number, number, number] {
  const c = Math.cos(OBLIQUITY_J2000_RAD);
  const s = Math.sin(OBLIQUITY_J2000_RAD);
  return [x as number, c * (y as number) + s * (z as number), -s * (y as number) + c * (z as number)];
}

const timeOf = (tdbS: number): AstroTime => AstroTime.FromTerrestrialTime(tdbSToTtS(tdbS) / SECONDS_PER_DAY);

describe("the Moon's geocentric position and state", () => {
  it('are astronomy-engine GeoMoon and GeoMoonState at the TT of the instant, in ECLIPJ2000', () => {
    for (let t = FROM; t < TO; t += 37.7 * SECONDS_PER_DAY) {
      const p = GeoMoon(timeOf(t));
      const theirs = toEcliptic([p.x * AU_M, p.y * AU_M, p.z * AU_M]);
      const ours = moonGeocentricEclipticM(t);
      const s = GeoMoonState(timeOf(t));
      const state = moonGeocentricStateEcliptic(t);
      const theirV = toEcliptic([s.vx, s.vy, s.vz].map((x) => (x * AU_M) / SECONDS_PER_DAY));
      for (let k = 0; k < 3; k += 1) {
        expect(Math.abs(ours[k]! - theirs[k]!)).toBeLessThan(SAME_SERIES_M);
        expect(Math.abs(state.velocityMS[k]! - theirV[k]!)).toBeLessThan(SAME_SERIES_MS);
        expect(Math.abs(state.positionM[k]! - ours[k]!)).toBeLessThan(STATE_POSITION_M);
      }
    }
  });

  it('stays within 356,000-407,000 km of the Earth and reaches the extreme perigees and apogees', () => {
    let min = Infinity;
    let max = 0;
    for (let t = FROM; t < TO; t += 6 * 3600) {
      const r = Math.hypot(...moonGeocentricEclipticM(t));
      min = Math.min(min, r);
      max = Math.max(max, r);
    }
    expect(min).toBeGreaterThan(356_000e3);
    expect(max).toBeLessThan(407_000e3);
    // Over 20 years the closest perigees come within 356,600 km and the farthest apogees beyond 406,500 km;
    // sampling every 6 h misses an extreme by at most r'' (3 h)^2 / 2 = 9 km.
    expect(min).toBeLessThan(356_600e3);
    expect(max).toBeGreaterThan(406_500e3);
  });

  it('moves with the velocity of its positions, at vis-viva speeds, in a plane inclined 5.1 deg', () => {
    const mu = GM_EARTH_M3_S2 + MOON_GM_M3_S2;
    const a = 384_400e3; // mean distance (semi-major axis of the mean orbit)
    const visViva = (r: number): number => Math.sqrt(mu * (2 / r - 1 / a));
    let velocityError = 0;
    let minSpeed = Infinity;
    let maxSpeed = 0;
    let minInclination = Infinity;
    let maxInclination = 0;
    for (let t = FROM; t < TO; t += 2.37 * SECONDS_PER_DAY) {
      const { positionM: r, velocityMS: v } = moonGeocentricStateEcliptic(t);
      const before = moonGeocentricEclipticM(t - 60);
      const after = moonGeocentricEclipticM(t + 60);
      const fd = [0, 1, 2].map((k) => (after[k]! - before[k]!) / 120);
      velocityError = Math.max(velocityError, Math.hypot(fd[0]! - v[0], fd[1]! - v[1], fd[2]! - v[2]));
      const speed = Math.hypot(...v);
      minSpeed = Math.min(minSpeed, speed);
      maxSpeed = Math.max(maxSpeed, speed);
      const h = [r[1] * v[2] - r[2] * v[1], r[2] * v[0] - r[0] * v[2], r[0] * v[1] - r[1] * v[0]];
      const inclinationDeg = Math.acos(h[2]! / Math.hypot(...h)) / DEG;
      minInclination = Math.min(minInclination, inclinationDeg);
      maxInclination = Math.max(maxInclination, inclinationDeg);
    }
    expect(velocityError).toBeLessThan(VELOCITY_FD_MS);
    // Vis-viva at the extreme distances, 2 % wider: the Sun stretches the real orbit from the mean ellipse.
    expect(minSpeed).toBeGreaterThan(0.98 * visViva(407_000e3));
    expect(maxSpeed).toBeLessThan(1.02 * visViva(356_000e3));
    expect(minInclination).toBeGreaterThan(INCLINATION_RANGE_DEG[0]);
    expect(maxInclination).toBeLessThan(INCLINATION_RANGE_DEG[1]);
  });

  it('refuses a non-finite time', () => {
    expect(() => moonGeocentricEclipticM(Number.NaN)).toThrow(InputError);
    expect(() => moonGeocentricStateEcliptic(Number.NEGATIVE_INFINITY)).toThrow(/tdbS/);
  });
});
