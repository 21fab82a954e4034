/**
 * The published growth cases against the papers' own figures (tests/data/growth/, provenance in its README), at
 * the instants the papers state, and the README's tables against what `essaim run` prints (so neither drifts).
 *
 * NASA CP-2255 ch. 5: the study's table counts completed generations of a T = 1 year replicator, so row n is
 * landing + n T (T a Julian year, the model's year); the scenario's output step is that T. Metzger et al. 2013:
 * the abstract's landed mass and end-of-bootstrapping assets; where ours differ, the difference asserted is the one
 * the README and growth-README state, not a pass band.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { growthStateAt } from '../../sim/growth/state.ts';
import { isoToTdbS } from '../../sim/time.ts';
import { cli, tempDir } from '../cli/helpers.ts';
import { loadGrowthScenario, runScenario, YEAR_S } from './helpers.ts';

/** Normal case against 100 t x 2^n, relative: exact arithmetic that the integrator resolves to ~1e-12. */
const EXACT_REL = 1e-9;
/** Fast case against e^n rounded to whole tonnes: the data's printed precision, 0.5 t, plus RK4 at one day. */
const FAST_ABS_T = 0.5;
/** A printed cell against the value it prints: the CLI shows four significant figures (sim/report/yearlyTable.ts). */
const PRINTED_REL = 5e-4;
/** Imports with closure 1, digits (5e-7 kg): nothing is imported, the two readings differ by rounding only. */
const NO_IMPORT_DIGITS = 6;
/** The documented differences (README), in percent to the one decimal printed there: half a unit of it. */
const PERCENT_ABS = 0.05;

function dataRows(file: string): Record<string, string>[] {
  const text = readFileSync(fileURLToPath(new URL(`../data/growth/${file}`, import.meta.url)), 'utf8');
  const [header, ...lines] = text.trim().split('\n');
  const keys = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [keys[i] ?? '', cell])));
}

const number = (cell: string | undefined): number => Number((cell ?? '').replace(/[, t%]/g, ''));

/** The rows of the first Markdown table after `heading` in README.md, as cells. */
function readmeTable(afterText: string): string[][] {
  const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
  const start = readme.indexOf(afterText);
  expect(start).toBeGreaterThan(-1);
  const lines = readme.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const table = [];
  for (let i = first + 2; lines[i]?.startsWith('|') === true; i += 1) table.push(lines[i] ?? '');
  return table.map((line) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );
}

/** `essaim run`'s "Growth: factories and launches" table: date -> { column header -> cell }. */
async function cliGrowthTable(
  scenario: string,
  ...flags: string[]
): Promise<Map<string, Record<string, string>>> {
  const result = await cli(
    'run',
    '--scenario',
    scenario,
    '--tracers',
    '300',
    ...flags,
    '--out',
    await tempDir(),
  );
  expect(result.code).toBe(0);
  const lines = result.stdout.split('\n');
  const at = lines.indexOf('Growth: factories and launches');
  expect(at).toBeGreaterThan(-1);
  const headers = (lines[at + 1] ?? '').trim().split(/\s{2,}/);
  const table = new Map<string, Record<string, string>>();
  for (let i = at + 3; (lines[i] ?? '').trim() !== ''; i += 1) {
    const cells = (lines[i] ?? '').trim().split(/\s{2,}/);
    table.set(cells[0] ?? '', Object.fromEntries(cells.map((cell, k) => [headers[k] ?? '', cell])));
  }
  return table;
}

