/**
 * The app controller: everything that changes the store, in one place. It owns the playback clock (simulation time
 * lives on the main thread), the simulation worker client, and the URL. One per mounted app.
 *
 * Time flows one way: the clock (or the scrubber, the keyboard, a chart click) sets timeTdbS; the snapshot pump
 * asks the worker for the figures at that time; the reply lands in the store; panels write it to the DOM. The
 * scene reads timeTdbS itself in useFrame and computes positions on the GPU, so it never waits for the worker.
 */
import { builtinScenarioNames } from '../../../sim/scenario/load.ts';
import type { LoadedReply, ScenarioSource } from '../../../sim/stream/messages.ts';
import { isoToTdbS } from '../../../sim/time.ts';
import { createSimWorker, SimClient, type WorkerLike } from './simClient.ts';
import { DEFAULT_SPEED_INDEX, SPEEDS, speedAt } from './speeds.ts';
import {
  createAppStore,
  type AppState,
  type AppStore,
  type CameraPose,
  type ColorMode,
  type ScenarioRef,
} from './store.ts';
import { shellTarget, type TargetId } from './targets.ts';
import { formatUrlView, locationUrlPort, parseUrlView, type UrlPort } from './urlState.ts';

/** Least interval between two snapshot requests while playing, ms (see pump). */
const SNAPSHOT_INTERVAL_PLAYING_MS = 100;

/** The default view: 2048, a few years into the swarm's growth. */
const DEFAULT_TIME_ISO = '2048-01-01';
const DEFAULT_RANGE_ISO = ['2030-01-01', '2050-12-31'] as const;
const DEFAULT_SCENARIO = 'baseline';
/** Longest real-time step the clock takes in one frame, s (a background tab must not jump years). */
const MAX_CLOCK_STEP_S = 0.5;
/** How often the URL follows the view, ms (Chrome throttles faster history updates). */
const URL_WRITE_INTERVAL_MS = 400;
/** The share of the progress bar each load phase covers. */
const PHASE_SHARE = {
  scenario: [0, 0.05],
  swarm: [0.05, 0.2],
  timeline: [0.2, 0.95],
  render: [0.95, 1],
} as const satisfies Record<string, readonly [number, number]>;
/** sessionStorage key prefix of uploaded and edited scenarios (so a reload of their URL finds them). */
const STORED_SCENARIO_KEY = 'essaim.scenario.';

export interface ControllerOptions {
  readonly url?: UrlPort;
  /** Makes the worker; a real module worker by default. */
  readonly createWorker?: () => WorkerLike;
  /** Where uploaded/edited scenarios are kept across reloads; the tab's sessionStorage by default. */
  readonly storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
}

/** Handles the scene registers, for tests and diagnostics (never part of the store: they are not state). */
export interface SceneHandles {
  readonly gl: import('three').WebGLRenderer;
  readonly scene: import('three').Scene;
  readonly camera: import('three').PerspectiveCamera;
  /** Current render origin, heliocentric ECLIPJ2000, Mm (render space = heliocentric - origin). */
  readonly origin: Float64Array;
}

function sourceLabel(source: ScenarioSource): string {
  switch (source.kind) {
    case 'builtin':
      return `built-in scenario ${source.name}`;
    case 'json':
      return source.fileName;
    case 'object':
      return source.label;
  }
}

export class AppController {
  readonly store: AppStore;
  /** Label elements of the bodies, by id; the scene positions them each frame. */
  readonly labels = new Map<string, HTMLElement>();
  scene: SceneHandles | null = null;
  /** Tracers the swarm drew in the last frame (written by the scene, published by its frame stats). */
  drawnTracers = 0;
  /** Compute-node markers the scene drew in the last frame (read by tests). */
  drawnNodes = 0;
  /** Link platforms (hubs, relays, rectennas) and beams the scene drew in the last frame (read by tests). */
  drawnLinks = { platforms: 0, beams: 0 };
  /** Mass-driver packets the scene drew in the last frame (read by tests). */
  drawnPackets = 0;
  /** Packets of collectors in heliocentric transit the scene drew in the last frame (read by tests). */
  drawnTransit = 0;

  private readonly url: UrlPort;
  private readonly makeWorker: () => WorkerLike;
  private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  private client: SimClient | null = null;
  private readonly pendingSources = new Map<number, { source: ScenarioSource; ref: ScenarioRef | null }>();
  private readonly cleanups: Array<() => void> = [];
  private clockFrame = 0;
  private clockLast: number | null = null;
  private urlTimer: ReturnType<typeof setTimeout> | null = null;
  /** A snapshot request held back while playing (SNAPSHOT_INTERVAL_PLAYING_MS), and when the last one left. */
  private pumpTimer: ReturnType<typeof setTimeout> | null = null;
  private lastSnapshotRequestMs = Number.NEGATIVE_INFINITY;
  private lastUrlWrite = 0;
  private readonly initialScenario: ScenarioRef;

