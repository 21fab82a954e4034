/**
 * The yearly tables of a run, as data: every figure of the catalogue (figures.ts), one section per group, one row
 * per year (the first output of each calendar year, and the last), each value formatted in the size people read
 * (GW, t, km2). `essaim run` prints them as text (src/cli/figureTable.ts) and `essaim report` as HTML: the same
 * figures, headings and digits. The figures, their order, groups and headings come from the catalogue.
 */
import type { SimulationResult } from '../simulate.ts';
import { tdbSToIso } from '../time.ts';
import {
  FIGURE_GROUPS,
  FIGURES,
  readFigure,
  type CatalogueFigure,
  type FigureGroup,
  type FigureKey,
  type FigureUnit,
} from './figures.ts';
import { formatNumber } from './formatNumber.ts';

/** Most figure columns in one table; a wider group continues in a second table. */
export const MAX_TABLE_COLUMNS = 9;

/** How a figure's numbers are shown: the unit they are shown in, and the text of an SI value. */
export interface CellFormat {
  /** The shown unit, appended to the heading ('GW' for watts); '' for counts, fractions and op/s. */
  readonly suffix: string;
  readonly format: (value: number) => string;
}

const sci = (value: number): string => (value === 0 ? '0' : value.toExponential(3));

/** How each unit is shown: SI values in the sizes people read (GW, t, km2). */
const BY_UNIT: Readonly<Record<Exclude<FigureUnit, 'text'>, CellFormat>> = {
  W: { suffix: 'GW', format: (w) => formatNumber(w / 1e9) },
  J: { suffix: 'J', format: (j) => formatNumber(j) },
  kg: { suffix: 't', format: (kg) => formatNumber(kg / 1e3) },
  'm²': { suffix: 'km2', format: (m2) => formatNumber(m2 / 1e6) },
  'token/s': { suffix: '', format: sci },
  'FLOP/s': { suffix: '', format: sci },
  USD: { suffix: '$M', format: (usd) => formatNumber(usd / 1e6) },
  'USD/J': { suffix: '$/kWh', format: (usdPerJ) => formatNumber(usdPerJ * 3.6e6, 3) },
  'W/m²': { suffix: 'W/m2', format: (wm2) => formatNumber(wm2, 3) },
  yr: { suffix: 'y', format: (years) => formatNumber(years, 3) },
  count: {
    suffix: '',
    // whole numbers as they are up to 1e9 (tracers, satellites), weighted sums to 6 digits
    format: (n) =>
      Math.abs(n) >= 1e9 ? sci(n) : Number.isInteger(n) ? n.toLocaleString('en-US') : formatNumber(n, 6),
  },
  '1': { suffix: '', format: (x) => formatNumber(x, 3) },
};

/** Figures shown otherwise than their unit's rule. */
const BY_KEY: Readonly<Partial<Record<FigureKey, CellFormat>>> = {
  // an eclipse season's loss reads best in the grid's unit
  eclipseEnergyLossJ: { suffix: 'GWh', format: (j) => formatNumber(j / 3.6e12) },
  // a task's energy, cost and carbon are small: Wh, dollars and grams
  energyPerSuccessfulTaskJ: { suffix: 'Wh', format: (j) => formatNumber(j / 3600, 3) },
  costPerTaskUsd: { suffix: '$', format: sci },
  co2PerTaskKg: { suffix: 'g', format: (kg) => formatNumber(kg * 1e3, 3) },
};

/** A figure's cell format; null for text figures (shown as they are). */
export function cellFormat(figure: CatalogueFigure): CellFormat | null {
  if (figure.unit === 'text') return null;
  return BY_KEY[figure.key] ?? BY_UNIT[figure.unit];
}

/** A Julian year less one second, s: outputs a Julian year apart (a `365.25d` step) round to it exactly or 1 ulp short. */
const JULIAN_YEAR_ROW_GAP_S = 365.25 * 86400 - 1;

/**
 * The rows shown: the first output of each calendar year, every output at least a Julian year after the previous
 * row shown (so a `365.25d` step, whose outputs fall twice in some calendar years and never in others, shows every
 * output), and the last.
 */
