/**
 * The app controller: everything that changes the store, in one place. It wires the simulation worker's replies
 * into the store and holds the user's actions (time, view, scenarios); the jobs beside it have their own modules:
 * the playback clock (clock.ts: simulation time lives on the main thread), the URL (urlSync.ts), the stored
 * scenarios (storedScenarios.ts), the snapshot requests (snapshotPump.ts), the long-task count (longTasks.ts), and
 * the worker's replies turned into the store's views (worldViews.ts).
 * One per mounted app.
 *
 * Time flows one way: the clock (or the scrubber, the keyboard, a chart click) sets timeTdbS; the snapshot pump
 * asks the worker for the figures at that time; the reply lands in the store; panels write it to the DOM. The
 * scene reads timeTdbS itself in useFrame and computes positions on the GPU, so it never waits for the worker.
 */
import { builtinScenarioNames } from '../../../sim/scenario/load.ts';
import type { LoadedReply, ScenarioSource } from '../../../sim/stream/messages.ts';
import { CALENDAR_UNITS, calendarStep } from './calendarStep.ts';
import { clampTime, PlaybackClock } from './clock.ts';
import { DEFAULT_SCENARIO, initialAppState, initialScenario } from './initialState.ts';
import { loadFraction, sourceLabel } from './loading.ts';
import { observeLongTasks } from './longTasks.ts';
import type { SceneDiagnostics, SceneHandles } from './sceneDiagnostics.ts';
import { createSimWorker, SimClient, type WorkerLike } from './simClient.ts';
import { decodeShare, encodeShare, SHARE_PARAM } from './shareLink.ts';
import { SnapshotPump } from './snapshotPump.ts';
import { storyTargetAt } from './storyTarget.ts';
import { SPEEDS, speedAt } from './speeds.ts';
import { sessionScenarioStorage, StoredScenarios, type ScenarioStorage } from './storedScenarios.ts';
import {
  createAppStore,
  type AppStore,
  type CameraPose,
  type ColorMode,
  type PickedObject,
  type ScenarioRef,
} from './store.ts';
import type { TargetId } from './targets.ts';
import { locationUrlPort, parseUrlView, type UrlPort } from './urlState.ts';
import { UrlSync } from './urlSync.ts';
import { adoptedWorldState, seriesViewOf, snapshotViewOf } from './worldViews.ts';

export interface ControllerOptions {
  readonly url?: UrlPort;
  /** Makes the worker; a real module worker by default. */
  readonly createWorker?: () => WorkerLike;
  /** Where uploaded/edited scenarios are kept across reloads; the tab's sessionStorage by default. */
  readonly storage?: ScenarioStorage | null;
}

export class AppController implements SceneDiagnostics {
  readonly store: AppStore;
  /**
   * What is under a point of the canvas (CSS px from its top left), or null; set by the scene's picker
   * (scene/Picker.tsx) while it is mounted.
   */
  pickAt: ((xPx: number, yPx: number) => PickedObject | null) | null = null;
  /**
   * Where an object is drawn on the canvas (CSS px from its top left), or null when it is not drawn; set by the
   * scene's picker (tests click there; the inspector's "centre" uses the same positions).
   */
  screenPositionOf: ((object: PickedObject) => readonly [number, number] | null) | null = null;
  /** The pool of label elements of the named objects (ui/ObjectLabels.tsx); the scene fills them each frame. */
  readonly objectLabels: HTMLElement[] = [];
  /** Label elements of the bodies, by id; the scene positions them each frame. */
  readonly labels = new Map<string, HTMLElement>();
  // what the scene reports about itself (sceneDiagnostics.ts)
  scene: SceneHandles | null = null;
  drawnTracers = 0;
  drawnNodes = 0;
  drawnLinks = { platforms: 0, beams: 0 };
  drawnPackets = 0;
  drawnTransit = 0;
  /** The swarm's light in the last frame (scene/swarmBrightness.ts SwarmLight), for tests and the System panel. */
  swarmLight: { budget: number; intensity: number; keep: number; sizeScale: number } | null = null;

