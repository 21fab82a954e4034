/**
 * Time-varying parameters (closure, allocation, launch price, import capacity, productivity): a constant, or
 * values at dates held constant (`step`) or linearly interpolated (`linear`) in between. Before the first date the
 * first value holds, after the last the last value holds. Times are TDB seconds past J2000.
 */
import { countAtOrBelow, countBelow } from '../numeric/search.ts';

/** A resolved schedule. `timesTdbS` is strictly increasing and as long as `values`. */
export type Schedule =
  | { readonly kind: 'constant'; readonly value: number }
  | {
      readonly kind: 'step' | 'linear';
      readonly timesTdbS: readonly number[];
      readonly values: readonly number[];
    };

export function constantSchedule(value: number): Schedule {
  return { kind: 'constant', value };
}

/**
 * Index of the last breakpoint at or before t (strictly before t when `fromLeft`), or -1 when there is none.
 */
function lastAtOrBefore(times: readonly number[], tdbS: number, fromLeft: boolean): number {
  // Written without closures: this runs in the integrator's inner loop.
  if (fromLeft) {
    if (!((times[0] ?? Infinity) < tdbS)) return -1;
    return countBelow(times, tdbS) - 1;
  }
  if (!((times[0] ?? Infinity) <= tdbS)) return -1;
  return countAtOrBelow(times, tdbS) - 1;
}

/**
 * Value of the schedule at TDB time t. At a step's date the new value holds; `fromLeft` asks for the value just
 * before it instead (the end point of an integration step that stops at the step).
 */
export function scheduleAt(schedule: Schedule, tdbS: number, fromLeft = false): number {
  if (schedule.kind === 'constant') return schedule.value;
  const { timesTdbS: times, values } = schedule;
  const i = lastAtOrBefore(times, tdbS, fromLeft && schedule.kind === 'step');
  if (i < 0) return values[0] ?? 0;
  const v0 = values[i] ?? 0;
  if (schedule.kind === 'step' || i === times.length - 1) return v0;
  const t0 = times[i] ?? tdbS;
  const t1 = times[i + 1] ?? tdbS;
  const v1 = values[i + 1] ?? v0;
  return v0 + ((v1 - v0) * (tdbS - t0)) / (t1 - t0);
}

/**
 * Times where the schedule is discontinuous (the dates of a `step` schedule): the integrator lands a step on each,
 * so that no step straddles a jump. Linear schedules are continuous and need none.
 */
export function scheduleJumps(schedule: Schedule): readonly number[] {
  return schedule.kind === 'step' ? schedule.timesTdbS : [];
}
