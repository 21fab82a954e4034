import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import {
  earthSchema,
  earthSegmentAt,
  eclipseLossReport,
  findEclipses,
  buildEarthSegment,
  resolveEarthSpec,
  type EarthSegment,
} from '../../sim/earth/index.ts';
import { isoToTdbS } from '../../sim/time.ts';

/** Grid + curtailed against the rectenna DC x efficiency, digits (5e-4 W on up to ~1e9 W): one product, rounding. */
const POWER_BALANCE_DIGITS = 3;
/** Rectenna DC / input against the end-to-end efficiency, digits: the same product of stages, rounding only. */
const CHAIN_PRODUCT_DIGITS = 12;
/** Power after the eclipse against before, digits (5e5 W on ~1e9 W): ~1.5 h apart; the size is not derived. */
const AROUND_ECLIPSE_DIGITS = -6;

const file = (
  JSON.parse(
    readFileSync(fileURLToPath(new URL('../../assets/scenarios/baseline.json', import.meta.url)), 'utf8'),
  ) as { earth: unknown }
).earth;

describe("the baseline's 2030-2040 Earth segment (the earth section of assets/scenarios/baseline.json)", () => {
  const parsed = earthSchema.parse(file);
  const earth: EarthSegment = buildEarthSegment(resolveEarthSpec(parsed), {
    fromTdbS: isoToTdbS('2030-01-01'),
    toTdbS: isoToTdbS('2040-12-31'),
  });
  const at = (iso: string) => earthSegmentAt(earth, isoToTdbS(iso));

  it('validates and defends every satellite and site with notes and sources', () => {
    expect(parsed.satellites.map((s) => s.name)).toEqual(['ESSAIM-D1', 'ESSAIM-P1', 'ESSAIM-G1']);
    expect(parsed.sites).toHaveLength(3);
    expect(parsed.sources.length).toBeGreaterThanOrEqual(5);
    for (const key of [
      'story',
      'sites[0]',
      'sites[1]',
      'sites[2]',
      'sites[].rainZone',
      'eclipseResolution',
    ]) {
      expect(parsed.notes[key]).toBeTruthy();
    }
  });

  it('shows the decade year by year: a demonstrator, a pilot, then a gigawatt satellite', () => {
    const rows = [2030, 2032, 2035, 2036, 2038, 2039, 2040].map((y) => at(`${y}-01-01`));
    expect(rows.map((r) => r.powerSatelliteCount)).toEqual([0, 1, 1, 2, 2, 3, 3]);
    expect(rows.map((r) => r.rectennaCount)).toEqual([0, 1, 1, 2, 2, 3, 3]);
    const grid = rows.map((r) => r.deliveredPowerGridW);
    expect(grid[0]).toBe(0);
    // ~0.1 MW from the demonstrator, ~100 MW from the pilot, ~1 GW from the first gigawatt-class satellite.
    expect(grid[1]).toBeGreaterThan(0.05e6);
    expect(grid[1]).toBeLessThan(0.3e6);
    expect((grid[3] as number) - (grid[1] as number)).toBeGreaterThan(80e6);
    expect((grid[3] as number) - (grid[1] as number)).toBeLessThan(120e6);
    expect((grid[5] as number) - (grid[4] as number)).toBeGreaterThan(0.9e9);
    expect((grid[5] as number) - (grid[4] as number)).toBeLessThan(1.2e9);
    // The gigawatt satellite is delivering before 2040.
    expect(at('2039-01-01').perSite.find((s) => s.name === 'Antelope Valley')?.servingSatellite).toBe(
      'ESSAIM-G1',
    );
  });

  it('balances power at every site: grid + curtailed = rectenna DC x grid efficiency', () => {
    const state = at('2039-06-01');
    for (const site of state.perSite) {
      const efficiency = earth.sites.find((s) => s.name === site.name)!.grid.efficiency;
      expect(site.deliveredPowerGridW + site.curtailedW).toBeCloseTo(
        site.rectennaDcPowerW * efficiency,
        POWER_BALANCE_DIGITS,
      );
      expect(site.budget).not.toBeNull();
      // The beam module's chain: delivered = input x product of the stage efficiencies.
      expect(site.rectennaDcPowerW / site.budget!.inputDcPowerW).toBeCloseTo(
        site.budget!.endToEndEfficiency,
        CHAIN_PRODUCT_DIGITS,
      );
    }
  });

  it('keeps every beam within the public exposure and ionospheric limits at and beyond the rectenna edge', () => {
    for (const site of at('2039-06-01').perSite) {
      const warnings = site.budget!.warnings.join(' ');
      expect(warnings).not.toMatch(/general-public|ionospheric/);
      expect(site.budget!.edgePowerDensityWm2).toBeLessThan(site.budget!.publicExposureLimitWm2!);
      expect(site.elevationRad * (180 / Math.PI)).toBeGreaterThan(45);
    }
  });

  it('switches the gigawatt beam off in the equinox eclipse and back on after it', () => {
    const g1 = earth.satellites.find((s) => s.name === 'ESSAIM-G1')!;
    const [eclipse] = findEclipses(g1.orbit, isoToTdbS('2039-03-20'), isoToTdbS('2039-03-21'));
    expect(eclipse?.umbraStartTdbS).not.toBeNull();
    const middle = (eclipse!.umbraStartTdbS! + eclipse!.umbraEndTdbS!) / 2;
    const site = (t: number) => earthSegmentAt(earth, t).perSite.find((s) => s.name === 'Antelope Valley')!;
    const before = site(eclipse!.penumbraStartTdbS - 600);
    const during = site(middle);
    const after = site(eclipse!.penumbraEndTdbS + 600);
    expect(before.deliveredPowerGridW).toBeGreaterThan(0.9e9);
    expect(during.deliveredPowerGridW).toBe(0);
    expect(after.deliveredPowerGridW).toBeCloseTo(before.deliveredPowerGridW, AROUND_ECLIPSE_DIGITS);
    const state = earthSegmentAt(earth, middle);
    expect(state.perSatellite.find((s) => s.name === 'ESSAIM-G1')?.inUmbra).toBe(true);
    // D1 and P1, 111-116 deg further east, passed through the shadow ~7.6 h earlier, at their own midnight.
    expect(state.satellitesInEclipse).toBe(1);
  });

  it('loses ~0.94 % of a year to eclipses (2039)', () => {
    const report = eclipseLossReport(earth, isoToTdbS('2039-01-01'), isoToTdbS('2040-01-01'));
    for (const sat of report.perSatellite) {
      expect(sat.shadowS / (365 * 86_400)).toBeGreaterThan(0.0092);
      expect(sat.shadowS / (365 * 86_400)).toBeLessThan(0.0096);
    }
    const annualGridJ = at('2039-06-01').deliveredPowerGridW * 365 * 86_400;
    expect(report.energyLossJ / annualGridJ).toBeGreaterThan(0.009);
    expect(report.energyLossJ / annualGridJ).toBeLessThan(0.0098);
  });
});
