/**
 * The cpu backend's threads in Node: worker_threads running the source text of sim/propagate/cpuFast.ts
 * (cpuWorkerSource), over SharedArrayBuffer. Node-only, so it lives at the edge; sim/ only sees a CpuPool.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

import {
  createCpuPool,
  cpuWorkerSource,
  type CpuPool,
  type CpuWorkerReply,
} from '../../sim/propagate/cpuFast.ts';

/** What a Node worker runs before cpuWorkerMain: the port over parentPort, and its share of the work. */
const PRELUDE = `
var workerThreads = require('node:worker_threads');
var parentPort = workerThreads.parentPort;
var WORKER_INDEX = workerThreads.workerData.index;
var WORKERS = workerThreads.workerData.threads;
var SHARED = workerThreads.workerData.shared;
var port = {
  post: function (reply, transfer) { parentPort.postMessage(reply, transfer); },
  listen: function (handler) { parentPort.on('message', handler); },
};
`;

/**
 * A pool of `threads` worker_threads (default: os.availableParallelism()). Call destroy() (or the propagator's
 * dispose()) when done; idle workers do not keep the process alive. `shared: false` makes the pool copy buffers
 * instead of sharing them, as a browser page without cross-origin isolation must (used by the tests).
 */
export function createNodeCpuPool(threads: number = availableParallelism(), shared = true): CpuPool {
  const source = cpuWorkerSource(PRELUDE);
  return createCpuPool({
    threads,
    shared,
    label: threads === 1 ? 'worker_thread' : 'worker_threads',
    spawn(index, count, shared) {
      const worker = new Worker(source, { eval: true, workerData: { index, threads: count, shared } });
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
