/**
 * Propagators for Node (the CLI): createPropagator with this machine's cores wired in, i.e. the cpu backend on a
 * worker_threads pool and gpu.js's webasm pool sized to os.availableParallelism(). `essaim run --backend` calls this.
 */
import { availableParallelism } from 'node:os';

import {
  createPropagator,
  type AutoPropagator,
  type BackendName,
  type Propagator,
  type PropagatorOptions,
} from '../../sim/propagate/backend.ts';
import { InputError } from '../../sim/errors.ts';
import { createNodeCpuPool } from './cpuPool.ts';

export type BackendChoice = BackendName | 'auto';

export type NodePropagatorOptions = { readonly threads?: number } & Omit<
  PropagatorOptions,
  'pool' | 'gpuThreads'
>;

/** Parse a --backend value (cpu64, cpu, gpu, auto); InputError names the flag otherwise. */
export function parseBackend(value: string): BackendChoice {
  if (value === 'cpu64' || value === 'cpu' || value === 'gpu' || value === 'auto') return value;
  throw new InputError(`must be one of cpu, gpu, auto (or cpu64, the reference), got ${value}`, '--backend');
}

/**
 * A propagator for `name` using `threads` cores (default: all). With one thread the cpu backend runs on the
 * caller's thread. Dispose it when done (it owns worker threads).
 */
export async function createNodePropagator(
  name: 'auto',
  options?: NodePropagatorOptions,
): Promise<AutoPropagator>;
export async function createNodePropagator(
  name: BackendChoice,
  options?: NodePropagatorOptions,
): Promise<Propagator>;
export async function createNodePropagator(
  name: BackendChoice,
  { threads = availableParallelism(), ...rest }: NodePropagatorOptions = {},
): Promise<Propagator> {
  if (!(Number.isInteger(threads) && threads >= 1)) {
    throw new InputError(`must be an integer >= 1, got ${threads}`, 'threads');
  }
  const wantsPool = (name === 'cpu' || name === 'auto') && threads > 1;
  const pool = wantsPool ? createNodeCpuPool(threads) : undefined;
  try {
    return await createPropagator(name as BackendName, {
      ...rest,
      ...(pool !== undefined ? { pool } : {}),
      gpuThreads: threads,
      now: () => performance.now(),
    });
  } catch (error) {
    pool?.destroy();
    throw error;
  }
}
