/**
 * The story tour in real Chromium: from its first step to its last, each step lands at its date (clamped to the
 * scenario's span) and centres the camera on its target (the camera glides there: its settled distance is the
 * target's view distance), and every number of its caption equals the figure simulate() gives at that time (to the
 * cpu kernel's rounding where a figure sums over positions), read
 * through the catalogue. Leaving a step to explore and resuming it returns to its date and target; no console error.
 */
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { isoToTdbS, loadScenario, simulate } from '../../sim/index.ts';
import { FIGURES } from '../../sim/report/figures.ts';
import { BODIES, isBodyId } from '../../src/app/state/targets.ts';
import { clampTime } from '../../src/app/state/clock.ts';
import { ESSAY_TOUR } from '../../src/app/tour/tours.ts';
import { test } from './fixture.ts';

/** Tracers of the app and of the reference run: the same world, so the same numbers bit for bit. */
const TRACERS = 800;
/** Settled camera distance against the target's view distance, relative: the glide's last frame lands on it. */
const CAMERA_DISTANCE_REL = 1e-3;
/** The camera glide and the snapshot round trip, ms. */
const STEP_TIMEOUT_MS = 20_000;

function byTestId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.querySelector<T>(`[data-testid="${id}"]`);
  if (element === null) throw new Error(`no element with data-testid=${id}`);
  return element;
}