describe('nasa-1980-lunar-factory against NASA CP-2255 ch. 5', () => {
  const paper = dataRows('nasa-1980-cp2255.csv');
  const loaded = loadGrowthScenario('nasa-1980-lunar-factory');
  const landingTdbS = isoToTdbS('2030-01-01');

  it('has the 17 rows of the growth table (n = 0..16)', () => {
    expect(paper.map((row) => Number(row['years_after_landing']))).toEqual([...Array(17).keys()]);
  });

  it('normal case: the working factory mass and count at each completed generation n T', () => {
    const { history } = runScenario(loaded);
    for (const row of paper) {
      const state = growthStateAt(history, landingTdbS + Number(row['years_after_landing']) * YEAR_S);
      expect(Math.abs(state.factoryMassKg / (1000 * Number(row['normal_mass_t'])) - 1)).toBeLessThan(
        EXACT_REL,
      );
      expect(Math.abs((state.factoryCount ?? Number.NaN) / Number(row['normal_factories']) - 1)).toBeLessThan(
        EXACT_REL,
      );
    }
  });

  it('fast case (each finished subunit works at once): the e^n column to its printed tonne', () => {
    const site = loaded.growth.sites[0];
    if (site === undefined) throw new Error('scenario has no site');
    const fast = {
      scenario: loaded.scenario,
      growth: {
        ...loaded.growth,
        sites: [{ ...site, factory: { ...site.factory, growthMode: 'continuous' as const } }],
      },
    };
    const { history } = runScenario(fast);
    for (const row of paper) {
      const state = growthStateAt(history, landingTdbS + Number(row['years_after_landing']) * YEAR_S);
      expect(Math.abs(state.factoryMassKg / 1000 - Number(row['fast_mass_t']))).toBeLessThanOrEqual(
        FAST_ABS_T,
      );
    }
  });

  it("essaim run prints the README's table row by row, and the README's paper column is the study's", async () => {
    const printed = await cliGrowthTable('nasa-1980-lunar-factory');
    const readme = readmeTable('`essaim run --scenario nasa-1980-lunar-factory` (NASA CP-2255');
    expect(readme).toHaveLength(paper.length);
    readme.forEach(([n, instant, paperT, oursT, difference], k) => {
      expect(Number(n)).toBe(k);
      const row = printed.get((instant ?? '').slice(0, 10));
      expect(row, `essaim run has no row for ${instant}`).toBeDefined();
      expect(row?.['factories t']).toBe(oursT);
      expect(number(paperT)).toBe(Number(paper[k]?.['normal_mass_t']));
      expect(Math.abs(number(oursT) - number(paperT))).toBeLessThanOrEqual(
        number(difference) + PRINTED_REL * number(paperT),
      );
      // The instant is landing + n x 365.25 d, as the README says.
      expect(isoToTdbS(`${instant ?? ''}:00Z`) - landingTdbS).toBeCloseTo(k * YEAR_S, 3);
    });
  });
  it('--step 1y overrides the scenario step: 1 January falls 6 h before generation 1 is commissioned', async () => {
    // 2031-01-01 is 365 d after landing, T = 365.25 d: the first daughter is not yet working.
    const printed = await cliGrowthTable('nasa-1980-lunar-factory', '--step', '1y', '--to', '2032-01-01');
    expect(number(printed.get('2031-01-01')?.['factories t'])).toBe(number(paper[0]?.['normal_mass_t']));
  });
});

