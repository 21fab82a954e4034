import type { SatRec } from 'satellite.js';
import { describe, expect, it } from 'vitest';

import {
  eclipseEnergyLossJ,
  eclipseLossReport,
  litGridPowerW,
  shadowFraction,
  temeAt,
  temeToEqjMatrix,
} from '../../sim/earth/index.ts';
import { sunGeocentricEqjM } from '../../sim/geometry/sunPosition.ts';
import { InputError } from '../../sim/errors.ts';
import type { Vec3 } from '../../sim/orbit/elements.ts';
import { isoToTdbS } from '../../sim/time.ts';
import { resolveInput, singleLink } from './helpers.ts';

const earth = resolveInput(singleLink(-118.4, 35, -118.4), '2031-01-01', '2032-01-01');
const orbit = earth.satellites[0]!.orbit;

/** Skipping against the plain sum, s: the interpolated Sun is off by < 1e-7 rad, ~1 ms of eclipse a day. */
const PLAIN_SUM_S = 0.05;
/** The equinox day against 69.58 min at 10-60 s steps, min: the midpoint sum's sampling error; not derived. */
const FINE_STEP_MIN = 0.1;
/** The same at 300 s steps, min: samples 5 min apart straddle the 2.1 min penumbral ramps; not derived further. */
const COARSE_STEP_MIN = 1.5;
/** Energy against shadow time x lit power, digits (5e-4): the lit power is read at one instant; not derived. */
const LIT_POWER_DIGITS = 3;

/** The plain midpoint sum, every sample, exact Sun and frame rotation at each: the reference for the skipping. */
function bruteForceShadowS(fromTdbS: number, toTdbS: number, stepS: number): number {
  const memo = new Map<number, SatRec>();
  let sum = 0;
  for (let t0 = fromTdbS; t0 < toTdbS; t0 += stepS) {
    const width = Math.min(stepS, toTdbS - t0);
    const t = t0 + width / 2;
    const result = temeAt(orbit, t, memo);
    if (!result.ok) throw new Error('propagation failed');
    const m = temeToEqjMatrix(t);
    const p = result.pv.position;
    const r: Vec3 = [0, 3, 6].map(
      (k) => ((m[k] as number) * p.x + (m[k + 1] as number) * p.y + (m[k + 2] as number) * p.z) * 1000,
    ) as Vec3;
    sum += shadowFraction(r, sunGeocentricEqjM(t)) * width;
  }
  return sum;
}

describe('the eclipse integral', () => {
  it('equals the plain sum on the same grid (skipping drops only lit samples)', () => {
    // Across the spring equinox (eclipses near 08:00 UT on the 20th and the 21st), a span starting mid-afternoon, a
    // step that does not divide a day.
    const from = isoToTdbS('2031-03-19T15:00:00Z');
    const to = isoToTdbS('2031-03-22T01:00:00Z');
    const report = eclipseLossReport(earth, from, to, 47);
    const reference = bruteForceShadowS(from, to, 47);
    expect(reference / 60).toBeGreaterThan(2 * 69.5);
    expect(Math.abs(report.perSatellite[0]!.shadowS - reference)).toBeLessThan(PLAIN_SUM_S);
  });

  it('resolves the daily eclipse: ~69.6 equivalent minutes on the equinox at any step up to a few minutes', () => {
    const from = isoToTdbS('2031-03-20T00:00:00Z');
    const to = isoToTdbS('2031-03-21T00:00:00Z');
    for (const step of [10, 60, 300]) {
      const minutes = eclipseLossReport(earth, from, to, step).perSatellite[0]!.shadowS / 60;
      // The hidden-fraction integral of a central passage equals the cylinder's 69.59 min (the penumbral ramps are
      // symmetric); this day's passage is 0.2 deg off centre: 69.58 min.
      expect(Math.abs(minutes - 69.58)).toBeLessThan(step === 300 ? COARSE_STEP_MIN : FINE_STEP_MIN);
    }
  });

  it('adds up to ~82 hours of full-eclipse equivalent a year, 0.94 % of the time', () => {
    // Small-angle estimate: each season integrates (2 / omega_rel) sqrt(rho^2 - beta^2) over the Sun's declination
    // beta moving at sin(epsilon) lambda_dot: (2 / omega_rel)(pi rho^2 / 2) / (sin(epsilon) lambda_dot) = 40.4 h;
    // the declination slows towards the seasons' edges (d delta / d lambda = sin eps cos lambda / cos delta, 7 % lower
    // at lambda = 23 deg), lengthening them by ~2 %: 80.9 h x 1.02 = 82.5 h a year.
    const report = eclipseLossReport(earth, isoToTdbS('2031-01-01'), isoToTdbS('2032-01-01'));
    const hours = report.perSatellite[0]!.shadowS / 3600;
    expect(hours).toBeGreaterThan(81);
    expect(hours).toBeLessThan(84);
    expect(report.perSatellite[0]!.eclipseDays).toBeGreaterThanOrEqual(88);
    expect(report.perSatellite[0]!.eclipseDays).toBeLessThanOrEqual(96);
    // The energy is the shadow integral times the power the satellite delivers when lit (constant here).
    const litW = litGridPowerW(earth, isoToTdbS('2031-03-20T08:00:00Z'))[0]!;
    expect(litW).toBeGreaterThan(9e7);
    expect(report.energyLossJ / (report.perSatellite[0]!.shadowS * litW)).toBeCloseTo(1, LIT_POWER_DIGITS);
    expect(eclipseEnergyLossJ(earth, isoToTdbS('2031-01-01'), isoToTdbS('2032-01-01'))).toBe(
      report.energyLossJ,
    );
  });

  it('is zero around the solstice and before launch', () => {
    expect(eclipseEnergyLossJ(earth, isoToTdbS('2031-05-15'), isoToTdbS('2031-07-31'))).toBe(0);
    const late = resolveInput(
      {
        ...singleLink(-118.4, 35, -118.4),
        satellites: [{ ...singleLink(-118.4, 35, -118.4).satellites![0]!, launch: '2031-06-01' }],
      },
      '2031-01-01',
      '2032-01-01',
    );
    expect(
      eclipseLossReport(late, isoToTdbS('2031-01-01'), isoToTdbS('2031-05-01')).perSatellite[0]?.shadowS,
    ).toBe(0);
  });

  it('refuses a bad span or resolution with an InputError', () => {
    expect(() => eclipseEnergyLossJ(earth, 10, 0)).toThrow(InputError);
    expect(() => eclipseEnergyLossJ(earth, 0, 10, 0)).toThrow(/eclipseResolution/);
  });
});
