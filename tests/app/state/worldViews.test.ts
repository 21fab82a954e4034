/**
 * A newly built world in the store (src/app/state/worldViews.ts), with a real LoadedReply from the worker's pure
 * session (sim/stream/session.ts) run here: the timeline takes the scenario's span, the displayed time is clamped
 * into it, the camera keeps its target unless it is a shell the new scenario lacks, and the previous world's
 * snapshot is dropped.
 */
import { beforeAll, expect, test } from 'vitest';
import type { LoadedReply, SimReply } from '../../../sim/stream/messages.ts';
import { createSimSession } from '../../../sim/stream/session.ts';
import { initialAppState } from '../../../src/app/state/initialState.ts';
import { parseUrlView } from '../../../src/app/state/urlState.ts';
import { adoptedWorldState, targetInWorld } from '../../../src/app/state/worldViews.ts';
import { TDB_MINUS_TT_BOUND_S, ttSecondsOfUtc } from './calendar.ts';

const SOURCE = { kind: 'builtin', name: 'baseline' } as const;
let reply: LoadedReply;

beforeAll(async () => {
  const replies: SimReply[] = [];
  const session = createSimSession({
    post: (next) => void replies.push(next),
    yieldToEventLoop: () => new Promise((resolve) => setTimeout(resolve, 0)),
    now: () => performance.now(),
  });
  session.handle({ type: 'load', seq: 3, source: SOURCE, tracers: 200 });
  while (!replies.some((r) => r.type === 'loaded' || r.type === 'loadFailed')) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const loaded = replies.find((r): r is LoadedReply => r.type === 'loaded');
  if (loaded === undefined) throw new Error('the baseline did not load');
  reply = loaded;
});

test('targetInWorld keeps bodies and existing shells, and falls back to the Sun for a missing shell', () => {
  const shells = [{ name: 'inner', semiMajorAxisM: [1e11, 1.2e11] as const }];
  expect(targetInWorld('earth', shells)).toBe('earth');
  expect(targetInWorld('shell:inner', shells)).toBe('shell:inner');
  expect(targetInWorld('shell:outer', shells)).toBe('sun');
  expect(targetInWorld('shell:inner', [])).toBe('sun');
});

test('the world is shown on its own span, with its yearly series and no snapshot yet', () => {
  const before = { ...initialAppState(parseUrlView('t=2045-01-01&target=earth')), loading: null };
  const update = adoptedWorldState(before, reply, SOURCE, SOURCE);
  // assets/scenarios/baseline.json: "from": "2030-01-01", "to": "2050-12-31"
  expect(Math.abs((update.rangeFromTdbS ?? NaN) - ttSecondsOfUtc(2030, 1, 1))).toBeLessThan(
    TDB_MINUS_TT_BOUND_S,
  );
  expect(Math.abs((update.rangeToTdbS ?? NaN) - ttSecondsOfUtc(2050, 12, 31))).toBeLessThan(
    TDB_MINUS_TT_BOUND_S,
  );
  expect(update.world?.worldSeq).toBe(3);
  expect(update.world?.scenarioRef).toEqual(SOURCE);
  expect(update.world?.tracers).toBe(reply.tracers);
  expect(update.series?.resolution).toBe('yearly');
  expect(update.series?.worldSeq).toBe(3);
  expect(update.series?.timesTdbS).toBe(reply.series.timesTdbS);
  expect(update.snapshot).toBeNull();
  expect(update.target).toBe('earth');
  // 2045-01-01 lies inside the baseline's span: kept
  expect(Math.abs((update.timeTdbS ?? NaN) - ttSecondsOfUtc(2045, 1, 1))).toBeLessThan(TDB_MINUS_TT_BOUND_S);
});

test('a time outside the new span is clamped to its nearer end; a shell it lacks is left for the Sun', () => {
  const early = initialAppState(parseUrlView('t=2017-06-01&target=shell:no-such-shell'));
  const update = adoptedWorldState(early, reply, SOURCE, SOURCE);
  expect(update.timeTdbS).toBe(reply.scenario.fromTdbS);
  expect(update.target).toBe('sun');
  const late = initialAppState(parseUrlView('t=2150-01-01'));
  expect(adoptedWorldState(late, reply, SOURCE, SOURCE).timeTdbS).toBe(reply.scenario.toTdbS);
});
