/**
 * The radiating near field and far field of a focused circular aperture, by the scalar Fresnel integral.
 *
 * A transmitter of radius a, focused on a receiver plane at distance D (a retrodirective phased array, as in
 * the SPS reference system, or a focused laser beam director), puts at radius r in that plane the field
 *
 *   U(r) = (k / D) integral_0^a A(rho) J0(k rho r / D) rho d rho          (Goubau & Schwering 1961; Siegman ch. 18)
 *
 * because focusing cancels the quadratic phase over the aperture, and the phase left over the receiver plane
 * does not change |U|^2. With s = rho/a and u = k a r / D this is the Hankel transform
 * I(u) = integral_0^1 A(s) J0(u s) s ds. The fraction of the radiated power inside radius r is
 *
 *   Phi(u) = integral_0^u |I(u')|^2 u' du' / integral_0^1 A(s)^2 s ds,
 *
 * which tends to 1 (Parseval for the Hankel transform) and, for a receiver of radius b, depends only on
 * u_b = k a b / D = 2 tau, Goubau's parameter tau = sqrt(At Ar) / (lambda D). So the same integral covers the
 * far field (tau << 1, where Phi -> tau^2 x aperture efficiency: Friis) and the radiating near field. The
 * model needs the paraxial condition (a + b) << D, which the link budget enforces.
 *
 * Numerics: I(u) by Gauss-Legendre in s; Phi by Simpson's rule on a grid of step 0.05 in u (I oscillates with
 * period ~pi in u, whatever tau is); cubic Hermite interpolation of Phi between grid points (Phi' is known).
 * Past U_GRID_MAX the grid stops and the tail of Phi is continued with its 1/u asymptote (edge diffraction:
 * I(u) ~ A(1) J1(u) / u, so 1 - Phi(u) ~ A(1)^2 / (pi u M2)).
 */
import { besselJ0, besselJ1 } from '../numeric/bessel.ts';
import { gaussLegendre01, type QuadratureRule } from '../numeric/gaussLegendre.ts';
import { hermite } from '../numeric/hermite.ts';
import type { ApertureTaper } from './taper.ts';

/** Grid step in u = k a r / D. */
export const PROFILE_STEP_U = 0.05;
/** Largest u the grid covers; beyond it Phi follows its 1/u edge-diffraction asymptote. */
export const U_GRID_MAX = 200;

/** Gauss-Legendre order that integrates A(s) J0(u s) s accurately for u up to uMax. */
export function ruleOrderFor(uMax: number): number {
  return Math.min(400, Math.max(32, Math.ceil(uMax / 2) + 24));
}

/** The Hankel transform I(u) = integral_0^1 A(s) J0(u s) s ds, with A sampled at the rule's nodes. */
export function hankelAt(u: number, rule: QuadratureRule, amplitudeAtNodes: Float64Array): number {
  const { nodes, weights } = rule;
  let sum = 0;
  for (let j = 0; j < nodes.length; j++) {
    const s = nodes[j] as number;
    sum += (weights[j] as number) * (amplitudeAtNodes[j] as number) * besselJ0(u * s) * s;
  }
  return sum;
}

/** Normalised far-field and Fresnel-region pattern of a focused circular aperture, sampled in u. */
export interface BeamProfile {
  readonly taper: ApertureTaper;
  /** Grid step in u. */
  readonly stepU: number;
  /** Number of grid points; the grid is u_j = j * stepU, j = 0 .. count - 1. */
  readonly count: number;
  /**
   * Normalised intensity i(u) = |I(u)|^2 / M2 at the grid points. The physical power density at radius r is
   * P k^2 a^2 / (2 pi D^2) * i(u) W/m^2 (see densityScaleWm2), and integral_0^inf i(u) u du = 1.
   */
  readonly intensity: Float64Array;
  /** Encircled power fraction Phi(u_j). */
  readonly encircled: Float64Array;
  readonly rule: QuadratureRule;
  readonly amplitudeAtNodes: Float64Array;
}

/** Cumulative integral of g(u) * u over the grid by Simpson's rule (and a 3-point rule on odd points). */
export function cumulativeIntegral(values: Float64Array, stepU: number): Float64Array {
  const count = values.length;
  const out = new Float64Array(count);
  const f = (j: number): number => (values[j] as number) * j * stepU;
  for (let j = 0; j + 1 < count; j += 2) {
    const f0 = f(j);
    const f1 = f(j + 1);
    if (j + 2 < count) {
      const f2 = f(j + 2);
      out[j + 1] = (out[j] as number) + (stepU / 12) * (5 * f0 + 8 * f1 - f2);
      out[j + 2] = (out[j] as number) + (stepU / 3) * (f0 + 4 * f1 + f2);
    } else {
      out[j + 1] = (out[j] as number) + (stepU / 2) * (f0 + f1);
    }
  }
  return out;
}

