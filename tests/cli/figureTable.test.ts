// The table `essaim run` prints shows every figure of the catalogue, with the core's values.
import { describe, expect, it } from 'vitest';
import { isoToTdbS, loadScenario, simulate } from '../../sim/index.ts';
import { FIGURE_GROUPS, FIGURES } from '../../sim/report/figures.ts';
import { yearlyTable } from '../../src/cli/figureTable.ts';

/** The table prints 4 significant digits: half a unit in the 4th digit, relative. */
const FOUR_DIGITS_REL = 5e-4;

/** The table's sections: title -> header cells and rows of cells. */
function parseTables(text: string): Map<string, { header: string[]; rows: string[][] }> {
  const tables = new Map<string, { header: string[]; rows: string[][] }>();
  for (const block of text.split('\n\n')) {
    const [title, header, , ...rows] = block.trim().split('\n');
    if (title === undefined || header === undefined) continue;
    tables.set(title, {
      header: header.split(/ {2,}/),
      rows: rows.map((row) => row.split(/ {2,}/)),
    });
  }
  return tables;
}

describe('essaim run’s table', () => {
  it('has a section per group and a column for every figure, the per-site figure one per site', () => {
    const run = simulate(loadScenario('baseline'), {
      tracers: 300,
      fromTdbS: isoToTdbS('2047-01-01'),
      toTdbS: isoToTdbS('2049-07-01'),
      // coarse: the table reads the run's eclipse loss whatever its resolution
      eclipseResolutionS: 3600,
    });
    const text = yearlyTable(run);
    const tables = parseTables(text);
    for (const { title } of FIGURE_GROUPS) expect(tables.has(title), title).toBe(true);
    const headers = [...tables.values()].flatMap((table) => table.header.slice(1));
    // each column says which figure it is: no two headings alike
    expect(new Set(headers).size).toBe(headers.length);
    const sites = Object.keys(run.snapshots[0]?.growth?.factoryMassKgBySite ?? {});
    expect(sites.length).toBe(2);
    for (const figure of FIGURES) {
      const names = figure.kind === 'byName' ? sites : [null];
      for (const name of names) {
        const found = headers.some(
          (header) => header.startsWith(figure.short) && (name === null || header.includes(name)),
        );
        expect(found, `${figure.key} (${name ?? ''}) has no column`).toBe(true);
      }
    }
    // values: the captured power of the last row in GW, as the core's snapshot gives it
    const power = tables.get('Power');
    const column = power?.header.indexOf('captured GW') ?? -1;
    const last = power?.rows.at(-1);
    const capturedW = run.snapshots.at(-1)?.capturedPowerW ?? Number.NaN;
    expect(last?.[0]).toBe('2049-07-01');
    const shownGw = Number(last?.[column]?.replaceAll(',', ''));
    expect(Math.abs(shownGw - capturedW / 1e9)).toBeLessThanOrEqual(FOUR_DIGITS_REL * (capturedW / 1e9));
  });

  it('says so in one line for a group the scenario does not model', () => {
    const run = simulate(loadScenario('metzger-2013'), {
      tracers: 100,
      fromTdbS: isoToTdbS('2031-01-01'),
      toTdbS: isoToTdbS('2033-01-01'),
    });
    expect(yearlyTable(run)).toContain('Geostationary power satellites: not modelled by this scenario');
  });
});
