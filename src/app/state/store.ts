/**
 * The app's state: one zustand store per mounted app (no module-level mutable state), created by mountApp.
 *
 * Who writes what:
 * - timeTdbS, playing, speedIndex: the playback clock (clock.ts; the main thread owns simulation time) and the
 *   controller's actions.
 * - world, snapshot, loading, scenarioError: the controller, from the worker's replies (stale ones dropped).
 * - cameraPose: the scene's camera rig when the user stops moving the camera (for the URL).
 * - frameMs, render, drawnTracers: the scene, a few times per second; longTasks: the observer of longTasks.ts.
 * Per-frame consumers (the scene, the date, the scrubber, the chart cursors) read it transiently
 * (store.getState() in useFrame, or store.subscribe writing to the DOM): no React re-render per frame.
 */
import type { FanSeries } from '../../../sim/sweep/results.ts';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  EarthSceneState,
  LoadPhase,
  MassDriverStreamSceneState,
  MassDriverStreamView,
  PowerLinkSceneState,
  TransitSceneState,
  ScenarioMeta,
  ScenarioSource,
  TimeSeries,
} from '../../../sim/stream/messages.ts';
import type { SwarmRenderBuffers } from '../../../sim/stream/renderBuffers.ts';
import type { TargetId } from './targets.ts';

export type ColorMode = 'shell' | 'irradiance' | 'site';

/**
 * An object the user clicked in the scene (scene/Picker.tsx), for the inspector (ui/Inspector.tsx): which kind,
 * and which one of that kind. Its figures are read from the current snapshot, so they follow the displayed time.
 */
export type PickedObject =
  | { readonly kind: 'body'; readonly id: TargetId }
  | { readonly kind: 'satellite'; readonly name: string }
  | { readonly kind: 'rectenna'; readonly name: string }
  /** A receiving platform of an energy link: `hop` of link `link`, the `unit`-th placed receiver. */
  | {
      readonly kind: 'platform';
      readonly link: string;
      readonly hop: number;
      readonly unit: number;
      readonly platform: string;
    }
  /** A compute node flying among the collectors, drawn on marker tracer `tracer`. */
  | { readonly kind: 'node'; readonly tracer: number }
  /** A collector tracer, by its index in the tracer table. */
  | { readonly kind: 'collector'; readonly tracer: number };

/** Camera placement around its target: distance (Mm), azimuth and elevation over the ecliptic (degrees). */
export interface CameraPose {
  readonly distanceMm: number;
  readonly azimuthDeg: number;
  readonly elevationDeg: number;
}

/** Which scenario the URL names, and how to get it back on reload. */
export type ScenarioRef =
  | { readonly kind: 'builtin'; readonly name: string }
  /** An uploaded or edited scenario, kept in this tab's sessionStorage under its name. */
  | { readonly kind: 'stored'; readonly name: string };

/** A world built by the worker, as the page holds it. */
export interface WorldView {
  /** The seq of the load that built it; snapshots must name it. */
  readonly worldSeq: number;
  readonly scenario: ScenarioMeta;
  readonly scenarioRef: ScenarioRef;
  readonly source: ScenarioSource;
  readonly swarm: SwarmRenderBuffers;
  /** Tracers that carry a compute-node marker, ascending (LoadedReply.nodeMarkers). */
  readonly nodeMarkers: Uint32Array;
  /** The lunar mass drivers' streams (LoadedReply.streams). */
  readonly streams: readonly MassDriverStreamView[];
  readonly backend: string;
  readonly tracers: number;
  readonly elapsedMs: number;
}

/** The figures over the timeline, for the charts: the worker's series (the catalogue's figures, sim/report/figures.ts). */
export interface SeriesView extends TimeSeries {
  readonly worldSeq: number;
  /** Yearly first, monthly once the worker has refined it. */
  readonly resolution: 'yearly' | 'monthly';
}

/** The figures at one instant, as the core computed them (the catalogue's, sim/report/figures.ts). */
export interface SnapshotView {
  readonly worldSeq: number;
  readonly seq: number;
  readonly tdbS: number;
  readonly values: Readonly<Record<string, number>>;
  /** The catalogue's text figures (the binding limit on growth). */
  readonly texts: Readonly<Record<string, string>>;
  /** The Earth segment for the scene (sim/earth), when the scenario has one. */
  readonly earth: EarthSceneState | null;
  /** The energy links for the scene (beams, relays, nodes). */
  readonly links: readonly PowerLinkSceneState[];
  /** The mass-driver streams' packet rates, and the Moon's orbital pole. */
  readonly streams: readonly MassDriverStreamSceneState[];
  readonly moonPole: readonly [number, number, number];
  /** Collectors in heliocentric transit (packets along their transfers). */
  readonly transit: readonly TransitSceneState[];
  /** The link budgets' warnings at this instant. */
  readonly warnings: readonly string[];
}

export interface LoadState {
  readonly seq: number;
  readonly label: string;
  readonly phase: LoadPhase;
  /** Fraction done, 0..1. */
  readonly fraction: number;
}

export interface ScenarioErrorState {
  readonly message: string;
  readonly field: string | null;
  /** What the user tried to load. */
  readonly label: string;
}

/** The renderer in use, as WebGL reports it. */
export interface RenderInfo {
  readonly api: string;
  readonly renderer: string;
}

export interface AppState {
  /** The displayed instant, TDB seconds past J2000. */
  readonly timeTdbS: number;
  /** The timeline's span, TDB s past J2000 (the scenario's). */
  readonly rangeFromTdbS: number;
  readonly rangeToTdbS: number;
  readonly playing: boolean;
  /** Forwards (1) or backwards (-1) while playing. */
  readonly playDirection: 1 | -1;
  readonly speedIndex: number;
  readonly target: TargetId;
  /** Bumped on every jump request, even to the same target, so the camera rig re-frames it. */
  readonly targetRequest: number;
  readonly colorMode: ColorMode;
  /** The pose to restore (from the URL) or the last settled pose. */
  readonly cameraPose: CameraPose | null;
  /** Tracer budget chosen in the URL or the editor; null: the scenario's. */
  readonly tracersOverride: number | null;
  readonly world: WorldView | null;
  readonly series: SeriesView | null;
  readonly snapshot: SnapshotView | null;
  readonly loading: LoadState | null;
  readonly scenarioError: ScenarioErrorState | null;
  /** A one-line message for the user (e.g. a scenario named in the URL that this tab no longer has). */
  readonly notice: string | null;
  readonly render: RenderInfo | null;
  /** Mean interval between rendered frames, ms, over the last half second. */
  readonly frameMs: number | null;
  /** Main-thread tasks over 50 ms seen while playing (PerformanceObserver 'longtask'). */
  readonly longTasks: number;
  /** Tracers drawn this frame (on station). */
  readonly drawnTracers: number;
  /** The object the inspector shows, or null. */
  readonly inspected: PickedObject | null;
  /** A loaded parameter study's fans (ui/StudyPanel.tsx): drawn as percentile bands on the timeline charts. */
  readonly studyFans: readonly FanSeries[] | null;
}

export type AppStore = StoreApi<AppState>;

export function createAppStore(initial: AppState): AppStore {
  return createStore<AppState>()(() => initial);
}
