/**
 * The simulation worker's pure calculation module: it owns the current world and answers the requests of
 * sim/stream/messages.ts. The worker shell (src/workers/sim.worker.ts) only moves messages in and out, so this
 * runs unchanged in a Web Worker, in Node and in tests.
 *
 * State: at most one current world (the last load that completed) and the sequence number of the newest load.
 * - `load` builds the new world in chunks, yielding to the event loop between them (host.yieldToEventLoop), so
 *   snapshot requests for the current world keep being answered while it runs: the scene and the panels keep
 *   running on the previous scenario. A newer load supersedes it: the older one stops at its next chunk and is
 *   never answered. A load that fails leaves the current world as it was.
 * - `snapshot` answers from the current world with world.snapshot(tdbS), read through the catalogue of figures
 *   (sim/report/figures.ts): exactly the core's numbers, under the same keys as summary.json and the CSV.
 */
import { InputError } from '../errors.ts';
import { builtinScenarioNames, scenarioFromJson, scenarioFromObject } from '../scenario/load.ts';
import { loadBuiltinScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/resolve.ts';
import { outputTimes } from '../simulate.ts';
import { createWorld, type Snapshot, type World } from '../world.ts';
import { lunarRotatingFrameAt } from '../geometry/lunarFrame.ts';
import { createMassDriverStreams, type MassDriverStreams } from '../growth/massDriverStream.ts';
import { lunarStreamRotatingPositionsM } from '../growth/lunarStreamPositions.ts';
import { createTransitStreams, type TransitStreams } from '../growth/transit.ts';
import type {
  EarthSceneState,
  LoadRequest,
  MassDriverStreamSceneState,
  MassDriverStreamView,
  PowerLinkSceneState,
  ScenarioMeta,
  TransitSceneState,
  ScenarioSource,
  SimReply,
  SimRequest,
  SnapshotRequest,
  TimeSeries,
} from './messages.ts';
import { figureValues } from '../report/figures.ts';
import { markerTracers, packSwarm } from './renderBuffers.ts';

/** Most compute-node markers the scene draws: one per node up to this many (the panel gives the full count). */
export const MAX_NODE_MARKERS = 512;

/**
 * The chart series' sampling: first one point per calendar year (sent with the world, so the scene, the panels and
 * the charts are ready as soon as possible), then one per calendar month (sent as a 'series' update when done).
 * Both over the scenario's span, its last day included.
 */
export const COARSE_SERIES_STEP = { kind: 'calendar', months: 12 } as const;
export const SERIES_STEP = { kind: 'calendar', months: 1 } as const;

/** Packets drawn along each transfer from a site to a shell (sim/growth/transit.ts). */
export const PACKETS_PER_TRANSFER = 256;

/** Packets drawn along each mass-driver stream (about one every 40 minutes of flight at 2.6 km/s). */
export const PACKETS_PER_STREAM = 400;

/** Longest stretch of work between two yields, ms: snapshot requests wait at most about this long. */
const CHUNK_MS = 25;

export interface SimSessionHost {
  /** Send a reply to the main thread (the host adds the transferables). */
  post(reply: SimReply): void;
  /** Resolve after pending messages have been delivered (a macrotask: setTimeout 0 or a MessageChannel). */
  yieldToEventLoop(): Promise<void>;
  /** A monotonic clock, ms. */
  now(): number;
}

export interface SimSession {
  handle(request: SimRequest): void;
}

/** Validate and resolve a scenario source. Throws InputError naming the bad fields. */
export function resolveScenarioSource(source: ScenarioSource): Scenario {
  switch (source.kind) {
    case 'builtin':
      if (!builtinScenarioNames().includes(source.name)) {
        throw new InputError(
          `unknown built-in scenario ${JSON.stringify(source.name)}; built-in scenarios: ${builtinScenarioNames().join(', ')}`,
          'scenario',
        );
      }
      return loadBuiltinScenario(source.name);
    case 'json':
      return scenarioFromJson(source.text, source.fileName);
    case 'object':
      return scenarioFromObject(source.value, source.label);
  }
}

/** The Earth segment at one instant, reduced to what the scene draws (null without an earth section). */
export function earthSceneOf(world: World, snapshot: Snapshot): EarthSceneState | null {
  const state = snapshot.earth;
  const segment = world.earth;
  if (state === undefined || segment === undefined) return null;
  return {
    satellites: state.perSatellite.map((satellite) => ({
      name: satellite.name,
      inService: satellite.inService,
      inEclipse: satellite.inEclipse,
      latitudeRad: satellite.latitudeRad,
      longitudeRad: satellite.longitudeRad,
      heightM: satellite.heightM,
      transmitterDcPowerW: satellite.transmitterDcPowerW,
      servedSite: satellite.servedSite,
    })),
    sites: state.perSite.map((site, index) => {
      const geodetic = segment.sites[index]?.geodetic;
      return {
        name: site.name,
        operational: site.operational,
        latitudeRad: geodetic?.latitudeRad ?? Number.NaN,
        longitudeRad: geodetic?.longitudeRad ?? Number.NaN,
        deliveredPowerGridW: site.deliveredPowerGridW,
        servingSatellite: site.servingSatellite,
      };
    }),
  };
}

/**
 * The world's lunar mass-driver streams, or null without a growth model or a lunar site. A scenario may lower a
 * lunar site's escape speed and launch below the Moon's real one: the growth model accepts it, the stream (the
 * real Moon's three-body problem) has no escaping curve to draw, so the scene shows none rather than refusing a
 * scenario the command line runs.
 */
function massDriverStreamsOf(world: World): MassDriverStreams | null {
  if (world.growthHistory === undefined) return null;
  let streams: MassDriverStreams;
  try {
    streams = createMassDriverStreams(world.growthHistory);
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
  return streams.lunarSites.length === 0 ? null : streams;
}

/** The streams' curves, sent once with the world: PACKETS_PER_STREAM ages evenly spread over each flight. */
export function streamViewsOf(streams: MassDriverStreams | null): MassDriverStreamView[] {
  if (streams === null) return [];
  return streams.lunarSites.map(({ name, siteIndex, template }) => {
    const agesS = new Float64Array(PACKETS_PER_STREAM);
    for (let k = 0; k < PACKETS_PER_STREAM; k += 1) {
      agesS[k] =
        k === PACKETS_PER_STREAM - 1
          ? template.durationS
          : (k * template.durationS) / (PACKETS_PER_STREAM - 1);
    }
    const rotatingM = new Float64Array(3 * PACKETS_PER_STREAM);
    lunarStreamRotatingPositionsM(template, agesS, rotatingM);
    return { site: name, siteIndex, agesS, rotatingM };
  });
}

/** The streams at one instant, one per lunar site in streamViewsOf order (zero rates where nothing flies). */
export function streamSceneOf(streams: MassDriverStreams | null, tdbS: number): MassDriverStreamSceneState[] {
  if (streams === null) return [];
  const active = streams.streamsAt(tdbS, PACKETS_PER_STREAM);
  return streams.lunarSites.map(({ name }) => {
    const state = active.find((candidate) => candidate.site === name);
    return {
      site: name,
      launchRateKgPerS: state?.launchRateKgPerS ?? 0,
      packetRateKgPerS: state?.packetRateKgPerS ?? new Float64Array(PACKETS_PER_STREAM),
    };
  });
}

/** The collectors in heliocentric transit at one instant, one entry per path with something in flight. */
export function transitSceneOf(transit: TransitStreams | null, tdbS: number): TransitSceneState[] {
  if (transit === null) return [];
  return transit.transitAt(tdbS, PACKETS_PER_TRANSFER).map((path) => ({
    site: path.site,
    siteIndex: path.siteIndex,
    shell: path.shell,
    positionsM: path.positionsM,
    packetRateKgPerS: path.packetRateKgPerS,
  }));
}

/** The energy links at one instant, reduced to what the scene draws (empty without an energy section). */
export function linkSceneOf(world: World, snapshot: Snapshot): PowerLinkSceneState[] {
  const params = world.scenario.energy;
  const ledger = snapshot.energy;
  if (params === undefined || ledger === undefined) return [];
  return params.links.map((link, l) => ({
    name: link.name,
    destination: link.destination,
    hops: link.hops.map((hop, h) => {
      const flow = ledger.links[l]?.hops[h];
      return {
        name: hop.name,
        receiverAt: hop.receiverAt,
        optical: hop.link.wavelengthM !== undefined,
        unitCount: flow?.unitCount ?? 0,
        radiatedPowerW: flow?.radiatedPowerW ?? 0,
        outputDcPowerW: flow?.outputDcPowerW ?? 0,
      };
    }),
  }));
}

function scenarioMeta(world: World): ScenarioMeta {
  const { scenario } = world;
  return {
    name: scenario.name,
    title: scenario.title,
    description: scenario.description,
    sources: [...scenario.sources],
    fromTdbS: scenario.fromTdbS,
    toTdbS: scenario.toTdbS,
    seed: world.seed,
    tracerTableSize: world.swarm.table.count,
    shells: scenario.shells.map((shell) => ({
      name: shell.name,
      semiMajorAxisM: [shell.semiMajorAxisM[0], shell.semiMajorAxisM[1]] as const,
    })),
    sites: scenario.growth === undefined ? [] : scenario.growth.sites.map((site) => site.name),
    lightnessNumber: scenario.collector.lightnessNumber,
    unitMassKg: scenario.collector.unitMassKg,
    file: scenario.file,
  };
}

export function createSimSession(host: SimSessionHost): SimSession {
  let current: {
    readonly worldSeq: number;
    readonly world: World;
    readonly streams: MassDriverStreams | null;
    readonly transit: TransitStreams | null;
  } | null = null;
  let newestLoadSeq = Number.NEGATIVE_INFINITY;

  function answerSnapshot(request: SnapshotRequest): void {
    if (current === null || current.worldSeq !== request.worldSeq || !Number.isFinite(request.tdbS)) {
      host.post({ type: 'snapshotUnavailable', seq: request.seq, worldSeq: request.worldSeq });
      return;
    }
    const snapshot = current.world.snapshot(request.tdbS);
    const { values, texts } = figureValues(snapshot);
    host.post({
      type: 'snapshot',
      seq: request.seq,
      worldSeq: request.worldSeq,
      tdbS: snapshot.tdbS,
      values,
      texts,
      earth: earthSceneOf(current.world, snapshot),
      links: linkSceneOf(current.world, snapshot),
      streams: streamSceneOf(current.streams, snapshot.tdbS),
      moonPole: current.streams === null ? [0, 0, 1] : lunarRotatingFrameAt(snapshot.tdbS).ez,
      transit: transitSceneOf(current.transit, snapshot.tdbS),
      warnings: snapshot.energy?.warnings ?? [],
    });
  }

  /**
   * The world's figures at every output time of `step` over the scenario's span, in chunks of about CHUNK_MS with
   * a yield between them (snapshot requests are answered meanwhile). Null if `stop()` turns true.
   */
  async function timeSeries(
    world: World,
    step: typeof SERIES_STEP | typeof COARSE_SERIES_STEP,
    stop: () => boolean,
    onProgress: (done: number, total: number) => void,
  ): Promise<TimeSeries | null> {
    const { scenario } = world;
    const times = outputTimes(scenario.fromTdbS, scenario.toTdbS, step);
    const rows: Array<Record<string, number>> = [];
    const keys = new Set<string>();
    let chunkStart = host.now();
    for (let k = 0; k < times.length; k += 1) {
      const row = figureValues(world.snapshot(times[k] as number)).values;
      Object.keys(row).forEach((key) => keys.add(key));
      rows.push(row);
      if (host.now() - chunkStart >= CHUNK_MS) {
        onProgress(k + 1, times.length);
        await host.yieldToEventLoop();
        if (stop()) return null;
        chunkStart = host.now();
      }
    }
    const columns: Record<string, Float64Array> = {};
    for (const key of keys) columns[key] = Float64Array.from(rows, (row) => row[key] ?? Number.NaN);
    return { timesTdbS: Float64Array.from(times), columns };
  }

  async function load(request: LoadRequest): Promise<void> {
    const { seq } = request;
    const started = host.now();
    const superseded = (): boolean => newestLoadSeq !== seq;
    const progress = (
      phase: 'scenario' | 'swarm' | 'timeline' | 'render',
      done: number,
      total: number,
    ): void => host.post({ type: 'progress', seq, phase, done, total });
    try {
      progress('scenario', 0, 1);
      const scenario = resolveScenarioSource(request.source);
      await host.yieldToEventLoop();
      if (superseded()) return;
      progress('swarm', 0, 1);
      const world = createWorld(scenario, {
        ...(request.tracers === undefined ? {} : { tracers: request.tracers }),
        ...(request.seed === undefined ? {} : { seed: request.seed }),
      });
      await host.yieldToEventLoop();
      if (superseded()) return;

      const series = await timeSeries(world, COARSE_SERIES_STEP, superseded, (done, total) =>
        progress('timeline', done, total),
      );
      if (series === null) return;

      progress('render', 0, 1);
      const { cohorts, tracerCohort } = world.swarm;
      const swarm = packSwarm(
        world.swarm.table,
        scenario.fromTdbS,
        (tracer) => cohorts[tracerCohort[tracer] ?? 0]?.siteIndex ?? -1,
      );
      const streams = massDriverStreamsOf(world);
      const transit = world.growthHistory === undefined ? null : createTransitStreams(world.growthHistory);
      if (superseded()) return;
      current = { worldSeq: seq, world, streams, transit };
      host.post({
        type: 'loaded',
        seq,
        scenario: scenarioMeta(world),
        swarm,
        nodeMarkers: markerTracers(swarm.count, MAX_NODE_MARKERS),
        streams: streamViewsOf(streams),
        series,
        backend: 'cpu64',
        tracers: world.swarm.table.count,
        elapsedMs: host.now() - started,
      });
      // then the monthly series, between snapshot requests; dropped if a newer load starts meanwhile
      const fine = await timeSeries(world, SERIES_STEP, superseded, () => undefined);
      if (fine !== null) host.post({ type: 'series', seq, series: fine });
    } catch (error) {
      if (superseded()) return;
      const badInput = error instanceof InputError;
      host.post({
        type: 'loadFailed',
        seq,
        message: error instanceof Error ? error.message : String(error),
        field: badInput ? (error.field ?? null) : null,
        badInput,
      });
    }
  }

  return {
    handle(request: SimRequest): void {
      if (request.type === 'load') {
        newestLoadSeq = request.seq;
        void load(request);
      } else {
        answerSnapshot(request);
      }
    },
  };
}
