/**
 * The entry file of one `essaim sweep` worker thread (started by src/node/sweepPool.ts through tinypool): it
 * imports the kernel and runs one sample per task. Compiled to lib/ for users; run from source with tsx's hook.
 */
import { runSample, type SampleRecord } from '../../sim/sweep/sample.ts';
import type { Study } from '../../sim/sweep/study.ts';

/** One task: a study and the index of the sample to run. */
export interface SweepTask {
  readonly study: Study;
  readonly index: number;
}

export default function runSweepTask({ study, index }: SweepTask): SampleRecord {
  return runSample(study, index);
}
