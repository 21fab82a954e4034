/**
 * Picking and the inspector in real Chromium (issue 15, "no inspection"): a click on a power satellite, a planet
 * or a collector opens the inspector with that object's figures, checked against independent sources: the
 * closed-form geostationary look angles (Soop), astronomy-engine's heliocentric distance, and the core's float64
 * tracer table built here, in the page, from the same scenario and seed.
 */
import { HelioDistance, Body } from 'astronomy-engine';
import { expect } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createWorld, loadScenario, propagate } from '../../sim/index.ts';
import { geoLookAnglesEllipsoidal } from '../../sim/earth/lookAngles.ts';
import { EARTH_EQUATORIAL_RADIUS_M } from '../../sim/constants.ts';
import { tdbSToUtcMs } from '../../sim/time.ts';
import type { MountedApp } from '../../src/app/mount.tsx';
import type { PickedObject } from '../../src/app/state/store.ts';
import { PICK_RADIUS_PX } from '../../src/app/scene/Picker.tsx';
import { test } from './fixture.ts';

/**
 * Look angles: the core's satellite.js path (the satellite's geodetic position, a site at sea level) against the
 * closed form for a satellite exactly on the equator, rad. The satellites' latitude is below 1e-3 rad (station
 * kept); 2e-3 rad (0.11°) covers that, and nothing else: a wrong site or satellite is off by degrees.
 */
const LOOK_ANGLE_TOL_RAD = 2e-3;
/** Heliocentric distance against astronomy-engine, relative: both VSOP87; UTC vs TDB is under 70 s of ~25 km/s. */
const HELIO_DISTANCE_REL = 1e-5;
/** Elements from the drawn float32 orbit vectors against the float64 table, relative (float32: 6e-8; a few ulp). */
const FLOAT32_REL = 1e-6;

function inspectorValue(key: string): number {
  const text = document.querySelector<HTMLElement>(`[data-testid="inspector"] [data-row="${key}"]`)?.dataset[
    'value'
  ];
  if (text === undefined) throw new Error(`no inspector row ${key}`);
  return Number(text);
}

/** Click (press and release without moving) the canvas at (x, y), CSS px from its top left. */
function clickCanvasAt(x: number, y: number): void {
  const canvas = document.querySelector<HTMLCanvasElement>('.scene-canvas canvas, canvas.scene-canvas')!;
  const box = canvas.getBoundingClientRect();
  const at = { clientX: box.left + x, clientY: box.top + y, bubbles: true, pointerId: 1, isPrimary: true };
  canvas.dispatchEvent(new PointerEvent('pointerdown', at));
  canvas.dispatchEvent(new PointerEvent('pointerup', at));
}

/** Click the canvas where `object` is drawn. */
async function clickOn(app: MountedApp, object: PickedObject): Promise<void> {
  await expect.poll(() => app.controller.screenPositionOf?.(object) ?? null).not.toBeNull();
  const [x, y] = app.controller.screenPositionOf!(object)!;
  clickCanvasAt(x, y);
}

test('clicking a power satellite in 2032 shows its link: power, rectenna, look angles', async ({
  mountAt,
}) => {
  const app = await mountAt('t=2032-06-21T06:00:00Z&target=earth&cam=150,70,18&tracers=2000', {
    viewport: [1440, 900],
  });
  const { store } = app.controller;
  await expect.poll(() => store.getState().snapshot?.earth?.satellites.some((s) => s.inService)).toBe(true);
  const earth = store.getState().snapshot!.earth!;
  const satellite = earth.satellites.find((s) => s.inService && s.servedSite !== null)!;
  await clickOn(app, { kind: 'satellite', name: satellite.name });
  await expect
    .poll(() => document.querySelector('[data-testid="inspector-title"]')?.textContent)
    .toBe(satellite.name);
  expect(document.querySelector<HTMLElement>('[data-testid="inspector"]')?.dataset['kind']).toBe('satellite');
  expect(inspectorValue('transmitterDcPowerW')).toBe(satellite.transmitterDcPowerW);
  const site = earth.sites.find((s) => s.name === satellite.servedSite)!;
  expect(inspectorValue('deliveredPowerGridW')).toBe(site.deliveredPowerGridW);
  const closed = geoLookAnglesEllipsoidal(
    site.latitudeRad,
    satellite.longitudeRad - site.longitudeRad,
    0,
    EARTH_EQUATORIAL_RADIUS_M + satellite.heightM,
  );
  expect(Math.abs(inspectorValue('elevation') - closed.elevationRad)).toBeLessThan(LOOK_ANGLE_TOL_RAD);
  expect(Math.abs(inspectorValue('azimuth') - closed.azimuthRad)).toBeLessThan(LOOK_ANGLE_TOL_RAD);

  // saved for people to look at, with the others (docs/screenshots/README.md)
  await new Promise((resolve) => setTimeout(resolve, 400));
  await page.screenshot({ path: '../../test-artifacts/screenshots/essaim-2032-inspect.png' });

  // a click on empty sky closes it
  clickCanvasAt(20, 450);
  await expect.poll(() => document.querySelector('[data-testid="inspector"]')).toBeNull();
});

