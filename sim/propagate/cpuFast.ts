/**
 * The fast float64 CPU propagator: the same two-body Kepler motion as cpu64.ts (the reference), reorganised for
 * speed. Frame ECLIPJ2000, heliocentric, metres; time TDB seconds past J2000.
 *
 * What makes it fast (about 4-5x the naive loop on one core, see bench/RESULTS.md):
 * - The orientation is prepared once per table: A = a P and B = a sqrt(1 - e^2) Q (P, Q the perifocal unit
 *   vectors), so a position is A (cos E - e) + B sin E, with no trigonometry of the angles per call.
 * - Kepler's equation is solved without a loop: Markley's cubic starter (Markley 1995, Celest. Mech. 63, 101,
 *   eqs. 15-19, error < 4e-4 rad for all e < 1) with its cube root taken by the fdlibm/FreeBSD s_cbrt.c
 *   bit-level guess and polynomial (about 23 bits, which is all the starter needs), then ONE fourth-order
 *   Householder step (Markley eq. 20 truncated after the third-derivative term), which takes an error of
 *   4e-4 to below 1e-15.
 * - sin and cos are evaluated once per tracer, at the starter, from a 257-entry table of sin/cos at multiples of
 *   π/256 (filled with Math.sin/Math.cos) and short Taylor series of the offset (|δ| <= π/512); after the
 *   Householder step, sin/cos of the corrected anomaly follow from the angle-addition formulas with series in the
 *   (tiny) correction. No Math.sin, Math.cos, Math.cbrt or Math.round in the loop: V8 calls those out of line,
 *   which spills every live register in a long dependency chain.
 * - No data-dependent branch in the inner loop (signs come from comparisons turned into numbers), rounding to an
 *   integer by the 1.5 * 2^52 trick, and the work is done in short blocks of passes so that the out-of-order core
 *   overlaps independent tracers instead of waiting on one long chain.
 * - No allocation per call; everything is preallocated in createCpuKernel.
 *
 * Precision (tests/backends/cpu.test.ts): within CPU_POSITION_BOUND of cpu64, relative to the semi-major axis.
 *
 * Threads: createCpuKernel is self-contained (it refers to nothing outside its own body), so worker glue
 * (src/node/cpuPool.ts, src/workers/cpuPool.ts) evaluates its source text in each worker. Every thread then
 * runs the same code on the same inputs, and the bytes agree with one thread exactly. The reduction is summed per
 * fixed chunk of REDUCE_CHUNK tracers and the chunks are added in order on the caller's thread, so its result does
 * not depend on how the chunks were shared between threads either.
 */
import { AU_M } from '../constants.ts';
import { InputError } from '../errors.ts';
import type { TracerTable } from './tracerTable.ts';

/** Float64 values per tracer in PreparedOrbits.orbits. */
export const PREPARED_STRIDE = 9;
/** Float64 values per tracer in PreparedOrbits.reduction (weight, station time - reference time). */
export const REDUCTION_STRIDE = 2;
/** Tracers per chunk of the reduction; chunk sums are combined in order, whatever the number of threads. */
export const REDUCE_CHUNK = 4096;
/** Float64 values written per chunk by CpuKernel.reduce. */
export const CHUNK_SUMS = 4;

/**
 * How far the fast path may be from cpu64 for one tracer, relative to its semi-major axis. Both compute the same
 * mean anomaly by different float64 sums (cpu64: M0 + n (t - epoch); here: M(tRef) + n (t - tRef), M(tRef) made
 * once), and each rounds at about 2^-53 |n Δt|: up to 2.5e-12 rad for a 0.05 au orbit 20 years from its epoch.
 * That difference in M moves the position by at most sqrt((1 + e) / (1 - e)) a per radian (the speed at
 * periapsis over n a). The solver adds about 1e-15 rad. So, with ε = 2^-52:
 *   |Δp| / a <= 2e-14 + 4 ε (|n (t - epoch)| + |n (tRef - epoch)| + |n (t - tRef)| + 2π) sqrt((1 + e) / (1 - e)).
 * Tested per tracer in tests/backends/cpu.test.ts; CPU_POSITION_BOUND is its value over the stated domain.
 */
export function cpuPositionBound(
  e: number,
  meanMotionRadS: number,
  epochTdbS: number,
  tdbS: number,
  referenceTdbS: number,
): number {
  const phase =
    Math.abs(meanMotionRadS * (tdbS - epochTdbS)) +
    Math.abs(meanMotionRadS * (referenceTdbS - epochTdbS)) +
    Math.abs(meanMotionRadS * (tdbS - referenceTdbS)) +
    2 * Math.PI;
  return 2e-14 + 4 * 2 ** -52 * phase * Math.sqrt((1 + e) / (1 - e));
}

