/**
 * The cpu backend's kernel in WebAssembly SIMD (keplerSimd.wat: f64x2, two tracers per instruction), behind the
 * same CpuKernel interface as the JavaScript kernel (cpuKernel.ts). Same algorithm and same operations in the same
 * order, so the positions are bit for bit those of the JavaScript kernel (tests/propagate/simd.test.ts), within
 * CPU_POSITION_BOUND of cpu64. ECLIPJ2000, metres; time TDB seconds past J2000.
 *
 * WebAssembly has no sin or cos: the kernel's range reduction (to the nearest of 257 nodes j π / 256, by the
 * 1.5 2^52 rounding trick) and its Taylor series in the offset (|δ| <= π / 512, then in the Householder correction)
 * are done in the module; only the 257 node values come from the host's Math.sin/Math.cos, once, as in cpuKernel.ts.
 *
 * Memory traffic: WebAssembly cannot address the caller's typed arrays, nor issue non-temporal stores, so the rows
 * are copied into the module's memory and the positions out of it in blocks of BLOCK tracers (48 kB together),
 * which stay in the core's L2 cache: what reaches main memory is what the JavaScript kernel moves, 72 bytes read
 * and 24 bytes written per tracer (48 with the write-allocate of the caller's output, which only the caller's
 * choice of a float32 output halves).
 *
 * Sync compilation: the module is 2 kB, under the 4 kB that Chromium allows to compile synchronously on a page's
 * main thread.
 */
import { SIN_COS_STEPS, sinCosTable, type CpuKernel } from './cpuKernel.ts';
import { PREPARED_STRIDE } from './cpuPrepare.ts';
import { KEPLER_SIMD_BASE64 } from './keplerSimdWasm.ts';

/** Tracers per block copied into and out of the module's memory. */
const BLOCK = 512;
/** Byte offsets in the module's one 64 kB page: the table at 0, then the rows, then the positions. */
const TABLE_BYTES = 16 * (SIN_COS_STEPS + 1);
const IN_OFFSET = 8192;
const OUT_OFFSET = IN_OFFSET + 8 * PREPARED_STRIDE * BLOCK;
const TMP_OFFSET = OUT_OFFSET + 24 * BLOCK;
const PAGE_BYTES = 65_536;

/** The part of the WebAssembly API used here (sim/ is typed against ES2023, which does not declare it). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

interface SimdExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  positions(inPtr: number, outPtr: number, tmpPtr: number, pairs: number, dtS: number): void;
}

/** The module's bytes, decoded from keplerSimdWasm.ts (RFC 4648 base64; no atob in ES2023). */
export function keplerSimdBytes(): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const text = KEPLER_SIMD_BASE64.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let count = 0;
  let at = 0;
  for (const char of text) {
    bits = (bits << 6) | alphabet.indexOf(char);
    count += 6;
    if (count >= 8) {
      count -= 8;
      bytes[at] = (bits >> count) & 0xff;
      at += 1;
    }
  }
  return bytes;
}

/**
 * Why the SIMD kernel cannot run here (no WebAssembly, or no SIMD128 in this engine), or null when it can.
 * Node 20 and every current browser have SIMD128.
 */
export function simdUnavailableReason(): string | null {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm === undefined) return 'this engine has no WebAssembly';
  if (!wasm.validate(keplerSimdBytes())) return 'this engine has no WebAssembly SIMD128';
  return null;
}

/**
 * Build the SIMD kernel. Throws when simdUnavailableReason() is not null. Each kernel owns its module instance
 * (its memory is its scratch), so one kernel serves one thread, used synchronously.
 */
export function createSimdKernel(): CpuKernel {
  const reason = simdUnavailableReason();
  if (reason !== null) throw new Error(`simd kernel: ${reason}`);
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const instance = new wasm.Instance(new wasm.Module(keplerSimdBytes()), {});
  const exports = instance.exports as unknown as SimdExports;
  const buffer = exports.memory.buffer;
  if (buffer.byteLength < PAGE_BYTES || TMP_OFFSET + 16 * BLOCK > PAGE_BYTES || TABLE_BYTES > IN_OFFSET) {
    throw new Error('simd kernel: the memory layout does not fit the module');
  }
  new Float64Array(buffer, 0, 2 * (SIN_COS_STEPS + 1)).set(sinCosTable());
  const rows = new Float64Array(buffer, IN_OFFSET, PREPARED_STRIDE * BLOCK);
  const positions = new Float64Array(buffer, OUT_OFFSET, 3 * BLOCK);
  const run = exports.positions;
  return {
    positions(orbits, dtS, out, start, end) {
      for (let b = start; b < end; b += BLOCK) {
        const n = b + BLOCK < end ? BLOCK : end - b;
        rows.set(orbits.subarray(PREPARED_STRIDE * b, PREPARED_STRIDE * (b + n)));
        // an odd block's last pair has a lane of stale rows: lanes are independent and that lane is not copied out
        run(IN_OFFSET, OUT_OFFSET, TMP_OFFSET, (n + 1) >> 1, dtS);
        out.set(n === BLOCK ? positions : positions.subarray(0, 3 * n), 3 * b);
      }
    },
  };
}
