/**
 * The browser app's frame time with 10k, 100k and 1M tracers (issue 7), in the headless Chromium of the browser
 * tests. Without a GPU that Chromium draws through SwiftShader, so these are SOFTWARE figures, labelled so: they
 * show how the frame time scales with the swarm, not what a GPU does. On a machine with a GPU, BENCH_CHROMIUM_ARGS
 * (bench/chromium.ts) drops the SwiftShader flags; the entries then name the GPU WebGL reports and are not labelled
 * software.
 *
 * Each size: the built app (vite dev server, the project's vite.config.ts) opened at 2050-12-01 with `tracers=N`,
 * waited for until its figures show the world, then played (space) while requestAnimationFrame intervals are
 * recorded for a few seconds; the median interval is the frame time. Baseline (ratio 1): the same page with the
 * smallest swarm (1,000 tracers) measured in the same run. Long tasks (the rule: none over 50 ms while
 * playing) are counted in the same window, after a second of warm-up: timing belongs here, not in the tests. `positionsPerS` is tracers drawn per second
 * (N / frame time); `ratioToBaseline` is the frame rate over the baseline's. The worker may still be computing
 * the monthly charts in the background while frames are timed, as it would for a user.
 * BENCH_FRAME_TRACERS (comma-separated) overrides the sizes.
 */
import { CHROMIUM_PATH } from '../chromium.config.ts';
import { benchChromiumArgs, isSoftwareRenderer, WEBGL_RENDERER_SCRIPT } from './chromium.ts';
import { quick } from './measure.ts';
import type { BenchEntry } from './types.ts';

const BASELINE_TRACERS = 1000;

/** True once the collector count at the displayed time shows a number above zero (the world is loaded). */
const WORLD_SHOWN_SCRIPT = `Number(document.querySelector('[data-testid="figure-collectorCount"]')?.dataset.value) > 0`;

/**
 * requestAnimationFrame intervals, ms, over at least 4 s and 10 frames, and the durations of the main-thread tasks
 * over 50 ms ('longtask' entries) in that time, after a second of play to warm up (JIT, first snapshots).
 */
const FRAME_INTERVALS_SCRIPT = `new Promise((resolve) => {
  setTimeout(() => {
    const longTasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const times = [];
    const started = performance.now();
    const tick = (now) => {
      times.push(now);
      if (now - started < 4000 || times.length < 10) requestAnimationFrame(tick);
      else {
        observer.disconnect();
        resolve({ intervals: times.slice(1).map((t, k) => t - times[k]), longTasks });
      }
    };
    requestAnimationFrame(tick);
  }, 1000);
})`;

function sizes(): number[] {
  const custom = process.env['BENCH_FRAME_TRACERS'];
  if (custom !== undefined && custom.trim() !== '') {
    const list = custom.split(',').map(Number);
    if (!list.every((n) => Number.isInteger(n) && n > 0))
      throw new Error(`BENCH_FRAME_TRACERS: bad list ${custom}`);
    return list;
  }
  return quick() ? [10_000] : [10_000, 100_000, 1_000_000];
}

export default async function frameBrowserBench(): Promise<BenchEntry[]> {
  const { createServer } = await import('vite');
  const { chromium } = await import('playwright-core');
  const server = await createServer({
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', hmr: false },
  });
  await server.listen();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: benchChromiumArgs() });
  const address = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1/';
  try {
    const measure = async (tracers: number): Promise<{ frameMs: number; longTasks: number[] }> => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        await page.goto(new URL(`?t=2050-12-01&target=sun&tracers=${tracers}`, address).href);
        // the world is loaded when the collector count at 2050 shows a number above zero
        await page.waitForFunction(WORLD_SHOWN_SCRIPT, undefined, { timeout: 600_000 });
        await page.keyboard.press('Space');
        // A string, not a function: tsx's transform would add helpers the page does not have.
        const { intervals, longTasks } = (await page.evaluate(FRAME_INTERVALS_SCRIPT)) as {
          intervals: number[];
          longTasks: number[];
        };
        if (errors.length > 0) throw new Error(`app page errors: ${errors.join('; ')}`);
        const sorted = [...intervals].sort((a, b) => a - b);
        return { frameMs: sorted[Math.floor(sorted.length / 2)] as number, longTasks };
      } finally {
        await page.close();
      }
    };
    // what this Chromium draws with: SwiftShader with the tests' flags, a GPU where BENCH_CHROMIUM_ARGS allows one
    const probe = await browser.newPage();
    const renderer = String(await probe.evaluate(WEBGL_RENDERER_SCRIPT));
    await probe.close();
    const software = isSoftwareRenderer(renderer);
    const environment = `Chromium (${CHROMIUM_PATH}), WebGL2 on ${renderer}`;
    const baseline = await measure(BASELINE_TRACERS);
    const baselineMs = baseline.frameMs;
    const entry = (
      name: string,
      tracers: number,
      { frameMs: ms, longTasks }: { frameMs: number; longTasks: number[] },
    ): BenchEntry => ({
      name,
      backend: `webgl2 points + shaders/kepler.glsl${software ? ', SOFTWARE (SwiftShader)' : ''}`,
      tracers,
      threads: 1,
      positionsPerS: tracers / (ms / 1000),
      ratioToBaseline: baselineMs / ms,
      software,
      baseline: 'browser-frame-baseline',
      environment,
      longTasks: longTasks.length,
      longestTaskMs: longTasks.length === 0 ? 0 : Math.max(...longTasks),
      note:
        `median frame time ${ms.toFixed(1)} ms (${(1000 / ms).toFixed(1)} fps) while playing; ratio = fps / baseline fps; ` +
        `${longTasks.length} main-thread task(s) over 50 ms in the 4 s window` +
        (longTasks.length === 0 ? '' : ` (longest ${Math.max(...longTasks).toFixed(0)} ms)`),
    });
    const entries = [entry('browser-frame-baseline', BASELINE_TRACERS, baseline)];
    for (const tracers of sizes())
      entries.push(entry(`browser-frame-${tracers}`, tracers, await measure(tracers)));
    return entries;
  } finally {
    await browser.close();
    await server.close();
  }
}
