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
 * gpuKernels.ts for the design). The reduction's partial sums are float32 over REDUCE_BLOCK tracers, added in
 * float64 on the host: GPU_REDUCTION_BOUND relative.
 */
import { AU_M, SOLAR_RADIUS_M } from '../constants.ts';
import {
  describeKernelDevice,
  GPU,
  kernelBackend,
  NUMERIC_KERNEL_SETTINGS,
  toFlatVec4,
  useFlatOutput,
  WebAssemblyKernel,
} from '../gpu/gpujs.ts';
import type { GpuBackend, IKernelRunShortcut, KernelDevice } from '../gpu/gpujs.ts';
import { TableCache, type GpuMode, type Propagator } from './backend.ts';
import { checkPositionsOut } from './cpuFast.ts';
import { KERNEL_MODE_POSITIONS, KERNEL_MODE_REDUCE, keplerKernel } from './gpuKernels.ts';
import { createGpuColumns, needsRebase, prepareGpuReduction, rebase, type GpuColumns } from './gpuRebase.ts';
import { checkCount, checkReduceParams, checkTime, finishReduction } from './reduce.ts';
import type { TracerTable } from './tracerTable.ts';

/**
 * Every position within this of cpu64, relative to a, for a <= 5 au, e <= 0.99 and any t (the target, asked
 * for e <= 0.9). Beyond e = 0.99 positions stay finite but the error grows (5e-5 at e = 0.999).
 */
export const GPU_POSITION_BOUND = 5e-7;

/**
 * Relative error bound of the reduction's power sums against reduceCpu64: per-tracer (a/r)^2 from positions
 * within GPU_POSITION_BOUND a (at r >= a (1 - e) = 0.1 a, 2 x 5e-6), float32 weights, and float32 partial sums of
 * REDUCE_BLOCK terms (a few 1e-7 each).
 */
export const GPU_REDUCTION_BOUND = 2e-5;

/** Tracers summed per GPU thread in the reduction. */
export const REDUCE_BLOCK = 32;

/** The platform's preferred mode: webgpu, webgl2, headlessgl, webasm, in that order, as available. */
export async function bestGpuMode(): Promise<GpuMode> {
  if (GPU.isWebGPUSupported && (await GPU.isWebGPUAvailable())) return 'webgpu';
  if (GPU.isWebGL2Supported) return 'webgl2';
  if (GPU.isHeadlessGLSupported) return 'headlessgl';
  if (GPU.isWebAssemblySupported) return 'webasm';
  throw new Error('gpu: no gpu.js backend is available here (no WebGPU, WebGL2, headless-gl or WebAssembly)');
}

type Kernel = IKernelRunShortcut;

/** The Earth arguments of a positions run (unused there). */
const NO_EARTH = [0, 0, 0, 0, 0, 0, 0, 0] as const;

/** Declared, not inferred: gpu.js would type a scalar from its first value (an integer count as Integer). */
const ARGUMENT_TYPES = {
  orbitA: 'Array',
  orbitB: 'Array',
  orbitC: 'Array',
  weight: 'Array',
  dt: 'Float',
  count: 'Float',
  ex: 'Float',
  ey: 'Float',
  ez: 'Float',
  ux: 'Float',
  uy: 'Float',
  uz: 'Float',
  sunDistance: 'Float',
  tanSunRadius: 'Float',
} as const;

interface GpuEntry {
  readonly table: TracerTable;
  readonly columns: GpuColumns;
  positions: Kernel | null;
  reduce: Kernel | null;
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
  const dummy = new Float32Array(1);

