/**
 * Clear-air attenuation by oxygen and water vapour: the simplified method of Recommendation ITU-R P.676-10
 * (09/2013), Annex 2 (valid 1-350 GHz, elevation 5-90 degrees): specific attenuations gamma_o and gamma_w
 * (dB/km, Annex 2 section 1, eqs. 22-23) and equivalent heights h_o and h_w (section 2.2, eqs. 25-27), so that
 * the zenith attenuation is gamma_o h_o + gamma_w h_w and a slant path divides it by sin(elevation) (eq. 28).
 * Coefficients as printed in the Recommendation (cross-checked against the ITU-Rpy implementation of
 * P.676-10). tests/beam/atmosphere.test.ts compares gamma with the ITU-R validation values of the line-by-line
 * method (P.676-12), stored in tests/data/beam.
 *
 * Units at this boundary are SI (Hz, Pa, K, kg/m^3); the Recommendation's GHz, hPa and g/m^3 stay inside.
 */

/** Standard surface atmosphere of ITU-R P.835 / P.676 examples: 1013.25 hPa, 15 degC, 7.5 g/m^3. */
export const STANDARD_SURFACE_PRESSURE_PA = 101_325;
export const STANDARD_SURFACE_TEMPERATURE_K = 288.15;
export const STANDARD_WATER_VAPOUR_DENSITY_KG_M3 = 7.5e-3;

/** Lowest and highest frequency of the Annex 2 method, Hz. */
export const P676_ANNEX2_MIN_FREQUENCY_HZ = 1e9;
export const P676_ANNEX2_MAX_FREQUENCY_HZ = 350e9;

/** Surface conditions for the gaseous model (SI). */
export interface SurfaceAtmosphere {
  readonly pressurePa: number;
  readonly temperatureK: number;
  readonly waterVapourDensityKgM3: number;
}

export const STANDARD_SURFACE_ATMOSPHERE: SurfaceAtmosphere = {
  pressurePa: STANDARD_SURFACE_PRESSURE_PA,
  temperatureK: STANDARD_SURFACE_TEMPERATURE_K,
  waterVapourDensityKgM3: STANDARD_WATER_VAPOUR_DENSITY_KG_M3,
};

function phi(rp: number, rt: number, a: number, b: number, c: number, d: number): number {
  return rp ** a * rt ** b * Math.exp(c * (1 - rp) + d * (1 - rt));
}

/** Dry-air (oxygen) specific attenuation gamma_o, dB/km (P.676-10 Annex 2 eq. 22). */
export function oxygenSpecificAttenuationDbKm(frequencyHz: number, atmosphere: SurfaceAtmosphere): number {
  const f = frequencyHz / 1e9;
  const rp = atmosphere.pressurePa / 100 / 1013;
  const rt = 288 / atmosphere.temperatureK;
  const xi1 = phi(rp, rt, 0.0717, -1.8132, 0.0156, -1.6515);
  const xi2 = phi(rp, rt, 0.5146, -4.6368, -0.1921, -5.7416);
  const xi3 = phi(rp, rt, 0.3414, -6.5851, 0.213, -8.5854);
  if (f <= 54) {
    return (
      ((7.2 * rt ** 2.8) / (f * f + 0.34 * rp * rp * rt ** 1.6) +
        (0.62 * xi3) / ((54 - f) ** (1.16 * xi1) + 0.83 * xi2)) *
      f *
      f *
      rp *
      rp *
      1e-3
    );
  }
  const g54 = 2.192 * phi(rp, rt, 1.8286, -1.9487, 0.4051, -2.8509);
  const g58 = 12.59 * phi(rp, rt, 1.0045, 3.561, 0.1588, 1.2834);
  const g60 = 15.0 * phi(rp, rt, 0.9003, 4.1335, 0.0427, 1.6088);
  const g62 = 14.28 * phi(rp, rt, 0.9886, 3.4176, 0.1827, 1.3429);
  const g64 = 6.819 * phi(rp, rt, 1.432, 0.6258, 0.3177, -0.5914);
  const g66 = 1.908 * phi(rp, rt, 2.0717, -4.1404, 0.491, -4.8718);
  if (f <= 60) {
    return Math.exp(
      (Math.log(g54) / 24) * (f - 58) * (f - 60) -
        (Math.log(g58) / 8) * (f - 54) * (f - 60) +
        (Math.log(g60) / 12) * (f - 54) * (f - 58),
    );
  }
  if (f <= 62) return g60 + ((g62 - g60) * (f - 60)) / 2;
  if (f <= 66) {
    return Math.exp(
      (Math.log(g62) / 8) * (f - 64) * (f - 66) -
        (Math.log(g64) / 4) * (f - 62) * (f - 66) +
        (Math.log(g66) / 8) * (f - 62) * (f - 64),
    );
  }
  if (f <= 120) {
    const xi4 = phi(rp, rt, -0.0112, 0.0092, -0.1033, -0.0009);
    const xi5 = phi(rp, rt, 0.2705, -2.7192, -0.3016, -4.1033);
    const xi6 = phi(rp, rt, 0.2445, -5.9191, 0.0422, -8.0719);
    const xi7 = phi(rp, rt, -0.1833, 6.5589, -0.2402, 6.131);
    return (
      (3.02e-4 * rt ** 3.5 +
        (0.283 * rt ** 3.8) / ((f - 118.75) ** 2 + 2.91 * rp * rp * rt ** 1.6) +
        (0.502 * xi6 * (1 - 0.0163 * xi7 * (f - 66))) / ((f - 66) ** (1.4346 * xi4) + 1.15 * xi5)) *
      f *
      f *
      rp *
      rp *
      1e-3
    );
  }
  const delta = -0.00306 * phi(rp, rt, 3.211, -14.94, 1.583, -16.37);
  return (
    (3.02e-4 / (1 + 1.9e-5 * f ** 1.5) +
      (0.283 * rt ** 0.3) / ((f - 118.75) ** 2 + 2.91 * rp * rp * rt ** 1.6)) *
      f *
      f *
      rp *
      rp *
      rt ** 3.5 *
      1e-3 +
    delta
  );
}

