import { shadowFraction as satelliteJsShadowFraction } from 'satellite.js';
import { describe, expect, it } from 'vitest';

import {
  analyticGeoEclipseMinutes,
  findEclipses,
  shadowFraction,
  type EclipseEvent,
} from '../../sim/earth/index.ts';
import { sunGeocentricEqjM } from '../../sim/geometry/sunPosition.ts';
import { AU_M, EARTH_EQUATORIAL_RADIUS_M, SOLAR_RADIUS_M } from '../../sim/constants.ts';
import type { Vec3 } from '../../sim/orbit/elements.ts';
import { isoToTdbS, tdbSToIso } from '../../sim/time.ts';
import { resolveInput, singleLink } from './helpers.ts';

/** Geostationary radius, m: (GM / omega^2)^(1/3), GM = 398600.4418 km^3/s^2, omega = 7.292115e-5 rad/s. */
const GEO_RADIUS_M = 42_164_170;
/** The criterion: the longest daily eclipse within a minute of the analytic value. Observed: 0.015 min. */
const ANALYTIC_MIN = 1;
/** Against the hand values, digits (5e-3 min): half a unit of their two printed decimals. */
const HAND_MINUTES_DIGITS = 2;
/** Against the brute-force ray test: its 200 x 200 grid errs by ~1e-3 (observed difference 7e-4). */
const BRUTE_FORCE_FRACTION = 2e-3;
/** Against satellite.js: its missing Sun parallax moves the fraction up to 6e-3 (see the test; observed 5.3e-3). */
const NO_PARALLAX_FRACTION = 7e-3;
/** Longest eclipse from the equinox, days: one eclipse a day, and their lengths are flat near the maximum. */
const EQUINOX_DAYS = 1.5;
/** Mid-eclipse from 07:54 UT, hours: the equation of time reaches +-16.4 min, plus a minute. */
const EQUATION_OF_TIME_H = 17 / 60;

describe('the analytic geostationary eclipse (derived in sim/earth/eclipse.ts)', () => {
  it('matches the hand values: 69.6 min cylindrical, 71.7 min penumbral, 67.5 min umbral', () => {
    // Cylinder: 2 asin(6378.1 / 42164.17) = 2 x 8.7005 deg = 17.401 deg of the orbit; the satellite gains on the
    // anti-Sun direction at 360.985 - 0.904 = 360.081 deg/day, so 17.401 / 360.081 x 1440 = 69.59 min.
    // Cone: add (penumbra) or subtract (umbra) the Sun's angular radius 695 700 km / 1 au = 0.2665 deg, plus the
    // Sun's parallax (42 164 km / 1 au) sin(8.7 deg) = 0.0025 deg, on each side: 71.74 and 67.48 min.
    const a = analyticGeoEclipseMinutes(GEO_RADIUS_M, AU_M);
    expect(a.cylindricalMin).toBeCloseTo(69.59, HAND_MINUTES_DIGITS);
    expect(a.penumbralMin).toBeCloseTo(71.74, HAND_MINUTES_DIGITS);
    expect(a.umbralMin).toBeCloseTo(67.48, HAND_MINUTES_DIGITS);
  });
});

describe('the conical shadow model', () => {
  const sun: Vec3 = [AU_M, 0, 0];

  /**
   * Reference: the fraction of the solar disc hidden, by brute force. Points on a 200 x 200 grid over the Sun's
   * disc (in the plane through its centre, normal to the line of sight) are tested for whether the ray from the
   * satellite to them meets the Earth's sphere. Exact geometry, grid error ~1e-3.
   */
  function bruteForceFraction(sat: Vec3): number {
    const [sx, sy, sz] = [sun[0] - sat[0], sun[1] - sat[1], sun[2] - sat[2]];
    const dist = Math.hypot(sx, sy, sz);
    const u: Vec3 = [sx / dist, sy / dist, sz / dist];
    // Two unit vectors normal to u.
    const e1: Vec3 = Math.abs(u[2]) < 0.9 ? [-u[1], u[0], 0] : [0, -u[2], u[1]];
    const n1 = Math.hypot(...e1);
    const a: Vec3 = [e1[0] / n1, e1[1] / n1, e1[2] / n1];
    const b: Vec3 = [u[1] * a[2] - u[2] * a[1], u[2] * a[0] - u[0] * a[2], u[0] * a[1] - u[1] * a[0]];
    const n = 200;
    let inside = 0;
    let hidden = 0;
    for (let i = 0; i < n; i += 1) {
      for (let j = 0; j < n; j += 1) {
        const x = ((i + 0.5) / n) * 2 - 1;
        const y = ((j + 0.5) / n) * 2 - 1;
        if (x * x + y * y > 1) continue;
        inside += 1;
        const p: Vec3 = [0, 1, 2].map(
          (k) => (sun[k] as number) + SOLAR_RADIUS_M * (x * (a[k] as number) + y * (b[k] as number)),
        ) as Vec3;
        // Ray sat + s (p - sat), s in (0, 1]: does it meet |X| = Re?
        const d: Vec3 = [p[0] - sat[0], p[1] - sat[1], p[2] - sat[2]];
        const dd = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
        const sd = sat[0] * d[0] + sat[1] * d[1] + sat[2] * d[2];
        const c = sat[0] * sat[0] + sat[1] * sat[1] + sat[2] * sat[2] - EARTH_EQUATORIAL_RADIUS_M ** 2;
        const disc = sd * sd - dd * c;
        if (disc >= 0 && (-sd - Math.sqrt(disc)) / dd > 0) hidden += 1;
      }
    }
    return hidden / inside;
  }

  it('matches a brute-force ray test across the penumbra (observed 7e-4; grid error ~1e-3)', () => {
    let worst = 0;
    for (let offsetKm = 6100; offsetKm <= 6700; offsetKm += 40) {
      const sat: Vec3 = [-GEO_RADIUS_M, offsetKm * 1000, 0];
      worst = Math.max(worst, Math.abs(shadowFraction(sat, sun) - bruteForceFraction(sat)));
    }
    expect(worst).toBeLessThan(BRUTE_FORCE_FRACTION);
  });

  it("agrees with satellite.js's shadowFraction, which ignores the Sun's parallax", () => {
    // satellite.js measures both discs from the Earth's centre direction; from the satellite the Sun is shifted
    // by (r / 1 au) sin(phi) = 4.3e-5 rad; the hidden fraction changes by up to 2 / (pi rhoS) = 137 per rad of
    // separation, so the two differ by up to 6e-3 (observed 5.3e-3).
    const sunAu = { x: 1, y: 0, z: 0 };
    for (let offsetKm = 6000; offsetKm <= 6800; offsetKm += 20) {
      const sat: Vec3 = [-GEO_RADIUS_M, offsetKm * 1000, 0];
      const theirs = satelliteJsShadowFraction(sunAu, {
        x: sat[0] / 1000,
        y: sat[1] / 1000,
        z: sat[2] / 1000,
      });
      expect(Math.abs(shadowFraction(sat, sun) - theirs)).toBeLessThan(NO_PARALLAX_FRACTION);
    }
    expect(shadowFraction([-GEO_RADIUS_M, 0, 0], sun)).toBe(1);
    expect(shadowFraction([GEO_RADIUS_M, 0, 0], sun)).toBe(0);
    expect(shadowFraction([0, GEO_RADIUS_M, 0], sun)).toBe(0);
  });
});

