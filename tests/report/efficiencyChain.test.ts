// The efficiency chain of the report (sim/report/efficiencyChain.ts) against the energy ledger's own totals:
// each segment balances (a level minus the losses after it is the next level), the losses by kind add up to the
// ledger's LossesByKind, and the levels are the snapshot's catalogue figures.
import { describe, expect, it } from 'vitest';
import { createWorld, isoToTdbS, loadScenario, type Snapshot } from '../../sim/index.ts';
import { efficiencyChainAt, type ChainStep } from '../../sim/report/efficiencyChain.ts';

/** Sums of a few dozen terms of powers up to 1e16 W: a few ulps of the largest, relative. */
const BALANCE_REL = 1e-12;

function snapshotOf(scenario: string, date: string): Snapshot {
  return createWorld(loadScenario(scenario), { tracers: 300 }).snapshot(isoToTdbS(date));
}

/** Walk the steps: each level must equal the previous level minus the losses plus the gains since. */
function expectBalanced(steps: readonly ChainStep[]): void {
  let running: number | null = null;
  for (const step of steps) {
    if (step.kind === 'level') {
      if (running !== null) {
        expect(Math.abs(step.powerW - running), step.label).toBeLessThanOrEqual(
          BALANCE_REL * Math.max(1, steps[0]?.powerW ?? 0),
        );
      }
      running = step.powerW;
    } else {
      expect(step.powerW, step.label).toBeGreaterThan(0);
      running = (running ?? 0) + (step.kind === 'loss' ? -step.powerW : step.powerW);
    }
  }
}

describe('the efficiency chain', () => {
  it('balances from the sunlight to the loads, with the ledger’s losses by kind, baseline 2050', () => {
    const snapshot = snapshotOf('baseline', '2050-06-01');
    const energy = snapshot.energy;
    if (energy === undefined) throw new Error('baseline has an energy section');
    const chain = efficiencyChainAt(snapshot);
    expect(chain.beamed).toBe(true);
    expectBalanced(chain.steps);
    const levels = chain.steps.filter((s) => s.kind === 'level').map((s) => [s.id, s.powerW]);
    expect(levels[0]).toEqual(['interceptedSunlightW', snapshot.interceptedSunlightW]);
    expect(levels[1]).toEqual(['capturedPowerW', snapshot.capturedPowerW]);
    expect(levels[2]).toEqual(['transmittedPowerW', energy.radiatedPowerW]);
    const delivered = energy.deliveredPowerComputeW + energy.deliveredPowerGridW;
    expect(levels.at(-1)).toEqual(['deliveredPowerW', delivered]);
    // every loss kind the ledger counts is in the chain, whatever segment it falls in
    for (const [kind, lossW] of Object.entries(energy.losses)) {
      const inChain = chain.steps.filter((s) => s.id === kind).reduce((sum, s) => sum + s.powerW, 0);
      expect(Math.abs(inChain - lossW), kind).toBeLessThanOrEqual(BALANCE_REL * energy.capturedPowerW);
    }
    // the ledger's own balance (sim/energy/ledger.ts): the chain's losses are the whole difference
    const lossesW = chain.steps.filter((s) => s.kind === 'loss').reduce((sum, s) => sum + s.powerW, 0);
    const swarmDeliveredW = energy.deliveredPowerComputeW + energy.swarmDeliveredPowerGridW;
    expect(Math.abs(energy.interceptedSunlightW - lossesW - swarmDeliveredW)).toBeLessThanOrEqual(
      BALANCE_REL * energy.interceptedSunlightW,
    );
  });

  it('adds the geostationary satellites’ grid power after the swarm’s own (baseline 2039: GEO only)', () => {
    const snapshot = snapshotOf('baseline', '2039-06-01');
    const chain = efficiencyChainAt(snapshot);
    const gain = chain.steps.find((s) => s.kind === 'gain');
    expect(gain?.id).toBe('geoDeliveredPowerGridW');
    expect(gain?.powerW).toBe(snapshot.earth?.deliveredPowerGridW);
    expectBalanced(chain.steps);
  });

  it('stops at the captured power without an energy section', () => {
    // 2075: the Mercury industry only grows until 2068, then launches captors (scenario notes).
    const chain = efficiencyChainAt(snapshotOf('armstrong-sandberg-2013', '2075-01-01'));
    expect(chain.beamed).toBe(false);
    expect(chain.steps.map((s) => s.id)).toEqual([
      'interceptedSunlightW',
      'collectorConversionW',
      'capturedPowerW',
    ]);
    expectBalanced(chain.steps);
  });
});
