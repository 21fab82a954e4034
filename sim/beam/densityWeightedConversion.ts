/**
 * The receiver's RF-to-DC conversion averaged over the power it collects: a rectenna converts less where the
 * density is low (rectenna.ts conversionEfficiencyAt), so the efficiency is weighted by the profile's intensity,
 * integrated over the pointed receiver like the beam collection itself. Without a half-efficiency density the
 * receiver's nominal efficiency applies.
 */
import { cumulativeIntegral, interpolateCumulative, type BeamProfile } from './diffraction.ts';
import type { ResolvedLink } from './input.ts';
import { conversionEfficiencyAt } from './rectenna.ts';

export interface PointedReceiver {
  /** Fraction of the radiated power collected (pointing errors included). */
  readonly beamEfficiency: number;
  /** On-axis density, W/m^2 (used when nothing is collected). */
  readonly peakPowerDensityWm2: number;
  /** The fraction of a radial cumulative `at(rM)` the receiver collects, averaged over pointing. */
  readonly onPointedReceiver: (at: (rM: number) => number) => number;
}

/** Power-weighted conversion efficiency of the link's receiver, in [0, rxEfficiency]. */
export function densityWeightedConversion(
  link: ResolvedLink,
  profile: BeamProfile,
  densityScale: number,
  uPerM: number,
  receiver: PointedReceiver,
): number {
  let rxConversionEfficiency = link.rxEfficiency;
  if (link.rxHalfEfficiencyDensityWm2 > 0) {
    const relative = profile.intensity.map(
      (value) => conversionEfficiencyAt(densityScale * value, 1, link.rxHalfEfficiencyDensityWm2) * value,
    );
    const weighted = cumulativeIntegral(relative, profile.stepU);
    const last = profile.count - 1;
    const lastIntensity = profile.intensity[last] as number;
    const lastRatio = lastIntensity > 0 ? (relative[last] as number) / lastIntensity : 0;
    const total = (weighted[last] as number) + (1 - (profile.encircled[last] as number)) * lastRatio;
    const weightedAt = (rM: number): number =>
      interpolateCumulative(weighted, relative, profile.stepU, uPerM * rM, total);
    const dcFraction = receiver.onPointedReceiver(weightedAt);
    const ratio =
      receiver.beamEfficiency > 0
        ? dcFraction / receiver.beamEfficiency
        : conversionEfficiencyAt(receiver.peakPowerDensityWm2, 1, link.rxHalfEfficiencyDensityWm2);
    rxConversionEfficiency = link.rxEfficiency * Math.min(1, Math.max(0, ratio));
  }
  return rxConversionEfficiency;
}
