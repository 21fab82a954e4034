/**
 * Propagation in Node: the naive baseline (bench/naive.ts), the float64 reference cpu64, the fast cpu backend on
 * one thread and on every core (worker_threads), positions plus the per-shell sums (sim/propagate/shellSums.ts, the
 * aggregation every run does), and the gpu backend on gpu.js's webasm (WebAssembly
 * on the CPU: software, not GPU speed). Same table (createCheckTable: a <= 5 au, e <= 0.9, the hard cases mixed in)
 * and times for all; every rate is the best of several repetitions, and the ratio is against the baseline measured
 * here, in this run. GPU figures in real Chromium come from bench/gpu-browser.bench.ts.
 */
import { availableParallelism, loadavg } from 'node:os';

import { createPropagator } from '../sim/propagate/backend.ts';
import { createCheckTable, maxRelativeError, SPAN_2030_TDB_S } from '../sim/propagate/checkTable.ts';
import { propagateCpu64 } from '../sim/propagate/cpu64.ts';
import { earthHeliocentricEclipticM } from '../sim/geometry/earthPosition.ts';
import { shellSums } from '../sim/propagate/shellSums.ts';
import { createNodeCpuPool } from '../src/node/cpuPool.ts';
import { bestRate as bestRateOf, quick, rateAndCpu, sink } from './measure.ts';
import { naivePositions, naivePrecomputedPositions, orientation } from './naive.ts';
import type { BenchEntry } from './types.ts';

const ENVIRONMENT = `node ${process.version}`;

/** bestRate, going on for at least 1.5 s: on a busy machine more tries find a quiet moment. */
function bestRate(
  units: number,
  run: (i: number) => unknown,
  options: { repetitions?: number } = {},
): Promise<number> {
  return bestRateOf(units, run, { minimumMs: 1500, ...options });
}

/** The 1-minute load average: how busy the machine was (others' processes compete for the same cores). */
function loadAverage(): string {
  return (loadavg()[0] ?? 0).toFixed(2);
}

