/**
 * The propagation backends in real Chromium: the `gpu` backend's gpu.js kernels on webgl2 and on webgpu (both on
 * SwiftShader under the flags in vitest.config.ts: software, so nothing here says anything about speed), checked
 * against the float64 reference cpu64 with the bound stated in sim/propagate/gpu.ts, and the reduction against the
 * float64 sum; the `cpu` backend on Web Workers giving the same bytes as one thread; `auto`.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

import { InputError } from '../../sim/errors.ts';
import { createCheckTable, createPropagator, type Propagator } from '../../sim/propagate/backend.ts';
import { propagateCpu64 } from '../../sim/propagate/cpu64.ts';
import { REDUCE_CHUNK } from '../../sim/propagate/cpuFast.ts';
import { GPU_POSITION_BOUND, GPU_REDUCTION_BOUND } from '../../sim/propagate/gpu.ts';
import { REBASE_MAX_PHASE_RAD } from '../../sim/propagate/gpuKernels.ts';
import { earthHeliocentricEclipticM } from '../../sim/geometry/earthPosition.ts';
import { reduceCpu64 } from '../../sim/propagate/reduce.ts';
import type { TracerTable } from '../../sim/propagate/tracerTable.ts';
import { canShareMemory, createBrowserCpuPool } from '../../src/workers/cpuPool.ts';
import {
  GPU_DOMAIN,
  hardCaseRows,
  hardTimes,
  nearSunwardBoundary,
  relativeErrors,
  rowArb,
  SPAN_2030_TDB_S,
  SPAN_2050_TDB_S,
  sunwardRows,
  tableOf,
  worst,
  YEAR_S,
} from '../backends/helpers.ts';

/** Worst errors observed, per mode, logged at the end for bench/RESULTS.md. */
const observed: Record<string, number> = {};

async function worstError(gpu: Propagator, table: TracerTable, tdbS: number): Promise<number> {
  const out = new Float32Array(3 * table.count);
  await gpu.positions(table, tdbS, out);
  const reference = new Float64Array(3 * table.count);
  propagateCpu64(table, tdbS, reference);
  const value = worst(relativeErrors(table, out, reference)).value;
  observed[gpu.device] = Math.max(observed[gpu.device] ?? 0, value);
  return value;
}

