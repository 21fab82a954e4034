/**
 * Searches of sorted arrays, and bisection of a monotone predicate.
 *
 * countAtOrBelow and countBelow are the upper and lower bounds of the C++ standard library (std::upper_bound,
 * std::lower_bound) as counts: binary search over a prefix `count` of `keys` (default: all of it), which must be
 * sorted in ascending order (duplicates allowed) and free of NaN; an unsorted prefix gives an unspecified count in
 * [0, count]. O(log count), no allocation, unchecked: they run in the integrator's inner loop and in every frame.
 * Units are the caller's (TDB s, indices, ...); keys and the probe must share them.
 *
 * bisect halves a bracket [lo, hi] of a predicate that is true on a left part of it and false on the rest (a
 * monotone function compared with a target, or the side of a sign change), the method of Press et al.,
 * "Numerical Recipes", 3rd ed., 2007, sec. 9.1.
 */

/**
 * Number of leading entries of keys[0 .. count) that are <= t (index of the first key > t); keys ascending.
 * 0 for an empty prefix or a NaN t.
 */
export function countAtOrBelow(keys: ArrayLike<number>, t: number, count: number = keys.length): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Number of leading entries of keys[0 .. count) that are < t (index of the first key >= t); keys ascending.
 * 0 for an empty prefix or a NaN t.
 */
export function countBelow(keys: ArrayLike<number>, t: number, count: number = keys.length): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The point where `isLow` turns from true to false on [lo, hi] (lo <= hi, finite), by bisection: the midpoint of
 * the last bracket, after halving it until hi - lo <= tolerance (>= 0) or maxIterations halvings (default: no
 * limit), or until the midpoint no longer moves (adjacent doubles). isLow must be true at the left of the
 * boundary and false at its right; it is not evaluated at lo or hi. The result is within (hi - lo) / 2 of the
 * boundary of the last bracket. Unchecked: the callers pass brackets they built.
 */
export function bisect(
  isLow: (x: number) => boolean,
  lo: number,
  hi: number,
  tolerance: number,
  maxIterations = Infinity,
): number {
  let a = lo;
  let b = hi;
  for (let k = 0; k < maxIterations && b - a > tolerance; k += 1) {
    const mid = (a + b) / 2;
    // Adjacent doubles: one more halving would change nothing, and would loop forever.
    if (mid <= a || mid >= b) break;
    if (isLow(mid)) a = mid;
    else b = mid;
  }
  return (a + b) / 2;
}
