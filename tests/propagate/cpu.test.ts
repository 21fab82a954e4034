/**
 * What the fast float64 backend (`cpu`) promises beyond the conformance suite (conformance.test.ts): positions
 * within the per-tracer bound cpuPositionBound (much tighter than CPU_POSITION_BOUND) on random tables over
 * 2000-2100 and on the hard cases, float32 output as the rounding of float64, and the worker_threads pool giving the
 * same bytes as one thread for any thread count (shared and copied buffers alike).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

import { createCpuPropagator } from '../../sim/propagate/backend.ts';
import { createCheckTable } from '../../sim/propagate/checkTable.ts';
import { propagateCpu64 } from '../../sim/propagate/cpu64.ts';
import { CPU_POSITION_BOUND, cpuPositionBound } from '../../sim/propagate/cpuKernel.ts';
import { createCpuPool } from '../../sim/propagate/cpuPool.ts';
import { prepareOrbits } from '../../sim/propagate/cpuPrepare.ts';
import { POOL_CHUNK } from '../../sim/propagate/cpuWorkerMessages.ts';
import type { TracerTable } from '../../sim/propagate/tracerTable.ts';
import { createNodeCpuPool } from '../../src/node/cpuPool.ts';
import {
  CPU_DOMAIN,
  hardCaseRows,
  hardTimes,
  relativeErrors,
  rowArb,
  SPAN_2030_TDB_S,
  SPAN_2050_TDB_S,
  tableOf,
  worst,
  YEAR_S,
} from './helpers.ts';

const cpu = createCpuPropagator();

/** Worst ratio error / cpuPositionBound over the table at tdbS, and the worst error itself. */
async function check(table: TracerTable, tdbS: number): Promise<{ ratio: number; error: number }> {
  const out = new Float64Array(3 * table.count);
  await cpu.positions(table, tdbS, out);
  const reference = new Float64Array(3 * table.count);
  propagateCpu64(table, tdbS, reference);
  const errors = relativeErrors(table, out, reference);
  const referenceTdbS = prepareOrbits(table).referenceTdbS;
  const ratios = errors.map(
    (error, k) =>
      error /
      cpuPositionBound(
        table.eccentricity[k] as number,
        table.meanMotionRadS[k] as number,
        table.epochTdbS[k] as number,
        tdbS,
        referenceTdbS,
      ),
  );
  return { ratio: worst(ratios).value, error: worst(errors).value };
}

