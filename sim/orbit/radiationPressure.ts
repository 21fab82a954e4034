/**
 * Solar radiation pressure on a flat collector, as a reduction of the Sun's effective gravitational parameter.
 *
 * Model (McInnes, "Solar Sailing: Technology, Dynamics and Mission Applications", 1999, sec. 2.3-2.4):
 * - Lightness number beta = (radiation force) / (solar gravity). Both fall as 1/r^2, so beta is a constant of
 *   the collector. For a perfect reflector facing the Sun, beta = sigma* / sigma (McInnes eq. 2.29), with
 *   sigma* = CRITICAL_AREAL_DENSITY_KG_M2 (about 1.53 g/m^2) and sigma the collector's mass per area.
 * - Partial reflection, "simple non-perfect" reading: a fraction `reflectivity` of the light is specularly
 *   reflected (momentum 2 per photon) and the rest absorbed (momentum 1), so the Sun-facing force scales as
 *   (1 + reflectivity) / 2 of the perfect one. Diffuse reflection, thermal re-emission and any force component
 *   along the sheet are neglected.
 * - Only a flat collector whose normal points at the Sun is Keplerian: the radiation force is then radial and
 *   proportional to 1/r^2, so the collector moves on a Kepler orbit under mu_eff = mu (1 - beta). Tilted (pitched)
 *   collectors feel a non-radial force and are NOT modelled here.
 */
import { CRITICAL_AREAL_DENSITY_KG_M2, GM_SUN_M3_S2 } from '../constants.ts';
import { InputError } from '../errors.ts';

/**
 * Lightness number beta (dimensionless) of a flat Sun-facing collector with areal density `arealDensityKgM2`
 * (kg/m^2, > 0) and specular reflectivity in [0, 1] (1, the default, is a perfect mirror; 0 a black absorber):
 * beta = (sigma* / sigma) (1 + reflectivity) / 2.
 */
export function lightnessNumber(arealDensityKgM2: number, reflectivity = 1): number {
  if (!(Number.isFinite(arealDensityKgM2) && arealDensityKgM2 > 0)) {
    throw new InputError(`must be a finite number > 0 kg/m^2, got ${arealDensityKgM2}`, 'arealDensityKgM2');
  }
  if (!(Number.isFinite(reflectivity) && reflectivity >= 0 && reflectivity <= 1)) {
    throw new InputError(`must be in [0, 1], got ${reflectivity}`, 'reflectivity');
  }
  return (CRITICAL_AREAL_DENSITY_KG_M2 / arealDensityKgM2) * (0.5 * (1 + reflectivity));
}

/**
 * Effective gravitational parameter mu (1 - beta), m^3/s^2, for a flat collector that always faces the Sun
 * (the only radiation-pressure case that stays Keplerian; see the module comment). `muM3S2` defaults to
 * GM_SUN_M3_S2. Throws InputError for beta < 0, and for beta >= 1: at beta = 1 radiation balances gravity (a
 * statite, which hovers and has no orbit) and beyond it the collector escapes.
 */
export function effectiveMu(beta: number, muM3S2: number = GM_SUN_M3_S2): number {
  if (!Number.isFinite(beta) || beta < 0) {
    throw new InputError(`must be a finite number in [0, 1), got ${beta}`, 'beta');
  }
  if (beta >= 1) {
    throw new InputError(
      `must be < 1, got ${beta}: at beta = 1 radiation pressure balances solar gravity (a statite, which hovers ` +
        'rather than orbits) and at beta > 1 the collector escapes; neither is a Kepler orbit',
      'beta',
    );
  }
  if (!(Number.isFinite(muM3S2) && muM3S2 > 0)) {
    throw new InputError(`must be a finite number > 0 m^3/s^2, got ${muM3S2}`, 'muM3S2');
  }
  return muM3S2 * (1 - beta);
}
