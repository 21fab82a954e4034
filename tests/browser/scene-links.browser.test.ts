/**
 * The scene's mass-driver streams, power links and compute nodes in real Chromium: drawn when the core says they
 * exist, and where the core puts them. Positions are compared with the core's own (sim/growth/lunarStreamPositions.ts
 * lunarStreamPositionsM, sim/growth/transit.ts transitAt, sim/energy/placement.ts platformsAt), computed here from a fresh world on the test's main
 * thread; the page's come through its Web Worker and the scene's per-frame layout.
 */
import { expect } from 'vitest';
import { createWorld, isoToTdbS, loadScenario } from '../../sim/index.ts';
import { tdbSToUtcMs } from '../../sim/time.ts';
import { createMassDriverStreams } from '../../sim/growth/massDriverStream.ts';
import { lineOfSightAt } from '../../sim/energy/occultation.ts';
import { platformsAt } from '../../sim/energy/placement.ts';
import { createTransitStreams } from '../../sim/growth/transit.ts';
import { PACKETS_PER_STREAM, PACKETS_PER_TRANSFER } from '../../sim/stream/session.ts';
import { layoutStreams } from '../../src/app/scene/MassDriverStreams.tsx';
import { layoutPowerLinks } from '../../src/app/scene/PowerLinks.tsx';
import { layoutTransit } from '../../src/app/scene/TransitPackets.tsx';
import { SceneFrame } from '../../src/app/scene/sceneFrame.ts';
import { test } from './fixture.ts';

const VIEWPORT = [900, 640] as const;
/** Drawn against core positions near the Earth, km: float32 render space out to 1.5 million km, about 0.1 km. */
const FLOAT32_NEAR_EARTH_KM = 1;
/** First packet from the scene's Moon against the lunar radius, km: float32 gives ~0.1 km; the rest is not derived. */
const MOON_SURFACE_KM = 5;
/** Drawn against core positions around the Sun, km: float32 render space, about 10 km at 1 au. */
const FLOAT32_NEAR_SUN_KM = 50;

/** Wait until the scene has drawn a frame with the current snapshot (its counters are written per frame). */
async function drawn<T>(read: () => T, accept: (value: T) => boolean): Promise<T> {
  await expect.poll(() => accept(read()), { timeout: 10_000 }).toBe(true);
  return read();
}

test('the lunar stream is drawn where the core puts it, from the Moon outwards, and only while launching', async ({
  mountAt,
}) => {
  const t = isoToTdbS('2046-03-01');
  const app = await mountAt('t=2046-03-01&target=earth&cam=2600,-60,55', { viewport: VIEWPORT });
  const { controller } = app;
  const packets = await drawn(
    () => controller.drawnPackets,
    (n) => n > 0,
  );
  expect(packets).toBeLessThanOrEqual(PACKETS_PER_STREAM);

  // the scene's layout at t, origin at the Earth, against the core's heliocentric positions
  const { world, snapshot } = controller.store.getState();
  if (world === null || snapshot === null) throw new Error('no world');
  expect(snapshot.tdbS).toBe(t);
  const frame = new SceneFrame().setTime(t);
  frame.bodyPosition('earth', frame.origin);
  const position = new Float32Array(3 * PACKETS_PER_STREAM);
  const color = new Float32Array(3 * PACKETS_PER_STREAM);
  const written = layoutStreams(world.streams, snapshot.streams, snapshot.moonPole, frame, position, color);
  expect(written).toBe(packets);

  const history = createWorld(loadScenario('baseline')).growthHistory;
  if (history === undefined) throw new Error('the baseline has a growth model');
  const [core] = createMassDriverStreams(history).streamsAt(t, PACKETS_PER_STREAM);
  if (core === undefined) throw new Error('the core has no stream at 2046-03-01');
  let worstKm = 0;
  let j = 0;
  for (let k = 0; k < PACKETS_PER_STREAM; k += 1) {
    if (!((core.packetRateKgPerS[k] ?? 0) > 0)) continue;
    for (let c = 0; c < 3; c += 1) {
      const coreMm = (core.positionsM[3 * k + c] as number) / 1e6 - (frame.origin[c] as number);
      worstKm = Math.max(worstKm, Math.abs((position[3 * j + c] as number) - coreMm) * 1000);
    }
    j += 1;
  }
  expect(j).toBe(written);
  expect(worstKm).toBeLessThan(FLOAT32_NEAR_EARTH_KM);
  // the first packet sits on the Moon's surface: one lunar radius (1,737.4 km) from its centre
  const moon = new Float64Array(3);
  frame.bodyPosition('moon', moon);
  const fromMoonKm =
    1000 *
    Math.hypot(
      (position[0] as number) - (moon[0]! - frame.origin[0]!),
      (position[1] as number) - (moon[1]! - frame.origin[1]!),
      (position[2] as number) - (moon[2]! - frame.origin[2]!),
    );
  expect(Math.abs(fromMoonKm - 1737.4)).toBeLessThan(MOON_SURFACE_KM);

  // before the first launch (2045-01-01 in the baseline) there is no stream to draw
  controller.store.setState({ timeTdbS: isoToTdbS('2044-06-01') });
  await drawn(
    () => controller.drawnPackets,
    (n) => n === 0,
  );
});

