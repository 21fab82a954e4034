/**
 * The float64 propagator with the planets' secular perturbations (secularTracers.ts): random access in time like
 * cpu64.ts, the elements at tdbS written in closed form (free vector rotated by the free rate, plus the forced
 * modes), then the Kepler state of that osculating ellipse (sim/orbit/conic.ts). The mode phases g_i t + β_i are
 * shared by all tracers, so they are evaluated once per call; per tracer the extra cost is two rotations, the
 * mode sums and two atan2. Output frame ECLIPJ2000, m and m/s; time TDB s past J2000. Flagged tracers
 * (resonant, out of range) move on their two-body ellipse, as in cpu64. No allocation per tracer.
 */
import { InputError } from '../errors.ts';
import { writeEllipticState } from '../orbit/conic.ts';
import { reducedEccentricAnomaly } from '../orbit/kepler.ts';
import type { TracerTable } from '../propagate/tracerTable.ts';
import { SECULAR_OUT_OF_RANGE, SECULAR_RESONANT, type SecularTable } from './secularTracers.ts';

const KEEPS_TWO_BODY = SECULAR_RESONANT | SECULAR_OUT_OF_RANGE;

/** Osculating elements of tracer k at tdbS under the secular model, written into `out` (a, e, i, Ω, ω, M). */
export function secularElements(
  t: TracerTable,
  s: SecularTable,
  k: number,
  tdbS: number,
  out: Float64Array,
): void {
  const n = s.modeCount;
  const dtModes = tdbS - s.modesEpochTdbS;
  const dt = tdbS - (t.epochTdbS[k] as number);
  let zk: number;
  let zh: number;
  let zq: number;
  let zp: number;
  const node0 = t.ascendingNodeRad[k] as number;
  const varpi0 = node0 + (t.argPeriapsisRad[k] as number);
  if (((s.flags[k] as number) & KEEPS_TWO_BODY) !== 0) {
    out[0] = t.semiMajorAxisM[k] as number;
    out[1] = t.eccentricity[k] as number;
    out[2] = t.inclinationRad[k] as number;
    out[3] = node0;
    out[4] = t.argPeriapsisRad[k] as number;
    out[5] = (t.meanAnomalyAtEpochRad[k] as number) + (t.meanMotionRadS[k] as number) * dt;
    return;
  }
  const a = (s.freeA[k] as number) * dt;
  const b = (s.freeB[k] as number) * dt;
  const [ca, sa, cb, sb] = [Math.cos(a), Math.sin(a), Math.cos(b), Math.sin(b)];
  const fk = s.freeK[k] as number;
  const fh = s.freeH[k] as number;
  const fq = s.freeQ[k] as number;
  const fp = s.freeP[k] as number;
  zk = fk * ca - fh * sa;
  zh = fk * sa + fh * ca;
  zq = fq * cb - fp * sb;
  zp = fq * sb + fp * cb;
  for (let i = 0; i < n; i += 1) {
    const pe = (s.g[i] as number) * dtModes + (s.beta[i] as number);
    const pi = (s.f[i] as number) * dtModes + (s.gamma[i] as number);
    const ce = s.forcedE[k * n + i] as number;
    const ci = s.forcedI[k * n + i] as number;
    zk += ce * Math.cos(pe);
    zh += ce * Math.sin(pe);
    zq += ci * Math.cos(pi);
    zp += ci * Math.sin(pi);
  }
  writeSecular(t, k, dt, varpi0, zk, zh, zq, zp, out);
}

function writeSecular(
  t: TracerTable,
  k: number,
  dt: number,
  varpi0: number,
  zk: number,
  zh: number,
  zq: number,
  zp: number,
  out: Float64Array,
): void {
  const e = Math.hypot(zk, zh);
  const sinI = Math.min(1, Math.hypot(zq, zp));
  const varpi = Math.atan2(zh, zk);
  const node = Math.atan2(zp, zq);
  // The mean longitude λ = M + ϖ advances at n; M = λ - ϖ.
  const lambda = (t.meanAnomalyAtEpochRad[k] as number) + varpi0 + (t.meanMotionRadS[k] as number) * dt;
  out[0] = t.semiMajorAxisM[k] as number;
  out[1] = e;
  out[2] = Math.asin(sinI);
  out[3] = node;
  out[4] = varpi - node;
  out[5] = lambda - varpi;
}