for (const mode of ['webgl2', 'webgpu'] as const) {
  describe(`gpu backend on ${mode} (SwiftShader)`, () => {
    let gpu: Propagator;
    afterAll(() => {
      gpu?.dispose();
      console.info(`worst relative position error on ${mode}:`, JSON.stringify(observed));
    });

    it('runs on the backend asked for and says it is software', async () => {
      gpu = await createPropagator('gpu', { gpuMode: mode });
      expect(gpu.device.startsWith(`${mode} (`)).toBe(true);
      expect(gpu.device).toMatch(/swiftshader/i);
      expect(gpu.software).toBe(true);
    });

    it('stays within GPU_POSITION_BOUND of cpu64 on random tables, t in 2030-2050', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(rowArb(GPU_DOMAIN), { minLength: 256, maxLength: 256 }),
          fc.double({ min: SPAN_2030_TDB_S, max: SPAN_2050_TDB_S, noNaN: true }),
          async (rows, tdbS) => {
            const table = tableOf(rows);
            expect(await worstError(gpu, table, tdbS)).toBeLessThanOrEqual(GPU_POSITION_BOUND);
            gpu.forget(table);
          },
        ),
        { numRuns: 6 },
      );
    });

    it('stays within the bound on the hard cases, far from the epochs and across re-basings', async () => {
      const table = tableOf(hardCaseRows(GPU_DOMAIN));
      let largest = 0;
      for (const tdbS of hardTimes()) largest = Math.max(largest, await worstError(gpu, table, tdbS));
      const step = (0.7 * REBASE_MAX_PHASE_RAD) / Math.max(...table.meanMotionRadS);
      for (let k = 0, t = SPAN_2030_TDB_S; k < 5; k += 1, t += step) {
        largest = Math.max(largest, await worstError(gpu, table, t));
      }
      expect(largest).toBeLessThanOrEqual(GPU_POSITION_BOUND);
    });

    it('stays within the bound on 65536 tracers, and never returns NaN or Infinity', async () => {
      const table = createCheckTable(65_536, 12);
      for (const tdbS of [SPAN_2030_TDB_S + 99, SPAN_2050_TDB_S - 99]) {
        expect(await worstError(gpu, table, tdbS)).toBeLessThanOrEqual(GPU_POSITION_BOUND);
      }
      gpu.forget(table);
      const extreme = tableOf(hardCaseRows({ ...GPU_DOMAIN, maxE: 0.999999 }));
      const out = new Float32Array(3 * extreme.count);
      for (const tdbS of [...hardTimes(), -50 * YEAR_S, 200 * YEAR_S]) {
        await gpu.positions(extreme, tdbS, out);
        expect(out.every(Number.isFinite)).toBe(true);
      }
    });

    it('reduces like the float64 sum (power within GPU_REDUCTION_BOUND, sunward count but for boundary tracers)', async () => {
      const tdbS = SPAN_2030_TDB_S + 10 * YEAR_S;
      const earth = earthHeliocentricEclipticM(tdbS);
      const table = tableOf([...sunwardRows(earth, 3000, 5), ...hardCaseRows(GPU_DOMAIN)]);
      const params = { unitAreaM2: 1e4, efficiency: 0.2, degradationRatePerS: 2e-9, earthPositionM: earth };
      for (const count of [table.count, 1234]) {
        const got = await gpu.reduce(table, tdbS, count, params);
        const want = reduceCpu64(table, tdbS, count, params);
        expect(want.tracersSunwardOfEarth).toBeGreaterThan(50);
        expect(Math.abs(got.capturedPowerW / want.capturedPowerW - 1)).toBeLessThanOrEqual(
          GPU_REDUCTION_BOUND,
        );
        expect(Math.abs(got.interceptedSunlightW / want.interceptedSunlightW - 1)).toBeLessThanOrEqual(
          GPU_REDUCTION_BOUND,
        );
        const reference = new Float64Array(3 * table.count);
        propagateCpu64(table, tdbS, reference);
        const band = nearSunwardBoundary(
          reference,
          count,
          earth,
          (k) => 2 * GPU_POSITION_BOUND * (table.semiMajorAxisM[k] as number) + 1.5e5,
        );
        expect(Math.abs(got.tracersSunwardOfEarth - want.tracersSunwardOfEarth)).toBeLessThanOrEqual(band);
      }
    });

    it('refuses an invalid table with an InputError naming the column and row', async () => {
      const table = createCheckTable(10, 2);
      table.eccentricity[3] = 1;
      const error = await gpu
        .positions(table, SPAN_2030_TDB_S, new Float32Array(30))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(/^tracers\.eccentricity\[3\]: must be in \[0, 1\)/);
    });
  });
}

describe('cpu backend on Web Workers', () => {
  const table = createCheckTable(3 * REDUCE_CHUNK + 77, 21);
  const tdbS = SPAN_2030_TDB_S + 2.5 * YEAR_S;
  let one: Propagator;
  let many: Propagator;
  afterAll(() => many?.dispose());

  it('gives the same bytes as one thread (positions and reduction)', async () => {
    one = await createPropagator('cpu');
    many = await createPropagator('cpu', { pool: createBrowserCpuPool(2) });
    expect(many.device).toBe(
      `float64 JavaScript, 2 Web Workers (${canShareMemory() ? 'shared memory' : 'copied buffers'})`,
    );
    const a = new Float64Array(3 * table.count);
    const b = new Float64Array(3 * table.count);
    await one.positions(table, tdbS, a);
    await many.positions(table, tdbS, b);
    expect(new Uint8Array(b.buffer)).toEqual(new Uint8Array(a.buffer));
    const params = {
      unitAreaM2: 50,
      efficiency: 0.3,
      degradationRatePerS: 1e-9,
      earthPositionM: [1e11, -1e11, 1e6],
    };
    expect(await many.reduce(table, tdbS, table.count - 1, params)).toStrictEqual(
      await one.reduce(table, tdbS, table.count - 1, params),
    );
  });
});

describe('auto', () => {
  it('picks a backend that passed its self-check and says why', async () => {
    const auto = await createPropagator('auto', { now: () => performance.now() });
    try {
      expect(['cpu', 'gpu']).toContain(auto.name);
      expect(auto.choice.chosen).toBe(auto.name);
      const chosen = auto.choice.candidates.find((c) => c.name === auto.name);
      expect(chosen?.maxRelativeError).toBeLessThanOrEqual(auto.positionBound);
      expect(auto.choice.candidates.map((c) => c.name)).toEqual(['gpu', 'cpu']);
    } finally {
      auto.dispose();
    }
  });
});
