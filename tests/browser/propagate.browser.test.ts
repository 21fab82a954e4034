/**
 * The propagation backends in real Chromium: the `gpu` backend's gpu.js kernels on webgl2 and on webgpu (both on
 * SwiftShader under the flags in vitest.config.ts: software, so nothing here says anything about speed) run the
 * conformance suite of tests/propagate/conformance.ts (positions within GPU_POSITION_BOUND of cpu64, the per-shell
 * sums of those positions, bad input refused); and `auto`.
 */
import { describe, expect, it } from 'vitest';

import { createPropagator } from '../../sim/propagate/backend.ts';
import { GPU_POSITION_BOUND } from '../../sim/propagate/gpu.ts';
import { describeBackendConformance } from '../propagate/conformance.ts';
import { GPU_DOMAIN } from '../propagate/helpers.ts';

for (const mode of ['webgl2', 'webgpu'] as const) {
  describe(`gpu backend on ${mode} (SwiftShader)`, () => {
    it('runs on the backend asked for and says it is software', async () => {
      const gpu = await createPropagator('gpu', { gpuMode: mode });
      try {
        expect(gpu.device.startsWith(`${mode} (`)).toBe(true);
        expect(gpu.device).toMatch(/swiftshader/i);
        expect(gpu.software).toBe(true);
        expect(gpu.positionBound).toBe(GPU_POSITION_BOUND);
      } finally {
        gpu.dispose();
      }
    });
  });
  describeBackendConformance(`gpu, ${mode}`, () => createPropagator('gpu', { gpuMode: mode }), {
    domain: GPU_DOMAIN,
    numRuns: 6,
    rows: 256,
    largeTable: 65_536,
    output: 'float32',
    prepares: true,
  });
}

describe('auto', () => {
  it('picks a backend that passed its self-check and says why', async () => {
    const auto = await createPropagator('auto', { now: () => performance.now() });
    try {
      expect(['cpu', 'gpu']).toContain(auto.name);
      expect(auto.choice.chosen).toBe(auto.name);
      const chosen = auto.choice.candidates.find((c) => c.name === auto.name);
      expect(chosen?.maxRelativeError).toBeLessThanOrEqual(auto.positionBound);
      expect(auto.choice.candidates.map((c) => c.name)).toEqual(['gpu', 'cpu']);
    } finally {
      auto.dispose();
    }
  });
});
