/** Parameter studies (designs, samples, percentiles, sensitivity): the engine-free core of `essaim sweep`. */
export { sweepSchema, type SweepFile, type SweepParameter, type Distribution } from './schema.ts';
export { parseSweep, prepareStudy, parameterRange, type Study, type OutputColumn } from './study.ts';
export { designSize, designValues, latinHypercube, sampleSeed } from './design.ts';
export { inverseCdf, gridValues } from './distributions.ts';
export { runSample, readOutput, sampleValues, type SampleRecord, type SampleStatus } from './sample.ts';
export {
  countRecords,
  percentilesCsv,
  sensitivityCsv,
  sortedRecords,
  PERCENTILES,
  type StudyCounts,
} from './aggregate.ts';
