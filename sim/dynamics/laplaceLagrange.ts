/**
 * The planets' own secular solution, Laplace-Lagrange theory to first order in the masses and second order in
 * e and i (Murray & Dermott, "Solar System Dynamics", 1999, sec. 7.7-7.8, eq. 7.128-7.140):
 *   h_j = e_j sin ϖ_j = Σ_i e_ji sin(g_i t + β_i),   k_j = e_j cos ϖ_j = Σ_i e_ji cos(g_i t + β_i),
 *   p_j = sin I_j sin Ω_j = Σ_i I_ji sin(f_i t + γ_i), q_j = sin I_j cos Ω_j = Σ_i I_ji cos(f_i t + γ_i),
 * g_i, f_i the eigenvalues of the matrices A and B (eq. 7.128-7.131),
 *   A_jj =  n_j/4 Σ_k≠j m_k/(M + m_j) α_jk ᾱ_jk b_3/2^(1)(α_jk),  A_jk = -n_j/4 m_k/(M + m_j) α_jk ᾱ_jk b_3/2^(2)(α_jk),
 *   B_jj = -A_jj's sum with b^(1),                                 B_jk = +n_j/4 m_k/(M + m_j) α_jk ᾱ_jk b_3/2^(1)(α_jk),
 * α_jk = min(a_j, a_k) / max(a_j, a_k), ᾱ_jk = α_jk if a_j < a_k (the perturber outside) else 1.
 * The amplitudes and phases come from the planets' osculating elements at J2000 from astronomy-engine (planets.ts),
 * in ECLIPJ2000 (the reference plane of p, q). A and B are similar to symmetric matrices through the weights
 * Λ_j = m_j sqrt(a_j) (to O(m/M)), so they are diagonalised with Jacobi rotations after that scaling.
 *
 * What the theory leaves out: the mean-motion near-resonances (Jupiter-Saturn's 5:2 "great inequality" raises g6
 * from 22 to 28 arcsec/yr in Brouwer & van Woerkom 1950's second-order theory), terms of higher order in e, i
 * and in the masses, and general relativity (0.43 arcsec/yr on Mercury's perihelion).
 */
import { GM_SUN_M3_S2 } from '../constants.ts';
import { jacobiEigen } from '../numeric/jacobiEigen.ts';
import { laplaceCoefficient } from '../numeric/laplaceCoefficient.ts';
import { stateToKepler } from '../orbit/state.ts';
import { PERTURBERS, perturberState, type Perturber } from './planets.ts';

export interface SecularModes {
  /** The perturbers, in order; the matrices' row j is perturbers[j]. */
  readonly perturbers: readonly Perturber[];
  /** Semi-major axes at the epoch, m. */
  readonly semiMajorAxisM: Float64Array;
  /** Mean motions sqrt(G (M + m_j) / a_j^3), rad/s. */
  readonly meanMotionRadS: Float64Array;
  /** Eccentricity-vector eigenfrequencies g_i, rad/s, increasing. */
  readonly g: Float64Array;
  /** Amplitudes e_ji, n x n row-major (planet j, mode i), and phases β_i at the epoch, rad. */
  readonly eAmplitude: Float64Array;
  readonly beta: Float64Array;
  /** Inclination-vector eigenfrequencies f_i, rad/s, increasing (one is 0: the invariable plane). */
  readonly f: Float64Array;
  readonly iAmplitude: Float64Array;
  readonly gamma: Float64Array;
  /** The epoch of the phases, TDB s past J2000. */
  readonly epochTdbS: number;
}

/**
 * ᾱ α b_3/2^(j)(α) for a body at a perturbed by one at aPerturber (m), as it enters A and B: α = smaller/larger,
 * and ᾱ = α when the perturber is outside, 1 when it is inside.
 */
export function alphaFactor(aM: number, aPerturberM: number, j: 1 | 2): number {
  const inside = aM < aPerturberM;
  const alpha = inside ? aM / aPerturberM : aPerturberM / aM;
  return (inside ? alpha * alpha : alpha) * laplaceCoefficient(1.5, j, alpha);
}

/** The secular matrices A and B (rad/s, n x n row-major) for masses gm (m^3/s^2) at semi-major axes a (m). */
export function secularMatrices(
  gmM3S2: ArrayLike<number>,
  aM: ArrayLike<number>,
): { readonly a: Float64Array; readonly b: Float64Array; readonly n: Float64Array } {
  const count = aM.length;
  const A = new Float64Array(count * count);
  const B = new Float64Array(count * count);
  const n = new Float64Array(count);
  for (let j = 0; j < count; j += 1) {
    const aj = aM[j] as number;
    const gmj = gmM3S2[j] as number;
    n[j] = Math.sqrt((GM_SUN_M3_S2 + gmj) / aj ** 3);
    for (let k = 0; k < count; k += 1) {
      if (k === j) continue;
      const c = ((n[j] as number) / 4) * ((gmM3S2[k] as number) / (GM_SUN_M3_S2 + gmj));
      const f1 = c * alphaFactor(aj, aM[k] as number, 1);
      A[j * count + j] = (A[j * count + j] as number) + f1;
      B[j * count + j] = (B[j * count + j] as number) - f1;
      A[j * count + k] = -c * alphaFactor(aj, aM[k] as number, 2);
      B[j * count + k] = f1;
    }
  }
  return { a: A, b: B, n };
}

