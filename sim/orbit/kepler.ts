/**
 * Kepler's equation for the ellipse, M = E - e sin E (mean anomaly M, eccentric anomaly E, radians), and the
 * eccentric -> true anomaly map.
 *
 * Method: reduce M to [-π, π] (2π split in three parts, angles.ts), use the odd symmetry E(-M) = -E(M), start from
 * Markley's cubic starter with his fifth-order (Householder) correction (F. L. Markley, "Kepler equation solver",
 * Celest. Mech. Dyn. Astron. 63, 101-111, 1995), then polish with Newton steps kept inside the bracket
 * M <= E <= min(M + e, π) (bisection when a step leaves it); in practice one step, which only confirms. The
 * residual is evaluated as (1 - e) E + e (E - sin E) - M with E - sin E from its series for |E| < 1, so that
 * e -> 1 near periapsis keeps full relative accuracy instead of cancelling (the precaution Markley recommends).
 */
import { InputError } from '../errors.ts';
import { addRevolutions, revolutionIndex, subtractRevolutions } from './angles.ts';

const PI = Math.PI;
const PI_SQUARED = PI * PI;
/** 2^-50: Newton stops once a step is below a few ulp of E. */
const STEP_TOLERANCE = 2 ** -50;
const MAX_POLISH_STEPS = 8;

/**
 * Eccentric anomaly E, rad, for mean anomaly M (rad, any finite value) and eccentricity e in [0, 1).
 * E - M lies in [-e, e], so E stays on the same 2π branch as M and is continuous in M.
 * Throws InputError for non-finite M or e outside [0, 1).
 */
export function solveKepler(meanAnomalyRad: number, eccentricity: number): number {
  if (!Number.isFinite(meanAnomalyRad)) {
    throw new InputError(`must be a finite number, got ${meanAnomalyRad}`, 'meanAnomalyRad');
  }
  checkEccentricity(eccentricity);
  return eccentricAnomaly(meanAnomalyRad, eccentricity);
}

/**
 * solveKepler without input checks, for loops over tables that were validated once (validateTracerTable).
 * Garbage in (NaN, e >= 1) gives NaN or garbage out. No allocation.
 */
export function eccentricAnomaly(meanAnomalyRad: number, e: number): number {
  // |M| <= π directly (so that M = ±π stay on their own branch and E(-M) = -E(M) holds exactly there).
  if (Math.abs(meanAnomalyRad) <= PI) return solveReduced(meanAnomalyRad, e);
  const k = revolutionIndex(meanAnomalyRad);
  return addRevolutions(solveReduced(subtractRevolutions(meanAnomalyRad, k), e), k);
}

/**
 * Eccentric anomaly reduced to [-π, π], rad: E - 2πk for the k that brings M into [-π, π]. Positions and velocities
 * depend on E only modulo 2π, and taking sin/cos of the small reduced angle avoids carrying the ulp of a large E
 * (3.6e-12 rad at 28 000 rad, i.e. 4500 revolutions) into the state. Unchecked, like eccentricAnomaly.
 */
export function reducedEccentricAnomaly(meanAnomalyRad: number, e: number): number {
  if (Math.abs(meanAnomalyRad) <= PI) return solveReduced(meanAnomalyRad, e);
  return solveReduced(subtractRevolutions(meanAnomalyRad, revolutionIndex(meanAnomalyRad)), e);
}

/**
 * True anomaly ν, rad, from eccentric anomaly E (rad) and e in [0, 1). Uses
 * ν = E + 2 atan(β sin E / (1 - β cos E)), β = e / (1 + sqrt(1 - e^2)) (Broucke & Cefola 1973), so ν - E is in
 * (-π, π) and ν is continuous in E on every branch (no atan2 wrap).
 */
export function trueFromEccentric(E: number, e: number): number {
  if (!Number.isFinite(E)) throw new InputError(`must be a finite number, got ${E}`, 'eccentricAnomalyRad');
  checkEccentricity(e);
  const beta = e / (1 + Math.sqrt((1 - e) * (1 + e)));
  return E + 2 * Math.atan((beta * Math.sin(E)) / (1 - beta * Math.cos(E)));
}

/** Eccentric anomaly E, rad, from true anomaly ν (rad), e in [0, 1); inverse of trueFromEccentric on the same branch. */
export function eccentricFromTrue(trueAnomalyRad: number, e: number): number {
  if (!Number.isFinite(trueAnomalyRad)) {
    throw new InputError(`must be a finite number, got ${trueAnomalyRad}`, 'trueAnomalyRad');
  }
  checkEccentricity(e);
  const beta = e / (1 + Math.sqrt((1 - e) * (1 + e)));
  return (
    trueAnomalyRad - 2 * Math.atan((beta * Math.sin(trueAnomalyRad)) / (1 + beta * Math.cos(trueAnomalyRad)))
  );
}

