/**
 * The app's presentation of the catalogue of figures (sim/report/figures.ts): how the panels and the charts
 * format each figure. There is no list of figures here: the panels show every figure of the catalogue, in its
 * groups and order, the charts those it flags `chart`, under the keys the worker streams (the catalogue's).
 */
import {
  FIGURE_GROUPS,
  FIGURES,
  type Figure,
  type FigureGroup,
  type FigureKey,
  type FigureUnit,
} from '../../../sim/report/figures.ts';
import {
  formatArea,
  formatCount,
  formatDurationYears,
  formatFraction,
  formatMass,
  formatPercent,
  formatSi,
} from './format.ts';

export { FIGURE_GROUPS, type FigureGroup };

/** One row of the panel: a figure of the catalogue, or one site of a per-site figure. */
export interface PanelRow {
  /** The key its value streams under: the figure's key, or `key.site` for a per-site figure. */
  readonly key: string;
  readonly figure: Figure;
  readonly label: string;
  readonly format: (value: number) => string;
}

/** Panel text of a number, by unit. */
const FORMAT_BY_UNIT: Readonly<Record<Exclude<FigureUnit, 'text'>, (value: number) => string>> = {
  W: (v) => formatSi(v, 'W'),
  J: (v) => formatSi(v, 'J'),
  kg: formatMass,
  'm²': formatArea,
  'token/s': (v) => formatSi(v, 'token/s'),
  'FLOP/s': (v) => formatSi(v, 'FLOP/s'),
  USD: (v) => `$${formatSi(v, '').trim()}`,
  'USD/J': (v) => `$${(v * 3.6e6).toPrecision(3)}/kWh`,
  'W/m²': (v) => `${v.toPrecision(3)} W/m²`,
  yr: formatDurationYears,
  count: formatCount,
  '1': formatFraction,
};

/** How a figure's numbers read on the panel: the efficiency chain in percent, the rest by unit. */
export function formatOf(figure: Figure): (value: number) => string {
  if (figure.unit === 'text') return String;
  return figure.group === 'efficiency' ? formatPercent : FORMAT_BY_UNIT[figure.unit];
}

/** Units the charts' titles name where the catalogue's unit would say less. */
const CHART_UNIT_BY_KEY: Readonly<Partial<Record<FigureKey, string>>> = {
  solarLuminosityFraction: 'of L☉',
};

/** The unit in a chart's title ('' for counts and fractions). */
export function chartUnitOf(figure: Figure): string {
  const named = CHART_UNIT_BY_KEY[figure.key as FigureKey];
  if (named !== undefined) return named;
  return figure.unit === 'count' || figure.unit === '1' || figure.unit === 'text' ? '' : figure.unit;
}

/** A chart's y-axis tick label. */
export function tickTextOf(figure: Figure, value: number): string {
  if (figure.unit === 'W') return formatSi(value, 'W');
  if (figure.unit === 'kg') return value >= 1e3 ? formatSi(value / 1e3, 't') : formatSi(value, 'kg');
  if (figure.unit === '1') return value.toExponential(0);
  return formatSi(value, '').trim();
}

/** The charted figures: the catalogue's `chart` ones, in catalogue order. */
export const CHARTED_FIGURES: readonly Figure[] = FIGURES.filter((figure) => figure.chart);

/** The panel's rows of one group: each figure in catalogue order, a per-site figure as one row per site. */
export function panelRows(group: FigureGroup, sites: readonly string[]): PanelRow[] {
  return FIGURES.filter((figure) => figure.group === group).flatMap((figure): PanelRow[] => {
    const format = formatOf(figure);
    if (figure.kind !== 'byName') return [{ key: figure.key, figure, label: figure.label, format }];
    return sites.map((site) => ({
      key: `${figure.key}.${site}`,
      figure,
      label: `${figure.label} ${site}`,
      format,
    }));
  });
}
