/**
 * One interface, several propagation backends, and the choice between them.
 *
 * - `cpu64`: the float64 reference (cpu64.ts). Correctness first.
 * - `cpu`: the fast float64 path (cpuKernel.ts), on the caller's thread or on a pool of workers (cpuPool.ts, its
 *   workers started at the edge: src/node/cpuPool.ts). Same bytes whatever the number of threads.
 * - `gpu`: gpu.js kernels in float32 (gpu.ts): webgpu or webgl2 in browsers, headlessgl or webasm in Node.
 *
 * Every backend reports what really ran (`device`, `threads`, `software`) and never swaps silently: a backend that
 * cannot run throws, and `auto` says which one it picked and why (`choice`).
 *
 * Tables: a propagator validates a table (validateTracerTable: InputError naming the column and row) and prepares
 * it the first time it sees it, then keeps the prepared form keyed by the table object. A table must therefore not
 * be changed once given to a propagator; call `forget(table)` first if it is. Pass the whole table and a `count`
 * (the tracers on station are a prefix of the world's table), not a fresh prefix view each time.
 *
 * A backend computes positions only: what is summed over them (sim/propagate/shellSums.ts) is one routine for all
 * backends, memory-bound and cheap next to the Kepler solve.
 */
import { InputError } from '../errors.ts';
import { checkCount, checkPositionsOut, checkTime } from './checks.ts';
import { propagateCpu64 } from './cpu64.ts';
import { CPU_KERNEL, CPU_POSITION_BOUND } from './cpuKernel.ts';
import type { CpuPool, PooledTable } from './cpuPool.ts';
import { prepareOrbits, type PreparedOrbits } from './cpuPrepare.ts';
import type { TracerTable } from './tracerTable.ts';
import { createTracerTable, setTracer, tracerTablePrefix, validateTracerTable } from './tracerTable.ts';
import { AU_M, GM_SUN_M3_S2, SECONDS_PER_JULIAN_YEAR } from '../constants.ts';

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

/**
 * Create a propagator. 'auto' runs a self-check on a fixed random table (AUTO_CHECK_TRACERS tracers, the hard
 * cases included) with every candidate, rejects any whose error against cpu64 exceeds its stated bound (or that
 * fails to start), and keeps the fastest of the rest; the others are disposed.
 */
export async function createPropagator(name: 'auto', options?: PropagatorOptions): Promise<AutoPropagator>;
export async function createPropagator(name: BackendName, options?: PropagatorOptions): Promise<Propagator>;
export async function createPropagator(
  name: BackendName | 'auto',
  options: PropagatorOptions = {},
): Promise<Propagator> {
  switch (name) {
    case 'cpu64':
      return createCpu64Propagator();
    case 'cpu':
      return options.pool === undefined ? createCpuPropagator() : createCpuPropagator(options.pool);
    case 'gpu': {
      const { createGpuPropagator } = await import('./gpu.ts');
      return createGpuPropagator(options.gpuMode, options.gpuThreads);
    }
    case 'auto':
      return chooseAuto(options);
    default:
      throw new InputError(`must be one of cpu64, cpu, gpu, auto, got ${String(name)}`, 'backend');
  }
}

/** Validate on first sight and keep what a backend prepared per table (WeakMap: dropped with the table). */
export class TableCache<T> {
  private readonly entries = new WeakMap<TracerTable, T>();

  constructor(private readonly release: (entry: T) => void = () => {}) {}

  get(table: TracerTable, prepare: (table: TracerTable) => T): T {
    let entry = this.entries.get(table);
    if (entry === undefined) {
      validateTracerTable(table);
      entry = prepare(table);
      this.entries.set(table, entry);
    }
    return entry;
  }

  forget(table: TracerTable): void {
    const entry = this.entries.get(table);
    if (entry === undefined) return;
    this.entries.delete(table);
    this.release(entry);
  }
}

/** The float64 reference behind the Propagator interface. */
export function createCpu64Propagator(): SyncPropagator {
  const validated = new TableCache<true>();
  function positionsSync(
    table: TracerTable,
    tdbS: number,
    out: Float64Array | Float32Array,
    count = table.count,
  ): void {
    checkTime(tdbS);
    checkCount(count, table);
    checkPositionsOut(out, count);
    validated.get(table, () => true);
    if (out instanceof Float64Array) {
      propagateCpu64(tracerTablePrefix(table, count), tdbS, out);
    } else {
      const scratch = new Float64Array(3 * count);
      propagateCpu64(tracerTablePrefix(table, count), tdbS, scratch);
      out.set(scratch);
    }
  }
  return {
    name: 'cpu64',
    device: 'float64 JavaScript reference, 1 thread',
    threads: 1,
    software: false,
    positionBound: 0,
    positionsSync,
    positions: async (table, tdbS, out, count) => positionsSync(table, tdbS, out, count),
    forget: (table) => validated.forget(table),
    dispose() {},
  };
}

