/**
 * The table `essaim run` prints: every figure of the catalogue (sim/report/figures.ts), one section per group,
 * one row per year (the first output of each calendar year, and the last). This module only presents: the
 * figures, their order, groups and headings come from the catalogue.
 */
import {
  FIGURE_GROUPS,
  FIGURES,
  readFigure,
  type Figure,
  type FigureKey,
  type FigureUnit,
} from '../../sim/report/figures.ts';
import type { SimulationResult } from '../../sim/simulate.ts';
import { tdbSToIso } from '../../sim/time.ts';
import { formatNumber, formatTable } from './format.ts';

/** Most figure columns in one printed table; a wider group continues in a second table. */
const MAX_TABLE_COLUMNS = 9;

interface CellFormat {
  /** Appended to the figure's short heading ('GW' for watts). */
  readonly suffix: string;
  readonly format: (value: number) => string;
}

const sci = (value: number): string => (value === 0 ? '0' : value.toExponential(3));

/** How each unit is printed: SI values in the sizes people read (GW, t, km2). */
const BY_UNIT: Readonly<Record<Exclude<FigureUnit, 'text'>, CellFormat>> = {
  W: { suffix: 'GW', format: (w) => formatNumber(w / 1e9) },
  J: { suffix: 'J', format: (j) => formatNumber(j) },
  kg: { suffix: 't', format: (kg) => formatNumber(kg / 1e3) },
  'm²': { suffix: 'km2', format: (m2) => formatNumber(m2 / 1e6) },
  'op/s': { suffix: '', format: sci },
  USD: { suffix: '$M', format: (usd) => formatNumber(usd / 1e6) },
  yr: { suffix: 'y', format: (years) => formatNumber(years, 3) },
  count: {
    suffix: '',
    // whole numbers as they are up to 1e9 (tracers, satellites), weighted sums to 6 digits
    format: (n) =>
      Math.abs(n) >= 1e9 ? sci(n) : Number.isInteger(n) ? n.toLocaleString('en-US') : formatNumber(n, 6),
  },
  '1': { suffix: '', format: (x) => formatNumber(x, 3) },
};

/** Figures printed otherwise than their unit's rule. */
const BY_KEY: Readonly<Partial<Record<FigureKey, CellFormat>>> = {
  // an eclipse season's loss reads best in the grid's unit
  eclipseEnergyLossJ: { suffix: 'GWh', format: (j) => formatNumber(j / 3.6e12) },
};

function cellFormat(figure: Figure): CellFormat | null {
  if (figure.unit === 'text') return null;
  return BY_KEY[figure.key as FigureKey] ?? BY_UNIT[figure.unit];
}

/** The rows printed: the first row of each calendar year, and the last. */
function yearlyRowIndices(run: SimulationResult): number[] {
  const dates = run.snapshots.map((snapshot) => tdbSToIso(snapshot.tdbS));
  return dates.flatMap((date, k) =>
    k === dates.length - 1 || k === 0 || dates[k - 1]?.slice(0, 4) !== date.slice(0, 4) ? [k] : [],
  );
}

interface Column {
  readonly header: string;
  readonly cells: readonly string[];
  /** Whether any printed row has a value. */
  readonly hasValue: boolean;
}

/** A figure's columns over the printed rows: one, or one per name for a per-site figure. */
function columnsOf(figure: Figure, run: SimulationResult, rows: readonly number[]): Column[] {
  const values = rows.map((row) => readFigure(figure, run, row));
  const format = cellFormat(figure);
  const heading = (name: string | null): string =>
    [figure.short, name, format?.suffix ?? ''].filter((part) => part !== null && part !== '').join(' ');
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return '-';
    if (typeof value === 'number') return format === null ? String(value) : format.format(value);
    return String(value);
  };
  if (figure.kind !== 'byName') {
    return [{ header: heading(null), cells: values.map(cell), hasValue: values.some((v) => v !== null) }];
  }
  const names = [...new Set(values.flatMap((value) => (value === null ? [] : Object.keys(value as object))))];
  return names.map((name) => {
    const cells = values.map((value) => cell((value as Record<string, number> | null)?.[name] ?? null));
    return { header: heading(name), cells, hasValue: true };
  });
}

/**
 * The printed tables: for each group of the catalogue, its figures (all of them, null as '-'), in tables of at
 * most MAX_TABLE_COLUMNS columns; a group whose figures are all null (the scenario lacks the section) is one line.
 */
export function yearlyTable(run: SimulationResult): string {
  const rows = yearlyRowIndices(run);
  const dates = rows.map((row) => tdbSToIso(run.snapshots[row]?.tdbS ?? Number.NaN).slice(0, 10));
  const tables: string[] = [];
  for (const { group, title } of FIGURE_GROUPS) {
    const columns = FIGURES.filter((figure) => figure.group === group).flatMap((figure) =>
      columnsOf(figure, run, rows),
    );
    if (!columns.some((column) => column.hasValue)) {
      tables.push(`${title}: not modelled by this scenario\n`);
      continue;
    }
    // a wide group in tables of even width
    const width = Math.ceil(columns.length / Math.ceil(columns.length / MAX_TABLE_COLUMNS));
    for (let start = 0; start < columns.length; start += width) {
      const part = columns.slice(start, start + width);
      tables.push(
        `${title}${start === 0 ? '' : ' (continued)'}\n` +
          formatTable(
            ['date', ...part.map((column) => column.header)],
            dates.map((date, k) => [date, ...part.map((column) => column.cells[k] ?? '-')]),
          ),
      );
    }
  }
  return tables.join('\n');
}
