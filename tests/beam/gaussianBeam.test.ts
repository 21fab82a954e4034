import { describe, expect, it } from 'vitest';
import { AU_M } from '../../sim/constants.ts';
import { buildBeamProfile, encircledFraction } from '../../sim/beam/diffraction.ts';
import {
  farFieldDivergenceRad,
  gaussianBeamRadiusM,
  gaussianPowerWithinRadius,
  rayleighRangeM,
} from '../../sim/beam/gaussianBeam.ts';
import { computeLinkBudget } from '../../sim/beam/linkBudget.ts';
import { compareLongRange } from '../../sim/beam/longRange.ts';
import { gaussianTaper } from '../../sim/beam/taper.ts';

const LAMBDA_M = 1.064e-6;
/** Rayleigh range of ~1e7 m against its formula, digits (5e-7 m, 4e-14 relative): rounding only. */
const RAYLEIGH_RANGE_DIGITS = 6;
/** w(z) and encircled powers against closed forms, digits: the same expressions, rounding only. */
const CLOSED_FORM_DIGITS = 12;
const GAUSSIAN_POWER_DIGITS = 14;
/** w / (theta z) at z = 1e4 zR, digits (5e-7): the near-field term (zR / z)^2 / 2 = 5e-9, with 100x margin. */
const FAR_FIELD_DIGITS = 6;
/** Fresnel integral of a 40 dB-tapered beam against 1 - e^-2: truncation takes 1e-4; the rest is not derived. */
const TRUNCATED_GAUSSIAN_ABS = 2e-3;
/** Ratio of the diameter products against the wavelength ratio, digits (5e-7): both from one bisection for tau*. */
const WAVELENGTH_RATIO_DIGITS = 6;

describe('Gaussian beam (Siegman ch. 17) with M^2', () => {
  it('w(z) = w0 sqrt(1 + (z/zR)^2), zR = pi w0^2 / (M^2 lambda)', () => {
    const w0 = 2;
    for (const m2 of [1, 1.3, 4]) {
      const zR = rayleighRangeM(w0, LAMBDA_M, m2);
      expect(zR).toBeCloseTo((Math.PI * w0 * w0) / (m2 * LAMBDA_M), RAYLEIGH_RANGE_DIGITS);
      expect(gaussianBeamRadiusM(w0, 0, LAMBDA_M, m2)).toBe(w0);
      expect(gaussianBeamRadiusM(w0, zR, LAMBDA_M, m2)).toBeCloseTo(Math.SQRT2 * w0, CLOSED_FORM_DIGITS);
      // Far field: w ~ theta z with theta = M^2 lambda / (pi w0).
      const z = 1e4 * zR;
      expect(
        gaussianBeamRadiusM(w0, z, LAMBDA_M, m2) / (farFieldDivergenceRad(w0, LAMBDA_M, m2) * z),
      ).toBeCloseTo(1, FAR_FIELD_DIGITS);
    }
    expect(gaussianPowerWithinRadius(1, 1)).toBeCloseTo(1 - Math.exp(-2), GAUSSIAN_POWER_DIGITS);
  });

  it('the Fresnel integral of a lightly truncated Gaussian puts 1 - e^-2 of the power inside w(z) at 1 au', () => {
    // 40 dB taper: intensity exp(-2 alpha s^2), so the waist 1/e^2 radius is a / sqrt(alpha); truncation loss 1e-4.
    const taper = gaussianTaper(40);
    const apertureRadiusM = 10;
    const w0 = apertureRadiusM / Math.sqrt(taper.alpha);
    const profile = buildBeamProfile(taper, 10);
    const spotM = gaussianBeamRadiusM(w0, AU_M, LAMBDA_M);
    const u = (2 * Math.PI * apertureRadiusM * spotM) / (LAMBDA_M * AU_M);
    expect(Math.abs(encircledFraction(profile, u) - (1 - Math.exp(-2)))).toBeLessThan(TRUNCATED_GAUSSIAN_ABS);
  });

  it('the link budget widens the beam by M^2: a receiver of radius w(z; M^2) collects 1 - e^-2', () => {
    const taperDb = 40;
    const txDiameterM = 20;
    const w0 = txDiameterM / 2 / Math.sqrt(gaussianTaper(taperDb).alpha);
    for (const m2 of [1, 1.5, 3]) {
      const spotM = gaussianBeamRadiusM(w0, AU_M, LAMBDA_M, m2);
      const budget = computeLinkBudget({
        wavelengthM: LAMBDA_M,
        beamQualityM2: m2,
        txPowerW: 1e6,
        txDiameterM,
        taperDb,
        rxDiameterM: 2 * spotM,
        distanceM: AU_M,
      });
      expect(Math.abs(budget.beamEfficiency - (1 - Math.exp(-2)))).toBeLessThan(TRUNCATED_GAUSSIAN_ABS);
    }
  });
});