interface CpuEntry {
  readonly prepared: PreparedOrbits;
  pooled: PooledTable | null;
}

/**
 * The fast float64 backend: one thread (the caller's) without a pool, else the pool's workers. `positions`
 * resolves when done. Without a pool the work is done on the caller's thread, and the SyncPropagator
 * methods give the results without a promise (for code that must stay synchronous, like World.snapshot).
 */
export function createCpuPropagator(): SyncPropagator;
export function createCpuPropagator(pool: CpuPool | undefined): Propagator;
export function createCpuPropagator(pool?: CpuPool): Propagator | SyncPropagator {
  const cache = new TableCache<CpuEntry>((entry) => {
    if (pool !== undefined && entry.pooled !== null) void pool.unload(entry.pooled).catch(() => {});
  });
  let disposed = false;
  const threads = pool?.threads ?? 1;

  function entryOf(table: TracerTable): CpuEntry {
    if (disposed) throw new Error('cpu propagator: disposed');
    return cache.get(table, (t) => ({ prepared: prepareOrbits(t, pool?.allocate), pooled: null }));
  }

  function positionsOnThisThread(
    table: TracerTable,
    tdbS: number,
    out: Float64Array | Float32Array,
    count: number,
  ): void {
    const entry = entryOf(table);
    CPU_KERNEL.positions(entry.prepared.orbits, tdbS - entry.prepared.referenceTdbS, out, 0, count);
  }

  function positionsSync(
    table: TracerTable,
    tdbS: number,
    out: Float64Array | Float32Array,
    count = table.count,
  ) {
    checkTime(tdbS);
    checkCount(count, table);
    checkPositionsOut(out, count);
    positionsOnThisThread(table, tdbS, out, count);
  }

  const common = {
    name: 'cpu' as const,
    device:
      pool === undefined
        ? 'float64 JavaScript, 1 thread'
        : `float64 JavaScript, ${threads} ${pool.label}${pool.shared ? ' (shared memory)' : ' (copied buffers)'}`,
    threads,
    software: false,
    positionBound: CPU_POSITION_BOUND,
    forget: (table: TracerTable) => cache.forget(table),
    dispose() {
      disposed = true;
      pool?.destroy();
    },
  };
  if (pool === undefined) {
    return {
      ...common,
      positionsSync,
      positions: async (table, tdbS, out, count) => positionsSync(table, tdbS, out, count),
    };
  }
  return {
    ...common,
    async positions(table, tdbS, out, count = table.count) {
      checkTime(tdbS);
      checkCount(count, table);
      checkPositionsOut(out, count);
      const entry = entryOf(table);
      entry.pooled ??= await pool.load(entry.prepared);
      await pool.positions(entry.pooled, count, tdbS - entry.prepared.referenceTdbS, out);
    },
  };
}

/** 2030-01-01 and 2050-01-01 (TDB s past J2000, to within a minute): the span Essaim simulates. */
export const SPAN_2030_TDB_S = 30 * SECONDS_PER_JULIAN_YEAR - 0.75 * 86_400;
export const SPAN_2050_TDB_S = 50 * SECONDS_PER_JULIAN_YEAR - 0.75 * 86_400;

/** Tracers in the `auto` self-check table. */
export const AUTO_CHECK_TRACERS = 32_768;

/**
 * A deterministic table of `count` tracers over the domain the GPU bound is stated for (a in [0.1, 5] au, e <= 0.9,
 * epochs and stations in 2030-2050), with the hard cases mixed in: e = 0.9 placed near periapsis at the
 * epoch, i = 0 and i = π, beta up to 0.99 (small n), and some near-circular orbits. `seed` picks the sample.
 * Used by the `auto` self-check and the benchmarks; tests draw their own tables with fast-check.
 */
