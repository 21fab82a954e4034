/**
 * What the WebAssembly SIMD kernel (sim/propagate/simdKernel.ts) promises, as one suite run in Node
 * (simd.test.ts) and in real Chromium (tests/browser/propagate-simd.browser.test.ts): positions within the
 * per-tracer bound cpuPositionBound of cpu64 (the independent float64 reference: a Newton solve with Math.sin and
 * Math.cos), bit for bit the JavaScript kernel's (so a machine's choice of kernel never changes a run's bytes), any
 * [start, end) range and odd counts (a half-filled last pair), float32 output as the rounding of the float64 one,
 * and the start-up check that makes it the `cpu` backend's default, failing for a kernel that is off by one ulp.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { propagateCpu64 } from '../../sim/propagate/cpu64.ts';
import { cpuPositionBound, createCpuKernel, type CpuKernel } from '../../sim/propagate/cpuKernel.ts';
import { checkCpuKernel, chooseCpuKernel } from '../../sim/propagate/cpuKernelChoice.ts';
import { prepareOrbits } from '../../sim/propagate/cpuPrepare.ts';
import { createSimdKernel, simdUnavailableReason } from '../../sim/propagate/simdKernel.ts';
import type { TracerTable } from '../../sim/propagate/tracerTable.ts';
import {
  CPU_DOMAIN,
  hardCaseRows,
  hardTimes,
  rowArb,
  SPAN_2030_TDB_S,
  SPAN_2050_TDB_S,
  tableOf,
  YEAR_S,
} from './helpers.ts';

/** Positions of `table` at tdbS by `kernel` over [start, end) (the rest left NaN), and by cpu64. */
function run(kernel: CpuKernel, table: TracerTable, tdbS: number, start = 0, end = table.count) {
  const prepared = prepareOrbits(table);
  const out = new Float64Array(3 * table.count).fill(NaN);
  kernel.positions(prepared.orbits, tdbS - prepared.referenceTdbS, out, start, end);
  const reference = new Float64Array(3 * table.count);
  propagateCpu64(table, tdbS, reference);
  return { out, reference, referenceTdbS: prepared.referenceTdbS };
}

/** Worst error / cpuPositionBound over [start, end). */
function worstRatio(table: TracerTable, tdbS: number, start: number, end: number, kernel: CpuKernel): number {
  const { out, reference, referenceTdbS } = run(kernel, table, tdbS, start, end);
  let worst = 0;
  for (let k = start; k < end; k += 1) {
    const dx = (out[3 * k] as number) - (reference[3 * k] as number);
    const dy = (out[3 * k + 1] as number) - (reference[3 * k + 1] as number);
    const dz = (out[3 * k + 2] as number) - (reference[3 * k + 2] as number);
    const error = Math.sqrt(dx * dx + dy * dy + dz * dz) / (table.semiMajorAxisM[k] as number);
    const bound = cpuPositionBound(
      table.eccentricity[k] as number,
      table.meanMotionRadS[k] as number,
      table.epochTdbS[k] as number,
      tdbS,
      referenceTdbS,
    );
    const ratio = error / bound;
    if (!(ratio <= worst)) worst = Number.isNaN(ratio) ? Infinity : ratio;
  }
  return worst;
}

/** Indices where the two outputs differ as bit patterns (NaN = NaN, +0 != -0). */
function differences(a: Float64Array, b: Float64Array): number[] {
  const found: number[] = [];
  for (let i = 0; i < a.length; i += 1) if (!Object.is(a[i], b[i])) found.push(i);
  return found;
}

export function describeSimdKernel(where: string): void {
  describe(`WebAssembly SIMD kernel (${where})`, () => {
    it('is available (SIMD128 is in Node 20 and in current Chromium) and is the default', () => {
      expect(simdUnavailableReason()).toBeNull();
      const choice = chooseCpuKernel();
      expect(choice.fallbackReason).toBeNull();
      expect(choice.name).toBe('wasm-simd');
    });

    const simd = createSimdKernel();
    const javascript = createCpuKernel();

    it('stays within cpuPositionBound of cpu64 and gives the JavaScript kernel bytes, random tables', () => {
      fc.assert(
        fc.property(
          fc.array(rowArb(CPU_DOMAIN), { minLength: 1, maxLength: 41 }),
          fc.double({ min: SPAN_2030_TDB_S - 30 * YEAR_S, max: SPAN_2050_TDB_S + 50 * YEAR_S, noNaN: true }),
          (rows, tdbS) => {
            const table = tableOf(rows);
            expect(worstRatio(table, tdbS, 0, table.count, simd)).toBeLessThanOrEqual(1);
            expect(differences(run(simd, table, tdbS).out, run(javascript, table, tdbS).out)).toEqual([]);
          },
        ),
        { numRuns: 120 },
      );
    });

    it('stays within cpuPositionBound on the hard cases, bit for bit the JavaScript kernel', () => {
      const table = tableOf(hardCaseRows(CPU_DOMAIN));
      for (const tdbS of hardTimes()) {
        expect(worstRatio(table, tdbS, 0, table.count, simd), `t = ${tdbS}`).toBeLessThanOrEqual(1);
        expect(differences(run(simd, table, tdbS).out, run(javascript, table, tdbS).out)).toEqual([]);
      }
    });

    it('writes exactly [start, end), across block edges and odd ends', () => {
      // 1301 rows: blocks of 512 and a 277-row rest; ranges that start and end mid-block and mid-pair
      const rows = fc.sample(rowArb(CPU_DOMAIN), { numRuns: 1301, seed: 7 });
      const table = tableOf(rows);
      const tdbS = SPAN_2030_TDB_S + 11.5 * YEAR_S;
      const whole = run(javascript, table, tdbS).out;
      for (const [start, end] of [
        [0, 1301],
        [3, 1000],
        [511, 513],
        [700, 701],
        [1300, 1301],
        [5, 5],
      ] as const) {
        const { out } = run(simd, table, tdbS, start, end);
        const expected = new Float64Array(whole.length).fill(NaN);
        expected.set(whole.subarray(3 * start, 3 * end), 3 * start);
        expect(differences(out, expected), `[${start}, ${end})`).toEqual([]);
      }
    });

    it('writes float32 output as the rounding of its float64 output', () => {
      const table = tableOf(fc.sample(rowArb(CPU_DOMAIN), { numRuns: 99, seed: 3 }));
      const prepared = prepareOrbits(table);
      const dtS = SPAN_2050_TDB_S - prepared.referenceTdbS;
      const wide = new Float64Array(3 * table.count);
      const narrow = new Float32Array(3 * table.count);
      simd.positions(prepared.orbits, dtS, wide, 0, table.count);
      simd.positions(prepared.orbits, dtS, narrow, 0, table.count);
      expect(narrow).toEqual(Float32Array.from(wide));
    });

    it('start-up check: passes the SIMD kernel, refuses a kernel one ulp off, and says why', () => {
      expect(checkCpuKernel(simd, javascript)).toBeNull();
      const nudged: CpuKernel = {
        positions(orbits, dtS, out, start, end) {
          simd.positions(orbits, dtS, out, start, end);
          const i = 3 * (end - 1);
          out[i] = (out[i] as number) * (1 + 2 ** -52);
        },
      };
      expect(checkCpuKernel(nudged, javascript)).toMatch(/differ from the JavaScript kernel/);
      const wrong: CpuKernel = {
        positions(orbits, dtS, out, start, end) {
          simd.positions(orbits, dtS + 1, out, start, end);
        },
      };
      expect(checkCpuKernel(wrong, javascript)).toMatch(/error against cpu64 is .* above the bound/);
    });
  });
}