/**
 * cpuPositionBound over the domain a >= 0.05 au, e <= 0.99, epochs and t within 2000-2100 (|Δt| <= 100 years):
 * 4 ε (3 x 1.8e-5 rad/s x 3.2e9 s) x 14 = 2e-10. Over 2030-2050 with e <= 0.9 it is below 2e-11.
 */
export const CPU_POSITION_BOUND = 2e-10;

/**
 * A tracer table prepared for the fast path: per tracer, PREPARED_STRIDE float64 values
 *   [M at referenceTdbS reduced to [-π, π] (rad), n (rad/s), e, Ax, Ay, Az, Bx, By, Bz (m)]
 * with A = a P and B = a sqrt(1 - e^2) Q in ECLIPJ2000. 72 bytes per tracer.
 */
export interface PreparedOrbits {
  readonly count: number;
  /** The time the mean anomalies refer to, TDB s past J2000 (the middle of the table's epochs). */
  readonly referenceTdbS: number;
  readonly orbits: Float64Array;
}

/** Per tracer [weight, stationTdbS - referenceTdbS (s)]: what the reduction needs besides the orbit. */
export interface PreparedReduction {
  readonly count: number;
  readonly referenceTdbS: number;
  readonly values: Float64Array;
}

/** Allocates the Float64Array for `length` values: plain by default, or over a SharedArrayBuffer for workers. */
export type Float64Allocator = (length: number) => Float64Array;

const plainAllocator: Float64Allocator = (length) => new Float64Array(length);

/**
 * Prepare a validated table (validateTracerTable) for the fast path. O(count), 6 sin/cos per tracer.
 * The angles' trigonometry and the epoch arithmetic happen here, once, in float64.
 */
export function prepareOrbits(
  table: TracerTable,
  allocate: Float64Allocator = plainAllocator,
): PreparedOrbits {
  const count = table.count;
  const referenceTdbS = middleEpoch(table);
  const orbits = allocate(PREPARED_STRIDE * count);
  const { semiMajorAxisM, eccentricity, inclinationRad, ascendingNodeRad, argPeriapsisRad } = table;
  const { meanAnomalyAtEpochRad, epochTdbS, meanMotionRadS } = table;
  for (let k = 0; k < count; k += 1) {
    const a = semiMajorAxisM[k] as number;
    const e = eccentricity[k] as number;
    const n = meanMotionRadS[k] as number;
    const M = (meanAnomalyAtEpochRad[k] as number) + n * (referenceTdbS - (epochTdbS[k] as number));
    const sO = Math.sin(ascendingNodeRad[k] as number);
    const cO = Math.cos(ascendingNodeRad[k] as number);
    const sw = Math.sin(argPeriapsisRad[k] as number);
    const cw = Math.cos(argPeriapsisRad[k] as number);
    const si = Math.sin(inclinationRad[k] as number);
    const ci = Math.cos(inclinationRad[k] as number);
    const b = a * Math.sqrt((1 - e) * (1 + e));
    const o = PREPARED_STRIDE * k;
    orbits[o] = reduceAngle(M);
    orbits[o + 1] = n;
    orbits[o + 2] = e;
    orbits[o + 3] = a * (cO * cw - sO * sw * ci);
    orbits[o + 4] = a * (sO * cw + cO * sw * ci);
    orbits[o + 5] = a * (sw * si);
    orbits[o + 6] = b * (-cO * sw - sO * cw * ci);
    orbits[o + 7] = b * (-sO * sw + cO * cw * ci);
    orbits[o + 8] = b * (cw * si);
  }
  return { count, referenceTdbS, orbits };
}

/** The reduction's per-tracer inputs, relative to `referenceTdbS` (that of the PreparedOrbits). */
export function prepareReduction(
  table: TracerTable,
  referenceTdbS: number,
  allocate: Float64Allocator = plainAllocator,
): PreparedReduction {
  const values = allocate(REDUCTION_STRIDE * table.count);
  for (let k = 0; k < table.count; k += 1) {
    values[REDUCTION_STRIDE * k] = table.weight[k] as number;
    values[REDUCTION_STRIDE * k + 1] = (table.stationTdbS[k] as number) - referenceTdbS;
  }
  return { count: table.count, referenceTdbS, values };
}

/** Middle of the range of epochs (0 for an empty table): keeps |n (t - tRef)| as small as the epochs allow. */
function middleEpoch(table: TracerTable): number {
  if (table.count === 0) return 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < table.count; k += 1) {
    const t = table.epochTdbS[k] as number;
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  return 0.5 * lo + 0.5 * hi;
}

/** 2π split in two doubles (as sim/orbit/angles.ts); the result is in [-π, π] up to rounding. */
function reduceAngle(x: number): number {
  const k = Math.round(x / 6.283185307179586);
  return x - k * 6.283185307179586 - k * 2.4492935982947064e-16;
}

/**
 * Geometry and constants of one reduction call, in the layout CpuKernel.reduce reads (a Float64Array so that it
 * can be posted to workers as is): see writeReduceParams.
 */