describe('a 1 au link', () => {
  const m2 = 1.1;

  it('is closed by optical apertures of the size w(z) predicts', () => {
    // Siegman: the waist that minimises w(z) is w0 = sqrt(M^2 lambda z / pi), giving w(z) = sqrt(2) w0.
    // Transmitter: that waist inside a 10 dB taper (waist = a / sqrt(alpha)); receiver radius 1.5 w(z), where
    // an untruncated Gaussian would put 1 - exp(-4.5) = 98.9 % of its power.
    const taper = gaussianTaper(10);
    const w0 = Math.sqrt((m2 * LAMBDA_M * AU_M) / Math.PI);
    const spotM = gaussianBeamRadiusM(w0, AU_M, LAMBDA_M, m2);
    expect(spotM / w0).toBeCloseTo(Math.SQRT2, CLOSED_FORM_DIGITS);
    const txDiameterM = 2 * w0 * Math.sqrt(taper.alpha);
    const rxDiameterM = 2 * 1.5 * spotM;
    expect(txDiameterM).toBeLessThan(1000);
    expect(rxDiameterM).toBeLessThan(1100);
    const budget = computeLinkBudget({
      wavelengthM: LAMBDA_M,
      beamQualityM2: m2,
      txPowerW: 1e9,
      txDiameterM,
      rxDiameterM,
      distanceM: AU_M,
    });
    // The budget focuses the beam, which does at least as well as the collimated Gaussian of the formula.
    expect(budget.beamEfficiency).toBeGreaterThan(0.9);
    expect(budget.fieldRegime).toBe('radiating-near-field');
  });

  it('is not closed by kilometre-class microwave apertures', () => {
    for (const frequencyHz of [2.45e9, 5.8e9, 35e9]) {
      const budget = computeLinkBudget({
        frequencyHz,
        txPowerW: 1e9,
        txDiameterM: 1000,
        rxDiameterM: 10_000,
        distanceM: AU_M,
      });
      expect(budget.beamEfficiency).toBeLessThan(1e-4);
      expect(budget.fieldRegime).toBe('far-field');
      // In the far field the collection is Friis: tau^2 x aperture efficiency.
      expect(Math.abs(budget.beamEfficiency / budget.friisFraction - 1)).toBeLessThan(budget.tau ** 2);
    }
  });

  it('needs ~100 km microwave apertures but sub-km optical ones for 90 % collection', () => {
    const comparison = compareLongRange({
      distanceM: AU_M,
      targetBeamEfficiency: 0.9,
      opticalBeamQualityM2: m2,
    });
    expect(comparison.microwave.equalDiameterM).toBeGreaterThan(50_000);
    expect(comparison.optical.equalDiameterM).toBeLessThan(1000);
    // The product Dt Dr scales with lambda: the ratio of the two is the wavelength ratio.
    expect(comparison.microwave.diameterProductM2 / comparison.optical.diameterProductM2).toBeCloseTo(
      comparison.microwave.wavelengthM / (m2 * comparison.optical.wavelengthM),
      WAVELENGTH_RATIO_DIGITS,
    );
    // Ideal relays split the distance: each hop's aperture shrinks, but more apertures are needed.
    const [one, ten] = comparison.microwaveRelays;
    expect(ten?.equalDiameterM ?? Infinity).toBeLessThan(one?.equalDiameterM ?? 0);
    expect(comparison.computeAtCollectors.beamingEfficiency).toBe(1);
  });
});
