import { describe, expect, it } from 'vitest';
import { SOLAR_LUMINOSITY_W, SOLAR_RADIUS_M, STEFAN_BOLTZMANN_W_M2_K4 } from '../../sim/constants.ts';
import { InputError } from '../../sim/errors.ts';
import {
  DEEP_SPACE_SINK_K,
  radiatedFluxWm2,
  radiatorAreaM2,
  radiatorTemperatureK,
} from '../../sim/energy/radiator.ts';

/** IAU 2015 Resolution B3 nominal solar effective temperature, K (Prsa et al. 2016, AJ 152:41). */
const SUN_EFFECTIVE_TEMPERATURE_K = 5772;
/** The Sun's area ratio, digits (5e-5): the IAU 2015 B3 nominal L, R and T_eff are printed to 4-5 digits. */
const IAU_NOMINAL_DIGITS = 4;
/** sigma T^4 at 300 K against the hand value 459.3 W/m^2, digits: its one printed decimal. */
const HAND_FLUX_DIGITS = 1;
/** The flux against sigma T^4 written out, digits: the same product, float64 rounding only. */
const SAME_FLUX_DIGITS = 12;
/** Area scalings and the temperature inverse, digits: a division or a fourth root, float64 rounding only. */
const SCALING_DIGITS = 9;
/** Halved emissivity, digits: 5e-7 m^2 on a ~5e3 m^2 area (1e-10 relative), float64 rounding only. */
const EMISSIVITY_SCALING_DIGITS = 6;

describe('Stefan-Boltzmann radiator sizing', () => {
  it('the Sun: L_sun at T_eff = 5772 K needs the area 4 pi R_sun^2 (IAU 2015 B3 nominal values, 1e-4)', () => {
    const area = radiatorAreaM2({
      heatW: SOLAR_LUMINOSITY_W,
      temperatureK: SUN_EFFECTIVE_TEMPERATURE_K,
      emissivity: 1,
      sinkTemperatureK: 0,
    });
    expect(area / (4 * Math.PI * SOLAR_RADIUS_M ** 2)).toBeCloseTo(1, IAU_NOMINAL_DIGITS);
  });

  it('a black surface at 300 K facing a 0 K sink rejects sigma T^4 = 459.3 W/m^2', () => {
    expect(radiatedFluxWm2(300, 1, 0)).toBeCloseTo(459.3, HAND_FLUX_DIGITS);
    expect(radiatedFluxWm2(300, 1, 0)).toBeCloseTo(STEFAN_BOLTZMANN_W_M2_K4 * 300 ** 4, SAME_FLUX_DIGITS);
  });

  it('area scales as 1 / (eps (T^4 - Ts^4)) and halves with two radiating sides', () => {
    const one = radiatorAreaM2({ heatW: 1e6, temperatureK: 350, emissivity: 0.9 });
    expect(radiatorAreaM2({ heatW: 1e6, temperatureK: 350, emissivity: 0.9, sides: 2 })).toBeCloseTo(
      one / 2,
      SCALING_DIGITS,
    );
    expect(radiatorAreaM2({ heatW: 1e6, temperatureK: 700, emissivity: 0.9 }) / one).toBeCloseTo(
      (350 ** 4 - DEEP_SPACE_SINK_K ** 4) / (700 ** 4 - DEEP_SPACE_SINK_K ** 4),
      SCALING_DIGITS,
    );
    expect(radiatorAreaM2({ heatW: 1e6, temperatureK: 350, emissivity: 0.45 })).toBeCloseTo(
      2 * one,
      EMISSIVITY_SCALING_DIGITS,
    );
  });

  it('radiatorTemperatureK inverts radiatorAreaM2', () => {
    const area = radiatorAreaM2({
      heatW: 5e5,
      temperatureK: 320,
      emissivity: 0.85,
      sinkTemperatureK: 200,
      sides: 2,
    });
    expect(radiatorTemperatureK(5e5, area, 0.85, 200, 2)).toBeCloseTo(320, SCALING_DIGITS);
  });

  it('refuses a radiator no warmer than its sink, or a bad emissivity', () => {
    expect(() =>
      radiatorAreaM2({ heatW: 1, temperatureK: 200, emissivity: 0.9, sinkTemperatureK: 250 }),
    ).toThrow(InputError);
    expect(() => radiatorAreaM2({ heatW: 1, temperatureK: 300, emissivity: 1.1 })).toThrow('emissivity');
    expect(() => radiatorAreaM2({ heatW: -1, temperatureK: 300, emissivity: 0.9 })).toThrow('heatW');
  });
});
