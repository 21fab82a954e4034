/**
 * The `gpu` backend in Node, on gpu.js's webasm backend (float32 WebAssembly with its worker threads; headless-gl
 * does not load on these machines): positions within GPU_POSITION_BOUND of cpu64 on random tables over the stated
 * domain (a <= 5 au, e <= 0.9, t in 2030-2050) and on the hard cases, across re-basings; the reduction against
 * reduceCpu64; no NaN or Infinity for any valid input; invalid tables refused before any kernel runs.
 * The same checks run on webgl2 and webgpu in tests/browser/propagate.browser.test.ts.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';

import { InputError } from '../../sim/errors.ts';
import { GPU } from '../../sim/gpu/gpujs.ts';
import { createCheckTable, createPropagator } from '../../sim/propagate/backend.ts';
import { propagateCpu64 } from '../../sim/propagate/cpu64.ts';
import { bestGpuMode, GPU_POSITION_BOUND, GPU_REDUCTION_BOUND } from '../../sim/propagate/gpu.ts';
import { REBASE_MAX_PHASE_RAD } from '../../sim/propagate/gpuKernels.ts';
import { earthHeliocentricEclipticM } from '../../sim/geometry/earthPosition.ts';
import { reduceCpu64 } from '../../sim/propagate/reduce.ts';
import type { TracerTable } from '../../sim/propagate/tracerTable.ts';
import { createTracerTable } from '../../sim/propagate/tracerTable.ts';
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
} from './helpers.ts';

const gpu = await createPropagator('gpu', { gpuMode: 'webasm', gpuThreads: 2 });
afterAll(() => gpu.dispose());

async function worstError(table: TracerTable, tdbS: number): Promise<number> {
  const out = new Float32Array(3 * table.count);
  await gpu.positions(table, tdbS, out);
  const reference = new Float64Array(3 * table.count);
  propagateCpu64(table, tdbS, reference);
  return worst(relativeErrors(table, out, reference)).value;
}

describe('gpu backend on webasm (Node)', () => {
  it('reports the backend that ran, as software', () => {
    expect(gpu.name).toBe('gpu');
    expect(gpu.device).toMatch(/^webasm \(WebAssembly on the CPU, \d+ threads?, software\)$/);
    expect(gpu.software).toBe(true);
    expect(gpu.positionBound).toBe(GPU_POSITION_BOUND);
  });

  it('picks webasm in Node (headless-gl does not load here), and refuses modes it cannot run', async () => {
    expect(await bestGpuMode()).toBe(GPU.isHeadlessGLSupported ? 'headlessgl' : 'webasm');
    for (const mode of ['webgl2', 'webgpu'] as const) {
      await expect(createPropagator('gpu', { gpuMode: mode })).rejects.toThrow(/not supported/);
    }
  });

  it('stays within GPU_POSITION_BOUND of cpu64 on random tables, t in 2030-2050', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb(GPU_DOMAIN), { minLength: 64, maxLength: 64 }),
        fc.double({ min: SPAN_2030_TDB_S, max: SPAN_2050_TDB_S, noNaN: true }),
        async (rows, tdbS) => {
          const table = tableOf(rows);
          expect(await worstError(table, tdbS)).toBeLessThanOrEqual(GPU_POSITION_BOUND);
          gpu.forget(table);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('stays within the bound on the hard cases, far from the epochs and across re-basings', async () => {
    const table = tableOf(hardCaseRows(GPU_DOMAIN));
    let largest = 0;
    for (const tdbS of hardTimes()) largest = Math.max(largest, await worstError(table, tdbS));
    // walk forward in steps that cross the re-basing threshold, then jump back
    const n = Math.max(...table.meanMotionRadS);
    const step = (0.7 * REBASE_MAX_PHASE_RAD) / n;
    for (let k = 0, t = SPAN_2030_TDB_S; k < 6; k += 1, t += step)
      largest = Math.max(largest, await worstError(table, t));
    largest = Math.max(largest, await worstError(table, SPAN_2030_TDB_S - 0.99 * step));
    expect(largest).toBeLessThanOrEqual(GPU_POSITION_BOUND);
  });

  it('stays within the bound on a large table (32k tracers, the threaded path)', async () => {
    const table = createCheckTable(32_768, 5);
    for (const tdbS of [SPAN_2030_TDB_S + 1234, SPAN_2050_TDB_S - 1]) {
      expect(await worstError(table, tdbS)).toBeLessThanOrEqual(GPU_POSITION_BOUND);
    }
    gpu.forget(table);
  });

  it('never returns NaN or Infinity, e up to 1 - 1e-6, far outside 2030-2050', async () => {
    const rows = hardCaseRows({ ...GPU_DOMAIN, maxE: 0.999999 });
    const table = tableOf(rows.map((r, k) => ({ ...r, e: [0.99, 0.9999, 0.999999, r.e][k % 4] as number })));
    const out = new Float32Array(3 * table.count);
    for (const tdbS of [...hardTimes(), -50 * YEAR_S, 200 * YEAR_S]) {
      await gpu.positions(table, tdbS, out);
      expect(out.every(Number.isFinite)).toBe(true);
    }
  });
});

describe('gpu reduction on webasm', () => {
  it('agrees with reduceCpu64 within GPU_REDUCTION_BOUND, and on the sunward count but for boundary tracers', async () => {
    const tdbS = SPAN_2030_TDB_S + 10 * YEAR_S;
    const earth = earthHeliocentricEclipticM(tdbS);
    const table = tableOf([...sunwardRows(earth, 2000, 3), ...hardCaseRows(GPU_DOMAIN)]);
    const params = { unitAreaM2: 1e4, efficiency: 0.2, degradationRatePerS: 2e-9, earthPositionM: earth };
    const count = table.count - 3;
    const got = await gpu.reduce(table, tdbS, count, params);
    const want = reduceCpu64(table, tdbS, count, params);
    expect(want.tracersSunwardOfEarth).toBeGreaterThan(100);
    expect(Math.abs(got.capturedPowerW / want.capturedPowerW - 1)).toBeLessThanOrEqual(GPU_REDUCTION_BOUND);
    expect(Math.abs(got.interceptedSunlightW / want.interceptedSunlightW - 1)).toBeLessThanOrEqual(
      GPU_REDUCTION_BOUND,
    );
    const reference = new Float64Array(3 * table.count);
    propagateCpu64(table, tdbS, reference);
    const band = nearSunwardBoundary(
      reference,
      count,
      earth,
      (k) => 2 * GPU_POSITION_BOUND * (table.semiMajorAxisM[k] as number) + 1e-6 * 1.5e11,
    );
    expect(Math.abs(got.tracersSunwardOfEarth - want.tracersSunwardOfEarth)).toBeLessThanOrEqual(band);
    expect(Math.abs(got.collectorsSunwardOfEarth / want.collectorsSunwardOfEarth - 1)).toBeLessThan(
      band > 0 ? 0.01 : 1e-6,
    );
  });

  it('refuses a degradation too fast for float32 weights', async () => {
    const table = tableOf(hardCaseRows(GPU_DOMAIN).map((r, k) => ({ ...r, epoch: r.epoch + k * YEAR_S })));
    const params = {
      unitAreaM2: 1,
      efficiency: 1,
      degradationRatePerS: 1e-6,
      earthPositionM: [1.5e11, 0, 0],
    };
    await expect(gpu.reduce(table, SPAN_2050_TDB_S, table.count, params)).rejects.toThrow(
      /^degradationRatePerS:/,
    );
  });
});

describe('invalid tables', () => {
  const createKernel = vi.spyOn(GPU.prototype, 'createKernel');

  function bad(change: (t: TracerTable) => TracerTable): TracerTable {
    const t = createCheckTable(10, 2);
    return change(t);
  }

  const cases: Array<[string, TracerTable, RegExp]> = [
    [
      'e >= 1',
      bad((t) => (t.eccentricity.fill(1, 4, 5), t)),
      /^tracers\.eccentricity\[4\]: must be in \[0, 1\)/,
    ],
    [
      'NaN',
      bad((t) => (t.meanAnomalyAtEpochRad.fill(NaN, 7, 8), t)),
      /^tracers\.meanAnomalyAtEpochRad\[7\]: .*NaN/,
    ],
    [
      'length mismatch',
      { ...createCheckTable(10, 2), weight: new Float64Array(9) },
      /^tracers\.weight: has length 9/,
    ],
    ['zero row', createTracerTable(3), /^tracers\.semiMajorAxisM\[0\]/],
  ];

  for (const [name, table, message] of cases) {
    it(`refuses ${name} before any kernel is built or run`, async () => {
      createKernel.mockClear();
      const out = new Float32Array(3 * table.count).fill(7);
      const error = await gpu.positions(table, SPAN_2030_TDB_S, out).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(message);
      const params = { unitAreaM2: 1, efficiency: 1, degradationRatePerS: 0, earthPositionM: [1.5e11, 0, 0] };
      await expect(gpu.reduce(table, SPAN_2030_TDB_S, table.count, params)).rejects.toThrow(message);
      expect(createKernel).not.toHaveBeenCalled();
      expect(out.every((v) => v === 7)).toBe(true);
    });
  }
});