test('the links: hubs at L4 and L5, the geostationary relay and the rectenna, where the core puts them', async ({
  mountAt,
}) => {
  const t = isoToTdbS('2050-12-01');
  const app = await mountAt('t=2050-12-01&target=sun&cam=330000,-90,75', { viewport: VIEWPORT });
  const { controller } = app;
  const counts = await drawn(
    () => ({ ...controller.drawnLinks }),
    (c) => c.platforms > 0,
  );
  // links[1]: collectors -> hubs (L4, L5) -> geostationary relay -> ground: 4 platforms, 2 + 1 beams
  expect(counts).toEqual({ platforms: 4, beams: 3 });

  const { snapshot } = controller.store.getState();
  if (snapshot === null) throw new Error('no snapshot');
  const frame = new SceneFrame().setTime(t);
  const buffers = {
    platformPosition: new Float32Array(3 * 64),
    platformColor: new Float32Array(3 * 64),
    beamPosition: new Float32Array(6 * 64),
    beamColor: new Float32Array(6 * 64),
  };
  expect(layoutPowerLinks(snapshot.links, frame, buffers)).toEqual(counts);
  const scenario = loadScenario('baseline');
  if (scenario.energy === undefined) throw new Error('the baseline has an energy section');
  const core = platformsAt(scenario.energy, t)
    .flat()
    .flatMap((hop) => hop ?? [])
    .filter((platform) => platform.positionM !== null);
  expect(core.map((platform) => platform.kind)).toEqual([
    'sun-earth-L4',
    'sun-earth-L5',
    'geostationary',
    'ground',
  ]);
  core.forEach((platform, k) => {
    for (let c = 0; c < 3; c += 1) {
      const shownKm = (buffers.platformPosition[3 * k + c] as number) * 1000;
      expect(Math.abs(shownKm - platform.positionM![c]! / 1000)).toBeLessThan(FLOAT32_NEAR_SUN_KM);
    }
  });
  // every beam carries light whose brightness follows its power: the 1 au laser hops are lit
  expect(buffers.beamColor.slice(0, 18).every((value) => Number.isFinite(value))).toBe(true);
  expect(Math.max(...buffers.beamColor.slice(0, 6))).toBeGreaterThan(0.1);
});

test('while the Earth hides the relay from a hub, that hub draws no beam, as the ledger curtails it', async ({
  mountAt,
}) => {
  const scenario = loadScenario('baseline');
  if (scenario.energy === undefined) throw new Error('the baseline has an energy section');
  const energy = scenario.energy;
  // find an instant, from the core's own geometry, when one hub (and only one) is hidden: L5's outages fall near
  // 12:00 UTC from late December to early February
  const start = isoToTdbS('2047-01-20T10:00:00Z');
  const blocked: number[] = [];
  for (let t = start; t < start + 4 * 3600; t += 120) {
    if (lineOfSightAt(energy, t)[1]?.[1]?.clearShare === 0.5) blocked.push(t);
  }
  expect(blocked.length).toBeGreaterThan(5);
  // the middle of the outage, to the second, so the page's instant (parsed from the URL) is well inside it
  const hidden = Math.round(((blocked[0] as number) + (blocked[blocked.length - 1] as number)) / 2);
  const iso = new Date(Math.round(tdbSToUtcMs(hidden) / 1000) * 1000).toISOString().slice(0, 19);
  const app = await mountAt(`t=${iso}Z&target=earth&cam=2600,-60,55`, { viewport: VIEWPORT });
  const { controller } = app;
  const { snapshot } = controller.store.getState();
  if (snapshot === null) throw new Error('no snapshot');
  // the ledger at the page's instant curtails half of hop 1 (one of the two hubs)
  expect(lineOfSightAt(energy, snapshot.tdbS)[1]?.[1]?.clearShare).toBe(0.5);
  expect(snapshot.values['lineOfSightCurtailedW']).toBeGreaterThan(0);
  // 4 platforms, and 1 + 1 beams: the hub still in sight, and the relay's downlink
  const counts = await drawn(
    () => ({ ...controller.drawnLinks }),
    (c) => c.platforms > 0,
  );
  expect(counts).toEqual({ platforms: 4, beams: 2 });
});

