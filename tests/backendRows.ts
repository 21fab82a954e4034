/**
 * How far a run's rows may move when the positions come from another backend (not a test file itself): the bound
 * derived from a backend's position bound, and a walk over every field of two rows (or snapshots).
 *
 * Derivation, for a backend within ε a of cpu64 per tracer (Propagator.positionBound): a tracer's share of the
 * sunlight, w / r^2, moves by at most 2 ε a / r <= 2 ε / (1 - e) relative (first order; e <= 0.03 on the
 * baseline's shells, so 2.07 ε). Every position-dependent field is then a sum of such shares (interceptedSunlightW,
 * the shells' sums), a smooth function of those sums with a relative sensitivity of order one (the shading factor
 * through the shells' radius sqrt(weight / sunlight), hence half of it; the energy ledger, linear in the captured
 * power; the dimming, linear in the sunward solid angle), or a count that changes only if a tracer lies within
 * ε a of the sunward cone's boundary (ε a < 30 m for cpu: none does in practice). ROW_SENSITIVITY = 10 is the
 * margin on that order-one sensitivity. Fields that do not depend on positions (counts, masses, the growth model,
 * the Earth segment) must come out equal, which the same bound checks.
 */
import { expect } from 'vitest';

/** The baseline's largest eccentricity (assets/scenarios/baseline.json shells). */
const BASELINE_MAX_E = 0.03;
/** Margin on the order-one relative sensitivity of the row fields to the shells' sums (module comment). */
const ROW_SENSITIVITY = 10;

/** Largest relative difference allowed in any numeric row field, for positions within `positionBound` a. */
export function rowRelativeBound(positionBound: number): number {
  return (ROW_SENSITIVITY * 2 * positionBound) / (1 - BASELINE_MAX_E);
}

/**
 * The worst relative difference |got - want| / max(|got|, |want|) over every number in two values of the same
 * shape (rows, snapshots, arrays, nested objects); strings, booleans and nulls must be equal. Returns the value
 * and the path where it occurs.
 */
export function worstRelativeDifference(
  got: unknown,
  want: unknown,
  path = '',
): { value: number; path: string } {
  if (typeof want === 'number') {
    expect(typeof got, path).toBe('number');
    const g = got as number;
    if (g === want || (Number.isNaN(g) && Number.isNaN(want))) return { value: 0, path };
    return { value: Math.abs(g - want) / Math.max(Math.abs(g), Math.abs(want)), path };
  }
  if (want === null || typeof want !== 'object') {
    expect(got, path).toStrictEqual(want);
    return { value: 0, path };
  }
  expect(got !== null && typeof got === 'object', path).toBe(true);
  const keys = Object.keys(want as object);
  expect(Object.keys(got as object).sort(), path).toEqual([...keys].sort());
  let worst = { value: 0, path };
  for (const key of keys) {
    const inner = worstRelativeDifference(
      (got as Record<string, unknown>)[key],
      (want as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (inner.value > worst.value) worst = inner;
  }
  return worst;
}
