/**
 * Kernels, inputs, float64 references and tolerances shared by the gpu.js browser tests
 * (gpujs-webgl2 and gpujs-webgpu). Each case is run on a GPU backend and compared, element by element,
 * with the same formula evaluated in float64 in JavaScript on the original (unrounded) inputs.
 */
import { kernelBackend, NUMERIC_KERNEL_SETTINGS, toFloat32Array } from '../../sim/propagate/gpujs.ts';
import type { GPU, GpuBackend, IKernelFunctionThis, IKernelRunShortcut } from '../../sim/propagate/gpujs.ts';

/** float32 unit roundoff u = 2^-24: the relative error of rounding a real number to float32. */
export const UNIT_ROUNDOFF_F32 = 2 ** -24;

/** Not a power of two and not a multiple of gpu.js's texture width, so the padded tail is exercised. */
export const SAMPLE_COUNT = 4099;

/** A*x + y, with A a scalar uniform that float32 cannot represent exactly. */
const AXPY_A = 1.7;

/**
 * Relative bound for sqrt, in units of u. WGSL and GLSL ES 3.00 inherit sqrt's accuracy from
 * 1/inverseSqrt (about 4.5 ulp, i.e. up to 9u), plus u/2 for rounding the input to float32.
 * Observed in SwiftShader (Chromium 156), input rounding included: 1.35u.
 */
const SQRT_RELATIVE_BOUND_U = 10;

/**
 * Absolute bound for cos on [-pi, pi]: 2^-11, the accuracy WGSL and Vulkan require of sin/cos there
 * (outside that range neither specification bounds the error at all). Observed in SwiftShader
 * (Chromium 156), on webgl2 and webgpu alike: 1.893e-4 = 2^-12.37, far from float32's 6e-8.
 * A float64 Kepler solve cannot simply be ported onto GPU builtins: range-reduce on the CPU in
 * float64 and use the kernel's own polynomial where accuracy matters.
 */
const COS_ABSOLUTE_BOUND = 2 ** -11;

export interface KernelCase {
  readonly name: string;
  /** Runs the kernel on `gpu`, returning the backend that really ran it and its output. */
  run(gpu: GPU): Promise<{ backend: GpuBackend; output: Float32Array; kernel: IKernelRunShortcut }>;
  /** The same formula in float64, on the unrounded inputs. */
  readonly reference: Float64Array;
  /** Per-element bound on |output - reference|, in the output's unit. */
  readonly bound: Float64Array;
}

function axpy(this: IKernelFunctionThis, a: number, x: number[], y: number[]): number {
  return a * x[this.thread.x]! + y[this.thread.x]!;
}

function squareRoot(this: IKernelFunctionThis, v: number[]): number {
  return Math.sqrt(v[this.thread.x]!);
}

function cosine(this: IKernelFunctionThis, t: number[]): number {
  return Math.cos(t[this.thread.x]!);
}

function sample(f: (i: number) => number): Float64Array {
  const out = new Float64Array(SAMPLE_COUNT);
  for (let i = 0; i < SAMPLE_COUNT; i++) out[i] = f(i);
  return out;
}

const axpyX = sample((i) => -50 + (100 * i) / (SAMPLE_COUNT - 1));
const axpyY = sample((i) => 3 * Math.sin(i));
const sqrtInput = sample((i) => 1e-3 + 0.731 * i);
const cosInput = sample((i) => -Math.PI + (2 * Math.PI * i) / (SAMPLE_COUNT - 1));

async function runKernel(
  kernel: IKernelRunShortcut,
  args: Parameters<IKernelRunShortcut>,
): Promise<{ backend: GpuBackend; output: Float32Array; kernel: IKernelRunShortcut }> {
  const output = await toFloat32Array(kernel(...args));
  return { backend: kernelBackend(kernel), output, kernel };
}

const settings = { ...NUMERIC_KERNEL_SETTINGS, output: [SAMPLE_COUNT] };

export const KERNEL_CASES: readonly KernelCase[] = [
  {
    name: 'a*x + y',
    run: (gpu) =>
      runKernel(gpu.createKernel(axpy, settings), [
        AXPY_A,
        Float32Array.from(axpyX),
        Float32Array.from(axpyY),
      ]),
    reference: axpyX.map((x, i) => AXPY_A * x + axpyY[i]!),
    // a, x and y are rounded to float32 (u each), then the product and the sum are rounded (u each,
    // correctly rounded in WGSL and GLSL ES 3.00 highp): |error| <= 4u(|a*x| + |y|) + O(u^2).
    // Observed in SwiftShader: 2.94u(|a*x| + |y|).
    bound: axpyX.map((x, i) => 4 * UNIT_ROUNDOFF_F32 * (Math.abs(AXPY_A * x) + Math.abs(axpyY[i]!))),
  },
  {
    name: 'sqrt(v)',
    run: (gpu) => runKernel(gpu.createKernel(squareRoot, settings), [Float32Array.from(sqrtInput)]),
    reference: sqrtInput.map(Math.sqrt),
    bound: sqrtInput.map((v) => SQRT_RELATIVE_BOUND_U * UNIT_ROUNDOFF_F32 * Math.sqrt(v)),
  },
  {
    name: 'cos(t), t in [-pi, pi]',
    run: (gpu) => runKernel(gpu.createKernel(cosine, settings), [Float32Array.from(cosInput)]),
    reference: cosInput.map(Math.cos),
    bound: cosInput.map(() => COS_ABSOLUTE_BOUND),
  },
];

export interface WorstError {
  /** max over elements of |output - reference| / bound; > 1 means the check fails. NaN counts as Infinity. */
  readonly ratio: number;
  readonly index: number;
  readonly output: number;
  readonly reference: number;
}

/** The element furthest outside (or least inside) its bound. Throws if the lengths differ. */
export function worstError(output: Float32Array, reference: Float64Array, bound: Float64Array): WorstError {
  if (output.length !== reference.length || bound.length !== reference.length) {
    throw new Error(
      `worstError: ${output.length} outputs for ${reference.length} references and ${bound.length} bounds`,
    );
  }
  let worst: WorstError = { ratio: -1, index: -1, output: NaN, reference: NaN };
  for (let i = 0; i < reference.length; i++) {
    const error = Math.abs(output[i]! - reference[i]!) / bound[i]!;
    const ratio = Number.isNaN(error) ? Infinity : error;
    if (ratio > worst.ratio) worst = { ratio, index: i, output: output[i]!, reference: reference[i]! };
  }
  return worst;
}
