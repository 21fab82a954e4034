/**
 * Secular perturbations of the tracers by the planets: each tracer is a test particle in the planets' secular
 * field (Murray & Dermott, "Solar System Dynamics", 1999, sec. 7.9, eq. 7.141-7.148, "generalised free and forced
 * elements"), with the planets' own secular solution (laplaceLagrange.ts):
 *   z = k + i h = e exp(iϖ):  z(t) = z_free exp(i A (t - t0)) + Σ_i c_i exp(i (g_i t + β_i)),  c_i = -ν_i / (A - g_i),
 *   ζ = q + i p = sin I exp(iΩ):  ζ(t) = ζ_free exp(i B (t - t0)) + Σ_i d_i exp(i (f_i t + γ_i)),  d_i = -μ_i / (B - f_i),
 *   A = n/4 Σ_j m_j/M' α_j ᾱ_j b_3/2^(1)(α_j) = -B,   ν_i = Σ_j A_j e_ji,  A_j = -n/4 m_j/M' α_j ᾱ_j b_3/2^(2)(α_j),
 *   μ_i = Σ_j B_j I_ji,  B_j = n/4 m_j/M' α_j ᾱ_j b_3/2^(1)(α_j),
 * with n the tracer's own mean motion and M' = M (1 - β): a sail feels the Sun's gravity times (1 - β) and the
 * planets' in full, so Lagrange's equations divide the planets' disturbing function by n a^2 with n^2 a^3 = GM (1 - β)
 * (that is (1 - β) = n^2 a^3 / GM, read from the table). z_free and ζ_free are fitted at the tracer's epoch, so
 * at t = epoch the elements are the table's. The mean longitude keeps its rate n (the O(m/M) secular change of the
 * mean motion is left out), and ω = ϖ - Ω, M = λ - ϖ.
 *
 * Order: first order in the planets' masses, second order in e and sin I in the disturbing function (linear
 * equations). Failure regime, flagged per tracer and planet in `excluded`: a planet whose orbit the tracer's comes
 * within 3 of its Hill radii (orbits crossing, co-orbital motion, close encounters; the near-1 au shell with the
 * Earth, the 0.7 au shell with Venus) is left out of the sums, since the expansion in α diverges there; a tracer
 * near a secular resonance (|A - g_i| or |B - f_i| so small that a forced amplitude exceeds 0.1) keeps its
 * two-body elements (flag `resonant`). Mean-motion resonances are not modelled at all. Prograde, e < 0.3,
 * sin I < 0.5 only: other tracers keep their two-body elements (flag `outOfRange`).
 */
import { GM_SUN_M3_S2 } from '../constants.ts';
import type { TracerTable } from '../propagate/tracerTable.ts';
import { alphaFactor, type SecularModes } from './laplaceLagrange.ts';

/** A forced amplitude above this (in e or sin I) marks a secular resonance. */
export const RESONANT_FORCED_AMPLITUDE = 0.1;
/** The Hill-radius margin of the exclusion (orbits within this many Hill radii are crossing for the theory). */
export const EXCLUSION_HILL_RADII = 3;
export const MAX_ECCENTRICITY = 0.3;
export const MAX_SIN_INCLINATION = 0.5;
/**
 * The expansion in e of the disturbing function converges slowly where the orbits nearly touch: a tracer whose
 * radial gap to a planet's orbit (periapsis of the outer minus apoapsis of the inner) is below this fraction of
 * their difference in semi-major axis is flagged SECULAR_NEAR_CROSSING (its elements still follow the theory, which
 * the numerical reference found off by up to 140 % in the inclination drift at a gap fraction of 0.14).
 */
export const MIN_GAP_FRACTION = 0.5;

/** Flags of a tracer (bit field). */
export const SECULAR_RESONANT = 1;
export const SECULAR_OUT_OF_RANGE = 2;
export const SECULAR_NEAR_CROSSING = 4;

/** The per-tracer secular coefficients, one column per quantity (structure of arrays; count rows). */
export interface SecularTable {
  readonly count: number;
  readonly modeCount: number;
  /** The planets' frequencies and phases at their epoch (copied from the modes). */
  readonly g: Float64Array;
  readonly beta: Float64Array;
  readonly f: Float64Array;
  readonly gamma: Float64Array;
  readonly modesEpochTdbS: number;
  /** Free precession rates A (of ϖ) and B = -A... per tracer (B is stored: the exclusions keep it -A), rad/s. */
  readonly freeA: Float64Array;
  readonly freeB: Float64Array;
  /** Free vectors at the tracer's epoch: (k, h) and (q, p). */
  readonly freeK: Float64Array;
  readonly freeH: Float64Array;
  readonly freeQ: Float64Array;
  readonly freeP: Float64Array;
  /** Forced coefficients c_i and d_i, count x modeCount row-major. */
  readonly forcedE: Float64Array;
  readonly forcedI: Float64Array;
  /** Bit i set: perturber i left out for this tracer (orbits within 3 Hill radii). */
  readonly excluded: Uint16Array;
  /** SECULAR_RESONANT | SECULAR_OUT_OF_RANGE (both: two-body elements kept), SECULAR_NEAR_CROSSING, or 0. */
  readonly flags: Uint8Array;
}

/** Does a tracer orbit (a, e) come within EXCLUSION_HILL_RADII Hill radii of planet j's orbit? */
function approaches(a: number, e: number, aj: number, ej: number, gmj: number): boolean {
  const hill = aj * Math.cbrt(gmj / (3 * GM_SUN_M3_S2));
  const margin = EXCLUSION_HILL_RADII * hill;
  return a * (1 - e) < aj * (1 + ej) + margin && a * (1 + e) > aj * (1 - ej) - margin;
}

