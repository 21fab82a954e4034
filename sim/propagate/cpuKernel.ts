/**
 * The fast float64 CPU kernel: the same two-body Kepler motion as cpu64.ts (the reference), reorganised for
 * speed. A pure function over typed arrays (the prepared orbits of cpuPrepare.ts in, positions out). Frame
 * ECLIPJ2000, heliocentric, metres; time TDB seconds past J2000.
 *
 * What makes it fast (about 4-5x the naive loop on one core, see bench/RESULTS.md):
 * - The orientation is prepared once per table (cpuPrepare.ts): A = a P and B = a sqrt(1 - e^2) Q (P, Q the
 *   perifocal unit vectors), so a position is A (cos E - e) + B sin E, with no trigonometry of the angles per call.
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
 * Precision (tests/propagate): within CPU_POSITION_BOUND of cpu64, relative to the semi-major axis.
 *
 * Threads: each worker (src/node/cpuWorker.ts) imports this module and builds its own kernel, so every thread runs
 * the same code on the same inputs, and the bytes agree with one thread exactly.
 */

/**
 * How far the fast path may be from cpu64 for one tracer, relative to its semi-major axis. Both compute the same
 * mean anomaly by different float64 sums (cpu64: M0 + n (t - epoch); here: M(tRef) + n (t - tRef), M(tRef) made
 * once), and each rounds at about 2^-53 |n Δt|: up to 2.5e-12 rad for a 0.05 au orbit 20 years from its epoch.
 * That difference in M moves the position by at most sqrt((1 + e) / (1 - e)) a per radian (the speed at
 * periapsis over n a). The solver adds about 1e-15 rad. So, with ε = 2^-52:
 *   |Δp| / a <= 2e-14 + 4 ε (|n (t - epoch)| + |n (tRef - epoch)| + |n (t - tRef)| + 2π) sqrt((1 + e) / (1 - e)).
 * Tested per tracer in tests/propagate/cpu.test.ts; CPU_POSITION_BOUND is its value over the stated domain.
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

/** Nodes of the kernel's sin/cos table: j π / SIN_COS_STEPS, j = 0..SIN_COS_STEPS. */
export const SIN_COS_STEPS = 256;

/**
 * The kernel's sin/cos table: (sin E_j, cos E_j) at 2j, 2j + 1, E_j = j π / 256 rounded as the kernel rounds it
 * (j STEP_HI exact, plus j STEP_LO). Filled with Math.sin/Math.cos (fdlibm in V8, < 1 ulp); simdKernel.ts copies
 * the same values into its WebAssembly memory, so both kernels read the same nodes.
 */
export function sinCosTable(): Float64Array {
  const STEP_HI = 0.01227184385061264;
  const STEP_LO = Math.PI / SIN_COS_STEPS - STEP_HI;
  const table = new Float64Array(2 * (SIN_COS_STEPS + 1));
  for (let j = 0; j <= SIN_COS_STEPS; j += 1) {
    const E = j * STEP_HI + j * STEP_LO;
    table[2 * j] = Math.sin(E);
    table[2 * j + 1] = Math.cos(E);
  }
  return table;
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
}

/**
 * Build the fast float64 kernel over PreparedOrbits.orbits (layout in cpuPrepare.ts). Each kernel owns its scratch
 * (a few blocks of float64), so one kernel serves one thread, used synchronously.
 */
export function createCpuKernel(): CpuKernel {
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
  const STEPS = SIN_COS_STEPS;
  const STEP_HI = 0.01227184385061264; // float32 rounding of π/256: 24 bits, so j * STEP_HI is exact
  const STEP_LO = PI / STEPS - STEP_HI;
  const INV_STEP = STEPS / PI;
  const table = sinCosTable();
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

  /**
   * Solve Kepler's equation for tracers [b, be) and write positions to `out` at 3k, as blocks of
   * three passes. Pass 1: mean anomaly and Markley's cubic. Pass 2: the cube root's first guess from the bits.
   * Pass 3: polish the cube root, the starter, sin/cos from the table, one Householder step, position.
   */
  const solveBlock = (
    orbits: Float64Array,
    dtS: number,
    out: Float64Array | Float32Array,
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
      const p = 3 * k;
      out[p] = orbits[o + 3]! * cosEminusE + orbits[o + 6]! * sinE;
      out[p + 1] = orbits[o + 4]! * cosEminusE + orbits[o + 7]! * sinE;
      out[p + 2] = orbits[o + 5]! * cosEminusE + orbits[o + 8]! * sinE;
    }
  };

  return {
    positions(orbits, dtS, out, start, end) {
      for (let b = start; b < end; b += BLOCK) {
        solveBlock(orbits, dtS, out, b, b + BLOCK < end ? b + BLOCK : end);
      }
    },
  };
}

/** This thread's kernel. Its scratch is only used synchronously. */
export const CPU_KERNEL: CpuKernel = createCpuKernel();
