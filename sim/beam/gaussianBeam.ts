/**
 * Gaussian beam propagation with a beam-quality factor M^2 (Siegman, "Lasers", 1986, ch. 17; Siegman, "New
 * developments in laser resonators", SPIE 1224, 1990, for the embedded-Gaussian M^2 rule).
 *
 * A real beam with quality M^2 >= 1 and waist radius w0 (1/e^2 intensity) spreads as a Gaussian whose
 * wavelength is M^2 lambda:  zR = pi w0^2 / (M^2 lambda),  w(z) = w0 sqrt(1 + (z / zR)^2).
 * The link budget uses the same rule for diffraction from a truncated aperture: lambda_eff = M^2 lambda.
 */

/** Rayleigh range zR = pi w0^2 / (M^2 lambda), m. */
export function rayleighRangeM(waistRadiusM: number, wavelengthM: number, beamQualityM2 = 1): number {
  return (Math.PI * waistRadiusM * waistRadiusM) / (beamQualityM2 * wavelengthM);
}

/** 1/e^2 intensity radius w(z) = w0 sqrt(1 + (z/zR)^2), m, at distance z from the waist. */
export function gaussianBeamRadiusM(
  waistRadiusM: number,
  distanceM: number,
  wavelengthM: number,
  beamQualityM2 = 1,
): number {
  const zR = rayleighRangeM(waistRadiusM, wavelengthM, beamQualityM2);
  return waistRadiusM * Math.sqrt(1 + (distanceM / zR) ** 2);
}

/** Far-field half-angle divergence theta = M^2 lambda / (pi w0), rad. */
export function farFieldDivergenceRad(waistRadiusM: number, wavelengthM: number, beamQualityM2 = 1): number {
  return (beamQualityM2 * wavelengthM) / (Math.PI * waistRadiusM);
}

/** Fraction of an untruncated Gaussian beam's power within radius r: 1 - exp(-2 r^2 / w^2) (Siegman eq. 17.8). */
export function gaussianPowerWithinRadius(radiusM: number, beamRadiusM: number): number {
  return -Math.expm1((-2 * radiusM * radiusM) / (beamRadiusM * beamRadiusM));
}
