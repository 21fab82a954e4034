/**
 * The playback clock (src/app/state/clock.ts): real milliseconds map to simulated TDB seconds at the playback
 * speed, a long gap (a background tab) counts as at most MAX_CLOCK_STEP_S, and playback stops at the end of the
 * range. The loop is driven by a stand-in frame scheduler with hand-picked timestamps.
 */
import { describe, expect, test } from 'vitest';
import { advanceClock, clampTime, PlaybackClock, type FrameScheduler } from '../../../src/app/state/clock.ts';
import { initialAppState } from '../../../src/app/state/initialState.ts';
import { SPEEDS } from '../../../src/app/state/speeds.ts';
import { createAppStore } from '../../../src/app/state/store.ts';
import { parseUrlView } from '../../../src/app/state/urlState.ts';

/** One Julian year, s (365.25 days of 86 400 s): the speed "1 year/s". */
const YEAR_S = 365.25 * 86_400;
/** Products of a few ms and ~3e7 s/s lose a few ulps of a 1e9 s time: relative error allowed, dimensionless. */
const FLOAT_REL_TOL = 1e-12;

function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(FLOAT_REL_TOL * Math.abs(expected));
}

describe('advanceClock', () => {
  const t0 = 1.4e9;
  const end = 1.6e9;

  test('16 ms of real time at 1 year/s moves time on by 16e-3 Julian years', () => {
    // 16 ms of real time at 31 557 600 s/s = 504 921.6 s
    const { timeTdbS, ended } = advanceClock(t0, 16, YEAR_S, end);
    expectClose(timeTdbS - t0, 504_921.6);
    expect(ended).toBe(false);
  });

  test('a long gap counts as half a second at most; a backwards clock as none', () => {
    expectClose(advanceClock(t0, 3_000, YEAR_S, end).timeTdbS - t0, 0.5 * YEAR_S);
    expectClose(advanceClock(t0, 500, YEAR_S, end).timeTdbS - t0, 0.5 * YEAR_S);
    expect(advanceClock(t0, -40, YEAR_S, end).timeTdbS).toBe(t0);
  });

  test('reaching the end of the range stops there', () => {
    expect(advanceClock(end - 10, 16, 86_400, end)).toEqual({ timeTdbS: end, ended: true });
    expect(advanceClock(end, 0, 86_400, end)).toEqual({ timeTdbS: end, ended: true });
    expect(advanceClock(end - 1e6, 10, 86_400, end).ended).toBe(false);
  });
});

test('clampTime keeps an instant inside the timeline', () => {
  expect(clampTime(5, 10, 20)).toBe(10);
  expect(clampTime(25, 10, 20)).toBe(20);
  expect(clampTime(12.5, 10, 20)).toBe(12.5);
});

/** Frames delivered by hand: tick(ms) runs the pending callback with that timestamp. */
function manualFrames() {
  let next = 1;
  const pending = new Map<number, (nowMs: number) => void>();
  const scheduler: FrameScheduler = {
    request: (tick) => {
      const handle = next++;
      pending.set(handle, tick);
      return handle;
    },
    cancel: (handle) => void pending.delete(handle),
  };
  const tick = (nowMs: number): void => {
    const callbacks = [...pending.values()];
    pending.clear();
    for (const callback of callbacks) callback(nowMs);
  };
  return { scheduler, tick, pending };
}

describe('PlaybackClock', () => {
  const yearIndex = SPEEDS.findIndex((speed) => speed.secondsPerSecond === YEAR_S);

  test('advances the store by the real time between frames, from the second frame on', () => {
    const store = createAppStore({ ...initialAppState(parseUrlView('t=2045-01-01')), speedIndex: yearIndex });
    const start = store.getState().timeTdbS;
    const frames = manualFrames();
    const clock = new PlaybackClock(store, frames.scheduler);
    clock.start();
    clock.start(); // idempotent: still one frame pending
    expect(frames.pending.size).toBe(1);
    frames.tick(1_000); // the reference frame: no time has passed yet
    expect(store.getState().timeTdbS).toBe(start);
    frames.tick(1_016);
    frames.tick(1_048);
    expectClose(store.getState().timeTdbS - start, 0.048 * YEAR_S);
    clock.stop();
    expect(clock.running).toBe(false);
    expect(frames.pending.size).toBe(0);
    frames.tick(2_000);
    expectClose(store.getState().timeTdbS - start, 0.048 * YEAR_S);
  });

  test('a restart takes a new reference frame (a pause is not played through)', () => {
    const store = createAppStore({ ...initialAppState(parseUrlView('t=2045-01-01')), speedIndex: yearIndex });
    const start = store.getState().timeTdbS;
    const frames = manualFrames();
    const clock = new PlaybackClock(store, frames.scheduler);
    clock.start();
    frames.tick(0);
    frames.tick(100);
    clock.stop();
    clock.start();
    frames.tick(60_000);
    frames.tick(60_010);
    expectClose(store.getState().timeTdbS - start, 0.11 * YEAR_S);
  });

  test('stops playing at the end of the range', () => {
    const store = createAppStore({
      ...initialAppState(parseUrlView('')),
      speedIndex: yearIndex,
      playing: true,
    });
    const { rangeToTdbS } = store.getState();
    store.setState({ timeTdbS: rangeToTdbS - 0.1 * YEAR_S });
    const frames = manualFrames();
    new PlaybackClock(store, frames.scheduler).start();
    frames.tick(0);
    frames.tick(400); // 0.4 s at 1 year/s: past the end
    expect(store.getState().timeTdbS).toBe(rangeToTdbS);
    expect(store.getState().playing).toBe(false);
  });
});

// issue 15: reverse play
test('advanceClock backwards: 0.5 s at -1 day/s goes back half a day, and stops at the range start', () => {
  expect(advanceClock(1_000_000, 500, -86_400, 2_000_000, 0)).toEqual({
    timeTdbS: 1_000_000 - 43_200,
    ended: false,
  });
  expect(advanceClock(10_000, 500, -86_400, 2_000_000, 0)).toEqual({ timeTdbS: 0, ended: true });
});
