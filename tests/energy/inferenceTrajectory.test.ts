/**
 * The `mlperf-llama2-70b` computing-efficiency trajectory (sim/energy/trajectories.ts) against its published
 * anchors, read here on their own from tests/data/inference/mlperf-llama2-70b-offline.csv (provenance in the
 * README beside it): the trajectory passes through each anchor; the projection is the rule the README states,
 * recomputed here with an independent least-squares fit; the baseline's energy per task in 2030 beats the 2024
 * MLPerf anchor; and the `green500-fp64` alternative gives the FP64 numbers it gave before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

import { cli, filesIn, tempDir } from '../cli/helpers.ts';
import { InputError } from '../../sim/errors.ts';
import {
  INFERENCE_ANCHORS,
  energyLedgerAt,
  fittedDoublingYears,
  opsPerJouleAt,
  parseEnergy,
  resolveEnergy,
  type EnergyParams,
} from '../../sim/energy/index.ts';
import { isoToTdbS as isoTdb } from '../../sim/time.ts';

/** Rows the data file holds: a guard against a truncated or extended file going unnoticed. */
const ANCHOR_ROWS = 2;
/**
 * Relative tolerance at the anchors: the throughputs are published to 6 significant figures (2e-6) and the watts
 * recorded to 0.1 W (8e-6 of 6,153 W) (README "Rounding").
 */
const ANCHOR_REL = 1e-5;
/** The projection against this file's own fit and exponential, relative: float64 log/exp over ~20 doublings. */
const PROJECTION_REL = 1e-9;
/**
 * The simulator's fit against this file's, digits (5e-10 year): the simulator fits on TDB seconds, this file on UTC
 * dates, and TDB - UTC has a periodic term of 1.7 ms (1e-10 of a year) besides its constant part.
 */
const FIT_DIGITS = 9;
/** Sustained doubling time the README states, years [Koomey-2016]. */
const KOOMEY_DOUBLING_YEARS = 2.6;
/** Landauer at 320 K for 1.4e11 one-bit operations per token, tokens/J: k = 1.380649e-23 J/K (SI 2019). */
const LANDAUER_TOKENS_PER_J = 1 / (1.4e11 * 1.380649e-23 * 320 * Math.log(2));
const MS_PER_JULIAN_YEAR = 365.25 * 86_400_000;

interface Row {
  readonly round: string;
  readonly published: string;
  readonly tokensPerS: number;
  readonly systemPowerW: number;
}

function readAnchors(): Row[] {
  const text = readFileSync(
    new URL('../data/inference/mlperf-llama2-70b-offline.csv', import.meta.url),
    'utf8',
  );
  const [header, ...lines] = text.trim().split('\n');
  const columns = (header ?? '').split(',');
  const col = (name: string): number => columns.indexOf(name);
  return lines.map((line) => {
    const cells = line.split(',');
    return {
      round: cells[col('round')] ?? '',
      published: cells[col('published')] ?? '',
      tokensPerS: Number(cells[col('tokens_per_s')]),
      systemPowerW: Number(cells[col('system_power_w')]),
    };
  });
}

/** Years between two ISO dates (UTC), Julian years. */
function yearsBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / MS_PER_JULIAN_YEAR;
}

/** Ordinary least squares of y on x: slope, by the textbook formula n Sxy - Sx Sy over n Sxx - Sx^2. */
function olsSlope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  let sx = 0;
  let sy = 0;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < n; k += 1) {
    const x = xs[k] as number;
    const y = ys[k] as number;
    sx += x;
    sy += y;
    sxy += x * y;
    sxx += x * x;
  }
  return (n * sxy - sx * sy) / (n * sxx - sx * sx);
}

const BASELINE_URL = new URL('../../assets/scenarios/baseline.json', import.meta.url);
const baselineEnergy = (): any => JSON.parse(readFileSync(BASELINE_URL, 'utf8')).energy;
const resolved = (energy: unknown): EnergyParams => resolveEnergy(parseEnergy(energy));

