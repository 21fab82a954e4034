import { describe, expect, it } from 'vitest';
import { InputError } from '../../sim/errors.ts';
import { computeLinkBudget } from '../../sim/beam/linkBudget.ts';
import { resolveLink } from '../../sim/beam/input.ts';
import { fractionOnEllipse } from '../../sim/beam/receiver.ts';
import { buildBeamProfile, encircledFraction } from '../../sim/beam/diffraction.ts';
import { gaussianTaper } from '../../sim/beam/taper.ts';

const DEG = Math.PI / 180;
const GEO_ALTITUDE_M = 35_786_000;
/** Contour integral of a uniform density, digits: the trapezoid rule on a smooth periodic integrand is spectral. */
const CONTOUR_DIGITS = 10;
/** Closed forms of the geometry and the limits (lengths, densities, tau, efficiencies), digits: rounding only. */
const ROUNDING_DIGITS = 9;
const EXACT_RATIO_DIGITS = 12;
/** Areas of ~4e7-1e8 m^2 against pi a b, digits (5e-4 m^2; ulp 1.5e-8 m^2): rounding only. */
const AREA_DIGITS = 3;
/** The solver's diameters fed back, digits (5e-7): bisection to rounding, then another quadrature; not derived. */
const SOLVER_ROUND_TRIP_DIGITS = 6;

const sps = {
  frequencyHz: 2.45e9,
  txPowerW: 6.5e9,
  txDiameterM: 1000,
  rxDiameterM: 10_000,
  distanceM: GEO_ALTITUDE_M,
};

describe('receiver geometry', () => {
  it('the contour integral gives the area fraction under a uniform density, centred or not', () => {
    // Uniform density of total 1 over a disc of radius R: C(r) = min(r, R)^2 / R^2.
    const R = 10;
    const uniform = (r: number): number => Math.min(r, R) ** 2 / R ** 2;
    const cases = [
      { semiAxisXM: 2, semiAxisYM: 5, centreXM: 0, centreYM: 0 },
      { semiAxisXM: 0.1, semiAxisYM: 6, centreXM: 1, centreYM: -2 },
      { semiAxisXM: 1, semiAxisYM: 1, centreXM: 5, centreYM: 5 },
    ];
    for (const ellipse of cases) {
      expect(fractionOnEllipse(ellipse, uniform)).toBeCloseTo(
        (ellipse.semiAxisXM * ellipse.semiAxisYM) / R ** 2,
        CONTOUR_DIGITS,
      );
    }
  });

  it('a ground rectenna is projected onto the beam-normal plane: width kept, length x sin(elevation)', () => {
    const budget = computeLinkBudget({
      ...sps,
      rxDiameterM: undefined,
      rxWidthM: 10_000,
      rxLengthM: 13_000,
      elevationRad: 50 * DEG,
    });
    expect(budget.receiver.semiAxisWidthM).toBe(5000);
    expect(budget.receiver.semiAxisLengthM).toBeCloseTo(6500 * Math.sin(50 * DEG), ROUNDING_DIGITS);
    expect(budget.receiver.groundAreaM2).toBeCloseTo((Math.PI * 10_000 * 13_000) / 4, AREA_DIGITS);
    expect(budget.peakGroundPowerDensityWm2).toBeCloseTo(
      budget.peakPowerDensityWm2 * Math.sin(50 * DEG),
      ROUNDING_DIGITS,
    );
    // A circle on the ground collects less from a slant beam than its beam-normal twin.
    const slant = computeLinkBudget({ ...sps, elevationRad: 30 * DEG });
    expect(slant.receiver.beamNormalAreaM2).toBeCloseTo(Math.PI * 5000 * 2500, AREA_DIGITS);
    expect(slant.beamEfficiency).toBeLessThan(computeLinkBudget(sps).beamEfficiency);
  });

  it('an elliptical receiver of the same beam-normal area collects less than the circle (the beam is round)', () => {
    const circle = computeLinkBudget(sps);
    const ellipse = computeLinkBudget({ ...sps, rxDiameterM: undefined, rxWidthM: 5000, rxLengthM: 20_000 });
    expect(ellipse.tau).toBeCloseTo(circle.tau, EXACT_RATIO_DIGITS);
    expect(ellipse.beamEfficiency).toBeLessThan(circle.beamEfficiency);
  });

  it('pointing errors and jitter reduce the collection; a beam centre off the receiver collects little', () => {
    const ideal = computeLinkBudget(sps).beamEfficiency;
    const offset = computeLinkBudget({ ...sps, pointingErrorRad: 2e-5 }).beamEfficiency;
    const jitter = computeLinkBudget({ ...sps, pointingJitterRad: 2e-5 }).beamEfficiency;
    const far = computeLinkBudget({ ...sps, pointingErrorRad: 1e-3 }).beamEfficiency;
    expect(offset).toBeLessThan(ideal);
    expect(jitter).toBeLessThan(ideal);
    expect(far).toBeLessThan(0.01);
  });
});

