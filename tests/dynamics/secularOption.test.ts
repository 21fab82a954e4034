/**
 * The scenario option dynamics.secularPerturbations: World.positionsAt and snapshot then move the tracers under
 * the planets' secular perturbations (sim/dynamics/secularPropagate.ts, tested in secular.test.ts), and a run on
 * any backend takes its positions from them; off (the default), nothing changes. Bad input names the field.
 */
import { describe, expect, it } from 'vitest';

import { AU_M, SECONDS_PER_JULIAN_YEAR } from '../../sim/constants.ts';
import { InputError } from '../../sim/errors.ts';
import { builtinScenarioObject, scenarioFromObject } from '../../sim/scenario/load.ts';
import { simulate, simulateWith } from '../../sim/simulate.ts';
import { isoToTdbS } from '../../sim/time.ts';
import { createWorld } from '../../sim/world.ts';

function baselineWith(dynamics: unknown) {
  const file = builtinScenarioObject('baseline') as Record<string, unknown>;
  return scenarioFromObject({ ...file, dynamics });
}

describe('dynamics.secularPerturbations', () => {
  it('moves the tracers off their fixed ellipses, by the secular drift and no more', () => {
    const t = isoToTdbS('2050-12-31');
    const twoBody = createWorld(baselineWith({ secularPerturbations: false }), { tracers: 2000 });
    const secular = createWorld(baselineWith({ secularPerturbations: true }), { tracers: 2000 });
    const a = new Float64Array(3 * 2000);
    const b = new Float64Array(3 * 2000);
    const count = twoBody.positionsAt(t, a);
    expect(secular.positionsAt(t, b)).toBe(count);
    let largest = 0;
    for (let k = 0; k < 3 * count; k += 1)
      largest = Math.max(largest, Math.abs((a[k] as number) - (b[k] as number)));
    // Not the same positions, and within what 21 years of precession at ~14 arcsec/yr (1.4e-3 rad) with e <= 0.03
    // and i <= 8 deg can move a point at 1 au: e a Δϖ + sin(i) a ΔΩ ≈ 2e-4 au.
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThan(1e-3 * AU_M);
  }, 60_000);

  it('is what a run reports, on any backend', async () => {
    const scenario = baselineWith({ secularPerturbations: true });
    const options = { tracers: 400, fromTdbS: isoToTdbS('2049-01-01'), toTdbS: isoToTdbS('2050-12-31') };
    const reference = simulate(scenario, options);
    const world = createWorld(scenario, { tracers: 400, spanTdbS: [reference.fromTdbS, reference.toTdbS] });
    const last = reference.snapshots[reference.snapshots.length - 1];
    expect(last?.interceptedSunlightW).toBe(world.snapshot(reference.toTdbS).interceptedSunlightW);
    // A backend that would fail if asked: with the option on, the run's positions come from the reference.
    const refusing = {
      name: 'gpu' as const,
      device: 'a backend without the secular terms',
      positions: () => Promise.reject(new Error('not the secular positions')),
    };
    const run = await simulateWith(scenario, refusing, options);
    expect(run.backend).toBe('cpu64');
    expect(run.snapshots.map((s) => s.interceptedSunlightW)).toEqual(
      reference.snapshots.map((s) => s.interceptedSunlightW),
    );
    expect(run.toTdbS - run.fromTdbS).toBeLessThan(3 * SECONDS_PER_JULIAN_YEAR);
  }, 60_000);

  it('is off by default and refuses an unknown key, naming the field', () => {
    expect(scenarioFromObject(builtinScenarioObject('baseline')).secularPerturbations).toBe(false);
    expect(() => baselineWith({ secular: true })).toThrow(InputError);
    expect(() => baselineWith({ secularPerturbations: 'yes' })).toThrow(/dynamics/);
  });
});
