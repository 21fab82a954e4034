/**
 * The gpu.js kernel of the `gpu` backend: Kepler positions, and the power/sunward reduction, in float32.
 * Written in the subset of JavaScript gpu.js translates to GLSL (webgl2, headlessgl), WGSL (webgpu) and
 * WebAssembly (webasm); gpu.ts feeds it the float32 columns that gpuRebase.ts prepares in float64.
 *
 * Precision design (the bound is GPU_POSITION_BOUND, relative to the semi-major axis a):
 * - No time arithmetic in float32 beyond a small offset: the host re-bases every mean anomaly to a recent time
 *   tR in float64 and splits it as M(tR) = j π/2 + μ0 with j an integer (0..3) and |μ0| <= π/4 (the split in
 *   float64, so μ0 carries a relative error of 2^-24 only). The kernel adds n Δt, Δt = t - tR, kept below
 *   REBASE_MAX_PHASE_RAD in n Δt.
 * - The eccentric anomaly is never formed as one float32 number: it is E = K π/2 + ρ with an integer K and
 *   |ρ| <= π/4, so sin E and cos E come from sin ρ and cos ρ (an exact quadrant swap) with a relative accuracy of
 *   about one ulp. A float32 E near π would already be 1.2e-7 rad off by rounding.
 * - sin and cos of ρ are the kernel's own minimax polynomials (Cephes sinf/cosf, Moshier 1989, on [-π/4, π/4],
 *   about 1 ulp): the GPU builtins are only good to ~2e-4 absolute in SwiftShader (tests/browser/gpu-kernel-cases).
 * - Kepler's residual is evaluated as (K π/2 - μ + ρ) - e sin E, i.e. relative to the mean anomaly's own quadrant,
 *   which removes the rounding of the large terms E and M from the Halley steps.
 * - Solver: Danby's starter E0 = M + 0.85 e sgn(sin M) (Danby 1987), then SOLVER_STEPS Halley steps (fixed count,
 *   no data-dependent loop), with ρ renormalised to [-π/4, π/4] after each step. For e <= 0.99 it converges to
 *   float32 precision in 4; 5 are run.
 * - Position: A (cos E - e) + B sin E with A = a P, B = a sqrt(1 - e^2) Q rounded once from float64.
 * Observed worst errors: in tests/browser/propagate.browser.test.ts (webgl2, webgpu) and
 * tests/backends/gpu.test.ts (webasm), recorded in bench/RESULTS.md.
 *
 * Reduction: each thread handles `block` consecutive tracers and writes four float32 partial sums; the host adds
 * the blocks in float64 (gpu.ts). r / a is evaluated as (1 - e) + e (1 - cos ρ) when E is near periapsis (K = 0
 * mod 4), so that (1 au / r)^2 keeps its relative accuracy for e -> 1.
 */

/** Halley steps after Danby's starter. */
export const SOLVER_STEPS = 5;

/** The host re-bases the mean anomalies once max n |t - tR| exceeds this, rad. */
export const REBASE_MAX_PHASE_RAD = 0.25;

/** What the kernel computes: positions (one tracer per thread) or the reduction (`block` tracers per thread). */
export const KERNEL_MODE_POSITIONS = 0;
export const KERNEL_MODE_REDUCE = 1;

/** float32 constants, written out exactly so every backend parses the same value. */
// π/2 = PIO2_HI + PIO2_LO: PIO2_HI = float32(π/2), PIO2_LO = float32(π/2 - PIO2_HI)
// 2/π = 0.6366197466850281 (float32)
// Cephes sinf: s = r + r z (S1 + z (S2 + z S3)); cosf: 1 - cos = z/2 - z^2 (C1 + z (C2 + z C3)), z = r^2

/**
 * The kernel, one function for both modes (constants `mode` and `block`, fixed per compiled kernel).
 * Per tracer k, four float32 values at 4k in each of (see gpuRebase.ts; WebGPU allows 8 storage buffers per stage
 * by default, so columns are packed):
 *   orbitA: μ0 (rad), j (0..3), mean motion n (rad/s), eccentricity e
 *   orbitB: Ax, Ay, Az, Bx (m)          A = a P, B = a sqrt(1 - e^2) Q
 *   orbitC: By, Bz (m), W = w (1 au / a)^2, G = W times the degradation at the host's reference time
 * and weight[k] = w (reduce mode only).
 * Uniforms: dt = t - tR (s), count (tracers to process), the Earth (ex, ey, ez) in au, the unit vector from the
 * Earth to the Sun (ux, uy, uz), the Sun's distance from the Earth (au) and tan θ, θ the Sun's angular radius.
 * Positions mode returns [x, y, z, 0] (m) for tracer thread.x. Reduce mode returns, over tracers
 * [block thread.x, block thread.x + block) below count: [Σ W (a/r)^2, Σ G (a/r)^2, number sunward, Σ w sunward].
 */
