/**
 * Rain attenuation on an Earth-space path.
 *
 * Specific attenuation gamma_R = k R^alpha dB/km, with k and alpha from Recommendation ITU-R P.838-3 (03/2005)
 * eqs. 2-5 and Tables 1-4 (1-1000 GHz), combined for the path elevation and polarisation tilt (eqs. 4-5).
 * The path is the step-by-step method of ITU-R P.618-13 (12/2017) section 2.2.1.1, steps 2-9, with the rain
 * rate R supplied by the caller and used as R_0.01 (the rate exceeded 0.01 % of an average year): this gives
 * the attenuation during rain of that intensity, including P.618's horizontal and vertical reduction factors
 * for the finite extent of rain cells. Steps 1 (rain height, P.839) and 10 (other time percentages) are the
 * caller's: the rain height is an input.
 */

/** P.838-3 regression coefficients (Tables 1-4). */
const KH = {
  a: [-5.3398, -0.35351, -0.23789, -0.94158],
  b: [-0.10008, 1.2697, 0.86036, 0.64552],
  c: [1.13098, 0.454, 0.15354, 0.16817],
  m: -0.18961,
  ck: 0.71147,
} as const;
const KV = {
  a: [-3.80595, -3.44965, -0.39902, 0.50167],
  b: [0.56934, -0.22911, 0.73042, 1.07319],
  c: [0.81061, 0.51059, 0.11899, 0.27195],
  m: -0.16398,
  ck: 0.63297,
} as const;
const ALPHA_H = {
  a: [-0.14318, 0.29591, 0.32177, -5.3761, 16.1721],
  b: [1.82442, 0.77564, 0.63773, -0.9623, -3.2998],
  c: [-0.55187, 0.19822, 0.13164, 1.47828, 3.4399],
  m: 0.67849,
  ck: -1.95537,
} as const;
const ALPHA_V = {
  a: [-0.07771, 0.56727, -0.20238, -48.2991, 48.5833],
  b: [2.3384, 0.95545, 1.1452, 0.791669, 0.791459],
  c: [-0.76284, 0.54039, 0.26809, 0.116226, 0.116479],
  m: -0.053739,
  ck: 0.83433,
} as const;

interface Regression {
  readonly a: readonly number[];
  readonly b: readonly number[];
  readonly c: readonly number[];
  readonly m: number;
  readonly ck: number;
}

function regression(table: Regression, log10f: number): number {
  let sum = table.m * log10f + table.ck;
  for (let j = 0; j < table.a.length; j++) {
    sum +=
      (table.a[j] as number) * Math.exp(-(((log10f - (table.b[j] as number)) / (table.c[j] as number)) ** 2));
  }
  return sum;
}

/** Lowest and highest frequency of P.838-3, Hz. */
export const P838_MIN_FREQUENCY_HZ = 1e9;
export const P838_MAX_FREQUENCY_HZ = 1000e9;

/** Default polarisation tilt: 45 degrees, i.e. circular polarisation (P.838-3, note to eq. 4). */
export const CIRCULAR_POLARISATION_TILT_RAD = Math.PI / 4;

/**
 * P.838-3 coefficients k (for R in mm/h and gamma in dB/km) and alpha, for a path at `elevationRad` and a
 * polarisation tilt `tiltRad` relative to the horizontal (pi/4 for circular polarisation).
 */
export function rainCoefficients(
  frequencyHz: number,
  elevationRad: number,
  tiltRad: number = CIRCULAR_POLARISATION_TILT_RAD,
): { k: number; alpha: number } {
  const log10f = Math.log10(frequencyHz / 1e9);
  const kH = 10 ** regression(KH, log10f);
  const kV = 10 ** regression(KV, log10f);
  const aH = regression(ALPHA_H, log10f);
  const aV = regression(ALPHA_V, log10f);
  const geometry = Math.cos(elevationRad) ** 2 * Math.cos(2 * tiltRad);
  const k = (kH + kV + (kH - kV) * geometry) / 2;
  const alpha = (kH * aH + kV * aV + (kH * aH - kV * aV) * geometry) / (2 * k);
  return { k, alpha };
}

