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

export { GPU, WebAssemblyKernel };
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

/**
 * The output of a one-dimensional kernel that returns Array(4), as one Float32Array of 4 values per thread
 * (`threads` of them), awaited first. gpu.js hands such outputs back as an array of Float32Array(4) views: when
 * they are consecutive views of one buffer (every backend in gpu.js 2.24: stride 4 on webgl2, webgpu and webasm),
 * the buffer is returned without a copy; otherwise the values are copied.
 */
export async function toFlatVec4(
  result: KernelOutput | Promise<KernelOutput>,
  threads: number,
): Promise<Float32Array> {
  const value: unknown = await result;
  if (value instanceof Float32Array && value.length >= 4 * threads) return value.subarray(0, 4 * threads);
  if (!Array.isArray(value) || value.length < threads) {
    throw new TypeError(
      `toFlatVec4: expected ${threads} Float32Array(4) from an Array(4) kernel, got ${describe(value)}`,
    );
  }
  const first: unknown = value[0];
  const last: unknown = value[threads - 1];
  if (
    first instanceof Float32Array &&
    last instanceof Float32Array &&
    first.buffer === last.buffer &&
    last.byteOffset - first.byteOffset === 16 * (threads - 1) &&
    first.byteOffset + 16 * threads <= first.buffer.byteLength
  ) {
    return new Float32Array(first.buffer, first.byteOffset, 4 * threads);
  }
  const flat = new Float32Array(4 * threads);
  for (let i = 0; i < threads; i += 1) {
    const item: unknown = value[i];
    if (!(item instanceof Float32Array)) throw new TypeError(`toFlatVec4: element ${i} is ${describe(item)}`);
    flat.set(item.subarray(0, 4), 4 * i);
  }
  return flat;
}

/**
 * Make a built kernel hand back its raw output (one flat Float32Array, 4 values per thread for Array(4)) instead
 * of one Float32Array view per thread: for a million threads those views cost more than the kernel on some
 * backends. Uses gpu.js 2.24 internals (GL kernels' `formatValues`, the webasm/webgpu kernels' `_shapeOutput`), so
 * it is best-effort: toFlatVec4 accepts either shape, and returns false here when the kernel is of another kind.
 * Call it after the kernel's first run (GL kernels set `formatValues` when they build).
 */
export function useFlatOutput(shortcut: { readonly kernel: object }): boolean {
  const kernel = shortcut.kernel as Record<string, unknown>;
  const backend = kernelBackend(shortcut);
  const identity = (data: unknown): unknown => data;
  if (backend === 'webgl2' || backend === 'webgl' || backend === 'headlessgl') {
    if (typeof kernel['formatValues'] !== 'function') return false;
    kernel['formatValues'] = identity;
    return true;
  }
  if (backend === 'webasm' || backend === 'webgpu') {
    if (typeof kernel['_shapeOutput'] !== 'function') return false;
    kernel['_shapeOutput'] = identity;
    return true;
  }
  return false;
}

/** What really ran a kernel: the gpu.js backend, a description of the device, and whether it is a CPU in disguise. */
export interface KernelDevice {
  readonly backend: GpuBackend;
  /** e.g. 'webgl2 (ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) ...)))' */
  readonly device: string;
  /** True for software rasterisers (SwiftShader, llvmpipe, Microsoft Basic Render) and the CPU backends. */
  readonly software: boolean;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|lavapipe/i;

/**
 * Describe the device behind a kernel that has run at least once (so gpu.js has built it on its final backend).
 * WebGL: the unmasked renderer (WEBGL_debug_renderer_info) or RENDERER. WebGPU: the adapter's vendor and
 * architecture (gpu.js keeps the adapter on kernel.context). webasm/cpu: the CPU, `threads` as given.
 */
export function describeKernelDevice(shortcut: { readonly kernel: object }, threads = 1): KernelDevice {
  const backend = kernelBackend(shortcut);
  const kernel = shortcut.kernel as { context?: unknown };
  if (backend === 'webgl2' || backend === 'webgl' || backend === 'headlessgl') {
    const gl = kernel.context as
      { getExtension(name: string): unknown; getParameter(p: number): unknown; RENDERER: number } | undefined;
    let renderer = 'unknown renderer';
    if (gl !== undefined) {
      const info = gl.getExtension('WEBGL_debug_renderer_info') as { UNMASKED_RENDERER_WEBGL: number } | null;
      renderer = String(gl.getParameter(info !== null ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    }
    const software = SOFTWARE_RENDERER.test(renderer);
    return { backend, device: `${backend} (${renderer}${software ? ', software' : ''})`, software };
  }
  if (backend === 'webgpu') {
    const context = kernel.context as {
      adapter?: { info?: { vendor?: string; architecture?: string; description?: string } };
    };
    const info = context?.adapter?.info;
    const name = [info?.vendor, info?.architecture, info?.description]
      .filter((s) => s !== undefined && s !== '')
      .join(' ');
    const software = SOFTWARE_RENDERER.test(name) || info?.architecture === 'swiftshader';
    return {
      backend,
      device: `webgpu (${name || 'unknown adapter'}${software ? ', software' : ''})`,
      software,
    };
  }
  const what = backend === 'webasm' ? 'WebAssembly' : 'JavaScript';
  return {
    backend,
    device: `${backend} (${what} on the CPU, ${threads} thread${threads === 1 ? '' : 's'}, software)`,
    software: true,
  };
}
