/**
 * Fragments of one collision between two collectors: the NASA standard breakup model for collisions
 * (N. L. Johnson, P. H. Krisko, J.-C. Liou, P. D. Anz-Meador, "NASA's new breakup model of EVOLVE 4.0",
 * Adv. Space Res. 28(9), 2001, 1377-1384, eq. 4): the number of fragments of characteristic length >= Lc is
 *   N(Lc) = 0.1 M^0.75 Lc^-1.71   (M in kg, Lc in m),
 * with M the sum of both masses when the collision is catastrophic (the projectile's kinetic energy over the
 * target's mass >= 40 J/g), else M = m_projectile v^2 with v in km/s. The model was fitted to compact satellites
 * and rocket bodies; a membrane collector of a few hundred g/m^2 is not one, so this is an order of magnitude,
 * stated as such. Units: kg, m/s, m.
 */
import { InputError } from '../errors.ts';

/** Catastrophic threshold of the model: 40 J/g = 40 000 J/kg of the target. */
export const CATASTROPHIC_SPECIFIC_ENERGY_J_KG = 40_000;

/** The smallest fragment size the outputs count: 10 cm, the usual trackable-debris limit. */
export const TRACKABLE_FRAGMENT_M = 0.1;

/**
 * Fragments of characteristic length >= minSizeM (m, > 0) made by a collision of two collectors of massKg each
 * (> 0) at relative speed relativeSpeedMS (m/s, >= 0). The smaller body is the projectile (equal here).
 */
export function breakupFragments(massKg: number, relativeSpeedMS: number, minSizeM: number): number {
  if (!(Number.isFinite(massKg) && massKg > 0)) {
    throw new InputError(`must be a finite number > 0 kg, got ${massKg}`, 'massKg');
  }
  if (!(Number.isFinite(relativeSpeedMS) && relativeSpeedMS >= 0)) {
    throw new InputError(`must be a finite number >= 0 m/s, got ${relativeSpeedMS}`, 'relativeSpeedMS');
  }
  if (!(Number.isFinite(minSizeM) && minSizeM > 0)) {
    throw new InputError(`must be a finite number > 0 m, got ${minSizeM}`, 'minSizeM');
  }
  const specificEnergy = (0.5 * massKg * relativeSpeedMS ** 2) / massKg;
  const speedKmS = relativeSpeedMS / 1000;
  const involvedKg =
    specificEnergy >= CATASTROPHIC_SPECIFIC_ENERGY_J_KG ? 2 * massKg : massKg * speedKmS * speedKmS;
  return 0.1 * involvedKg ** 0.75 * minSizeM ** -1.71;
}
