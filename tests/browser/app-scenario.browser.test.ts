/**
 * Scenarios in the browser: a bad file shows an error that names the field and leaves the previous scenario
 * running; a good file re-runs in the worker with a progress bar while the scene keeps going, and is kept for a
 * reload; the editor's values go through the core's validation too.
 */
import { expect } from 'vitest';
import { userEvent } from 'vitest/browser';
import baseline from '../../assets/scenarios/baseline.json' with { type: 'json' };
import type { MountedApp } from '../../src/app/mount.tsx';
import { test, type MountAt } from './fixture.ts';

function byTestId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.querySelector<T>(`[data-testid="${id}"]`);
  if (element === null) throw new Error(`no element with data-testid=${id}`);
  return element;
}

function mountBaseline(mountAt: MountAt): Promise<MountedApp> {
  return mountAt('t=2047-01-01&tracers=800', { viewport: [1000, 700] });
}

function scenarioFile(name: string, value: unknown): File {
  return new File([typeof value === 'string' ? value : JSON.stringify(value)], name, {
    type: 'application/json',
  });
}

test('a bad scenario file shows the field in error and keeps the previous scenario running', async ({
  mountAt,
}) => {
  const app = await mountBaseline(mountAt);
  const { controller } = app;
  const before = controller.store.getState().world;
  expect(before?.scenario.name).toBe('baseline');

  const bad = structuredClone(baseline) as Record<string, any>;
  bad['collector']['conversionEfficiency'] = 1.5;
  await userEvent.upload(byTestId('scenario-file'), scenarioFile('too-good.json', bad));
  await expect.poll(() => document.querySelector('[data-testid="scenario-error"]')).not.toBeNull();
  const error = byTestId('scenario-error');
  expect(error.textContent).toContain('too-good.json');
  expect(error.textContent).toContain('collector.conversionEfficiency');
  expect(error.textContent).toContain('1.5');
  expect(error.textContent).toContain('Still showing');
  expect(controller.store.getState().world).toBe(before);
  expect(byTestId('scenario-title').textContent).toBe(baseline.title);

  // still running: the figures follow the scrubber on the previous scenario
  controller.setTime(Date.parse('2049-06-01') ? before!.scenario.toTdbS - 86_400 * 200 : 0);
  await expect
    .poll(() => controller.store.getState().snapshot?.tdbS)
    .toBe(controller.store.getState().timeTdbS);
  expect(controller.store.getState().snapshot?.worldSeq).toBe(before?.worldSeq);

  // not JSON at all: the message says where
  await userEvent.upload(byTestId('scenario-file'), scenarioFile('broken.json', '{ "name": "x", }'));
  await expect.poll(() => byTestId('scenario-error').textContent).toContain('broken.json');
  expect(byTestId('scenario-error').textContent).toMatch(/line 1/);
  expect(controller.store.getState().world).toBe(before);
});

test('a good file re-runs in the worker with a progress bar, and a reload finds it', async ({ mountAt }) => {
  let app = await mountBaseline(mountAt);
  const { controller } = app;
  const custom = structuredClone(baseline) as Record<string, any>;
  custom['name'] = 'fast-swarm';
  custom['title'] = 'A faster swarm';
  for (const campaign of custom['deployment']) campaign.collectorsPerYear *= 3;
  const progressSeen: number[] = [];
  const unsubscribe = controller.store.subscribe((state) => {
    if (state.loading !== null) progressSeen.push(state.loading.fraction);
  });
  await userEvent.upload(byTestId('scenario-file'), scenarioFile('fast-swarm.json', custom));
  await expect
    .poll(() => controller.store.getState().world?.scenario.name, { timeout: 30_000 })
    .toBe('fast-swarm');
  unsubscribe();
  expect(progressSeen.length).toBeGreaterThan(1);
  expect(Math.max(...progressSeen)).toBeGreaterThan(0.2);
  expect(byTestId('scenario-title').textContent).toBe('A faster swarm');
  await expect
    .poll(() => controller.store.getState().snapshot?.worldSeq)
    .toBe(controller.store.getState().world?.worldSeq);
  controller.writeUrl();
  expect(location.search).toContain('scenario=stored:fast-swarm');
  expect(sessionStorage.getItem('essaim.scenario.fast-swarm')).toContain('A faster swarm');
  const figures = byTestId('figure-collectorCount').dataset['value'];

  // reload: mountAt unmounts the app and mounts a fresh one from the same URL
  app = await mountAt(null);
  await expect
    .poll(() => app?.controller.store.getState().world?.scenario.name, { timeout: 30_000 })
    .toBe('fast-swarm');
  await expect.poll(() => byTestId('figure-collectorCount').dataset['value']).toBe(figures);
});

test('the editor re-runs with edited parameters, and a bad value names its field', async ({ mountAt }) => {
  const app = await mountBaseline(mountAt);
  const { controller } = app;
  await userEvent.click(document.querySelector('button[title^="Edit"]') as HTMLElement);
  const editor = byTestId('editor');
  const efficiency = editor.querySelector<HTMLInputElement>('input[name="conversionEfficiencyPercent"]');
  expect(efficiency?.value).toBe('20');
  const before = controller.store.getState().world;

  await userEvent.fill(efficiency as HTMLInputElement, '140');
  await userEvent.click(editor.querySelector('button[type="submit"]') as HTMLElement);
  await expect
    .poll(() => document.querySelector('[data-testid="scenario-error"]')?.textContent)
    .toContain('collector.conversionEfficiency');
  expect(controller.store.getState().world).toBe(before);

  await userEvent.fill(efficiency as HTMLInputElement, '30');
  await userEvent.click(editor.querySelector('button[type="submit"]') as HTMLElement);
  await expect
    .poll(() => controller.store.getState().world?.scenario.name, { timeout: 30_000 })
    .toBe('baseline-edited');
  await expect
    .poll(() => controller.store.getState().snapshot?.worldSeq)
    .toBe(controller.store.getState().world?.worldSeq);
  expect(controller.store.getState().scenarioError).toBeNull();
  expect(controller.store.getState().snapshot?.values['captureEfficiency']).toBeGreaterThan(0.28);

  // The areal density field shows the bill of materials' total (0.599 kg/m^2, hand-summed in
  // tests/scenario/billOfMaterials.test.ts); a new total scales every part, so the phased array stays in the bill
  // (dropping it would be refused, the collectors beam through it).
  const density = byTestId('editor').querySelector<HTMLInputElement>('input[name="arealDensityGM2"]');
  expect(density?.value).toBe('599');
  await userEvent.fill(density as HTMLInputElement, '1198');
  await userEvent.click(byTestId('editor').querySelector('button[type="submit"]') as HTMLElement);
  const bill = () =>
    (controller.store.getState().world?.scenario.file as any)?.collector?.billOfMaterials as
      Array<{ kind: string; arealDensityKgM2: number }> | undefined;
  await expect
    .poll(() => bill()?.find((part) => part.kind === 'rf-transmitter')?.arealDensityKgM2, { timeout: 30_000 })
    .toBeCloseTo(0.9, 12);
  expect(bill()?.reduce((total, part) => total + part.arealDensityKgM2, 0)).toBeCloseTo(1.198, 12);
  expect(controller.store.getState().scenarioError).toBeNull();
});
