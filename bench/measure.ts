/** A small, careful timing harness for the benchmarks (no dependency): warm-up, repetitions, best-of. */

/**
 * Work units per second of `run`: the best of at least `repetitions` timed runs after `warmups` untimed ones, going
 * on until `minimumMs` of timed runs were spent (so short runs get more tries on a busy machine).
 */
export async function bestRate(
  units: number,
  run: (repetition: number) => unknown,
  {
    repetitions = 5,
    warmups = 1,
    minimumMs = 0,
  }: { repetitions?: number; warmups?: number; minimumMs?: number } = {},
): Promise<number> {
  for (let i = 0; i < warmups; i += 1) await run(-1 - i);
  let bestMs = Infinity;
  let spentMs = 0;
  for (let i = 0; i < repetitions || spentMs < minimumMs; i += 1) {
    const started = performance.now();
    await run(i);
    const ms = performance.now() - started;
    spentMs += ms;
    if (ms < bestMs) bestMs = ms;
    if (i > 100) break;
  }
  return units / (Math.max(bestMs, 1e-3) / 1000);
}

/**
 * Like bestRate, and also the CPU time the whole process (every thread) spent per run, and the average
 * concurrency achieved (CPU time over wall time). Node only (process.cpuUsage).
 */
export async function rateAndCpu(
  units: number,
  run: (repetition: number) => unknown,
  repetitions = 25,
): Promise<{ rate: number; cpuMsPerRun: number; concurrency: number }> {
  await run(-1);
  let bestMs = Infinity;
  let wallMs = 0;
  let cpuMs = 0;
  for (let i = 0; i < repetitions; i += 1) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await run(i);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    cpuMs += (used.user + used.system) / 1000;
    wallMs += ms;
    if (ms < bestMs) bestMs = ms;
  }
  return {
    rate: units / (Math.max(bestMs, 1e-3) / 1000),
    cpuMsPerRun: cpuMs / repetitions,
    concurrency: cpuMs / wallMs,
  };
}

/** A checksum of some output values, so that no computation can be optimised away. */
export function sink(values: ArrayLike<number>): number {
  let sum = 0;
  const step = Math.max(1, Math.floor(values.length / 97));
  for (let i = 0; i < values.length; i += step) sum += values[i] as number;
  return sum;
}

/** True when BENCH_QUICK is set: small sizes, for a smoke run of the runner. */
export function quick(): boolean {
  const flag = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[
    'BENCH_QUICK'
  ];
  return flag !== undefined && flag !== '' && flag !== '0';
}
