/** The `energy` section's schema and resolution: bad input is refused with a message naming the field. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../sim/errors.ts';
import { energySchema, parseEnergy, resolveEnergy } from '../../sim/energy/index.ts';
import { formatPath } from '../../sim/validation/issues.ts';

const BASELINE_URL = new URL('../../assets/scenarios/baseline.json', import.meta.url);
const baseline = (): any => JSON.parse(readFileSync(BASELINE_URL, 'utf8')).energy;
/**
 * The baseline with its compute efficiency given as the scenario's own dated points (the Green500 FP64 values it
 * used before choosing the named mlperf-llama2-70b trajectory), for the checks on explicit points.
 */
const withPoints = (): any => {
  const raw = baseline();
  delete raw.compute.trajectory;
  raw.compute.opsMetric = 'HPL FP64 FLOP (Green500)';
  raw.compute.efficiency = [
    { date: '2020-11-01', opsPerJoule: 26.2e9, source: '[Green500-2020-11] No. 1 NVIDIA DGX SuperPOD' },
    { date: '2022-06-01', opsPerJoule: 62.8e9, source: '[Green500-2022-06] No. 1 Frontier TDS' },
    { date: '2025-11-01', opsPerJoule: 73.282e9, source: '[Green500-2025-11] No. 1 Kairos' },
    { date: '2030-01-01', opsPerJoule: 1.92e11, source: 'projection: 3.0-year doubling' },
    { date: '2040-01-01', opsPerJoule: 1.93e12, source: 'projection: 3.0-year doubling' },
    { date: '2050-01-01', opsPerJoule: 1.95e13, source: 'projection: 3.0-year doubling' },
  ];
  raw.compute.task.opsPerTask = 1.4e14;
  return raw;
};

/** The dotted paths of every schema issue, e.g. `links[0].share`. */
function issuePaths(raw: unknown): string[] {
  const parsed = energySchema.safeParse(raw);
  return parsed.success ? [] : parsed.error.issues.map((issue) => formatPath(issue.path));
}