/** Mean anomaly M = E - e sin E, rad, evaluated without cancellation near E = 0 for e near 1. */
export function meanFromEccentric(E: number, e: number): number {
  return (1 - e) * E + e * eMinusSinE(E, Math.sin(E));
}

function checkEccentricity(e: number): void {
  if (!(Number.isFinite(e) && e >= 0 && e < 1)) {
    throw new InputError(`must be in [0, 1), got ${e} (unbound orbits are not supported)`, 'eccentricity');
  }
}

/** Kepler's equation for M in [-π, π]. */
function solveReduced(M: number, e: number): number {
  if (M < 0) return -solvePositive(-M, e);
  return solvePositive(M, e);
}

/** Kepler's equation for M in [0, π] (up to a rounding excess); the root is in [M, min(M + e, π)]. */
function solvePositive(M: number, e: number): number {
  if (M === 0 || e === 0) return M;
  const m = M > PI ? PI : M;

  // Markley 1995: the real root of a cubic (sin E replaced by a Padé-like approximant) as the starter.
  const alpha = (3 * PI_SQUARED + (1.6 * PI * (PI - m)) / (1 + e)) / (PI_SQUARED - 6);
  const d = 3 * (1 - e) + alpha * e;
  const q = 2 * alpha * d * (1 - e) - m * m;
  const r = 3 * alpha * d * (d - 1 + e) * m + m * m * m;
  const cubeRoot = Math.cbrt(Math.abs(r) + Math.sqrt(Math.max(0, q * q * q + r * r)));
  const w = cubeRoot * cubeRoot;
  let E = ((2 * r * w) / (w * w + w * q + q * q) + m) / d;

  // Markley 1995: one fifth-order (Householder) correction, with f'''' = -e sin E = -f2.
  {
    const s = Math.sin(E);
    const c = Math.cos(E);
    const f0 = residual(E, e, m, s);
    const f1 = 1 - e + e * oneMinusCos(s, c);
    const f2 = e * s;
    const f3 = e * c;
    const d3 = -f0 / (f1 - (0.5 * f0 * f2) / f1);
    const d4 = -f0 / (f1 + 0.5 * d3 * f2 + (d3 * d3 * f3) / 6);
    const d5 = -f0 / (f1 + 0.5 * d4 * f2 + (d4 * d4 * f3) / 6 - (d4 * d4 * d4 * f2) / 24);
    E += d5;
  }

  // Safeguarded Newton polish: f is increasing in E, f(M) <= 0 <= f(min(M + e, π)).
  let lo = m;
  let hi = m + e < PI ? m + e : PI;
  if (!(E >= lo && E <= hi)) E = 0.5 * (lo + hi);
  for (let iter = 0; iter < MAX_POLISH_STEPS; iter += 1) {
    const s = Math.sin(E);
    const f = residual(E, e, m, s);
    if (f === 0) break;
    if (f > 0) hi = E;
    else lo = E;
    const fPrime = 1 - e + e * oneMinusCos(s, Math.cos(E));
    let next = E - f / fPrime;
    if (!(next >= lo && next <= hi)) next = 0.5 * (lo + hi);
    const step = Math.abs(next - E);
    E = next;
    if (step <= STEP_TOLERANCE * E) break;
  }
  return E;
}

/** f(E) = E - e sin E - M as (1 - e) E + e (E - sin E) - M, given s = sin E. */
function residual(E: number, e: number, M: number, s: number): number {
  return (1 - e) * E + e * eMinusSinE(E, s) - M;
}

/**
 * E - sin E without cancellation: for |E| < 1 the Taylor series E^3/3! - E^5/5! + ... to E^21/21! (truncation
 * below 1e-19 relative), otherwise the direct difference (which then loses at most a few bits).
 */
function eMinusSinE(E: number, s: number): number {
  if (!(Math.abs(E) < 1)) return E - s;
  const x2 = E * E;
  let series = 1 - x2 / 420;
  series = 1 - (x2 / 342) * series;
  series = 1 - (x2 / 272) * series;
  series = 1 - (x2 / 210) * series;
  series = 1 - (x2 / 156) * series;
  series = 1 - (x2 / 110) * series;
  series = 1 - (x2 / 72) * series;
  series = 1 - (x2 / 42) * series;
  series = 1 - (x2 / 20) * series;
  return ((E * x2) / 6) * series;
}

/** 1 - cos E given s = sin E and c = cos E, as s^2 / (1 + c) where cos E > 0 to avoid cancellation near 0. */
function oneMinusCos(s: number, c: number): number {
  return c > 0 ? (s * s) / (1 + c) : 1 - c;
}
