/**
 * The cpu backend's threads in a browser: classic Web Workers started from a Blob of the source text of
 * sim/propagate/cpuFast.ts (cpuWorkerSource). Memory is shared (SharedArrayBuffer) only on a cross-origin-isolated
 * page (COOP/COEP headers); elsewhere each worker receives a copy of its share of the table once and positions come
 * back in transferred buffers.
 */
import {
  createCpuPool,
  cpuWorkerSource,
  type CpuPool,
  type CpuWorkerReply,
} from '../../sim/propagate/cpuFast.ts';

function prelude(index: number, threads: number, shared: boolean): string {
  return `
var WORKER_INDEX = ${index};
var WORKERS = ${threads};
var SHARED = ${shared};
var port = {
  post: function (reply, transfer) { self.postMessage(reply, transfer); },
  listen: function (handler) { self.onmessage = function (event) { handler(event.data); }; },
};
`;
}

/** Whether this page can share memory with its workers. */
export function canShareMemory(): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated === true;
}

/**
 * A pool of `threads` Web Workers (default navigator.hardwareConcurrency). Call destroy() (or the propagator's
 * dispose()) when done.
 */
export function createBrowserCpuPool(threads: number = navigator.hardwareConcurrency || 1): CpuPool {
  const urls: string[] = [];
  return createCpuPool({
    threads,
    shared: canShareMemory(),
    label: threads === 1 ? 'Web Worker' : 'Web Workers',
    spawn(index, count, shared) {
      const url = URL.createObjectURL(
        new Blob([cpuWorkerSource(prelude(index, count, shared))], { type: 'text/javascript' }),
      );
      urls.push(url);
      const worker = new Worker(url);
      return {
        post: (message, transfer) => worker.postMessage(message, transfer),
        listen(onReply, onError) {
          worker.onmessage = (event: MessageEvent<CpuWorkerReply>) => onReply(event.data);
          worker.onerror = (event) => {
            event.preventDefault();
            onError(new Error(`cpu worker ${index}: ${event.message}`));
          };
        },
        hold() {},
        terminate() {
          worker.terminate();
          URL.revokeObjectURL(url);
        },
      };
    },
  });
}
