/**
 * The Sun seen from the Earth (sim/geometry/sunPosition.ts), checked against astronomy-engine called here on its
 * own (GeoVector with aberration), and against physics: it lies opposite the Earth's heliocentric position one
 * light time earlier (light time and the annual aberration, Bradley 1729: 20.5" at the mean orbital speed), at the
 * Earth-Sun distance (0.983-1.017 au).
 */
import { AstroTime, Body, GeoVector } from 'astronomy-engine';
import { describe, expect, it } from 'vitest';

import { AU_M, SECONDS_PER_DAY, SPEED_OF_LIGHT_M_S } from '../../sim/constants.ts';
import { InputError } from '../../sim/errors.ts';
import { earthHeliocentricEqjM } from '../../sim/geometry/earthPosition.ts';
import { sunGeocentricEqjM } from '../../sim/geometry/sunPosition.ts';
import { isoToTdbS, tdbSToTtS } from '../../sim/time.ts';

const ARCSEC = Math.PI / (180 * 3600);
const FROM = isoToTdbS('2030-01-01');
const TO = isoToTdbS('2051-01-01');

/** Same library, same time: only float64 rounding of the au -> m scaling remains (1e-16 of 1 au). */
const SAME_SERIES_M = 1e-4;
/**
 * The apparent Sun against -E(t - tau): light that reaches the Earth at t left the Sun tau = |E| / c earlier, and
 * what the Earth sees is the Sun's direction from where the Earth was then (light time and annual aberration in
 * one step, to first order in v/c). Observed 26 m (2e-10 rad) over 2030-2050, where the effect checked moves the
 * Sun by 15,000 km (20.5") and its distance by up to 250 km (the radial rate 0.5 km/s times tau).
 */
const APPARENT_SUN_M = 100;

const angle = (a: readonly number[], b: readonly number[]): number => {
  const [ax, ay, az] = a as [number, number, number];
  const [bx, by, bz] = b as [number, number, number];
  return Math.atan2(
    Math.hypot(ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx),
    ax * bx + ay * by + az * bz,
  );
};

describe("the Sun's geocentric position", () => {
  it('is astronomy-engine GeoVector(Sun, aberration) at the TT of the instant, EQJ, m', () => {
    for (let t = FROM; t < TO; t += 89.1 * SECONDS_PER_DAY) {
      const ours = sunGeocentricEqjM(t);
      const v = GeoVector(Body.Sun, AstroTime.FromTerrestrialTime(tdbSToTtS(t) / SECONDS_PER_DAY), true);
      expect(Math.abs(ours[0] - v.x * AU_M)).toBeLessThan(SAME_SERIES_M);
      expect(Math.abs(ours[1] - v.y * AU_M)).toBeLessThan(SAME_SERIES_M);
      expect(Math.abs(ours[2] - v.z * AU_M)).toBeLessThan(SAME_SERIES_M);
    }
  });

  it('is opposite the Earth as it was one light time earlier, at 0.983-1.017 au', () => {
    let minShiftArcsec = Infinity;
    for (let t = FROM; t < TO; t += 7.3 * SECONDS_PER_DAY) {
      const sun = sunGeocentricEqjM(t);
      const now = earthHeliocentricEqjM(t);
      const then = earthHeliocentricEqjM(t - Math.hypot(...now) / SPEED_OF_LIGHT_M_S);
      expect(Math.hypot(sun[0] + then[0], sun[1] + then[1], sun[2] + then[2])).toBeLessThan(APPARENT_SUN_M);
      // Not the geometric direction: aberration, v/c = 20.1-20.9" over the year, is there.
      minShiftArcsec = Math.min(minShiftArcsec, angle(sun, [-now[0], -now[1], -now[2]]) / ARCSEC);
      expect(Math.hypot(...sun) / AU_M).toBeGreaterThan(0.983);
      expect(Math.hypot(...sun) / AU_M).toBeLessThan(1.017);
    }
    expect(minShiftArcsec).toBeGreaterThan(20);
  });

  it('refuses a non-finite time', () => {
    expect(() => sunGeocentricEqjM(Number.NaN)).toThrow(InputError);
  });
});
