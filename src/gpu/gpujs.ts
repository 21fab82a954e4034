/**
 * The one place Essaim imports gpu.js (2.24). Everything else imports `GPU` and the helpers from here.
 *
 * How the import resolves:
 * - In the browser (vite dev server, vitest browser mode, `vite build`), vite's default `mainFields`
 *   put `browser` first, so `'gpu.js'` resolves to `gpu.js/dist/gpu-browser.js`: a self-contained UMD
 *   bundle (no `require('gl')`, no Node `webgpu` package). The dependency optimizer turns it into ESM
 *   with CommonJS interop, so named imports (`GPU`, `WebGL2Kernel`, ...) work: the bundle's
 *   `module.exports` is the `GPU` class carrying every other export as a static property.
 * - In Node, `'gpu.js'` resolves to `src/index.js` (CommonJS); Node's named-export detection finds the
 *   same names. There `new GPU()` settles on `webasm` (or `cpu`).
 *
 * This module touches neither the DOM nor Node APIs, so it can run in a Web Worker.
 */
import { CPUKernel, GPU, HeadlessGLKernel, WebAssemblyKernel, WebGL2Kernel, WebGLKernel } from 'gpu.js';
import type { IGPUKernelSettings, KernelOutput } from 'gpu.js';

export { GPU };
export type {
  GPUInternalMode,
  GPUMode,
  IGPUKernelSettings,
  IGPUSettings,
  IKernelFunctionThis,
  IKernelRunShortcut,
  KernelOutput,
} from 'gpu.js';

/** The backend that actually executes a kernel, as gpu.js names its modes. */
export type GpuBackend = 'webgpu' | 'webgl2' | 'webgl' | 'headlessgl' | 'webasm' | 'cpu';

/**
 * Settings every numerical kernel should use.
 * - `precision: 'single'`: float32 textures/buffers, no 8-bit RGBA packing.
 * - `tactic: 'precision'`: the shader declares `precision highp float`. Without a tactic gpu.js picks
 *   the precision from the output size and declares `lowp` for small outputs wherever the driver reports
 *   that lowp has enough range (SwiftShader does); on mobile GPUs lowp is about 10 bits.
 */
export const NUMERIC_KERNEL_SETTINGS = {
  precision: 'single',
  tactic: 'precision',
} as const satisfies IGPUKernelSettings;

/**
 * Which backend runs a kernel. Call it after the first run: gpu.js builds lazily and may replace a
 * GL kernel by a `cpu` one at build time (it logs "Falling back to CPU"), so the mode asked of `new
 * GPU({ mode })` is not proof of where the numbers came from.
 * @param shortcut what `gpu.createKernel` returned
 */
export function kernelBackend(shortcut: { readonly kernel: object }): GpuBackend {
  const kernel = shortcut.kernel;
  // GL kernels all report the static mode 'gpu', so they are told apart by class, most derived first.
  if (kernel instanceof WebGL2Kernel) return 'webgl2';
  if (kernel instanceof HeadlessGLKernel) return 'headlessgl';
  if (kernel instanceof WebGLKernel) return 'webgl';
  if (kernel instanceof WebAssemblyKernel) return 'webasm';
  if (kernel instanceof CPUKernel) return 'cpu';
  // WebGPUKernel is not in gpu.js's typings; its static `mode` getter names it.
  const mode: unknown = Reflect.get(kernel.constructor, 'mode');
  if (mode === 'webgpu') return 'webgpu';
  throw new Error(`kernelBackend: unknown gpu.js kernel class ${kernel.constructor.name}`);
}

/**
 * The result of a one-dimensional kernel as a Float32Array, awaited first: `webgpu` kernels and kernels
 * with `asyncMode` return a Promise. Throws if the result is anything else (a Texture, a 2D output).
 */
export async function toFloat32Array(result: KernelOutput | Promise<KernelOutput>): Promise<Float32Array> {
  const value = await result;
  if (!(value instanceof Float32Array)) {
    throw new TypeError(`toFloat32Array: expected a Float32Array from a 1D kernel, got ${describe(value)}`);
  }
  return value;
}

function describe(value: unknown): string {
  return value === null || typeof value !== 'object' ? String(value) : Object.prototype.toString.call(value);
}
