/**
 * The message contract between the page (main thread) and the simulation worker (src/workers/sim.worker.ts).
 * Pure types and helpers: no DOM, no Node; sim/stream/session.ts implements the worker side.
 *
 * Rules of the contract:
 * - Every request carries `seq`, a number the main thread increases by one per request. Replies echo it.
 * - A `load` builds a new world; its `seq` becomes that world's `worldSeq`. A newer load supersedes an older
 *   one: the worker abandons the older load at its next chunk boundary and never answers it.
 * - A `snapshot` request names the world it was asked of (`worldSeq`). The main thread keeps only replies whose
 *   worldSeq is its current world and whose seq is newer than the last one it accepted: stale replies are dropped.
 * - Simulation time is owned by the main thread: the worker only answers "what is the world at tdbS".
 * - Large buffers travel as transferables (see transferablesOf); the worker keeps its own copy of the world.
 *
 * Units: SI, times in TDB seconds past J2000, frame ECLIPJ2000 (heliocentric), except where a name says otherwise
 * (see sim/stream/renderBuffers.ts for the render buffers' layout).
 */
import type { ScenarioFile } from '../scenario/schema.ts';
import type { ReceiverPlacement } from '../energy/resolve.ts';
import type { SwarmRenderBuffers } from './renderBuffers.ts';

/** Bumped whenever a message changes shape. */
export const SIM_PROTOCOL_VERSION = 2;

/** Where a scenario comes from. */
export type ScenarioSource =
  | { readonly kind: 'builtin'; readonly name: string }
  /** JSON text, e.g. an uploaded file; `fileName` names it in error messages. */
  | { readonly kind: 'json'; readonly text: string; readonly fileName: string }
  /** An already-parsed scenario object (the editor's output); `label` names it in error messages. */
  | { readonly kind: 'object'; readonly value: unknown; readonly label: string };

/** Build a world from a scenario, compute its timeline series and send the swarm's render buffers. */
export interface LoadRequest {
  readonly type: 'load';
  readonly seq: number;
  readonly source: ScenarioSource;
  /** Tracer budget (resolution); the scenario's when absent. */
  readonly tracers?: number;
  /** Seed of the tracer sampler; the scenario's when absent. */
  readonly seed?: number;
}

/** The world's aggregates at one instant. */
export interface SnapshotRequest {
  readonly type: 'snapshot';
  readonly seq: number;
  readonly worldSeq: number;
  /** TDB seconds past J2000. */
  readonly tdbS: number;
}

export type SimRequest = LoadRequest | SnapshotRequest;

/** What the page needs to know about a loaded scenario (the scenario itself stays in the worker). */
export interface ScenarioMeta {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly sources: readonly string[];
  /** Scenario span, TDB s past J2000. */
  readonly fromTdbS: number;
  readonly toTdbS: number;
  readonly seed: number;
  /** Rows in the tracer table (all cohorts, on station or not yet). */
  readonly tracerTableSize: number;
  readonly shells: ReadonlyArray<{
    readonly name: string;
    /** [min, max] semi-major axis, m. */
    readonly semiMajorAxisM: readonly [number, number];
  }>;
  /** Names of the growth model's sites, in index order (empty without a growth section). */
  readonly sites: readonly string[];
  /** Lightness number beta of the collector (radiation pressure / solar gravity). */
  readonly lightnessNumber: number;
  /** Mass of one collector, kg. */
  readonly unitMassKg: number;
  /** The validated scenario file (defaults filled in): the editor's starting point. */
  readonly file: ScenarioFile;
}

/**
 * Figures sampled over the scenario's span, for the charts. `columns[key][k]` is the catalogue figure `key`
 * (sim/report/figures.ts; a per-site figure as `key.site`, as timeseries.csv names its columns) at `timesTdbS[k]`;
 * NaN where the figure has no value then. The numeric figures of an instant only: no text, no run figure.
 */
export interface TimeSeries {
  readonly timesTdbS: Float64Array;
  readonly columns: Readonly<Record<string, Float64Array>>;
}

export type LoadPhase = 'scenario' | 'swarm' | 'timeline' | 'render';

export interface ProgressReply {
  readonly type: 'progress';
  readonly seq: number;
  readonly phase: LoadPhase;
  readonly done: number;
  readonly total: number;
}

/**
 * A mass driver's stream leaving the Moon (sim/growth/massDriverStream.ts, its curve from lunarStreamTemplate.ts):
 * every payload follows the same curve in the Earth-Moon rotating frame, so the curve is sent once, and each
 * snapshot says how much each packet carries.
 */