describe('metzger-2013 and metzger-2013-fast against Metzger et al. 2013', () => {
  const paper = dataRows('metzger-2013.csv');
  const byCase = (name: string): Record<string, string> => paper.find((row) => row['case'] === name) ?? {};
  const endTdbS = isoToTdbS('2050-01-01');
  const ends = Object.fromEntries(
    ['metzger-2013', 'metzger-2013-fast'].map((name) => [
      name,
      growthStateAt(runScenario(loadGrowthScenario(name)).history, endTdbS),
    ]),
  );

  it('has the two cases of the abstract', () => {
    expect(paper.map((row) => row['case'])).toEqual(['nominal', 'fast']);
  });

  it('lands the published masses (12 t, 41 t): an input of ours, checked as bookkeeping', () => {
    expect((ends['metzger-2013']?.earthImportsKg ?? 0) / 1000).toBeCloseTo(
      number(byCase('nominal')['landed_t']),
      6,
    );
    expect((ends['metzger-2013-fast']?.earthImportsKg ?? 0) / 1000).toBeCloseTo(
      number(byCase('fast')['landed_t']),
      6,
    );
  });

  it('grows at the import-limited rate cap / (1 - closure) of each generation (closed form, 112.5 t)', () => {
    // Vitamins at 0.45 t/yr buy 1 / (1 - c) t of industry each while the replication time does not bind:
    // 3 t + 0.45 t/yr x 5 yr x (1/0.5 + 1/0.3 + 1/0.1 + 1/0.03) = 112.5 t. (Julian vs calendar 5-year
    // generations: the imports are integrated per second, so each generation lasts its calendar length.)
    const generationYears = ['2030', '2035', '2040', '2045', '2050'].map((y) => isoToTdbS(`${y}-01-01`));
    const closures = [0.5, 0.7, 0.9, 0.97];
    const expectedKg =
      3000 +
      closures.reduce(
        (sum, c, i) =>
          sum + (450 * ((generationYears[i + 1] ?? 0) - (generationYears[i] ?? 0))) / YEAR_S / (1 - c),
        0,
      );
    expect(Math.abs((ends['metzger-2013']?.factoryMassKg ?? 0) / expectedKg - 1)).toBeLessThan(EXACT_REL);
    // The model is linear in mass here, so 41 t landed on the same spiral gives exactly 41/12 of it.
    const ratio =
      (ends['metzger-2013-fast']?.factoryMassKg ?? 0) / (ends['metzger-2013']?.factoryMassKg ?? 1);
    expect(ratio).toBeCloseTo(41 / 12, 9);
  });

  it('is self-sustaining after bootstrapping: no imports once closure is 1, growth e^(t / T) with T = 1 year', () => {
    const loaded = loadGrowthScenario('metzger-2013');
    const extended = {
      scenario: { ...loaded.scenario, toTdbS: isoToTdbS('2055-01-01') },
      growth: loaded.growth,
    };
    const { history } = runScenario(extended);
    const at2050 = growthStateAt(history, endTdbS);
    const at2055 = growthStateAt(history, isoToTdbS('2055-01-01'));
    expect(at2055.earthImportsKg).toBeCloseTo(at2050.earthImportsKg, NO_IMPORT_DIGITS);
    const years = (isoToTdbS('2055-01-01') - endTdbS) / YEAR_S;
    expect(Math.abs(at2055.factoryMassKg / at2050.factoryMassKg / Math.exp(years) - 1)).toBeLessThan(
      EXACT_REL,
    );
  });

  it('differs from the published assets by the documented -27.9 % (nominal) and -99.0 % (fast)', () => {
    const nominal =
      (100 * (ends['metzger-2013']?.factoryMassKg ?? 0)) /
        1000 /
        number(byCase('nominal')['industrial_assets_t']) -
      100;
    const fast =
      (100 * (ends['metzger-2013-fast']?.factoryMassKg ?? 0)) /
        1000 /
        number(byCase('fast')['industrial_assets_t']) -
      100;
    expect(Math.abs(nominal - -27.9)).toBeLessThan(PERCENT_ABS);
    expect(Math.abs(fast - -99.0)).toBeLessThan(PERCENT_ABS);
  });

  it("essaim run prints the README's 2050 row of each case, and the README's paper columns are the abstract's", async () => {
    const readme = readmeTable('`essaim run --scenario metzger-2013` and `--scenario metzger-2013-fast`');
    expect(readme).toHaveLength(2);
    for (const [name, landedPaper, landedOurs, assetsPaper, assetsOurs, difference] of readme) {
      const scenario = (name ?? '').replace(/`/g, '');
      const data = byCase(scenario === 'metzger-2013' ? 'nominal' : 'fast');
      expect(number(landedPaper)).toBe(number(data['landed_t']));
      expect(number(assetsPaper)).toBe(number(data['industrial_assets_t']));
      const row = (await cliGrowthTable(scenario)).get('2050-01-01');
      expect(row?.['imports t']).toBe((landedOurs ?? '').replace(/ t$/, ''));
      expect(row?.['factories t']).toBe((assetsOurs ?? '').replace(/ t$/, ''));
      const [tonnes, percent] = (difference ?? '').split('(');
      expect(Math.abs(number(assetsOurs) - number(assetsPaper) - number(tonnes))).toBeLessThanOrEqual(
        PRINTED_REL * number(assetsPaper),
      );
      expect(
        Math.abs(100 * (number(assetsOurs) / number(assetsPaper) - 1) - number(percent?.replace(')', ''))),
      ).toBeLessThan(PERCENT_ABS);
    }
  });
});