export function createCheckTable(count: number, seed = 1): TracerTable {
  let state = seed >>> 0;
  // mulberry32: small, fast, good enough to spread test orbits
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const table = createTracerTable(count);
  const span = SPAN_2050_TDB_S - SPAN_2030_TDB_S;
  for (let k = 0; k < count; k += 1) {
    const kind = k % 8;
    const a = Math.exp(Math.log(0.1) + random() * Math.log(50)) * AU_M;
    const e = kind === 0 ? 0.9 : kind === 1 ? 1e-7 * random() : 0.9 * random();
    const i = kind === 2 ? 0 : kind === 3 ? Math.PI : Math.PI * random();
    const beta = kind === 4 ? 0.99 * random() : kind === 5 ? 0.9 + 0.09 * random() : 0;
    const M = kind === 0 ? 1e-3 * (random() - 0.5) : 2 * Math.PI * random();
    const epoch = SPAN_2030_TDB_S + span * random();
    setTracer(
      table,
      k,
      {
        semiMajorAxisM: a,
        eccentricity: e,
        inclinationRad: i,
        ascendingNodeRad: 2 * Math.PI * random(),
        argPeriapsisRad: 2 * Math.PI * random(),
        meanAnomalyRad: M,
      },
      epoch,
      GM_SUN_M3_S2 * (1 - beta),
      1 + 1e6 * random(),
      epoch,
      kind,
    );
  }
  return table;
}

/** Worst |p - p_ref| / a over the first `count` tracers (NaN counts as Infinity). */
export function maxRelativeError(
  table: TracerTable,
  positions: Float64Array | Float32Array,
  reference: Float64Array,
  count = table.count,
): number {
  let worst = 0;
  for (let k = 0; k < count; k += 1) {
    const dx = (positions[3 * k] as number) - (reference[3 * k] as number);
    const dy = (positions[3 * k + 1] as number) - (reference[3 * k + 1] as number);
    const dz = (positions[3 * k + 2] as number) - (reference[3 * k + 2] as number);
    const error = Math.sqrt(dx * dx + dy * dy + dz * dz) / (table.semiMajorAxisM[k] as number);
    if (!(error <= worst)) worst = Number.isNaN(error) ? Infinity : error;
  }
  return worst;
}

/** The `auto` choice (see createPropagator). */
async function chooseAuto(options: PropagatorOptions): Promise<AutoPropagator> {
  const clock = (globalThis as { performance?: { now(): number } }).performance;
  const now = options.now ?? (clock !== undefined ? () => clock.now() : () => Date.now());
  const names = options.autoCandidates ?? (['gpu', 'cpu'] as const);
  const table = createCheckTable(AUTO_CHECK_TRACERS, 2030);
  const times = [SPAN_2030_TDB_S + 1e5, 0.5 * (SPAN_2030_TDB_S + SPAN_2050_TDB_S), SPAN_2050_TDB_S - 1e5];
  const references = times.map((t) => {
    const r = new Float64Array(3 * table.count);
    propagateCpu64(table, t, r);
    return r;
  });
  const candidates: Array<AutoChoice['candidates'][number]> = [];
  let best: { propagator: Propagator; rate: number } | null = null;
  for (const name of names) {
    if (name === 'cpu64') continue; // the reference is never the fastest; it is what the others are checked against
    let propagator: Propagator | null = null;
    try {
      propagator = await createPropagator(name, options);
      const out = new Float64Array(3 * table.count);
      let worst = 0;
      let fastestMs = Infinity;
      for (let run = 0; run < times.length; run += 1) {
        const started = now();
        await propagator.positions(table, times[run] as number, out);
        fastestMs = Math.min(fastestMs, now() - started);
        worst = Math.max(worst, maxRelativeError(table, out, references[run] as Float64Array));
      }
      const rate = table.count / (Math.max(fastestMs, 1e-3) / 1000);
      if (!(worst <= Math.max(propagator.positionBound, 1e-7))) {
        candidates.push({ name, device: propagator.device, maxRelativeError: worst, rejected: 'precision' });
        propagator.dispose();
        continue;
      }
      candidates.push({ name, device: propagator.device, positionsPerS: rate, maxRelativeError: worst });
      if (best === null || rate > best.rate) {
        best?.propagator.dispose();
        best = { propagator, rate };
      } else {
        propagator.dispose();
      }
    } catch (error) {
      propagator?.dispose();
      candidates.push({ name, rejected: error instanceof Error ? error.message : String(error) });
    }
  }
  if (best === null) {
    throw new Error(`auto: no backend passed its self-check: ${JSON.stringify(candidates)}`);
  }
  best.propagator.forget(table);
  return Object.assign(Object.create(null) as object, best.propagator, {
    choice: { chosen: best.propagator.name, candidates },
  }) as AutoPropagator;
}
