/**
 * Shading between shells, and the luminosity cap.
 *
 * A shell of mean radius r holding Sun-facing collector area A has optical depth tau = A / (4 pi r^2): the area
 * over the sphere it sits on. Collectors placed at random over that sphere intercept a fraction 1 - exp(-tau) of
 * the light that reaches them (Beer-Lambert for randomly overlapping screens; it tends to tau for a thin swarm,
 * where every collector sees the full irradiance, and to 1 for an opaque one). Shells are traversed from the Sun
 * outwards: each passes on exp(-tau) of what reached it, so inner shells shade outer ones. The intercepted powers
 * add up to L (1 - exp(-sum tau)) <= L: the swarm can never capture more than the Sun sends out.
 *
 * Averaging over the sphere is the model's approximation: a real shell spans a band of inclinations and a range
 * of distances (eccentricity), so its local optical depth varies over the sky. Shells at the same radius form one
 * layer and share its interception in proportion to their areas.
 *
 * Units: radii m (heliocentric, any frame: only distances enter), areas m^2, powers W. No time dependence: the
 * caller passes each shell's radius and area at its instant (sim/world.ts, sim/growth/rates.ts).
 */
import { SOLAR_LUMINOSITY_W } from '../constants.ts';
import { InputError } from '../errors.ts';

/** Relative radius difference under which two shells are one layer. */
const SAME_RADIUS_REL = 1e-12;

/**
 * Solar power intercepted by each shell, W, written to `outW` (same length as the inputs); returns the total.
 * `radiiM` are the shells' mean heliocentric radii (m, > 0) and `areasM2` their Sun-facing collector areas
 * (m^2, >= 0), in any order. `order` (radiusOrder) may be precomputed: the call then allocates nothing.
 */
export function interceptedPowerW(
  radiiM: ArrayLike<number>,
  areasM2: ArrayLike<number>,
  outW: Float64Array,
  luminosityW: number = SOLAR_LUMINOSITY_W,
  order: ArrayLike<number> = radiusOrder(radiiM),
): number {
  const n = radiiM.length;
  let transmitted = luminosityW;
  let total = 0;
  let k = 0;
  while (k < n) {
    // Gather one layer: the shells at the same radius.
    const first = order[k] ?? 0;
    const radius = radiiM[first] ?? 0;
    let end = k;
    let layerArea = 0;
    while (end < n && Math.abs((radiiM[order[end] ?? 0] ?? 0) - radius) <= SAME_RADIUS_REL * radius) {
      layerArea += areasM2[order[end] ?? 0] ?? 0;
      end += 1;
    }
    const tau = layerArea / (4 * Math.PI * radius * radius);
    const layerPower = transmitted * -Math.expm1(-tau);
    for (let j = k; j < end; j += 1) {
      const index = order[j] ?? 0;
      const share = layerArea > 0 ? (areasM2[index] ?? 0) / layerArea : 0;
      outW[index] = layerPower * share;
    }
    total += layerPower;
    transmitted *= Math.exp(-tau);
    k = end;
  }
  return total;
}

/** Shell indices sorted by radius, from the Sun outwards (pass it to interceptedPowerW to skip the sort). */
export function radiusOrder(radiiM: ArrayLike<number>): Int32Array {
  return Int32Array.from({ length: radiiM.length }, (_, i) => i).sort(
    (a, b) => (radiiM[a] ?? 0) - (radiiM[b] ?? 0),
  );
}

/** One shell of collectors, for `shadedCapturedPowerW`. */
export interface ShellCollectors {
  /** Mean heliocentric radius, m (> 0). */
  readonly radiusM: number;
  /** Sun-facing collector area, m^2 (>= 0). */
  readonly areaM2: number;
  /** Fraction of intercepted sunlight turned into electricity, [0, 1] (1 when left out: intercepted power). */
  readonly conversionEfficiency?: number;
}

/**
 * Captured (electrical) power of a swarm of shells, W, with inner shells shading outer ones; also per shell.
 * The lead applies this to the propagated swarm, with each shell's current area and mean radius.
 */
export function shadedCapturedPowerW(
  shells: readonly ShellCollectors[],
  luminosityW: number = SOLAR_LUMINOSITY_W,
): { readonly totalW: number; readonly byShellW: Float64Array; readonly interceptedW: number } {
  shells.forEach((shell, index) => {
    if (!(Number.isFinite(shell.radiusM) && shell.radiusM > 0)) {
      throw new InputError(`must be a finite number > 0 m, got ${shell.radiusM}`, `shells[${index}].radiusM`);
    }
    if (!(Number.isFinite(shell.areaM2) && shell.areaM2 >= 0)) {
      throw new InputError(
        `must be a finite number >= 0 m^2, got ${shell.areaM2}`,
        `shells[${index}].areaM2`,
      );
    }
    const eff = shell.conversionEfficiency ?? 1;
    if (!(eff >= 0 && eff <= 1)) {
      throw new InputError(`must be in [0, 1], got ${eff}`, `shells[${index}].conversionEfficiency`);
    }
  });
  const byShellW = new Float64Array(shells.length);
  const interceptedW = interceptedPowerW(
    shells.map((shell) => shell.radiusM),
    shells.map((shell) => shell.areaM2),
    byShellW,
    luminosityW,
  );
  let totalW = 0;
  shells.forEach((shell, index) => {
    const captured = (byShellW[index] ?? 0) * (shell.conversionEfficiency ?? 1);
    byShellW[index] = captured;
    totalW += captured;
  });
  return { totalW, byShellW, interceptedW };
}

/** Fraction of the Sun's light intercepted by shells of the given areas and radii: 1 - exp(-sum tau). */
export function coverageFraction(radiiM: ArrayLike<number>, areasM2: ArrayLike<number>): number {
  let tau = 0;
  for (let i = 0; i < radiiM.length; i += 1) {
    const r = radiiM[i] ?? 1;
    tau += (areasM2[i] ?? 0) / (4 * Math.PI * r * r);
  }
  return -Math.expm1(-tau);
}