describe('eclipse seasons of a geostationary power satellite (2031)', () => {
  const earth = resolveInput(singleLink(-118.4, 35, -118.4), '2031-01-01', '2032-01-01');
  const from = isoToTdbS('2031-01-01');
  const events: EclipseEvent[] = findEclipses(earth.satellites[0]!.orbit, from, isoToTdbS('2032-01-01'));
  const minutes = (e: EclipseEvent) => (e.penumbraEndTdbS - e.penumbraStartTdbS) / 60;
  const umbraMinutes = (e: EclipseEvent) =>
    e.umbraStartTdbS === null || e.umbraEndTdbS === null ? 0 : (e.umbraEndTdbS - e.umbraStartTdbS) / 60;
  const within = (e: EclipseEvent, a: string, b: string) =>
    e.penumbraStartTdbS >= isoToTdbS(a) && e.penumbraStartTdbS < isoToTdbS(b);

  it('has one eclipse a day in two seasons of about 46 days around the equinoxes', () => {
    const spring = events.filter((e) => within(e, '2031-02-01', '2031-05-01'));
    const autumn = events.filter((e) => within(e, '2031-08-01', '2031-11-01'));
    // |declination| < ~8.97 deg (the penumbra's reach seen from the Earth) lasts +-23 days of solar longitude.
    for (const season of [spring, autumn]) {
      expect(season.length).toBeGreaterThanOrEqual(43);
      expect(season.length).toBeLessThanOrEqual(49);
    }
    expect(spring.length + autumn.length).toBe(events.length);
  });

  it('has no eclipse around the solstices', () => {
    expect(events.filter((e) => within(e, '2031-04-15', '2031-08-25'))).toHaveLength(0);
    expect(events.filter((e) => within(e, '2031-01-01', '2031-02-10'))).toHaveLength(0);
    expect(events.filter((e) => within(e, '2031-11-01', '2032-01-01'))).toHaveLength(0);
  });

  it.each([
    ['spring', '2031-02-01', '2031-05-01', '2031-03-20T09:41:00Z'],
    ['autumn', '2031-08-01', '2031-11-01', '2031-09-23T01:15:00Z'],
  ])(
    '%s: the longest eclipse is near the equinox and within a minute of the analytic value',
    (_, a, b, equinox) => {
      const season = events.filter((e) => within(e, a, b));
      const longest = season.reduce((best, e) => (minutes(e) > minutes(best) ? e : best));
      const longestUmbra = season.reduce((best, e) => (umbraMinutes(e) > umbraMinutes(best) ? e : best));
      const mid = (longest.penumbraStartTdbS + longest.penumbraEndTdbS) / 2;
      expect(Math.abs(mid - isoToTdbS(equinox)) / 86_400).toBeLessThan(EQUINOX_DAYS);
      const sun = sunGeocentricEqjM(mid);
      const analytic = analyticGeoEclipseMinutes(GEO_RADIUS_M, Math.hypot(...sun));
      expect(Math.abs(minutes(longest) - analytic.penumbralMin)).toBeLessThan(ANALYTIC_MIN);
      expect(Math.abs(umbraMinutes(longestUmbra) - analytic.umbralMin)).toBeLessThan(ANALYTIC_MIN);
      // "Up to about 70 minutes a day": 71.7 min first to last contact.
      expect(minutes(longest)).toBeGreaterThan(70);
      expect(minutes(longest)).toBeLessThan(73);
    },
  );

  it('puts each eclipse around local midnight at the satellite (118.4 W: 07:54 UT, +-16 min equation of time)', () => {
    for (const e of events) {
      const mid = tdbSToIso((e.penumbraStartTdbS + e.penumbraEndTdbS) / 2);
      const hours = Number(mid.slice(11, 13)) + Number(mid.slice(14, 16)) / 60;
      expect(Math.abs(hours - (7 + 54 / 60))).toBeLessThan(EQUATION_OF_TIME_H);
    }
  });
});
