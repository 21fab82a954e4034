/**
 * The one conformance suite every propagation backend runs (not a test file itself): positions within the
 * backend's stated bound of cpu64 (per tracer, relative to a) on random tables, on the hard cases and across
 * re-basings, on a large table; the per-shell sums (sim/propagate/shellSums.ts) of its positions within the bound
 * those positions imply; finite output for any valid input; only the first `count` positions written; invalid
 * tables and arguments refused with an InputError before any work; a changed table seen only after forget().
 *
 * Node: tests/propagate/conformance.test.ts (cpu64, cpu on one thread, cpu on the Node pool, gpu on webasm).
 * Chromium: tests/browser/propagate.browser.test.ts (gpu on webgl2 and webgpu). Browser-safe: no Node API here.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AU_M } from '../../sim/constants.ts';
import { InputError } from '../../sim/errors.ts';
import { earthHeliocentricEclipticM } from '../../sim/geometry/earthPosition.ts';
import { type Propagator } from '../../sim/propagate/backend.ts';
import { createCheckTable } from '../../sim/propagate/checkTable.ts';
import { propagateCpu64 } from '../../sim/propagate/cpu64.ts';
import { REBASE_MAX_PHASE_RAD } from '../../sim/propagate/gpuKernels.ts';
import { shellSums, type ShellSumsOut } from '../../sim/propagate/shellSums.ts';
import type { TracerTable } from '../../sim/propagate/tracerTable.ts';
import {
  type Domain,
  hardCaseRows,
  hardTimes,
  relativeErrors,
  rowArb,
  SPAN_2030_TDB_S,
  SPAN_2050_TDB_S,
  tableOf,
  worst,
  YEAR_S,
} from './helpers.ts';

/**
 * The per-shell sums add float64 terms in the same order for every backend, so they differ from cpu64's only
 * through the positions: |Δ(w/r^2)| <= 2 (|Δr| / r) w/r^2 to first order, with |Δr| <= bound a. The factor 2.01
 * covers the second-order term (bound <= 5e-7, a/r <= 1/(1 - e) = 10 at e = 0.9, the check table's largest: 1e-5 of
 * the first-order term). SUM_ROUNDING_REL: two float64 sums of n terms in the same order differ by their roundings,
 * at most n ε of the sum; n = 65536 terms gives 7.3e-12.
 */
const SHELL_SUM_FIRST_ORDER_FACTOR = 2.01;
const SUM_ROUNDING_REL = 1e-11;
/** The largest positionBound a backend may state, relative to a: the target (the gpu backend's bound). */
const LARGEST_POSITION_BOUND = 5e-7;

export interface ConformanceOptions {
  /** The domain the backend's positionBound is stated for (helpers.ts CPU_DOMAIN or GPU_DOMAIN). */
  readonly domain: Domain;
  /** fast-check runs of the random-table property (a GPU run costs a kernel build per table size). */
  readonly numRuns: number;
  /** Tracers per random table. */
  readonly rows: number;
  /** Tracers of the large table (the threaded paths). */
  readonly largeTable: number;
  /** The output type the backend is used with (float32 for the GPU). */
  readonly output: 'float64' | 'float32';
  /** Whether it keeps a prepared form of each table (all but cpu64, which reads the table on every call). */
  readonly prepares: boolean;
}

