/**
 * A rectenna site's rain climate, for an energy time series.
 *
 * The beam module attenuates a path for an instantaneous rain rate (uniform rain of that rate below the rain
 * height, ITU-R P.838-3; sim/beam/rain.ts). A time series of delivered power has no weather, so a site gives
 * either a fixed `rainRateMmH`, applied at every step as that instantaneous rate, or an ITU-R rain climatic
 * zone. For a zone, the link uses the energy-equivalent rain rate: the instantaneous rate whose attenuation
 * equals the zone's annual mean loss, so that a year of the series delivers the energy the zone's rain
 * statistics imply.
 *
 * Zones: Recommendation ITU-R PN.837-1 (1994), Table 1: the rain rate (mm/h, 1-min integration) exceeded for
 * 1, 0.3, 0.1, 0.03, 0.01, 0.003 and 0.001 % of an average year in each of the 15 climatic zones of its maps
 * (superseded by the digital maps of P.837-7; the zone table remains the usual compact climate model). The
 * values were transcribed from the table, not machine-read from the ITU file; zone A's "< 0.1" is taken as 0.1.
 *
 * Annual mean loss: L = integral over the year of (1 - T(p)) dp, with T = 10^(-A/10) and A(p) the attenuation
 * exceeded p % of the year by ITU-R P.618-13 section 2.2.1.1 (steps 2-9 from the zone's R_0.01, step 10 for
 * the other percentages): a statistical question, so the statistical method, whose reduction factors are
 * fitted to measured exceedances. The integral runs by the trapezoid rule in p (linear) over
 * LOSS_PERCENTAGES, P.618's range from 5 % down to 0.001 %, plus A(0.001 %) for the rarest 0.001 %; the time
 * beyond 5 % is taken as dry. At 2.45-5.8 GHz the result is a fraction of a percent: rain matters for link
 * availability, hardly for energy.
 */
import {
  instantaneousRainAttenuationDb,
  p618RainAttenuationDb,
  type RainPathGeometry,
} from '../beam/rain.ts';
import { bisect } from '../numeric/search.ts';

/** Exceedance percentages of the PN.837-1 table, % of an average year. */
export const P837_1_PERCENTAGES = [1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001] as const;

/** ITU-R PN.837-1 Table 1: rain rate (mm/h) exceeded for each of P837_1_PERCENTAGES, per climatic zone. */
export const P837_1_RAIN_ZONES = {
  A: [0.1, 0.8, 2, 5, 8, 14, 22],
  B: [0.5, 2, 3, 6, 12, 21, 32],
  C: [0.7, 2.8, 5, 9, 15, 26, 42],
  D: [2.1, 4.5, 8, 13, 19, 29, 42],
  E: [0.6, 2.4, 6, 12, 22, 41, 70],
  F: [1.7, 4.5, 8, 15, 28, 54, 78],
  G: [3, 7, 12, 20, 30, 45, 65],
  H: [2, 4, 10, 18, 32, 55, 83],
  J: [8, 13, 20, 28, 35, 45, 55],
  K: [1.5, 4.2, 12, 23, 42, 70, 100],
  L: [2, 7, 15, 33, 60, 105, 150],
  M: [4, 11, 22, 40, 63, 95, 120],
  N: [5, 15, 35, 65, 95, 140, 180],
  P: [12, 34, 65, 105, 145, 200, 250],
  Q: [24, 49, 72, 96, 115, 142, 170],
} as const satisfies Record<string, readonly number[]>;

export type RainZone = keyof typeof P837_1_RAIN_ZONES;
export const RAIN_ZONES = Object.keys(P837_1_RAIN_ZONES) as RainZone[];

export type { RainPathGeometry } from '../beam/rain.ts';

/** Nodes of the annual-mean integral, % of an average year: P.618-13 step 10's range, 5 % to 0.001 %. */
export const LOSS_PERCENTAGES = [5, 3, 2, 1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001] as const;

/** Fraction of the power lost to an attenuation in dB. */
function lossOfDb(attenuationDb: number): number {
  return -Math.expm1((-attenuationDb / 10) * Math.LN10);
}

/** The zone's R_0.01, mm/h (PN.837-1 Table 1). */
function rate001MmH(zone: RainZone): number {
  return P837_1_RAIN_ZONES[zone][P837_1_PERCENTAGES.indexOf(0.01)] as number;
}

/** Annual mean fraction of power lost to rain on this path in this zone (see the module comment). */
export function annualMeanRainLoss(zone: RainZone, path: RainPathGeometry): number {
  const r001 = rate001MmH(zone);
  const losses = LOSS_PERCENTAGES.map((p) => lossOfDb(p618RainAttenuationDb(path, r001, p)));
  let integralPercent = 0;
  for (let k = 0; k + 1 < LOSS_PERCENTAGES.length; k += 1) {
    const dp = (LOSS_PERCENTAGES[k] as number) - (LOSS_PERCENTAGES[k + 1] as number);
    integralPercent += (dp * ((losses[k] as number) + (losses[k + 1] as number))) / 2;
  }
  integralPercent += 0.001 * (losses[losses.length - 1] as number);
  return integralPercent / 100;
}

/**
 * The energy-equivalent rain rate, mm/h: the instantaneous rate whose loss on this path (uniform rain,
 * sim/beam/rain.ts) equals the zone's annual mean loss (bisection between 0 and the zone's 0.001 % rate, to
 * 1e-6 mm/h).
 */
export function energyEquivalentRainRateMmH(zone: RainZone, path: RainPathGeometry): number {
  const target = annualMeanRainLoss(zone, path);
  if (!(target > 0)) return 0;
  const highest = P837_1_RAIN_ZONES[zone][P837_1_PERCENTAGES.length - 1] as number;
  const lossAt = (rainRateMmH: number): number =>
    lossOfDb(instantaneousRainAttenuationDb({ ...path, rainRateMmH }));
  return bisect((rate) => lossAt(rate) < target, 0, highest, 1e-6);
}
