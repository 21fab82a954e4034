/**
 * Apertures needed for a target beam-collection efficiency.
 *
 * For a focused, well-pointed beam onto a circular receiver the collected fraction is Phi(2 tau) for the taper
 * (diffraction.ts), so the target fixes tau*, and tau* = pi Dt Dr / (4 lambda_eff D) fixes the product of the
 * diameters: Dt Dr = 4 tau* lambda_eff D / pi. This is why microwaves work from geostationary orbit (1 km x
 * 10 km at 12 cm over 36,000 km) and not from 1 au, where the same product is 4,000 times larger.
 */
import { bisect } from '../numeric/search.ts';
import { buildBeamProfile, encircledFraction, type BeamProfile } from './diffraction.ts';
import type { ApertureTaper } from './taper.ts';

/**
 * The u = 2 tau at which the circular-receiver collection reaches `target` (0 < target < 1). Uses `profile`
 * when it covers the answer, else builds one; past the grid, inverts the 1/u edge-diffraction tail.
 */
export function uForCollection(taper: ApertureTaper, target: number, profile?: BeamProfile): number {
  const end = (p: BeamProfile): number => (p.count - 1) * p.stepU;
  let p = profile ?? buildBeamProfile(taper, 20);
  // Grow the grid in two steps at most (20, then 60 in u); past it, invert the 1/u tail.
  for (const reach of [20, 60]) {
    if (encircledFraction(p, end(p)) >= target || end(p) >= reach) continue;
    p = buildBeamProfile(taper, reach);
  }
  const last = end(p);
  const atEnd = encircledFraction(p, last);
  if (atEnd < target) return ((1 - atEnd) * last) / (1 - target);
  // Phi is non-decreasing on the grid: bisection.
  return bisect((u) => encircledFraction(p, u) < target, 0, last, 0, 80);
}

/** Required apertures for a target collection efficiency (beam-normal plane). */
export interface RequiredApertures {
  /** Target beam-collection efficiency (ideal pointing, circular receiver). */
  readonly targetBeamEfficiency: number;
  /** tau (with lambda_eff = M^2 lambda) that reaches the target. */
  readonly tau: number;
  /** Receiver diameter with the given transmitter, m (beam-normal). */
  readonly rxDiameterM: number;
  /** Transmitter diameter with the given receiver (its area-equivalent circle), m. */
  readonly txDiameterM: number;
  /** Equal transmitter and receiver diameters, m. */
  readonly equalDiameterM: number;
  /** Product Dt * Dr, m^2. */
  readonly diameterProductM2: number;
}

export function requiredApertures(
  taper: ApertureTaper,
  target: number,
  effectiveWavelengthM: number,
  distanceM: number,
  txDiameterM: number,
  rxEquivalentDiameterM: number,
  profile?: BeamProfile,
): RequiredApertures {
  const tau = uForCollection(taper, target, profile) / 2;
  const product = (4 * tau * effectiveWavelengthM * distanceM) / Math.PI;
  return {
    targetBeamEfficiency: target,
    tau,
    rxDiameterM: product / txDiameterM,
    txDiameterM: product / rxEquivalentDiameterM,
    equalDiameterM: Math.sqrt(product),
    diameterProductM2: product,
  };
}
