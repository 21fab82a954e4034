/**
 * The cpu backend's kernels near the machine's limits (issue 18), in one run: the JavaScript kernel
 * (cpuKernel.ts) and the WebAssembly SIMD kernel (simdKernel.ts, the default) on one thread over the same prepared
 * table, the SIMD kernel on every core (the worker_threads pool, shared output), and a STREAM-like triad
 * a = b + s c over float64 arrays larger than the last-level cache, on one and on every core, for the memory
 * bandwidth this machine gives in this run.
 *
 * Figures: the SIMD kernel's ratio to the JavaScript kernel per core (target 2x); the all-core rate as a fraction
 * of the bandwidth bound, that is the triad's all-core bandwidth over the bytes a position moves. Both counted as
 * traffic including the write-allocate of the stores: the triad moves 32 bytes an element (two 8-byte reads, one
 * write and its allocate read), a position 120 (the 72-byte prepared row, 24 bytes written and 24 allocated).
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';

import { createPropagator } from '../sim/propagate/backend.ts';
import { createCheckTable, maxRelativeError, SPAN_2030_TDB_S } from '../sim/propagate/checkTable.ts';
import { propagateCpu64 } from '../sim/propagate/cpu64.ts';
import { createCpuKernel } from '../sim/propagate/cpuKernel.ts';
import { prepareOrbits } from '../sim/propagate/cpuPrepare.ts';
import { createSimdKernel } from '../sim/propagate/simdKernel.ts';
import { createNodeCpuPool } from '../src/node/cpuPool.ts';
import { bestRate, quick, sink } from './measure.ts';
import type { BenchEntry } from './types.ts';

const ENVIRONMENT = `node ${process.version}`;
/** Bytes a position moves to and from memory (module comment). */
export const BYTES_PER_POSITION = 72 + 24 + 24;
/** Bytes a triad element moves (module comment). */
const BYTES_PER_TRIAD_ELEMENT = 8 + 8 + 8 + 8;

