import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../sim/index.ts';
import { CRITICAL_AREAL_DENSITY_KG_M2 } from '../../sim/constants.ts';
import { cli, tempDir } from '../cli/helpers.ts';

async function baselineObject(): Promise<any> {
  return JSON.parse(await readFile('assets/scenarios/baseline.json', 'utf8'));
}

function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

/** 0.95 au in m, digits (0.5 m; ulp 3e-5 m): one product, rounding only. */
const METRE_DIGITS = 0;
/** An angle of 5 deg in rad, digits (5e-16): one conversion, an ulp or two. */
const RADIAN_DIGITS = 15;
/** The lightness number against its formula, digits: a few products, rounding only. */
const LIGHTNESS_DIGITS = 12;

describe('scenarios', () => {
  it('the built-in baseline spans 2030-01-01..2050-12-31 and resolves to SI', () => {
    const scenario = loadScenario('baseline');
    expect(scenario.file.from).toBe('2030-01-01');
    expect(scenario.file.to).toBe('2050-12-31');
    expect(scenario.shells[0]?.semiMajorAxisM[0]).toBeCloseTo(0.95 * 149_597_870_700, METRE_DIGITS);
    expect(scenario.shells[0]?.inclinationRad[1]).toBeCloseTo((5 * Math.PI) / 180, RADIAN_DIGITS);
    // beta = sigma* (1 + reflectivity) / 2 / sigma (McInnes 1999, partially reflecting flat sheet), sigma the
    // sum of the baseline's bill of materials: 0.45 + 0.068 + 0.056 + 0.02 + 0.005 = 0.599 kg/m^2
    expect(scenario.collector.lightnessNumber).toBeCloseTo(
      (CRITICAL_AREAL_DENSITY_KG_M2 * 1.1) / 2 / 0.599,
      LIGHTNESS_DIGITS,
    );
  });

  it('names the field, the accepted range and the value for each bad field', async () => {
    const base = await baselineObject();
    base.deployment = [0, 1, 2].map((k) => ({
      shell: 'near-1au',
      start: `${2040 + k}-01-01`,
      end: `${2041 + k}-01-01`,
      collectorsPerYear: 100,
    }));
    const cases: Array<[(s: any) => void, string]> = [
      [
        (s) => (s.collector.conversionEfficiency = 1.5),
        'collector.conversionEfficiency: must be <= 1, got 1.5',
      ],
      [
        (s) => (s.shells[1].inclinationDeg = [10, 5]),
        'shells[1].inclinationDeg: range must be [min, max] with min <= max, got [10,5]',
      ],
      [
        (s) => (s.deployment[0].collectorsPerYear = -1),
        'deployment[0].collectorsPerYear: must be >= 0, got -1',
      ],
      [(s) => (s.from = '2030-1-1'), 'from: not an ISO 8601 date'],
      [(s) => (s.tracers = 0), 'tracers: must be >= 1, got 0'],
      [
        (s) => (s.step = 'weekly'),
        'step: must be a positive duration such as 3600s, 90min, 12h, 30d, 2w, 1mo or 1y, got "weekly"',
      ],
      [(s) => (s.colector = {}), '(root): unknown field(s) "colector"'],
      [(s) => delete s.shells, 'shells: is required'],
      [
        (s) => (s.deployment[2].shell = 'mars'),
        'deployment[2].shell: must name one of the shells ("near-1au", "inner-0.7au"), got "mars"',
      ],
      [(s) => (s.deployment[0].end = '2039-01-01'), 'deployment[0].end: must be after start'],
      [(s) => (s.to = '2029-01-01'), 'to: must be after from'],
      [(s) => (s.shells[1].name = 'near-1au'), 'shells[1].name: duplicate shell name'],
      [
        (s) => ((s.shells[0].semiMajorAxisAu = [0.1, 0.2]), (s.shells[0].eccentricity = [0, 0.9])),
        'shells[0]: smallest perihelion',
      ],
      [
        (s) => (delete s.collector.billOfMaterials, delete s.energy, (s.collector.arealDensityKgM2 = 0.0005)),
        'collector.arealDensityKgM2: gives a lightness number beta',
      ],
    ];
    for (const [mutate, expected] of cases) {
      const scenario = structuredClone(base);
      mutate(scenario);
      expect(messageOf(() => loadScenario(scenario))).toContain(expected);
    }
  });

  it('treats scenario files as data: a JSON string that looks like code is just an invalid name', async () => {
    const base = await baselineObject();
    base.name = "require('fs')";
    expect(messageOf(() => loadScenario(base))).toContain(
      'name: must be lowercase letters, digits and dashes',
    );
  });
});

describe('essaim scenario', () => {
  it('validate accepts the shipped baseline and rejects a bad file with exit 2', async () => {
    const ok = await cli('scenario', 'validate', 'assets/scenarios/baseline.json');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('valid scenario "baseline"');

    const dir = await tempDir();
    const bad = await baselineObject();
    bad.collector.arealDensityKgM2 = -3;
    await writeFile(join(dir, 'bad.json'), JSON.stringify(bad));
    const result = await cli('scenario', 'validate', join(dir, 'bad.json'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('collector.arealDensityKgM2: must be > 0, got -3');
  });

  it('show prints a built-in scenario as JSON and lists names; an unknown name exits 2', async () => {
    const shown = await cli('scenario', 'show', 'baseline');
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual(await baselineObject());
    expect((await cli('scenario', 'show')).stdout).toContain('baseline');
    const unknown = await cli('scenario', 'show', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown scenario "nope"');
  });
});
