/**
 * The analytic limits of the growth model: each compares the integrated history with a closed form.
 * Tolerances: RK4 at a one-day step on growth rates of ~1/yr has a local error ~(h r)^5 ~ 1e-13 per step, and the
 * history is read back by cubic Hermite interpolation, O(h^4) ~ 1e-11; 1e-9 relative leaves room for rounding
 * over 7000 steps while still failing on any modelling slip (a wrong factor shows at the 1e-3 level or worse).
 */
import { describe, expect, it } from 'vitest';
import { growthStateAt } from '../../sim/growth/state.ts';
import { FROM_TDB_S, oneSite, runSynthetic, YEAR_S } from './helpers.ts';

const REL = 1e-9;
/** Integrated losses, relative: ten times REL; the test gives no reason for the extra factor of ten. */
const LOSSES_REL = 1e-8;
/**
 * Learning curve, relative: the growth rate p m rises to ~2.8/yr by 2 yr (m = (F/S)^b), which raises RK4's
 * (h r)^5 local error ~170-fold over the 1/yr of REL's estimate; 1e-7 keeps REL's margin.
 */
const LEARNING_REL = 1e-7;
/** Against the published replicas per cycle, absolute: half a unit of their two decimals, plus REL on a ratio ~2. */
const PUBLISHED_HALF_UNIT = 0.005 + 1e-9;

function expectRel(actual: number, expected: number, rel = REL): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe('constant productivity, no losses', () => {
  it('continuous reinvestment is a pure exponential with doubling time T ln 2', () => {
    const T = 1.7; // years
    const { history } = runSynthetic(oneSite({ factory: { replicationTimeYears: T } }), 20);
    for (let k = 0; k <= 40; k += 1) {
      const tYears = k * 0.5 + 0.123; // off the grid too: exercises the interpolation
      if (tYears > 20) break;
      const state = growthStateAt(history, FROM_TDB_S + tYears * YEAR_S);
      expectRel(state.factoryMassKg, 1e5 * Math.exp(tYears / T));
    }
    // Doubling time read off the history: the time at which the mass first reaches 2x, 4x, ...
    const doubling = T * Math.LN2;
    for (let n = 1; n <= 8; n += 1) {
      const at = growthStateAt(history, FROM_TDB_S + n * doubling * YEAR_S);
      expectRel(at.factoryMassKg, 1e5 * 2 ** n);
    }
  });

  it('batch generations double exactly once per interval and stay flat in between', () => {
    const { history } = runSynthetic(
      oneSite({ factory: { replicationTimeYears: 1, growthMode: 'batch', batchIntervalYears: 1 } }),
      12,
    );
    for (let n = 0; n <= 11; n += 1) {
      const start = growthStateAt(history, FROM_TDB_S + n * YEAR_S);
      const middle = growthStateAt(history, FROM_TDB_S + (n + 0.5) * YEAR_S);
      expectRel(start.factoryMassKg, 1e5 * 2 ** n);
      expectRel(middle.factoryMassKg, 1e5 * 2 ** n);
      // Half a generation's daughters are under construction.
      expectRel(middle.factoryUnderConstructionKg, 0.5 * 1e5 * 2 ** n);
    }
  });

  it('losses subtract from the growth rate: F0 exp((1/T - lambda) t)', () => {
    const { history } = runSynthetic(
      oneSite({ factory: { replicationTimeYears: 1, lossRatePerYear: 0.3 } }),
      10,
    );
    for (const t of [1, 3.3, 7, 10]) {
      const state = growthStateAt(history, FROM_TDB_S + t * YEAR_S);
      expectRel(state.factoryMassKg, 1e5 * Math.exp(0.7 * t));
      expectRel(state.massLedger.lossesKg, 0.3 * (1e5 / 0.7) * (Math.exp(0.7 * t) - 1), LOSSES_REL);
    }
  });

  it('splitting output between factories and collectors grows as exp(a t / T) and launches the rest', () => {
    const a = 0.6;
    const { history } = runSynthetic(oneSite({ allocation: { replicationFraction: a } }), 8);
    for (const t of [2, 5, 8]) {
      const state = growthStateAt(history, FROM_TDB_S + t * YEAR_S);
      const F = 1e5 * Math.exp(a * t);
      expectRel(state.factoryMassKg, F);
      // Launched = integral of (1 - a) F / T = (1 - a) / a (F - F0).
      expectRel(state.massLaunchedKg, ((1 - a) / a) * (F - 1e5));
    }
  });
});

