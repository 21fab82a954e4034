/**
 * Flat-cost SDP4 for resonant deep-space orbits (geostationary and 12-hour), by caching the resonance
 * integrator's state.
 *
 * Why: for a resonant orbit SDP4 integrates the resonance terms numerically (Euler-Maclaurin, 720-min steps;
 * dspace in Vallado's sgp4.cpp). Vallado's C++ keeps the integrator state (atime, xli, xni) in the satrec
 * between calls, so sequential calls are cheap. satellite.js's JavaScript port passes them into dspace but
 * never writes them back, so every call restarts at the epoch: a geostationary satellite costs ~7 us a call
 * at the epoch and ~0.5 ms ten years later (measured here, November 2026; bench/sgp4.bench.ts).
 *
 * What: copies of the satrec whose (atime, xli, xni) are the integrator's state at nodes t_k = k * span
 * (span a multiple of the 720-min step), built once by chaining. satellite.js's dspace resumes from atime
 * when |t| >= |atime| with the same sign, so a call at t uses the node at or before t and integrates at most
 * span / 720 min steps. The result is the same SGP4 trajectory, not an approximation of it: the node state is
 * recovered exactly from sgp4's own mean elements at t_k (where the integrator's fractional step ft is 0):
 *   xni = nm * tempa^3                      (sgp4: am = (xke/xni)^(2/3) tempa^2, nm = xke / am^1.5)
 *   xli = mm - no*templ + Om + om - theta   (irez = 1, synchronous: mm = xli - nodem - argpm + theta)
 *   xli = mm - no*templ + 2 Om - 2 theta    (irez = 2, half-day: mm = xli - 2 nodem + 2 theta)
 * with theta = gsto + t * rptim (Vallado's dspace), modulo 2 pi (xli enters only through sines and
 * through mm, which sgp4 reduces modulo 2 pi). tests/earth/sdp4Cache.test.ts checks cached against direct
 * propagation to 1 mm over ten years; each node is also checked as it is built.
 */
import { sgp4, type SatRec } from 'satellite.js';

/** Vallado's dspace integration step, min. */
export const DSPACE_STEP_MIN = 720;
/** Earth rotation rate used by dspace, rad/min (rptim in Vallado's dspace). */
const RPTIM_RAD_PER_MIN = 0.0043752690880113; // Vallado's 4.37526908801129966e-3, as a double
/** Default node spacing: 10 integrator steps (5 days), so a call integrates at most 10 steps. */
export const DEFAULT_NODE_STEPS = 10;
/** Largest position difference, km, between a node's first step and the previous node's, before we refuse it (1 cm; observed < 1 mm). */
const NODE_CHECK_KM = 1e-5;

const TWO_PI = 2 * Math.PI;

/** Integrator nodes for one satrec: `forward[k-1]` at +k span, `backward[k-1]` at -k span (minutes since epoch). */
export interface Sdp4Cache {
  readonly base: SatRec;
  readonly spanMin: number;
  readonly forward: readonly SatRec[];
  readonly backward: readonly SatRec[];
}

/** True when SDP4's cost grows with the time from epoch: deep space ('d') with a resonance (irez 1 or 2). */
export function hasResonanceIntegrator(satrec: SatRec): boolean {
  return satrec.method === 'd' && satrec.irez !== 0;
}

function temPolynomial(satrec: SatRec, t: number): number {
  // sgp4's templ: t2cof t^2, plus higher terms unless the simplified (isimp) drag model is used.
  const t2 = t * t;
  let templ = satrec.t2cof * t2;
  if (satrec.isimp !== 1) templ += satrec.t3cof * t2 * t + t2 * t2 * (satrec.t4cof + t * satrec.t5cof);
  return templ;
}

/** The node satrec at `tNodeMin` (a multiple of 720 min), from a satrec that reaches it. Null if sgp4 fails. */
function nodeAt(from: SatRec, tNodeMin: number): SatRec | null {
  const pv = sgp4(from, tNodeMin);
  if (pv === null) return null;
  const m = pv.meanElements;
  const tempa = from.tempa;
  const theta = (from.gsto + tNodeMin * RPTIM_RAD_PER_MIN) % TWO_PI;
  const mmDspace = m.mm - from.no * temPolynomial(from, tNodeMin);
  const xli = from.irez === 1 ? mmDspace + m.Om + m.om - theta : mmDspace + 2 * m.Om - 2 * theta;
  const xni = m.nm * tempa * tempa * tempa;
  return { ...from, atime: tNodeMin, xli: ((xli % TWO_PI) + TWO_PI) % TWO_PI, xni };
}

function samePosition(a: SatRec, b: SatRec, tMin: number): boolean {
  const pa = sgp4(a, tMin);
  const pb = sgp4(b, tMin);
  if (pa === null || pb === null) return pa === pb;
  const dx = pa.position.x - pb.position.x;
  const dy = pa.position.y - pb.position.y;
  const dz = pa.position.z - pb.position.z;
  return Math.hypot(dx, dy, dz) <= NODE_CHECK_KM;
}

function chain(base: SatRec, spanMin: number, count: number, sign: 1 | -1): SatRec[] {
  const nodes: SatRec[] = [];
  let previous = base;
  for (let k = 1; k <= count; k += 1) {
    const t = sign * k * spanMin;
    const node = nodeAt(previous, t);
    // A node that does not reproduce the previous one's trajectory is dropped (callers fall back to a longer
    // integration from an earlier node): the cache may cost time, never accuracy.
    if (node === null || !samePosition(node, previous, t + sign * 0.5 * DSPACE_STEP_MIN)) break;
    nodes.push(node);
    previous = node;
  }
  return nodes;
}

/**
 * Build the nodes that cover [fromMin, toMin] minutes since the element epoch. `nodeSteps` integrator steps
 * between nodes. Cost: one integration over the span, once. Satrecs without a resonance integrator get no nodes.
 */
export function buildSdp4Cache(
  satrec: SatRec,
  fromMin: number,
  toMin: number,
  nodeSteps = DEFAULT_NODE_STEPS,
): Sdp4Cache {
  const spanMin = nodeSteps * DSPACE_STEP_MIN;
  if (!hasResonanceIntegrator(satrec)) return { base: satrec, spanMin, forward: [], backward: [] };
  const forwardCount = toMin > 0 ? Math.floor(toMin / spanMin) : 0;
  const backwardCount = fromMin < 0 ? Math.floor(-fromMin / spanMin) : 0;
  return {
    base: satrec,
    spanMin,
    forward: chain(satrec, spanMin, forwardCount, 1),
    backward: chain(satrec, spanMin, backwardCount, -1),
  };
}

/** The satrec to call sgp4 with at `tsinceMin`: the latest node at or before it (towards the epoch). */
export function cachedSatrec(cache: Sdp4Cache, tsinceMin: number): SatRec {
  const nodes = tsinceMin >= 0 ? cache.forward : cache.backward;
  const k = Math.min(Math.floor(Math.abs(tsinceMin) / cache.spanMin), nodes.length);
  return k === 0 ? cache.base : (nodes[k - 1] as SatRec);
}