export interface MassDriverStreamView {
  readonly site: string;
  /** The site's index in ScenarioMeta.sites. */
  readonly siteIndex: number;
  /** Packet ages, s, ascending: the packet at age a was launched at t - a. */
  readonly agesS: Float64Array;
  /**
   * The packets' positions relative to the Moon's centre in the Earth-Moon rotating frame, m, xyz per packet:
   * x from the Earth towards the Moon, z along the Moon's orbital pole, y = z × x (sim/geometry/lunarFrame.ts; the scene
   * scales them with lunarStreamOffsetScale for the Earth-Moon distance of the displayed time).
   */
  readonly rotatingM: Float64Array;
}

/** The streams at the snapshot's time: the launch rate behind each packet. */
export interface MassDriverStreamSceneState {
  readonly site: string;
  /** The site's launch rate now, kg/s. */
  readonly launchRateKgPerS: number;
  /** Launch rate at each packet's launch time, kg/s (0: no payload there), in MassDriverStreamView order. */
  readonly packetRateKgPerS: Float64Array;
}

/** Collectors in heliocentric transit on one path (site -> shell) at the snapshot's time (sim/growth/transit.ts). */
export interface TransitSceneState {
  readonly site: string;
  /** The site's index in ScenarioMeta.sites. */
  readonly siteIndex: number;
  readonly shell: string;
  /** Packet positions, heliocentric ECLIPJ2000, m, xyz. */
  readonly positionsM: Float64Array;
  /** The path's launch rate when each packet left, kg/s (0: no packet). */
  readonly packetRateKgPerS: Float64Array;
}

export interface LoadedReply {
  readonly type: 'loaded';
  readonly seq: number;
  readonly scenario: ScenarioMeta;
  readonly swarm: SwarmRenderBuffers;
  /**
   * Tracers that carry a compute-node marker (renderBuffers.ts markerTracers), ascending: the nodes fly among the
   * collectors (an energy link whose receivers are `cluster`), so the scene draws them on these tracers.
   */
  readonly nodeMarkers: Uint32Array;
  /** The lunar mass drivers' streams (empty without a lunar site). */
  readonly streams: readonly MassDriverStreamView[];
  /** A first, coarse series (one point a year); a finer one follows as a SeriesReply. */
  readonly series: TimeSeries;
  /** The propagation backend that computed the aggregates (`cpu64`: the float64 reference). */
  readonly backend: string;
  /** Tracer budget the world was built with. */
  readonly tracers: number;
  /** Wall time the load took in the worker, ms. */
  readonly elapsedMs: number;
}

export interface LoadFailedReply {
  readonly type: 'loadFailed';
  readonly seq: number;
  /** The error's message: for bad input it names every bad field (sim's InputError). */
  readonly message: string;
  /** The field path when the error names one field. */
  readonly field: string | null;
  /** true for bad input (the user can fix it), false for an internal failure. */
  readonly badInput: boolean;
}

/**
 * What the scene draws of the Earth segment (sim/earth) at the snapshot's time: the power satellites and the
 * rectenna sites, by geodetic position (WGS-84 latitude and longitude, rad; height, m), so the scene can place them
 * for its own displayed time with the Earth's rotation, and what each link carries.
 */
export interface EarthSceneState {
  readonly satellites: ReadonlyArray<{
    readonly name: string;
    readonly inService: boolean;
    readonly inEclipse: boolean;
    readonly latitudeRad: number;
    readonly longitudeRad: number;
    readonly heightM: number;
    /** DC power available to the transmitter, W. */
    readonly transmitterDcPowerW: number;
    readonly servedSite: string | null;
  }>;
  readonly sites: ReadonlyArray<{
    readonly name: string;
    readonly operational: boolean;
    readonly latitudeRad: number;
    readonly longitudeRad: number;
    /** AC into the grid, W. */
    readonly deliveredPowerGridW: number;
    readonly servingSatellite: string | null;
  }>;
}