  function makeKernel(threads: number, kernelMode: number, block: number): Kernel {
    const kernel = gpu.createKernel(keplerKernel, {
      ...NUMERIC_KERNEL_SETTINGS,
      output: [Math.max(1, threads)],
      returnType: 'Array(4)',
      constants: { mode: kernelMode, block },
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
    weight: Float32Array,
    dtS: number,
    count: number,
    earth: readonly [number, number, number, number, number, number, number, number],
  ): Promise<Float32Array> {
    const args: Args = [
      columns.orbitA,
      columns.orbitB,
      columns.orbitC,
      weight,
      Math.fround(dtS),
      count,
      ...earth,
    ];
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
    const probe = makeKernel(1, KERNEL_MODE_POSITIONS, 1);
    const one = new Float32Array([0.5, 0, 0.5, 0.5]);
    const out = await run(probe, { orbitA: one, orbitB: one, orbitC: one }, dummy, 0, 1, NO_EARTH);
    checkBackend(probe);
    if (!Number.isFinite(out[0])) throw new Error(`gpu: the probe kernel on ${chosen} returned ${out[0]}`);
    device = describeKernelDevice(probe, hostThreads);
    probe.destroy(false);
    kernels.delete(probe);
  }

  const cache = new TableCache<GpuEntry>((entry) => {
    for (const kernel of [entry.positions, entry.reduce]) {
      if (kernel !== null) {
        kernel.destroy(false);
        kernels.delete(kernel);
      }
    }
  });
  let disposed = false;

  function entryOf(table: TracerTable, tdbS: number): GpuEntry {
    if (disposed) throw new Error('gpu propagator: disposed');
    const entry = cache.get(table, (t) => ({
      table: t,
      columns: createGpuColumns(t, tdbS),
      positions: null,
      reduce: null,
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
      entry.positions ??= makeKernel(table.count, KERNEL_MODE_POSITIONS, 1);
      const dtS = tdbS - entry.columns.rebaseTdbS;
      const flat = await run(entry.positions, entry.columns, dummy, dtS, count, NO_EARTH);
      checkBackend(entry.positions);
      for (let k = 0; k < count; k += 1) {
        out[3 * k] = flat[4 * k] as number;
        out[3 * k + 1] = flat[4 * k + 1] as number;
        out[3 * k + 2] = flat[4 * k + 2] as number;
      }
    },
    async reduce(table, tdbS, count, params) {
      checkTime(tdbS);
      checkCount(count, table);
      checkReduceParams(params);
      const entry = entryOf(table, tdbS);
      prepareGpuReduction(entry.columns, table, params.degradationRatePerS);
      const reduction = entry.columns.reduction;
      if (reduction === null) throw new Error('gpu: reduction columns missing');
      const blocks = Math.ceil(Math.max(1, table.count) / REDUCE_BLOCK);
      entry.reduce ??= makeKernel(blocks, KERNEL_MODE_REDUCE, REDUCE_BLOCK);
      const earth = params.earthPositionM;
      const ex = (earth[0] as number) / AU_M;
      const ey = (earth[1] as number) / AU_M;
      const ez = (earth[2] as number) / AU_M;
      const sunDistance = Math.sqrt(ex * ex + ey * ey + ez * ez);
      const sinTheta = SOLAR_RADIUS_M / AU_M / sunDistance;
      const tanTheta = sinTheta / Math.sqrt((1 - sinTheta) * (1 + sinTheta));
      const dtS = tdbS - entry.columns.rebaseTdbS;
      const flat =
        count === 0
          ? new Float32Array(4 * blocks)
          : await run(entry.reduce, entry.columns, entry.columns.weight, dtS, count, [
              ex,
              ey,
              ez,
              -ex / sunDistance,
              -ey / sunDistance,
              -ez / sunDistance,
              sunDistance,
              tanTheta,
            ]);
      if (count > 0) checkBackend(entry.reduce);
      let flux = 0;
      let degraded = 0;
      let sunward = 0;
      let sunwardWeight = 0;
      for (let b = 0; b < blocks; b += 1) {
        flux += flat[4 * b] as number;
        degraded += flat[4 * b + 1] as number;
        sunward += flat[4 * b + 2] as number;
        sunwardWeight += flat[4 * b + 3] as number;
      }
      const scale = Math.exp(-params.degradationRatePerS * (tdbS - reduction.degradationReferenceTdbS));
      return finishReduction(tdbS, count, params, flux, degraded, sunward, sunwardWeight, scale);
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