export const REDUCE_PARAMS_LENGTH = 10;

/**
 * Fill `out` (length REDUCE_PARAMS_LENGTH) for CpuKernel.reduce:
 * [dtS = t - tRef, degradationRatePerS, Earth x, y, z (m), Sun-minus-Earth x, y, z (m), |S - E|^2, |S - E|^2 cos^2 θ]
 * where θ is the Sun's angular radius seen from Earth (sin θ = R_sun / |S - E|).
 */
export function writeReduceParams(
  out: Float64Array,
  dtS: number,
  degradationRatePerS: number,
  earthPositionM: ArrayLike<number>,
  solarRadiusM: number,
): void {
  const ex = earthPositionM[0] as number;
  const ey = earthPositionM[1] as number;
  const ez = earthPositionM[2] as number;
  const s2 = ex * ex + ey * ey + ez * ez;
  out[0] = dtS;
  out[1] = degradationRatePerS;
  out[2] = ex;
  out[3] = ey;
  out[4] = ez;
  out[5] = -ex;
  out[6] = -ey;
  out[7] = -ez;
  out[8] = s2;
  out[9] = s2 - solarRadiusM * solarRadiusM; // |s|^2 cos^2 θ = |s|^2 (1 - R_sun^2 / |s|^2)
}

/** The kernel built by createCpuKernel. Ranges are [start, end) in tracers; nothing is checked here. */
export interface CpuKernel {
  /** Positions at referenceTdbS + dtS into out[3k..3k+2], m, for k in [start, end). */
  positions(
    orbits: Float64Array,
    dtS: number,
    out: Float64Array | Float32Array,
    start: number,
    end: number,
  ): void;
  /**
   * For every chunk c of REDUCE_CHUNK tracers (the last one cut at `end`) whose first tracer is in [start, end)
   * (start must be a multiple of REDUCE_CHUNK), writes at sums[CHUNK_SUMS c ..]:
   *   [Σ w (1 au / r)^2, Σ w (1 au / r)^2 exp(-rate age), number sunward of Earth, Σ w over those]
   * with params as written by writeReduceParams. Each chunk is summed in tracer order.
   */
  reduce(
    orbits: Float64Array,
    reduction: Float64Array,
    params: Float64Array,
    sums: Float64Array,
    start: number,
    end: number,
  ): void;
}

/**
 * Build the fast float64 kernel. Self-contained on purpose (see the module comment): it must not refer to
 * anything outside its own body, because workers evaluate its source text. AU_M is passed in for that reason.
 */