  private readonly makeWorker: () => WorkerLike;
  private readonly stored: StoredScenarios;
  private readonly clock: PlaybackClock;
  private readonly urlSync: UrlSync;
  private client: SimClient | null = null;
  private pump: SnapshotPump | null = null;
  private readonly pendingSources = new Map<number, { source: ScenarioSource; ref: ScenarioRef | null }>();
  private readonly cleanups: Array<() => void> = [];
  private readonly initialScenario: ScenarioRef;
  /** The scenario a shared link carries (shareLink.ts), read once at start; null without one. */
  private readonly sharedScenario: string | null;
  private readonly url: UrlPort;
  /** The URL named neither a target nor a camera: the first world chooses the view from the story. */
  private followStory: boolean;

  constructor(options: ControllerOptions = {}) {
    const url = options.url ?? locationUrlPort;
    this.makeWorker = options.createWorker ?? createSimWorker;
    this.stored = new StoredScenarios(
      options.storage === undefined ? sessionScenarioStorage() : options.storage,
    );
    const view = parseUrlView(url.read());
    this.url = url;
    this.followStory = view.target === null && view.cameraPose === null;
    this.sharedScenario = new URLSearchParams(url.read()).get(SHARE_PARAM);
    this.store = createAppStore(initialAppState(view));
    this.initialScenario = initialScenario(view);
    this.clock = new PlaybackClock(this.store);
    this.urlSync = new UrlSync(this.store, url, this.initialScenario);
  }

  /** Show `object` in the inspector (null closes it). */
  inspect(object: PickedObject | null): void {
    this.store.setState({ inspected: object });
  }

  /** Start the worker, load the scenario named in the URL, follow the store into the URL. Idempotent. */
  start(): void {
    if (this.client !== null) return;
    const client = new SimClient(this.makeWorker(), {
      onProgress: (reply) => {
        const loading = this.store.getState().loading;
        if (loading === null || loading.seq !== reply.seq) return;
        const fraction = loadFraction(reply.phase, reply.done, reply.total);
        this.store.setState({ loading: { ...loading, phase: reply.phase, fraction } });
      },
      onLoaded: (reply) => this.adopt(reply),
      onSeries: (reply) => this.store.setState({ series: seriesViewOf(reply.seq, reply.series, 'monthly') }),
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
      onSnapshot: (reply) => this.store.setState({ snapshot: snapshotViewOf(reply) }),
      onSnapshotSettled: () => this.pump?.pump(),
      onWorkerError: (message) => this.store.setState({ notice: `Simulation worker error: ${message}` }),
    });
    this.client = client;
    const pump = new SnapshotPump(client, this.store);
    this.pump = pump;
    this.cleanups.push(
      this.store.subscribe((state, previous) => {
        if (state.timeTdbS !== previous.timeTdbS || state.world !== previous.world) pump.pump();
        if (state.playing !== previous.playing) {
          if (state.playing) this.clock.start();
          else this.clock.stop();
        }
      }),
    );
    this.urlSync.start();
    this.cleanups.push(observeLongTasks(this.store));
    if (this.sharedScenario !== null) void this.loadShared(this.sharedScenario);
    else this.loadRef(this.initialScenario);
  }

  /**
   * Load the scenario of a shared link: inflated, then validated by the core in the worker like an uploaded file.
   * A bad link shows why and falls back to the default scenario.
   */
  private async loadShared(value: string): Promise<void> {
    let text: string;
    try {
      text = await decodeShare(value);
    } catch (error) {
      this.loadBuiltin(DEFAULT_SCENARIO);
      // a notice, not a scenario error: the baseline's load would clear that
      const reason = error instanceof Error ? error.message : String(error);
      this.store.setState({
        notice: `The shared link could not be opened: ${reason}; showing ${DEFAULT_SCENARIO}.`,
      });
      return;
    }
    this.load({ kind: 'json', text, fileName: 'shared link' }, null);
  }

