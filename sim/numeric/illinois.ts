/**
 * A root of a continuous function bracketed by a sign change, by the Illinois variant of regula falsi (Dowell &
 * Jarratt, "A modified regula falsi method for computing the root of an equation", BIT 11, 1971, 168-174): the
 * secant through the bracket's ends, halving the value kept at an end that stays twice in a row, which makes the
 * convergence superlinear (order 1.44) where plain regula falsi is linear. For a smooth function near a simple
 * root it needs a few evaluations where bisection needs one per bit.
 *
 * Units are the caller's. f(lo) and f(hi) must have opposite signs (or one be 0); the result is within
 * `tolerance` of a root: it stops when the bracket is that narrow or the iterate moved by under a quarter of it
 * (the superlinear steps shrink faster than that), or after `maxIterations`. Unchecked otherwise.
 */
export function illinoisRoot(
  f: (x: number) => number,
  lo: number,
  hi: number,
  fLo: number,
  fHi: number,
  tolerance: number,
  maxIterations = 60,
): number {
  if (fLo === 0) return lo;
  if (fHi === 0) return hi;
  let a = lo;
  let b = hi;
  let fa = fLo;
  let fb = fHi;
  let side = 0;
  let x = Number.NaN;
  for (let k = 0; k < maxIterations; k += 1) {
    const previous = x;
    x = (a * fb - b * fa) / (fb - fa);
    if (!(x > a && x < b)) x = 0.5 * (a + b); // rounding pushed the secant out: bisect once
    const fx = f(x);
    if (fx === 0) return x;
    if (fx > 0 === fb > 0) {
      b = x;
      fb = fx;
      if (side === -1) fa /= 2; // b moved twice in a row: halve the value kept at a (Illinois)
      side = -1;
    } else {
      a = x;
      fa = fx;
      if (side === 1) fb /= 2;
      side = 1;
    }
    if (b - a <= tolerance || Math.abs(x - previous) <= 0.25 * tolerance) break;
  }
  return x;
}
