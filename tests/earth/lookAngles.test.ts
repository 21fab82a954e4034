import { describe, expect, it } from 'vitest';

import {
  earthSegmentAt,
  geoLookAnglesEllipsoidal,
  geoLookAnglesSpherical,
  lookAngles,
} from '../../sim/earth/index.ts';
import { isoToTdbS } from '../../sim/time.ts';
import { DEG, resolveInput, singleLink } from './helpers.ts';

/** Geostationary radius, m: (GM / omega^2)^(1/3) with GM = 398600.4418 km^3/s^2 and omega = 7.292115e-5 rad/s. */
const GEO_RADIUS_M = 42_164_170;

/**
 * SGP4 look angles vs the closed form for a satellite exactly in its slot, deg. The station-kept satellite is off
 * its nominal point by up to 0.005 deg in longitude, 0.025 deg in latitude and a few km in radius (geoSlot.test.ts);
 * seen from the ground that is 1.2 times larger. Observed: 0.029 deg (zenith case: the latitude excursion), 0.011 deg
 * (azimuth at 35 deg N).
 */
const ANGLE_DEG = 0.035;
/** What the spherical-Earth closed form adds at 35 deg N, deg (observed 0.031). */
const SPHERICAL_EXTRA_DEG = 0.035;
/** Slant range vs the closed form, m (observed 581 m: SGP4's short-period terms on the radius). */
const RANGE_M = 1000;
/** The two closed forms where they coincide, rad: the same trigonometry on values near 1 rad, rounding only. */
const CLOSED_FORMS_RAD = 1e-12;
/** The two closed forms' slant ranges, m: rounding of ~3.7e7 m (ulp 7.5e-9 m) over a few operations. */
const CLOSED_FORMS_RANGE_M = 1e-6;
/** Against the hand value 55.026 deg, digits (5e-4 deg): half a unit of its three printed decimals. */
const HAND_ELEVATION_DIGITS = 3;
/** An azimuth that is exactly 90 deg, digits (5e-11 deg): atan2 and the degree conversion round, a few ulp. */
const DUE_EAST_DIGITS = 10;
/** Azimuths of constructed vectors, digits (5e-10 deg): atan2 of topocentric components, rounding only. */
const CONVENTION_AZIMUTH_DIGITS = 9;
/** Elevation of a horizontal vector, digits (5e-13 rad): rounding of the topocentric rotation. */
const CONVENTION_ELEVATION_DIGITS = 12;
/** Slant range of a 1000 km offset, digits (5e-4 m): the km -> m conversion and a norm, rounding only. */
const CONVENTION_RANGE_DIGITS = 3;

const wrap = (deg: number): number => ((((deg + 180) % 360) + 360) % 360) - 180;

