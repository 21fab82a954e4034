/**
 * The Propagator interface: every backend behind createPropagator, `auto`, the Node wiring, and the checks they
 * all share (invalid tables and arguments refused with an InputError before any work).
 */
import { afterAll, describe, expect, it } from 'vitest';

import { InputError } from '../../sim/errors.ts';
import {
  createCheckTable,
  createCpu64Propagator,
  createCpuPropagator,
  createPropagator,
  type Propagator,
} from '../../sim/propagate/backend.ts';
import { propagateCpu64 } from '../../sim/propagate/cpu64.ts';
import { reduceCpu64 } from '../../sim/propagate/reduce.ts';
import type { TracerTable } from '../../sim/propagate/tracerTable.ts';
import { createNodePropagator, parseBackend } from '../../src/node/propagators.ts';
import { SPAN_2030_TDB_S } from './helpers.ts';

const propagators: Propagator[] = [];
afterAll(() => propagators.forEach((p) => p.dispose()));

async function all(): Promise<Propagator[]> {
  if (propagators.length === 0) {
    propagators.push(await createPropagator('cpu64'), await createPropagator('cpu'));
    propagators.push(await createPropagator('gpu', { gpuMode: 'webasm' }));
    propagators.push(await createNodePropagator('cpu', { threads: 2 }));
  }
  return propagators;
}

describe('every backend', () => {
  const table = createCheckTable(3000, 77);
  const tdbS = SPAN_2030_TDB_S + 1e8;
  const params = {
    unitAreaM2: 10,
    efficiency: 0.5,
    degradationRatePerS: 0,
    earthPositionM: [1.2e11, 8e10, 0],
  };

  it('gives cpu64 positions within its stated bound, and the reduction', async () => {
    const reference = new Float64Array(3 * table.count);
    propagateCpu64(table, tdbS, reference);
    const want = reduceCpu64(table, tdbS, 2500, params);
    for (const p of await all()) {
      const out = new Float64Array(3 * table.count);
      await p.positions(table, tdbS, out);
      for (let k = 0; k < table.count; k += 1) {
        const error = Math.hypot(
          (out[3 * k] as number) - (reference[3 * k] as number),
          (out[3 * k + 1] as number) - (reference[3 * k + 1] as number),
          (out[3 * k + 2] as number) - (reference[3 * k + 2] as number),
        );
        expect(error, `${p.device}, tracer ${k}`).toBeLessThanOrEqual(
          p.positionBound * (table.semiMajorAxisM[k] as number),
        );
      }
      const got = await p.reduce(table, tdbS, 2500, params);
      expect(got.capturedPowerW / want.capturedPowerW).toBeCloseTo(1, 4);
      expect(got.tracerCount).toBe(2500);
    }
  });

  const invalid: Array<[string, () => TracerTable, RegExp]> = [
    ['e = 1', () => mutate((t) => t.eccentricity.fill(1, 2, 3)), /eccentricity\[2\]/],
    ['NaN', () => mutate((t) => t.semiMajorAxisM.fill(NaN, 1, 2)), /semiMajorAxisM\[1\]/],
    [
      'length mismatch',
      () => ({ ...createCheckTable(4, 1), epochTdbS: new Float64Array(5) }),
      /epochTdbS: has length 5/,
    ],
  ];

  function mutate(change: (t: TracerTable) => unknown): TracerTable {
    const t = createCheckTable(4, 1);
    change(t);
    return t;
  }

  for (const [name, make, message] of invalid) {
    it(`refuses a table with ${name} (InputError naming column and row), output untouched`, async () => {
      for (const p of await all()) {
        const table = make();
        const out = new Float64Array(12).fill(3);
        const error = await p.positions(table, tdbS, out).catch((e: unknown) => e);
        expect(error, p.device).toBeInstanceOf(InputError);
        expect((error as Error).message).toMatch(message);
        expect(Array.from(out)).toEqual(new Array(12).fill(3));
        await expect(p.reduce(table, tdbS, 4, params)).rejects.toThrow(message);
      }
    });
  }

  it('refuses bad arguments: time, count, output buffer', async () => {
    for (const p of await all()) {
      await expect(p.positions(table, Infinity, new Float64Array(3 * table.count))).rejects.toThrow(/^tdbS:/);
      await expect(
        p.positions(table, tdbS, new Float64Array(3 * table.count), table.count + 1),
      ).rejects.toThrow(/^count:/);
      await expect(p.positions(table, tdbS, new Float64Array(5))).rejects.toThrow(/^out:/);
      await expect(p.positions(table, tdbS, [] as unknown as Float64Array)).rejects.toThrow(InputError);
    }
  });

  it('sees a changed table only after forget()', async () => {
    const cpu = await createPropagator('cpu');
    const t = createCheckTable(10, 5);
    const before = new Float64Array(30);
    await cpu.positions(t, tdbS, before);
    t.meanAnomalyAtEpochRad[0] = (t.meanAnomalyAtEpochRad[0] as number) + 1;
    const stale = new Float64Array(30);
    await cpu.positions(t, tdbS, stale);
    expect(stale).toEqual(before);
    cpu.forget(t);
    const fresh = new Float64Array(30);
    await cpu.positions(t, tdbS, fresh);
    expect(fresh[0]).not.toBe(before[0]);
  });
});

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
        expect(c.maxRelativeError).toBeLessThanOrEqual(c.name === 'gpu' ? 5e-7 : 1e-10);
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
    const params = {
      unitAreaM2: 1,
      efficiency: 1,
      degradationRatePerS: 1e-9,
      earthPositionM: [1.5e11, 0, 0],
    };
    for (const p of [createCpuPropagator(), createCpu64Propagator()]) {
      const a = new Float64Array(1500);
      const b = new Float64Array(1500);
      p.positionsSync(table, SPAN_2030_TDB_S, a);
      await p.positions(table, SPAN_2030_TDB_S, b);
      expect(a).toEqual(b);
      expect(p.reduceSync(table, SPAN_2030_TDB_S, 400, params)).toStrictEqual(
        await p.reduce(table, SPAN_2030_TDB_S, 400, params),
      );
      expect(() => p.reduceSync(table, SPAN_2030_TDB_S, 501, params)).toThrow(/^count:/);
    }
  });

  it('cpu64 is the reference itself', async () => {
    const p = await createPropagator('cpu64');
    expect(p).toMatchObject({ name: 'cpu64', positionBound: 0, threads: 1, software: false });
  });
});
