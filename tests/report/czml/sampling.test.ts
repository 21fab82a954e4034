// The CZML sampling (sim/report/czml/sampling.ts, beams.ts, timeline.ts): the stated Lagrange error bound against
// an interpolation written here from the textbook formula, the sample grids' shape, the beams' interval
// arithmetic and the time offsets.
import { describe, expect, it } from 'vitest';

import { subtractSpans } from '../../../sim/report/czml/beams.ts';
import {
  lagrangeErrorPerAmplitude,
  PAD_SAMPLES,
  samplesCovering,
  sampleTimes,
} from '../../../sim/report/czml/sampling.ts';
import { createTimeline } from '../../../sim/report/czml/timeline.ts';
import { isoToTdbS } from '../../../sim/time.ts';

/** Lagrange's form of the interpolating polynomial through (xs, ys), at x (Abramowitz & Stegun 25.2.2). */
function lagrange(xs: readonly number[], ys: readonly number[], x: number): number {
  let sum = 0;
  xs.forEach((xi, i) => {
    let weight = 1;
    xs.forEach((xj, j) => {
      if (j !== i) weight *= (x - xj) / (xi - xj);
    });
    sum += weight * (ys[i] as number);
  });
  return sum;
}

describe('the Lagrange degree-7 bound', () => {
  it.each([8, 16, 32])('holds, and is nearly reached, for a sinusoid sampled %i times a turn', (n) => {
    const h = (2 * Math.PI) / n;
    // Cesium's window: 8 nodes, t in the middle gap (between the 4th and the 5th)
    const xs = Array.from({ length: 8 }, (_, i) => i * h);
    let worst = 0;
    for (let phase = 0; phase < 2 * Math.PI; phase += 0.05) {
      const ys = xs.map((x) => Math.sin(x + phase));
      for (let u = 3; u <= 4; u += 1 / 64) {
        worst = Math.max(worst, Math.abs(lagrange(xs, ys, u * h) - Math.sin(u * h + phase)));
      }
    }
    const bound = lagrangeErrorPerAmplitude(n);
    expect(worst).toBeLessThanOrEqual(bound);
    // the bound is the remainder's maximum: the worst phase comes within a few per cent of it
    expect(worst).toBeGreaterThan(0.8 * bound);
  });
});

describe('sample grids', () => {
  const toGrid = (t: number): number => Math.round(t * 1000) / 1000;

  it('hold every output time, no gap longer than the step, and PAD_SAMPLES beyond each end', () => {
    const times = [0, 100, 250, 1000];
    const grid = sampleTimes(times, 60, toGrid);
    for (const t of times) expect(grid).toContain(t);
    for (let k = 1; k < grid.length; k += 1) {
      const gap = (grid[k] as number) - (grid[k - 1] as number);
      expect(gap).toBeGreaterThan(0);
      expect(gap).toBeLessThanOrEqual(60 + 1e-3);
    }
    expect(grid.filter((t) => t < 0)).toHaveLength(PAD_SAMPLES);
    expect(grid.filter((t) => t > 1000)).toHaveLength(PAD_SAMPLES);
  });

  it('merge an output time a millisecond from the one before (regression: a calendar step 1 ms short of `to`)', () => {
    const grid = sampleTimes([0, 86_400, 172_799.999, 172_800], 40_000, toGrid);
    for (let k = 1; k < grid.length; k += 1) {
      expect((grid[k] as number) - (grid[k - 1] as number)).toBeGreaterThan(10_000);
    }
    expect(grid).toContain(172_800);
  });

  it('a packet shown over part of the grid gets PAD_SAMPLES on each side', () => {
    const grid = sampleTimes([0, 1000], 10, toGrid);
    const part = samplesCovering(grid, 500.5, 700);
    expect(part.filter((t) => t < 500.5)).toHaveLength(PAD_SAMPLES);
    expect(part.filter((t) => t > 700)).toHaveLength(PAD_SAMPLES);
  });
});

describe('beam intervals', () => {
  it('take the umbrae out of the assigned spans', () => {
    expect(
      subtractSpans(
        [[0, 10]],
        [
          [2, 3],
          [5, 6],
        ],
      ),
    ).toEqual([
      [0, 2],
      [3, 5],
      [6, 10],
    ]);
    // a hole over an end, one that covers a span, and one outside every span
    expect(
      subtractSpans(
        [
          [0, 10],
          [20, 30],
          [40, 50],
        ],
        [
          [-1, 1],
          [19, 31],
          [60, 61],
        ],
      ),
    ).toEqual([
      [1, 10],
      [40, 50],
    ]);
  });
});

describe('the timeline', () => {
  const timeline = createTimeline(isoToTdbS('2046-03-20T00:00:00Z'));

  it('has its epoch as written, and offsets of SI seconds (TT) from it', () => {
    expect(timeline.epochIso).toBe('2046-03-20T00:00:00.000Z');
    expect(timeline.offsetS(timeline.epochTdbS)).toBe(0);
    // a UTC day without a leap second is 86,400 s of TT
    expect(timeline.offsetS(isoToTdbS('2046-03-21T00:00:00Z'))).toBe(86_400);
    expect(timeline.iso(timeline.tdbAt(3600))).toBe('2046-03-20T01:00:00.000Z');
  });
});
