/**
 * The baseline's per-kind costs and carbon, and the power satellites' cost inputs, against the published figures
 * they come from (tests/data/ground/source-properties.csv): the Lazard midpoints, the IPCC medians, and NASA's RD1
 * mass, power, cost and emissions worked through to kg/W, USD/kg and g/kWh.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenarioObject } from '../../sim/scenario/load.ts';
import { readGroundCsv } from './readCsv.ts';

/**
 * The scenario file keeps 4 significant digits of a derived figure (0.001093 kg/W, 46,780 USD/kg, 31 g/kWh):
 * half a unit in the last digit kept, relative.
 */
const KEPT_DIGITS_REL = { specificMass: 5e-4, price: 1.1e-5, carbon: 0.016 };

interface GroundFileView {
  supply: { kinds: Record<string, { lcoeUsdPerMWh: number; carbonIntensityGPerKWh: number }> };
  space: {
    powerSatellites: { specificMassKgPerW: number; priceUsdPerKg: number };
    carbonIntensityGPerKWh: number;
  };
}

const ground = (builtinScenarioObject('baseline') as { ground: GroundFileView }).ground;
const table = new Map(readGroundCsv('source-properties.csv', 10).map((row) => [row['quantity'], row]));
const value = (quantity: string): number => Number(table.get(quantity)?.['value']);
const midpoint = (quantity: string): number =>
  (Number(table.get(quantity)?.['low']) + Number(table.get(quantity)?.['high'])) / 2;

describe('source properties', () => {
  it('levelised costs are the Lazard 2024 midpoints', () => {
    expect(ground.supply.kinds['nuclear']?.lcoeUsdPerMWh).toBe(midpoint('nuclear lcoeUsdPerMWh'));
    expect(ground.supply.kinds['renewables-storage']?.lcoeUsdPerMWh).toBe(
      midpoint('renewables-storage lcoeUsdPerMWh'),
    );
  });

  it('carbon intensities are the IPCC AR5 medians', () => {
    expect(ground.supply.kinds['nuclear']?.carbonIntensityGPerKWh).toBe(
      value('nuclear carbonIntensityGPerKWh'),
    );
    expect(ground.supply.kinds['renewables-storage']?.carbonIntensityGPerKWh).toBe(
      value('renewables-storage carbonIntensityGPerKWh'),
    );
  });

  it('the NASA efficiency chain is the product of its Table 4 stages', () => {
    const product = 0.9 * 0.7 * 0.9 * 0.98 * 0.95 * 0.78 * 0.9;
    expect(product).toBeCloseTo(value('rd1 chainEfficiency'), 4);
  });

  it('power satellites: kg per W of transmitter DC, USD per kg, g CO2 per kWh from NASA RD1', () => {
    const transmitterDcW = value('rd1 deliveredW') / value('rd1 chainEfficiency');
    const specificMass = value('rd1 massKg') / transmitterDcW;
    const price = value('rd1 totalCostUsd') / value('rd1 massKg');
    // lifetime energy implied by NASA's LCOE: total cost / (USD per kWh), kWh
    const lifetimeKWh = value('rd1 totalCostUsd') / value('rd1 lcoeUsdPerKWh');
    const gramsPerKWh = (1e3 * value('rd1 emissionsKg')) / lifetimeKWh;
    const { powerSatellites, carbonIntensityGPerKWh } = ground.space;
    expect(Math.abs(powerSatellites.specificMassKgPerW / specificMass - 1)).toBeLessThan(
      KEPT_DIGITS_REL.specificMass,
    );
    expect(Math.abs(powerSatellites.priceUsdPerKg / price - 1)).toBeLessThan(KEPT_DIGITS_REL.price);
    expect(Math.abs(carbonIntensityGPerKWh / gramsPerKWh - 1)).toBeLessThan(KEPT_DIGITS_REL.carbon);
  });
});