/**
 * Positions (and velocities when `outVelocityMS` is given) of every tracer of `t` at tdbS under the secular
 * model, xyz interleaved (ECLIPJ2000, m and m/s), like propagateCpu64. `s` must be secularTable(t, ...) (or of a
 * table `t` is a prefix of: only its first t.count rows are read).
 */
export function propagateSecularCpu64(
  t: TracerTable,
  s: SecularTable,
  tdbS: number,
  outPositionM: Float64Array,
  outVelocityMS?: Float64Array,
): void {
  if (!Number.isFinite(tdbS))
    throw new InputError(`must be a finite number of TDB seconds, got ${tdbS}`, 'tdbS');
  if (!(outPositionM.length >= 3 * t.count)) {
    throw new InputError(`must hold ${3 * t.count} values, got ${outPositionM.length}`, 'outPositionM');
  }
  if (s.count < t.count) throw new InputError(`has ${s.count} rows, the table ${t.count}`, 'secular');
  const velocity = outVelocityMS ?? null;
  const n = s.modeCount;
  // The mode phases, shared by every tracer.
  const cosE = new Float64Array(n);
  const sinE = new Float64Array(n);
  const cosI = new Float64Array(n);
  const sinI = new Float64Array(n);
  const dtModes = tdbS - s.modesEpochTdbS;
  for (let i = 0; i < n; i += 1) {
    const pe = (s.g[i] as number) * dtModes + (s.beta[i] as number);
    const pi = (s.f[i] as number) * dtModes + (s.gamma[i] as number);
    cosE[i] = Math.cos(pe);
    sinE[i] = Math.sin(pe);
    cosI[i] = Math.cos(pi);
    sinI[i] = Math.sin(pi);
  }
  const el = new Float64Array(6);
  for (let k = 0; k < t.count; k += 1) {
    const dt = tdbS - (t.epochTdbS[k] as number);
    if (((s.flags[k] as number) & KEEPS_TWO_BODY) !== 0) {
      secularElements(t, s, k, tdbS, el);
    } else {
      const a = (s.freeA[k] as number) * dt;
      const b = (s.freeB[k] as number) * dt;
      const [ca, sa, cb, sb] = [Math.cos(a), Math.sin(a), Math.cos(b), Math.sin(b)];
      const fk = s.freeK[k] as number;
      const fh = s.freeH[k] as number;
      const fq = s.freeQ[k] as number;
      const fp = s.freeP[k] as number;
      let zk = fk * ca - fh * sa;
      let zh = fk * sa + fh * ca;
      let zq = fq * cb - fp * sb;
      let zp = fq * sb + fp * cb;
      const row = k * n;
      for (let i = 0; i < n; i += 1) {
        const ce = s.forcedE[row + i] as number;
        const ci = s.forcedI[row + i] as number;
        zk += ce * (cosE[i] as number);
        zh += ce * (sinE[i] as number);
        zq += ci * (cosI[i] as number);
        zp += ci * (sinI[i] as number);
      }
      const node0 = t.ascendingNodeRad[k] as number;
      writeSecular(t, k, dt, node0 + (t.argPeriapsisRad[k] as number), zk, zh, zq, zp, el);
    }
    const a = el[0] as number;
    const e = el[1] as number;
    const nMean = t.meanMotionRadS[k] as number;
    writeEllipticState(
      a,
      e,
      el[2] as number,
      el[3] as number,
      el[4] as number,
      reducedEccentricAnomaly(el[5] as number, e),
      nMean * a * a,
      outPositionM,
      velocity,
      3 * k,
    );
  }
}