/** Build the profile out to at least uMax (capped at U_GRID_MAX). */
export function buildBeamProfile(taper: ApertureTaper, uMax: number): BeamProfile {
  const covered = Math.min(U_GRID_MAX, Math.max(uMax, 4 * PROFILE_STEP_U));
  const count = Math.ceil(covered / PROFILE_STEP_U) + 2;
  const rule = gaussLegendre01(ruleOrderFor(count * PROFILE_STEP_U));
  const amplitudeAtNodes = rule.nodes.map((s) => taper.amplitude(s));
  const intensity = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    const value = hankelAt(j * PROFILE_STEP_U, rule, amplitudeAtNodes);
    intensity[j] = (value * value) / taper.powerMoment;
  }
  return {
    taper,
    stepU: PROFILE_STEP_U,
    count,
    intensity,
    encircled: cumulativeIntegral(intensity, PROFILE_STEP_U),
    rule,
    amplitudeAtNodes,
  };
}

/**
 * Value at u of the cumulative integral C (C' = g(u) u), by cubic Hermite interpolation on the grid; past the
 * grid, C approaches its limit `total` as 1/u (edge-diffraction tail), matched at the last grid point.
 */
export function interpolateCumulative(
  cumulative: Float64Array,
  values: Float64Array,
  stepU: number,
  u: number,
  total: number,
): number {
  if (u <= 0) return 0;
  const last = cumulative.length - 1;
  const uLast = last * stepU;
  if (u >= uLast) {
    const atLast = cumulative[last] as number;
    return total - ((total - atLast) * uLast) / u;
  }
  const j = Math.floor(u / stepU);
  const t = u / stepU - j;
  const c0 = cumulative[j] as number;
  const c1 = cumulative[j + 1] as number;
  const d0 = (values[j] as number) * j * stepU * stepU;
  const d1 = (values[j + 1] as number) * (j + 1) * stepU * stepU;
  // Slopes already scaled by the step: width 1 in hermite (bit for bit the same basis).
  return hermite(c0, d0, c1, d1, 1, t);
}

/** Below this u, Phi is integrated directly: interpolation would lose relative accuracy where Phi ~ u^2. */
const DIRECT_BELOW_U = 4 * PROFILE_STEP_U;
const SMALL_U_RULE = gaussLegendre01(12);

/**
 * Encircled power fraction Phi(u) of the profile, 0 <= Phi < 1. Near the axis (u < 0.2) it is integrated
 * directly with 12-point Gauss-Legendre, so that far-field links (tau << 1) keep full relative accuracy and
 * reduce to Friis.
 */
export function encircledFraction(profile: BeamProfile, u: number): number {
  if (u <= 0) return 0;
  if (u < DIRECT_BELOW_U) {
    const { nodes, weights } = SMALL_U_RULE;
    let sum = 0;
    for (let k = 0; k < nodes.length; k++) {
      const x = (nodes[k] as number) * u;
      const value = hankelAt(x, profile.rule, profile.amplitudeAtNodes);
      sum += (weights[k] as number) * value * value * x;
    }
    return (sum * u) / profile.taper.powerMoment;
  }
  return interpolateCumulative(profile.encircled, profile.intensity, profile.stepU, u, 1);
}

/**
 * Normalised intensity i(u) = |I(u)|^2 / M2 evaluated directly (any u, not only grid points). Beyond the grid
 * it uses the edge-diffraction asymptote I(u) ~ A(1) J1(u) / u (relative error O(1/u), under 1 % there).
 */
export function intensityAt(profile: BeamProfile, u: number): number {
  if (u <= U_GRID_MAX && ruleOrderFor(u) <= profile.rule.nodes.length) {
    const value = hankelAt(u, profile.rule, profile.amplitudeAtNodes);
    return (value * value) / profile.taper.powerMoment;
  }
  if (u > U_GRID_MAX) {
    const edge = (profile.taper.edgeAmplitude * besselJ1(u)) / u;
    return (edge * edge) / profile.taper.powerMoment;
  }
  const rule = gaussLegendre01(ruleOrderFor(u));
  const amplitude = rule.nodes.map((s) => profile.taper.amplitude(s));
  const value = hankelAt(u, rule, amplitude);
  return (value * value) / profile.taper.powerMoment;
}

/** The scale from normalised intensity i(u) to W/m^2 normal to the beam: P k^2 a^2 / (2 pi D^2). */
export function densityScaleWm2(
  radiatedPowerW: number,
  txRadiusM: number,
  wavelengthM: number,
  distanceM: number,
): number {
  const k = (2 * Math.PI) / wavelengthM;
  return (radiatedPowerW * k * k * txRadiusM * txRadiusM) / (2 * Math.PI * distanceM * distanceM);
}
