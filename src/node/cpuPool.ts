/**
 * The cpu backend's threads in Node: worker_threads, each running the entry file src/node/cpuWorker.ts (which
 * imports its kernel), over SharedArrayBuffer. Node-only, so it lives at the edge; sim/ only sees a CpuPool.
 *
 * Which file a worker runs: cpuWorker beside this module, with this module's own extension. In lib/ (compiled, what
 * `essaim` runs) that is cpuWorker.js, started directly. From source (vitest, tsx, the benches) it is cpuWorker.ts,
 * which Node 20 cannot load by itself, and `execArgv: ['--import', 'tsx']` does not help there: Node 20 does not
 * apply module.register() hooks to a worker's entry module ("Unknown file extension .ts", checked on 20.20). So the
 * worker evaluates a two-line CommonJS bootstrap that registers tsx's require hook (tsx/cjs/api, a devDependency,
 * in-thread and synchronous) and then requires the entry file.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import { createCpuPool, type CpuPool } from '../../sim/propagate/cpuPool.ts';
import type { CpuWorkerReply } from '../../sim/propagate/cpuWorkerMessages.ts';
import type { CpuWorkerData } from './cpuWorker.ts';

/** Start one worker on the entry file (see the module comment). */
function startWorker(workerData: CpuWorkerData): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./cpuWorker.js', import.meta.url), { workerData });
  }
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const entry = fileURLToPath(new URL('./cpuWorker.ts', import.meta.url));
  const bootstrap = `require(${JSON.stringify(tsx)}).register();\nrequire(${JSON.stringify(entry)});`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/**
 * A pool of `threads` worker_threads (default: os.availableParallelism()). Call destroy() (or the propagator's
 * dispose()) when done; idle workers do not keep the process alive. `shared: false` makes the pool copy buffers
 * instead of sharing them (a path kept for hosts without SharedArrayBuffer; used by the tests).
 */
export function createNodeCpuPool(threads: number = availableParallelism(), shared = true): CpuPool {
  return createCpuPool({
    threads,
    shared,
    label: threads === 1 ? 'worker_thread' : 'worker_threads',
    spawn(index, count, shared) {
      const worker = startWorker({ index, threads: count, shared });
      worker.unref();
      return {
        post: (message, transfer) => worker.postMessage(message, transfer),
        listen(onReply, onError) {
          worker.on('message', (reply: CpuWorkerReply) => onReply(reply));
          worker.on('error', onError);
          worker.on('exit', (code) => {
            if (code !== 0) onError(new Error(`cpu worker ${index} exited with code ${code}`));
          });
        },
        hold: (busy) => (busy ? worker.ref() : worker.unref()),
        terminate: () => void worker.terminate(),
      };
    },
  });
}
