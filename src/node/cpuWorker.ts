/**
 * The entry file of one cpu-backend worker thread (started by src/node/cpuPool.ts): its own kernel (chosen as the
 * caller's thread chooses, cpuKernelChoice.ts), and the messages of sim/propagate/cpuWorkerMessages.ts over
 * worker_threads' parentPort. Compiled to lib/ for users; run from source (vitest, tsx) with tsx's loader.
 */
import { parentPort, workerData } from 'node:worker_threads';

import { threadCpuKernel } from '../../sim/propagate/cpuKernelChoice.ts';
import { cpuWorkerMain } from '../../sim/propagate/cpuWorker.ts';
import type { CpuWorkerRequest } from '../../sim/propagate/cpuWorkerMessages.ts';

/** What src/node/cpuPool.ts passes as workerData. */
export interface CpuWorkerData {
  readonly index: number;
  readonly threads: number;
  readonly shared: boolean;
}

const port = parentPort;
if (port === null) throw new Error('src/node/cpuWorker.ts must run as a worker thread');
const { index, threads, shared } = workerData as CpuWorkerData;
cpuWorkerMain(
  {
    post: (reply, transfer) => port.postMessage(reply, transfer),
    listen: (handler) => port.on('message', (request: CpuWorkerRequest) => handler(request)),
  },
  threadCpuKernel().kernel,
  index,
  threads,
  shared,
);
