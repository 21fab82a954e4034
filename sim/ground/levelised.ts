/**
 * Levelised cost of beamed power from a capital sum: the capital recovery factor spreads it over a life at a
 * discount rate, CRF = r / (1 - (1 + r)^-n) (1/n at r = 0), the textbook annuity (e.g. NREL, "Simple Levelized
 * Cost of Energy Calculator Documentation": sLCOE = capital x CRF / (8760 x capacity factor) + O&M). Operations and
 * maintenance are left out: a floor on the cost, not an estimate of it.
 */
import { SECONDS_PER_JULIAN_YEAR } from '../constants.ts';

/** Capital recovery factor per year at discount rate r per year over n years (n > 0). */
export function capitalRecoveryFactor(ratePerYear: number, lifeYears: number): number {
  if (ratePerYear === 0) return 1 / lifeYears;
  return ratePerYear / -Math.expm1(-lifeYears * Math.log1p(ratePerYear));
}

/**
 * USD per J of a capital sum recovered over its life from a steady delivered power: capital x CRF over the energy
 * of one Julian year at that power. Null when nothing is delivered (no cost per joule to speak of).
 */
export function levelisedCostUsdPerJ(
  capitalUsd: number,
  deliveredW: number,
  ratePerYear: number,
  lifeYears: number,
): number | null {
  if (!(deliveredW > 0)) return null;
  return (
    (capitalUsd * capitalRecoveryFactor(ratePerYear, lifeYears)) / (deliveredW * SECONDS_PER_JULIAN_YEAR)
  );
}
