/**
 * The main thread's end of the simulation worker (contract: sim/stream/messages.ts).
 *
 * One counter numbers every request. Replies are filtered here, so the rest of the app never sees a stale one:
 * - progress, loaded and loadFailed pass only for the newest load (older loads were superseded);
 * - series (a finer chart series) passes only for the adopted world;
 * - snapshot passes only if it belongs to the adopted world (setWorld) and is newer than the last one passed.
 * At most one snapshot request is in flight: the next one is sent when the reply (kept or dropped) arrives, always
 * for the time displayed then. The worker is never flooded, and the figures trail the scrubber by one round trip.
 */
import {
  isSimReply,
  type LoadedReply,
  type LoadFailedReply,
  type ProgressReply,
  type ScenarioSource,
  type SeriesReply,
  type SimRequest,
  type SnapshotReply,
} from '../../../sim/stream/messages.ts';

/** What the client needs of a Worker (a real one, or a stand-in in tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

export interface SimClientHandlers {
  onProgress(reply: ProgressReply): void;
  onLoaded(reply: LoadedReply): void;
  /** A finer series for the adopted world. */
  onSeries(reply: SeriesReply): void;
  onLoadFailed(reply: LoadFailedReply): void;
  onSnapshot(reply: SnapshotReply): void;
  /** A snapshot request was answered (kept, dropped or unavailable): the pump may send the next one. */
  onSnapshotSettled(): void;
  /** The worker itself failed (a script error): nothing more will come from it. */
  onWorkerError(message: string): void;
}

export function createSimWorker(): WorkerLike {
  return new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), {
    type: 'module',
    name: 'essaim-sim',
  });
}

export class SimClient {
  private readonly worker: WorkerLike;
  private readonly handlers: SimClientHandlers;
  private nextSeq = 1;
  private newestLoadSeq = 0;
  private worldSeq = 0;
  private lastSnapshotSeq = 0;
  private inFlightSeq = 0;
  private disposed = false;

  constructor(worker: WorkerLike, handlers: SimClientHandlers) {
    this.worker = worker;
    this.handlers = handlers;
    worker.addEventListener('message', (event) => this.receive(event.data));
    worker.addEventListener('error', (event) => {
      if (!this.disposed) handlers.onWorkerError(event.message || 'the simulation worker failed to start');
    });
  }

  /** Ask for a new world; supersedes any load still running. Returns its seq (the world's worldSeq). */
  load(source: ScenarioSource, options: { readonly tracers?: number; readonly seed?: number } = {}): number {
    const seq = this.nextSeq++;
    this.newestLoadSeq = seq;
    this.send({ type: 'load', seq, source, ...options });
    return seq;
  }

  /** The world whose snapshots are wanted from now on (the one the page shows). */
  setWorld(worldSeq: number): void {
    this.worldSeq = worldSeq;
  }

  get snapshotInFlight(): boolean {
    return this.inFlightSeq !== 0;
  }

  /** Ask for the figures at tdbS; returns false (and sends nothing) while another request is in flight. */
  requestSnapshot(tdbS: number): boolean {
    if (this.inFlightSeq !== 0 || this.worldSeq === 0 || this.disposed) return false;
    const seq = this.nextSeq++;
    this.inFlightSeq = seq;
    this.send({ type: 'snapshot', seq, worldSeq: this.worldSeq, tdbS });
    return true;
  }

  dispose(): void {
    this.disposed = true;
    this.worker.terminate();
  }

  private send(request: SimRequest): void {
    if (!this.disposed) this.worker.postMessage(request);
  }

  private receive(data: unknown): void {
    if (this.disposed || !isSimReply(data)) return;
    switch (data.type) {
      case 'progress':
        if (data.seq === this.newestLoadSeq) this.handlers.onProgress(data);
        return;
      case 'loaded':
        if (data.seq === this.newestLoadSeq) this.handlers.onLoaded(data);
        return;
      case 'series':
        if (data.seq === this.worldSeq) this.handlers.onSeries(data);
        return;
      case 'loadFailed':
        if (data.seq === this.newestLoadSeq) this.handlers.onLoadFailed(data);
        return;
      case 'snapshot':
        if (data.worldSeq === this.worldSeq && data.seq > this.lastSnapshotSeq) {
          this.lastSnapshotSeq = data.seq;
          this.handlers.onSnapshot(data);
        }
        this.settle(data.seq);
        return;
      case 'snapshotUnavailable':
        this.settle(data.seq);
        return;
    }
  }

  private settle(seq: number): void {
    if (seq !== this.inFlightSeq) return;
    this.inFlightSeq = 0;
    this.handlers.onSnapshotSettled();
  }
}