describe('densities and regimes', () => {
  it('peak density is the far-field boresight formula P At eta_ap / (lambda D)^2 at the focus', () => {
    const budget = computeLinkBudget(sps);
    const lambda = budget.wavelengthM;
    const expected =
      (sps.txPowerW * Math.PI * 500 ** 2 * budget.taperApertureEfficiency) / (lambda * sps.distanceM) ** 2;
    expect(budget.peakPowerDensityWm2 / expected).toBeCloseTo(1, EXACT_RATIO_DIGITS);
    expect(budget.edgePowerDensityWm2).toBeLessThan(budget.peakPowerDensityWm2);
    expect(budget.maxOutsidePowerDensityWm2).toBeGreaterThanOrEqual(budget.edgePowerDensityWm2);
  });

  it('a rectenna spanning the main lobe: Friis exceeds 1 and is flagged; a small one: the collection is Friis', () => {
    // Both are beyond the transmitter's 2 Dt^2 / lambda = 16,345 km (fieldRegime.test.ts): what breaks Friis
    // for the 10 km rectenna is tau > 1, not the field region.
    const near = computeLinkBudget(sps);
    expect(near.fieldRegime).toBe('far-field');
    expect(near.friisFraction).toBeGreaterThan(1);
    expect(near.warnings.some((w) => w.includes('Friis'))).toBe(true);
    const far = computeLinkBudget({ ...sps, rxDiameterM: 100 });
    expect(far.fieldRegime).toBe('far-field');
    expect(Math.abs(far.beamEfficiency / far.friisFraction - 1)).toBeLessThan(far.tau ** 2);
  });

  it('a density-dependent rectenna converts less at the low-density rim, never above its peak efficiency', () => {
    const constant = computeLinkBudget({ ...sps, rxEfficiency: 0.85 });
    const knee = computeLinkBudget({ ...sps, rxEfficiency: 0.85, rxHalfEfficiencyDensityWm2: 5 });
    const steep = computeLinkBudget({ ...sps, rxEfficiency: 0.85, rxHalfEfficiencyDensityWm2: 50 });
    expect(constant.rxConversionEfficiency).toBe(0.85);
    expect(knee.rxConversionEfficiency).toBeLessThan(0.85);
    expect(steep.rxConversionEfficiency).toBeLessThan(knee.rxConversionEfficiency);
    // Bounded by the efficiency at the peak and at the edge density.
    const at = (s: number, half: number): number => (0.85 * s) / (s + half);
    expect(knee.rxConversionEfficiency).toBeLessThan(at(knee.peakPowerDensityWm2, 5));
    expect(knee.rxConversionEfficiency).toBeGreaterThan(at(knee.edgePowerDensityWm2, 5));
  });

  it('required apertures: feeding the solver answer back reaches the target collection', () => {
    const budget = computeLinkBudget({ ...sps, targetEfficiency: 0.97 });
    const { rxDiameterM, txDiameterM, equalDiameterM, tau } = budget.requiredApertures;
    expect(computeLinkBudget({ ...sps, rxDiameterM }).beamEfficiency).toBeCloseTo(
      0.97,
      SOLVER_ROUND_TRIP_DIGITS,
    );
    expect(computeLinkBudget({ ...sps, txDiameterM }).beamEfficiency).toBeCloseTo(
      0.97,
      SOLVER_ROUND_TRIP_DIGITS,
    );
    expect(
      computeLinkBudget({ ...sps, txDiameterM: equalDiameterM, rxDiameterM: equalDiameterM }).tau,
    ).toBeCloseTo(tau, ROUNDING_DIGITS);
    const taper = gaussianTaper(10);
    expect(encircledFraction(buildBeamProfile(taper, 2 * tau), 2 * tau)).toBeCloseTo(
      0.97,
      SOLVER_ROUND_TRIP_DIGITS,
    );
  });
});

