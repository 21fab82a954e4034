// The catalogue of figures (sim/report/figures.ts) against the core's snapshots and the files' v1 contract:
// every field of a real Snapshot is read by a figure or left out with a reason; summary.json's row keys, the
// CSV's header and the catalogue agree in order; each file figure reads what the hand-written v1 row read.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { isoToTdbS, loadScenario, simulate, type Snapshot } from '../../sim/index.ts';
import {
  FIGURE_GROUPS,
  FIGURES,
  figureValues,
  INSTANT_FIGURES,
  SNAPSHOT_LEFT_OUT,
} from '../../sim/report/figures.ts';
import {
  SUMMARY_COLUMNS,
  SUMMARY_FIGURES,
  summaryToCsv,
  toSummary,
  type SummaryRow,
} from '../../sim/report/summary.ts';
import type { SimulationResult } from '../../sim/simulate.ts';

const SCENARIOS = ['baseline', 'armstrong-sandberg-2013', 'metzger-2013', 'nasa-1980-lunar-factory'] as const;
const TRACERS = 300;

/** summary.json's row as version 1 of the files wrote it, field by field (the contract the catalogue keeps). */
interface SummaryRowV1 {
  date: string;
  collectorCount: number;
  tracerCount: number;
  collectorAreaM2: number;
  massInOrbitKg: number;
  capturedPowerW: number;
  solarLuminosityFraction: number;
  interceptedSunlightW: number;
  collectorsSunwardOfEarth: number;
  earthDimmingFraction: number;
  factoryMassKg: number | null;
  factoryMassKgBySite: Record<string, number> | null;
  factoryCount: number | null;
  earthImportsKg: number | null;
  earthImportsUsd: number | null;
  massLaunchedKg: number | null;
  collectorsOnStation: number | null;
  energyInvestedJ: number | null;
  energyPaybackYears: number | null;
  bindingLimit: string | null;
  deliveredPowerComputeW: number | null;
  deliveredPowerGridW: number | null;
  endToEndEfficiency: number | null;
  computeTokensPerS: number | null;
  computeFlopPerS: number | null;
  computeNodeCount: number;
  energyPerTaskJ: number | null;
  radiatorAreaM2: number | null;
  powerSatelliteCount: number | null;
  rectennaCount: number | null;
  eclipseEnergyLossJ: number | null;
}

/** The v1 row, written out by hand from the Snapshot (as sim/report/summary.ts did before the catalogue). */
function v1Row(s: Snapshot, eclipseEnergyLossJ: number | null, date: string): SummaryRowV1 {
  const g = s.growth;
  const e = s.energy;
  return {
    date,
    collectorCount: s.collectorCount,
    tracerCount: s.tracerCount,
    collectorAreaM2: s.collectorAreaM2,
    massInOrbitKg: s.massInOrbitKg,
    capturedPowerW: s.capturedPowerW,
    solarLuminosityFraction: s.solarLuminosityFraction,
    interceptedSunlightW: s.interceptedSunlightW,
    collectorsSunwardOfEarth: s.collectorsSunwardOfEarth,
    earthDimmingFraction: s.earthDimmingFraction,
    factoryMassKg: g?.factoryMassKg ?? null,
    factoryMassKgBySite: g === undefined ? null : { ...g.factoryMassKgBySite },
    factoryCount: g?.factoryCount ?? null,
    earthImportsKg: g?.earthImportsKg ?? null,
    earthImportsUsd: g?.earthImportsUsd ?? null,
    massLaunchedKg: g?.massLaunchedKg ?? null,
    collectorsOnStation: g?.collectorsOnStation ?? null,
    energyInvestedJ: g?.energyInvestedJ ?? null,
    energyPaybackYears:
      g === undefined || !Number.isFinite(g.energyPaybackYears) ? null : g.energyPaybackYears,
    bindingLimit: g?.bindingLimit ?? null,
    deliveredPowerComputeW: e?.deliveredPowerComputeW ?? null,
    deliveredPowerGridW: e?.deliveredPowerGridW ?? s.earth?.deliveredPowerGridW ?? null,
    endToEndEfficiency: e?.endToEndEfficiency ?? null,
    computeTokensPerS: e?.computeTokensPerS ?? null,
    computeFlopPerS: e?.computeFlopPerS ?? null,
    computeNodeCount: s.computeNodeCount,
    energyPerTaskJ: e?.energyPerTaskJ ?? null,
    radiatorAreaM2: e?.radiatorAreaM2 ?? null,
    powerSatelliteCount: s.earth?.powerSatelliteCount ?? null,
    rectennaCount: s.earth?.rectennaCount ?? null,
    eclipseEnergyLossJ,
  };
}

