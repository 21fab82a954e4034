/**
 * A step's caption from its template and the snapshot's figures: literal text, and one part per placeholder with
 * the figure's value at that instant (formatted as the panels format it; fractions in percent) and the exact
 * number, so tests can compare the caption with simulate().
 */
import { FIGURES, type Figure } from '../../../sim/report/figures.ts';
import { formatOf } from '../state/fields.ts';
import { formatDate } from '../state/format.ts';

export type CaptionPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'figure'; readonly key: string; readonly value: number | null; readonly shown: string };

const BY_KEY: ReadonlyMap<string, Figure> = new Map(FIGURES.map((figure) => [figure.key, figure]));

function shownOf(figure: Figure, value: number): string {
  if (figure.unit === '1') return `${(100 * value).toPrecision(3)} %`;
  return formatOf(figure)(value);
}

/** The caption's parts at `tdbS` from the snapshot's numeric figures (missing ones read as '—'). */
export function captionParts(
  template: string,
  values: Readonly<Record<string, number>>,
  tdbS: number,
): CaptionPart[] {
  const parts: CaptionPart[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{([A-Za-z0-9_.]+)\}/g)) {
    const index = match.index;
    if (index > last) parts.push({ kind: 'text', text: template.slice(last, index) });
    const name = match[1] as string;
    if (name === 'date') parts.push({ kind: 'text', text: formatDate(tdbS) });
    else if (name === 'year') parts.push({ kind: 'text', text: formatDate(tdbS).slice(0, 4) });
    else {
      const figure = BY_KEY.get(name);
      const value = values[name];
      parts.push({
        kind: 'figure',
        key: name,
        value: value ?? null,
        shown: figure === undefined || value === undefined ? '—' : shownOf(figure, value),
      });
    }
    last = index + match[0].length;
  }
  if (last < template.length) parts.push({ kind: 'text', text: template.slice(last) });
  return parts;
}
