/**
 * The editor covers the scenario (issue 15, "the editor is partial and partly inert"), in real Chromium: the
 * growth parameters that drive the built-in scenarios are editable and each changes the run; the deployment
 * factor, inert where the growth model supplies the collectors, is not offered there; an edited scenario's link
 * reproduces it in a fresh page; a bad link is refused with a reason; a tracer budget does not carry over to the
 * next scenario chosen.
 */
import { expect } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { MountedApp } from '../../src/app/mount.tsx';
import { test } from './fixture.ts';

function byTestId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.querySelector<T>(`[data-testid="${id}"]`);
  if (element === null) throw new Error(`no element with data-testid=${id}`);
  return element;
}

/** The displayed figures of a new world, once its snapshot is in. */
async function settledFigures(app: MountedApp, name: string): Promise<Readonly<Record<string, number>>> {
  const { store } = app.controller;
  await expect.poll(() => store.getState().world?.scenario.name, { timeout: 30_000 }).toBe(name);
  await expect
    .poll(() => store.getState().snapshot?.worldSeq, { timeout: 30_000 })
    .toBe(store.getState().world?.worldSeq);
  return store.getState().snapshot!.values;
}

async function openEditor(): Promise<HTMLElement> {
  if (document.querySelector('[data-testid="editor"]') === null) {
    await userEvent.click(document.querySelector('button[title^="Edit"]') as HTMLElement);
  }
  return byTestId('editor');
}

test('each growth parameter of the baseline changes the run; no inert deployment factor', async ({
  mountAt,
}) => {
  const app = await mountAt('t=2049-01-01&tracers=1500', { viewport: [1440, 900] });
  let figures = await settledFigures(app, 'baseline');
  let editor = await openEditor();
  expect(editor.querySelector('input[name="deploymentFactor"]')).toBeNull();
  const growthInputs = [...editor.querySelectorAll<HTMLInputElement>('input[name^="growth.0."]')].map(
    (i) => i.name,
  );
  expect(growthInputs.length).toBeGreaterThanOrEqual(3);
  for (const name of growthInputs) {
    editor = await openEditor();
    const input = editor.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
    const changed = Number(input.value) * (name.endsWith('replicationYears') ? 0.8 : 1.5);
    await userEvent.fill(input, String(changed));
    const before = app.controller.store.getState().world;
    await userEvent.click(editor.querySelector('button[type="submit"]') as HTMLElement);
    await expect.poll(() => app.controller.store.getState().world, { timeout: 30_000 }).not.toBe(before);
    const next = await settledFigures(app, 'baseline-edited');
    const moved = ['collectorCount', 'massInOrbitKg', 'capturedPowerW', 'factoryMassKg'].filter(
      (key) => next[key] !== figures[key],
    );
    expect(moved.length, `${name} changed no figure`).toBeGreaterThan(0);
    expect(app.controller.store.getState().scenarioError).toBeNull();
    figures = next;
  }
});

test('an edited scenario’s link reproduces it in a fresh page', async ({ mountAt }) => {
  let app = await mountAt('t=2049-01-01&tracers=1500', { viewport: [1440, 900] });
  await settledFigures(app, 'baseline');
  const editor = await openEditor();
  await userEvent.fill(
    editor.querySelector<HTMLInputElement>('input[name="growth.0.replicationYears"]')!,
    '1.5',
  );
  await userEvent.click(editor.querySelector('button[type="submit"]') as HTMLElement);
  const edited = await settledFigures(app, 'baseline-edited');
  await userEvent.click(
    (await openEditor()).querySelector('[data-testid="share-link-button"]') as HTMLElement,
  );
  await expect
    .poll(() => document.querySelector<HTMLInputElement>('[data-testid="share-link"]')?.value ?? '')
    .toContain('share=');
  const link = new URL(byTestId<HTMLInputElement>('share-link').value);
  expect(link.searchParams.get('scenario')).toBeNull();
  sessionStorage.clear();

  // a fresh page (nothing stored in this tab) from the link alone
  app = await mountAt(link.search.slice(1));
  const reproduced = await settledFigures(app, 'baseline-edited');
  const file = app.controller.store.getState().world!.scenario.file as {
    growth: { sites: Array<{ factory: { replicationTimeYears: number } }> };
  };
  expect(file.growth.sites[0]!.factory.replicationTimeYears).toBe(1.5);
  expect(reproduced['collectorCount']).toBe(edited['collectorCount']);
  expect(reproduced['capturedPowerW']).toBe(edited['capturedPowerW']);
});

test('a damaged link is refused with a reason, and the baseline runs', async ({ mountAt }) => {
  const app = await mountAt('share=not*base64&tracers=1500');
  await settledFigures(app, 'baseline');
  expect(app.controller.store.getState().notice).toMatch(
    /shared link could not be opened: the link’s scenario/,
  );
});

test('a tracer budget set for one scenario does not carry over to the next chosen', async ({ mountAt }) => {
  const app = await mountAt('t=2049-01-01&tracers=1500');
  await settledFigures(app, 'baseline');
  expect(app.controller.store.getState().world?.tracers).toBe(1500);
  await userEvent.selectOptions(byTestId<HTMLSelectElement>('scenario-select'), 'metzger-2013');
  await settledFigures(app, 'metzger-2013');
  expect(app.controller.store.getState().tracersOverride).toBeNull();
  expect(app.controller.store.getState().world?.tracers).not.toBe(1500);
});