describe('cpu (fast float64) against cpu64', () => {
  it('stays within cpuPositionBound on random tables, t in 2000-2100', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb(CPU_DOMAIN), { minLength: 1, maxLength: 40 }),
        fc.double({ min: SPAN_2030_TDB_S - 30 * YEAR_S, max: SPAN_2050_TDB_S + 50 * YEAR_S, noNaN: true }),
        async (rows, tdbS) => {
          const { ratio } = await check(tableOf(rows), tdbS);
          expect(ratio).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('stays within cpuPositionBound on the hard cases', async () => {
    const table = tableOf(hardCaseRows(CPU_DOMAIN));
    let largest = 0;
    for (const tdbS of hardTimes()) {
      const { ratio, error } = await check(table, tdbS);
      expect(ratio, `t = ${tdbS}`).toBeLessThanOrEqual(1);
      largest = Math.max(largest, error);
    }
    expect(largest).toBeLessThan(CPU_POSITION_BOUND);
  });

  it('stays within cpuPositionBound on a large table over 2030-2050', async () => {
    const table = createCheckTable(50_000, 7);
    for (const tdbS of [SPAN_2030_TDB_S, SPAN_2030_TDB_S + 7.7 * YEAR_S, SPAN_2050_TDB_S]) {
      const { ratio, error } = await check(table, tdbS);
      expect(ratio).toBeLessThanOrEqual(1);
      expect(error).toBeLessThan(CPU_POSITION_BOUND);
    }
  });

  it('writes float32 output as the rounding of its float64 output', async () => {
    const table = createCheckTable(5000, 3);
    const f64 = new Float64Array(3 * table.count);
    const f32 = new Float32Array(3 * table.count);
    await cpu.positions(table, SPAN_2030_TDB_S + 1e7, f64);
    await cpu.positions(table, SPAN_2030_TDB_S + 1e7, f32);
    expect(f32).toEqual(Float32Array.from(f64));
  });

  it('never returns NaN or Infinity, e up to 1 - 1e-9, t up to a century away', async () => {
    const rows = hardCaseRows(CPU_DOMAIN).map((r, k) => ({
      ...r,
      e: [0.999, 0.999999, 1 - 1e-9][k % 3] as number,
    }));
    const table = tableOf(rows);
    const out = new Float64Array(3 * table.count);
    for (const tdbS of [...hardTimes(), -100 * YEAR_S, 150 * YEAR_S]) {
      await cpu.positions(table, tdbS, out);
      expect(out.every(Number.isFinite)).toBe(true);
    }
  });
});

describe('cpu on worker_threads', () => {
  // 2.5 chunks per worker and a ragged end, so that chunk dealing and the last partial chunk are exercised
  const table = createCheckTable(5 * POOL_CHUNK + 123, 11);
  const tdbS = SPAN_2030_TDB_S + 4.2 * YEAR_S;
  const one = new Float64Array(3 * table.count);
  const propagators = [
    createCpuPropagator(createNodeCpuPool(1)),
    createCpuPropagator(createNodeCpuPool(2)),
    createCpuPropagator(createNodeCpuPool(3)),
    createCpuPropagator(createNodeCpuPool(2, false)),
  ];
  afterAll(() => propagators.forEach((p) => p.dispose()));

  it('gives the same bytes as one thread for 1, 2 and 3 workers, shared or copied, float64 or float32, for every prefix', async () => {
    await cpu.positions(table, tdbS, one);
    for (const p of propagators) {
      for (const count of [table.count, 2 * POOL_CHUNK + 1, 17, 0]) {
        const many = new Float64Array(3 * table.count);
        await p.positions(table, tdbS, many, count);
        const expected = new Float64Array(3 * table.count);
        expected.set(one.subarray(0, 3 * count));
        expect(
          Buffer.from(many.buffer).equals(Buffer.from(expected.buffer)),
          `${p.device}, count ${count}`,
        ).toBe(true);
      }
      const shared = new Float32Array(new SharedArrayBuffer(12 * table.count));
      await p.positions(table, tdbS, shared);
      expect(shared).toEqual(Float32Array.from(one));
    }
  });

  it('reports what runs', () => {
    expect(propagators[0]?.device).toBe('float64 WebAssembly SIMD, 1 worker_thread (shared memory)');
    expect(propagators[1]?.device).toBe('float64 WebAssembly SIMD, 2 worker_threads (shared memory)');
    expect(propagators[3]?.device).toBe('float64 WebAssembly SIMD, 2 worker_threads (copied buffers)');
    expect(propagators[2]?.threads).toBe(3);
    expect(cpu.device).toBe('float64 WebAssembly SIMD, 1 thread');
  });
});

describe('cpu pool failures', () => {
  it('rejects the pending calls when a worker dies, instead of hanging', async () => {
    const { Worker } = await import('node:worker_threads');
    const pool = createCpuPool({
      threads: 1,
      shared: true,
      label: 'broken worker',
      spawn() {
        const worker = new Worker('throw new Error("boom at start")', { eval: true });
        return {
          post: (message, transfer) => worker.postMessage(message, transfer),
          listen(_onReply, onError) {
            worker.on('error', onError);
          },
          hold() {},
          terminate: () => void worker.terminate(),
        };
      },
    });
    const table = createCheckTable(10, 1);
    await expect(pool.load(prepareOrbits(table, pool.allocate))).rejects.toThrow(/boom at start/);
    await expect(pool.load(prepareOrbits(table, pool.allocate))).rejects.toThrow(/boom at start/);
    pool.destroy();
  });

  it('refuses a thread count outside [1, 1024]', () => {
    expect(() => createNodeCpuPool(0)).toThrow(/^threads:/);
  });
});
