/**
 * The gpu.js kernel of the `gpu` backend: Kepler positions in float32, one tracer per GPU thread.
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
 * tests/propagate (webasm), recorded in bench/RESULTS.md.
 */

/** Halley steps after Danby's starter. */
export const SOLVER_STEPS = 5;

/** The host re-bases the mean anomalies once max n |t - tR| exceeds this, rad. */
export const REBASE_MAX_PHASE_RAD = 0.25;

/** float32 constants, written out exactly so every backend parses the same value. */
// π/2 = PIO2_HI + PIO2_LO: PIO2_HI = float32(π/2), PIO2_LO = float32(π/2 - PIO2_HI)
// 2/π = 0.6366197466850281 (float32)
// Cephes sinf: s = r + r z (S1 + z (S2 + z S3)); cosf: 1 - cos = z/2 - z^2 (C1 + z (C2 + z C3)), z = r^2

/**
 * The kernel. Per tracer k, four float32 values at 4k in each of (see gpuRebase.ts; WebGPU allows 8 storage
 * buffers per stage by default, so columns are packed):
 *   orbitA: μ0 (rad), j (0..3), mean motion n (rad/s), eccentricity e
 *   orbitB: Ax, Ay, Az, Bx (m)          A = a P, B = a sqrt(1 - e^2) Q
 *   orbitC: By, Bz (m), and two values the kernel does not read
 * Uniforms: dt = t - tR (s), count (tracers to process). Returns [x, y, z, 0] (m) for tracer thread.x, [0, 0, 0, 0]
 * for a thread at or past count.
 */
export function keplerKernel(
  this: { readonly thread: { readonly x: number } },
  orbitA: Float32Array,
  orbitB: Float32Array,
  orbitC: Float32Array,
  dt: number,
  count: number,
): number[] {
  let out0 = 0.0;
  let out1 = 0.0;
  let out2 = 0.0;
  const k = this.thread.x;
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
    for (let step = 0; step <= 5; step++) {
      // renormalise ρ to [-π/4, π/4]; the quarter turns go into K
      const q = Math.floor(rho * 0.6366197466850281 + 0.5);
      rho = rho - q * 1.5707963705062866 - q * -4.371138828673793e-8;
      K = K + q;
      const z = rho * rho;
      const s =
        rho + rho * z * (-0.16666655242443085 + z * (0.008332161232829094 + z * -0.00019515295571181923));
      const oneMinusCos =
        0.5 * z - z * z * (0.04166664555668831 + z * (-0.0013887316454201937 + z * 0.0000244331567955669));
      const c = 1.0 - oneMinusCos;
      const turn = j + K;
      const quadrant = turn - 4.0 * Math.floor(turn * 0.25);
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
    out0 = orbitB[4 * k]! * X + orbitB[4 * k + 3]! * sinE;
    out1 = orbitB[4 * k + 1]! * X + orbitC[4 * k]! * sinE;
    out2 = orbitB[4 * k + 2]! * X + orbitC[4 * k + 1]! * sinE;
  }
  return [out0, out1, out2, 0.0];
}
