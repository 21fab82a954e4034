/**
 * The cpu backend's worker: answers the requests of cpuWorkerMessages.ts with its own kernel (cpuKernel.ts). Pure:
 * the edge that starts the worker (src/node/cpuWorker.ts) gives it a port over its platform's messaging.
 */
import type { CpuKernel } from './cpuKernel.ts';
import { POOL_CHUNK, workerChunks, type CpuWorkerReply, type CpuWorkerRequest } from './cpuWorkerMessages.ts';

/** The worker's side of the messaging. */
export interface CpuWorkerPort {
  post(reply: CpuWorkerReply, transfer: ArrayBuffer[]): void;
  listen(handler: (request: CpuWorkerRequest) => void): void;
}

/**
 * Serve requests on `port`. `worker` and `workers` give this worker's share (workerChunks); `shared` says whether
 * the buffers it receives are shared with the caller (global indices) or its own copies (local indices).
 */
export function cpuWorkerMain(
  port: CpuWorkerPort,
  kernel: CpuKernel,
  worker: number,
  workers: number,
  shared: boolean,
): void {
  const tables = new Map<number, Float64Array>();
  port.listen((request) => {
    const seq = request.seq;
    try {
      if (request.type === 'load') {
        tables.set(request.id, request.orbits);
        port.post({ seq, ok: true, data: null }, []);
        return;
      }
      if (request.type === 'unload') {
        tables.delete(request.id);
        port.post({ seq, ok: true, data: null }, []);
        return;
      }
      const orbits = tables.get(request.id);
      if (orbits === undefined) throw new Error(`cpu worker ${worker}: table ${request.id} is not loaded`);
      const { count, dtS, out } = request;
      workerChunks(worker, workers, count).forEach((c, local) => {
        const start = c * POOL_CHUNK;
        const end = Math.min(start + POOL_CHUNK, count);
        if (shared) kernel.positions(orbits, dtS, out, start, end);
        else kernel.positions(orbits, dtS, out, local * POOL_CHUNK, local * POOL_CHUNK + end - start);
      });
      port.post({ seq, ok: true, data: shared ? null : out }, shared ? [] : [out.buffer as ArrayBuffer]);
    } catch (error) {
      port.post({ seq, ok: false, error: error instanceof Error ? error.message : String(error) }, []);
    }
  });
}