/** One energy link at the snapshot's time, reduced to what the scene draws (sim/energy ledger and placement). */
export interface PowerLinkSceneState {
  readonly name: string;
  readonly destination: 'compute' | 'grid';
  readonly hops: ReadonlyArray<{
    readonly name: string | null;
    /**
     * Where the hop's receivers are (sim/energy/placement.ts), null when the scenario does not say. A placement,
     * not a position: the scene places it at the displayed time (receiverPlatformsAt), so relays stay attached to
     * the Earth while playing between two snapshots.
     */
    readonly receiverAt: ReceiverPlacement | null;
    /** A laser hop (an optical wavelength) rather than a microwave one. */
    readonly optical: boolean;
    readonly unitCount: number;
    /** Radiated by all of the hop's transmitters, W. */
    readonly radiatedPowerW: number;
    /** DC out of all of the hop's receivers, W. */
    readonly outputDcPowerW: number;
  }>;
}

export interface SnapshotReply {
  readonly type: 'snapshot';
  readonly seq: number;
  readonly worldSeq: number;
  readonly tdbS: number;
  /**
   * The catalogue's figures at this instant (sim/report/figures.ts figureValues): numbers by figure key, a
   * per-site figure as `key.site`. A figure without a value (its section absent, a ratio 0/0) is left out.
   */
  readonly values: Readonly<Record<string, number>>;
  /** The catalogue's text figures at this instant (the binding limit on growth), by figure key. */
  readonly texts: Readonly<Record<string, string>>;
  /** The Earth segment for the scene, when the scenario has one. */
  readonly earth: EarthSceneState | null;
  /** The energy links, for the beams, relays and nodes the scene draws (empty without an energy section). */
  readonly links: readonly PowerLinkSceneState[];
  /** The lunar mass drivers' streams, in LoadedReply.streams order. */
  readonly streams: readonly MassDriverStreamSceneState[];
  /** Collectors in heliocentric transit, one entry per path with something in flight. */
  readonly transit: readonly TransitSceneState[];
  /** The link budgets' warnings at this instant (sim/energy ledger: safety limits, field regime, ionosphere). */
  readonly warnings: readonly string[];
  /** The Moon's orbital pole (unit vector, ECLIPJ2000): the rotating frame's z axis for the streams. */
  readonly moonPole: readonly [number, number, number];
}

/**
 * A finer series for the world built by load `seq` (the world's first series is coarse, for speed). The page keeps
 * it only if that world is still the one shown.
 */
export interface SeriesReply {
  readonly type: 'series';
  readonly seq: number;
  readonly series: TimeSeries;
}

/** The world asked for is gone (superseded by a newer load) or not built yet. */
export interface SnapshotUnavailableReply {
  readonly type: 'snapshotUnavailable';
  readonly seq: number;
  readonly worldSeq: number;
}

export type SimReply =
  ProgressReply | LoadedReply | SeriesReply | LoadFailedReply | SnapshotReply | SnapshotUnavailableReply;

/** The buffers of a reply that should be transferred rather than copied. */
export function transferablesOf(reply: SimReply): ArrayBuffer[] {
  if (reply.type !== 'loaded' && reply.type !== 'series') return [];
  const buffers = new Set<ArrayBuffer>();
  const add = (view: ArrayBufferView): void => {
    if (view.buffer instanceof ArrayBuffer) buffers.add(view.buffer);
  };
  if (reply.type === 'loaded') {
    const { swarm } = reply;
    [
      swarm.orbitA,
      swarm.orbitB,
      swarm.orbitC,
      swarm.meanAnomalyJ2000Rad,
      swarm.meanMotionRadS,
      swarm.stationTdbS,
      swarm.site,
    ].forEach(add);
    add(reply.nodeMarkers);
    for (const stream of reply.streams) [stream.agesS, stream.rotatingM].forEach(add);
  }
  add(reply.series.timesTdbS);
  Object.values(reply.series.columns).forEach(add);
  return [...buffers];
}

/** Type guard for messages arriving on the main thread (anything else is ignored, never trusted). */
export function isSimReply(data: unknown): data is SimReply {
  if (data === null || typeof data !== 'object') return false;
  const { type, seq } = data as { type?: unknown; seq?: unknown };
  return (
    typeof seq === 'number' &&
    (type === 'progress' ||
      type === 'loaded' ||
      type === 'series' ||
      type === 'loadFailed' ||
      type === 'snapshot' ||
      type === 'snapshotUnavailable')
  );
}

/** Type guard for messages arriving in the worker. */
export function isSimRequest(data: unknown): data is SimRequest {
  if (data === null || typeof data !== 'object') return false;
  const { type, seq } = data as { type?: unknown; seq?: unknown };
  return typeof seq === 'number' && (type === 'load' || type === 'snapshot');
}