const runs = new Map<string, SimulationResult>();
/** A short run per scenario over the years where its swarm, factories and links are all working. */
function runOf(name: (typeof SCENARIOS)[number]): SimulationResult {
  let run = runs.get(name);
  if (run === undefined) {
    run = simulate(loadScenario(name), {
      tracers: TRACERS,
      fromTdbS: isoToTdbS('2039-07-01'),
      toTdbS: isoToTdbS('2049-07-01'),
      step: { kind: 'calendar', months: 24 },
      // a coarse eclipse integral: the figure reads the run's value whatever its resolution
      eclipseResolutionS: 3600,
    });
    runs.set(name, run);
  }
  return run;
}

/** Every leaf of a snapshot by its dotted path: numbers, text, flags, arrays, name-keyed records. */
function leaves(value: object, prefix = '', out: string[] = []): string[] {
  for (const [key, item] of Object.entries(value)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (item === undefined) continue; // an absent section: nothing to read
    if (item !== null && typeof item === 'object' && !Array.isArray(item) && !ArrayBuffer.isView(item)) {
      leaves(item as object, path, out);
    } else {
      out.push(path);
    }
  }
  return out;
}

describe('the catalogue of figures', () => {
  it('keeps the v1 row of summary.json: every v1 key, each value type within v1’s (later versions only add)', () => {
    expectTypeOf<keyof SummaryRowV1>().toExtend<keyof SummaryRow>();
    expectTypeOf<Pick<SummaryRow, keyof SummaryRowV1>>().toExtend<SummaryRowV1>();
    // and in v1's order: the added fields fall between v1's, never reorder them
    const v1Keys = Object.keys(v1Row(runOf('baseline').snapshots[0] as Snapshot, null, ''));
    expect(SUMMARY_COLUMNS.filter((key) => v1Keys.includes(key))).toEqual(v1Keys);
  });

  it('reads every field of the core’s snapshots, or leaves it out with a reason', () => {
    const read = new Set<string>(INSTANT_FIGURES.flatMap((figure) => figure.reads));
    const leftOut = new Set(Object.keys(SNAPSHOT_LEFT_OUT));
    for (const path of read) expect(leftOut.has(path), `${path} is read and left out`).toBe(false);
    const seen = new Set<string>();
    const uncovered = new Set<string>();
    let checked = 0;
    for (const name of SCENARIOS) {
      for (const snapshot of runOf(name).snapshots) {
        for (const path of leaves(snapshot)) {
          const parts = path.split('.');
          const covered = parts.some((_, k) => {
            const head = parts.slice(0, k + 1).join('.');
            if (read.has(head) || leftOut.has(head)) {
              seen.add(head);
              return true;
            }
            return false;
          });
          if (!covered) uncovered.add(`${path} (${name})`);
          checked += 1;
        }
      }
    }
    expect([...uncovered], 'snapshot fields neither read by a figure nor left out').toEqual([]);
    // guard: the four scenarios have every section (growth, energy, earth), so hundreds of fields were seen
    expect(checked).toBeGreaterThan(500);
    // and nothing in either list is stale: every read field and every left-out one occurs in a real snapshot
    for (const path of [...read, ...leftOut]) expect(seen.has(path), `${path} never occurs`).toBe(true);
    for (const reason of Object.values(SNAPSHOT_LEFT_OUT)) expect(reason?.length).toBeGreaterThan(10);
  });

  it('orders summary.json rows, timeseries.csv columns and the catalogue alike', () => {
    for (const name of SCENARIOS) {
      const summary = toSummary(runOf(name));
      const expected = ['date', ...SUMMARY_FIGURES.map((figure) => figure.key)];
      expect(SUMMARY_COLUMNS).toEqual(expected);
      for (const row of summary.rows) expect(Object.keys(row)).toEqual(expected);
      // the CSV header: the same order, a per-site figure as one column per site
      const header = summaryToCsv(summary).split('\n')[0]?.split(',') ?? [];
      const expanded = expected.flatMap((key) => {
        const sites = summary.rows.flatMap((row) => {
          const value = (row as Record<string, unknown>)[key];
          return value !== null && typeof value === 'object' ? Object.keys(value) : [];
        });
        return sites.length === 0 ? [key] : [...new Set(sites)].map((site) => `${key}.${site}`);
      });
      expect(header).toEqual(expanded);
    }
  });

  it('reads each v1 figure as the hand-written v1 row did, in all four scenarios', () => {
    for (const name of SCENARIOS) {
      const run = runOf(name);
      const summary = toSummary(run);
      run.snapshots.forEach((snapshot, k) => {
        const row = summary.rows[k] as SummaryRow;
        const expected = v1Row(snapshot, run.eclipseEnergyLossJ[k] ?? null, row.date);
        const v1Part = Object.fromEntries(
          Object.keys(expected).map((key) => [key, row[key as keyof SummaryRow]]),
        );
        expect(v1Part).toStrictEqual(expected);
      });
    }
  });

  it('reads the fields version 2 added as a hand-written reading of the snapshot, in all four scenarios', () => {
    const ratio = (a: number | undefined, b: number | undefined) =>
      a === undefined || b === undefined || b === 0 ? null : a / b;
    for (const name of SCENARIOS) {
      const run = runOf(name);
      const summary = toSummary(run);
      run.snapshots.forEach((s, k) => {
        const row = summary.rows[k] as SummaryRow;
        const e = s.energy;
        const grid = e?.deliveredPowerGridW ?? s.earth?.deliveredPowerGridW;
        expect({
          transmittedPowerW: row.transmittedPowerW,
          deliveredPowerW: row.deliveredPowerW,
          collectorsLaunched: row.collectorsLaunched,
          collectorsInTransit: row.collectorsInTransit,
          lineOfSightCurtailedW: row.lineOfSightCurtailedW,
          captureEfficiency: row.captureEfficiency,
          transmitEfficiency: row.transmitEfficiency,
          linkEfficiency: row.linkEfficiency,
          satellitesInEclipse: row.satellitesInEclipse,
          geoDeliveredPowerGridW: row.geoDeliveredPowerGridW,
        }).toStrictEqual({
          transmittedPowerW: e?.radiatedPowerW ?? null,
          deliveredPowerW:
            e === undefined && grid === undefined ? null : (e?.deliveredPowerComputeW ?? 0) + (grid ?? 0),
          collectorsLaunched: s.growth?.collectorsLaunched ?? null,
          collectorsInTransit: s.growth?.collectorsInTransit ?? null,
          lineOfSightCurtailedW: e?.losses.lineOfSightW ?? null,
          captureEfficiency: ratio(s.capturedPowerW, s.interceptedSunlightW),
          transmitEfficiency: ratio(e?.radiatedPowerW, s.capturedPowerW),
          linkEfficiency: ratio(
            e === undefined ? undefined : e.deliveredPowerComputeW + e.swarmDeliveredPowerGridW,
            e?.radiatedPowerW,
          ),
          satellitesInEclipse: s.earth?.satellitesInEclipse ?? null,
          geoDeliveredPowerGridW: s.earth?.deliveredPowerGridW ?? null,
        });
      });
    }
  });

  it('reads null where a section is absent and where a ratio is 0/0', () => {
    // armstrong-sandberg-2013 has a growth model and no energy or earth section
    const armstrong = runOf('armstrong-sandberg-2013').snapshots.at(-1) as Snapshot;
    expect(armstrong.energy).toBeUndefined();
    const { values } = figureValues(armstrong);
    for (const figure of INSTANT_FIGURES) {
      if (figure.group === 'compute' && figure.key !== 'computeNodeCount') {
        expect(figure.read(armstrong), figure.key).toBeNull();
      }
      if (figure.group === 'earth') expect(figure.read(armstrong), figure.key).toBeNull();
    }
    expect(values['factoryMassKg']).toBe(armstrong.growth?.factoryMassKg);
    expect('deliveredPowerComputeW' in values).toBe(false);
    // the baseline's first row (2039): no collector yet, so no capture efficiency (0 W / 0 W), and no payback
    const first = runOf('baseline').snapshots[0] as Snapshot;
    expect(first.interceptedSunlightW).toBe(0);
    const capture = INSTANT_FIGURES.find((figure) => figure.key === 'captureEfficiency');
    expect(capture?.read(first)).toBeNull();
    expect(first.growth?.energyPaybackYears).toBe(Infinity);
    expect(figureValues(first).values['energyPaybackYears']).toBeUndefined();
  });

  it('sends the stream every instant figure, per-site ones under their CSV column names', () => {
    const run = runOf('baseline');
    const snapshot = run.snapshots.at(-1) as Snapshot;
    const { values, texts } = figureValues(snapshot);
    const row = toSummary(run).rows.at(-1) as SummaryRow;
    for (const key of SUMMARY_COLUMNS) {
      const value = row[key];
      if (key === 'date' || key === 'eclipseEnergyLossJ') continue;
      if (typeof value === 'string') expect(texts[key]).toBe(value);
      else if (value !== null && typeof value === 'object') {
        for (const [site, kg] of Object.entries(value)) expect(values[`${key}.${site}`]).toBe(kg);
      } else expect(values[key] ?? null).toBe(value); // the stream leaves out what is null (not a figure here)
    }
    // the baseline counts generated tokens: tokens/s is sent, FLOP/s is not a figure of it
    expect(values['computeTokensPerS']).toBeGreaterThan(0);
    expect('computeFlopPerS' in values).toBe(false);
    // the run's figure is not an instant's
    expect('eclipseEnergyLossJ' in values).toBe(false);
    // the baseline's ledger: delivered = to compute + to grid; link efficiency from the ledger's own terms
    const e = snapshot.energy;
    expect(e).toBeDefined();
    if (e === undefined) return;
    expect(values['deliveredPowerW']).toBe(e.deliveredPowerComputeW + e.deliveredPowerGridW);
    expect(values['linkEfficiency']).toBe(
      (e.deliveredPowerComputeW + e.swarmDeliveredPowerGridW) / e.radiatedPowerW,
    );
    expect(values['transmittedPowerW']).toBe(e.radiatedPowerW);
  });

  it('gives every figure a group, a unit, a label, a short heading and help; keys are unique', () => {
    const groups = new Set(FIGURE_GROUPS.map((g) => g.group));
    const keys = FIGURES.map((figure) => figure.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const figure of FIGURES) {
      expect(groups.has(figure.group)).toBe(true);
      expect(figure.label.length).toBeGreaterThan(0);
      expect(figure.short.length).toBeGreaterThan(0);
      expect(figure.help.length).toBeGreaterThan(10);
      // the key names its unit where the unit is physical (SI units in names, STYLE.md)
      const suffix = {
        W: 'W',
        J: 'J',
        kg: 'Kg',
        'm²': 'M2',
        'token/s': 'TokensPerS',
        'FLOP/s': 'FlopPerS',
        USD: 'Usd',
        yr: 'Years',
      }[figure.unit as string];
      if (suffix !== undefined)
        expect(figure.key.replace(/BySite$/, ''), figure.key).toMatch(new RegExp(`${suffix}$`));
    }
  });
});
