/**
 * The Sobol sequence (Sobol' 1967) in base 2 with Joe & Kuo's (2008) direction numbers (sobolDirections.ts), by
 * Antonov & Saleev's (1979) Gray-code recurrence: point k+1 is point k XOR the direction number of the lowest zero
 * bit of k. Unscrambled, from point 0 (the origin), as Joe & Kuo's own generator and Apache Commons Math give it.
 * 32 bits per coordinate: at most 2^32 - 1 points. Points are exact binary fractions, so the same on every
 * machine.
 */
import { JOE_KUO_2008 } from './sobolDirections.ts';

const BITS = 32;
const SCALE = 2 ** -BITS;

/** The largest dimension the table supports. */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO_2008.length + 1;

/** Direction numbers v_1 .. v_32 of dimension j (0-based), scaled to 32-bit integers (Joe & Kuo 2008, eq. 2). */
function directions(j: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (j === 0) {
    for (let i = 1; i <= BITS; i += 1) v[i] = 2 ** (BITS - i);
    return v;
  }
  const row = JOE_KUO_2008[j - 1];
  if (row === undefined)
    throw new RangeError(`Sobol dimension ${j + 1} is beyond the table's ${SOBOL_MAX_DIMENSIONS}`);
  const [s, a, m] = row;
  for (let i = 1; i <= s && i <= BITS; i += 1) v[i] = ((m[i - 1] ?? 0) * 2 ** (BITS - i)) >>> 0;
  for (let i = s + 1; i <= BITS; i += 1) {
    // v_i = a_1 v_{i-1} ^ ... ^ a_{s-1} v_{i-s+1} ^ v_{i-s} ^ (v_{i-s} >> s)
    let value = ((v[i - s] ?? 0) ^ ((v[i - s] ?? 0) >>> s)) >>> 0;
    for (let k = 1; k < s; k += 1) {
      if (((a >>> (s - 1 - k)) & 1) === 1) value = (value ^ (v[i - k] ?? 0)) >>> 0;
    }
    v[i] = value;
  }
  return v;
}

/** The first n points of the d-dimensional sequence, row-major (point i, dimension j at i * d + j), in [0, 1). */
export function sobolPoints(n: number, d: number): Float64Array {
  if (!(Number.isInteger(n) && n >= 0 && n < 2 ** BITS)) throw new RangeError(`Sobol: ${n} points`);
  if (!(Number.isInteger(d) && d >= 1 && d <= SOBOL_MAX_DIMENSIONS)) {
    throw new RangeError(`Sobol: dimension ${d} outside 1..${SOBOL_MAX_DIMENSIONS}`);
  }
  const v = Array.from({ length: d }, (_, j) => directions(j));
  const x = new Uint32Array(d);
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < d; j += 1) out[i * d + j] = (x[j] ?? 0) * SCALE;
    // the lowest zero bit of i (1-based): the direction that changes between point i and i + 1
    let c = 1;
    let value = i;
    while ((value & 1) === 1) {
      value >>>= 1;
      c += 1;
    }
    for (let j = 0; j < d; j += 1) x[j] = ((x[j] ?? 0) ^ (v[j]?.[c] ?? 0)) >>> 0;
  }
  return out;
}