/** The triad over [start, end) of shared arrays, in a worker: a plain loop, as STREAM's C. */
const TRIAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { a, b, c, start, end } = workerData;
const A = new Float64Array(a), B = new Float64Array(b), C = new Float64Array(c);
parentPort.on('message', (s) => {
  for (let i = start; i < end; i += 1) A[i] = B[i] + s * C[i];
  parentPort.postMessage(A[start]);
});
`;

/** Triad element updates per second, best of several, on `threads` workers (each its contiguous share). */
async function triadRate(elements: number, threads: number): Promise<number> {
  const bytes = 8 * elements;
  const a = new SharedArrayBuffer(bytes);
  const b = new SharedArrayBuffer(bytes);
  const c = new SharedArrayBuffer(bytes);
  new Float64Array(b).fill(1);
  new Float64Array(c).fill(2);
  const workers = Array.from({ length: threads }, (_, w) => {
    const start = Math.floor((w * elements) / threads);
    const end = Math.floor(((w + 1) * elements) / threads);
    return new Worker(TRIAD_WORKER, { eval: true, workerData: { a, b, c, start, end } });
  });
  const once = (scalar: number): Promise<unknown[]> =>
    Promise.all(
      workers.map(
        (worker) =>
          new Promise((resolve) => {
            worker.once('message', resolve);
            worker.postMessage(scalar);
          }),
      ),
    );
  try {
    return await bestRate(elements, (i) => once(3 + i), { repetitions: 10, warmups: 2, minimumMs: 1500 });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

export default async function simdBench(): Promise<BenchEntry[]> {
  const count = quick() ? 1 << 15 : 1 << 20;
  const threads = availableParallelism();
  const table = createCheckTable(count, 2042);
  const prepared = prepareOrbits(table);
  const time = (i: number): number => SPAN_2030_TDB_S + 3.1e8 + 86_400 * i;
  const dt = (i: number): number => time(i) - prepared.referenceTdbS;
  const reference = new Float64Array(3 * count);
  propagateCpu64(table, time(0), reference);
  const out = new Float64Array(3 * count);
  let checksum = 0;
  const options = { minimumMs: 1500, repetitions: 8 };

  const javascript = createCpuKernel();
  const simd = createSimdKernel();
  javascript.positions(prepared.orbits, dt(0), out, 0, count);
  const javascriptError = maxRelativeError(table, out, reference);
  simd.positions(prepared.orbits, dt(0), out, 0, count);
  const simdError = maxRelativeError(table, out, reference);
  // alternate the two, twice, keeping each one's best: a busy moment on the shared machine hits both alike
  let jsRate = 0;
  let simdRate = 0;
  for (let round = 0; round < 2; round += 1) {
    const js = await bestRate(
      count,
      (i) => {
        javascript.positions(prepared.orbits, dt(i), out, 0, count);
        checksum += sink(out);
      },
      options,
    );
    const sd = await bestRate(
      count,
      (i) => {
        simd.positions(prepared.orbits, dt(i), out, 0, count);
        checksum += sink(out);
      },
      options,
    );
    jsRate = Math.max(jsRate, js);
    simdRate = Math.max(simdRate, sd);
  }

  const pooled = await createPropagator('cpu', { pool: createNodeCpuPool(threads) });
  const shared = new Float64Array(new SharedArrayBuffer(24 * count));
  await pooled.positions(table, time(0), shared);
  const pooledError = maxRelativeError(table, shared, reference);
  const allCores = await bestRate(
    count,
    async (i) => {
      await pooled.positions(table, time(i), shared);
      checksum += sink(shared);
    },
    options,
  );
  const pooledDevice = pooled.device;
  pooled.dispose();

  // 3 arrays of 4M float64 (96 MB): well past a 32 MB last-level cache
  const elements = quick() ? 1 << 18 : 1 << 22;
  const triadOne = await triadRate(elements, 1);
  const triadAll = await triadRate(elements, threads);
  const bandwidthAllBytesPerS = triadAll * BYTES_PER_TRIAD_ELEMENT;
  const boundPositionsPerS = bandwidthAllBytesPerS / BYTES_PER_POSITION;
  if (!Number.isFinite(checksum)) throw new Error('simd bench: non-finite checksum');

  const load = (loadavg()[0] ?? 0).toFixed(2);
  const common = { tracers: count, environment: ENVIRONMENT, software: false };
  return [
    {
      ...common,
      name: 'simd-javascript-kernel-1-thread',
      backend: 'cpu (JavaScript kernel)',
      threads: 1,
      positionsPerS: jsRate,
      ratioToBaseline: 1,
      baseline: 'simd-javascript-kernel-1-thread',
      device: 'float64 JavaScript, 1 thread',
      maxRelativeError: javascriptError,
      note: 'cpuKernel.ts on the caller thread, prepared table, no per-call checks: the baseline of the SIMD figures',
    },
    {
      ...common,
      name: 'simd-wasm-kernel-1-thread',
      backend: 'cpu (WebAssembly SIMD kernel)',
      threads: 1,
      positionsPerS: simdRate,
      ratioToBaseline: simdRate / jsRate,
      baseline: 'simd-javascript-kernel-1-thread',
      device: 'float64 WebAssembly SIMD, 1 thread',
      maxRelativeError: simdError,
      note: `per core: ${(simdRate / jsRate).toFixed(2)}x the JavaScript kernel (target 2x); same bytes`,
    },
    {
      ...common,
      name: `simd-wasm-kernel-${threads}-threads`,
      backend: 'cpu (WebAssembly SIMD kernel, pool)',
      threads,
      positionsPerS: allCores,
      ratioToBaseline: allCores / jsRate,
      baseline: 'simd-javascript-kernel-1-thread',
      device: pooledDevice,
      maxRelativeError: pooledError,
      note:
        `${((100 * allCores) / boundPositionsPerS).toFixed(1)} % of the bandwidth bound ` +
        `${(boundPositionsPerS / 1e6).toFixed(1)} M positions/s (all-core triad / ${BYTES_PER_POSITION} B a ` +
        `position; target 50 %); ${(allCores / simdRate).toFixed(2)}x its one-thread figure; load average ${load}`,
    },
    {
      ...common,
      tracers: elements,
      name: 'simd-triad-1-thread',
      backend: 'STREAM-like triad a = b + s c (float64)',
      threads: 1,
      positionsPerS: triadOne,
      ratioToBaseline: 1,
      baseline: 'simd-triad-1-thread',
      note: `elements per second; ${((triadOne * BYTES_PER_TRIAD_ELEMENT) / 1e9).toFixed(2)} GB/s moved (32 B an element with write-allocate; STREAM counts 24)`,
    },
    {
      ...common,
      tracers: elements,
      name: `simd-triad-${threads}-threads`,
      backend: 'STREAM-like triad a = b + s c (float64)',
      threads,
      positionsPerS: triadAll,
      ratioToBaseline: triadAll / triadOne,
      baseline: 'simd-triad-1-thread',
      note: `elements per second; ${(bandwidthAllBytesPerS / 1e9).toFixed(2)} GB/s moved: the bandwidth bound's numerator`,
    },
  ];
}
