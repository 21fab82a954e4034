/**
 * The snapshot pump: asks the worker for the figures at the displayed time, unless they are already shown or a
 * request is in flight. While playing, requests leave at most every SNAPSHOT_INTERVAL_PLAYING_MS: the figures then
 * change ten times a second, as fast as anyone reads them, and the main thread does not spend each frame writing
 * the panel.
 */
import type { SimClient } from './simClient.ts';
import type { AppStore } from './store.ts';

/** Least interval between two snapshot requests while playing, ms. */
export const SNAPSHOT_INTERVAL_PLAYING_MS = 100;

export class SnapshotPump {
  private readonly client: SimClient;
  private readonly store: AppStore;
  /** A request held back while playing, and when the last one left (performance.now, ms). */
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastRequestMs = Number.NEGATIVE_INFINITY;

  constructor(client: SimClient, store: AppStore) {
    this.client = client;
    this.store = store;
  }

  /** Send a request for the displayed time if one is due (call on every change of time or world, and on replies). */
  pump(): void {
    if (this.client.snapshotInFlight || this.timer !== null) return;
    const { world, snapshot, timeTdbS, playing } = this.store.getState();
    if (world === null) return;
    if (snapshot !== null && snapshot.worldSeq === world.worldSeq && snapshot.tdbS === timeTdbS) return;
    const wait = playing ? this.lastRequestMs + SNAPSHOT_INTERVAL_PLAYING_MS - performance.now() : 0;
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, wait);
      return;
    }
    this.lastRequestMs = performance.now();
    this.client.requestSnapshot(timeTdbS);
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
