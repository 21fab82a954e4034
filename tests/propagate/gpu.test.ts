/**
 * What the `gpu` backend on gpu.js's webasm (float32 WebAssembly with its worker threads; headless-gl does not load
 * on these machines) promises beyond the conformance suite (conformance.test.ts): it reports the backend that ran,
 * refuses the modes Node cannot run, and refuses invalid tables before any kernel is built or run.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';

import { InputError } from '../../sim/errors.ts';
import { GPU } from '../../sim/propagate/gpujs.ts';
import { createPropagator } from '../../sim/propagate/backend.ts';
import { createCheckTable } from '../../sim/propagate/checkTable.ts';
import { bestGpuMode, GPU_POSITION_BOUND } from '../../sim/propagate/gpu.ts';
import type { TracerTable } from '../../sim/propagate/tracerTable.ts';
import { createTracerTable } from '../../sim/propagate/tracerTable.ts';
import { SPAN_2030_TDB_S } from './helpers.ts';

const gpu = await createPropagator('gpu', { gpuMode: 'webasm', gpuThreads: 2 });
afterAll(() => gpu.dispose());

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
      expect(createKernel).not.toHaveBeenCalled();
      expect(out.every((v) => v === 7)).toBe(true);
    });
  }
});