/** Water-vapour specific attenuation gamma_w, dB/km (P.676-10 Annex 2 eq. 23). */
export function waterVapourSpecificAttenuationDbKm(
  frequencyHz: number,
  atmosphere: SurfaceAtmosphere,
): number {
  const f = frequencyHz / 1e9;
  const rp = atmosphere.pressurePa / 100 / 1013;
  const rt = 288 / atmosphere.temperatureK;
  const rho = atmosphere.waterVapourDensityKgM3 * 1e3;
  const eta1 = 0.955 * rp * rt ** 0.68 + 0.006 * rho;
  const eta2 = 0.735 * rp * rt ** 0.5 + 0.0353 * rt ** 4 * rho;
  const g = (fi: number): number => 1 + ((f - fi) / (f + fi)) ** 2;
  const sum =
    ((3.98 * eta1 * Math.exp(2.23 * (1 - rt))) / ((f - 22.235) ** 2 + 9.42 * eta1 * eta1)) * g(22) +
    (11.96 * eta1 * Math.exp(0.7 * (1 - rt))) / ((f - 183.31) ** 2 + 11.14 * eta1 * eta1) +
    (0.081 * eta1 * Math.exp(6.44 * (1 - rt))) / ((f - 321.226) ** 2 + 6.29 * eta1 * eta1) +
    (3.66 * eta1 * Math.exp(1.6 * (1 - rt))) / ((f - 325.153) ** 2 + 9.22 * eta1 * eta1) +
    (25.37 * eta1 * Math.exp(1.09 * (1 - rt))) / (f - 380) ** 2 +
    (17.4 * eta1 * Math.exp(1.46 * (1 - rt))) / (f - 448) ** 2 +
    ((844.6 * eta1 * Math.exp(0.17 * (1 - rt))) / (f - 557) ** 2) * g(557) +
    ((290 * eta1 * Math.exp(0.41 * (1 - rt))) / (f - 752) ** 2) * g(752) +
    ((8.3328e4 * eta2 * Math.exp(0.99 * (1 - rt))) / (f - 1780) ** 2) * g(1780);
  return sum * f * f * rt ** 2.5 * rho * 1e-4;
}

/** Equivalent heights h_o and h_w, m (P.676-10 Annex 2 eqs. 25-27, with the total pressure). */
export function equivalentHeightsM(
  frequencyHz: number,
  atmosphere: SurfaceAtmosphere,
): { oxygenM: number; waterVapourM: number } {
  const f = frequencyHz / 1e9;
  // Total pressure p + e, with e = rho T / 216.7 hPa (P.453).
  const e = (atmosphere.waterVapourDensityKgM3 * 1e3 * atmosphere.temperatureK) / 216.7;
  const rp = (atmosphere.pressurePa / 100 + e) / 1013;
  const t1 =
    (4.64 / (1 + 0.066 * rp ** -2.3)) * Math.exp(-(((f - 59.7) / (2.87 + 12.4 * Math.exp(-7.9 * rp))) ** 2));
  const t2 = (0.14 * Math.exp(2.21 * rp)) / ((f - 118.75) ** 2 + 0.031 * Math.exp(2.2 * rp));
  const t3 =
    ((0.0114 / (1 + 0.14 * rp ** -2.6)) * f * (-0.0247 + 0.0001 * f + 1.61e-6 * f * f)) /
    (1 - 0.0169 * f + 4.1e-5 * f * f + 3.2e-7 * f ** 3);
  let ho = (6.1 / (1 + 0.17 * rp ** -1.1)) * (1 + t1 + t2 + t3);
  if (f < 70) ho = Math.min(ho, 10.7 * rp ** 0.3);
  const sw = 1.013 / (1 + Math.exp(-8.6 * (rp - 0.57)));
  const hw =
    1.66 *
    (1 +
      (1.39 * sw) / ((f - 22.235) ** 2 + 2.56 * sw) +
      (3.37 * sw) / ((f - 183.31) ** 2 + 4.69 * sw) +
      (1.58 * sw) / ((f - 325.1) ** 2 + 2.89 * sw));
  return { oxygenM: ho * 1e3, waterVapourM: hw * 1e3 };
}

/** Slant-path gaseous attenuation, dB, for elevation in radians (P.676-10 Annex 2 eq. 28, 5-90 degrees). */
export function gaseousSlantAttenuationDb(
  frequencyHz: number,
  elevationRad: number,
  atmosphere: SurfaceAtmosphere = STANDARD_SURFACE_ATMOSPHERE,
): number {
  const { oxygenM, waterVapourM } = equivalentHeightsM(frequencyHz, atmosphere);
  const zenith =
    oxygenSpecificAttenuationDbKm(frequencyHz, atmosphere) * (oxygenM / 1e3) +
    waterVapourSpecificAttenuationDbKm(frequencyHz, atmosphere) * (waterVapourM / 1e3);
  return zenith / Math.sin(elevationRad);
}