  constructor(options: ControllerOptions = {}) {
    this.url = options.url ?? locationUrlPort;
    this.makeWorker = options.createWorker ?? createSimWorker;
    this.storage = options.storage === undefined ? safeSessionStorage() : options.storage;
    const view = parseUrlView(this.url.read());
    const [from, to] = DEFAULT_RANGE_ISO.map(isoToTdbS) as [number, number];
    const initial: AppState = {
      timeTdbS: view.timeTdbS ?? isoToTdbS(DEFAULT_TIME_ISO),
      rangeFromTdbS: from,
      rangeToTdbS: to,
      playing: false,
      speedIndex: view.speedIndex ?? DEFAULT_SPEED_INDEX,
      target: view.target ?? 'sun',
      targetRequest: 0,
      colorMode: view.colorMode ?? 'shell',
      cameraPose: view.cameraPose,
      tracersOverride: view.tracers,
      world: null,
      series: null,
      snapshot: null,
      loading: null,
      scenarioError: null,
      notice: null,
      render: null,
      frameMs: null,
      longTasks: 0,
      drawnTracers: 0,
    };
    this.store = createAppStore(initial);
    this.initialScenario = view.scenario ?? { kind: 'builtin', name: DEFAULT_SCENARIO };
  }

  /** Start the worker, load the scenario named in the URL, follow the store into the URL. Idempotent. */
  start(): void {
    if (this.client !== null) return;
    this.client = new SimClient(this.makeWorker(), {
      onProgress: (reply) => {
        const loading = this.store.getState().loading;
        if (loading === null || loading.seq !== reply.seq) return;
        const [lo, hi] = PHASE_SHARE[reply.phase];
        const fraction = lo + (hi - lo) * (reply.total > 0 ? reply.done / reply.total : 0);
        this.store.setState({ loading: { ...loading, phase: reply.phase, fraction } });
      },
      onLoaded: (reply) => this.adopt(reply),
      onSeries: (reply) => {
        const { timesTdbS, columns } = reply.series;
        this.store.setState({
          series: {
            worldSeq: reply.seq,
            resolution: 'monthly',
            timesTdbS,
            columns,
          },
        });
      },
      onLoadFailed: (reply) => {
        const pending = this.pendingSources.get(reply.seq);
        this.pendingSources.delete(reply.seq);
        const label = pending === undefined ? 'scenario' : sourceLabel(pending.source);
        this.store.setState({
          loading: null,
          scenarioError: { message: reply.message, field: reply.field, label },
        });
        // nothing to keep running yet (the very first load failed): fall back to the default scenario
        if (this.store.getState().world === null && pending?.source.kind !== 'builtin') {
          this.loadBuiltin(DEFAULT_SCENARIO);
        }
      },
      onSnapshot: (reply) => {
        this.store.setState({
          snapshot: {
            worldSeq: reply.worldSeq,
            seq: reply.seq,
            tdbS: reply.tdbS,
            values: reply.values,
            texts: reply.texts,
            earth: reply.earth,
            links: reply.links,
            streams: reply.streams,
            moonPole: reply.moonPole,
            transit: reply.transit,
            warnings: reply.warnings,
          },
        });
      },
      onSnapshotSettled: () => this.pump(),
      onWorkerError: (message) => this.store.setState({ notice: `Simulation worker error: ${message}` }),
    });
    this.cleanups.push(
      this.store.subscribe((state, previous) => {
        if (state.timeTdbS !== previous.timeTdbS || state.world !== previous.world) this.pump();
        if (
          state.timeTdbS !== previous.timeTdbS ||
          state.world !== previous.world ||
          state.target !== previous.target ||
          state.cameraPose !== previous.cameraPose ||
          state.speedIndex !== previous.speedIndex ||
          state.colorMode !== previous.colorMode ||
          state.tracersOverride !== previous.tracersOverride
        ) {
          this.scheduleUrlWrite();
        }
        if (state.playing !== previous.playing) {
          if (state.playing) this.startClock();
          else this.stopClock();
        }
      }),
    );
    this.observeLongTasks();
    // a reload right after a change must not lose it to the URL throttle
    const onPageHide = (): void => this.writeUrl();
    window.addEventListener('pagehide', onPageHide);
    this.cleanups.push(() => window.removeEventListener('pagehide', onPageHide));
    this.loadRef(this.initialScenario);
  }

  dispose(): void {
    this.stopClock();
    if (this.urlTimer !== null) clearTimeout(this.urlTimer);
    if (this.pumpTimer !== null) clearTimeout(this.pumpTimer);
    this.cleanups.splice(0).forEach((cleanup) => cleanup());
    this.client?.dispose();
    this.client = null;
  }

