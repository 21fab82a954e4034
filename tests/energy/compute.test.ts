import { describe, expect, it } from 'vitest';
import { InputError } from '../../sim/errors.ts';
import {
  computeNode,
  energyPerTaskJ,
  GREEN500_2020_11_FLOPS_PER_W,
  GREEN500_2022_06_FLOPS_PER_W,
} from '../../sim/energy/compute.ts';
import { radiatorAreaM2 } from '../../sim/energy/radiator.ts';

/** Ops/s, digits: 5e11 ops/s on 6.28e16 (8e-6 relative) is looser than the product's rounding at that scale. */
const OPS_PER_S_DIGITS = -12;
/** The node's radiator and energy per task against the same formulas, digits: float64 rounding only. */
const SAME_FORMULA_DIGITS = 9;
/** Top500's 38 MW for an exaflop at 26.2 GFLOPS/W, digits: it prints whole megawatts. */
const TOP500_MW_DIGITS = 0;

describe('power -> computation', () => {
  it('uses the cited Green500 leaders: 26.2 GFLOPS/W (Nov 2020) and 62.8 GFLOPS/W (Jun 2022)', () => {
    expect(GREEN500_2020_11_FLOPS_PER_W).toBe(26.2e9);
    expect(GREEN500_2022_06_FLOPS_PER_W).toBe(62.8e9);
  });

  it('a node sustains P x ops/J, rejects all of P as heat, and needs the radiator for that heat', () => {
    const node = computeNode({
      powerW: 1e6,
      opsPerJoule: GREEN500_2022_06_FLOPS_PER_W,
      radiatorTemperatureK: 330,
      radiatorEmissivity: 0.9,
      radiatorSides: 2,
      opsPerTask: 2e15,
    });
    expect(node.opsPerS).toBeCloseTo(6.28e16, OPS_PER_S_DIGITS);
    expect(node.wasteHeatW).toBe(1e6);
    expect(node.radiatorAreaM2).toBeCloseTo(
      radiatorAreaM2({ heatW: 1e6, temperatureK: 330, emissivity: 0.9, sides: 2 }),
      SAME_FORMULA_DIGITS,
    );
    expect(node.energyPerTaskJ).toBeCloseTo(2e15 / 62.8e9, SAME_FORMULA_DIGITS);
    // Top500's own extrapolation: 26.2 GFLOPS/W to an exaflop is 38 MW (top500.org/lists/green500/2020/11).
    expect(1e18 / GREEN500_2020_11_FLOPS_PER_W / 1e6).toBeCloseTo(38, TOP500_MW_DIGITS);
  });

  it('energy per task and bad input', () => {
    expect(energyPerTaskJ(1e12, 1e10)).toBe(100);
    expect(() => energyPerTaskJ(1, 0)).toThrow(InputError);
    expect(() =>
      computeNode({ powerW: -1, opsPerJoule: 1, radiatorTemperatureK: 300, radiatorEmissivity: 1 }),
    ).toThrow('powerW');
  });
});
