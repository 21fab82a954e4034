/**
 * The cpu backend's threads, driven from the caller's thread (which only waits): the generic driver, in plain TS.
 * An edge only starts the workers and passes messages (src/node/cpuPool.ts: worker_threads). The messages and the
 * way work is dealt are in cpuWorkerMessages.ts; every worker runs the same kernel on the same inputs, so the
 * bytes are those of one thread whatever the number of workers.
 */
import { InputError } from '../errors.ts';
import { PREPARED_STRIDE, plainAllocator, type Float64Allocator, type PreparedOrbits } from './cpuPrepare.ts';
import { POOL_CHUNK, workerChunks, type CpuWorkerReply, type CpuWorkerRequest } from './cpuWorkerMessages.ts';

/** One worker as the edge sees it: post a message (with transferables), receive messages, stop. */
export interface WorkerPort {
  post(message: CpuWorkerRequest, transfer: ArrayBuffer[]): void;
  /** Register the (single) handler of replies and of the worker's errors (an Error or a message string). */
  listen(onReply: (reply: CpuWorkerReply) => void, onError: (error: unknown) => void): void;
  /** Keep the process alive while a request is in flight (worker_threads' ref/unref). */
  hold(busy: boolean): void;
  terminate(): void;
}

/** What an edge gives the driver: how many workers, whether memory is shared, and how to start one. */
export interface CpuPoolHost {
  readonly threads: number;
  /** True when SharedArrayBuffer can be posted to the workers. */
  readonly shared: boolean;
  /** Start worker `index` of `threads` (src/node/cpuWorker.ts), told whether its buffers are shared. */
  spawn(index: number, threads: number, shared: boolean): WorkerPort;
  /** Where the threads run, for Propagator.device (e.g. 'worker_threads'). */
  readonly label: string;
}

/** A table loaded into the pool. Opaque to callers. */
export interface PooledTable {
  readonly id: number;
  readonly count: number;
}

/** The cpu backend's threads (see the module comment). */
export interface CpuPool {
  readonly threads: number;
  readonly shared: boolean;
  readonly label: string;
  /** Allocator for the prepared buffers: over SharedArrayBuffer when shared. */
  readonly allocate: Float64Allocator;
  load(orbits: PreparedOrbits): Promise<PooledTable>;
  /** Positions of the first `count` tracers at referenceTdbS + dtS into `out` (xyz interleaved, m). */
  positions(table: PooledTable, count: number, dtS: number, out: Float64Array | Float32Array): Promise<void>;
  unload(table: PooledTable): Promise<void>;
  destroy(): void;
}

