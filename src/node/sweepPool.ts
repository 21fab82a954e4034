/**
 * The embedded sample pool of `essaim sweep`: tinypool's worker_threads, each running src/node/sweepWorker.ts.
 *
 * Which file a worker runs: sweepWorker beside this module, with this module's extension. In lib/ (compiled) that
 * is sweepWorker.js, imported by tinypool directly. From source (vitest, tsx) Node 20 cannot import a .ts file in
 * a worker (tsx's module hooks do not reach it; see src/node/cpuPool.ts), so tinypool is given a data: URL module
 * that registers tsx's CommonJS hook (a devDependency) in the thread and requires the entry file.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';

import type { SampleRecord } from '../../sim/sweep/sample.ts';
import type { Study } from '../../sim/sweep/study.ts';
import type { SweepTask } from './sweepWorker.ts';

/** The module tinypool runs in each thread (also used by `essaim worker`'s pool, src/node/sweepQueueWorker.ts). */
export function workerFilename(): string {
  if (!import.meta.url.endsWith('.ts')) return new URL('./sweepWorker.js', import.meta.url).href;
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const entry = fileURLToPath(new URL('./sweepWorker.ts', import.meta.url));
  const source =
    `import { createRequire } from 'node:module';\n` +
    `const require = createRequire(${JSON.stringify(import.meta.url)});\n` +
    `require(${JSON.stringify(tsx)}).register();\n` +
    `export default require(${JSON.stringify(entry)}).default;\n`;
  return `data:text/javascript,${encodeURIComponent(source)}`;
}

/**
 * Run the samples `indices` of `study` on `workers` threads; `onRecord` sees each record as it comes (in
 * completion order). Resolves to the records in completion order; the pool is destroyed in every case.
 */
export async function runSamplesInPool(
  study: Study,
  indices: readonly number[],
  workers: number,
  onRecord: (record: SampleRecord) => void,
): Promise<SampleRecord[]> {
  const pool = new Tinypool({ filename: workerFilename(), minThreads: workers, maxThreads: workers });
  try {
    return await Promise.all(
      indices.map(async (index) => {
        const task: SweepTask = { study, index };
        const record = (await pool.run(task)) as SampleRecord;
        onRecord(record);
        return record;
      }),
    );
  } finally {
    await pool.destroy();
  }
}
