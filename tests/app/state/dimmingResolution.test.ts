/**
 * The note on "Sunlight taken from the Earth" (src/app/state/dimmingResolution.ts), with hand-worked counts: the
 * tracers in the solar disc's cone are the collectors there over the mean weight (collectors per tracer).
 */
import { expect, test } from 'vitest';
import { dimmingResolutionNote, RESOLVED_TRACERS_IN_CONE } from '../../../src/app/state/dimmingResolution.ts';

// 1e8 collectors on 2,000 tracers: 5e4 collectors per tracer
const swarm = { collectorCount: 1e8, tracerCount: 2000 };

test('resolved: 1e6 collectors in the cone are 20 tracers, no note', () => {
  expect(RESOLVED_TRACERS_IN_CONE).toBeLessThanOrEqual(20);
  expect(dimmingResolutionNote({ ...swarm, collectorsSunwardOfEarth: 1e6 })).toBeNull();
});

test('coarse: 1e5 collectors in the cone are 2 tracers', () => {
  expect(dimmingResolutionNote({ ...swarm, collectorsSunwardOfEarth: 1e5 })).toMatch(
    /^Coarse: about 2 of the 2,000 tracers on station/,
  );
});

test('not resolved: no tracer in the cone', () => {
  expect(dimmingResolutionNote({ ...swarm, collectorsSunwardOfEarth: 0 })).toMatch(
    /^Not resolved: none of the 2,000/,
  );
});

test('no swarm yet, or no figures: no note', () => {
  expect(
    dimmingResolutionNote({ collectorCount: 0, tracerCount: 0, collectorsSunwardOfEarth: 0 }),
  ).toBeNull();
  expect(dimmingResolutionNote({})).toBeNull();
});
