/**
 * The message contract between the cpu backend's pool (cpuPool.ts, on the caller's thread) and its workers
 * (cpuWorker.ts, started by an edge: src/node/cpuWorker.ts). Every request carries a sequence number `seq`; a reply
 * carries the seq it answers, and the pool drops a reply whose seq it no longer waits for (a stale one).
 *
 * Work is split by chunks of POOL_CHUNK tracers, dealt round-robin: worker w of W owns chunks w, w + W, w + 2W, ...
 * (workerChunks), so every prefix of the table (the tracers on station) is shared evenly. With shared memory
 * (SharedArrayBuffer) each worker reads the prepared table and writes the caller's output in place (global
 * indices). Without it, each worker receives a copy of its own chunks once, when the table is loaded, and sends
 * its positions back in a buffer that travels to and fro (transferred, not copied; local indices: its chunks
 * packed in order).
 */

/** Tracers per chunk of work. */
export const POOL_CHUNK = 4096;

/** The global chunks of worker `worker` of `workers`, in order, for the first `count` tracers. */
export function workerChunks(worker: number, workers: number, count: number): number[] {
  const chunks: number[] = [];
  for (let c = worker; c * POOL_CHUNK < count; c += workers) chunks.push(c);
  return chunks;
}

/** Messages to a worker. */
export type CpuWorkerRequest =
  | {
      readonly type: 'load';
      readonly seq: number;
      /** The pool's name for the table. */
      readonly id: number;
      /** Shared: the whole PreparedOrbits.orbits. Copied: this worker's chunks, in order. */
      readonly orbits: Float64Array;
    }
  | {
      readonly type: 'positions';
      readonly seq: number;
      readonly id: number;
      /** The first `count` tracers of the table. */
      readonly count: number;
      /** t - PreparedOrbits.referenceTdbS, s. */
      readonly dtS: number;
      /** Shared: the output (global indices). Copied: this worker's buffer (local indices), sent back. */
      readonly out: Float64Array | Float32Array;
    }
  | { readonly type: 'unload'; readonly seq: number; readonly id: number };

/** A worker's answer to the request numbered `seq`: the copied buffer (or null), or the error's message. */
export type CpuWorkerReply =
  | { readonly seq: number; readonly ok: true; readonly data: Float64Array | Float32Array | null }
  | { readonly seq: number; readonly ok: false; readonly error: string };
