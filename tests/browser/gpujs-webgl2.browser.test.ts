/**
 * gpu.js on its webgl2 backend in real Chromium (SwiftShader under the flags in vitest.config.ts),
 * checked against float64 JavaScript with the float32 bounds stated in gpu-kernel-cases.ts.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { GPU } from '../../sim/propagate/gpujs.ts';
import { KERNEL_CASES, worstError } from './gpu-kernel-cases.ts';

describe('gpu.js webgl2 backend', () => {
  const gpu = new GPU({ mode: 'webgl2' });
  afterAll(() => gpu.destroy());

  test('the browser offers WebGL2 with float colour buffers', () => {
    const gl = document.createElement('canvas').getContext('webgl2');
    expect(gl, 'canvas.getContext("webgl2")').not.toBeNull();
    expect(gl?.getExtension('EXT_color_buffer_float'), 'EXT_color_buffer_float').not.toBeNull();
    expect(GPU.isWebGL2Supported).toBe(true);
    expect(gpu.mode).toBe('webgl2');
  });

  for (const kernelCase of KERNEL_CASES) {
    test(`${kernelCase.name} matches float64 within the float32 bound`, async () => {
      const { backend, output, kernel } = await kernelCase.run(gpu);
      // a GL kernel that fails to build is silently replaced by a cpu one: the numbers would still match
      expect(backend).toBe('webgl2');
      const shader: unknown = Reflect.get(kernel.kernel, 'compiledFragmentShader');
      expect(shader).toEqual(expect.stringContaining('precision highp float;'));
      const worst = worstError(output, kernelCase.reference, kernelCase.bound);
      expect(worst.ratio, `worst element ${JSON.stringify(worst)}`).toBeLessThanOrEqual(1);
    });
  }

  test('the check rejects an output one bound away from the reference', async () => {
    const kernelCase = KERNEL_CASES[0]!;
    const { output } = await kernelCase.run(gpu);
    const index = 1234;
    const perturbed = Float32Array.from(output);
    perturbed[index] = kernelCase.reference[index]! + 1.5 * kernelCase.bound[index]!;
    expect(worstError(perturbed, kernelCase.reference, kernelCase.bound)).toMatchObject({ index });
    expect(worstError(perturbed, kernelCase.reference, kernelCase.bound).ratio).toBeGreaterThan(1);
    perturbed[index] = NaN;
    expect(worstError(perturbed, kernelCase.reference, kernelCase.bound).ratio).toBe(Infinity);
    expect(() => worstError(output.subarray(1), kernelCase.reference, kernelCase.bound)).toThrow(/outputs/);
  });
});
