// The Snapshot readers of the catalogue (sim/report/readers.ts): paths are checked against the Snapshot type when
// compiling, and an absent section reads null.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createWorld, isoToTdbS, loadScenario } from '../../sim/index.ts';
import { at, firstOf, ratioOf, recordAt, sumOf, textAt } from '../../sim/report/readers.ts';

describe('Snapshot readers', () => {
  it('type a path by what it reads: a field always there, a field of an optional section, no such field', () => {
    expectTypeOf(at('capturedPowerW').read).returns.toEqualTypeOf<number>();
    expectTypeOf(at('growth.factoryMassKg').read).returns.toEqualTypeOf<number | null>();
    expectTypeOf(at('energy.losses.atmosphereW').read).returns.toEqualTypeOf<number | null>();
    expectTypeOf(textAt('growth.bindingLimit').read).returns.not.toEqualTypeOf<number | null>();
    // @ts-expect-error not a field of the Snapshot: renaming a core field breaks the catalogue's build
    at('growth.factoryMassKilograms');
    // @ts-expect-error a text field is not a number
    at('growth.bindingLimit');
    // @ts-expect-error a per-site record is read with recordAt
    at('growth.factoryMassKgBySite');
  });

  it('reads null for an absent section, and combines readings as documented', () => {
    // armstrong-sandberg-2013 has a growth model but no energy and no earth section
    const snapshot = createWorld(loadScenario('armstrong-sandberg-2013'), { tracers: 50 }).snapshot(
      isoToTdbS('2040-01-01'),
    );
    expect(snapshot.energy).toBeUndefined();
    expect(at('energy.radiatedPowerW').read(snapshot)).toBeNull();
    expect(at('earth.deliveredPowerGridW').read(snapshot)).toBeNull();
    expect(at('growth.massLaunchedKg').read(snapshot)).toBe(snapshot.growth?.massLaunchedKg);
    expect(firstOf(at('energy.deliveredPowerGridW'), at('growth.massLaunchedKg')).read(snapshot)).toBe(
      snapshot.growth?.massLaunchedKg,
    );
    expect(sumOf(at('energy.radiatedPowerW'), at('earth.deliveredPowerGridW')).read(snapshot)).toBeNull();
    expect(sumOf(at('capturedPowerW'), at('energy.radiatedPowerW')).read(snapshot)).toBe(
      snapshot.capturedPowerW,
    );
    expect(ratioOf(at('capturedPowerW'), at('energy.radiatedPowerW')).read(snapshot)).toBeNull();
    // a copy, so a summary row never shares the core's record
    const bySite = recordAt('growth.factoryMassKgBySite').read(snapshot);
    expect(bySite).toEqual(snapshot.growth?.factoryMassKgBySite);
    expect(bySite).not.toBe(snapshot.growth?.factoryMassKgBySite);
  });
});
