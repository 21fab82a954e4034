/**
 * The Earth's rotation angle (sim/geometry/earthRotation.ts), checked against Vallado's worked examples
 * ("Fundamentals of Astrodynamics and Applications", 4th ed., 2013: Example 3-5 and Example 3-15), against
 * satellite.js gstime called here on a Date (its own calendar -> Julian date path), and against the IAU 1982
 * rotation rate (Aoki et al. 1982: 1.002737909350795 turns of GMST per UT1 day, at J2000).
 */
import { gstime } from 'satellite.js';
import { describe, expect, it } from 'vitest';

import { InputError } from '../../sim/errors.ts';
import { gmstOfUtcJulianDateRad, gmstRad } from '../../sim/geometry/earthRotation.ts';
import { utcMsToTdbS } from '../../sim/time.ts';

const DEG = Math.PI / 180;
const TWO_PI = 2 * Math.PI;

/**
 * Against a published GMST, deg: a float64 Julian date near 2.45e6 resolves 4.7e-10 day, 1.7e-7 deg of rotation;
 * the TDB round trip adds < 1 us (4e-9 deg) and the published values are rounded to 1e-9 and 1e-7 deg.
 * Observed 3e-10 deg (Example 3-5) and 3.8e-8 deg (Example 3-15).
 */
const PUBLISHED_GMST_DEG = 2e-7;
/** Against satellite.js gstime on a Date, rad: the two Julian-date paths differ by a float64 ulp of the date. */
const SAME_FORMULA_RAD = 1e-8;
/** The daily advance, rad: two angles each good to the Julian date's resolution (3e-9 rad). */
const DAILY_ADVANCE_RAD = 1e-8;
/** The dUT1 offset against dUT1 x the rotation rate, digits (5e-7 deg): PUBLISHED_GMST_DEG of the published angle. */
const DUT1_OFFSET_DIGITS = 6;
/** The module's bound for UT1 = UTC, deg: |UT1 - UTC| < 0.9 s times 360.9856 deg/day is 0.00376 deg. */
const UT1_AS_UTC_DEG = 0.0038;

/** The signed difference a - b wrapped into [-pi, pi). */
const wrap = (x: number): number => x - TWO_PI * Math.floor((x + Math.PI) / TWO_PI);

describe('Greenwich mean sidereal time', () => {
  it("is Vallado's Example 3-5: 1992-08-20 12:14 UT1, GMST 152.578787810 deg", () => {
    const tdbS = utcMsToTdbS(Date.UTC(1992, 7, 20, 12, 14, 0)); // given as UT1, taken as UTC here
    expect(Math.abs(wrap(gmstRad(tdbS) - 152.57878781 * DEG)) / DEG).toBeLessThan(PUBLISHED_GMST_DEG);
  });

  it("is Vallado's Example 3-15: 2004-04-06 07:51:28.386009 UTC, dUT1 = -0.4399619 s, GMST 312.8098943 deg", () => {
    const published = 312.8098943 * DEG;
    // The example's UT1 instant (JD_UT1 2453101.827406783), passed where the project passes UTC.
    const ut1Ms = Date.UTC(2004, 3, 6, 7, 51, 28) + 386.009 - 439.9619;
    expect(Math.abs(wrap(gmstRad(utcMsToTdbS(ut1Ms)) - published)) / DEG).toBeLessThan(PUBLISHED_GMST_DEG);
    expect(Math.abs(wrap(gmstOfUtcJulianDateRad(2453101.827406783) - published)) / DEG).toBeLessThan(
      PUBLISHED_GMST_DEG,
    );
    // With UT1 = UTC, as the project does, the angle is off by dUT1 times the rotation rate: 0.0018 deg here,
    // below the module's bound of 0.0038 deg for |UT1 - UTC| < 0.9 s.
    const utcMs = Date.UTC(2004, 3, 6, 7, 51, 28) + 386.009;
    const offDeg = wrap(gmstRad(utcMsToTdbS(utcMs)) - published) / DEG;
    expect(offDeg).toBeCloseTo(0.4399619 * (360.98564736629 / 86_400), DUT1_OFFSET_DIGITS);
    expect(Math.abs(offDeg)).toBeLessThan(UT1_AS_UTC_DEG);
  });

  it('is satellite.js gstime of the UTC date, over 2030-2050', () => {
    for (let year = 2030; year <= 2050; year += 1) {
      const utcMs = Date.UTC(year, (year * 7) % 12, 1 + (year % 28), year % 24, (year * 13) % 60, 17);
      const theirs = gstime(new Date(utcMs));
      expect(Math.abs(wrap(gmstRad(utcMsToTdbS(utcMs)) - theirs))).toBeLessThan(SAME_FORMULA_RAD);
      expect(gmstRad(utcMsToTdbS(utcMs))).toBeGreaterThanOrEqual(0);
      expect(gmstRad(utcMsToTdbS(utcMs))).toBeLessThan(TWO_PI);
    }
  });

  it('advances 1.002737909 turns per UT1 day (IAU 1982)', () => {
    // r = 1.002737909350795 + 5.9006e-11 T (T centuries past J2000): the T term is 2e-11 rad/day by 2040.
    for (const iso of ['2030-03-01T00:00:00Z', '2040-07-15T06:00:00Z', '2050-11-30T18:00:00Z']) {
      const utcMs = Date.parse(iso);
      const t = (utcMs - Date.parse('2000-01-01T12:00:00Z')) / 86_400_000 / 36_525;
      const advance = wrap(gmstRad(utcMsToTdbS(utcMs + 86_400_000)) - gmstRad(utcMsToTdbS(utcMs)));
      const expected = wrap(TWO_PI * (0.002737909350795 + 5.9006e-11 * t));
      expect(Math.abs(advance - expected)).toBeLessThan(DAILY_ADVANCE_RAD);
    }
  });

  it('refuses a non-finite Julian date', () => {
    expect(() => gmstOfUtcJulianDateRad(Number.NaN)).toThrow(InputError);
  });
});