/** The message parseEnergy throws (InputError), or '' when the section is valid. */
function parseMessage(raw: unknown): string {
  try {
    parseEnergy(raw);
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
}

describe('the energy schema', () => {
  it('accepts the proposed baseline section and fills defaults', () => {
    expect(issuePaths(baseline())).toEqual([]);
    const file = parseEnergy(baseline());
    expect(file.links.map((link) => link.name)).toEqual(['swarm-to-compute', 'swarm-to-earth']);
    expect(parseEnergy({}).links).toEqual([]);
    expect(
      parseEnergy({ links: [{ ...baseline().links[1], loadEfficiency: undefined }] }).links[0]
        ?.loadEfficiency,
    ).toBe(1);
  });

  it('refuses a share above 1, naming links[i].share', () => {
    const raw = baseline();
    raw.links[0].share = 1.5;
    expect(issuePaths(raw)).toContain('links[0].share');
    expect(parseMessage(raw)).toMatch(/^energy\.links\[0\]\.share: must be <= 1, got 1\.5/m);
  });

  it('refuses shares that sum above 1, naming the links and their share values', () => {
    const raw = baseline();
    // the baseline's two links divide two groups' power (the hubs' feeders, the rest): 0.98 each passes
    expect(issuePaths(raw)).toEqual([]);
    raw.links[1].share = 1.5;
    expect(issuePaths(raw)).toContain('links[1].share');
    raw.links[1].share = 0.98;
    raw.links.push({ ...JSON.parse(JSON.stringify(raw.links[1])), name: 'second-earth-link' });
    expect(parseMessage(raw)).toMatch(/share values of the links fed by the hubs' feeders sum to 1\.96/);
    expect(parseMessage(raw)).toMatch(/links\[1\] already names the hubs' feeders/);
    raw.links.pop();
    // Without feeders, both links divide the whole swarm's power.
    delete raw.links[1].hops[0].receiverAt.feeders;
    raw.links[0].share = 0.95;
    raw.links[1].share = 0.1;
    expect(issuePaths(raw)).toEqual(['links']);
    expect(parseMessage(raw)).toMatch(/^energy\.links: the links' share values sum to 1\.05/);
    // Decimal fractions that sum to 1 within rounding pass.
    raw.links[0].share = 0.7;
    raw.links[1].share = 0.3;
    expect(issuePaths(raw)).toEqual([]);
  });

  it('refuses a negative or zero efficiency, naming the field', () => {
    const raw = baseline();
    raw.links[1].hops[2].dcRfEfficiency = -0.1;
    raw.links[0].loadEfficiency = 0;
    raw.links[0].hops[0].powerConditioningEfficiency = 1.2;
    expect(issuePaths(raw).sort()).toEqual([
      'links[0].hops[0].powerConditioningEfficiency',
      'links[0].loadEfficiency',
      'links[1].hops[2].dcRfEfficiency',
    ]);
    expect(parseMessage(raw)).toContain('energy.links[1].hops[2].dcRfEfficiency: must be > 0, got -0.1');
  });

  it('refuses trajectory dates out of order, naming the date', () => {
    const raw = withPoints();
    raw.compute.efficiency[3].date = '2024-01-01';
    expect(issuePaths(raw)).toEqual(['compute.efficiency[3].date']);
    expect(parseMessage(raw)).toContain(
      'energy.compute.efficiency[3].date: dates must be strictly increasing',
    );
    raw.compute.efficiency[3].date = raw.compute.efficiency[2].date;
    expect(issuePaths(raw)).toEqual(['compute.efficiency[3].date']);
    raw.compute.efficiency[3].date = '2030-02-30';
    expect(issuePaths(raw)).toEqual(['compute.efficiency[3].date']);
  });

  it('refuses an unknown destination, naming it and the accepted values', () => {
    const raw = baseline();
    raw.links[1].destination = 'moon';
    expect(issuePaths(raw)).toEqual(['links[1].destination']);
    expect(parseMessage(raw)).toContain(
      'energy.links[1].destination: must be one of "compute", "grid", got "moon"',
    );
  });

  it('refuses the other malformed sections it can see, each at its field', () => {
    const cases: [string, (raw: any) => void][] = [
      ['links[0].hops[0].frequencyHz', (raw) => (raw.links[0].hops[0].wavelengthM = 1e-6)],
      ['links[0].hops[0].frequencyHz', (raw) => delete raw.links[0].hops[0].frequencyHz],
      ['links[0].hops[0].rxDiameterM', (raw) => (raw.links[0].hops[0].rxWidthM = 10)],
      ['links[1].hops[2].rxLengthM', (raw) => delete raw.links[1].hops[2].rxLengthM],
      ['links[1].hops[2].elevationDeg', (raw) => (raw.links[1].hops[2].elevationDeg = 3)],
      ['links[1].hops[1].distanceM', (raw) => (raw.links[1].hops[1].distanceM = -1)],
      // (with its hops gone the link loses the hubs' feeders and joins the others' shares: 0.02 keeps them <= 1)
      ['links[1].hops', (raw) => ((raw.links[1].hops = []), (raw.links[1].share = 0.02))],
      ['links[1].name', (raw) => (raw.links[1].name = raw.links[0].name)],
      ['links[0].hops[0]', (raw) => (raw.links[0].hops[0].txPowerW = 1e6)],
      ['compute', (raw) => delete raw.compute],
      ['compute.radiatorEmissivity', (raw) => (raw.compute.radiatorEmissivity = 1.1)],
      ['compute.radiatorSides', (raw) => (raw.compute.radiatorSides = 3)],
      ['compute.efficiency[0].source', (raw) => delete raw.compute.efficiency[0].source],
      ['compute.efficiency[1].opsPerJoule', (raw) => (raw.compute.efficiency[1].opsPerJoule = 0)],
      ['compute.task.opsPerTask', (raw) => (raw.compute.task.opsPerTask = -1)],
    ];
    for (const [path, mutate] of cases) {
      const raw = withPoints();
      mutate(raw);
      expect(issuePaths(raw), path).toEqual([path]);
    }
  });
});

describe('resolving the energy section', () => {
  /** Degrees to radians and shares, decimal digits: one multiplication, exact to float64 rounding. */
  const SI_CONVERSION_DIGITS = 15;
  /** Days between dates, digits (5e-7 day = 43 ms): the TDB-UTC periodic term differs by ms at most. */
  const TDB_DAYS_DIGITS = 6;
  /** Sum of two shares scaled to 1: the addition rounds by a few ulp of 1 (2.2e-16 each). */
  const SHARE_SUM_ROUNDING = 1e-15;
  it('converts to SI: degrees to radians, dates to TDB seconds, absent units to one', () => {
    const params = resolveEnergy(parseEnergy(withPoints()));
    const ground = params.links[1]?.hops[2];
    expect(ground?.link.elevationRad).toBeCloseTo((49.34 * Math.PI) / 180, SI_CONVERSION_DIGITS);
    expect(ground?.link.latitudeRad).toBeCloseTo((35 * Math.PI) / 180, SI_CONVERSION_DIGITS);
    expect(ground?.link).not.toHaveProperty('elevationDeg');
    expect(ground?.dcRfEfficiency).toBe(0.63);
    expect(ground?.unitDcPowerW).toBe(1.3e9);
    expect(params.allocatedShare).toBeCloseTo(0.98, SI_CONVERSION_DIGITS);
    expect(params.compute?.efficiencyTdbS.length).toBe(6);
    // 2030-01-01 to 2040-01-01 is 3652 days plus the TDB-UTC periodic term (ms).
    const t = params.compute?.efficiencyTdbS ?? [];
    expect(((t[4] ?? 0) - (t[3] ?? 0)) / 86_400).toBeCloseTo(3652, TDB_DAYS_DIGITS);
    const optical = resolveEnergy(
      parseEnergy({
        links: [
          {
            name: 'l',
            destination: 'grid',
            share: 1,
            hops: [{ ...baseline().links[1].hops[1], dcRfEfficiency: undefined }],
          },
        ],
      }),
    );
    // The beam module's default laser wall-plug efficiency fills the gap.
    expect(optical.links[0]?.hops[0]?.dcRfEfficiency).toBe(0.4);
  });

  it('refuses, naming the scenario field, what only the beam module can check: geometry and band', () => {
    const near = baseline();
    near.links[0].hops[0].distanceM = 5000; // receiver radius 1 km: the paraxial model needs >= 10.6 km
    expect(() => resolveEnergy(parseEnergy(near))).toThrow(
      /^energy\.links\[0\]\.hops\[0\]\.distanceM: must be >= /,
    );
    const band = baseline();
    band.links[0].hops[0].frequencyHz = 5e12; // between the radio and optical ranges
    expect(() => resolveEnergy(parseEnergy(band))).toThrow(
      /^energy\.links\[0\]\.hops\[0\]\.frequencyHz: must be within/,
    );
  });

  it('refuses a radiator no warmer than its sink', () => {
    const raw = baseline();
    raw.compute.radiatorSinkTemperatureK = 330;
    expect(() => resolveEnergy(parseEnergy(raw))).toThrow(
      /^energy\.compute\.radiatorTemperatureK: must be above/,
    );
  });

  it('scales shares that exceed 1 only by rounding down to a sum of exactly 1', () => {
    const raw = baseline();
    delete raw.links[1].hops[0].receiverAt.feeders;
    raw.links[0].share = 0.92;
    raw.links[1].share = 0.08 + 5e-10;
    const params = resolveEnergy(parseEnergy(raw));
    expect(params.allocatedShare).toBeLessThanOrEqual(1);
    expect((params.links[0]?.share ?? 0) + (params.links[1]?.share ?? 0)).toBeLessThanOrEqual(
      1 + SHARE_SUM_ROUNDING,
    );
  });
});
