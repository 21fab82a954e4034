/**
 * Bad parameters are refused with a message that names the field, the value and what is accepted, both when the
 * growth section is validated alone and inside a whole scenario file.
 */
import { describe, expect, it } from 'vitest';
import { lightnessNumber } from '../../sim/orbit/radiationPressure.ts';
import { InputError } from '../../sim/errors.ts';
import { growthFromObject } from '../../sim/growth/resolve.ts';
import { growthStateAt } from '../../sim/growth/state.ts';
import { integrateGrowth } from '../../sim/growth/integrate.ts';
import { describeIssues } from '../../sim/validation/issues.ts';
import {
  COLLECTOR,
  FROM_TDB_S,
  oneSite,
  readScenarioJson,
  runSynthetic,
  scenarioWithGrowthSchema,
  SHELLS,
  YEAR_S,
} from './helpers.ts';

const CONTEXT = { shells: SHELLS, collector: COLLECTOR };

function message(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('growth section validation', () => {
  it('refuses a negative rate', () => {
    const input = oneSite({ massDriver: { launchSpeedKmS: 2.5, rateKgPerS: -1, efficiency: 0.8 } });
    expect(message(() => growthFromObject(input, CONTEXT))).toContain(
      'growth.sites[0].massDriver.rateKgPerS: must be > 0, got -1',
    );
  });

  it('refuses a closure of 1.5, alone or in a schedule', () => {
    expect(message(() => growthFromObject(oneSite({ factory: { closure: 1.5 } }), CONTEXT))).toContain(
      'growth.sites[0].factory.closure: must be <= 1, got 1.5',
    );
    const schedule = {
      interpolate: 'step',
      points: [
        { at: '2030-01-01', value: 0.5 },
        { at: '2035-01-01', value: 1.5 },
      ],
    };
    expect(message(() => growthFromObject(oneSite({ factory: { closure: schedule } }), CONTEXT))).toContain(
      'growth.sites[0].factory.closure.points[1].value: must be <= 1, got 1.5',
    );
  });

  it('refuses dates out of order (resupply before the seed, schedule dates not increasing)', () => {
    const resupply = oneSite({ resupply: [{ massKg: 10, date: '2029-06-01' }] });
    expect(message(() => growthFromObject(resupply, CONTEXT))).toContain(
      'growth.sites[0].resupply[0].date: landing dates must be strictly increasing and after the seed landing',
    );
    const schedule = {
      points: [
        { at: '2035-01-01', value: 0.5 },
        { at: '2031-01-01', value: 0.6 },
      ],
    };
    expect(message(() => growthFromObject(oneSite({ factory: { closure: schedule } }), CONTEXT))).toContain(
      'growth.sites[0].factory.closure.points[1].at: dates must be strictly increasing',
    );
    expect(
      message(() => growthFromObject(oneSite({ seed: { massKg: 1, date: '2030-02-30' } }), CONTEXT)),
    ).toContain('growth.sites[0].seed.date: not a valid calendar date');
  });

  it('refuses a seed mass of zero and fractions that do not sum to 1', () => {
    expect(
      message(() => growthFromObject(oneSite({ seed: { massKg: 0, date: '2030-01-01' } }), CONTEXT)),
    ).toContain('growth.sites[0].seed.massKg: must be > 0, got 0');
    const split = oneSite({ targets: [{ shell: 'near-1au', fraction: 0.6 }] });
    expect(message(() => growthFromObject(split, CONTEXT))).toContain(
      'target fractions must sum to 1, they sum to 0.6',
    );
  });

  it('refuses beta >= 1: the shells need bound orbits', () => {
    const text = message(() =>
      growthFromObject(oneSite(), {
        shells: SHELLS,
        collector: {
          arealDensityKgM2: 0.0012,
          lightnessNumber: lightnessNumber(0.0012, 1),
          reflectivity: 1,
          conversionEfficiency: 0.2,
        },
      }),
    );
    expect(text).toMatch(/^collector\.arealDensityKgM2: gives a lightness number beta = 1\.276 >= 1/);
    expect(text).toContain('need bound heliocentric orbits');
  });

  it('refuses a mass driver slower than the escape speed, and an unknown shell', () => {
    const slow = oneSite({ massDriver: { launchSpeedKmS: 2, rateKgPerS: 1, efficiency: 0.8 } });
    expect(message(() => growthFromObject(slow, CONTEXT))).toContain(
      "growth.sites[0].massDriver.launchSpeedKmS: must exceed the escape speed of the site's body (2.3757 km/s), got 2",
    );
    const lost = oneSite({ targets: [{ shell: 'oort', fraction: 1 }] });
    expect(message(() => growthFromObject(lost, CONTEXT))).toContain(
      'growth.sites[0].targets[0].shell: must name one of the scenario\'s shells ("near-1au"), got "oort"',
    );
  });

  it('asks for exactly one of replication time and productivity', () => {
    const both = oneSite({ factory: { replicationTimeYears: 1, productivityPerYear: 1 } });
    expect(message(() => growthFromObject(both, CONTEXT))).toContain(
      'give exactly one of replicationTimeYears (> 0) and productivityPerYear (>= 0)',
    );
  });

  it('reports bad growth fields of a whole scenario file with their full path', () => {
    const file = readScenarioJson('metzger-2013') as {
      growth: { sites: Array<{ factory: Record<string, unknown> }> };
    };
    const site = file.growth.sites[0];
    if (site === undefined) throw new Error('no site');
    site.factory['lossRatePerYear'] = -0.1;
    const parsed = scenarioWithGrowthSchema.safeParse(file);
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(describeIssues(parsed.error, file)).toContain(
        'growth.sites[0].factory.lossRatePerYear: must be >= 0, got -0.1',
      );
    }
  });
});

describe('integration and random-access arguments', () => {
  it('refuses a span that ends before it starts, and times outside the span', () => {
    const { params, history } = runSynthetic(oneSite(), 1);
    expect(
      message(() =>
        integrateGrowth(params, {
          fromTdbS: FROM_TDB_S,
          toTdbS: FROM_TDB_S - 1,
          collector: COLLECTOR,
          shells: SHELLS,
        }),
      ),
    ).toContain('toTdbS: must be after fromTdbS');
    expect(message(() => growthStateAt(history, FROM_TDB_S + 2 * YEAR_S))).toContain(
      'tdbS: must be within the integrated span',
    );
    expect(message(() => growthStateAt(history, Number.NaN))).toContain('tdbS: must be a finite number');
  });
});
