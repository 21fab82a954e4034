import { describe, expect, it } from 'vitest';
import { besselJ0, besselJ1 } from '../../sim/numeric/bessel.ts';
import { buildBeamProfile, encircledFraction } from '../../sim/beam/diffraction.ts';
import {
  friisFraction,
  goubauExactOptimalEfficiency,
  goubauOptimalEfficiency,
} from '../../sim/beam/goubau.ts';
import { gaussianTaper } from '../../sim/beam/taper.ts';

/** Fresnel integral against 1 - J0^2 - J1^2: the reference's A&S Bessel functions err by < 1e-7 each. */
const BESSEL_REFERENCE_ABS = 2e-7;
/** The closed form against exp, digits (5e-16): the same expression, a few ulp. */
const CLOSED_FORM_DIGITS = 15;
/** Uniform aperture efficiency against 1, digits: a ratio of quadratures of a constant, rounding only. */
const UNIFORM_DIGITS = 12;
/** (1 - exp(-tau^2)) / tau^2 at tau = 1e-3, digits (5e-6): the second-order term tau^2 / 2 = 5e-7, and rounding. */
const SMALL_TAU_CLOSED_DIGITS = 5;
/** The exact optimum / tau^2 at tau = 1e-2, digits (5e-5): its O(tau^2) = 1e-4 term; the margin is not derived. */
const SMALL_TAU_EXACT_DIGITS = 4;
/** Edge-diffraction residual against its asymptote, digits (0.05): the O(1/u) terms and J1^2 about its mean. */
const EDGE_ASYMPTOTE_DIGITS = 1;
/** Monotone encircled fraction, absolute slack: rounding of the Simpson sums and the Hermite interpolation. */
const MONOTONE_SLACK = 1e-12;
/** Collection above the exact optimum, absolute slack: the two quadratures' errors; the size is not derived. */
const OPTIMUM_SLACK = 1e-9;
/** 10 dB taper aperture efficiency against 0.9025, digits (5e-5): half a unit of its four printed decimals. */
const TAPER_10DB_DIGITS = 4;

/** Collection of a focused beam on a centred circular receiver: Phi(u = 2 tau). */
function collection(taperDb: number, tau: number): number {
  return encircledFraction(buildBeamProfile(gaussianTaper(taperDb), 2 * tau), 2 * tau);
}

