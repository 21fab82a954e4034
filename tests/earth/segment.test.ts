import { describe, expect, it } from 'vitest';

import {
  annualMeanRainLoss,
  earthSchema,
  earthSegmentAt,
  energyEquivalentRainRateMmH,
  findEclipses,
  type EarthInput,
} from '../../sim/earth/index.ts';
import { isoToTdbS } from '../../sim/time.ts';
import { DEG, resolveInput, singleLink } from './helpers.ts';

const site = (name: string, latitudeDeg: number, longitudeDeg: number, extra: object = {}) => ({
  name,
  latitudeDeg,
  longitudeDeg,
  aperture: { widthM: 4000, lengthM: 5000 },
  grid: { name: `${name} grid`, capacityW: 1e9 },
  ...extra,
});
const sat = (name: string, longitudeDeg: number, extra: object = {}) => ({
  name,
  slot: { longitudeDeg },
  launch: '2030-01-01',
  powerClass: 'pilot-100mw' as const,
  ...extra,
});

describe('which satellite serves which rectenna', () => {
  it('gives a free site to the satellite it sees highest, one beam each', () => {
    const input: EarthInput = {
      satellites: [sat('WEST', -20), sat('OVERHEAD', 0)],
      sites: [site('A', 30, 0), site('B', 30, -25)],
    };
    const state = earthSegmentAt(resolveInput(input, '2031-01-01', '2031-02-01'), isoToTdbS('2031-01-10'));
    const served = Object.fromEntries(state.perSite.map((s) => [s.name, s.servingSatellite]));
    expect(served).toEqual({ A: 'OVERHEAD', B: 'WEST' });
  });

  it('keeps a dedicated satellite on its own site, even when it would see another one higher', () => {
    const input: EarthInput = {
      satellites: [sat('DEDICATED', 0, { rectenna: 'B' })],
      sites: [site('A', 20, 0), site('B', 40, 10)],
    };
    const state = earthSegmentAt(resolveInput(input, '2031-01-01', '2031-02-01'), isoToTdbS('2031-01-10'));
    expect(state.perSatellite[0]?.servedSite).toBe('B');
    expect(state.perSite[0]?.servingSatellite).toBeNull();
  });

  it('counts only what is in service: launch + commissioning, site commissioning, retirement', () => {
    const input: EarthInput = {
      satellites: [sat('S', 0, { launch: '2031-01-01', commissioningDays: 100, retire: '2034-01-01' })],
      sites: [site('A', 30, 0, { commissioned: '2031-06-01' })],
    };
    const earth = resolveInput(input, '2030-06-01', '2035-01-01');
    const at = (iso: string) => earthSegmentAt(earth, isoToTdbS(iso));
    expect(at('2031-03-01').powerSatelliteCount).toBe(0);
    expect(at('2031-05-01').powerSatelliteCount).toBe(1);
    expect(at('2031-05-01').rectennaCount).toBe(0);
    expect(at('2031-05-01').deliveredPowerGridW).toBe(0);
    expect(at('2031-07-01').deliveredPowerGridW).toBeGreaterThan(5e7);
    expect(at('2034-06-01').powerSatelliteCount).toBe(0);
  });
});

describe('power to the grid', () => {
  /** Delivered + curtailed against 0.9 x the rectenna DC, digits (5e-4 W on ~1e8 W): rounding of one product. */
  const GRID_SPLIT_DIGITS = 3;
  /** Transmitter DC against 2.3e8 W x the lit fraction, digits (0.5 W, 2e-9 relative): rounding of one product. */
  const TRANSMITTER_DIGITS = 0;
  /** Grid power ratio against the lit fraction, digits (5e-10): a linear chain, rounding only. */
  const LINEAR_CHAIN_DIGITS = 9;
  /** Against 0.983 au, the perihelion distance, digits (5e-3 au): loose; a week after perihelion, within 1e-4 au. */
  const PERIHELION_DIGITS = 2;
  /** Sub-satellite longitude of the 0 deg slot, deg: the slot is held to 0.006 deg (geoSlot.test.ts). */
  const SLOT_LONGITUDE_DEG = 0.01;

  it('curtails what the grid connection cannot take, and says how much', () => {
    const capped = singleLink(0, 30, 0);
    capped.sites![0]!.grid = { name: 'small', capacityW: 20e6 };
    const state = earthSegmentAt(resolveInput(capped, '2031-01-01', '2031-02-01'), isoToTdbS('2031-01-10'));
    const s = state.perSite[0]!;
    expect(s.deliveredPowerGridW).toBe(20e6);
    expect(s.curtailedW).toBeGreaterThan(70e6);
    expect(s.deliveredPowerGridW + s.curtailedW).toBeCloseTo(s.rectennaDcPowerW * 0.9, GRID_SPLIT_DIGITS);
  });

  it('scales the transmitter with the lit fraction of the array in the penumbra', () => {
    const earth = resolveInput(singleLink(0, 30, 0), '2031-03-01', '2031-04-01');
    // A slot at 0 deg is eclipsed around 00:00 UT: search from noon so the eclipse is not clipped.
    const [eclipse] = findEclipses(
      earth.satellites[0]!.orbit,
      isoToTdbS('2031-03-19T12:00:00Z'),
      isoToTdbS('2031-03-20T12:00:00Z'),
    );
    const t = (eclipse!.penumbraStartTdbS + eclipse!.umbraStartTdbS!) / 2;
    const state = earthSegmentAt(earth, t);
    const s = state.perSatellite[0]!;
    expect(s.shadowFraction).toBeGreaterThan(0.1);
    expect(s.shadowFraction).toBeLessThan(0.9);
    expect(s.inEclipse).toBe(true);
    expect(s.inUmbra).toBe(false);
    expect(s.transmitterDcPowerW).toBeCloseTo(2.3e8 * (1 - s.shadowFraction), TRANSMITTER_DIGITS);
    const lit = earthSegmentAt(earth, t, { ignoreShadow: true }).perSite[0]!.deliveredPowerGridW;
    // Linear chain (constant rectenna efficiency): the grid sees the same fraction.
    expect(state.perSite[0]!.deliveredPowerGridW / lit).toBeCloseTo(
      1 - s.shadowFraction,
      LINEAR_CHAIN_DIGITS,
    );
  });

  it('places the satellite for the scene: heliocentric ecliptic positions ~1 au from the Sun', () => {
    const state = earthSegmentAt(
      resolveInput(singleLink(0, 30, 0), '2031-01-01', '2031-02-01'),
      isoToTdbS('2031-01-10'),
    );
    const helio = state.perSatellite[0]!.heliocentricEclipticM!;
    const geo = state.perSatellite[0]!.geocentricEclipticM!;
    expect(Math.hypot(...geo)).toBeGreaterThan(42.1e6);
    expect(Math.hypot(...geo)).toBeLessThan(42.2e6);
    expect(Math.hypot(...helio) / 1.495978707e11).toBeCloseTo(0.983, PERIHELION_DIGITS); // early January: perihelion
    expect(Math.abs(state.perSatellite[0]!.longitudeRad / DEG)).toBeLessThan(SLOT_LONGITUDE_DEG);
  });
});