  /**
   * A link to the current view with the current scenario in it (shareLink.ts): opened anywhere, it runs the same
   * scenario at the same tracer budget and shows the same time and camera.
   */
  async shareLink(): Promise<string> {
    const world = this.store.getState().world;
    if (world === null) throw new Error('no scenario loaded yet');
    this.urlSync.write();
    const params = new URLSearchParams(this.url.read());
    params.delete('scenario');
    params.set(SHARE_PARAM, await encodeShare(JSON.stringify(world.scenario.file)));
    return `${location.origin}${location.pathname}?${params.toString()}`;
  }

  /**
   * Switch to a built-in scenario chosen by the user: the tracer budget goes back to the scenario's own (a budget
   * set for one scenario does not silently carry over to the next).
   */
  chooseBuiltin(name: string): void {
    this.store.setState({ tracersOverride: null });
    this.loadBuiltin(name);
  }

  dispose(): void {
    this.clock.stop();
    this.urlSync.dispose();
    this.pump?.dispose();
    this.pump = null;
    this.cleanups.splice(0).forEach((cleanup) => cleanup());
    this.client?.dispose();
    this.client = null;
  }

  // ---- time ----

  setTime(tdbS: number): void {
    if (!Number.isFinite(tdbS)) return;
    const { rangeFromTdbS, rangeToTdbS } = this.store.getState();
    this.store.setState({ timeTdbS: clampTime(tdbS, rangeFromTdbS, rangeToTdbS) });
  }

  play(): void {
    const state = this.store.getState();
    // playing from the very end starts over
    if (state.timeTdbS >= state.rangeToTdbS) this.store.setState({ timeTdbS: state.rangeFromTdbS });
    this.store.setState({ playing: true, playDirection: 1 });
  }

  /** Play backwards at the current speed (from the very start: from the end). */
  playBackwards(): void {
    const state = this.store.getState();
    if (state.timeTdbS <= state.rangeFromTdbS) this.store.setState({ timeTdbS: state.rangeToTdbS });
    this.store.setState({ playing: true, playDirection: -1 });
  }

  pause(): void {
    this.store.setState({ playing: false });
  }

  togglePlay(): void {
    if (this.store.getState().playing) this.pause();
    else this.play();
  }

  /**
   * One step at the current speed, forwards (+1) or backwards (-1): to the next or previous calendar boundary of
   * the speed's unit (calendarStep.ts: 6 months/s steps to 1 January and 1 July, 00:00 UTC).
   */
  step(direction: 1 | -1): void {
    const state = this.store.getState();
    const speed = speedAt(state.speedIndex);
    const unit = CALENDAR_UNITS[speed.key];
    this.setTime(
      unit === undefined
        ? state.timeTdbS + direction * speed.secondsPerSecond
        : calendarStep(state.timeTdbS, unit, direction),
    );
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

  /** Write the view into the URL now, without waiting for the throttle (urlSync.ts). */
  writeUrl(): void {
    this.urlSync.write();
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
    const text = this.stored.read(ref.name);
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

  /** A world the worker built: it becomes the shown one (an uploaded or edited scenario is stored first). */
  private adopt(reply: LoadedReply): void {
    const pending = this.pendingSources.get(reply.seq);
    this.pendingSources.clear();
    if (pending === undefined || this.client === null) return;
    let ref = pending.ref;
    if (ref === null) {
      ref = { kind: 'stored', name: reply.scenario.name };
      const text =
        pending.source.kind === 'json' ? pending.source.text : JSON.stringify(reply.scenario.file, null, 2);
      this.stored.write(reply.scenario.name, text);
    }
    this.client.setWorld(reply.seq);
    this.store.setState(adoptedWorldState(this.store.getState(), reply, pending.source, ref));
    // the first world of a view whose URL named no target nor camera: look where the story is (storyTarget.ts)
    if (this.followStory) {
      this.followStory = false;
      const target = storyTargetAt(reply.series, this.store.getState().timeTdbS);
      if (target !== this.store.getState().target) this.setTarget(target);
    }
  }
}
