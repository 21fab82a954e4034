/**
 * The Propagator interface every backend implements (backend.ts creates them), and the options and reports of the
 * choice between them. Types only, so that backends (gpu.ts) and the chooser import them without a cycle.
 */
import type { CpuPool } from './cpuPool.ts';
import type { TracerTable } from './tracerTable.ts';

export type BackendName = 'cpu64' | 'cpu' | 'gpu';

export interface Propagator {
  readonly name: BackendName;
  /** What runs the numbers, e.g. 'float64 JavaScript, 2 worker_threads' or 'webgl2 (SwiftShader, software)'. */
  readonly device: string;
  /** Threads that compute (1 for the caller's thread alone); for GPU backends, those of the host side. */
  readonly threads: number;
  /** True when a GPU backend runs on the CPU (SwiftShader, llvmpipe, webasm, gpu.js cpu): not GPU speed. */
  readonly software: boolean;
  /** Largest position error against cpu64 this backend is tested to, relative to the semi-major axis. */
  readonly positionBound: number;
  /**
   * Heliocentric ECLIPJ2000 positions (m) of the first `count` tracers (default: all) at tdbS (TDB s past J2000),
   * xyz interleaved into `out` (length >= 3 count). A tracer not yet on station still gets its orbit's position.
   */
  positions(
    table: TracerTable,
    tdbS: number,
    out: Float64Array | Float32Array,
    count?: number,
  ): Promise<void>;
  /** Drop what was prepared for `table` (call it before changing a table already used). */
  forget(table: TracerTable): void;
  /** Release workers and GPU resources. The propagator cannot be used afterwards. */
  dispose(): void;
}

/** How `auto` chose (or why a candidate was passed over). */
export interface AutoChoice {
  readonly chosen: BackendName;
  readonly candidates: ReadonlyArray<{
    readonly name: BackendName;
    readonly device?: string;
    /** Positions per second in the self-check (the caller's clock), or undefined if it failed. */
    readonly positionsPerS?: number;
    /** Worst error against cpu64 in the self-check, relative to a. */
    readonly maxRelativeError?: number;
    readonly rejected?: string;
  }>;
}

/** GPU backends gpu.ts can drive; `auto` order is in gpu.ts. */
export type GpuMode = 'webgpu' | 'webgl2' | 'headlessgl' | 'webasm';

export interface PropagatorOptions {
  /** Workers for `cpu` (from src/node/cpuPool.ts); without it `cpu` uses one thread. */
  readonly pool?: CpuPool;
  /** Force one gpu.js mode for `gpu` instead of the platform's best (see gpu.ts). */
  readonly gpuMode?: GpuMode;
  /** Threads of gpu.js's webasm pool (default navigator.hardwareConcurrency, or 1 where there is none: Node 20). */
  readonly gpuThreads?: number;
  /** `auto`: the clock used to time the self-check, ms (default performance.now where it exists, else Date.now). */
  readonly now?: () => number;
  /** `auto`: the names to consider, fastest first wins among those that pass; default ['gpu', 'cpu']. */
  readonly autoCandidates?: readonly BackendName[];
}

export type AutoPropagator = Propagator & { readonly choice: AutoChoice };

/**
 * A propagator that computes on the caller's thread (cpu64, and cpu without a pool) and so can also answer
 * synchronously. Same checks, same numbers as its async methods.
 */
export interface SyncPropagator extends Propagator {
  positionsSync(table: TracerTable, tdbS: number, out: Float64Array | Float32Array, count?: number): void;
}
