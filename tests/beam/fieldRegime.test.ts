/**
 * The field region is the transmitter's (Balanis, "Antenna Theory", 4th ed., section 2.2.4): far field from
 * 2 Dt^2 / lambda, radiating near field from 0.62 sqrt(Dt^3 / lambda). Every boundary here is computed by hand
 * from the speed of light, the carrier and the transmitter diameter.
 */
import { describe, expect, it } from 'vitest';
import { computeLinkBudget } from '../../sim/beam/linkBudget.ts';

/** Speed of light, m/s (exact, SI). */
const C_M_S = 299_792_458;
/** A GEO-class link distance, m (the 36,000 km of an SPS beam). */
const GEO_LINK_M = 36_000e3;
/** Closed forms (tau, the Fraunhofer distance) against the budget's, digits: rounding only. */
const ROUNDING_DIGITS = 9;

const sps = {
  frequencyHz: 2.45e9,
  txPowerW: 6.5e9,
  txDiameterM: 1000,
  rxDiameterM: 10_000,
  distanceM: GEO_LINK_M,
};

describe("the field region is decided by the transmitter's Fraunhofer distance", () => {
  it('a 1 km SPS transmitter at 2.45 GHz is in its far field at 36,000 km, whatever the 10 km rectenna', () => {
    const lambdaM = C_M_S / 2.45e9; // 0.12236 m
    const fraunhoferM = (2 * 1000 ** 2) / lambdaM; // 16,345 km < 36,000 km
    expect(fraunhoferM).toBeLessThan(GEO_LINK_M);
    const budget = computeLinkBudget(sps);
    expect(budget.fraunhoferDistanceM / fraunhoferM).toBeCloseTo(1, ROUNDING_DIGITS);
    expect(budget.fieldRegime).toBe('far-field');
    // Yet tau = (pi/4) Dt Dr / (lambda d) = 1.78 > 1: the rectenna spans the main lobe and Friis exceeds 1.
    const tau = (Math.PI / 4) * ((1000 * 10_000) / (lambdaM * GEO_LINK_M));
    expect(budget.tau / tau).toBeCloseTo(1, ROUNDING_DIGITS);
    expect(tau).toBeGreaterThan(1);
    expect(budget.friisFraction).toBeGreaterThan(1);
    const friis = budget.warnings.filter((w) => w.includes('Friis'));
    expect(friis).toHaveLength(1);
    expect(friis[0]).toContain('far field of the transmitter');
    expect(friis[0]).toContain('main lobe');
    expect(budget.warnings.some((w) => w.includes('near field'))).toBe(false);
  });

  it('the same transmitter at 5.8 GHz, or at 2.45 GHz over a shorter link, is in its radiating near field', () => {
    const lambda58M = C_M_S / 5.8e9; // 0.05169 m
    const fraunhofer58M = (2 * 1000 ** 2) / lambda58M; // 38,693 km > 36,000 km
    expect(fraunhofer58M).toBeGreaterThan(GEO_LINK_M);
    const at58 = computeLinkBudget({ ...sps, frequencyHz: 5.8e9 });
    expect(at58.fieldRegime).toBe('radiating-near-field');
    expect(at58.warnings.some((w) => w.startsWith('radiating near field of the transmitter'))).toBe(true);

    const lambdaM = C_M_S / 2.45e9;
    const shortM = 10_000e3; // inside 16,345 km, outside 0.62 sqrt(Dt^3 / lambda) = 56 km
    expect(shortM).toBeLessThan((2 * 1000 ** 2) / lambdaM);
    expect(shortM).toBeGreaterThan(0.62 * Math.sqrt(1000 ** 3 / lambdaM));
    expect(computeLinkBudget({ ...sps, distanceM: shortM }).fieldRegime).toBe('radiating-near-field');
  });

  it('inside 0.62 sqrt(Dt^3 / lambda) it is the reactive near field; a small receiver far out is far field', () => {
    const lambdaM = C_M_S / 2.45e9;
    const reactiveM = 0.62 * Math.sqrt(1000 ** 3 / lambdaM); // 56.0 km
    const close = computeLinkBudget({ ...sps, rxDiameterM: 100, distanceM: 20_000 });
    expect(20_000).toBeLessThan(reactiveM);
    expect(close.fieldRegime).toBe('reactive-near-field');
    // Just either side of the Fraunhofer distance with a 100 m receiver (tau << 1: no Friis warning).
    const fraunhoferM = (2 * 1000 ** 2) / lambdaM;
    const inside = computeLinkBudget({ ...sps, rxDiameterM: 100, distanceM: 0.99 * fraunhoferM });
    const outside = computeLinkBudget({ ...sps, rxDiameterM: 100, distanceM: 1.01 * fraunhoferM });
    expect(inside.fieldRegime).toBe('radiating-near-field');
    expect(outside.fieldRegime).toBe('far-field');
    expect(outside.warnings.some((w) => w.includes('Friis'))).toBe(false);
  });
});