export function keplerKernel(
  this: {
    readonly thread: { readonly x: number };
    readonly constants: { readonly mode: number; readonly block: number };
  },
  orbitA: Float32Array,
  orbitB: Float32Array,
  orbitC: Float32Array,
  weight: Float32Array,
  dt: number,
  count: number,
  ex: number,
  ey: number,
  ez: number,
  ux: number,
  uy: number,
  uz: number,
  sunDistance: number,
  tanSunRadius: number,
): number[] {
  let out0 = 0.0;
  let out1 = 0.0;
  let out2 = 0.0;
  let out3 = 0.0;
  for (let i = 0; i < this.constants.block; i++) {
    const k = this.thread.x * this.constants.block + i;
    if (k < count) {
      const e = orbitA[4 * k + 3]!;
      // μ = μ0 + n Δt, renormalised to [-π/4, π/4] (it can leave by REBASE_MAX_PHASE_RAD)
      let mu = orbitA[4 * k]! + orbitA[4 * k + 2]! * dt;
      const qm = Math.floor(mu * 0.6366197466850281 + 0.5);
      mu = mu - qm * 1.5707963705062866 - qm * -4.371138828673793e-8;
      let j = orbitA[4 * k + 1]! + qm;
      j = j - 4.0 * Math.floor(j * 0.25);
      // Danby's starter E0 = M + 0.85 e sgn(sin M), M = j π/2 + μ; ρ = E0 - j π/2 at first (K = 0)
      let sinSign = 1.0;
      if (j < 0.5) {
        sinSign = mu < 0.0 ? -1.0 : 1.0;
      } else if (j > 2.5) {
        sinSign = -1.0;
      } else if (j > 1.5) {
        sinSign = mu < 0.0 ? 1.0 : -1.0;
      }
      let rho = mu + 0.85 * e * sinSign;
      let K = 0.0;
      let sinE = 0.0;
      let cosE = 1.0;
      let oneMinusCos = 0.0;
      let quadrant = 0.0;
      for (let step = 0; step <= 5; step++) {
        // renormalise ρ to [-π/4, π/4]; the quarter turns go into K
        const q = Math.floor(rho * 0.6366197466850281 + 0.5);
        rho = rho - q * 1.5707963705062866 - q * -4.371138828673793e-8;
        K = K + q;
        const z = rho * rho;
        const s =
          rho + rho * z * (-0.16666655242443085 + z * (0.008332161232829094 + z * -0.00019515295571181923));
        oneMinusCos =
          0.5 * z - z * z * (0.04166664555668831 + z * (-0.0013887316454201937 + z * 0.0000244331567955669));
        const c = 1.0 - oneMinusCos;
        quadrant = j + K;
        quadrant = quadrant - 4.0 * Math.floor(quadrant * 0.25);
        if (quadrant < 0.5) {
          sinE = s;
          cosE = c;
        } else if (quadrant < 1.5) {
          sinE = c;
          cosE = -s;
        } else if (quadrant < 2.5) {
          sinE = -s;
          cosE = -c;
        } else {
          sinE = -c;
          cosE = s;
        }
        if (step < 5) {
          // Halley on h(ρ) = E - e sin E - M = (K π/2 - μ + ρ) - e sin E
          const h = K * 1.5707963705062866 - mu + (K * -4.371138828673793e-8 + rho) - e * sinE;
          const h1 = 1.0 - e * cosE;
          const h2 = e * sinE;
          rho = rho - (h * h1) / (h1 * h1 - 0.5 * h * h2);
        }
      }
      const X = cosE - e;
      const x = orbitB[4 * k]! * X + orbitB[4 * k + 3]! * sinE;
      const y = orbitB[4 * k + 1]! * X + orbitC[4 * k]! * sinE;
      const zz = orbitB[4 * k + 2]! * X + orbitC[4 * k + 1]! * sinE;
      if (this.constants.mode < 0.5) {
        out0 = x;
        out1 = y;
        out2 = zz;
      } else {
        // r / a, keeping its relative accuracy near periapsis (quadrant 0: E = ρ mod 2π)
        let rOverA = 1.0 - e * cosE;
        if (quadrant < 0.5) {
          rOverA = 1.0 - e + e * oneMinusCos;
        }
        const inverseSquare = 1.0 / (rOverA * rOverA);
        out0 = out0 + orbitC[4 * k + 2]! * inverseSquare;
        out1 = out1 + orbitC[4 * k + 3]! * inverseSquare;
        // sunward of the Earth (reduce.ts), in au: d = p - E, u = the unit vector from the Earth to the Sun;
        // the distance from the axis is |d x u| (no cancellation), compared with tan θ times the distance along it
        const dx = x * 6.684587122268445e-12 - ex;
        const dy = y * 6.684587122268445e-12 - ey;
        const dz = zz * 6.684587122268445e-12 - ez;
        const along = dx * ux + dy * uy + dz * uz;
        const cx = dy * uz - dz * uy;
        const cy = dz * ux - dx * uz;
        const cz = dx * uy - dy * ux;
        const radius = along * tanSunRadius;
        if (along > 0.0 && along < sunDistance && cx * cx + cy * cy + cz * cz <= radius * radius) {
          out2 = out2 + 1.0;
          out3 = out3 + weight[k]!;
        }
      }
    }
  }
  return [out0, out1, out2, out3];
}
