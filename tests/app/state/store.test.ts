/**
 * The app's store (src/app/state/store.ts): one per mount, sharing nothing; a partial update keeps the rest of the
 * state; subscribers see the state before and after each change (the URL sync and the snapshot pump compare them).
 */
import { expect, test, vi } from 'vitest';
import { initialAppState } from '../../../src/app/state/initialState.ts';
import { createAppStore } from '../../../src/app/state/store.ts';
import { parseUrlView } from '../../../src/app/state/urlState.ts';

const initial = () => initialAppState(parseUrlView('t=2045-01-01&target=earth'));

test('two mounts have two stores that share nothing', () => {
  const first = createAppStore(initial());
  const second = createAppStore(initial());
  first.setState({ target: 'mars', playing: true });
  expect(second.getState().target).toBe('earth');
  expect(second.getState().playing).toBe(false);
});

test('a partial update keeps the rest of the state', () => {
  const store = createAppStore(initial());
  const before = store.getState();
  store.setState({ colorMode: 'irradiance' });
  const after = store.getState();
  expect(after.colorMode).toBe('irradiance');
  expect({ ...after, colorMode: before.colorMode }).toEqual(before);
  // untouched slices keep their identity, so selectors on them do not fire
  expect(after.cameraPose).toBe(before.cameraPose);
});

test('subscribers get the new and the previous state, once per change', () => {
  const store = createAppStore(initial());
  const listener = vi.fn();
  const unsubscribe = store.subscribe(listener);
  const previous = store.getState();
  store.setState({ speedIndex: 1 });
  expect(listener).toHaveBeenCalledTimes(1);
  const [state, before] = listener.mock.calls[0] as [typeof previous, typeof previous];
  expect(before).toBe(previous);
  expect(state.speedIndex).toBe(1);
  unsubscribe();
  store.setState({ speedIndex: 2 });
  expect(listener).toHaveBeenCalledTimes(1);
});
