/**
 * The progress bar of a scenario load (src/app/state/loading.ts): the phases cover the bar from 0 to 1 in order,
 * without gaps or overlaps, so the bar only moves forwards through a load; and each source is named as the user
 * knows it.
 */
import { expect, test } from 'vitest';
import type { LoadPhase } from '../../../sim/stream/messages.ts';
import { loadFraction, sourceLabel } from '../../../src/app/state/loading.ts';

const PHASES: readonly LoadPhase[] = ['scenario', 'swarm', 'timeline', 'render'];
/** A fraction of the bar against its hand value, digits (5e-16): a few ulp of values below 1. */
const FRACTION_DIGITS = 15;

test('the bar runs from 0 at the first phase to 1 at the end of the last', () => {
  expect(loadFraction('scenario', 0, 0)).toBe(0);
  expect(loadFraction('render', 1, 1)).toBe(1);
  // three quarters through the timeline, which covers 0.2..0.95 of the bar
  expect(loadFraction('timeline', 3, 4)).toBeCloseTo(0.2 + 0.75 * 0.75, FRACTION_DIGITS);
});

test('each phase starts where the one before it ended, and the bar never moves back', () => {
  for (let k = 1; k < PHASES.length; k += 1) {
    expect(loadFraction(PHASES[k] as LoadPhase, 0, 10)).toBe(
      loadFraction(PHASES[k - 1] as LoadPhase, 10, 10),
    );
  }
  let last = -1;
  for (const phase of PHASES) {
    for (let done = 0; done <= 8; done += 1) {
      const fraction = loadFraction(phase, done, 8);
      expect(fraction).toBeGreaterThanOrEqual(last);
      last = fraction;
    }
  }
});

test('a phase that reports no steps counts as its start', () => {
  expect(loadFraction('swarm', 0, 0)).toBe(loadFraction('scenario', 1, 1));
});

test('sources are named as the user knows them', () => {
  expect(sourceLabel({ kind: 'builtin', name: 'baseline' })).toBe('built-in scenario baseline');
  expect(sourceLabel({ kind: 'json', text: '{}', fileName: 'too-good.json' })).toBe('too-good.json');
  expect(sourceLabel({ kind: 'object', value: {}, label: 'edited scenario baseline' })).toBe(
    'edited scenario baseline',
  );
});
