/**
 * Rain attenuation on an Earth-space path.
 *
 * Specific attenuation gamma_R = k R^alpha dB/km, with k and alpha from Recommendation ITU-R P.838-3 (03/2005)
 * eqs. 2-5 and Tables 1-4 (1-1000 GHz), combined for the path elevation and polarisation tilt (eqs. 4-5).
 *
 * Two path models, for two questions:
 * - An instantaneous rain rate R (what a link budget is given): uniform rain of rate R fills the path from the
 *   station up to the rain height h_R (ITU-R P.839: the zero-degree isotherm + 360 m), so
 *   A = gamma_R(R) x L_s, with L_s the slant length below the rain height (P.618-13 section 2.2.1.1 step 2).
 *   This is the documented choice of this model: it is the attenuation of a path wholly inside rain of that
 *   rate, more than a storm cell of that peak rate smaller than the path's horizontal extent L_s cos(el) (a few
 *   km at these elevations) would give, less than a path through a heavier core.
 * - Attenuation statistics (an exceedance percentage of an average year): the step-by-step method of
 *   P.618-13 section 2.2.1.1, steps 2-10, from the rate R_0.01 exceeded 0.01 % of the year. Its horizontal and
 *   vertical reduction factors (steps 6-7) and the scaling to other percentages (step 10) are fitted to
 *   measured attenuation statistics, so they apply to R_0.01 and exceedances only, not to an instantaneous rate.
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

/** The slant path through the rain layer (SI, angles in rad). */
export interface RainSlant {
  readonly frequencyHz: number;
  readonly elevationRad: number;
  /** Rain height above mean sea level, m (P.839: zero-degree isotherm + 360 m). */
  readonly rainHeightM: number;
  /** Station height above mean sea level, m. */
  readonly stationHeightM: number;
  /** Polarisation tilt relative to the horizontal, rad (pi/4 for circular polarisation). */
  readonly tiltRad: number;
}

/** A path in rain of an instantaneous rate, mm/h. */
export interface RainPath extends RainSlant {
  readonly rainRateMmH: number;
}

/** The path of a P.618 statistical calculation: the slant and the station latitude. */
export interface RainPathGeometry extends RainSlant {
  /** Station latitude, rad; |latitude| < 36 degrees raises P.618's vertical adjustment (step 7) and step 10. */
  readonly latitudeRad: number;
}

/** Mean Earth radius used by P.618-13 for Earth-space paths, m (Re = 8500 km, effective radius). */
const P618_EFFECTIVE_EARTH_RADIUS_M = 8_500e3;

/**
 * Slant length below the rain height, km (P.618-13 step 2: (h_R - h_s) / sin(el) from 5 degrees, the
 * curved-Earth form below); 0 when the station is at or above the rain height.
 */
export function rainSlantLengthKm(path: RainSlant): number {
  const depthKm = (path.rainHeightM - path.stationHeightM) / 1e3;
  if (depthKm <= 0) return 0;
  const sinEl = Math.sin(path.elevationRad);
  if (path.elevationRad >= (5 * Math.PI) / 180) return depthKm / sinEl;
  const re = P618_EFFECTIVE_EARTH_RADIUS_M / 1e3;
  return (2 * depthKm) / (Math.sqrt(sinEl * sinEl + (2 * depthKm) / re) + sinEl);
}

/** Attenuation A = gamma_R(R) x L_s, dB, of uniform rain at an instantaneous rate (see the module comment). */
export function instantaneousRainAttenuationDb(path: RainPath): number {
  if (path.rainRateMmH <= 0) return 0;
  const gammaR = rainSpecificAttenuationDbKm(
    path.frequencyHz,
    path.rainRateMmH,
    path.elevationRad,
    path.tiltRad,
  );
  return gammaR * rainSlantLengthKm(path);
}

/** Attenuation exceeded 0.01 % of an average year, dB (P.618-13 section 2.2.1.1 steps 2-9). */
export function p618RainAttenuation001Db(path: RainPathGeometry, rainRate001MmH: number): number {
  const { frequencyHz, elevationRad, rainHeightM, stationHeightM, latitudeRad, tiltRad } = path;
  if (rainRate001MmH <= 0 || rainHeightM <= stationHeightM) return 0;
  const f = frequencyHz / 1e9;
  const hRkm = rainHeightM / 1e3;
  const hSkm = stationHeightM / 1e3;
  const sinEl = Math.sin(elevationRad);
  const thetaDeg = (elevationRad * 180) / Math.PI;
  // Step 2: slant length below the rain height, km; step 3: its horizontal projection.
  const ls = rainSlantLengthKm(path);
  const lg = ls * Math.cos(elevationRad);
  // Step 5: specific attenuation.
  const gammaR = rainSpecificAttenuationDbKm(frequencyHz, rainRate001MmH, elevationRad, tiltRad);
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

/** Exceedance percentages P.618-13 step 10 covers, % of an average year. */
export const P618_MIN_PERCENT = 0.001;
export const P618_MAX_PERCENT = 5;

/**
 * Attenuation exceeded `percent` % of an average year, dB, for 0.001 <= percent <= 5 (P.618-13 step 10,
 * scaled from the 0.01 % value of steps 2-9).
 */
export function p618RainAttenuationDb(
  path: RainPathGeometry,
  rainRate001MmH: number,
  percent: number,
): number {
  const a001 = p618RainAttenuation001Db(path, rainRate001MmH);
  if (a001 <= 0) return 0;
  const p = Math.min(P618_MAX_PERCENT, Math.max(P618_MIN_PERCENT, percent));
  const sinEl = Math.sin(path.elevationRad);
  const latDeg = Math.abs((path.latitudeRad * 180) / Math.PI);
  const elDeg = (path.elevationRad * 180) / Math.PI;
  let beta = 0;
  if (p < 1 && latDeg < 36)
    beta = elDeg >= 25 ? -0.005 * (latDeg - 36) : -0.005 * (latDeg - 36) + 1.8 - 4.25 * sinEl;
  const exponent = -(0.655 + 0.033 * Math.log(p) - 0.045 * Math.log(a001) - beta * (1 - p) * sinEl);
  return a001 * (p / 0.01) ** exponent;
}
