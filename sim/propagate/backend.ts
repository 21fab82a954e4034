/**
 * One interface, several propagation backends, and the choice between them.
 *
 * - `cpu64`: the float64 reference (cpu64.ts). Correctness first.
 * - `cpu`: the fast float64 path (simdKernel.ts in WebAssembly SIMD where it passes its start-up check, else
 *   cpuKernel.ts: the same bytes either way; cpuKernelChoice.ts), on the caller's thread or on a pool of workers (cpuPool.ts, its
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
import {
  AUTO_CHECK_TRACERS,
  createCheckTable,
  maxRelativeError,
  SPAN_2030_TDB_S,
  SPAN_2050_TDB_S,
} from './checkTable.ts';
import { checkCount, checkPositionsOut, checkTime } from './checks.ts';
import { propagateCpu64 } from './cpu64.ts';
import { CPU_POSITION_BOUND } from './cpuKernel.ts';
import { kernelDevice, threadCpuKernel } from './cpuKernelChoice.ts';
import type { CpuPool, PooledTable } from './cpuPool.ts';
import { prepareOrbits, type PreparedOrbits } from './cpuPrepare.ts';
import type {
  AutoChoice,
  AutoPropagator,
  BackendName,
  Propagator,
  PropagatorOptions,
  SyncPropagator,
} from './propagator.ts';
import { TableCache } from './tableCache.ts';
import type { TracerTable } from './tracerTable.ts';
import { tracerTablePrefix } from './tracerTable.ts';

export type {
  AutoChoice,
  AutoPropagator,
  BackendName,
  GpuMode,
  Propagator,
  PropagatorOptions,
  SyncPropagator,
} from './propagator.ts';

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
  // the SIMD kernel where it passes its start-up check (cpuKernelChoice.ts); the workers choose the same way
  const choice = threadCpuKernel();

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
    choice.kernel.positions(entry.prepared.orbits, tdbS - entry.prepared.referenceTdbS, out, 0, count);
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
        ? kernelDevice(choice, '1 thread')
        : kernelDevice(
            choice,
            `${threads} ${pool.label}${pool.shared ? ' (shared memory)' : ' (copied buffers)'}`,
          ),
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
