/**
 * Hand-computed instants for the app-state tests, independent of sim/time.ts: TDB seconds past J2000
 * (2000-01-01T12:00:00 TT) of a UTC instant in 2017..2050, from a day count done here and the fixed offsets
 * TT - UTC = TAI - UTC + 32.184 s = 37 + 32.184 s (IERS Bulletin C: no leap second after 2017-01-01; sim/time.ts
 * documents the same assumption for later dates). TDB - TT, a periodic term of at most 1.671 ms (Fairhead &
 * Bretagnon 1990, two-term form), is left out: compare with TDB_MINUS_TT_BOUND_S.
 */

/** |TDB - TT| can reach 0.001657 + 0.000014 s (the two-term amplitude); a comparison with a TT value allows it. */
export const TDB_MINUS_TT_BOUND_S = 0.0017;

const TT_MINUS_UTC_S = 37 + 32.184;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days from 2000-01-01 to year-month-day (Gregorian), by counting (no Date). */
function daysSince2000(year: number, month: number, day: number): number {
  const monthDays = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let days = 0;
  for (let y = 2000; y < year; y += 1) days += isLeap(y) ? 366 : 365;
  for (let m = 1; m < month; m += 1) days += monthDays[m - 1] as number;
  return days + day - 1;
}

/** TT seconds past J2000 of a UTC date and time (2017 onwards): TDB to within TDB_MINUS_TT_BOUND_S. */
export function ttSecondsOfUtc(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const secondsOfDay = 3600 * hour + 60 * minute + second;
  return daysSince2000(year, month, day) * 86_400 - 43_200 + secondsOfDay + TT_MINUS_UTC_S;
}
