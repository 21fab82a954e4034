/**
 * The API run with positions from the fast cpu backend (one thread, and the Node worker_threads pool) against the
 * float64 reference run (`simulate`, cpu64): every field of every snapshot within the bound that CPU_POSITION_BOUND
 * implies (tests/backendRows.ts), on the baseline with few tracers over 2047-2050.
 */
import { afterAll, describe, expect, it } from 'vitest';

import { isoToTdbS, loadScenario, simulate, simulateWith } from '../sim/index.ts';
import { createCpuPropagator } from '../sim/propagate/backend.ts';
import { CPU_POSITION_BOUND } from '../sim/propagate/cpuKernel.ts';
import { createNodeCpuPool } from '../src/node/cpuPool.ts';
import { rowRelativeBound, worstRelativeDifference } from './backendRows.ts';

describe('simulateWith the cpu backend', () => {
  const scenario = loadScenario('baseline');
  const options = { tracers: 2000, fromTdbS: isoToTdbS('2047-01-01'), toTdbS: isoToTdbS('2050-12-31') };
  const reference = simulate(scenario, options);
  const pooled = createCpuPropagator(createNodeCpuPool(2));
  afterAll(() => pooled.dispose());

  for (const [name, propagator] of [
    ['one thread', createCpuPropagator()],
    ['2 worker_threads', pooled],
  ] as const) {
    it(`gives every snapshot field within the bound CPU_POSITION_BOUND implies (${name})`, async () => {
      const fast = await simulateWith(scenario, propagator, options);
      expect(fast.backend).toBe('cpu');
      expect(fast.snapshots).toHaveLength(reference.snapshots.length);
      expect(reference.snapshots.at(-1)?.capturedPowerW).toBeGreaterThan(0); // the test has teeth
      const worst = worstRelativeDifference(fast.snapshots, reference.snapshots);
      expect(worst.value, worst.path).toBeLessThanOrEqual(rowRelativeBound(CPU_POSITION_BOUND));
      expect(fast.eclipseEnergyLossJ).toEqual(reference.eclipseEnergyLossJ);
    });
  }
});