/** Run the suite on the backend `make` creates (once; disposed at the end). */
export function describeBackendConformance(
  label: string,
  make: () => Promise<Propagator>,
  options: ConformanceOptions,
): void {
  describe(`${label}: conformance`, () => {
    let p: Propagator;
    /** Worst |p - p_cpu64| / a seen by the position checks, logged for bench/RESULTS.md. */
    let observed = 0;
    beforeAll(async () => {
      p = await make();
    });
    afterAll(() => {
      console.info(`${label}: worst relative position error ${observed} (bound ${p?.positionBound})`);
      p?.dispose();
    });
    const allocate = (values: number): Float64Array | Float32Array =>
      options.output === 'float32' ? new Float32Array(values) : new Float64Array(values);

    async function worstError(table: TracerTable, tdbS: number): Promise<number> {
      const out = allocate(3 * table.count);
      await p.positions(table, tdbS, out);
      const reference = new Float64Array(3 * table.count);
      propagateCpu64(table, tdbS, reference);
      const value = worst(relativeErrors(table, out, reference)).value;
      observed = Math.max(observed, value);
      return value;
    }

    it('reports what runs, and a bound no larger than 5e-7 of a', () => {
      expect(p.device.length).toBeGreaterThan(0);
      expect(p.threads).toBeGreaterThanOrEqual(1);
      expect(p.positionBound).toBeGreaterThanOrEqual(0);
      expect(p.positionBound).toBeLessThanOrEqual(LARGEST_POSITION_BOUND);
    });

    it('stays within its positionBound of cpu64 on random tables, t in 2030-2050', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(rowArb(options.domain), { minLength: options.rows, maxLength: options.rows }),
          fc.double({ min: SPAN_2030_TDB_S, max: SPAN_2050_TDB_S, noNaN: true }),
          async (rows, tdbS) => {
            const table = tableOf(rows);
            expect(await worstError(table, tdbS)).toBeLessThanOrEqual(p.positionBound);
            p.forget(table);
          },
        ),
        { numRuns: options.numRuns },
      );
    });

    it('stays within the bound on the hard cases, far from the epochs and across re-basings', async () => {
      const table = tableOf(hardCaseRows(options.domain));
      let largest = 0;
      for (const tdbS of hardTimes()) largest = Math.max(largest, await worstError(table, tdbS));
      // walk forward in steps that cross the gpu backend's re-basing threshold, then jump back
      const step = (0.7 * REBASE_MAX_PHASE_RAD) / Math.max(...table.meanMotionRadS);
      for (let k = 0, t = SPAN_2030_TDB_S; k < 6; k += 1, t += step) {
        largest = Math.max(largest, await worstError(table, t));
      }
      largest = Math.max(largest, await worstError(table, SPAN_2030_TDB_S - 0.99 * step));
      expect(largest).toBeLessThanOrEqual(p.positionBound);
    });

    it('stays within the bound on a large table, and its shell sums within the bound the positions imply', async () => {
      const table = createCheckTable(options.largeTable, 12);
      const shells = 8; // createCheckTable's kinds
      for (const tdbS of [SPAN_2030_TDB_S + 1234, SPAN_2050_TDB_S - 1]) {
        const out = allocate(3 * table.count);
        await p.positions(table, tdbS, out);
        const reference = new Float64Array(3 * table.count);
        propagateCpu64(table, tdbS, reference);
        expect(worst(relativeErrors(table, out, reference)).value).toBeLessThanOrEqual(p.positionBound);
        const earth = earthHeliocentricEclipticM(tdbS);
        const got = sumsFor(shells);
        const want = sumsFor(shells);
        shellSums(out, table.count, table, tdbS, earth, 1e4, 2e-9, got);
        shellSums(reference, table.count, table, tdbS, earth, 1e4, 2e-9, want);
        // per shell, the bound of the module comment: Σ w/r^2 (2.01 bound a/r) + rounding
        const allowed = new Float64Array(shells);
        for (let k = 0; k < table.count; k += 1) {
          const r = Math.hypot(reference[3 * k]!, reference[3 * k + 1]!, reference[3 * k + 2]!);
          const flux = table.weight[k]! / (r / AU_M) ** 2;
          const s = table.shellIndex[k]!;
          allowed[s]! +=
            flux * SHELL_SUM_FIRST_ORDER_FACTOR * p.positionBound * (table.semiMajorAxisM[k]! / r);
        }
        for (let s = 0; s < shells; s += 1) {
          const tolerance = allowed[s]! + SUM_ROUNDING_REL * want.sunlight[s]!;
          expect(got.weight[s]).toBe(want.weight[s]);
          expect(Math.abs(got.sunlight[s]! - want.sunlight[s]!)).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(got.degradedSunlight[s]! - want.degradedSunlight[s]!)).toBeLessThanOrEqual(
            tolerance,
          );
        }
      }
      p.forget(table);
    });

    it('writes only the first `count` positions, and nothing for count 0', async () => {
      const table = createCheckTable(100, 4);
      const out = allocate(3 * table.count).fill(-1);
      await p.positions(table, SPAN_2030_TDB_S, out, 37);
      expect(out[3 * 36 + 2]).not.toBe(-1);
      expect(Array.from(out.subarray(3 * 37))).toEqual(new Array(3 * 63).fill(-1));
      const untouched = allocate(3 * table.count).fill(-1);
      await p.positions(table, SPAN_2030_TDB_S, untouched, 0);
      expect(untouched.every((v) => v === -1)).toBe(true);
    });

    it('never returns NaN or Infinity, e up to 1 - 1e-6, t a century away', async () => {
      const rows = hardCaseRows({ ...options.domain, maxE: 0.999999 });
      const table = tableOf(
        rows.map((r, k) => ({ ...r, e: [0.99, 0.9999, 0.999999, r.e][k % 4] as number })),
      );
      const out = allocate(3 * table.count);
      for (const tdbS of [...hardTimes(), -50 * YEAR_S, 150 * YEAR_S]) {
        await p.positions(table, tdbS, out);
        expect(out.every(Number.isFinite)).toBe(true);
      }
    });

    const invalid: Array<[string, () => TracerTable, RegExp]> = [
      [
        'e = 1',
        () => mutate((t) => t.eccentricity.fill(1, 2, 3)),
        /^tracers\.eccentricity\[2\]: must be in \[0, 1\)/,
      ],
      [
        'NaN',
        () => mutate((t) => t.meanAnomalyAtEpochRad.fill(NaN, 1, 2)),
        /^tracers\.meanAnomalyAtEpochRad\[1\]: .*NaN/,
      ],
      [
        'a length mismatch',
        () => ({ ...createCheckTable(4, 1), epochTdbS: new Float64Array(5) }),
        /^tracers\.epochTdbS: has length 5/,
      ],
    ];
    function mutate(change: (t: TracerTable) => unknown): TracerTable {
      const t = createCheckTable(4, 1);
      change(t);
      return t;
    }
    for (const [name, build, message] of invalid) {
      it(`refuses a table with ${name} (InputError naming column and row), output untouched`, async () => {
        const out = allocate(12).fill(3);
        const error = await p.positions(build(), SPAN_2030_TDB_S, out).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InputError);
        expect((error as Error).message).toMatch(message);
        expect(Array.from(out)).toEqual(new Array(12).fill(3));
      });
    }

    it('refuses bad arguments: time, count, output buffer', async () => {
      const table = createCheckTable(30, 9);
      const out = allocate(3 * table.count);
      await expect(p.positions(table, Infinity, out)).rejects.toThrow(/^tdbS:/);
      await expect(p.positions(table, NaN, out)).rejects.toThrow(/^tdbS:/);
      await expect(p.positions(table, SPAN_2030_TDB_S, out, table.count + 1)).rejects.toThrow(/^count:/);
      await expect(p.positions(table, SPAN_2030_TDB_S, out, 1.5)).rejects.toThrow(/^count:/);
      await expect(p.positions(table, SPAN_2030_TDB_S, allocate(5))).rejects.toThrow(/^out:/);
      await expect(p.positions(table, SPAN_2030_TDB_S, [] as unknown as Float64Array)).rejects.toThrow(
        InputError,
      );
    });

    it(options.prepares ? 'sees a changed table only after forget()' : 'sees a changed table', async () => {
      const t = createCheckTable(10, 5);
      const before = allocate(30);
      await p.positions(t, SPAN_2030_TDB_S + 1e8, before);
      t.meanAnomalyAtEpochRad[0] = t.meanAnomalyAtEpochRad[0]! + 1;
      const stale = allocate(30);
      await p.positions(t, SPAN_2030_TDB_S + 1e8, stale);
      if (options.prepares) expect(stale).toEqual(before);
      else expect(stale[0]).not.toBe(before[0]);
      p.forget(t);
      const fresh = allocate(30);
      await p.positions(t, SPAN_2030_TDB_S + 1e8, fresh);
      expect(fresh[0]).not.toBe(before[0]);
    });
  });
}

function sumsFor(shells: number): ShellSumsOut {
  return {
    weight: new Float64Array(shells),
    sunlight: new Float64Array(shells),
    degradedSunlight: new Float64Array(shells),
    sunward: new Float64Array(2),
  };
}
