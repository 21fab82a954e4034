/**
 * WebGPU in real Chromium: the adapter (SwiftShader under the flags in vitest.config.ts), then gpu.js's
 * webgpu backend (every kernel call returns a Promise) on the same cases as the webgl2 test.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { GPU } from '../../sim/propagate/gpujs.ts';
import { KERNEL_CASES, worstError } from './gpu-kernel-cases.ts';

/**
 * The slice of WebGPU used here. TypeScript 5.9's DOM lib has no WebGPU types, and @webgpu/types is
 * only a transitive dependency (of gpu.js's `webgpu` package), so it is not referenced.
 */
interface WebGpuEntry {
  requestAdapter(): Promise<{
    readonly info: { readonly vendor: string; readonly architecture: string };
    readonly limits: { readonly maxStorageBufferBindingSize: number };
    requestDevice(): Promise<{ readonly queue: object; destroy(): void }>;
  } | null>;
}

describe('WebGPU', () => {
  test('navigator.gpu.requestAdapter() answers with an adapter', async () => {
    const entry = (navigator as Navigator & { readonly gpu?: WebGpuEntry }).gpu;
    expect(entry, 'navigator.gpu (needs --enable-unsafe-webgpu)').toBeDefined();
    const adapter = await entry?.requestAdapter();
    expect(adapter, 'requestAdapter() (needs the SwiftShader flags without a GPU)').not.toBeNull();
    expect(adapter?.info.vendor).toEqual(expect.any(String));
    expect(adapter?.limits.maxStorageBufferBindingSize).toBeGreaterThan(0);
    const device = await adapter?.requestDevice();
    expect(device?.queue).toBeDefined();
    device?.destroy();
  });

  test('gpu.js sees it', async () => {
    expect(GPU.isWebGPUSupported).toBe(true);
    expect(await GPU.isWebGPUAvailable()).toBe(true);
  });

  describe('gpu.js webgpu backend', () => {
    const gpu = new GPU({ mode: 'webgpu' });
    afterAll(() => gpu.destroy());

    for (const kernelCase of KERNEL_CASES) {
      test(`${kernelCase.name} matches float64 within the float32 bound`, async () => {
        const { backend, output } = await kernelCase.run(gpu);
        expect(backend).toBe('webgpu');
        const worst = worstError(output, kernelCase.reference, kernelCase.bound);
        expect(worst.ratio, `worst element ${JSON.stringify(worst)}`).toBeLessThanOrEqual(1);
      });
    }
  });
});
