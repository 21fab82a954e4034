/** The O(1) argument checks every propagation backend makes before any work (InputError naming the argument). */
import { InputError } from '../errors.ts';
import type { TracerTable } from './tracerTable.ts';

/** Throw an InputError unless `count` is an integer in [0, table.count]. */
export function checkCount(count: number, table: TracerTable): void {
  if (!(Number.isInteger(count) && count >= 0 && count <= table.count)) {
    throw new InputError(`must be an integer in [0, ${table.count}], got ${count}`, 'count');
  }
}

/** Throw an InputError unless tdbS is finite. */
export function checkTime(tdbS: number): void {
  if (!Number.isFinite(tdbS))
    throw new InputError(`must be a finite number of TDB seconds, got ${tdbS}`, 'tdbS');
}

/** Check an output buffer for `count` positions; InputError names the argument. */
export function checkPositionsOut(out: unknown, count: number): asserts out is Float64Array | Float32Array {
  if (!(out instanceof Float64Array || out instanceof Float32Array) || out.length < 3 * count) {
    const length = (out as { length?: unknown } | null)?.length;
    throw new InputError(
      `must be a Float64Array or Float32Array of length >= ${3 * count}, got length ${String(length)}`,
      'out',
    );
  }
}