describe('zero productivity', () => {
  it('keeps a constant stock, imports only the seed and launches nothing', () => {
    const { history } = runSynthetic(
      oneSite({ factory: { replicationTimeYears: undefined, productivityPerYear: 0 } }),
      10,
    );
    for (const t of [0, 0.5, 5, 10]) {
      const state = growthStateAt(history, FROM_TDB_S + t * YEAR_S);
      expect(state.factoryMassKg).toBe(1e5);
      expect(state.earthImportsKg).toBe(1e5);
      expect(state.massLaunchedKg).toBe(0);
      expect(state.massLedger.minedKg).toBe(0);
    }
  });
});

describe('closure', () => {
  it('closure 0 imports the whole growth, and mines nothing', () => {
    const { history } = runSynthetic(oneSite({ factory: { replicationTimeYears: 2, closure: 0 } }), 10);
    for (const t of [1, 4, 10]) {
      const state = growthStateAt(history, FROM_TDB_S + t * YEAR_S);
      const growth = state.factoryMassKg - 1e5;
      expectRel(state.earthImportsKg - 1e5, growth);
      expect(state.massLedger.minedKg).toBe(0);
    }
  });

  it('closure c imports (1 - c) of the growth at the delivered price', () => {
    const c = 0.85;
    const price = 1234;
    const { history } = runSynthetic(
      oneSite({ factory: { replicationTimeYears: 2, closure: c }, deliveredPriceUsdPerKg: price }),
      6,
    );
    const state = growthStateAt(history, FROM_TDB_S + 6 * YEAR_S);
    const growth = state.factoryMassKg - 1e5;
    expectRel(state.earthImportsKg - 1e5, (1 - c) * growth);
    expectRel(state.earthImportsUsd, price * state.earthImportsKg);
    expectRel(state.massLedger.minedKg, c * growth);
  });
});

describe('the fast replicator of Freitas & Merkle (2004) sec. 5.9.2', () => {
  // A replication cycle cut into k segments, each segment's output put to work at its end: (1 + 1/k)^k per cycle.
  // Published (rounded to 0.01): 2, 2.25, 2.37, 2.44 for k = 1..4, tending to e.
  const published = [
    [1, 2.0],
    [2, 2.25],
    [3, 2.37],
    [4, 2.44],
  ] as const;
  for (const [k, factor] of published) {
    it(`k = ${k} segments gives ${factor} replicas per cycle`, () => {
      const { history } = runSynthetic(
        oneSite({ factory: { replicationTimeYears: 1, growthMode: 'batch', batchIntervalYears: 1 / k } }),
        1,
      );
      const end = growthStateAt(history, FROM_TDB_S + YEAR_S);
      expect(Math.abs(end.factoryMassKg / 1e5 - factor)).toBeLessThanOrEqual(PUBLISHED_HALF_UNIT);
      expectRel(end.factoryMassKg / 1e5, (1 + 1 / k) ** k);
    });
  }
  it('continuous reinvestment is the k -> infinity limit, e per cycle', () => {
    const { history } = runSynthetic(oneSite({ factory: { replicationTimeYears: 1 } }), 1);
    expectRel(growthStateAt(history, FROM_TDB_S + YEAR_S).factoryMassKg / 1e5, Math.E);
  });
});

describe('learning curve', () => {
  it('raises productivity by 1/progressRatio per doubling of cumulative output, up to the cap', () => {
    // Output O(t) with seed S: dF/dt = p F m, m = ((S + O)/S)^b, and with allocation 1, O = F - S, so
    // dF/dt = p F (F/S)^b  ->  F(t) = S (1 - b p t)^(-1/b) until m reaches the cap.
    const b = -Math.log2(0.8);
    const { history } = runSynthetic(
      oneSite({ factory: { replicationTimeYears: 1, learning: { progressRatio: 0.8, maxMultiplier: 100 } } }),
      2,
    );
    for (const t of [0.5, 1, 2]) {
      const state = growthStateAt(history, FROM_TDB_S + t * YEAR_S);
      expectRel(state.factoryMassKg, 1e5 * (1 - b * t) ** (-1 / b), LEARNING_REL);
    }
  });
});
