/**
 * The README's table of published cases ("Published cases: the paper's number, ours, the difference") against the
 * commands it names: each "ours" cell is what that command prints (the `essaim run` tables and events, in
 * process), or for NASA OTPS 2024 what tests/beam/otps2024.ts computes, to the digits the cell shows; each
 * "ours - paper" cell is ours minus the paper's cell to the same digits. The paper cells are checked against the
 * papers' data files where they exist (tests/growth checks the growth cases row by row).
 *
 * With ESSAIM_UPDATE_README=1 the test writes the "ours" and "ours - paper" cells from the runs instead (the
 * digits of each cell kept), so that a model change regenerates the table; without it, it verifies.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OTPS_2024, otpsCapacityFactors, otpsIncidentOursW } from './beam/otps2024.ts';
import { cli, tempDir } from './cli/helpers.ts';

const README_URL = new URL('../README.md', import.meta.url);
const HEADING = "### Published cases: the paper's number, ours, the difference";
const UPDATE = process.env['ESSAIM_UPDATE_README'] === '1';

/** A table cell as a number: thousands separators and units dropped. */
const numberOf = (cell: string): number => Number(cell.replace(/[,\s]/g, '').replace(/[^0-9.eE+-]/g, ''));

/** Decimals a cell shows. */
const decimalsOf = (cell: string): number => (cell.includes('.') ? (cell.split('.')[1] ?? '').length : 0);

/** A number with `decimals` decimals and thousands separators, as the table writes it. */
function format(value: number, decimals: number): string {
  const rounded = Number(value.toFixed(decimals));
  return (Object.is(rounded, -0) ? 0 : rounded).toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** `essaim run`'s output for a scenario (300 tracers: the figures read here do not depend on them). */
const runs = new Map<string, Promise<string>>();
function run(scenario: string): Promise<string> {
  let output = runs.get(scenario);
  if (output === undefined) {
    output = (async () => {
      const result = await cli('run', '--scenario', scenario, '--tracers', '300', '--out', await tempDir());
      expect(result.code).toBe(0);
      return result.stdout;
    })();
    runs.set(scenario, output);
  }
  return output;
}

/** A cell of the "Growth: factories and launches" table: the row of `date`, the column `header`. */
function growthCell(stdout: string, date: string, header: string): string {
  const lines = stdout.split('\n');
  const at = lines.indexOf('Growth: factories and launches');
  expect(at).toBeGreaterThan(-1);
  const headers = (lines[at + 1] ?? '').trim().split(/\s{2,}/);
  const column = headers.indexOf(header);
  expect(column).toBeGreaterThan(-1);
  for (let i = at + 3; (lines[i] ?? '').trim() !== ''; i += 1) {
    const cells = (lines[i] ?? '').trim().split(/\s{2,}/);
    if (cells[0] === date) return cells[column] ?? '';
  }
  throw new Error(`no growth row for ${date}`);
}

/** What each row's command gives, as printed (CLI) or as a number (OTPS), by the row's figure text. */
const factors = otpsCapacityFactors();
const OURS: Record<string, () => Promise<string | number>> = {
  'NASA 1980 (CP-2255 ch. 5)|factory mass at landing + 16 T, t': async () =>
    growthCell(await run('nasa-1980-lunar-factory'), '2046-01-01', 'factories t'),
  'Metzger et al. 2013, nominal|industrial assets at 2050-01-01, t': async () =>
    growthCell(await run('metzger-2013'), '2050-01-01', 'factories t'),
  'Metzger et al. 2013, fast|industrial assets at 2050-01-01, t': async () =>
    growthCell(await run('metzger-2013-fast'), '2050-01-01', 'factories t'),
  'Armstrong & Sandberg 2013|Mercury disassembled (feedstock-exhausted), years': async () => {
    const match = /feedstock-exhausted \(mercury\), ([0-9.]+) years after the start/.exec(
      await run('armstrong-sandberg-2013'),
    );
    expect(match).not.toBeNull();
    return match?.[1] ?? '';
  },
  'NASA OTPS 2024, RD1 (Table 4)|incident sunlight on 11.473 km2, MW': async () =>
    otpsIncidentOursW(OTPS_2024.rd1) / 1e6,
  'NASA OTPS 2024, RD2 (Table 4)|incident sunlight on 19 km2, MW': async () =>
    otpsIncidentOursW(OTPS_2024.rd2) / 1e6,
  'NASA OTPS 2024, RD1 (Table 4)|capacity factor (GEO, steered reflectors)': async () => factors.rd1,
  'NASA OTPS 2024, RD2 (Table 4)|capacity factor (GEO, bifacial Earth-facing panel)': async () => factors.rd2,
};

/** The papers' numbers where a data file or the report's table holds them (the README must quote them). */
const PAPER: Record<string, number> = {
  'NASA 1980 (CP-2255 ch. 5)|factory mass at landing + 16 T, t': 100 * 2 ** 16,
  'Metzger et al. 2013, nominal|industrial assets at 2050-01-01, t': 156,
  'Metzger et al. 2013, fast|industrial assets at 2050-01-01, t': 40_000,
  'Armstrong & Sandberg 2013|Mercury disassembled (feedstock-exhausted), years': 31,
  'NASA OTPS 2024, RD1 (Table 4)|incident sunlight on 11.473 km2, MW': OTPS_2024.rd1.incidentW / 1e6,
  'NASA OTPS 2024, RD2 (Table 4)|incident sunlight on 19 km2, MW': OTPS_2024.rd2.incidentW / 1e6,
  'NASA OTPS 2024, RD1 (Table 4)|capacity factor (GEO, steered reflectors)': OTPS_2024.rd1.capacityFactor,
  'NASA OTPS 2024, RD2 (Table 4)|capacity factor (GEO, bifacial Earth-facing panel)':
    OTPS_2024.rd2.capacityFactor,
};

interface Row {
  readonly line: number;
  readonly cells: string[];
}

function tableRows(readme: string[]): Row[] {
  const start = readme.indexOf(HEADING);
  expect(start).toBeGreaterThan(-1);
  const first = readme.findIndex((line, i) => i > start && line.startsWith('|'));
  const rows: Row[] = [];
  for (let i = first + 2; readme[i]?.startsWith('|') === true; i += 1) {
    const cells = (readme[i] ?? '')
      .replace(/\\\|/g, '\uE000')
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.replace(/\uE000/g, '\\|').trim());
    rows.push({ line: i, cells });
  }
  return rows;
}

