/**
 * The transmitter's field region at the receiver's distance, and what Goubau's tau adds to it.
 *
 * Regions of an aperture of largest dimension D at wavelength lambda (Balanis, "Antenna Theory", 4th ed.,
 * section 2.2.4), at distance d:
 *   reactive near field    d < 0.62 sqrt(D^3 / lambda)
 *   radiating near field   0.62 sqrt(D^3 / lambda) <= d < 2 D^2 / lambda   (Fresnel region)
 *   far field              d >= 2 D^2 / lambda                              (Fraunhofer region; pi/8 phase error)
 * The regime is the transmitter's: its D is the one whose pattern the receiver sees. A receiver larger than the
 * transmitter's main lobe does not put the link in the near field; it makes Friis wrong for another reason.
 *
 * Goubau's tau = sqrt(At Ar) / (lambda d) = (pi / 8) (Dr / Dt) (d_F / d) for circular apertures, with
 * d_F = 2 Dt^2 / lambda. In the far field (d >= d_F) with Dr <= Dt, tau <= pi / 8 and Friis (tau^2 eta_ap) holds;
 * tau > 1 beyond d_F means the receiver spans the transmitter's main lobe (Dr > (8 / pi) Dt d / d_F), where
 * Friis, which assumes a uniform density over the receiver, exceeds 1.
 */
import { formatWarningNumber } from './formatWarning.ts';

/** Which of the transmitter's field regions the receiver is in (Balanis 2.2.4). */
export type FieldRegime = 'far-field' | 'radiating-near-field' | 'reactive-near-field';

export interface FieldRegion {
  readonly fieldRegime: FieldRegime;
  /** 2 Dt^2 / lambda, m: the far field starts here. */
  readonly fraunhoferDistanceM: number;
  /** 0.62 sqrt(Dt^3 / lambda), m: the reactive near field ends here. */
  readonly reactiveBoundaryM: number;
}

/** The region for a transmitter of diameter `txDiameterM` at `wavelengthM` (M^2 lambda for lasers). */
export function fieldRegion(txDiameterM: number, wavelengthM: number, distanceM: number): FieldRegion {
  const fraunhoferDistanceM = (2 * txDiameterM * txDiameterM) / wavelengthM;
  const reactiveBoundaryM = 0.62 * Math.sqrt(txDiameterM ** 3 / wavelengthM);
  const fieldRegime: FieldRegime =
    distanceM >= fraunhoferDistanceM
      ? 'far-field'
      : distanceM >= reactiveBoundaryM
        ? 'radiating-near-field'
        : 'reactive-near-field';
  return { fieldRegime, fraunhoferDistanceM, reactiveBoundaryM };
}

/** A distance of up to light-years in a warning: 4 significant figures, exponent form (`1.634e+7 m`). */
function distanceText(m: number): string {
  return `${Number(m.toPrecision(4)).toExponential()} m`;
}

/** The warning when Friis would give more than all the power, saying why for this region; null otherwise. */
export function friisWarning(region: FieldRegion, friis: number, tau: number): string | null {
  if (!(friis > 1)) return null;
  const friisText = `Friis would give ${formatWarningNumber(friis)} (> 1); the collection comes from the Fresnel (Goubau) integral`;
  if (region.fieldRegime === 'far-field') {
    return (
      `far field of the transmitter (beyond 2 Dt^2 / lambda = ${distanceText(region.fraunhoferDistanceM)}), ` +
      `but the receiver spans its main lobe (tau ${formatWarningNumber(tau)}): ${friisText}`
    );
  }
  const name = region.fieldRegime === 'radiating-near-field' ? 'radiating' : 'reactive';
  return `${name} near field of the transmitter (inside 2 Dt^2 / lambda = ${distanceText(region.fraunhoferDistanceM)}): ${friisText}`;
}