test('clicking a planet shows its distance from the Sun', async ({ mountAt }) => {
  const app = await mountAt('t=2045-01-01&target=sun&cam=430000,-70,32&tracers=2000', {
    viewport: [1440, 900],
  });
  await clickOn(app, { kind: 'body', id: 'mars' });
  await expect
    .poll(() => document.querySelector('[data-testid="inspector-title"]')?.textContent)
    .toBe('Mars');
  const tdbS = app.controller.store.getState().timeTdbS;
  const expectedAu = HelioDistance(Body.Mars, new Date(tdbSToUtcMs(tdbS)));
  const shownAu = inspectorValue('sunDistance') / 149_597_870_700;
  expect(Math.abs(shownAu / expectedAu - 1)).toBeLessThan(HELIO_DISTANCE_REL);
});

test('clicking a collector shows its tracer, equal to the core’s float64 table', async ({ mountAt }) => {
  const search = 't=2050-12-01&target=sun&cam=330000,-90,75&tracers=2000';
  const app = await mountAt(search, { viewport: [1440, 900] });
  const { store } = app.controller;
  const tdbS = store.getState().timeTdbS;
  // the same world, built here: its table is the reference
  const world = createWorld(loadScenario('baseline'), { tracers: store.getState().world!.tracers });
  const table = world.swarm.table;
  const onStation = store.getState().snapshot!.values['tracerCount']!;
  expect(onStation).toBeGreaterThan(10);
  const positions = new Float64Array(3 * table.count);
  propagate(table, tdbS, positions);
  // a tracer on station, drawn on screen; the swarm is dense, so the click picks it or a neighbour under the pointer
  const screen = Array.from({ length: onStation }, (_, k) =>
    app.controller.screenPositionOf!({ kind: 'collector', tracer: k }),
  );
  // The tracers that fly with the L4/L5 hubs (within 2,000 km) sit under their hub's marker, and a click there
  // picks the hub: take the first tracer on screen whose click opens a collector.
  const kindShown = (): string | undefined =>
    document.querySelector<HTMLElement>('[data-testid="inspector"]')?.dataset['kind'];
  let clicked = -1;
  for (let k = 0; k < screen.length && clicked < 0; k += 1) {
    if (screen[k] === null) continue;
    await clickOn(app, { kind: 'collector', tracer: k });
    await expect.poll(kindShown).not.toBeUndefined();
    if (kindShown() === 'collector') clicked = k;
    else await userEvent.keyboard('{Escape}');
  }
  expect(clicked).toBeGreaterThanOrEqual(0);
  expect(kindShown()).toBe('collector');
  const k = inspectorValue('tracer');
  const [cx, cy] = screen[clicked]!;
  const [kx, ky] = screen[k]!;
  expect(Math.hypot(kx - cx, ky - cy)).toBeLessThanOrEqual(PICK_RADIUS_PX);
  const rel = (a: number, b: number): number => Math.abs(a / b - 1);
  expect(rel(inspectorValue('semiMajorAxis'), table.semiMajorAxisM[k]!)).toBeLessThan(FLOAT32_REL);
  expect(Math.abs(inspectorValue('eccentricity') - table.eccentricity[k]!)).toBeLessThan(FLOAT32_REL);
  expect(Math.abs(inspectorValue('inclination') - table.inclinationRad[k]!)).toBeLessThan(1e-5);
  expect(inspectorValue('station')).toBe(table.stationTdbS[k]);
  const r = Math.hypot(positions[3 * k]!, positions[3 * k + 1]!, positions[3 * k + 2]!);
  expect(rel(inspectorValue('sunDistance'), r)).toBeLessThan(FLOAT32_REL);
});
