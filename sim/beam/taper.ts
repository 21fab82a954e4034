/**
 * Amplitude taper across a circular transmitting aperture. The truncated Gaussian taper is the one of the 1979
 * DOE/NASA SPS reference system (DOE/ER-0023): the radiated power density falls from the centre to the edge
 * by `taperDb` (10 dB for the reference: 21 kW/m^2 at the centre, about 2 kW/m^2 at the rim).
 *
 * The field amplitude is A(s) = exp(-alpha s^2), s = rho/a in [0, 1], with 20 log10(A(0)/A(1)) = taperDb,
 * so alpha = taperDb ln(10) / 20. taperDb = 0 is the uniform aperture.
 */

/** A circularly symmetric aperture amplitude and its moments (dimensionless, radius normalised to 1). */
export interface ApertureTaper {
  /** Edge taper of the power density, dB (>= 0). */
  readonly taperDb: number;
  /** Gaussian exponent alpha of A(s) = exp(-alpha s^2). */
  readonly alpha: number;
  /** Field amplitude at normalised radius s in [0, 1]. */
  amplitude(s: number): number;
  /** First moment M1 = integral_0^1 A(s) s ds. */
  readonly firstMoment: number;
  /** Power moment M2 = integral_0^1 A(s)^2 s ds (the radiated power, up to 2 pi a^2). */
  readonly powerMoment: number;
  /**
   * Aperture (taper) efficiency 2 M1^2 / M2: the far-field boresight gain relative to a uniform aperture of
   * the same area (Balanis, "Antenna Theory", aperture efficiency; 1 for uniform, 0.9025 for 10 dB).
   */
  readonly apertureEfficiency: number;
  /** Field amplitude at the rim, A(1). */
  readonly edgeAmplitude: number;
}

/** (1 - exp(-x)) / x, accurate near x = 0. */
function oneMinusExpOver(x: number): number {
  return x < 1e-8 ? 1 - x / 2 : -Math.expm1(-x) / x;
}

/** A truncated Gaussian taper with the given edge taper in dB (0 = uniform). */
export function gaussianTaper(taperDb: number): ApertureTaper {
  const alpha = (taperDb * Math.LN10) / 20;
  const firstMoment = oneMinusExpOver(alpha) / 2;
  const powerMoment = oneMinusExpOver(2 * alpha) / 2;
  return {
    taperDb,
    alpha,
    amplitude: (s: number) => Math.exp(-alpha * s * s),
    firstMoment,
    powerMoment,
    apertureEfficiency: (2 * firstMoment * firstMoment) / powerMoment,
    edgeAmplitude: Math.exp(-alpha),
  };
}