describe("the README's table of published cases", () => {
  it(
    UPDATE ? 'rewrites ours and the difference from the runs' : 'matches what each named command gives',
    async () => {
      const readme = readFileSync(README_URL, 'utf8').split('\n');
      const rows = tableRows(readme);
      expect(rows.map((row) => `${row.cells[0]}|${row.cells[2]}`)).toEqual(Object.keys(OURS));
      for (const row of rows) {
        const [name, , figure, paperCell = '', oursCell = '', differenceCell = ''] = row.cells;
        const key = `${name}|${figure}`;
        expect(numberOf(paperCell), `${key}: paper`).toBeCloseTo(
          PAPER[key] ?? Number.NaN,
          decimalsOf(paperCell),
        );
        const value = await (OURS[key] as () => Promise<string | number>)();
        // A CLI figure is compared as printed; a computed one to the cell's digits.
        const ours = typeof value === 'string' ? numberOf(value) : value;
        const oursText = typeof value === 'string' ? value : format(value, decimalsOf(oursCell));
        const differenceText = format(ours - numberOf(paperCell), decimalsOf(differenceCell));
        if (UPDATE) {
          const cells = [...row.cells];
          cells[4] = oursText;
          cells[5] = differenceText;
          readme[row.line] = `| ${cells.join(' | ')} |`;
          continue;
        }
        expect(oursCell, `${key}: ours`).toBe(oursText);
        expect(differenceCell, `${key}: ours - paper`).toBe(differenceText);
      }
      if (UPDATE) writeFileSync(fileURLToPath(README_URL), readme.join('\n'));
    },
    120_000,
  );
});
