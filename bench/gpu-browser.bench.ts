/**
 * Propagation benchmarks in real Chromium: the cpu backend on one thread, and the gpu backend (positions, and
 * positions + shellSums) on webgl2 and webgpu. Here (no GPU on the development machines) Chromium renders with
 * SwiftShader, on the CPU: those entries say `software: true` and measure nothing about GPU speed (bench/RESULTS.md has the GPU machine's figures
 * when one was lent). The page (bench/browser/) is served by a vite dev server and driven with playwright-core, with
 * the Chromium of the browser tests and the same flags (vitest.config.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { CHROMIUM_PATH } from '../chromium.config.ts';
import { benchChromiumArgs } from './chromium.ts';
import { quick } from './measure.ts';
import type { BenchEntry } from './types.ts';

/**
 * Environment overrides, for a machine with a real GPU: BENCH_CHROMIUM_ARGS (bench/chromium.ts) and
 * BENCH_GPU_TRACERS (comma-separated table sizes for the gpu entries, e.g. 1048576,10485760).
 */

function gpuSizes(fallback: number): number[] {
  const custom = process.env['BENCH_GPU_TRACERS'];
  if (custom === undefined || custom.trim() === '') return [fallback];
  const sizes = custom.split(',').map(Number);
  if (!sizes.every((n) => Number.isInteger(n) && n > 0))
    throw new Error(`BENCH_GPU_TRACERS: bad list ${custom}`);
  return sizes;
}

export default async function gpuBrowserBench(): Promise<BenchEntry[]> {
  const { createServer } = await import('vite');
  const { chromium } = await import('playwright-core');
  // the folder holding bench/browser/ (sources): beside this file, or two levels up when compiled into lib/bench/
  const root = [new URL('..', import.meta.url), new URL('../..', import.meta.url)]
    .map((url) => fileURLToPath(url))
    .find((dir) => existsSync(join(dir, 'bench', 'browser', 'index.html')));
  if (root === undefined) throw new Error('gpu-browser bench: bench/browser/index.html not found');
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', hmr: false },
    optimizeDeps: { entries: ['bench/browser/index.html'], include: ['gpu.js', 'astronomy-engine'] },
  });
  await server.listen();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: benchChromiumArgs() });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const address = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1/';
    await page.goto(new URL('bench/browser/index.html', address).href);
    await page.waitForFunction(() => 'essaimBench' in globalThis, undefined, { timeout: 60_000 });
    const options = quick()
      ? { count: 1 << 14, gpuCounts: gpuSizes(1 << 14) }
      : { count: 1 << 19, gpuCounts: gpuSizes(1 << 18) };
    const entries = await page.evaluate(
      (o) => (globalThis as unknown as { essaimBench(o: unknown): Promise<unknown> }).essaimBench(o),
      options,
    );
    if (errors.length > 0) throw new Error(`bench page errors: ${errors.join('; ')}`);
    return entries as BenchEntry[];
  } finally {
    await browser.close();
    await server.close();
  }
}