describe('safety warnings', () => {
  it('names the public limit, the exclusion radius and the ionospheric guideline when exceeded', () => {
    const hot = computeLinkBudget({ ...sps, txPowerW: 2e10, elevationRad: 60 * DEG, rxDiameterM: 8000 });
    expect(hot.warnings.some((w) => w.includes('ICNIRP 2020') && w.includes('exceeds'))).toBe(true);
    expect(hot.warnings.some((w) => w.includes('ionospheric'))).toBe(true);
    expect(hot.exclusionRadiusM).not.toBeNull();
    expect(hot.exclusionRadiusM ?? 0).toBeGreaterThan(4000);
    const gentle = computeLinkBudget({ ...sps, txPowerW: 1e9, elevationRad: 60 * DEG });
    expect(gentle.warnings.filter((w) => w.includes('exceeds'))).toEqual([]);
  });

  it('the ionospheric guideline scales as f^2 from 230 W/m^2 at 2.45 GHz; the public limit is 10 W/m^2 above 2 GHz', () => {
    const at58 = computeLinkBudget({ ...sps, frequencyHz: 5.8e9, elevationRad: 60 * DEG });
    expect(at58.ionosphericLimitWm2).toBeCloseTo(230 * (5.8 / 2.45) ** 2, ROUNDING_DIGITS);
    expect(at58.publicExposureLimitWm2).toBe(10);
    expect(computeLinkBudget({ ...sps, frequencyHz: 1.5e9 }).publicExposureLimitWm2).toBeCloseTo(
      7.5,
      EXACT_RATIO_DIGITS,
    );
  });

  it('optical ground links warn about clouds, turbulence and laser exposure instead of modelling weather', () => {
    const laser = computeLinkBudget({
      wavelengthM: 1.064e-6,
      txPowerW: 1e6,
      txDiameterM: 2,
      rxDiameterM: 20,
      distanceM: 1_000_000,
      elevationRad: 60 * DEG,
    });
    expect(laser.band).toBe('optical');
    expect(laser.warnings.some((w) => w.includes('clouds') && w.includes('turbulence'))).toBe(true);
    expect(laser.warnings.some((w) => w.includes('eye'))).toBe(true);
    expect(laser.atmosphericTransmission).toBeCloseTo(0.8 ** (1 / Math.sin(60 * DEG)), EXACT_RATIO_DIGITS);
  });
});

describe('input validation', () => {
  const bad: Array<[Record<string, unknown>, string]> = [
    [{ ...sps, txDiameterM: 0 }, 'txDiameterM: must be > 0, got 0'],
    [{ ...sps, distanceM: -1 }, 'distanceM: must be > 0, got -1'],
    [{ ...sps, dcRfEfficiency: 1.2 }, 'dcRfEfficiency: must be within (0, 1]'],
    [{ ...sps, frequencyHz: 5e12 }, 'frequencyHz: must be within [1e9, 3e11] Hz'],
    [{ ...sps, frequencyHz: undefined }, 'frequencyHz: give exactly one of frequencyHz and wavelengthM'],
    [{ ...sps, wavelengthM: 1e-6 }, 'frequencyHz: give exactly one'],
    [{ ...sps, elevationRad: 0.01 }, 'elevationRad: must be within'],
    [{ ...sps, distanceM: 1000 }, 'distanceM: must be >= 55000 m: the paraxial'],
    [{ ...sps, rxWidthM: 10 }, 'rxDiameterM: give either rxDiameterM or rxWidthM'],
    [{ ...sps, colour: 'red' }, 'link: Unrecognized key'],
    [{ ...sps, txPowerW: 'lots' }, 'txPowerW: Invalid input: expected number'],
    [{ ...sps, txPowerW: undefined }, 'txPowerW: is required'],
  ];
  it.each(bad)('%j is refused with a message naming the field', (input, message) => {
    expect(() => resolveLink(input)).toThrow(InputError);
    expect(() => resolveLink(input)).toThrow(message);
  });
});
