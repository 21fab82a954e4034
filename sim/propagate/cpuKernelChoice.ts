/**
 * Which kernel the `cpu` backend runs on this thread: the WebAssembly SIMD kernel (simdKernel.ts) where it starts
 * and passes its start-up check, else the JavaScript kernel (cpuKernel.ts), with the reason. The check runs the
 * SIMD kernel on a small fixed table (the hard cases included, createCheckTable) at three times over 2030-2050 and
 * requires (1) every position within CPU_POSITION_BOUND of cpu64, the bound the backend states, and (2) every
 * position bit for bit the JavaScript kernel's, so that a run gives the same bytes whichever kernel a machine
 * picks (the CPU backend's determinism). It costs well under a millisecond of work.
 */
import { createCheckTable, maxRelativeError, SPAN_2030_TDB_S, SPAN_2050_TDB_S } from './checkTable.ts';
import { propagateCpu64 } from './cpu64.ts';
import { CPU_POSITION_BOUND, createCpuKernel, type CpuKernel } from './cpuKernel.ts';
import { prepareOrbits } from './cpuPrepare.ts';
import { createSimdKernel } from './simdKernel.ts';

/** Tracers in the start-up check: odd, so that the kernel's half-filled last pair is exercised too. */
export const SIMD_CHECK_TRACERS = 517;

export interface CpuKernelChoice {
  readonly kernel: CpuKernel;
  /** 'wasm-simd' or 'javascript'. */
  readonly name: 'wasm-simd' | 'javascript';
  /** For Propagator.device: 'WebAssembly SIMD' or 'JavaScript'. */
  readonly label: string;
  /** Why the JavaScript kernel runs (null when the SIMD kernel does). */
  readonly fallbackReason: string | null;
}

/**
 * Check `candidate` against cpu64 and against the JavaScript kernel `reference` (see the module comment). Returns
 * null when it passes, else what failed.
 */
export function checkCpuKernel(candidate: CpuKernel, reference: CpuKernel): string | null {
  const table = createCheckTable(SIMD_CHECK_TRACERS, 18);
  const prepared = prepareOrbits(table);
  const count = table.count;
  const out = new Float64Array(3 * count);
  const expected = new Float64Array(3 * count);
  const exact = new Float64Array(3 * count);
  const times = [SPAN_2030_TDB_S + 1e5, 0.5 * (SPAN_2030_TDB_S + SPAN_2050_TDB_S), SPAN_2050_TDB_S - 1e5];
  for (const tdbS of times) {
    const dtS = tdbS - prepared.referenceTdbS;
    candidate.positions(prepared.orbits, dtS, out, 0, count);
    propagateCpu64(table, tdbS, exact);
    const error = maxRelativeError(table, out, exact);
    if (!(error <= CPU_POSITION_BOUND)) {
      return `its error against cpu64 is ${error}, above the bound ${CPU_POSITION_BOUND}`;
    }
    reference.positions(prepared.orbits, dtS, expected, 0, count);
    for (let i = 0; i < out.length; i += 1) {
      if (!Object.is(out[i], expected[i])) {
        return `its positions differ from the JavaScript kernel's (value ${i}: ${out[i]} vs ${expected[i]})`;
      }
    }
  }
  return null;
}

/** Choose this thread's kernel (see the module comment). Each call builds a new kernel (its own scratch). */
export function chooseCpuKernel(): CpuKernelChoice {
  const javascript = createCpuKernel();
  let reason: string;
  try {
    const simd = createSimdKernel();
    const failed = checkCpuKernel(simd, javascript);
    if (failed === null)
      return { kernel: simd, name: 'wasm-simd', label: 'WebAssembly SIMD', fallbackReason: null };
    reason = `the WebAssembly SIMD kernel failed its start-up check: ${failed}`;
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  return { kernel: javascript, name: 'javascript', label: 'JavaScript', fallbackReason: reason };
}

/** This thread's choice, made once on first use (a thread's engine does not change). */
let threadChoice: CpuKernelChoice | null = null;

/** The kernel the `cpu` backend runs on this thread (chooseCpuKernel, once per thread). */
export function threadCpuKernel(): CpuKernelChoice {
  threadChoice ??= chooseCpuKernel();
  return threadChoice;
}

/** How Propagator.device names the kernel: 'float64 WebAssembly SIMD' or 'float64 JavaScript (reason)'. */
export function kernelDevice(choice: CpuKernelChoice, threads: string): string {
  return choice.fallbackReason === null
    ? `float64 ${choice.label}, ${threads}`
    : `float64 ${choice.label}, ${threads} (not WebAssembly SIMD: ${choice.fallbackReason})`;
}