/** Drive `host.threads` workers. */
export function createCpuPool(host: CpuPoolHost): CpuPool {
  const threads = host.threads;
  if (!(Number.isInteger(threads) && threads >= 1 && threads <= 1024)) {
    throw new InputError(`must be an integer in [1, 1024], got ${threads}`, 'threads');
  }
  const shared = host.shared;
  const allocate: Float64Allocator = shared
    ? (length) => new Float64Array(new SharedArrayBuffer(8 * length))
    : plainAllocator;
  const pending = new Map<
    number,
    { resolve(data: Float64Array | Float32Array | null): void; reject(e: Error): void }
  >();
  let seq = 0;
  let nextId = 1;
  let destroyed = false;
  let failure: Error | null = null;
  const ports: WorkerPort[] = [];
  const inFlight: number[] = [];
  /** Per table (copied mode): each worker's positions buffer, sent to and fro. */
  const local = new Map<number, Float64Array[]>();
  /** Per table (shared mode): a shared output scratch when the caller's output is not shared. */
  const scratch = new Map<number, Float64Array>();

  for (let w = 0; w < threads; w += 1) {
    const port = host.spawn(w, threads, shared);
    inFlight.push(0);
    port.listen(
      (reply) => {
        const entry = pending.get(reply.seq);
        if (entry === undefined) return; // stale (a request of a destroyed pool): dropped
        pending.delete(reply.seq);
        inFlight[w] = (inFlight[w] ?? 1) - 1;
        if (inFlight[w] === 0) port.hold(false);
        if (reply.ok) entry.resolve(reply.data);
        else entry.reject(new Error(`cpu worker ${w}: ${reply.error}`));
      },
      (error) => {
        failure = error instanceof Error ? error : new Error(String(error));
        for (const entry of pending.values()) entry.reject(failure);
        pending.clear();
      },
    );
    ports.push(port);
  }

  function request(
    w: number,
    make: (seq: number) => CpuWorkerRequest,
    transfer: ArrayBuffer[] = [],
  ): Promise<Float64Array | Float32Array | null> {
    if (destroyed) return Promise.reject(new Error('cpu pool: destroyed'));
    if (failure !== null) return Promise.reject(failure);
    const port = ports[w] as WorkerPort;
    seq += 1;
    const message = make(seq);
    return new Promise((resolve, reject) => {
      pending.set(message.seq, { resolve, reject });
      if (inFlight[w] === 0) port.hold(true);
      inFlight[w] = (inFlight[w] ?? 0) + 1;
      port.post(message, transfer);
    });
  }

  /** The values of `chunks` (stride values per tracer), packed in order: a worker's copy of its share. */
  function gather(
    source: Float64Array,
    stride: number,
    chunks: readonly number[],
    count: number,
  ): Float64Array {
    let length = 0;
    for (const c of chunks) length += Math.min(POOL_CHUNK, count - c * POOL_CHUNK);
    const out = new Float64Array(stride * length);
    let at = 0;
    for (const c of chunks) {
      const n = Math.min(POOL_CHUNK, count - c * POOL_CHUNK);
      out.set(source.subarray(stride * c * POOL_CHUNK, stride * (c * POOL_CHUNK + n)), at);
      at += stride * n;
    }
    return out;
  }

  return {
    threads,
    shared,
    label: host.label,
    allocate,
    async load(prepared) {
      const id = nextId;
      nextId += 1;
      const count = prepared.count;
      if (shared) {
        await Promise.all(
          ports.map((_, w) => request(w, (s) => ({ type: 'load', seq: s, id, orbits: prepared.orbits }))),
        );
      } else {
        const positions: Float64Array[] = [];
        await Promise.all(
          ports.map((_, w) => {
            const orbits = gather(prepared.orbits, PREPARED_STRIDE, workerChunks(w, threads, count), count);
            positions.push(new Float64Array((3 * orbits.length) / PREPARED_STRIDE));
            return request(w, (s) => ({ type: 'load', seq: s, id, orbits }), [orbits.buffer as ArrayBuffer]);
          }),
        );
        local.set(id, positions);
      }
      return { id, count };
    },
    async positions(table, count, dtS, out) {
      if (shared) {
        const direct = out.buffer instanceof SharedArrayBuffer;
        let target: Float64Array | Float32Array = out;
        if (!direct) {
          let buffer = scratch.get(table.id);
          if (buffer === undefined) {
            buffer = allocate(3 * table.count);
            scratch.set(table.id, buffer);
          }
          target = buffer;
        }
        await Promise.all(
          ports.map((_, w) =>
            request(w, (s) => ({ type: 'positions', seq: s, id: table.id, count, dtS, out: target })),
          ),
        );
        if (!direct) out.set(target.subarray(0, 3 * count));
        return;
      }
      const buffers = local.get(table.id);
      if (buffers === undefined) throw new Error('cpu pool: table not loaded');
      const replies = await Promise.all(
        ports.map((_, w) => {
          const buffer = buffers[w] as Float64Array;
          return request(w, (s) => ({ type: 'positions', seq: s, id: table.id, count, dtS, out: buffer }), [
            buffer.buffer as ArrayBuffer,
          ]);
        }),
      );
      replies.forEach((data, w) => {
        const buffer = data as Float64Array;
        buffers[w] = buffer;
        let at = 0;
        for (const c of workerChunks(w, threads, count)) {
          const n = Math.min(POOL_CHUNK, count - c * POOL_CHUNK);
          out.set(buffer.subarray(at, at + 3 * n), 3 * c * POOL_CHUNK);
          at += 3 * POOL_CHUNK;
        }
      });
    },
    async unload(table) {
      local.delete(table.id);
      scratch.delete(table.id);
      await Promise.all(ports.map((_, w) => request(w, (s) => ({ type: 'unload', seq: s, id: table.id }))));
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const entry of pending.values()) entry.reject(new Error('cpu pool: destroyed'));
      pending.clear();
      for (const port of ports) port.terminate();
    },
  };
}
