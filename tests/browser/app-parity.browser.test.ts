/**
 * Parity: the figures the page shows are the core's own numbers. At 2045-01-01 on the baseline, every figure of
 * the panel equals createWorld(loadScenario('baseline')).snapshot(t) and simulate() at the same instant to 1e-9
 * relative. The page computes them in its Web Worker, the reference here on the test's main thread: one core.
 * The panel's rows are the catalogue's figures (sim/report/figures.ts), under the catalogue's keys; delivered power
 * is checked against sim/energy's ledger itself (to computers plus to grids).
 */
import { expect } from 'vitest';
import { createWorld, isoToTdbS, loadScenario, simulate } from '../../sim/index.ts';
import { figureValues } from '../../sim/report/figures.ts';
import { FIGURE_GROUPS, panelRows } from '../../src/app/state/fields.ts';
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
  expect(viaSimulate).toBeDefined();
  if (viaSimulate === undefined) return Number.NaN;
  expect(figureValues(viaSimulate)).toEqual(figureValues(reference));

  // the panel's rows are the catalogue's figures, a per-site one per site
  const sites = Object.keys(reference.growth?.factoryMassKgBySite ?? {});
  const rows = FIGURE_GROUPS.flatMap(({ group }) => panelRows(group, sites)).map((row) => row.key);
  const shownRows = [...document.querySelectorAll<HTMLElement>('[data-testid^="figure-"]')]
    .map((element) => element.dataset['testid']?.slice('figure-'.length))
    .filter((key) => key !== 'figures-date');
  expect(shownRows).toEqual(rows);

  // every figure the core gives at t has its number on its row, and the rows with a number are exactly those
  const { values: expectedFigures, texts } = figureValues(reference);
  expect(Object.keys(expectedFigures)).toContain('capturedPowerW');
  for (const [key, expected] of Object.entries(expectedFigures)) {
    const shown = Number(figure(key).dataset['value']);
    expect(Math.abs(shown - expected), `${key}: panel ${shown}, core ${expected}`).toBeLessThanOrEqual(
      RELATIVE_TOLERANCE * Math.abs(expected),
    );
  }
  for (const [key, expected] of Object.entries(texts)) expect(figure(key).dataset['value']).toBe(expected);
  const withValue = rows.filter((key) => figure(key).dataset['value'] !== undefined);
  expect(withValue.sort()).toEqual([...Object.keys(expectedFigures), ...Object.keys(texts)].sort());
  // the run's figure (eclipse loss since the previous row) is not an instant's: the row says so
  expect(figure('eclipseEnergyLossJ').dataset['status']).toBe('run');

  // delivered power: the ledger's own terms (sim/energy), to computers plus to grids
  const ledger = reference.energy;
  expect(ledger).toBeDefined();
  const delivered = (ledger?.deliveredPowerComputeW ?? 0) + (ledger?.deliveredPowerGridW ?? 0);
  const shownDelivered = Number(figure('deliveredPowerW').dataset['value']);
  expect(Math.abs(shownDelivered - delivered)).toBeLessThanOrEqual(RELATIVE_TOLERANCE * Math.abs(delivered));
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
