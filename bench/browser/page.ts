/**
 * The in-page half of bench/gpu-browser.bench.ts: runs the propagation benchmarks in the browser and hands the
 * entries back through `window.essaimBench`. Baseline: the naive loop (bench/naive.ts) measured here, in this page.
 */
import { createPropagator, type Propagator } from '../../sim/propagate/backend.ts';
import { createCheckTable, maxRelativeError, SPAN_2030_TDB_S } from '../../sim/propagate/checkTable.ts';
import { propagateCpu64 } from '../../sim/propagate/cpu64.ts';
import { earthHeliocentricEclipticM } from '../../sim/geometry/earthPosition.ts';
import { shellSums } from '../../sim/propagate/shellSums.ts';
import { bestRate as bestRateOf, sink } from '../measure.ts';
import { naivePositions } from '../naive.ts';
import type { BenchEntry } from '../types.ts';

/** bestRate, going on for at least 1 s. */
function bestRate(units: number, run: (i: number) => unknown): Promise<number> {
  return bestRateOf(units, run, { minimumMs: 1000 });
}

export interface PageOptions {
  /** Tracers for the CPU paths. */
  readonly count: number;
  /** Table sizes for the GPU paths (one set of gpu entries per size). */
  readonly gpuCounts: readonly number[];
}

async function run({ count, gpuCounts }: PageOptions): Promise<BenchEntry[]> {
  const environment = `Chromium ${/Chrome\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? '?'}`;
  const table = createCheckTable(count, 2043);
  const time = (i: number): number => SPAN_2030_TDB_S + 2.9e8 + 3600 * i;
  const out = new Float64Array(3 * count);
  let checksum = 0;
  const entries: BenchEntry[] = [];
  const baseline = await bestRate(count, (i) => {
    naivePositions(table, time(i), out);
    checksum += sink(out);
  });
  const common = { environment, baseline: 'browser-propagate-naive-baseline' };
  entries.push({
    ...common,
    name: 'browser-propagate-naive-baseline',
    backend: 'naive float64 loop',
    tracers: count,
    threads: 1,
    positionsPerS: baseline,
    ratioToBaseline: 1,
    software: false,
  });
  const reference = new Float64Array(3 * count);
  propagateCpu64(table, time(0), reference);

  const cpuCases: Array<[string, () => Promise<Propagator>]> = [
    ['browser-propagate-cpu-1-thread', () => createPropagator('cpu')],
  ];
  for (const [name, make] of cpuCases) {
    const cpu = await make();
    await cpu.positions(table, time(0), out);
    const error = maxRelativeError(table, out, reference);
    const rate = await bestRate(count, async (i) => {
      await cpu.positions(table, time(i), out);
      checksum += sink(out);
    });
    entries.push({
      ...common,
      name,
      backend: 'cpu',
      tracers: count,
      threads: cpu.threads,
      positionsPerS: rate,
      ratioToBaseline: rate / baseline,
      software: false,
      device: cpu.device,
      maxRelativeError: error,
    });
    cpu.dispose();
  }

  for (const gpuCount of gpuCounts) {
    const suffix = gpuCounts.length > 1 ? `-${gpuCount}` : '';
    const gpuTable = gpuCount === count ? table : createCheckTable(gpuCount, 2044);
    const gpuReference = new Float64Array(3 * gpuCount);
    propagateCpu64(gpuTable, time(0), gpuReference);
    const gpuOut = new Float32Array(3 * gpuCount);
    // positions then the per-shell sums on the page's thread, as a run aggregates (8 shells: createCheckTable's kinds)
    const earthM = earthHeliocentricEclipticM(time(0));
    const sums = {
      weight: new Float64Array(8),
      sunlight: new Float64Array(8),
      degradedSunlight: new Float64Array(8),
      sunward: new Float64Array(2),
    };
    for (const mode of ['webgl2', 'webgpu'] as const) {
      let gpu: Propagator;
      try {
        gpu = await createPropagator('gpu', { gpuMode: mode });
      } catch (error) {
        console.warn(`gpu ${mode} unavailable: ${String(error)}`);
        continue;
      }
      await gpu.positions(gpuTable, time(0), gpuOut);
      const error = maxRelativeError(gpuTable, gpuOut, gpuReference);
      const rate = await bestRate(gpuCount, async (i) => {
        await gpu.positions(gpuTable, time(0) + 60 * i, gpuOut);
        checksum += sink(gpuOut);
      });
      const aggregateRate = await bestRate(gpuCount, async (i) => {
        const t = time(0) + 60 * i;
        await gpu.positions(gpuTable, t, gpuOut);
        shellSums(gpuOut, gpuCount, gpuTable, t, earthM, 1e4, 1e-9, sums);
        checksum += sink(sums.sunlight) + sink(sums.sunward);
      });
      const label = `gpu ${mode}${gpu.software ? ' (software)' : ''}`;
      for (const [name, value, note] of [
        [`browser-propagate-gpu-${mode}${suffix}`, rate, 'positions read back into a Float32Array'],
        [
          `browser-aggregate-gpu-${mode}${suffix}`,
          aggregateRate,
          'tracers aggregated per second: positions read back, then shellSums on the page thread',
        ],
      ] as const) {
        entries.push({
          ...common,
          name,
          backend: label,
          tracers: gpuCount,
          threads: 1,
          positionsPerS: value,
          ratioToBaseline: value / baseline,
          software: gpu.software,
          device: gpu.device,
          ...(name.includes('propagate') ? { maxRelativeError: error } : {}),
          note: gpu.software ? `${note}; SOFTWARE rendering on the CPU: not GPU speed` : note,
        });
      }
      gpu.dispose();
    }
  }
  if (!Number.isFinite(checksum)) throw new Error('browser bench: non-finite checksum');
  return entries;
}

(globalThis as { essaimBench?: typeof run }).essaimBench = run;
