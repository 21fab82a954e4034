/**
 * Choosing a backend: createPropagator's names, `auto` and its self-check, the Node wiring, and the synchronous
 * API of the backends that compute on the caller's thread. What every backend must do is conformance.ts.
 */
import { describe, expect, it } from 'vitest';

import { createCpu64Propagator, createCpuPropagator, createPropagator } from '../../sim/propagate/backend.ts';
import { createCheckTable } from '../../sim/propagate/checkTable.ts';
import { createNodePropagator, parseBackend } from '../../src/node/propagators.ts';
import { SPAN_2030_TDB_S } from './helpers.ts';

/** The gpu candidate's self-check error, relative to a: its stated GPU_POSITION_BOUND (sim/propagate/gpu.ts). */
const GPU_SELF_CHECK_REL = 5e-7;
/** The cpu candidate's, relative to a: half the kernel's stated 2e-10 (CPU_POSITION_BOUND); no reason given. */
const CPU_SELF_CHECK_REL = 1e-10;

describe('createPropagator', () => {
  it('refuses an unknown name', async () => {
    await expect(createPropagator('fast' as never)).rejects.toThrow(/^backend: must be one of/);
    expect(() => parseBackend('gpu2')).toThrow(/^--backend:/);
    expect(parseBackend('auto')).toBe('auto');
  });

  it('auto keeps the fastest backend that passed its self-check, and says so', async () => {
    const auto = await createNodePropagator('auto', { threads: 2 });
    try {
      expect(auto.name).toBe(auto.choice.chosen);
      expect(auto.choice.candidates.map((c) => c.name)).toEqual(['gpu', 'cpu']);
      for (const c of auto.choice.candidates) {
        expect(c.rejected, JSON.stringify(c)).toBeUndefined();
        expect(c.maxRelativeError).toBeLessThanOrEqual(
          c.name === 'gpu' ? GPU_SELF_CHECK_REL : CPU_SELF_CHECK_REL,
        );
      }
      const rates = auto.choice.candidates.map((c) => c.positionsPerS ?? 0);
      const best = auto.choice.candidates[rates.indexOf(Math.max(...rates))];
      expect(auto.name).toBe(best?.name);
    } finally {
      auto.dispose();
    }
  });

  it('cpu and cpu64 without a pool also answer synchronously, with the same numbers', async () => {
    const table = createCheckTable(500, 8);
    for (const p of [createCpuPropagator(), createCpu64Propagator()]) {
      const a = new Float64Array(1500);
      const b = new Float64Array(1500);
      p.positionsSync(table, SPAN_2030_TDB_S, a);
      await p.positions(table, SPAN_2030_TDB_S, b);
      expect(a).toEqual(b);
      expect(() => p.positionsSync(table, SPAN_2030_TDB_S, a, 501)).toThrow(/^count:/);
    }
  });

  it('cpu64 is the reference itself', async () => {
    const p = await createPropagator('cpu64');
    expect(p).toMatchObject({ name: 'cpu64', positionBound: 0, threads: 1, software: false });
  });
});
