/**
 * Bookkeeping of the swarm's light (src/app/scene/swarmBrightness.ts): the light drawn, points x keep x intensity x
 * footprint, is the budget whatever the tracer count, until the points saturate; the budget follows the area.
 */
import { expect, test } from 'vitest';
import {
  LIGHT_PER_DECADE,
  MAX_SIZE_SCALE,
  MIN_AREA_M2,
  MIN_POINT_INTENSITY,
  swarmLight,
} from '../../../src/app/scene/swarmBrightness.ts';

/** Relative rounding of a few float64 operations. */
const REL = 1e-12;

const drawnLight = (areaM2: number, drawn: number): number => {
  const light = swarmLight(areaM2, drawn);
  return drawn * light.keep * light.intensity * light.sizeScale ** 2;
};

test('bookkeeping: the same swarm at 2 k, 200 k and 2 M tracers draws the same light', () => {
  // the baseline's 2050 swarm: 16 km² of collectors
  const area = 1.6e7;
  const budget = swarmLight(area, 1).budget;
  expect(budget).toBeCloseTo(LIGHT_PER_DECADE * Math.log10(area / MIN_AREA_M2), 9);
  for (const drawn of [2_000, 20_000, 200_000, 2_000_000]) {
    expect(Math.abs(drawnLight(area, drawn) / budget - 1)).toBeLessThan(REL);
  }
});

test('few tracers for a huge swarm grow their points, up to the cap, then saturate', () => {
  const light = swarmLight(1e17, 127);
  expect(light.intensity).toBe(1);
  expect(light.sizeScale).toBe(MAX_SIZE_SCALE);
  expect(drawnLight(1e17, 127)).toBeLessThan(light.budget);
});

test('many tracers are thinned, never drawn dimmer than the framebuffer holds', () => {
  const light = swarmLight(3.4e4, 2_000_000);
  expect(light.intensity).toBe(MIN_POINT_INTENSITY);
  expect(light.keep).toBeLessThan(0.01);
});

test('no collectors, or no tracer drawn: no light', () => {
  expect(swarmLight(0, 1000).intensity).toBe(0);
  expect(swarmLight(1e9, 0).keep).toBe(0);
});
