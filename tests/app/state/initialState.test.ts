/**
 * The state a mount starts from (src/app/state/initialState.ts): the URL's view over the defaults (2048-01-01 on
 * the baseline, a 2030-2050 timeline, 6 months/s, centred on the Sun, coloured by shell). Instants are checked
 * against day counts done by hand (calendar.ts).
 */
import { expect, test } from 'vitest';
import { initialAppState, initialScenario } from '../../../src/app/state/initialState.ts';
import { speedAt } from '../../../src/app/state/speeds.ts';
import { parseUrlView } from '../../../src/app/state/urlState.ts';
import { TDB_MINUS_TT_BOUND_S, ttSecondsOfUtc } from './calendar.ts';

/** Half a Julian year, s: the default speed "6 months/s". */
const SIX_MONTHS_S = (365.25 * 86_400) / 2;

test('an empty URL starts on the defaults', () => {
  const state = initialAppState(parseUrlView(''));
  expect(Math.abs(state.timeTdbS - ttSecondsOfUtc(2048, 1, 1))).toBeLessThan(TDB_MINUS_TT_BOUND_S);
  expect(Math.abs(state.rangeFromTdbS - ttSecondsOfUtc(2030, 1, 1))).toBeLessThan(TDB_MINUS_TT_BOUND_S);
  expect(Math.abs(state.rangeToTdbS - ttSecondsOfUtc(2050, 12, 31))).toBeLessThan(TDB_MINUS_TT_BOUND_S);
  expect(speedAt(state.speedIndex).secondsPerSecond).toBe(SIX_MONTHS_S);
  expect(state).toMatchObject({
    playing: false,
    target: 'sun',
    targetRequest: 0,
    colorMode: 'shell',
    cameraPose: null,
    tracersOverride: null,
    world: null,
    snapshot: null,
    loading: null,
    longTasks: 0,
    drawnTracers: 0,
  });
  expect(initialScenario(parseUrlView(''))).toEqual({ kind: 'builtin', name: 'baseline' });
});

test('the URL overrides each default it names, and only those', () => {
  const view = parseUrlView('t=2041-07-04T18:00:00Z&scenario=stored:mine&target=mars&tracers=900&color=site');
  const state = initialAppState(view);
  expect(Math.abs(state.timeTdbS - ttSecondsOfUtc(2041, 7, 4, 18))).toBeLessThan(TDB_MINUS_TT_BOUND_S);
  expect(state.target).toBe('mars');
  expect(state.tracersOverride).toBe(900);
  expect(state.colorMode).toBe('site');
  expect(speedAt(state.speedIndex).secondsPerSecond).toBe(SIX_MONTHS_S);
  expect(initialScenario(view)).toEqual({ kind: 'stored', name: 'mine' });
});

test('a malformed parameter falls back to its default', () => {
  const state = initialAppState(parseUrlView('t=2048-02-30&target=vulcan&speed=warp'));
  expect(Math.abs(state.timeTdbS - ttSecondsOfUtc(2048, 1, 1))).toBeLessThan(TDB_MINUS_TT_BOUND_S);
  expect(state.target).toBe('sun');
  expect(speedAt(state.speedIndex).secondsPerSecond).toBe(SIX_MONTHS_S);
});