/** Specific rain attenuation gamma_R = k R^alpha, dB/km, for a rain rate in mm/h. */
export function rainSpecificAttenuationDbKm(
  frequencyHz: number,
  rainRateMmH: number,
  elevationRad: number,
  tiltRad: number = CIRCULAR_POLARISATION_TILT_RAD,
): number {
  if (rainRateMmH <= 0) return 0;
  const { k, alpha } = rainCoefficients(frequencyHz, elevationRad, tiltRad);
  return k * rainRateMmH ** alpha;
}

/** Inputs of the P.618-13 slant-path rain attenuation (SI, except the rain rate in mm/h). */
export interface RainPath {
  readonly frequencyHz: number;
  readonly elevationRad: number;
  readonly rainRateMmH: number;
  /** Rain height above mean sea level, m (P.839: zero-degree isotherm + 360 m). */
  readonly rainHeightM: number;
  /** Station height above mean sea level, m. */
  readonly stationHeightM: number;
  /** Station latitude, rad; |latitude| < 36 degrees raises the vertical adjustment (P.618 step 7). */
  readonly latitudeRad: number;
  readonly tiltRad: number;
}

/** Mean Earth radius used by P.618-13 for Earth-space paths, m (Re = 8500 km, effective radius). */
const P618_EFFECTIVE_EARTH_RADIUS_M = 8_500e3;

/** Slant-path rain attenuation A, dB (P.618-13 section 2.2.1.1 steps 2-9 with R_0.01 = the given rate). */
export function rainSlantAttenuationDb(path: RainPath): number {
  const { frequencyHz, elevationRad, rainRateMmH, rainHeightM, stationHeightM, latitudeRad, tiltRad } = path;
  if (rainRateMmH <= 0 || rainHeightM <= stationHeightM) return 0;
  const f = frequencyHz / 1e9;
  const hRkm = rainHeightM / 1e3;
  const hSkm = stationHeightM / 1e3;
  const re = P618_EFFECTIVE_EARTH_RADIUS_M / 1e3;
  const sinEl = Math.sin(elevationRad);
  const thetaDeg = (elevationRad * 180) / Math.PI;
  // Step 2: slant length below the rain height, km.
  const ls =
    thetaDeg >= 5
      ? (hRkm - hSkm) / sinEl
      : (2 * (hRkm - hSkm)) / (Math.sqrt(sinEl * sinEl + (2 * (hRkm - hSkm)) / re) + sinEl);
  // Step 3: horizontal projection.
  const lg = ls * Math.cos(elevationRad);
  // Step 5: specific attenuation.
  const gammaR = rainSpecificAttenuationDbKm(frequencyHz, rainRateMmH, elevationRad, tiltRad);
  // Step 6: horizontal reduction factor.
  const r001 = 1 / (1 + 0.78 * Math.sqrt((lg * gammaR) / f) - 0.38 * (1 - Math.exp(-2 * lg)));
  // Step 7: vertical adjustment factor.
  const zetaRad = Math.atan2(hRkm - hSkm, lg * r001);
  const lr = zetaRad > elevationRad ? (lg * r001) / Math.cos(elevationRad) : (hRkm - hSkm) / sinEl;
  const latDeg = Math.abs((latitudeRad * 180) / Math.PI);
  const chi = latDeg < 36 ? 36 - latDeg : 0;
  const nu001 =
    1 /
    (1 +
      Math.sqrt(sinEl) *
        (31 * (1 - Math.exp(-thetaDeg / (1 + chi))) * (Math.sqrt(lr * gammaR) / (f * f)) - 0.45));
  // Steps 8-9: effective path length and attenuation.
  return gammaR * lr * nu001;
}