export function yearlyRowIndices(run: SimulationResult): number[] {
  const dates = run.snapshots.map((snapshot) => tdbSToIso(snapshot.tdbS));
  const rows: number[] = [];
  dates.forEach((date, k) => {
    const previousShownTdbS = run.snapshots[rows[rows.length - 1] ?? 0]?.tdbS ?? Number.NaN;
    const yearApart = (run.snapshots[k]?.tdbS ?? Number.NaN) - previousShownTdbS >= JULIAN_YEAR_ROW_GAP_S;
    const newYear = dates[k - 1]?.slice(0, 4) !== date.slice(0, 4);
    if (k === 0 || k === dates.length - 1 || newYear || yearApart) rows.push(k);
  });
  return rows;
}

/** One column: a figure, or one name of a per-name figure (a site of factoryMassKgBySite). */
export interface TableColumn {
  readonly key: FigureKey;
  /** The name within a per-name figure; null otherwise. */
  readonly name: string | null;
  /** The heading: the figure's short heading, the name, the shown unit. */
  readonly header: string;
  /** The shown unit ('' where none). */
  readonly suffix: string;
  /** One cell per shown row; '-' where the figure is null. */
  readonly cells: readonly string[];
  /** Whether any shown row has a value. */
  readonly hasValue: boolean;
}

/** One group of the catalogue over the shown rows. */
export interface TableSection {
  readonly group: FigureGroup;
  readonly title: string;
  /** The shown rows' dates, YYYY-MM-DD (UTC). */
  readonly dates: readonly string[];
  /** Every column of the group's figures (null ones included); empty columns read '-'. */
  readonly columns: readonly TableColumn[];
  /** False when every figure of the group is null: the scenario lacks the section. */
  readonly modelled: boolean;
}

/** A figure's columns over the shown rows: one, or one per name for a per-name figure. */
function columnsOf(figure: CatalogueFigure, run: SimulationResult, rows: readonly number[]): TableColumn[] {
  const values = rows.map((row) => readFigure(figure, run, row));
  const format = cellFormat(figure);
  const suffix = format?.suffix ?? '';
  const heading = (name: string | null): string =>
    [figure.short, name, suffix].filter((part) => part !== null && part !== '').join(' ');
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return '-';
    if (typeof value === 'number') return format === null ? String(value) : format.format(value);
    return String(value);
  };
  if (figure.kind !== 'byName') {
    const hasValue = values.some((v) => v !== null);
    return [
      { key: figure.key, name: null, header: heading(null), suffix, cells: values.map(cell), hasValue },
    ];
  }
  const names = [...new Set(values.flatMap((value) => (value === null ? [] : Object.keys(value as object))))];
  return names.map((name) => {
    const cells = values.map((value) => cell((value as Record<string, number> | null)?.[name] ?? null));
    return { key: figure.key, name, header: heading(name), suffix, cells, hasValue: true };
  });
}

/** The yearly tables of a run: one section per group of the catalogue, in FIGURE_GROUPS order. */
export function yearlyTableSections(run: SimulationResult): TableSection[] {
  const rows = yearlyRowIndices(run);
  const dates = rows.map((row) => tdbSToIso(run.snapshots[row]?.tdbS ?? Number.NaN).slice(0, 10));
  return FIGURE_GROUPS.map(({ group, title }) => {
    const columns = FIGURES.filter((figure) => figure.group === group).flatMap((figure) =>
      columnsOf(figure, run, rows),
    );
    return { group, title, dates, columns, modelled: columns.some((column) => column.hasValue) };
  });
}

/** A section's columns in tables of at most MAX_TABLE_COLUMNS, of even width. */
export function sectionParts(section: TableSection): TableColumn[][] {
  const { columns } = section;
  if (columns.length === 0) return [];
  const width = Math.ceil(columns.length / Math.ceil(columns.length / MAX_TABLE_COLUMNS));
  const parts: TableColumn[][] = [];
  for (let start = 0; start < columns.length; start += width) parts.push(columns.slice(start, start + width));
  return parts;
}
