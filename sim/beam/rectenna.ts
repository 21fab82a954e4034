/**
 * RF-to-DC (or light-to-DC) conversion at the receiver, optionally depending on the incident power density.
 *
 * A rectenna element's diode needs a few hundred millivolts of RF swing before it rectifies well, so its
 * efficiency falls at low incident power (Brown 1984, "The history of power transmission by radio waves",
 * IEEE Trans. MTT 32(9); Shinohara 2014, ch. 5). The model here is the simplest with that shape:
 *
 *   eta(S) = eta_max * S / (S + S_half)
 *
 * with S_half the density at which the efficiency is half its peak. S_half = 0 gives a constant efficiency.
 * The stage efficiency of a receiver is the power-weighted average over its aperture,
 * integral eta(S) S dA / integral S dA, which is at most eta_max <= 1.
 */

/** Conversion efficiency at incident density S (W/m^2). */
export function conversionEfficiencyAt(
  densityWm2: number,
  peakEfficiency: number,
  halfEfficiencyDensityWm2: number,
): number {
  if (halfEfficiencyDensityWm2 <= 0) return peakEfficiency;
  if (densityWm2 <= 0) return 0;
  return (peakEfficiency * densityWm2) / (densityWm2 + halfEfficiencyDensityWm2);
}