/** The planets' present eccentricities from the modes, for the exclusion test. */
function planetEccentricities(modes: SecularModes): Float64Array {
  const n = modes.g.length;
  const out = new Float64Array(n);
  for (let j = 0; j < n; j += 1) {
    let h = 0;
    let k = 0;
    for (let i = 0; i < n; i += 1) {
      const amp = modes.eAmplitude[j * n + i] as number;
      h += amp * Math.sin(modes.beta[i] as number);
      k += amp * Math.cos(modes.beta[i] as number);
    }
    out[j] = Math.hypot(h, k);
  }
  return out;
}

/** The secular coefficients of every tracer of `table` in the field of `modes`. Deterministic, O(count x n^2). */
export function secularTable(table: TracerTable, modes: SecularModes): SecularTable {
  const count = table.count;
  const n = modes.g.length;
  const out: SecularTable = {
    count,
    modeCount: n,
    g: modes.g,
    beta: modes.beta,
    f: modes.f,
    gamma: modes.gamma,
    modesEpochTdbS: modes.epochTdbS,
    freeA: new Float64Array(count),
    freeB: new Float64Array(count),
    freeK: new Float64Array(count),
    freeH: new Float64Array(count),
    freeQ: new Float64Array(count),
    freeP: new Float64Array(count),
    forcedE: new Float64Array(count * n),
    forcedI: new Float64Array(count * n),
    excluded: new Uint16Array(count),
    flags: new Uint8Array(count),
  };
  const eccentricities = planetEccentricities(modes);
  const aj = new Float64Array(n);
  const bj = new Float64Array(n);
  for (let k = 0; k < count; k += 1) {
    const a = table.semiMajorAxisM[k] as number;
    const e = table.eccentricity[k] as number;
    const inc = table.inclinationRad[k] as number;
    const nMean = table.meanMotionRadS[k] as number;
    const node = table.ascendingNodeRad[k] as number;
    const varpi = node + (table.argPeriapsisRad[k] as number);
    const epoch = table.epochTdbS[k] as number;
    if (!(e < MAX_ECCENTRICITY && inc < Math.PI / 2 && Math.sin(inc) < MAX_SIN_INCLINATION)) {
      out.flags[k] = SECULAR_OUT_OF_RANGE;
      continue;
    }
    const gmEff = nMean * nMean * a * a * a; // GM (1 - β)
    let A = 0;
    let excluded = 0;
    let nearCrossing = false;
    for (let j = 0; j < n; j += 1) {
      const p = modes.perturbers[j];
      const apl = modes.semiMajorAxisM[j] as number;
      aj[j] = 0;
      bj[j] = 0;
      if (p === undefined || approaches(a, e, apl, eccentricities[j] as number, p.gmM3S2)) {
        excluded |= 1 << j;
        continue;
      }
      const eps = eccentricities[j] as number;
      const gap = a < apl ? apl * (1 - eps) - a * (1 + e) : a * (1 - e) - apl * (1 + eps);
      if (gap < MIN_GAP_FRACTION * Math.abs(apl - a)) nearCrossing = true;
      const c = (nMean / 4) * (p.gmM3S2 / gmEff);
      const f1 = c * alphaFactor(a, apl, 1);
      A += f1;
      aj[j] = -c * alphaFactor(a, apl, 2);
      bj[j] = f1;
    }
    out.excluded[k] = excluded;
    const B = -A;
    let zk = e * Math.cos(varpi);
    let zh = e * Math.sin(varpi);
    let zq = Math.sin(inc) * Math.cos(node);
    let zp = Math.sin(inc) * Math.sin(node);
    let resonant = false;
    for (let i = 0; i < n; i += 1) {
      let nu = 0;
      let mu = 0;
      for (let j = 0; j < n; j += 1) {
        nu += (aj[j] as number) * (modes.eAmplitude[j * n + i] as number);
        mu += (bj[j] as number) * (modes.iAmplitude[j * n + i] as number);
      }
      const gi = modes.g[i] as number;
      const fi = modes.f[i] as number;
      const ce = A === gi ? 0 : -nu / (A - gi);
      const ci = B === fi ? 0 : -mu / (B - fi);
      if (Math.abs(ce) > RESONANT_FORCED_AMPLITUDE || Math.abs(ci) > RESONANT_FORCED_AMPLITUDE)
        resonant = true;
      out.forcedE[k * n + i] = ce;
      out.forcedI[k * n + i] = ci;
      const phaseE = gi * (epoch - modes.epochTdbS) + (modes.beta[i] as number);
      const phaseI = fi * (epoch - modes.epochTdbS) + (modes.gamma[i] as number);
      zk -= ce * Math.cos(phaseE);
      zh -= ce * Math.sin(phaseE);
      zq -= ci * Math.cos(phaseI);
      zp -= ci * Math.sin(phaseI);
    }
    if (resonant) {
      out.flags[k] = SECULAR_RESONANT;
      out.forcedE.fill(0, k * n, (k + 1) * n);
      out.forcedI.fill(0, k * n, (k + 1) * n);
      continue;
    }
    if (nearCrossing) out.flags[k] = SECULAR_NEAR_CROSSING;
    out.freeA[k] = A;
    out.freeB[k] = B;
    out.freeK[k] = zk;
    out.freeH[k] = zh;
    out.freeQ[k] = zq;
    out.freeP[k] = zp;
  }
  return out;
}
