/**
 * Exposure is compared in the plane each limit is defined in. The ICNIRP 2020 / IEEE C95.1-2019 reference
 * levels bound the incident power density, the power crossing unit area normal to the direction of
 * propagation, so the comparison stays beam-normal; what lies on the ground is the density per ground area
 * (beam-normal x sin(elevation)) and the exclusion zone where people stand. Checked by hand at 30 degrees,
 * where sin(elevation) = 1/2 exactly.
 */
import { describe, expect, it } from 'vitest';
import { computeLinkBudget } from '../../sim/beam/linkBudget.ts';

const DEG = Math.PI / 180;
/** Speed of light, m/s (exact, SI). */
const C_M_S = 299_792_458;
/** Closed forms against the budget's, digits: the same products in another order, rounding only. */
const ROUNDING_DIGITS = 9;
/** General-public reference level above 2 GHz, W/m^2 (ICNIRP 2020 Table 5). */
const PUBLIC_LIMIT_WM2 = 10;
/** How far either side of the crossing power the threshold is probed, relative (the densities are linear in P). */
const CROSSING_MARGIN = 0.01;

/** A 2.45 GHz uniform (0 dB taper) 1 km transmitter at GEO range onto a 10 km circle on the ground, 30 deg up. */
const link = {
  frequencyHz: 2.45e9,
  txPowerW: 2e9,
  txDiameterM: 1000,
  taperDb: 0,
  rxDiameterM: 10_000,
  distanceM: 36_000e3,
  elevationRad: 30 * DEG,
};

describe('exposure in the plane of the limit', () => {
  it('at 30 degrees the density per ground area is half the beam-normal density, both by hand', () => {
    const budget = computeLinkBudget(link);
    // Uniform aperture, focused: on-axis density P At / (lambda D)^2 times the air's transmission.
    const lambdaM = C_M_S / link.frequencyHz;
    const peakWm2 =
      (link.txPowerW * Math.PI * 500 ** 2 * budget.atmosphericTransmission) / (lambdaM * link.distanceM) ** 2;
    expect(budget.peakPowerDensityWm2 / peakWm2).toBeCloseTo(1, ROUNDING_DIGITS);
    expect(budget.peakGroundPowerDensityWm2! / (peakWm2 / 2)).toBeCloseTo(1, ROUNDING_DIGITS);
  });

  it('the public-limit warning starts where the beam-normal edge density crosses 10 W/m^2, not the ground value', () => {
    const edgePerW = computeLinkBudget(link).edgePowerDensityWm2 / link.txPowerW;
    const crossingW = PUBLIC_LIMIT_WM2 / edgePerW;
    const warns = (txPowerW: number): boolean =>
      computeLinkBudget({ ...link, txPowerW }).warnings.some(
        (w) => w.startsWith('rectenna edge density') && w.includes('general-public'),
      );
    expect(warns(crossingW * (1 + CROSSING_MARGIN))).toBe(true);
    expect(warns(crossingW * (1 - CROSSING_MARGIN))).toBe(false);
    // Just above the crossing the ground-plane edge value is half the limit: a ground comparison would not warn
    // until twice this power, letting through twice the flux the reference level allows.
    const above = computeLinkBudget({ ...link, txPowerW: crossingW * (1 + CROSSING_MARGIN) });
    const groundEdgeWm2 = above.edgePowerDensityWm2 * Math.sin(link.elevationRad);
    expect(groundEdgeWm2 / ((PUBLIC_LIMIT_WM2 * (1 + CROSSING_MARGIN)) / 2)).toBeCloseTo(1, ROUNDING_DIGITS);
    expect(groundEdgeWm2).toBeLessThan(PUBLIC_LIMIT_WM2);
  });

  it('the exclusion zone on the ground is the beam-normal radius across and twice it along the azimuth', () => {
    const hot = computeLinkBudget({ ...link, txPowerW: 2e10 });
    const radiusM = hot.exclusionRadiusM!;
    expect(radiusM).toBeGreaterThan(5000);
    expect(hot.exclusionGround!.acrossM).toBe(radiusM);
    // A ground point s along the azimuth is s sin(30 deg) = s / 2 from the axis.
    expect(hot.exclusionGround!.alongM / (2 * radiusM)).toBeCloseTo(1, ROUNDING_DIGITS);
    const warning = hot.warnings.find((w) => w.startsWith('rectenna edge density'))!;
    expect(warning).toContain('along the beam');
    // A space link has no ground.
    const space = { ...link, elevationRad: undefined, txPowerW: 2e10 };
    expect(computeLinkBudget(space).exclusionGround).toBeNull();
  });
});
