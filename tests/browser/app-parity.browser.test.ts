/**
 * Parity: the figures the page shows are the core's own numbers. At 2045-01-01 on the baseline, every figure of
 * the panel equals createWorld(loadScenario('baseline')).snapshot(t) and simulate() at the same instant to 1e-9
 * relative. The page computes them in its Web Worker, the reference here on the test's main thread: one core.
 * Delivered power is checked the same way whenever the core computes it (sim/energy's ledger: to computers plus
 * to grids); where it does not, the panel must say so and show no number.
 */
import { expect } from 'vitest';
import { createWorld, isoToTdbS, loadScenario, simulate } from '../../sim/index.ts';
import { flattenNumbers } from '../../sim/stream/messages.ts';
import { FIELDS } from '../../src/app/state/fields.ts';
import { test } from './fixture.ts';

const RELATIVE_TOLERANCE = 1e-9;

function figure(key: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-testid="figure-${key}"]`);
  if (element === null) throw new Error(`no panel figure ${key}`);
  return element;
}

/** Every figure on the panel against the core's snapshot at t (reference computed here, on the main thread). */
function expectPanelEqualsCore(t: number): number {
  expect(Number(figure('capturedPowerW').dataset['tdbS'])).toBe(t);
  const scenario = loadScenario('baseline');
  const reference = createWorld(scenario).snapshot(t);
  const viaSimulate = simulate(scenario, {
    fromTdbS: t,
    toTdbS: t + 86_400,
    step: { kind: 'fixed', seconds: 86_400 },
  }).snapshots[0];
  expect(flattenNumbers(viaSimulate ?? {}, ['tdbS'])).toEqual(flattenNumbers(reference, ['tdbS']));

  // every number of the core's snapshot (nested ones, e.g. the growth model's, by their dotted key) has its row
  const expectedFigures = flattenNumbers(reference, ['tdbS']);
  expect(Object.keys(expectedFigures)).toContain('capturedPowerW');
  for (const [key, expected] of Object.entries(expectedFigures)) {
    // a figure the catalogue knows under another name (an alias) is shown on that row
    const row =
      FIELDS.find((field) => field.aliases?.includes(key) && !(field.key in expectedFigures))?.key ?? key;
    const shown = Number(figure(row).dataset['value']);
    expect(Math.abs(shown - expected), `${key}: panel ${shown}, core ${expected}`).toBeLessThanOrEqual(
      RELATIVE_TOLERANCE * Math.abs(expected),
    );
  }

  // delivered power: the core's own total when it has one, else its two parts (sim/energy's ledger)
  const compute = expectedFigures['energy.deliveredPowerComputeW'];
  const grid = expectedFigures['energy.deliveredPowerGridW'];
  const delivered =
    expectedFigures['deliveredPowerW'] ??
    expectedFigures['energy.deliveredPowerW'] ??
    (compute !== undefined && grid !== undefined ? compute + grid : undefined);
  if (delivered !== undefined) {
    const shown = Number(figure('deliveredPowerW').dataset['value']);
    expect(Math.abs(shown - delivered)).toBeLessThanOrEqual(RELATIVE_TOLERANCE * Math.abs(delivered));
  } else {
    // not computed by the core yet: the panel says so and shows no number
    expect(figure('deliveredPowerW').dataset['status']).toBe('pending');
    expect(figure('deliveredPowerW').dataset['value']).toBeUndefined();
    expect(figure('deliveredPowerW').textContent).toBe('not computed');
  }
  return reference.capturedPowerW;
}

test('the panel shows the core’s figures at 2045-01-01 on the baseline (and later), to 1e-9', async ({
  mountAt,
}) => {
  const app = await mountAt('t=2045-01-01&scenario=baseline', { viewport: [900, 640] });
  const t = isoToTdbS('2045-01-01');
  const captured2045 = expectPanelEqualsCore(t);

  // and where the swarm is large (the baseline's first collectors may reach station after 2045)
  const later = isoToTdbS('2049-07-01');
  app.controller.setTime(later);
  await expect.poll(() => Number(figure('capturedPowerW').dataset['tdbS'])).toBe(later);
  const captured2049 = expectPanelEqualsCore(later);
  expect(captured2049).toBeGreaterThan(captured2045);
  expect(captured2049).toBeGreaterThan(0);

  // the link budgets' warnings listed are the core's, word for word
  const warnings = createWorld(loadScenario('baseline')).snapshot(later).energy?.warnings ?? [];
  expect(warnings.length).toBeGreaterThan(0);
  const shown = [...document.querySelectorAll('[data-testid="link-warnings"] li')].map(
    (li) => li.textContent,
  );
  expect(shown).toEqual(warnings);
});
