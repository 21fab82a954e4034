/**
 * Event location for one-step integrators: the instant where an event function crosses zero inside a step, by
 * bisection of the step (Hairer, Norsett & Wanner, "Solving Ordinary Differential Equations I", 2nd ed., 1993,
 * sec. II.6, the dense output used to find where a switching function changes sign; Shampine & Thompson, "Event
 * location for ordinary differential equations", Comput. Math. Appl. 39, 2000, 43-54). The caller detects the
 * crossing at the step's ends (crossesUpward), then asks where inside the step it happened, through a predicate
 * evaluated on the step's dense output or on a shortened step.
 */

/**
 * Whether an event function went from below zero to zero or above over a step (before < 0 <= after): the
 * crossing direction every integrator of this project watches. NaN on either side is no crossing.
 */
export function crossesUpward(before: number, after: number): boolean {
  return before < 0 && after >= 0;
}

/**
 * The first point of (lo, hi] at which `fired` holds, to (hi - lo) 2^-iterations: `iterations` halvings of the
 * bracket, keeping the right end where `fired` is true (the caller guarantees it at hi, not at lo). Returns that
 * right end, so the state there is already past the event (the integrator lands on the event's side, never
 * short of it). Units are the caller's (a step fraction, or seconds). Unchecked: lo < hi, iterations >= 0.
 */
export function locateEvent(
  fired: (x: number) => boolean,
  lo: number,
  hi: number,
  iterations: number,
): number {
  let a = lo;
  let b = hi;
  for (let k = 0; k < iterations; k += 1) {
    const mid = 0.5 * (a + b);
    if (fired(mid)) b = mid;
    else a = mid;
  }
  return b;
}

/**
 * locateEvent with a stopping width instead of a count: halves the bracket until hi - lo <= tolerance (in the unit
 * of lo and hi, > 0 and above the spacing of doubles there, or the loop would not end) and returns its right end,
 * where `fired` holds. For scans that stop at a time resolution (one minute, say) rather than a step fraction.
 */
export function locateEventWithin(
  fired: (x: number) => boolean,
  lo: number,
  hi: number,
  tolerance: number,
): number {
  let a = lo;
  let b = hi;
  while (b - a > tolerance) {
    const mid = (a + b) / 2;
    if (fired(mid)) b = mid;
    else a = mid;
  }
  return b;
}
