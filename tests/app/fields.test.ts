// The app's panels and charts are the catalogue's figures (sim/report/figures.ts), under the keys the worker
// streams: src/app/state/fields.ts only presents them.
import { describe, expect, it } from 'vitest';
import { createWorld, isoToTdbS, loadScenario } from '../../sim/index.ts';
import { FIGURE_GROUPS, FIGURES, figureValues } from '../../sim/report/figures.ts';
import { CHARTED_FIGURES, formatOf, panelRows } from '../../src/app/state/fields.ts';

describe('the app’s figures', () => {
  it('has one panel row per catalogue figure, in the catalogue’s groups and order, a per-site one per site', () => {
    const sites = ['moon-south-pole', 'nea-c-type'];
    const rows = FIGURE_GROUPS.flatMap(({ group }) => panelRows(group, sites));
    const expected = FIGURE_GROUPS.flatMap(({ group }) =>
      FIGURES.filter((figure) => figure.group === group).flatMap((figure) =>
        figure.kind === 'byName' ? sites.map((site) => `${figure.key}.${site}`) : [figure.key],
      ),
    );
    expect(rows.map((row) => row.key)).toEqual(expected);
    expect(new Set(rows.map((row) => row.figure.key))).toEqual(new Set(FIGURES.map((figure) => figure.key)));
    expect(CHARTED_FIGURES.map((figure) => figure.key)).toEqual(
      FIGURES.filter((figure) => figure.chart).map((figure) => figure.key),
    );
  });

  it('has a row for every figure the worker streams for the baseline', () => {
    const scenario = loadScenario('baseline');
    const snapshot = createWorld(scenario, { tracers: 300 }).snapshot(isoToTdbS('2049-01-01'));
    const sites = scenario.growth?.sites.map((site) => site.name) ?? [];
    const rowKeys = new Set(
      FIGURE_GROUPS.flatMap(({ group }) => panelRows(group, sites)).map((row) => row.key),
    );
    const { values, texts } = figureValues(snapshot);
    const streamed = [...Object.keys(values), ...Object.keys(texts)];
    expect(streamed.length).toBeGreaterThan(30);
    for (const key of streamed) expect(rowKeys.has(key), key).toBe(true);
  });

  it('formats every unit, the efficiency chain in percent', () => {
    for (const figure of FIGURES) {
      const text = formatOf(figure)(figure.unit === 'text' ? ('imports' as unknown as number) : 1234.5);
      expect(text, figure.key).toMatch(/\S/);
      expect(text, figure.key).not.toMatch(/NaN|undefined/);
    }
    const capture = FIGURES.find((figure) => figure.key === 'captureEfficiency');
    expect(capture && formatOf(capture)(0.196)).toBe('19.6 %');
    const captured = FIGURES.find((figure) => figure.key === 'capturedPowerW');
    expect(captured && formatOf(captured)(1.566e10)).toBe('15.7 GW');
  });
});
