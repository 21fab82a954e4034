/**
 * The URL follows the view (src/app/state/urlSync.ts): changes of what the URL holds are written at most every
 * URL_WRITE_INTERVAL_MS (400 ms), changes of anything else are not, and hiding the page writes at once. Time is
 * vitest's fake clock; the URL is a stand-in port that records each write.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { vi } from 'vitest';
import { isoToTdbS } from '../../../sim/time.ts';
import { initialAppState } from '../../../src/app/state/initialState.ts';
import { createAppStore } from '../../../src/app/state/store.ts';
import type { UrlPort } from '../../../src/app/state/urlState.ts';
import { UrlSync, urlOfState, urlViewChanged } from '../../../src/app/state/urlSync.ts';
import { parseUrlView } from '../../../src/app/state/urlState.ts';

const BASELINE = { kind: 'builtin', name: 'baseline' } as const;

function setup(search: string) {
  const writes: string[] = [];
  const port: UrlPort = { read: () => search, write: (next) => void writes.push(next) };
  const store = createAppStore(initialAppState(parseUrlView(search)));
  const page = new EventTarget();
  const sync = new UrlSync(store, port, BASELINE);
  sync.start(page as unknown as Window);
  return { writes, store, page, sync };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  vi.setSystemTime(0);
});
afterEach(() => {
  vi.useRealTimers();
});

test('before a world is loaded, the URL names the fallback scenario', () => {
  const state = initialAppState(parseUrlView('t=2045-01-01&target=earth&speed=1y'));
  expect(urlOfState(state, BASELINE)).toBe('t=2045-01-01&scenario=baseline&target=earth&speed=1y');
  expect(urlOfState(state, { kind: 'stored', name: 'mine' })).toContain('scenario=stored:mine&');
});

test('only changes of what the URL holds count', () => {
  const state = initialAppState(parseUrlView(''));
  expect(urlViewChanged({ ...state, frameMs: 16 }, state)).toBe(false);
  expect(urlViewChanged({ ...state, longTasks: 3, drawnTracers: 10, notice: 'x' }, state)).toBe(false);
  expect(urlViewChanged({ ...state, target: 'moon' }, state)).toBe(true);
  expect(urlViewChanged({ ...state, timeTdbS: state.timeTdbS + 1 }, state)).toBe(true);
  expect(urlViewChanged({ ...state, tracersOverride: 5 }, state)).toBe(true);
});

test('a burst of changes is written once, after the throttle, with the latest view', () => {
  const { writes, store, sync } = setup('t=2045-01-01');
  store.setState({ target: 'earth' });
  store.setState({ colorMode: 'site' });
  store.setState({ timeTdbS: isoToTdbS('2046-01-01') });
  expect(writes).toEqual([]); // the first write leaves after the throttle interval since the last (at t = 0)
  vi.advanceTimersByTime(400);
  expect(writes).toEqual(['t=2046-01-01&scenario=baseline&target=earth&speed=6mo&color=site']);
  // the next change waits for the interval since that write
  vi.advanceTimersByTime(100);
  store.setState({ target: 'mars' });
  vi.advanceTimersByTime(299);
  expect(writes).toHaveLength(1);
  vi.advanceTimersByTime(1);
  expect(writes).toHaveLength(2);
  expect(writes[1]).toContain('target=mars');
  sync.dispose();
});

test('a change the URL does not hold writes nothing', () => {
  const { writes, store } = setup('t=2045-01-01');
  store.setState({ frameMs: 16.7, longTasks: 2 });
  vi.advanceTimersByTime(5_000);
  expect(writes).toEqual([]);
});

test('hiding the page writes at once; after dispose nothing is written', () => {
  const { writes, store, page, sync } = setup('t=2045-01-01');
  store.setState({ target: 'venus' });
  page.dispatchEvent(new Event('pagehide'));
  expect(writes).toEqual(['t=2045-01-01&scenario=baseline&target=venus&speed=6mo']);
  sync.dispose();
  vi.advanceTimersByTime(5_000);
  store.setState({ target: 'mars' });
  page.dispatchEvent(new Event('pagehide'));
  vi.advanceTimersByTime(5_000);
  expect(writes).toHaveLength(1);
});
