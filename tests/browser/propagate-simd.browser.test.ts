/**
 * The WebAssembly SIMD kernel of the `cpu` backend in real Chromium (the same suite as in Node,
 * tests/propagate/simdCases.ts): within cpuPositionBound of cpu64, bit for bit the JavaScript kernel, and chosen
 * by the start-up check. Compiled synchronously on the page's main thread (the module is under Chromium's 4 kB limit).
 */
import { describeSimdKernel } from '../propagate/simdCases.ts';

describeSimdKernel('Chromium');