describe('the mlperf-llama2-70b trajectory and its anchors', () => {
  const rows = readAnchors();
  const compute = resolved(baselineEnergy()).compute;

  it(`reads ${ANCHOR_ROWS} anchors, the same as the simulator carries`, () => {
    expect(rows).toHaveLength(ANCHOR_ROWS);
    expect(rows.map((r) => [r.published, r.tokensPerS, r.systemPowerW])).toEqual(
      INFERENCE_ANCHORS.map((a) => [a.date, a.tokensPerS, a.systemPowerW]),
    );
  });

  it('the baseline uses it, in tokens: its trajectory passes through each anchor within the published rounding', () => {
    expect(compute?.trajectory).toBe('mlperf-llama2-70b');
    expect(compute?.opsMetric).toMatch(/tokens/);
    for (const row of rows) {
      const published = row.tokensPerS / row.systemPowerW;
      const at = energyLedgerAt(resolved(baselineEnergy()), isoTdb(row.published), {
        interceptedSunlightW: 0,
        capturedPowerW: 0,
      }).opsPerJoule;
      expect(Math.abs((at ?? 0) / published - 1), row.round).toBeLessThanOrEqual(ANCHOR_REL);
    }
  });

  it('beyond the last anchor: the slower of the anchors’ own fit and 2.6 years, capped at Landauer', () => {
    const first = rows[0] as Row;
    const last = rows[rows.length - 1] as Row;
    const xs = rows.map((r) => yearsBetween(first.published, r.published));
    const ys = rows.map((r) => Math.log(r.tokensPerS / r.systemPowerW));
    const fittedDoubling = Math.log(2) / olsSlope(xs, ys);
    // The README's value: 0.813 years (the anchors hold one-off steps), so 2.6 years applies.
    expect(fittedDoubling).toBeCloseTo(0.813, 3);
    expect(fittedDoublingYears(INFERENCE_ANCHORS)).toBeCloseTo(fittedDoubling, FIT_DIGITS);
    const doubling = Math.max(fittedDoubling, KOOMEY_DOUBLING_YEARS);
    const lastTokensPerJ = last.tokensPerS / last.systemPowerW;
    for (const date of ['2030-01-01', '2040-01-01', '2050-01-01', '2075-06-01', '2099-12-31', '2120-01-01']) {
      const expected = Math.min(
        LANDAUER_TOKENS_PER_J,
        lastTokensPerJ * 2 ** (yearsBetween(last.published, date) / doubling),
      );
      const got = opsPerJouleAt(compute!, isoTdb(date));
      expect(Math.abs(got / expected - 1), date).toBeLessThanOrEqual(PROJECTION_REL);
    }
  });

  it('2030: 1000 tokens cost less than on the 2024 MLPerf anchor, and 1000 / (tokens per joule) of the rule', () => {
    const p = resolved(baselineEnergy());
    const ledger = energyLedgerAt(p, isoTdb('2030-01-01'), { interceptedSunlightW: 0, capturedPowerW: 0 });
    const anchor2024 = rows[0] as Row;
    const anchorTaskJ = 1000 / (anchor2024.tokensPerS / anchor2024.systemPowerW); // 243.6 J
    expect(ledger.energyPerTaskJ).toBeLessThan(anchorTaskJ);
    const last = rows[rows.length - 1] as Row;
    const tokensPerJ =
      (last.tokensPerS / last.systemPowerW) *
      2 ** (yearsBetween(last.published, '2030-01-01') / KOOMEY_DOUBLING_YEARS);
    expect(Math.abs((ledger.energyPerTaskJ ?? 0) / (1000 / tokensPerJ) - 1)).toBeLessThanOrEqual(
      PROJECTION_REL,
    );
    // And below the FP64-derived value the baseline had for 2030: 1.4e14 FLOP / 1.92e11 FLOP/J = 729 J.
    expect(ledger.energyPerTaskJ).toBeLessThan(1.4e14 / 1.92e11);
  });
});

describe('the green500-fp64 alternative', () => {
  const fp64 = (): any => {
    const energy = baselineEnergy();
    energy.compute.trajectory = 'green500-fp64';
    energy.compute.task = { name: '1000 tokens of a 70B model in FP64 FLOP', opsPerTask: 1.4e14 };
    return energy;
  };

  it('gives the old numbers: 1.4e14 FLOP over the Green500 projection (1.92e11, 1.93e12, 1.95e13 FLOP/J)', () => {
    const p = resolved(fp64());
    expect(p.compute?.opsMetric).toMatch(/FP64/);
    const inputs = { interceptedSunlightW: 5e12, capturedPowerW: 1e12 };
    for (const [date, flopPerJ] of [
      ['2030-01-01', 1.92e11],
      ['2040-01-01', 1.93e12],
      ['2050-01-01', 1.95e13],
    ] as const) {
      const ledger = energyLedgerAt(p, isoTdb(date), inputs);
      expect(ledger.opsPerJoule).toBe(flopPerJ);
      expect(ledger.energyPerTaskJ).toBe(1.4e14 / flopPerJ);
      expect(ledger.computeFlopPerS).toBe(ledger.deliveredPowerComputeW * flopPerJ);
      expect(ledger.computeTokensPerS).toBeNull();
    }
    // Between the measured points it is the Green500 record interpolated: exact at Nov 2025.
    expect(opsPerJouleAt(p.compute!, isoTdb('2025-11-01'))).toBe(73.282e9);
  });
});

describe('a trajectory name is checked', () => {
  it('an unknown name is refused naming the field and the accepted names', () => {
    const energy = baselineEnergy();
    energy.compute.trajectory = 'green500';
    expect(() => resolved(energy)).toThrow(InputError);
    expect(() => resolved(energy)).toThrow(
      /energy\.compute\.trajectory: must be one of "mlperf-llama2-70b", "green500-fp64", got "green500"/,
    );
  });

  it('both a name and efficiency points, or neither, are refused', () => {
    const both = baselineEnergy();
    both.compute.efficiency = [{ date: '2025-11-01', opsPerJoule: 73.282e9, source: 'Green500' }];
    expect(() => resolved(both)).toThrow(/energy\.compute\.trajectory: give exactly one of trajectory/);
    const neither = baselineEnergy();
    delete neither.compute.trajectory;
    expect(() => resolved(neither)).toThrow(/energy\.compute\.trajectory: give exactly one of trajectory/);
  });

  it('essaim run with an unknown name: exit 2, nothing written', async () => {
    const dir = await tempDir();
    const scenario = JSON.parse(readFileSync(BASELINE_URL, 'utf8'));
    scenario.energy.compute.trajectory = 'tokens';
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify(scenario));
    const out = join(dir, 'out');
    const result = await cli('run', '--scenario', file, '--out', out, '--tracers', '100');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /energy\.compute\.trajectory: must be one of "mlperf-llama2-70b", "green500-fp64"/,
    );
    expect(await filesIn(out)).toEqual([]);
  });
});
