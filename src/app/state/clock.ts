/**
 * The playback clock. Simulation time is owned by the main thread: while playing, each animation frame moves
 * timeTdbS on by the real time since the last frame times the playback speed, so no worker's scheduling can skew
 * it. Time is TDB seconds past J2000 throughout.
 */
import { speedAt } from './speeds.ts';
import type { AppStore } from './store.ts';

/** Longest real-time step the clock takes in one frame, s (a background tab must not jump years). */
export const MAX_CLOCK_STEP_S = 0.5;

/** Where the clock gets its frames: the browser's animation frames by default; tests may pass their own. */
export interface FrameScheduler {
  /** Call `tick` at the next frame with its timestamp (ms, performance.now's clock); returns a handle. */
  request(tick: (nowMs: number) => void): number;
  cancel(handle: number): void;
}

export const animationFrames: FrameScheduler = {
  request: (tick) => requestAnimationFrame(tick),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/** The instant clamped into the timeline's span [fromTdbS, toTdbS]. */
export function clampTime(tdbS: number, fromTdbS: number, toTdbS: number): number {
  return Math.min(toTdbS, Math.max(fromTdbS, tdbS));
}

/**
 * One clock step: from `timeTdbS`, `elapsedMs` of real time (negative counts as none, more than MAX_CLOCK_STEP_S
 * as that much) at `secondsPerSecond` of playback (negative: playing backwards). Reaching `rangeToTdbS` (or,
 * backwards, `rangeFromTdbS`) ends playback there.
 */
export function advanceClock(
  timeTdbS: number,
  elapsedMs: number,
  secondsPerSecond: number,
  rangeToTdbS: number,
  rangeFromTdbS = Number.NEGATIVE_INFINITY,
): { readonly timeTdbS: number; readonly ended: boolean } {
  const dtS = Math.min(MAX_CLOCK_STEP_S, Math.max(0, elapsedMs / 1000));
  const next = timeTdbS + dtS * secondsPerSecond;
  if (next >= rangeToTdbS) return { timeTdbS: rangeToTdbS, ended: true };
  if (next <= rangeFromTdbS) return { timeTdbS: rangeFromTdbS, ended: true };
  return { timeTdbS: next, ended: false };
}

/** Advances the store's timeTdbS once per frame between start() and stop(); stops playback at the range's end. */
export class PlaybackClock {
  private readonly store: AppStore;
  private readonly frames: FrameScheduler;
  private frame: number | null = null;
  private lastMs: number | null = null;

  constructor(store: AppStore, frames: FrameScheduler = animationFrames) {
    this.store = store;
    this.frames = frames;
  }

  get running(): boolean {
    return this.frame !== null;
  }

  /** Start ticking (idempotent). The first frame only sets the reference: time moves from the second. */
  start(): void {
    if (this.frame !== null) return;
    this.lastMs = null;
    const tick = (nowMs: number): void => {
      this.frame = this.frames.request(tick);
      const last = this.lastMs;
      this.lastMs = nowMs;
      if (last === null) return;
      const state = this.store.getState();
      const { timeTdbS, ended } = advanceClock(
        state.timeTdbS,
        nowMs - last,
        state.playDirection * speedAt(state.speedIndex).secondsPerSecond,
        state.rangeToTdbS,
        state.rangeFromTdbS,
      );
      this.store.setState(ended ? { timeTdbS, playing: false } : { timeTdbS });
    };
    this.frame = this.frames.request(tick);
  }

  stop(): void {
    if (this.frame !== null) this.frames.cancel(this.frame);
    this.frame = null;
  }
}