test('compute nodes are ringed among the collectors, as many as the core counts (up to the markers)', async ({
  mountAt,
}) => {
  const app = await mountAt('t=2050-12-01&target=sun&cam=330000,-90,75', { viewport: VIEWPORT });
  const { controller } = app;
  const nodes = await drawn(
    () => controller.drawnNodes,
    (n) => n > 0,
  );
  const { snapshot, world } = controller.store.getState();
  const expected = snapshot?.values['computeNodeCount'] ?? 0;
  // 300 collectors per node on the compute link's 98 % share of the collectors that do not fly with the L4/L5
  // hubs: the baseline's hub feeders are 14 % of the near-1au shell, so between 86 % and all of the swarm feeds nodes
  const collectors = snapshot?.values['collectorCount'] ?? 0;
  expect(expected).toBeLessThanOrEqual((collectors * 0.98) / 300);
  expect(expected).toBeGreaterThanOrEqual((collectors * (1 - 0.14) * 0.98) / 300);
  expect(nodes).toBe(Math.min(world?.nodeMarkers.length ?? 0, Math.ceil(expected)));
  // before the swarm (2038) there are none
  controller.store.setState({ timeTdbS: isoToTdbS('2038-01-01') });
  await drawn(
    () => controller.drawnNodes,
    (n) => n === 0,
  );
});

test('collectors in transit are drawn on their transfers where the core puts them', async ({ mountAt }) => {
  const t = isoToTdbS('2047-03-01');
  const app = await mountAt('t=2047-03-01&target=sun&cam=330000,-90,75&color=site', { viewport: VIEWPORT });
  const { controller } = app;
  const drawnTransit = await drawn(
    () => controller.drawnTransit,
    (n) => n > 0,
  );
  const { snapshot } = controller.store.getState();
  if (snapshot === null) throw new Error('no snapshot');
  const frame = new SceneFrame().setTime(t);
  const capacity = 4 * PACKETS_PER_TRANSFER;
  const position = new Float32Array(3 * capacity);
  expect(layoutTransit(snapshot.transit, frame, position, new Float32Array(3 * capacity))).toBe(drawnTransit);

  const history = createWorld(loadScenario('baseline')).growthHistory;
  if (history === undefined) throw new Error('the baseline has a growth model');
  const core = createTransitStreams(history).transitAt(t, PACKETS_PER_TRANSFER);
  // the baseline's lunar site flies its collectors to 0.7 au (electric, 378 days); those to 1 au are ballistic, on
  // station at launch, so nothing of theirs is in flight
  expect(core.map((path) => path.shell)).toEqual(['inner-0.7au']);
  let j = 0;
  let worstKm = 0;
  for (const path of core) {
    for (let k = 0; k < PACKETS_PER_TRANSFER; k += 1) {
      if (!((path.packetRateKgPerS[k] ?? 0) > 0)) continue;
      for (let c = 0; c < 3; c += 1) {
        const coreKm = (path.positionsM[3 * k + c] as number) / 1000;
        worstKm = Math.max(worstKm, Math.abs((position[3 * j + c] as number) * 1000 - coreKm));
      }
      j += 1;
    }
  }
  expect(j).toBe(drawnTransit);
  expect(worstKm).toBeLessThan(FLOAT32_NEAR_SUN_KM);

  // nothing in flight before the first launch
  controller.store.setState({ timeTdbS: isoToTdbS('2044-06-01') });
  await drawn(
    () => controller.drawnTransit,
    (n) => n === 0,
  );
});
