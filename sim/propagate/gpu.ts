/**
 * The `gpu` backend: gpuKernels.ts run by gpu.js in float32, on the columns of gpuRebase.ts.
 *
 * Which gpu.js backend (never swapped silently; `device` says what ran):
 * - browsers: `webgpu` when navigator.gpu answers with an adapter, else `webgl2`;
 * - Node: `headlessgl` when the optional native `gl` package loads, else `webasm` (WebAssembly, with gpu.js's
 *   worker threads under asyncMode when SharedArrayBuffer exists).
 * A mode can be forced (PropagatorOptions.gpuMode). At creation one tiny run builds the kernel, so a backend that
 * cannot compile it fails here, and gpu.js's own silent fallback to its `cpu` kernel is detected and refused.
 *
 * Precision: GPU_POSITION_BOUND relative to the semi-major axis, for a <= 5 au, e <= 0.99 and any t (see
 * gpuKernels.ts for the design).
 */
import {
  describeKernelDevice,
  GPU,
  kernelBackend,
  NUMERIC_KERNEL_SETTINGS,
  toFlatVec4,
  useFlatOutput,
  WebAssemblyKernel,
} from './gpujs.ts';
import type { GpuBackend, IKernelRunShortcut, KernelDevice } from './gpujs.ts';
import type { GpuMode, Propagator } from './propagator.ts';
import { TableCache } from './tableCache.ts';
import { checkCount, checkPositionsOut, checkTime } from './checks.ts';
import { keplerKernel } from './gpuKernels.ts';
import { createGpuColumns, needsRebase, rebase, type GpuColumns } from './gpuRebase.ts';
import type { TracerTable } from './tracerTable.ts';

/**
 * Every position within this of cpu64, relative to a, for a <= 5 au, e <= 0.99 and any t (the target, asked
 * for e <= 0.9). Beyond e = 0.99 positions stay finite but the error grows (5e-5 at e = 0.999).
 */
export const GPU_POSITION_BOUND = 5e-7;

/** The platform's preferred mode: webgpu, webgl2, headlessgl, webasm, in that order, as available. */
export async function bestGpuMode(): Promise<GpuMode> {
  if (GPU.isWebGPUSupported && (await GPU.isWebGPUAvailable())) return 'webgpu';
  if (GPU.isWebGL2Supported) return 'webgl2';
  if (GPU.isHeadlessGLSupported) return 'headlessgl';
  if (GPU.isWebAssemblySupported) return 'webasm';
  throw new Error('gpu: no gpu.js backend is available here (no WebGPU, WebGL2, headless-gl or WebAssembly)');
}

type Kernel = IKernelRunShortcut;

/** Declared, not inferred: gpu.js would type a scalar from its first value (an integer count as Integer). */
const ARGUMENT_TYPES = {
  orbitA: 'Array',
  orbitB: 'Array',
  orbitC: 'Array',
  dt: 'Float',
  count: 'Float',
} as const;

interface GpuEntry {
  readonly columns: GpuColumns;
  positions: Kernel | null;
}

