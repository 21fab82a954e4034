/**
 * Steps of the timeline on calendar boundaries (UTC): one step at a speed lands on the next (or previous) boundary
 * of the speed's unit, so that → at "6 months/s" from 2048-06-01 gives 2048-07-01 00:00 UTC, not 2048-07-01 15:00
 * (six Julian months). Days and weeks land on midnights, months on the 1st of a month that is a multiple of the
 * step (Jan, Apr, Jul, Oct for 3 months), years on 1 January of a multiple of the step.
 */
import { tdbSToUtcMs, utcMsToTdbS } from '../../../sim/time.ts';

/** A speed's calendar unit: a number of days, or of months. */
export type CalendarUnit = { readonly days: number } | { readonly months: number };

/** The unit of each speed of speeds.ts, by key. */
export const CALENDAR_UNITS: Readonly<Record<string, CalendarUnit>> = {
  '1d': { days: 1 },
  '1w': { days: 7 },
  '1mo': { months: 1 },
  '3mo': { months: 3 },
  '6mo': { months: 6 },
  '1y': { months: 12 },
  '2y': { months: 24 },
};

const DAY_MS = 86_400_000;

/** The boundaries of `unit` around UTC ms `t`: the last at or before it, as a month index or a day count. */
function boundaryMs(unit: CalendarUnit, index: number): number {
  if ('days' in unit) return index * unit.days * DAY_MS;
  return Date.UTC(Math.floor((index * unit.months) / 12), (index * unit.months) % 12, 1);
}

function indexAtOrBefore(unit: CalendarUnit, utcMs: number): number {
  if ('days' in unit) return Math.floor(utcMs / (unit.days * DAY_MS));
  const date = new Date(utcMs);
  const months = date.getUTCFullYear() * 12 + date.getUTCMonth();
  return Math.floor(months / unit.months);
}

/** The next (direction 1) or previous (-1) boundary of `unit` strictly after or before TDB `tdbS`, TDB s. */
export function calendarStep(tdbS: number, unit: CalendarUnit, direction: 1 | -1): number {
  // a time within a millisecond of a boundary is on it (UTC <-> TDB rounds to well under that)
  const utcMs = tdbSToUtcMs(tdbS);
  let index = indexAtOrBefore(unit, utcMs + 0.5);
  const on = Math.abs(boundaryMs(unit, index) - utcMs) < 1;
  if (direction === 1) index += 1;
  else if (on) index -= 1;
  return utcMsToTdbS(boundaryMs(unit, index));
}