  // ---- time ----

  setTime(tdbS: number): void {
    if (!Number.isFinite(tdbS)) return;
    const { rangeFromTdbS, rangeToTdbS } = this.store.getState();
    this.store.setState({ timeTdbS: Math.min(rangeToTdbS, Math.max(rangeFromTdbS, tdbS)) });
  }

  play(): void {
    const state = this.store.getState();
    // playing from the very end starts over
    if (state.timeTdbS >= state.rangeToTdbS) this.store.setState({ timeTdbS: state.rangeFromTdbS });
    this.store.setState({ playing: true });
  }

  pause(): void {
    this.store.setState({ playing: false });
  }

  togglePlay(): void {
    if (this.store.getState().playing) this.pause();
    else this.play();
  }

  /** One step = one second of playback at the current speed, forwards (+1) or backwards (-1). */
  step(direction: 1 | -1): void {
    const state = this.store.getState();
    this.setTime(state.timeTdbS + direction * speedAt(state.speedIndex).secondsPerSecond);
  }

  setSpeed(index: number): void {
    this.store.setState({ speedIndex: Math.min(SPEEDS.length - 1, Math.max(0, Math.round(index))) });
  }

  // ---- view ----

  setTarget(target: TargetId): void {
    const { targetRequest } = this.store.getState();
    this.store.setState({ target, targetRequest: targetRequest + 1 });
  }

  setColorMode(colorMode: ColorMode): void {
    this.store.setState({ colorMode });
  }

  setCameraPose(pose: CameraPose): void {
    this.store.setState({ cameraPose: pose });
  }

  dismissError(): void {
    this.store.setState({ scenarioError: null, notice: null });
  }

  // ---- scenarios ----

  loadBuiltin(name: string): void {
    this.load({ kind: 'builtin', name }, { kind: 'builtin', name });
  }