/** Eigenvalues and eigenvectors (columns) of a secular matrix M with weights Λ (M_jk Λ_j ≈ M_kj Λ_k). */
function diagonalise(
  m: Float64Array,
  weights: Float64Array,
): { values: Float64Array; vectors: Float64Array } {
  const count = weights.length;
  const root = weights.map(Math.sqrt);
  const symmetric = new Float64Array(count * count);
  for (let j = 0; j < count; j += 1) {
    for (let k = 0; k < count; k += 1) {
      symmetric[j * count + k] = ((root[j] as number) / (root[k] as number)) * (m[j * count + k] as number);
    }
  }
  const { values, vectors } = jacobiEigen(symmetric, count);
  // Eigenvectors of M are D^-1 V (D = diag(sqrt Λ)).
  const out = new Float64Array(count * count);
  for (let j = 0; j < count; j += 1) {
    for (let i = 0; i < count; i += 1)
      out[j * count + i] = (vectors[j * count + i] as number) / (root[j] as number);
  }
  return { values, vectors: out };
}

/**
 * Amplitudes of the modes from the initial vector values (x_j = Σ_i S_ji c_i s_i, y_j = Σ_i S_ji c_i c_i',
 * M&D eq. 7.139-7.140): solve S u = x and S w = y, then the amplitude of mode i is |(w_i, u_i)| and its phase
 * atan2(u_i, w_i); e_ji = S_ji × amplitude_i.
 */
function modeAmplitudes(
  vectors: Float64Array,
  weights: Float64Array,
  sinPart: Float64Array,
  cosPart: Float64Array,
): { amplitude: Float64Array; phase: Float64Array } {
  const count = weights.length;
  // S = D^-1 V with V orthogonal, so S^-1 = V^T D = S^T diag(Λ) (column i of S normalised by Σ Λ S^2 = 1).
  const u = new Float64Array(count);
  const w = new Float64Array(count);
  for (let i = 0; i < count; i += 1) {
    for (let j = 0; j < count; j += 1) {
      const sw = (vectors[j * count + i] as number) * (weights[j] as number);
      u[i] = (u[i] as number) + sw * (sinPart[j] as number);
      w[i] = (w[i] as number) + sw * (cosPart[j] as number);
    }
  }
  const amplitude = new Float64Array(count * count);
  const phase = new Float64Array(count);
  for (let i = 0; i < count; i += 1) {
    const c = Math.hypot(u[i] as number, w[i] as number);
    phase[i] = Math.atan2(u[i] as number, w[i] as number);
    for (let j = 0; j < count; j += 1) amplitude[j * count + i] = (vectors[j * count + i] as number) * c;
  }
  return { amplitude, phase };
}

/**
 * The planets' secular solution from their osculating elements at epochTdbS (default J2000; TDB s past J2000).
 * Pure function of its input (astronomy-engine is deterministic).
 */
export function planetarySecularModes(
  epochTdbS = 0,
  perturbers: readonly Perturber[] = PERTURBERS,
): SecularModes {
  const count = perturbers.length;
  const a = new Float64Array(count);
  const gm = new Float64Array(count);
  const h = new Float64Array(count);
  const k = new Float64Array(count);
  const p = new Float64Array(count);
  const q = new Float64Array(count);
  perturbers.forEach((body, j) => {
    const el = stateToKepler(perturberState(body, epochTdbS), GM_SUN_M3_S2 + body.gmM3S2);
    a[j] = el.semiMajorAxisM;
    gm[j] = body.gmM3S2;
    const varpi = el.ascendingNodeRad + el.argPeriapsisRad;
    h[j] = el.eccentricity * Math.sin(varpi);
    k[j] = el.eccentricity * Math.cos(varpi);
    p[j] = Math.sin(el.inclinationRad) * Math.sin(el.ascendingNodeRad);
    q[j] = Math.sin(el.inclinationRad) * Math.cos(el.ascendingNodeRad);
  });
  const matrices = secularMatrices(gm, a);
  const weights = gm.map((m, j) => m * Math.sqrt(a[j] as number));
  const eigenA = diagonalise(matrices.a, weights);
  const eigenB = diagonalise(matrices.b, weights);
  const modesE = modeAmplitudes(eigenA.vectors, weights, h, k);
  const modesI = modeAmplitudes(eigenB.vectors, weights, p, q);
  return {
    perturbers,
    semiMajorAxisM: a,
    meanMotionRadS: matrices.n,
    g: eigenA.values,
    eAmplitude: modesE.amplitude,
    beta: modesE.phase,
    f: eigenB.values,
    iAmplitude: modesI.amplitude,
    gamma: modesI.phase,
    epochTdbS,
  };
}
