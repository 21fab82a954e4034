/**
 * `essaim/node`: the Node-only part of the typed API (worker-thread pools, Redis queues, files). The pure core is
 * `essaim` (sim/index.ts), which runs in browsers and workers too.
 */
export {
  sweep,
  loadStudy,
  mergeShards,
  studyResult,
  writeStudyOutputs,
  type SweepSpec,
  type SweepOptions,
  type SweepResult,
  type Shard,
} from './sweep.ts';
export { startSweepWorker } from './sweepQueueWorker.ts';
