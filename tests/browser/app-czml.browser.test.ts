/**
 * The app's CZML button: for the scenario shown (here the baseline cut short after its first tracers reach
 * station, with its first power satellite only, uploaded as a file), it offers a file that CesiumJS reads, with the
 * scenario's span as the clock and the swarm, the satellite and its beam in it.
 */
import { CzmlDataSource, JulianDate } from 'cesium';
import { expect, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import baseline from '../../assets/scenarios/baseline.json' with { type: 'json' };
import { test } from './fixture.ts';

function byTestId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.querySelector<T>(`[data-testid="${id}"]`);
  if (element === null) throw new Error(`no element with data-testid=${id}`);
  return element;
}

test('the CZML button downloads a document of the loaded scenario that Cesium reads', async ({ mountAt }) => {
  const app = await mountAt('tracers=300', { viewport: [1000, 700] });
  const { controller } = app;
  const short = structuredClone(baseline);
  short.to = '2046-06-01';
  short.earth.satellites = short.earth.satellites.slice(0, 1);
  await userEvent.upload(
    byTestId('scenario-file'),
    new File([JSON.stringify(short)], 'short.json', { type: 'application/json' }),
  );
  await expect.poll(() => controller.store.getState().world?.source.kind, { timeout: 45_000 }).toBe('json');

  // the download: the anchor the button clicks, with its blob URL and file name
  const offered: Array<{ href: string; download: string }> = [];
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    offered.push({ href: this.href, download: this.download });
  });
  try {
    const button = byTestId<HTMLButtonElement>('export-czml');
    expect(button.disabled).toBe(false);
    await userEvent.click(button);
    await expect.poll(() => offered.length, { timeout: 45_000 }).toBe(1);
  } finally {
    click.mockRestore();
  }
  const file = offered[0] as { href: string; download: string };
  expect(file.download).toBe('baseline.czml');
  const packets = JSON.parse(await (await fetch(file.href)).text()) as unknown[];

  const source = await CzmlDataSource.load(packets);
  const clock = source.clock;
  expect(JulianDate.toIso8601(clock.startTime, 0)).toBe('2030-01-01T00:00:00Z');
  expect(JulianDate.toIso8601(clock.stopTime, 0)).toBe('2046-06-01T00:00:00Z');
  const ids = source.entities.values.map((entity) => entity.id);
  expect(ids.filter((id) => id.startsWith('tracer:')).length).toBeGreaterThan(10);
  expect(ids).toContain('body:sun');
  expect(ids.filter((id) => id.startsWith('power-satellite:'))).toEqual(['power-satellite:ESSAIM-D1']);
  expect(ids.filter((id) => id.startsWith('beam:'))).toEqual([
    'beam:power-satellite:ESSAIM-D1->rectenna:Tabernas',
  ]);
});
