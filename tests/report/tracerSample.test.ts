// The exports' tracer sample and state: checked against the definition (uniformity) and against cpu64's positions.
import { describe, expect, it } from 'vitest';
import { sampleTracerIndices, tracerStateAt } from '../../sim/report/tracerSample.ts';
import { createWorld } from '../../sim/world.ts';
import { isoToTdbS, loadScenario } from '../../sim/index.ts';

/** cpu64 and the state both solve the same Kepler equation in float64: agreement to rounding at 1 au (~1e-4 m). */
const POSITION_TOLERANCE_M = 1e-2;
/** Chi-square of 20 cells (19 degrees of freedom) at P = 0.001: a fair sampler fails one time in a thousand. */
const CHI_SQUARE_P001 = 43.8;
/** Velocity against a central difference over +-60 s, m/s: its error is ~ a (n h)^2 / 6 ~ 1e-7 m/s at 1 au. */
const CENTRAL_DIFFERENCE_MS = 1e-4;

describe('the exports’ tracer sample', () => {
  it('picks distinct ascending indices, the same for the same seed, all of them when asked for more', () => {
    const a = sampleTracerIndices(1000, 50, 7);
    expect(a).toHaveLength(50);
    expect(new Set(a).size).toBe(50);
    expect([...a].every((v, k) => k === 0 || v > (a[k - 1] as number))).toBe(true);
    expect(sampleTracerIndices(1000, 50, 7)).toEqual(a);
    expect(sampleTracerIndices(1000, 50, 8)).not.toEqual(a);
    expect([...sampleTracerIndices(5, 10, 1)]).toEqual([0, 1, 2, 3, 4]);
    expect(() => sampleTracerIndices(10, -1, 1)).toThrow(/count/);
  });

  it('is uniform: each index is picked m/n of the time (chi-square over 2,000 draws)', () => {
    const n = 20;
    const m = 5;
    const draws = 2000;
    const hits = new Array<number>(n).fill(0);
    for (let seed = 0; seed < draws; seed += 1)
      for (const k of sampleTracerIndices(n, m, seed)) hits[k]! += 1;
    const expected = (draws * m) / n;
    const chiSquare = hits.reduce((sum, h) => sum + (h - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(CHI_SQUARE_P001);
  });

  it('gives each tracer’s position as the cpu64 propagator does, and a velocity that is its derivative', () => {
    const world = createWorld(loadScenario('baseline'), { tracers: 200 });
    const t = isoToTdbS('2050-06-01');
    const positions = new Float64Array(3 * world.swarm.table.count);
    const onStation = world.positionsAt(t, positions);
    expect(onStation).toBeGreaterThan(10);
    for (const k of sampleTracerIndices(onStation, 10, 3)) {
      const state = tracerStateAt(world.swarm.table, k, t);
      for (let c = 0; c < 3; c += 1) {
        expect(Math.abs((state.positionM[c] as number) - (positions[3 * k + c] as number))).toBeLessThan(
          POSITION_TOLERANCE_M,
        );
      }
      const ahead = tracerStateAt(world.swarm.table, k, t + 60).positionM;
      const behind = tracerStateAt(world.swarm.table, k, t - 60).positionM;
      for (let c = 0; c < 3; c += 1) {
        const derivative = ((ahead[c] as number) - (behind[c] as number)) / 120;
        expect(Math.abs(derivative - (state.velocityMS[c] as number))).toBeLessThan(CENTRAL_DIFFERENCE_MS);
      }
    }
    expect(() => tracerStateAt(world.swarm.table, world.swarm.table.count, t)).toThrow(/tracer/);
  });
});