/** Create the gpu backend; `mode` forces a gpu.js backend. Rejects when that backend cannot run the kernel. */
export async function createGpuPropagator(mode?: GpuMode, webasmThreads?: number): Promise<Propagator> {
  const chosen = mode ?? (await bestGpuMode());
  const gpu = new GPU({ mode: chosen });
  const asyncMode = chosen === 'webasm';
  // webasm threads (gpu.js's pool under asyncMode, only with SharedArrayBuffer and outputs >= 4096 cells)
  const navigatorThreads = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator
    ?.hardwareConcurrency;
  const hostThreads =
    asyncMode && Reflect.get(WebAssemblyKernel, 'isThreadsSupported') === true
      ? Math.max(1, webasmThreads ?? navigatorThreads ?? 1)
      : 1;
  const kernels = new Set<Kernel>();

  function makeKernel(threads: number): Kernel {
    const kernel = gpu.createKernel(keplerKernel, {
      ...NUMERIC_KERNEL_SETTINGS,
      output: [Math.max(1, threads)],
      returnType: 'Array(4)',
      argumentTypes: ARGUMENT_TYPES,
      ...(asyncMode ? { asyncMode: true, poolSize: hostThreads } : {}),
    } as never) as unknown as Kernel;
    kernels.add(kernel);
    return kernel;
  }

  type Args = Parameters<typeof keplerKernel>;
  function run(
    kernel: Kernel,
    columns: Pick<GpuColumns, 'orbitA' | 'orbitB' | 'orbitC'>,
    dtS: number,
    count: number,
  ): Promise<Float32Array> {
    const args: Args = [columns.orbitA, columns.orbitB, columns.orbitC, Math.fround(dtS), count];
    const threads = (kernel as unknown as { kernel: { output: number[] } }).kernel.output[0] as number;
    return toFlatVec4((kernel as unknown as (...a: Args) => never)(...args), threads);
  }

  const flattened = new WeakSet<Kernel>();
  /** After a run: refuse a silent swap of backend, and switch the kernel to flat output (gpujs.ts). */
  function checkBackend(kernel: Kernel): void {
    const actual: GpuBackend = kernelBackend(kernel);
    if (actual !== chosen) {
      throw new Error(
        `gpu: asked gpu.js for ${chosen} but it ran the kernel on ${actual}; refusing to swap silently`,
      );
    }
    if (!flattened.has(kernel)) {
      useFlatOutput(kernel);
      flattened.add(kernel);
    }
  }

  // Build and run the kernel once on one tracer, to learn the device and to fail now if it cannot run.
  let device: KernelDevice;
  {
    const probe = makeKernel(1);
    const one = new Float32Array([0.5, 0, 0.5, 0.5]);
    const out = await run(probe, { orbitA: one, orbitB: one, orbitC: one }, 0, 1);
    checkBackend(probe);
    if (!Number.isFinite(out[0])) throw new Error(`gpu: the probe kernel on ${chosen} returned ${out[0]}`);
    device = describeKernelDevice(probe, hostThreads);
    probe.destroy(false);
    kernels.delete(probe);
  }

  const cache = new TableCache<GpuEntry>((entry) => {
    if (entry.positions !== null) {
      entry.positions.destroy(false);
      kernels.delete(entry.positions);
    }
  });
  let disposed = false;

  function entryOf(table: TracerTable, tdbS: number): GpuEntry {
    if (disposed) throw new Error('gpu propagator: disposed');
    const entry = cache.get(table, (t) => ({
      columns: createGpuColumns(t, tdbS),
      positions: null,
    }));
    if (needsRebase(entry.columns, tdbS)) rebase(entry.columns, table, tdbS);
    return entry;
  }

  return {
    name: 'gpu',
    device: device.device,
    threads: hostThreads,
    software: device.software,
    positionBound: GPU_POSITION_BOUND,
    async positions(table, tdbS, out, count = table.count) {
      checkTime(tdbS);
      checkCount(count, table);
      checkPositionsOut(out, count);
      const entry = entryOf(table, tdbS);
      if (count === 0) return;
      entry.positions ??= makeKernel(table.count);
      const dtS = tdbS - entry.columns.rebaseTdbS;
      const flat = await run(entry.positions, entry.columns, dtS, count);
      checkBackend(entry.positions);
      for (let k = 0; k < count; k += 1) {
        out[3 * k] = flat[4 * k] as number;
        out[3 * k + 1] = flat[4 * k + 1] as number;
        out[3 * k + 2] = flat[4 * k + 2] as number;
      }
    },
    forget: (table) => cache.forget(table),
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const kernel of kernels) kernel.destroy(false);
      kernels.clear();
      gpu.destroy();
    },
  };
}
