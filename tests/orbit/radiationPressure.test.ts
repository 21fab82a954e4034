import { describe, expect, it } from 'vitest';

import { CRITICAL_AREAL_DENSITY_KG_M2, GM_SUN_M3_S2 } from '../../sim/constants.ts';
import { InputError } from '../../sim/errors.ts';
import { effectiveMu, lightnessNumber } from '../../sim/orbit/radiationPressure.ts';

/** Decimal digits of beta = sigma* / sigma and its reflectivity scaling: one division, exact to rounding. */
const EXACT_RATIO_DIGITS = 15;
/** Digits against McInnes (1999)'s sigma* = 1.531 g/m^2: its printed digits. */
const MCINNES_SIGMA_DIGITS = 3;
/** Digits of the period ratio: two sqrt and a cube on 1.5e11 m, ~1e-14 after rounding. */
const PERIOD_RATIO_DIGITS = 14;

describe('lightnessNumber', () => {
  it('is sigma*/sigma for a perfect reflector', () => {
    expect(lightnessNumber(CRITICAL_AREAL_DENSITY_KG_M2)).toBe(1);
    expect(lightnessNumber(10 * CRITICAL_AREAL_DENSITY_KG_M2)).toBeCloseTo(0.1, EXACT_RATIO_DIGITS);
    // sigma* = 1.53 g/m^2 (McInnes 1999), so a 5 g/m^2 mirror has beta ~ 0.306.
    expect(lightnessNumber(5e-3)).toBeCloseTo(1.531e-3 / 5e-3, MCINNES_SIGMA_DIGITS);
  });

  it('scales as (1 + reflectivity) / 2', () => {
    expect(lightnessNumber(CRITICAL_AREAL_DENSITY_KG_M2, 0)).toBe(0.5);
    expect(lightnessNumber(2 * CRITICAL_AREAL_DENSITY_KG_M2, 0.9)).toBeCloseTo(0.475, EXACT_RATIO_DIGITS);
  });

  it('rejects non-positive density and reflectivity outside [0, 1]', () => {
    expect(() => lightnessNumber(0)).toThrow('arealDensityKgM2: must be a finite number > 0 kg/m^2, got 0');
    expect(() => lightnessNumber(Number.NaN)).toThrow(InputError);
    expect(() => lightnessNumber(1e-3, 1.1)).toThrow('reflectivity: must be in [0, 1], got 1.1');
    expect(() => lightnessNumber(1e-3, -0.1)).toThrow(/reflectivity/);
  });
});

describe('effectiveMu', () => {
  it('is mu (1 - beta), defaulting to GM_sun', () => {
    expect(effectiveMu(0)).toBe(GM_SUN_M3_S2);
    expect(effectiveMu(0.25)).toBe(0.75 * GM_SUN_M3_S2);
    expect(effectiveMu(0.5, 4e14)).toBe(2e14);
  });

  it('makes a light collector orbit slower: the period grows by 1/sqrt(1 - beta)', () => {
    const beta = lightnessNumber(8e-3, 0.9);
    const a = 1.5e11;
    const period = (mu: number): number => 2 * Math.PI * Math.sqrt(a ** 3 / mu);
    expect(period(effectiveMu(beta)) / period(GM_SUN_M3_S2)).toBeCloseTo(
      1 / Math.sqrt(1 - beta),
      PERIOD_RATIO_DIGITS,
    );
  });

  it('refuses beta >= 1 (statite or escape) and beta < 0', () => {
    expect(() => effectiveMu(1)).toThrow(InputError);
    expect(() => effectiveMu(1)).toThrow(/statite/);
    expect(() => effectiveMu(1.3)).toThrow(/escapes/);
    expect(() => effectiveMu(-0.01)).toThrow(/beta: must be a finite number in \[0, 1\), got -0.01/);
    expect(() => effectiveMu(Number.NaN)).toThrow(/beta/);
    expect(() => effectiveMu(0.1, 0)).toThrow(/muM3S2/);
  });
});
