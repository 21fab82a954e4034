/**
 * The WebAssembly SIMD kernel in Node (the suite of simdCases.ts), and its committed artefact: the bytes in
 * sim/propagate/keplerSimdWasm.ts are those that wabt assembles from sim/propagate/keplerSimd.wat today.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { KEPLER_SIMD_SHA256 } from '../../sim/propagate/keplerSimdWasm.ts';
import { keplerSimdBytes } from '../../sim/propagate/simdKernel.ts';
import { describeSimdKernel } from './simdCases.ts';

describe('the committed WebAssembly artefact', () => {
  it('is the assembly of keplerSimd.wat (scripts/build-simd.mjs --check rebuilds it and compares)', () => {
    const output = execFileSync(process.execPath, ['scripts/build-simd.mjs', '--check'], {
      encoding: 'utf8',
    });
    expect(output).toMatch(/matches keplerSimd\.wat/);
  });

  it('decodes to the bytes its hash names', () => {
    const hash = createHash('sha256').update(keplerSimdBytes()).digest('hex');
    expect(hash).toBe(KEPLER_SIMD_SHA256);
  });
});

describeSimdKernel('Node');