export default async function propagationBench(): Promise<BenchEntry[]> {
  const count = quick() ? 1 << 15 : 1 << 20;
  const threads = availableParallelism();
  const table = createCheckTable(count, 2042);
  const time = (i: number): number => SPAN_2030_TDB_S + 3.1e8 + 86_400 * i;
  const out = new Float64Array(3 * count);
  const reference = new Float64Array(3 * count);
  let checksum = 0;
  const entries: BenchEntry[] = [];

  const baseline = await bestRate(count, (i) => {
    naivePositions(table, time(i), out);
    checksum += sink(out);
  });
  const common = { tracers: count, environment: ENVIRONMENT, baseline: 'propagate-naive-baseline' };
  entries.push({
    ...common,
    name: 'propagate-naive-baseline',
    backend: 'naive float64 loop',
    threads: 1,
    positionsPerS: baseline,
    ratioToBaseline: 1,
    software: false,
    note: 'Newton from E = M with a convergence test, Math.sin/Math.cos every iteration, then the position',
  });
  const pq = orientation(table);
  const precomputed = await bestRate(count, (i) => {
    naivePrecomputedPositions(table, pq, time(i), out);
    checksum += sink(out);
  });
  entries.push({
    ...common,
    name: 'propagate-naive-orientation-precomputed',
    backend: 'naive float64 loop',
    threads: 1,
    positionsPerS: precomputed,
    ratioToBaseline: precomputed / baseline,
    software: false,
    note: 'the baseline with P, Q computed beforehand (a second reference)',
  });
  const reference64 = await bestRate(
    count,
    (i) => {
      propagateCpu64(table, time(i), reference);
      checksum += sink(reference);
    },
    { repetitions: 3 },
  );
  entries.push({
    ...common,
    name: 'propagate-cpu64',
    backend: 'cpu64',
    threads: 1,
    positionsPerS: reference64,
    ratioToBaseline: reference64 / baseline,
    software: false,
    device: 'float64 JavaScript reference, 1 thread',
  });

  // the fast path, one thread; memory = what it allocates for the table plus the output
  const before = process.memoryUsage().arrayBuffers;
  const cpu = await createPropagator('cpu');
  const cpuOut = new Float64Array(3 * count);
  await cpu.positions(table, time(0), cpuOut);
  const bytesPerTracer = (process.memoryUsage().arrayBuffers - before) / count;
  propagateCpu64(table, time(0), reference);
  const cpuError = maxRelativeError(table, cpuOut, reference);
  // many short repetitions: on a shared machine the best of them is the one that had its cores to itself
  const oneRun = await rateAndCpu(count, async (i) => {
    await cpu.positions(table, time(i), cpuOut);
    checksum += sink(cpuOut);
  });
  const one = oneRun.rate;
  entries.push({
    ...common,
    name: 'propagate-cpu-1-thread',
    backend: 'cpu',
    threads: 1,
    positionsPerS: one,
    ratioToBaseline: one / baseline,
    software: false,
    device: cpu.device,
    bytesPerTracer,
    maxRelativeError: cpuError,
    note: `${(one / precomputed).toFixed(2)}x the precomputed-orientation loop`,
  });

  const beforePool = process.memoryUsage().arrayBuffers;
  const pooled = await createPropagator('cpu', { pool: createNodeCpuPool(threads) });
  const shared = new Float64Array(new SharedArrayBuffer(24 * count));
  await pooled.positions(table, time(0), shared);
  const pooledBytesPerTracer = (process.memoryUsage().arrayBuffers - beforePool) / count;
  const pooledError = maxRelativeError(table, shared, reference);
  const manyRun = await rateAndCpu(count, async (i) => {
    await pooled.positions(table, time(i), shared);
    checksum += sink(shared);
  });
  const many = manyRun.rate;
  entries.push({
    ...common,
    name: `propagate-cpu-${threads}-threads`,
    backend: 'cpu',
    threads,
    positionsPerS: many,
    ratioToBaseline: many / baseline,
    software: false,
    device: pooled.device,
    bytesPerTracer: pooledBytesPerTracer,
    maxRelativeError: pooledError,
    note:
      `${(many / one).toFixed(2)}x its one-thread figure (wall clock); output in a SharedArrayBuffer (no copy); ` +
      `CPU time per call ${manyRun.cpuMsPerRun.toFixed(1)} ms vs ${oneRun.cpuMsPerRun.toFixed(1)} ms on one thread ` +
      `(parallel efficiency ${(oneRun.cpuMsPerRun / manyRun.cpuMsPerRun).toFixed(2)}); ` +
      `achieved concurrency ${manyRun.concurrency.toFixed(2)} of ${threads} threads, load average ${loadAverage()}`,
  });

  // positions then the per-shell sums, as a run aggregates at each output time (8 shells: createCheckTable's kinds)
  const earthM = earthHeliocentricEclipticM(time(0));
  const sums = {
    weight: new Float64Array(8),
    sunlight: new Float64Array(8),
    degradedSunlight: new Float64Array(8),
    sunward: new Float64Array(2),
  };
  const aggregate = (positions: Float64Array, i: number): number => {
    shellSums(positions, count, table, time(i), earthM, 1e4, 1e-9, sums);
    return sink(sums.sunlight) + sink(sums.sunward);
  };
  const aggregateOne = await bestRate(count, async (i) => {
    await cpu.positions(table, time(i), cpuOut);
    checksum += aggregate(cpuOut, i);
  });
  const aggregateMany = await bestRate(count, async (i) => {
    await pooled.positions(table, time(i), shared);
    checksum += aggregate(shared, i);
  });
  for (const [name, rate, t, device] of [
    ['aggregate-cpu-1-thread', aggregateOne, 1, cpu.device],
    [`aggregate-cpu-${threads}-threads`, aggregateMany, threads, pooled.device],
  ] as const) {
    entries.push({
      ...common,
      name,
      backend: 'cpu',
      threads: t,
      positionsPerS: rate,
      ratioToBaseline: rate / baseline,
      software: false,
      device,
      note: 'tracers aggregated per second: positions, then shellSums on the caller thread (flux, degradation, sunward)',
    });
  }
  cpu.dispose();
  pooled.dispose();

  const gpu = await createPropagator('gpu', { gpuMode: 'webasm', gpuThreads: threads });
  const gpuOut = new Float32Array(3 * count);
  await gpu.positions(table, time(0), gpuOut);
  const gpuError = maxRelativeError(table, gpuOut, reference);
  const webasm = await bestRate(
    count,
    async (i) => {
      await gpu.positions(table, time(0) + 60 * i, gpuOut);
      checksum += sink(gpuOut);
    },
    { repetitions: 3 },
  );
  entries.push({
    ...common,
    name: 'propagate-gpu-webasm',
    backend: 'gpu (gpu.js webasm)',
    threads: gpu.threads,
    positionsPerS: webasm,
    ratioToBaseline: webasm / baseline,
    software: true,
    device: gpu.device,
    maxRelativeError: gpuError,
    note: 'float32 kernel as WebAssembly on the CPU: a correctness path, not GPU speed',
  });
  gpu.dispose();
  if (!Number.isFinite(checksum)) throw new Error('propagation bench: non-finite checksum');
  return entries;
}
