/**
 * The conformance suite (conformance.ts) on every backend Node can run: cpu64 (the reference, against itself:
 * bound 0), cpu on the caller's thread, cpu on the Node worker_threads pool (shared and copied buffers), and gpu on
 * gpu.js's webasm (float32 WebAssembly; headless-gl does not load on these machines). webgl2 and webgpu run the
 * same suite in tests/browser/propagate.browser.test.ts.
 */
import { createPropagator } from '../../sim/propagate/backend.ts';
import { createNodeCpuPool } from '../../src/node/cpuPool.ts';
import { createNodePropagator } from '../../src/node/propagators.ts';
import { describeBackendConformance } from './conformance.ts';
import { CPU_DOMAIN, GPU_DOMAIN } from './helpers.ts';

const cpuOptions = {
  domain: CPU_DOMAIN,
  numRuns: 60,
  rows: 40,
  largeTable: 50_000,
  output: 'float64',
} as const;

describeBackendConformance('cpu64', () => createPropagator('cpu64'), { ...cpuOptions, prepares: false });
describeBackendConformance('cpu, 1 thread', () => createPropagator('cpu'), { ...cpuOptions, prepares: true });
describeBackendConformance(
  'cpu, 2 worker_threads (shared)',
  () => createNodePropagator('cpu', { threads: 2 }),
  {
    ...cpuOptions,
    numRuns: 20,
    prepares: true,
  },
);
describeBackendConformance(
  'cpu, 2 worker_threads (copied)',
  () => createPropagator('cpu', { pool: createNodeCpuPool(2, false) }),
  { ...cpuOptions, numRuns: 10, prepares: true },
);
describeBackendConformance(
  'gpu, webasm',
  () => createPropagator('gpu', { gpuMode: 'webasm', gpuThreads: 2 }),
  {
    domain: GPU_DOMAIN,
    numRuns: 12,
    rows: 64,
    largeTable: 32_768,
    output: 'float32',
    prepares: true,
  },
);