export function createCpuKernel(auM: number): CpuKernel {
  const PI = 3.141592653589793;
  const PI_SQUARED = PI * PI;
  /** 1.5 * 2^52: (x + ROUNDER) - ROUNDER rounds x to the nearest integer (ties to even) for |x| < 2^51. */
  const ROUNDER = 6755399441055744;
  const INV_TWO_PI = 0.15915494309189535;
  const TWO_PI_HI = 6.283185307179586;
  const TWO_PI_LO = 2.4492935982947064e-16;
  const MARKLEY_K = 1 / (PI_SQUARED - 6);
  const MARKLEY_B = 1.6 * PI;
  /** sin/cos table at E_j = j π / STEPS, j = 0..STEPS; the step is split so that j STEP_HI is exact. */
  const STEPS = 256;
  const STEP_HI = 0.01227184385061264; // float32 rounding of π/256: 24 bits, so j * STEP_HI is exact
  const STEP_LO = PI / STEPS - STEP_HI;
  const INV_STEP = STEPS / PI;
  const table = new Float64Array(2 * (STEPS + 1));
  for (let j = 0; j <= STEPS; j += 1) {
    const E = j * STEP_HI + j * STEP_LO;
    table[2 * j] = Math.sin(E);
    table[2 * j + 1] = Math.cos(E);
  }
  // FreeBSD s_cbrt.c: exponent / 3 guess (B1) and a polynomial for the next 18 bits.
  const CBRT_B1 = 715094163;
  const CBRT_P0 = 1.87595182427177009643;
  const CBRT_P1 = -1.88497979543377169875;
  const CBRT_P2 = 1.62142972010535446614;
  const CBRT_P3 = -0.758397934778766047437;
  const CBRT_P4 = 0.145996192886612446982;
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const HI = littleEndian ? 1 : 0;
  const LO = 1 - HI;

  const BLOCK = 256;
  const blockM = new Float64Array(BLOCK);
  const blockX = new Float64Array(BLOCK);
  const blockQ = new Float64Array(BLOCK);
  const blockR = new Float64Array(BLOCK);
  const blockD = new Float64Array(BLOCK);
  const blockGuess = new Float64Array(BLOCK);
  const blockPos = new Float64Array(3 * BLOCK);
  const au2 = auM * auM;

  /**
   * Solve Kepler's equation for tracers [b, be) and write positions to `out` at 3 (k - outBase), as blocks of
   * three passes. Pass 1: mean anomaly and Markley's cubic. Pass 2: the cube root's first guess from the bits.
   * Pass 3: polish the cube root, the starter, sin/cos from the table, one Householder step, position.
   */
  const solveBlock = (
    orbits: Float64Array,
    dtS: number,
    out: Float64Array | Float32Array,
    outBase: number,
    b: number,
    be: number,
  ): void => {
    for (let k = b; k < be; k += 1) {
      const o = 9 * k;
      const i = k - b;
      let M = orbits[o]! + orbits[o + 1]! * dtS;
      const turns = M * INV_TWO_PI + ROUNDER - ROUNDER;
      M = M - turns * TWO_PI_HI - turns * TWO_PI_LO;
      const e = orbits[o + 2]!;
      const m = Math.abs(M);
      const oneMinusE = 1 - e;
      const alpha = (3 * PI_SQUARED + (MARKLEY_B * (PI - m)) / (1 + e)) * MARKLEY_K;
      const d = 3 * oneMinusE + alpha * e;
      const m2 = m * m;
      const q = 2 * alpha * d * oneMinusE - m2;
      const r = (3 * alpha * d * (d - oneMinusE) + m2) * m;
      blockM[i] = M;
      blockX[i] = r + Math.sqrt(q * q * q + r * r);
      blockQ[i] = q;
      blockR[i] = r;
      blockD[i] = d;
    }
    for (let i = 0; i < be - b; i += 1) {
      bits[0] = blockX[i]!;
      const hi = words[HI]!;
      words[HI] = ((hi / 3) | 0) + CBRT_B1;
      words[LO] = 0;
      blockGuess[i] = bits[0]!;
    }
    for (let k = b; k < be; k += 1) {
      const o = 9 * k;
      const i = k - b;
      const M = blockM[i]!;
      const e = orbits[o + 2]!;
      const m = Math.abs(M);
      const sign = 2 * +(M >= 0) - 1;
      const x = blockX[i]!;
      const q = blockQ[i]!;
      const r = blockR[i]!;
      // cube root of x: the guess's error is below 1/32; one polynomial step leaves 2^-23.5 (s_cbrt.c)
      let c = blockGuess[i]!;
      const cr = c * c * (c / x);
      c = c * (CBRT_P0 + cr * (CBRT_P1 + cr * CBRT_P2) + cr * cr * cr * (CBRT_P3 + cr * CBRT_P4));
      const w = c * c;
      const den = w * w + w * q + q * q;
      // Markley eq. 19, as one division; 0 / 0 cannot happen: den > 0 unless w = q = 0, i.e. m = 0 and e = 1
      const E0 = (2 * r * w + m * den) / (blockD[i]! * den);
      // sin, cos of E0 in [0, π] from the table and series of the offset δ, |δ| <= π / 512
      const j = E0 * INV_STEP + ROUNDER - ROUNDER;
      const delta = E0 - j * STEP_HI - j * STEP_LO;
      const z = delta * delta;
      const sj = table[2 * j]!;
      const cj = table[2 * j + 1]!;
      const sd = delta * (1 - z * (1 / 6 - z * (1 / 120)));
      const cd = 1 - z * (0.5 - z * (1 / 24 - z * (1 / 720)));
      const s = sj * cd + cj * sd;
      const co = cj * cd - sj * sd;
      // Householder step of order 4 from E0: f = E - e sin E - m and its derivatives
      const f0 = j * STEP_HI - e * s - m + (j * STEP_LO + delta);
      const f1 = 1 - e * co;
      const f2 = e * s;
      const f3 = e * co;
      const d3 = (-f0 * f1) / (f1 * f1 - 0.5 * f0 * f2);
      const step = -f0 / (f1 + d3 * (0.5 * f2 + d3 * f3 * (1 / 6)));
      const z2 = step * step;
      const cs = 1 - z2 * (0.5 - z2 * (1 / 24));
      const ss = step * (1 - z2 * (1 / 6 - z2 * (1 / 120)));
      const sinE = sign * (s * cs + co * ss);
      const cosEminusE = co * cs - s * ss - e;
      const p = 3 * (k - outBase);
      out[p] = orbits[o + 3]! * cosEminusE + orbits[o + 6]! * sinE;
      out[p + 1] = orbits[o + 4]! * cosEminusE + orbits[o + 7]! * sinE;
      out[p + 2] = orbits[o + 5]! * cosEminusE + orbits[o + 8]! * sinE;
    }
  };

  return {
    positions(orbits, dtS, out, start, end) {
      for (let b = start; b < end; b += BLOCK) {
        solveBlock(orbits, dtS, out, 0, b, b + BLOCK < end ? b + BLOCK : end);
      }
    },
    reduce(orbits, reduction, params, sums, start, end) {
      const dtS = params[0]!;
      const rate = params[1]!;
      const ex = params[2]!;
      const ey = params[3]!;
      const ez = params[4]!;
      const sx = params[5]!;
      const sy = params[6]!;
      const sz = params[7]!;
      const s2 = params[8]!;
      const s2cos2 = params[9]!;
      // 4096 = REDUCE_CHUNK, written out: this function must not refer to anything outside its body
      for (let chunk = start; chunk < end; chunk += 4096) {
        const chunkEnd = chunk + 4096 < end ? chunk + 4096 : end;
        let intercepted = 0;
        let captured = 0;
        let sunward = 0;
        let sunwardWeight = 0;
        for (let b = chunk; b < chunkEnd; b += BLOCK) {
          const be = b + BLOCK < chunkEnd ? b + BLOCK : chunkEnd;
          solveBlock(orbits, dtS, blockPos, b, b, be);
          for (let k = b; k < be; k += 1) {
            const p = 3 * (k - b);
            const x = blockPos[p]!;
            const y = blockPos[p + 1]!;
            const zz = blockPos[p + 2]!;
            const w = reduction[2 * k]!;
            const flux = (w * au2) / (x * x + y * y + zz * zz);
            intercepted += flux;
            captured += flux * Math.exp(-rate * (dtS - reduction[2 * k + 1]!));
            // in front of the solar disc seen from the Earth: 0 < d.s < |s|^2 and (d.s)^2 >= |d|^2 |s|^2 cos^2 θ
            const dx = x - ex;
            const dy = y - ey;
            const dz = zz - ez;
            const ds = dx * sx + dy * sy + dz * sz;
            const inFront = +(ds > 0) * +(ds < s2) * +(ds * ds >= (dx * dx + dy * dy + dz * dz) * s2cos2);
            sunward += inFront;
            sunwardWeight += inFront * w;
          }
        }
        const c = 4 * (chunk / 4096);
        sums[c] = intercepted;
        sums[c + 1] = captured;
        sums[c + 2] = sunward;
        sums[c + 3] = sunwardWeight;
      }
    },
  };
}

