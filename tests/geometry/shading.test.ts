/**
 * Shading between shells and the luminosity cap (sim/geometry/shading.ts): physics as tests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AU_M, SOLAR_LUMINOSITY_W } from '../../sim/constants.ts';
import { coverageFraction, shadedCapturedPowerW } from '../../sim/geometry/shading.ts';
import { InputError } from '../../sim/errors.ts';

const L = SOLAR_LUMINOSITY_W;
const sphere = (r: number): number => 4 * Math.PI * r * r;
/** The thin-swarm limit, relative: the deviation is tau / 2 = 1.8e-12 for tau = 3.6e-12. */
const THIN_LIMIT_REL = 1e-11;
/** Powers of ~1e15 W against 0.2 x intercepted, digits (0.5 W; ulp 0.25 W): one product, rounding only. */
const WATT_DIGITS = 0;
/** Fractions of L against closed forms in exp, digits: rounding only. */
const CLOSED_FORM_DIGITS = 12;
/** Bounds and order independence, relative to L: sums of up to six shells' products, rounding only. */
const ROUNDING_REL = 1e-12;
/** Against coverageFraction, digits (5e-11): the same optical depths summed another way; not derived further. */
const COVERAGE_DIGITS = 10;

describe('shadedCapturedPowerW', () => {
  it('is irradiance x area for a thin swarm (every collector sees the full Sun)', () => {
    const area = 1e12; // 1e6 km^2 at 1 au: optical depth 3.6e-12
    const { totalW, interceptedW } = shadedCapturedPowerW([
      { radiusM: AU_M, areaM2: area, conversionEfficiency: 0.2 },
    ]);
    const irradiance = L / sphere(AU_M);
    expect(Math.abs(interceptedW / (irradiance * area) - 1)).toBeLessThan(THIN_LIMIT_REL);
    expect(totalW).toBeCloseTo(0.2 * interceptedW, WATT_DIGITS);
  });

  it('tends to the whole luminosity for an opaque swarm, never beyond', () => {
    const { interceptedW } = shadedCapturedPowerW([{ radiusM: AU_M, areaM2: 50 * sphere(AU_M) }]);
    expect(interceptedW).toBeLessThanOrEqual(L);
    expect(interceptedW / L).toBeCloseTo(1, CLOSED_FORM_DIGITS);
  });

  it('lets an inner shell shade an outer one by its optical depth', () => {
    const inner = { radiusM: 0.7 * AU_M, areaM2: 0.3 * sphere(0.7 * AU_M) }; // tau 0.3
    const outer = { radiusM: AU_M, areaM2: 0.5 * sphere(AU_M) }; // tau 0.5
    const { byShellW } = shadedCapturedPowerW([outer, inner]);
    expect((byShellW[1] ?? 0) / L).toBeCloseTo(1 - Math.exp(-0.3), CLOSED_FORM_DIGITS);
    expect((byShellW[0] ?? 0) / L).toBeCloseTo(Math.exp(-0.3) * (1 - Math.exp(-0.5)), CLOSED_FORM_DIGITS);
  });

  it('shares one layer between shells at the same radius in proportion to their areas', () => {
    const a = { radiusM: AU_M, areaM2: 0.2 * sphere(AU_M) };
    const b = { radiusM: AU_M, areaM2: 0.6 * sphere(AU_M) };
    const { byShellW, interceptedW } = shadedCapturedPowerW([a, b]);
    expect(interceptedW / L).toBeCloseTo(1 - Math.exp(-0.8), CLOSED_FORM_DIGITS);
    expect((byShellW[1] ?? 0) / (byShellW[0] ?? 1)).toBeCloseTo(3, CLOSED_FORM_DIGITS);
  });

  it('never captures more than the Sun sends, whatever the shells, and does not depend on their order', () => {
    const shell = fc.record({
      radiusM: fc.double({ min: 0.05 * AU_M, max: 50 * AU_M, noNaN: true }),
      areaM2: fc.double({ min: 0, max: 1e26, noNaN: true }),
      conversionEfficiency: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(shell, { minLength: 1, maxLength: 6 }), (shells) => {
        const forward = shadedCapturedPowerW(shells);
        const backward = shadedCapturedPowerW([...shells].reverse());
        expect(forward.interceptedW).toBeLessThanOrEqual(L * (1 + ROUNDING_REL));
        expect(forward.totalW).toBeLessThanOrEqual(forward.interceptedW * (1 + ROUNDING_REL));
        expect(forward.interceptedW).toBeGreaterThanOrEqual(0);
        expect(Math.abs(backward.interceptedW - forward.interceptedW)).toBeLessThanOrEqual(ROUNDING_REL * L);
        const radii = shells.map((s) => s.radiusM);
        const areas = shells.map((s) => s.areaM2);
        expect(forward.interceptedW / L).toBeCloseTo(coverageFraction(radii, areas), COVERAGE_DIGITS);
      }),
      { seed: 4242, numRuns: 300 },
    );
  });

  it('refuses a non-positive radius or a negative area', () => {
    expect(() => shadedCapturedPowerW([{ radiusM: 0, areaM2: 1 }])).toThrow(InputError);
    expect(() => shadedCapturedPowerW([{ radiusM: AU_M, areaM2: -1 }])).toThrow(/shells\[0\]\.areaM2/);
  });
});