  /** Load a scenario file chosen by the user. A bad file leaves the current scenario running. */
  async loadFile(file: Blob & { readonly name: string }): Promise<void> {
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      this.store.setState({
        scenarioError: {
          message: `could not read the file: ${String(error)}`,
          field: null,
          label: file.name,
        },
      });
      return;
    }
    this.load({ kind: 'json', text, fileName: file.name }, null);
  }

  /** Re-run with an edited scenario object and tracer budget (null: the scenario's). */
  applyEdits(value: unknown, tracers: number | null): void {
    this.store.setState({ tracersOverride: tracers });
    const name = (value as { name?: unknown }).name;
    this.load({ kind: 'object', value, label: `edited scenario ${String(name)}` }, null);
  }

  /** Re-run the current scenario at another tracer budget (null: the scenario's). */
  setTracers(tracers: number | null): void {
    this.store.setState({ tracersOverride: tracers });
    const world = this.store.getState().world;
    if (world !== null) this.load(world.source, world.scenarioRef);
  }

  private loadRef(ref: ScenarioRef): void {
    if (ref.kind === 'builtin') {
      if (builtinScenarioNames().includes(ref.name)) {
        this.loadBuiltin(ref.name);
        return;
      }
      this.store.setState({ notice: `No built-in scenario "${ref.name}"; showing ${DEFAULT_SCENARIO}.` });
      this.loadBuiltin(DEFAULT_SCENARIO);
      return;
    }
    const text = this.storage?.getItem(STORED_SCENARIO_KEY + ref.name) ?? null;
    if (text === null) {
      this.store.setState({
        notice: `Scenario "${ref.name}" was loaded in another tab or session and is not stored here; showing ${DEFAULT_SCENARIO}.`,
      });
      this.loadBuiltin(DEFAULT_SCENARIO);
      return;
    }
    this.load({ kind: 'json', text, fileName: `stored scenario ${ref.name}` }, ref);
  }

  private load(source: ScenarioSource, ref: ScenarioRef | null): void {
    if (this.client === null) return;
    const { tracersOverride } = this.store.getState();
    const seq = this.client.load(source, tracersOverride === null ? {} : { tracers: tracersOverride });
    this.pendingSources.set(seq, { source, ref });
    this.store.setState({
      loading: { seq, label: sourceLabel(source), phase: 'scenario', fraction: 0 },
      scenarioError: null,
    });
  }

  private adopt(reply: LoadedReply): void {
    const pending = this.pendingSources.get(reply.seq);
    this.pendingSources.clear();
    if (pending === undefined || this.client === null) return;
    let ref = pending.ref;
    if (ref === null) {
      ref = { kind: 'stored', name: reply.scenario.name };
      const text =
        pending.source.kind === 'json' ? pending.source.text : JSON.stringify(reply.scenario.file, null, 2);
      try {
        this.storage?.setItem(STORED_SCENARIO_KEY + reply.scenario.name, text);
      } catch {
        // storage full or disabled: the scenario runs, only a reload will not find it
      }
    }
    const { timesTdbS, columns } = reply.series;
    this.client.setWorld(reply.seq);
    const state = this.store.getState();
    const shellNames = reply.scenario.shells.map((shell) => shellTarget(shell.name));
    const target =
      state.target.startsWith('shell:') && !(shellNames as string[]).includes(state.target)
        ? 'sun'
        : state.target;
    this.store.setState({
      world: {
        worldSeq: reply.seq,
        scenario: reply.scenario,
        scenarioRef: ref,
        source: pending.source,
        swarm: reply.swarm,
        nodeMarkers: reply.nodeMarkers,
        streams: reply.streams,
        backend: reply.backend,
        tracers: reply.tracers,
        elapsedMs: reply.elapsedMs,
      },
      series: {
        worldSeq: reply.seq,
        resolution: 'yearly',
        timesTdbS,
        columns,
      },
      snapshot: null,
      loading: null,
      scenarioError: null,
      target,
      rangeFromTdbS: reply.scenario.fromTdbS,
      rangeToTdbS: reply.scenario.toTdbS,
      timeTdbS: Math.min(reply.scenario.toTdbS, Math.max(reply.scenario.fromTdbS, state.timeTdbS)),
    });
  }

  /**
   * Ask for the figures at the displayed time, unless they are already shown or a request is in flight. While
   * playing, requests leave at most every SNAPSHOT_INTERVAL_PLAYING_MS: the figures then change ten times a second,
   * as fast as anyone reads them, and the main thread does not spend each frame writing the panel.
   */
  private pump(): void {
    const client = this.client;
    if (client === null || client.snapshotInFlight || this.pumpTimer !== null) return;
    const { world, snapshot, timeTdbS, playing } = this.store.getState();
    if (world === null) return;
    if (snapshot !== null && snapshot.worldSeq === world.worldSeq && snapshot.tdbS === timeTdbS) return;
    const wait = playing ? this.lastSnapshotRequestMs + SNAPSHOT_INTERVAL_PLAYING_MS - performance.now() : 0;
    if (wait > 0) {
      this.pumpTimer = setTimeout(() => {
        this.pumpTimer = null;
        this.pump();
      }, wait);
      return;
    }
    this.lastSnapshotRequestMs = performance.now();
    client.requestSnapshot(timeTdbS);
  }

  // ---- clock ----

  private startClock(): void {
    if (this.clockFrame !== 0) return;
    this.clockLast = null;
    const tick = (nowMs: number): void => {
      this.clockFrame = requestAnimationFrame(tick);
      const last = this.clockLast;
      this.clockLast = nowMs;
      if (last === null) return;
      const state = this.store.getState();
      const dt = Math.min(MAX_CLOCK_STEP_S, Math.max(0, (nowMs - last) / 1000));
      const next = state.timeTdbS + dt * speedAt(state.speedIndex).secondsPerSecond;
      if (next >= state.rangeToTdbS) this.store.setState({ timeTdbS: state.rangeToTdbS, playing: false });
      else this.store.setState({ timeTdbS: next });
    };
    this.clockFrame = requestAnimationFrame(tick);
  }

  private stopClock(): void {
    if (this.clockFrame !== 0) cancelAnimationFrame(this.clockFrame);
    this.clockFrame = 0;
  }

  // ---- URL ----

  private scheduleUrlWrite(): void {
    if (this.urlTimer !== null) return;
    const wait = Math.max(0, this.lastUrlWrite + URL_WRITE_INTERVAL_MS - performance.now());
    this.urlTimer = setTimeout(() => {
      this.urlTimer = null;
      this.writeUrl();
    }, wait);
  }

  /** Write the view into the URL now (also called by tests and before unload). */
  writeUrl(): void {
    this.lastUrlWrite = performance.now();
    const state = this.store.getState();
    this.url.write(
      formatUrlView({
        timeTdbS: state.timeTdbS,
        scenario: state.world?.scenarioRef ?? this.initialScenario,
        target: state.target,
        cameraPose: state.cameraPose,
        tracers: state.tracersOverride,
        speedIndex: state.speedIndex,
        colorMode: state.colorMode,
      }),
    );
  }

  private observeLongTasks(): void {
    if (typeof PerformanceObserver === 'undefined') return;
    if (!PerformanceObserver.supportedEntryTypes.includes('longtask')) return;
    const observer = new PerformanceObserver((list) => {
      if (!this.store.getState().playing) return;
      const count = list.getEntries().filter((entry) => entry.duration > 50).length;
      if (count > 0) this.store.setState({ longTasks: this.store.getState().longTasks + count });
    });
    observer.observe({ type: 'longtask', buffered: false });
    this.cleanups.push(() => observer.disconnect());
  }
}

function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
