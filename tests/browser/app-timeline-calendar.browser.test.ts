/**
 * The timeline's dates (issue 15, "timeline and camera"), in real Chromium: a step lands on a calendar boundary
 * (→ at 6 months/s from 2048-06-01 gave 2048-07-01 15:00), a typed date is gone to, a bad one is refused, and the
 * phase bands are the scenario's own (one without power satellites has no satellite band).
 */
import { expect } from 'vitest';
import { userEvent } from 'vitest/browser';
import { test } from './fixture.ts';

function byTestId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.querySelector<T>(`[data-testid="${id}"]`);
  if (element === null) throw new Error(`no element with data-testid=${id}`);
  return element;
}

test('→ at 6 months/s lands on 1 July 00:00 UTC; a typed date is gone to, a bad one refused', async ({
  mountAt,
}) => {
  await mountAt('t=2048-06-01&tracers=1000&speed=6mo', { viewport: [1200, 800] });
  (document.activeElement as HTMLElement | null)?.blur();
  await userEvent.keyboard('{ArrowRight}');
  await expect.poll(() => byTestId('date').textContent).toBe('2048-07-01 00:00 UTC');
  await userEvent.keyboard('{ArrowLeft}');
  await expect.poll(() => byTestId('date').textContent).toBe('2048-01-01 00:00 UTC');

  const entry = byTestId<HTMLInputElement>('date-entry');
  await userEvent.fill(entry, '2046-03-01');
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => byTestId('date').textContent).toBe('2046-03-01 00:00 UTC');
  await userEvent.fill(entry, '2046-13-45');
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => entry.getAttribute('aria-invalid')).toBe('true');
  expect(byTestId('date').textContent).toBe('2046-03-01 00:00 UTC');
});

test('the phase bands are the scenario’s own', async ({ mountAt }) => {
  const app = await mountAt('t=2040-01-01&tracers=1000', { viewport: [1200, 800] });
  const { store } = app.controller;
  expect(document.querySelector('[data-testid="phase-phase-geo"]')).not.toBeNull();
  // the baseline's swarm band starts at its first whole collector on station, from its series
  const series = store.getState().series!;
  const counts = series.columns['collectorCount']!;
  const first = series.timesTdbS[counts.findIndex((c) => c >= 1)]!;
  const { rangeFromTdbS: from, rangeToTdbS: to } = store.getState();
  const band = byTestId('phase-phase-swarm');
  expect(Number.parseFloat(band.style.left)).toBeCloseTo((100 * (first - from)) / (to - from), 3);

  // a scenario without power satellites has no satellite band
  await userEvent.selectOptions(byTestId<HTMLSelectElement>('scenario-select'), 'metzger-2013');
  await expect.poll(() => store.getState().world?.scenario.name, { timeout: 30_000 }).toBe('metzger-2013');
  const satellites = store.getState().series?.columns['powerSatelliteCount'];
  expect(satellites === undefined || satellites.every((n) => !(n >= 1))).toBe(true);
  await expect.poll(() => document.querySelector('[data-testid="phase-phase-geo"]')).toBeNull();
});

test('playing backwards moves time back, and pauses', async ({ mountAt }) => {
  const app = await mountAt('t=2046-01-01&tracers=1000&speed=1mo', { viewport: [1200, 800] });
  const { store } = app.controller;
  const start = store.getState().timeTdbS;
  await userEvent.click(byTestId('play-backwards'));
  await expect.poll(() => store.getState().timeTdbS).toBeLessThan(start);
  expect(store.getState().playDirection).toBe(-1);
  await userEvent.click(byTestId('play-backwards'));
  expect(store.getState().playing).toBe(false);
});