describe('look angles to a geostationary satellite', () => {
  it('puts a satellite at the longitude of an equatorial site at the zenith', () => {
    const earth = resolveInput(singleLink(-30, 0, -30), '2031-01-01', '2031-12-31');
    for (const date of ['2031-01-15T00:00:00Z', '2031-04-02T07:00:00Z', '2031-09-30T18:30:00Z']) {
      const site = earthSegmentAt(earth, isoToTdbS(date)).perSite[0]!;
      expect(site.servingSatellite).toBe('SAT');
      expect(site.elevationRad / DEG).toBeGreaterThan(90 - ANGLE_DEG);
      // Straight up: the slant range is the satellite's height above the ellipsoid.
      expect(Math.abs(site.slantRangeM - (GEO_RADIUS_M - 6_378_137))).toBeLessThan(RANGE_M);
    }
  });

  // Site at 35 deg N (the DOE/NASA reference rectenna latitude), satellites from 60 deg W to 60 deg E of it.
  it.each([-60, -30, -10, 0, 10, 30, 60])(
    'agrees with the closed-form formulas at 35 deg N for a satellite %i deg east of the site',
    (deltaDeg) => {
      const siteLonDeg = -118.4;
      const earth = resolveInput(
        singleLink(siteLonDeg + deltaDeg, 35, siteLonDeg),
        '2031-01-01',
        '2031-03-01',
      );
      const site = earthSegmentAt(earth, isoToTdbS('2031-02-01T12:00:00Z')).perSite[0]!;
      const closed = geoLookAnglesEllipsoidal(35 * DEG, deltaDeg * DEG, 0, GEO_RADIUS_M);
      expect(Math.abs(site.elevationRad - closed.elevationRad) / DEG).toBeLessThan(ANGLE_DEG);
      expect(Math.abs(wrap((site.azimuthRad - closed.azimuthRad) / DEG))).toBeLessThan(ANGLE_DEG);
      expect(Math.abs(site.slantRangeM - closed.slantRangeM)).toBeLessThan(RANGE_M);
      // Due south for the same longitude; east of south for a satellite to the east.
      if (deltaDeg === 0) expect(Math.abs(site.azimuthRad / DEG - 180)).toBeLessThan(ANGLE_DEG);
      if (deltaDeg > 0) expect(site.azimuthRad / DEG).toBeLessThan(180);
      // The textbook spherical-Earth form, with the geodetic latitude as if it were geocentric: the ellipsoid moves
      // the elevation by up to 0.031 deg at 35 deg N (observed), on top of ANGLE_DEG.
      const spherical = geoLookAnglesSpherical(35 * DEG, deltaDeg * DEG, GEO_RADIUS_M);
      expect(Math.abs(site.elevationRad - spherical.elevationRad) / DEG).toBeLessThan(
        ANGLE_DEG + SPHERICAL_EXTRA_DEG,
      );
      expect(Math.abs(wrap((site.azimuthRad - spherical.azimuthRad) / DEG))).toBeLessThan(
        ANGLE_DEG + SPHERICAL_EXTRA_DEG,
      );
    },
  );

  it('gives the textbook numbers on the equator, where both closed forms coincide', () => {
    const a = geoLookAnglesSpherical(0, 30 * DEG, GEO_RADIUS_M, 6_378_137);
    const b = geoLookAnglesEllipsoidal(0, 30 * DEG, 0, GEO_RADIUS_M);
    expect(Math.abs(a.elevationRad - b.elevationRad)).toBeLessThan(CLOSED_FORMS_RAD);
    expect(Math.abs(a.azimuthRad - b.azimuthRad)).toBeLessThan(CLOSED_FORMS_RAD);
    expect(Math.abs(a.slantRangeM - b.slantRangeM)).toBeLessThan(CLOSED_FORMS_RANGE_M);
    // By hand: atan((cos 30 deg - 6378.137/42164.17) / sin 30 deg) = 55.026 deg, due east.
    expect(a.elevationRad / DEG).toBeCloseTo(55.026, HAND_ELEVATION_DIGITS);
    expect(a.azimuthRad / DEG).toBeCloseTo(90, DUE_EAST_DIGITS);
  });

  it("uses satellite.js's azimuth convention: north through east", () => {
    const site = { latitudeRad: 0, longitudeRad: 0, heightM: 0 };
    const east = lookAngles(site, { x: 6378.137, y: 1000, z: 0 });
    const north = lookAngles(site, { x: 6378.137, y: 0, z: 1000 });
    expect(east.azimuthRad / DEG).toBeCloseTo(90, CONVENTION_AZIMUTH_DIGITS);
    expect(north.azimuthRad / DEG).toBeCloseTo(0, CONVENTION_AZIMUTH_DIGITS);
    expect(east.elevationRad).toBeCloseTo(0, CONVENTION_ELEVATION_DIGITS);
    expect(east.slantRangeM).toBeCloseTo(1e6, CONVENTION_RANGE_DIGITS);
  });

  it('respects the elevation mask: a satellite below it serves nobody', () => {
    // 80 deg of longitude from a 35 deg N site: elevation ~ 4.6 deg, under the 10 deg default mask.
    const earth = resolveInput(singleLink(-38.4, 35, -118.4), '2031-01-01', '2031-03-01');
    const state = earthSegmentAt(earth, isoToTdbS('2031-02-01'));
    expect(state.perSite[0]?.servingSatellite).toBeNull();
    expect(state.perSatellite[0]?.servedSite).toBeNull();
    expect(state.deliveredPowerGridW).toBe(0);
  });
});