describe("Goubau's relation", () => {
  it('uniform aperture: the Fresnel integral equals the analytic 1 - J0(2 tau)^2 - J1(2 tau)^2 (Rayleigh)', () => {
    for (const tau of [0.05, 0.3, 0.7, 1, 1.5, 1.9158, 2.5, 4, 8]) {
      const v = 2 * tau;
      expect(Math.abs(collection(0, tau) - (1 - besselJ0(v) ** 2 - besselJ1(v) ** 2))).toBeLessThan(
        BESSEL_REFERENCE_ABS,
      );
    }
  });

  it('closed form 1 - exp(-tau^2) at tabulated points', () => {
    expect(goubauOptimalEfficiency(1)).toBeCloseTo(1 - Math.exp(-1), CLOSED_FORM_DIGITS);
    expect(goubauOptimalEfficiency(2)).toBeCloseTo(0.9816843611112658, CLOSED_FORM_DIGITS);
    expect(goubauOptimalEfficiency(0)).toBe(0);
  });

  it('tau -> 0 gives Friis: collected / tau^2 -> aperture efficiency (1 uniform, 2 M1^2/M2 tapered)', () => {
    for (const taperDb of [0, 10, 20]) {
      const taper = gaussianTaper(taperDb);
      for (const tau of [1e-4, 1e-3, 1e-2]) {
        const friis = friisFraction(tau, taper.apertureEfficiency);
        // Second order: eta = tau^2 eta_ap (1 - O(tau^2)).
        expect(Math.abs(collection(taperDb, tau) / friis - 1)).toBeLessThan(tau * tau);
      }
    }
    expect(gaussianTaper(0).apertureEfficiency).toBeCloseTo(1, UNIFORM_DIGITS);
    // The closed form and the exact optimum also reduce to tau^2.
    expect(goubauOptimalEfficiency(1e-3) / 1e-6).toBeCloseTo(1, SMALL_TAU_CLOSED_DIGITS);
    expect(goubauExactOptimalEfficiency(1e-2) / 1e-4).toBeCloseTo(1, SMALL_TAU_EXACT_DIGITS);
  });

  it('tau large -> 1, the residual being edge diffraction 1 - eta ~ A(1)^2 / (2 pi tau M2)', () => {
    // Edge diffraction: I(u) ~ A(1) J1(u) / u for large u (integration by parts of the Hankel transform), and
    // the mean of J1^2 is 1 / (pi u) (A&S 9.2.1), so the power outside u is A(1)^2 / (pi u M2), u = 2 tau.
    for (const taperDb of [0, 10]) {
      const taper = gaussianTaper(taperDb);
      for (const tau of [50, 150, 400]) {
        const residual = 1 - collection(taperDb, tau);
        expect((residual * 2 * Math.PI * tau * taper.powerMoment) / taper.edgeAmplitude ** 2).toBeCloseTo(
          1,
          EDGE_ASYMPTOTE_DIGITS,
        );
      }
    }
    expect(collection(10, 400)).toBeGreaterThan(0.9995);
    expect(collection(0, 400)).toBeGreaterThan(0.999);
    expect(goubauExactOptimalEfficiency(4)).toBeGreaterThan(0.9999);
    expect(goubauExactOptimalEfficiency(6)).toBeGreaterThan(0.9999999);
  });

  it('energy: the encircled fraction tends to 1 (Hankel-Parseval) and never exceeds it', () => {
    for (const taperDb of [0, 5, 10, 17]) {
      const profile = buildBeamProfile(gaussianTaper(taperDb), 200);
      let previous = 0;
      for (let u = 0; u <= 1000; u += 0.7) {
        const value = encircledFraction(profile, u);
        expect(value).toBeLessThanOrEqual(1);
        expect(value).toBeGreaterThanOrEqual(previous - MONOTONE_SLACK);
        previous = value;
      }
      expect(encircledFraction(profile, 1e6)).toBeGreaterThan(0.99999);
    }
  });
});

describe('computed Gaussian-taper efficiency vs the optimal bound', () => {
  const taus = [0.2, 0.5, 0.8, 1, 1.2, 1.5, 1.75, 2, 2.5, 3];

  it('no taper beats the exact optimum (largest eigenvalue of the finite Hankel transform)', () => {
    for (const tau of taus) {
      const optimum = goubauExactOptimalEfficiency(tau);
      for (const taperDb of [0, 5, 10, 15, 20, 25])
        expect(collection(taperDb, tau)).toBeLessThanOrEqual(optimum + OPTIMUM_SLACK);
    }
  });

  it('1 - exp(-tau^2) is within 1 percentage point of the exact optimum (Brown 1992 approximation)', () => {
    for (const tau of taus) {
      expect(Math.abs(goubauOptimalEfficiency(tau) - goubauExactOptimalEfficiency(tau))).toBeLessThan(0.01);
    }
  });

  it('the best Gaussian taper comes within 0.5 pp of the optimum at tau 1-2, the SPS design region', () => {
    for (const tau of [1, 1.5, 2]) {
      const best = Math.max(
        ...[0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24].map((db) => collection(db, tau)),
      );
      expect(goubauExactOptimalEfficiency(tau) - best).toBeLessThan(0.005);
    }
  });

  it('the 10 dB taper trades boresight gain for collection: aperture efficiency 0.9025, collection above uniform for tau > 1', () => {
    expect(gaussianTaper(10).apertureEfficiency).toBeCloseTo(0.9025, TAPER_10DB_DIGITS);
    for (const tau of [1.2, 1.5, 2, 3]) expect(collection(10, tau)).toBeGreaterThan(collection(0, tau));
  });
});