describe('rain from a climate zone', () => {
  const path = {
    frequencyHz: 5.8e9,
    elevationRad: 45 * DEG,
    rainHeightM: 3000,
    stationHeightM: 0,
    latitudeRad: 35 * DEG,
    tiltRad: Math.PI / 4,
  };

  it('costs more in wetter zones, and little energy at 5.8 GHz even in the wettest', () => {
    const losses = (['A', 'E', 'K', 'N', 'P'] as const).map((zone) => annualMeanRainLoss(zone, path));
    for (let k = 1; k < losses.length; k += 1) expect(losses[k]).toBeGreaterThan(losses[k - 1] as number);
    expect(losses.at(-1)).toBeLessThan(0.01);
    expect(losses[0]).toBeGreaterThan(0);
  });

  it('uses the energy-equivalent rate, between the dry and the 1 % rates', () => {
    const rate = energyEquivalentRainRateMmH('K', path);
    expect(rate).toBeGreaterThan(0);
    expect(rate).toBeLessThan(4.2);
    const state = earthSegmentAt(
      resolveInput(
        singleLink(0, 35, 0, { sites: [{ ...singleLink(0, 35, 0).sites![0]!, rainZone: 'K' }] }),
        '2031-01-01',
        '2031-02-01',
      ),
      isoToTdbS('2031-01-10'),
    );
    expect(state.perSite[0]!.rainRateMmH).toBeGreaterThan(0);
    expect(state.perSite[0]!.budget!.rainAttenuationDb).toBeGreaterThan(0);
  });
});

describe('the earth section schema', () => {
  const ok = singleLink(0, 30, 0);
  const problems = (input: unknown): string[] => {
    const result = earthSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts the minimal section and fills the defaults', () => {
    const parsed = earthSchema.parse(ok);
    expect(parsed.elevationMaskDeg).toBe(10);
    expect(parsed.eclipseResolution).toBe('60s');
    expect(parsed.skipBadSatellites).toBe(false);
    expect(parsed.sites[0]?.grid.efficiency).toBe(0.9);
    expect(earthSchema.parse({})).toMatchObject({ satellites: [], sites: [] });
  });

  it('refuses a satellite with no orbit, or two', () => {
    expect(problems({ ...ok, satellites: [{ name: 'X', powerClass: 'pilot-100mw' }] }).join()).toMatch(
      /exactly one of tle, omm or slot, got none/,
    );
    expect(problems({ ...ok, satellites: [{ ...ok.satellites![0]!, tle: ['a', 'b'] }] }).join()).toMatch(
      /got tle and slot/,
    );
  });

  it('refuses a slot without a launch date, a transmitter without its power, an unknown rectenna', () => {
    const base = ok.satellites![0]!;
    expect(problems({ ...ok, satellites: [{ ...base, launch: undefined }] }).join()).toMatch(
      /launch: a slot satellite/,
    );
    expect(problems({ ...ok, satellites: [{ ...base, powerClass: undefined }] }).join()).toMatch(
      /transmitter: without a powerClass/,
    );
    expect(problems({ ...ok, satellites: [{ ...base, rectenna: 'NOWHERE' }] }).join()).toMatch(
      /rectenna: no site named "NOWHERE"/,
    );
  });

  it('refuses duplicate names, both rain options, a calendar eclipse resolution, unknown fields', () => {
    expect(problems({ ...ok, sites: [ok.sites![0], ok.sites![0]] }).join()).toMatch(/duplicate name/);
    expect(problems({ ...ok, sites: [{ ...ok.sites![0]!, rainRateMmH: 5, rainZone: 'K' }] }).join()).toMatch(
      /not both/,
    );
    expect(problems({ ...ok, eclipseResolution: '1mo' }).join()).toMatch(/fixed duration/);
    expect(problems({ ...ok, colour: 'blue' }).join()).toMatch(/colour|Unrecognized/);
  });
});