/** Number of reduction chunks for `count` tracers. */
export function chunkCount(count: number): number {
  return Math.ceil(count / REDUCE_CHUNK);
}

/** Chunk sums (CpuKernel.reduce) added in chunk order: [intercepted, captured, sunward count, sunward weight]. */
export function addChunkSums(sums: Float64Array, chunks: number): [number, number, number, number] {
  let intercepted = 0;
  let captured = 0;
  let sunward = 0;
  let sunwardWeight = 0;
  for (let c = 0; c < chunks; c += 1) {
    intercepted += sums[CHUNK_SUMS * c]!;
    captured += sums[CHUNK_SUMS * c + 1]!;
    sunward += sums[CHUNK_SUMS * c + 2]!;
    sunwardWeight += sums[CHUNK_SUMS * c + 3]!;
  }
  return [intercepted, captured, sunward, sunwardWeight];
}

/** This thread's kernel (workers build their own from the source text). Its scratch is only used synchronously. */
export const CPU_KERNEL: CpuKernel = createCpuKernel(AU_M);

/** Check an output buffer for `count` positions; InputError names the argument. */
export function checkPositionsOut(out: unknown, count: number): asserts out is Float64Array | Float32Array {
  if (!(out instanceof Float64Array || out instanceof Float32Array) || out.length < 3 * count) {
    const length = (out as { length?: unknown } | null)?.length;
    throw new InputError(
      `must be a Float64Array or Float32Array of length >= ${3 * count}, got length ${String(length)}`,
      'out',
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Threads. The generic driver lives here (pure TS); the edges only spawn workers and pass messages:
// src/node/cpuPool.ts (worker_threads) and src/workers/cpuPool.ts (Web Workers).
//
// Work is split by chunks of REDUCE_CHUNK tracers, dealt round-robin: worker w owns chunks w, w + W, w + 2W, ...
// so every prefix of the table (the tracers on station) is shared evenly. With shared memory (SharedArrayBuffer)
// each worker reads the prepared table and writes the caller's output in place. Without it (a browser page that is
// not cross-origin isolated), each worker receives a copy of its own chunks once, when the table is loaded, and
// sends its positions back in a buffer that travels to and fro (transferred, not copied).
// ---------------------------------------------------------------------------------------------------------------

/** One worker as the edge sees it: post a message (with transferables), receive messages, stop. */
export interface WorkerPort {
  post(message: CpuWorkerRequest, transfer: ArrayBuffer[]): void;
  /** Register the (single) handler of replies and of the worker's errors (an Error or a message string). */
  listen(onReply: (reply: CpuWorkerReply) => void, onError: (error: unknown) => void): void;
  /** Keep the process alive while a request is in flight (worker_threads' ref/unref); a no-op in browsers. */
  hold(busy: boolean): void;
  terminate(): void;
}

/** Messages to a worker. `seq` numbers every request; a reply carries the seq it answers. */
export type CpuWorkerRequest =
  | {
      readonly type: 'load';
      readonly seq: number;
      readonly id: number;
      /** Shared: the whole PreparedOrbits.orbits. Copied: this worker's chunks, in order. */
      readonly orbits: Float64Array;
      readonly tableCount: number;
    }
  | { readonly type: 'reduction'; readonly seq: number; readonly id: number; readonly values: Float64Array }
  | {
      readonly type: 'positions';
      readonly seq: number;
      readonly id: number;
      readonly count: number;
      readonly dtS: number;
      /** Shared: the output (global indices). Copied: this worker's buffer (local indices), sent back. */
      readonly out: Float64Array | Float32Array;
    }
  | {
      readonly type: 'reduce';
      readonly seq: number;
      readonly id: number;
      readonly count: number;
      readonly params: Float64Array;
      /** Shared: the chunk sums of the whole table (global chunk index). Copied: local, sent back. */
      readonly sums: Float64Array;
    }
  | { readonly type: 'unload'; readonly seq: number; readonly id: number };

export type CpuWorkerReply =
  | { readonly seq: number; readonly ok: true; readonly data: Float64Array | Float32Array | null }
  | { readonly seq: number; readonly ok: false; readonly error: string };

/**
 * The worker's main function. Self-contained like createCpuKernel: workers evaluate its source text, so it must
 * not refer to anything outside its body. `worker` and `workers` give this worker's share (chunks w, w + W, ...);
 * `shared` says whether the buffers it receives are shared with the caller.
 */
export function cpuWorkerMain(
  port: {
    post(reply: CpuWorkerReply, transfer: ArrayBuffer[]): void;
    listen(handler: (request: CpuWorkerRequest) => void): void;
  },
  kernel: CpuKernel,
  worker: number,
  workers: number,
  shared: boolean,
): void {
  const CHUNK = 4096; // REDUCE_CHUNK (self-contained: see above)
  const tables = new Map<
    number,
    { orbits: Float64Array; reduction: Float64Array | null; tableCount: number }
  >();
  port.listen((request) => {
    try {
      const seq = request.seq;
      if (request.type === 'load') {
        tables.set(request.id, { orbits: request.orbits, reduction: null, tableCount: request.tableCount });
        port.post({ seq, ok: true, data: null }, []);
        return;
      }
      if (request.type === 'unload') {
        tables.delete(request.id);
        port.post({ seq, ok: true, data: null }, []);
        return;
      }
      const table = tables.get(request.id);
      if (table === undefined) throw new Error(`cpu worker ${worker}: table ${request.id} is not loaded`);
      if (request.type === 'reduction') {
        table.reduction = request.values;
        port.post({ seq, ok: true, data: null }, []);
        return;
      }
      const count = request.count;
      if (request.type === 'positions') {
        for (let c = worker, local = 0; c * CHUNK < count; c += workers, local += 1) {
          const end = (c + 1) * CHUNK < count ? (c + 1) * CHUNK : count;
          if (shared) kernel.positions(table.orbits, request.dtS, request.out, c * CHUNK, end);
          else
            kernel.positions(
              table.orbits,
              request.dtS,
              request.out,
              local * CHUNK,
              local * CHUNK + end - c * CHUNK,
            );
        }
        port.post(
          { seq, ok: true, data: shared ? null : request.out },
          shared ? [] : [request.out.buffer as ArrayBuffer],
        );
        return;
      }
      if (table.reduction === null)
        throw new Error(`cpu worker ${worker}: table ${request.id} has no reduction data`);
      for (let c = worker, local = 0; c * CHUNK < count; c += workers, local += 1) {
        const end = (c + 1) * CHUNK < count ? (c + 1) * CHUNK : count;
        if (shared)
          kernel.reduce(table.orbits, table.reduction, request.params, request.sums, c * CHUNK, end);
        else {
          kernel.reduce(
            table.orbits,
            table.reduction,
            request.params,
            request.sums,
            local * CHUNK,
            local * CHUNK + end - c * CHUNK,
          );
        }
      }
      port.post(
        { seq, ok: true, data: shared ? null : request.sums },
        shared ? [] : [request.sums.buffer as ArrayBuffer],
      );
    } catch (error) {
      port.post(
        { seq: request.seq, ok: false, error: error instanceof Error ? error.message : String(error) },
        [],
      );
    }
  });
}

/**
 * The source text a worker evaluates after `prelude`, which must define `port` (the argument of cpuWorkerMain),
 * `WORKER_INDEX`, `WORKERS` and `SHARED` (see src/node/cpuPool.ts). `__name` is defined because some TypeScript
 * loaders (esbuild with keepNames, used by tsx) insert calls to it into function bodies.
 */
export function cpuWorkerSource(prelude: string): string {
  return [
    'var __name = function (f) { return f; };',
    prelude,
    `var createCpuKernel = ${createCpuKernel.toString()};`,
    `var cpuWorkerMain = ${cpuWorkerMain.toString()};`,
    `cpuWorkerMain(port, createCpuKernel(${AU_M}), WORKER_INDEX, WORKERS, SHARED);`,
  ].join('\n');
}

/** What an edge gives the driver: how many workers, whether memory is shared, and how to start one. */
export interface CpuPoolHost {
  readonly threads: number;
  /** True when SharedArrayBuffer can be posted to the workers (Node; cross-origin-isolated pages). */
  readonly shared: boolean;
  /** Start worker `index` of `threads`, running cpuWorkerSource(prelude) with a prelude for its platform. */
  spawn(index: number, threads: number, shared: boolean): WorkerPort;
  /** Where the threads run, for Propagator.device (e.g. 'worker_threads'). */
  readonly label: string;
}

/** A table loaded into the pool. Opaque to callers. */
export interface PooledTable {
  readonly id: number;
  readonly count: number;
}

/** The cpu backend's threads, driven from the caller's thread (which only waits). See createCpuPool. */
export interface CpuPool {
  readonly threads: number;
  readonly shared: boolean;
  readonly label: string;
  /** Allocator for the prepared buffers: over SharedArrayBuffer when shared. */
  readonly allocate: Float64Allocator;
  load(orbits: PreparedOrbits): Promise<PooledTable>;
  loadReduction(table: PooledTable, reduction: PreparedReduction): Promise<void>;
  positions(table: PooledTable, count: number, dtS: number, out: Float64Array | Float32Array): Promise<void>;
  /** Chunk sums for the first `count` tracers into `sums` (global chunk order), as CpuKernel.reduce. */
  reduce(table: PooledTable, count: number, params: Float64Array, sums: Float64Array): Promise<void>;
  unload(table: PooledTable): Promise<void>;
  destroy(): void;
}

/** Drive `host.threads` workers (see the section comment). */
export function createCpuPool(host: CpuPoolHost): CpuPool {
  const threads = host.threads;
  if (!(Number.isInteger(threads) && threads >= 1 && threads <= 1024)) {
    throw new InputError(`must be an integer in [1, 1024], got ${threads}`, 'threads');
  }
  const shared = host.shared;
  const allocate: Float64Allocator = shared
    ? (length) => new Float64Array(new SharedArrayBuffer(8 * length))
    : plainAllocator;
  const pending = new Map<
    number,
    { resolve(data: Float64Array | Float32Array | null): void; reject(e: Error): void }
  >();
  let seq = 0;
  let nextId = 1;
  let destroyed = false;
  let failure: Error | null = null;
  const ports: WorkerPort[] = [];
  const inFlight: number[] = [];
  /** Per table (copied mode): each worker's positions buffer and chunk-sum buffer, sent to and fro. */
  const local = new Map<number, { count: number; positions: Float64Array[]; sums: Float64Array[] }>();
  /** Per table (shared mode): a shared output scratch when the caller's output is not shared. */
  const scratch = new Map<number, Float64Array>();

  for (let w = 0; w < threads; w += 1) {
    const port = host.spawn(w, threads, shared);
    inFlight.push(0);
    port.listen(
      (reply) => {
        const entry = pending.get(reply.seq);
        if (entry === undefined) return; // stale (a request of a destroyed pool): dropped
        pending.delete(reply.seq);
        inFlight[w] = (inFlight[w] ?? 1) - 1;
        if (inFlight[w] === 0) port.hold(false);
        if (reply.ok) entry.resolve(reply.data);
        else entry.reject(new Error(`cpu worker ${w}: ${reply.error}`));
      },
      (error) => {
        failure = error instanceof Error ? error : new Error(String(error));
        for (const entry of pending.values()) entry.reject(failure);
        pending.clear();
      },
    );
    ports.push(port);
  }

  function request(
    w: number,
    make: (seq: number) => CpuWorkerRequest,
    transfer: ArrayBuffer[] = [],
  ): Promise<Float64Array | Float32Array | null> {
    if (destroyed) return Promise.reject(new Error('cpu pool: destroyed'));
    if (failure !== null) return Promise.reject(failure);
    const port = ports[w] as WorkerPort;
    seq += 1;
    const message = make(seq);
    return new Promise((resolve, reject) => {
      pending.set(message.seq, { resolve, reject });
      if (inFlight[w] === 0) port.hold(true);
      inFlight[w] = (inFlight[w] ?? 0) + 1;
      port.post(message, transfer);
    });
  }

  /** Global chunks of worker w, in order, for a table of `count` tracers. */
  function chunksOf(w: number, count: number): number[] {
    const chunks: number[] = [];
    for (let c = w; c * REDUCE_CHUNK < count; c += threads) chunks.push(c);
    return chunks;
  }

  function gather(
    source: Float64Array,
    stride: number,
    chunks: readonly number[],
    count: number,
  ): Float64Array {
    let length = 0;
    for (const c of chunks) length += Math.min(REDUCE_CHUNK, count - c * REDUCE_CHUNK);
    const out = new Float64Array(stride * length);
    let at = 0;
    for (const c of chunks) {
      const n = Math.min(REDUCE_CHUNK, count - c * REDUCE_CHUNK);
      out.set(source.subarray(stride * c * REDUCE_CHUNK, stride * (c * REDUCE_CHUNK + n)), at);
      at += stride * n;
    }
    return out;
  }

  return {
    threads,
    shared,
    label: host.label,
    allocate,
    async load(prepared) {
      const id = nextId;
      nextId += 1;
      const count = prepared.count;
      if (shared) {
        await Promise.all(
          ports.map((_, w) =>
            request(w, (s) => ({ type: 'load', seq: s, id, orbits: prepared.orbits, tableCount: count })),
          ),
        );
      } else {
        const positions: Float64Array[] = [];
        const sums: Float64Array[] = [];
        await Promise.all(
          ports.map((_, w) => {
            const chunks = chunksOf(w, count);
            const orbits = gather(prepared.orbits, PREPARED_STRIDE, chunks, count);
            positions.push(new Float64Array((3 * orbits.length) / PREPARED_STRIDE));
            sums.push(new Float64Array(CHUNK_SUMS * chunks.length));
            return request(w, (s) => ({ type: 'load', seq: s, id, orbits, tableCount: count }), [
              orbits.buffer as ArrayBuffer,
            ]);
          }),
        );
        local.set(id, { count, positions, sums });
      }
      return { id, count };
    },
    async loadReduction(table, reduction) {
      await Promise.all(
        ports.map((_, w) => {
          const values = shared
            ? reduction.values
            : gather(reduction.values, REDUCTION_STRIDE, chunksOf(w, table.count), table.count);
          return request(
            w,
            (s) => ({ type: 'reduction', seq: s, id: table.id, values }),
            shared ? [] : [values.buffer as ArrayBuffer],
          );
        }),
      );
    },
    async positions(table, count, dtS, out) {
      if (shared) {
        const direct = out.buffer instanceof SharedArrayBuffer;
        let target: Float64Array | Float32Array = out;
        if (!direct) {
          let buffer = scratch.get(table.id);
          if (buffer === undefined) {
            buffer = allocate(3 * table.count);
            scratch.set(table.id, buffer);
          }
          target = buffer;
        }
        await Promise.all(
          ports.map((_, w) =>
            request(w, (s) => ({ type: 'positions', seq: s, id: table.id, count, dtS, out: target })),
          ),
        );
        if (!direct) out.set(target.subarray(0, 3 * count));
        return;
      }
      const buffers = local.get(table.id);
      if (buffers === undefined) throw new Error('cpu pool: table not loaded');
      const replies = await Promise.all(
        ports.map((_, w) => {
          const buffer = buffers.positions[w] as Float64Array;
          return request(w, (s) => ({ type: 'positions', seq: s, id: table.id, count, dtS, out: buffer }), [
            buffer.buffer as ArrayBuffer,
          ]);
        }),
      );
      replies.forEach((data, w) => {
        const buffer = data as Float64Array;
        buffers.positions[w] = buffer;
        let at = 0;
        for (const c of chunksOf(w, count)) {
          const n = Math.min(REDUCE_CHUNK, count - c * REDUCE_CHUNK);
          out.set(buffer.subarray(at, at + 3 * n), 3 * c * REDUCE_CHUNK);
          at += 3 * REDUCE_CHUNK;
        }
      });
    },
    async reduce(table, count, params, sums) {
      if (shared) {
        await Promise.all(
          ports.map((_, w) =>
            request(w, (s) => ({ type: 'reduce', seq: s, id: table.id, count, params, sums })),
          ),
        );
        return;
      }
      const buffers = local.get(table.id);
      if (buffers === undefined) throw new Error('cpu pool: table not loaded');
      const replies = await Promise.all(
        ports.map((_, w) => {
          const buffer = buffers.sums[w] as Float64Array;
          return request(w, (s) => ({ type: 'reduce', seq: s, id: table.id, count, params, sums: buffer }), [
            buffer.buffer as ArrayBuffer,
          ]);
        }),
      );
      replies.forEach((data, w) => {
        const buffer = data as Float64Array;
        buffers.sums[w] = buffer;
        chunksOf(w, count).forEach((c, i) => {
          sums.set(buffer.subarray(CHUNK_SUMS * i, CHUNK_SUMS * (i + 1)), CHUNK_SUMS * c);
        });
      });
    },
    async unload(table) {
      local.delete(table.id);
      scratch.delete(table.id);
      await Promise.all(ports.map((_, w) => request(w, (s) => ({ type: 'unload', seq: s, id: table.id }))));
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const entry of pending.values()) entry.reject(new Error('cpu pool: destroyed'));
      pending.clear();
      for (const port of ports) port.terminate();
    },
  };
}
