/**
 * The default view follows the story (issue 15: 2030-2045 looked the same, the GEO satellites appeared only after
 * jumping to the Earth), in real Chromium: a link with a date and no view opens on the Earth while the power
 * satellites are the story, on the Sun once collectors are on station; a link naming a view keeps it.
 */
import { expect } from 'vitest';
import { test } from './fixture.ts';

test('2032 with no view named opens on the Earth, its power satellites in service', async ({ mountAt }) => {
  const app = await mountAt('t=2032-06-21&tracers=1000');
  const state = app.controller.store.getState();
  expect(state.snapshot?.values['powerSatelliteCount']).toBeGreaterThanOrEqual(1);
  expect(state.snapshot?.values['collectorCount']).toBeLessThan(1);
  await expect.poll(() => app.controller.store.getState().target).toBe('earth');
});

test('2050 with no view named opens on the Sun, the swarm on station', async ({ mountAt }) => {
  const app = await mountAt('t=2050-01-01&tracers=1000');
  expect(app.controller.store.getState().snapshot?.values['collectorCount']).toBeGreaterThanOrEqual(1);
  expect(app.controller.store.getState().target).toBe('sun');
});

test('a link that names its view keeps it', async ({ mountAt }) => {
  const app = await mountAt('t=2032-06-21&tracers=1000&target=mars');
  expect(app.controller.store.getState().target).toBe('mars');
});