let consoleErrors: string[] = [];
beforeEach(() => {
  consoleErrors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args.map(String).join(' '));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const scenario = loadScenario('baseline');

/** A tour of one's own: three steps a second apart. */
const MY_TOUR = {
  name: 'my-tour',
  title: 'Three looks',
  scenario: 'baseline',
  secondsPerStep: 1,
  steps: [
    {
      phase: 'one',
      title: 'Mars',
      date: '2035-01-01',
      target: 'mars',
      caption: 'Demand {aiDemandW} on {date}.',
    },
    {
      phase: 'two',
      title: 'Moon',
      date: '2046-01-01',
      target: 'moon',
      caption: 'Factories {factoryMassKg}.',
    },
    {
      phase: 'three',
      title: 'Sun',
      date: '2049-01-01',
      target: 'sun',
      caption: '{collectorCount} collectors, {aiSpaceShare} from space.',
    },
  ],
} as const;
const figureByKey: ReadonlyMap<string, (typeof FIGURES)[number]> = new Map(
  FIGURES.map((figure) => [figure.key, figure]),
);

/**
 * The app's worker propagates with the `cpu` kernel (within 2e-10 of the semi-major axis of cpu64, which
 * simulate() uses); the figures that sum over positions (the hub feeders' captured power, hence the power from
 * space) follow it to about that relative size. 1e-9 leaves room for the sums; a wrong figure is off by far more.
 */
const CPU_KERNEL_REL = 1e-9;

/** The figures simulate() gives at t, by key (instant figures read from its one snapshot at t). */
function referenceAt(tdbS: number): Map<string, number | null> {
  const run = simulate(scenario, { tracers: TRACERS, fromTdbS: tdbS, toTdbS: tdbS + 1 });
  const snapshot = run.snapshots[0];
  const out = new Map<string, number | null>();
  if (snapshot === undefined) return out;
  for (const figure of FIGURES) {
    if (figure.scope === 'instant' && figure.kind === 'number')
      out.set(figure.key, figure.read(snapshot) as number | null);
  }
  return out;
}

test('the essay tour walks 2030-2050: dates, targets and captions from the snapshot', async ({ mountAt }) => {
  const app = await mountAt(`tracers=${TRACERS}`, { viewport: [1280, 800] });
  const { store } = app.controller;
  const { rangeFromTdbS, rangeToTdbS } = store.getState();
  await userEvent.click(byTestId('tour-start'));
  for (const [k, step] of ESSAY_TOUR.steps.entries()) {
    await expect.poll(() => byTestId('tour').dataset['step']).toBe(String(k));
    const t = clampTime(step.tdbS, rangeFromTdbS, rangeToTdbS);
    expect(store.getState().timeTdbS).toBe(t);
    expect(store.getState().target).toBe(step.target);
    expect(store.getState().playing).toBe(false);
    // the camera glides to the target and settles at its view distance
    if (isBodyId(step.target)) {
      const want = BODIES[step.target].viewDistanceMm;
      await expect
        .poll(() => Math.abs((store.getState().cameraPose?.distanceMm ?? 0) / want - 1), {
          timeout: STEP_TIMEOUT_MS,
        })
        .toBeLessThan(CAMERA_DISTANCE_REL);
    }
    await expect
      .poll(() => byTestId('tour-caption').dataset['settled'], { timeout: STEP_TIMEOUT_MS })
      .toBe('yes');
    const reference = referenceAt(t);
    const values = [...byTestId('tour-caption').querySelectorAll<HTMLElement>('[data-key]')];
    expect(values.length).toBeGreaterThan(0);
    for (const node of values) {
      const key = node.dataset['key'] as string;
      expect(figureByKey.has(key), key).toBe(true);
      const want = reference.get(key) ?? null;
      const got = node.dataset['value'];
      if (want === null) expect(got, `${key} at step ${k}`).toBeUndefined();
      else if (want === 0) expect(Number(got), `${key} at step ${k}`).toBe(0);
      else
        expect(Math.abs(Number(got) / want - 1), `${key} at step ${k}`).toBeLessThanOrEqual(CPU_KERNEL_REL);
    }
    if (k < ESSAY_TOUR.steps.length - 1) await userEvent.click(byTestId('tour-next'));
  }
  expect(store.getState().timeTdbS).toBe(
    clampTime(ESSAY_TOUR.steps.at(-1)!.tdbS, rangeFromTdbS, rangeToTdbS),
  );

  // leave to explore: time and camera are free; resume returns to the step
  await userEvent.click(byTestId('tour-previous'));
  const resumeAt = ESSAY_TOUR.steps.length - 2;
  await expect.poll(() => byTestId('tour').dataset['step']).toBe(String(resumeAt));
  await userEvent.click(byTestId('tour-explore'));
  expect(document.querySelector('[data-testid="tour"]')).toBeNull();
  app.controller.setTime(rangeFromTdbS);
  app.controller.setTarget('mars');
  await userEvent.click(byTestId('tour-resume'));
  const step = ESSAY_TOUR.steps[resumeAt]!;
  expect(store.getState().timeTdbS).toBe(clampTime(step.tdbS, rangeFromTdbS, rangeToTdbS));
  expect(store.getState().target).toBe(step.target);
  expect(byTestId('tour').dataset['step']).toBe(String(resumeAt));
  expect(consoleErrors).toEqual([]);
});

test('the demand band is charted with the share from space', async ({ mountAt }) => {
  const app = await mountAt(`tracers=${TRACERS}&t=2040-01-01`, { viewport: [1280, 800] });
  await expect.poll(() => document.querySelector('[data-testid="demand-band"] canvas') !== null).toBe(true);
  expect(document.querySelector('[data-chart="aiSpaceShare"]')).not.toBeNull();
  // a picture for people (docs/screenshots/README.md), at the series' final resolution: not compared
  await expect
    .poll(() => app.controller.store.getState().series?.resolution, { timeout: 45_000 })
    .toBe('monthly');
  await new Promise((resolve) => setTimeout(resolve, 400));
  await page.screenshot({
    path: '../../test-artifacts/screenshots/essaim-demand-band.png',
    element: byTestId('demand-band'),
  });
  await userEvent.click(byTestId('tour-start'));
  await userEvent.click(byTestId('tour-next'));
  await userEvent.click(byTestId('tour-next'));
  await userEvent.click(byTestId('tour-next'));
  await expect
    .poll(() => byTestId('tour-caption').dataset['settled'], { timeout: STEP_TIMEOUT_MS })
    .toBe('yes');
  await new Promise((resolve) => setTimeout(resolve, 1800));
  await page.screenshot({ path: '../../test-artifacts/screenshots/essaim-tour-2040.png' });
});

test('a tour a user writes: loaded from a file, played step by step; a bad one names its field', async ({
  mountAt,
}) => {
  const app = await mountAt(`tracers=${TRACERS}`, { viewport: [1280, 800] });
  const { store } = app.controller;
  const bad = { ...structuredClone(MY_TOUR), steps: [{ ...MY_TOUR.steps[0], target: 'pluto' }] };
  await userEvent.upload(
    byTestId('tour-file'),
    new File([JSON.stringify(bad)], 'bad-tour.json', { type: 'application/json' }),
  );
  await expect
    .poll(() => document.querySelector('[data-testid="tour-error"]')?.textContent ?? '')
    .toMatch(/bad-tour\.json: steps\[0\]\.target: must be sun/);
  await userEvent.upload(
    byTestId('tour-file'),
    new File([JSON.stringify(MY_TOUR)], 'my-tour.json', { type: 'application/json' }),
  );
  await expect
    .poll(() => document.querySelector('[data-testid="tour"]')?.getAttribute('data-step'))
    .toBe('0');
  expect(store.getState().target).toBe('mars');
  await userEvent.click(byTestId('tour-play'));
  // Play moves on by itself every secondsPerStep, to the last step, then stops
  await expect.poll(() => byTestId('tour').dataset['step'], { timeout: STEP_TIMEOUT_MS }).toBe('2');
  await expect.poll(() => byTestId('tour').dataset['playing'], { timeout: STEP_TIMEOUT_MS }).toBe('no');
  const last = MY_TOUR.steps[2];
  expect(store.getState().target).toBe(last.target);
  expect(store.getState().timeTdbS).toBe(isoToTdbS(last.date));
  await expect
    .poll(() => byTestId('tour-caption').dataset['settled'], { timeout: STEP_TIMEOUT_MS })
    .toBe('yes');
  expect(byTestId('tour-value-collectorCount').dataset['value']).toBe(
    String(referenceAt(isoToTdbS(last.date)).get('collectorCount')),
  );
  expect(consoleErrors).toEqual([]);
});
