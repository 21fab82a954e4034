/**
 * CCSDS epochs (502.0-B-3 7.5.10): `YYYY-MM-DDThh:mm:ss[.d->d]` (or `YYYY-DDDThh:mm:ss...`, day of year), read on
 * the scale the message's TIME_SYSTEM names (7.5.11).
 *
 * A TDB epoch is the calendar reading of TDB itself, not of UTC: TDB seconds past J2000 are counted from
 * 2000-01-01T12:00:00 TDB (JD 2451545.0 TDB) in days of exactly 86,400 s, with no leap seconds, and turned into a
 * proleptic Gregorian date by pure calendar arithmetic. So TDB 0 is 2000-01-01T12:00:00 and a UTC midnight in 2030
 * reads as about 00:01:09.18 TDB (TT - UTC = 69.184 s plus the periodic TDB - TT term).
 *
 * Round trip: the writer gives the fewest fractional digits (at least 3) for which `ccsdsEpochToTdbS` returns the
 * very same float64; the reader adds the integer seconds exactly and the fraction in one rounding. That is exact
 * for any time more than a day from J2000 (where a float64 has no bits below its integer seconds' reach of the day).
 */
import { InputError } from '../../errors.ts';

const SECONDS_PER_DAY = 86_400;
/** 2000-01-01 as days since 1970-01-01, and J2000's 12:00:00 as seconds of that day. */
const J2000_DAYS_FROM_1970 = 10_957;
const J2000_SECOND_OF_DAY = 43_200;
const MIN_FRACTION_DIGITS = 3;
/** The most fraction digits a TDB epoch gets (2 + 14 = 16, the fixed-point limit of 7.5.6). */
const MAX_FRACTION_DIGITS = 14;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms"). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The proleptic Gregorian date of a day count since 1970-01-01 (Hinnant's civil_from_days). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * The calendar text of `seconds` counted from second `originSecondOfDay` of day `originDays` (days since
 * 1970-01-01), with `digits` fraction digits; the seconds field never reads 60 (a fraction that rounds up carries
 * into the minute).
 */
function calendarText(
  seconds: number,
  originDays: number,
  originSecondOfDay: number,
  digits: number,
): string {
  let day = Math.floor((seconds + originSecondOfDay) / SECONDS_PER_DAY);
  // the division may round across midnight: settle the day so that 0 <= second of day < 86,400
  let secondOfDay = seconds - (day * SECONDS_PER_DAY - originSecondOfDay);
  if (secondOfDay < 0) {
    day -= 1;
    secondOfDay = seconds - (day * SECONDS_PER_DAY - originSecondOfDay);
  } else if (secondOfDay >= SECONDS_PER_DAY) {
    day += 1;
    secondOfDay = seconds - (day * SECONDS_PER_DAY - originSecondOfDay);
  }
  let minuteOfDay = Math.floor(secondOfDay / 60);
  let secondText = (secondOfDay - 60 * minuteOfDay).toFixed(digits).padStart(digits + 3, '0');
  if (secondText.startsWith('60')) {
    secondText = (0).toFixed(digits).padStart(digits + 3, '0');
    minuteOfDay += 1;
    if (minuteOfDay === 1440) {
      minuteOfDay = 0;
      day += 1;
    }
  }
  const { year, month, day: dayOfMonth } = civilFromDays(day + originDays);
  if (year < 0 || year > 9999)
    throw new InputError(`must fall in the years 0000-9999, got year ${year}`, 'epoch');
  const clock = `${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}:${secondText}`;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(dayOfMonth)}T${clock}`;
}

const EPOCH_PATTERN = /^(\d{4})-(?:(\d{2})-(\d{2})|(\d{3}))T(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)Z?$/;

/** Seconds from second `originSecondOfDay` of day `originDays` of a CCSDS epoch text (either form of 7.5.10). */
function parseCalendar(text: string, originDays: number, originSecondOfDay: number, field: string): number {
  const match = EPOCH_PATTERN.exec(text.trim());
  if (match === null) {
    throw new InputError(
      `must be a CCSDS epoch YYYY-MM-DDThh:mm:ss[.d] or YYYY-DDDThh:mm:ss[.d] (502.0-B-3 7.5.10), got ${JSON.stringify(text)}`,
      field,
    );
  }
  const [, yearText, monthText, dayText, dayOfYearText, hourText, minuteText, secondText] = match;
  const year = Number(yearText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = Number(secondText);
  let days: number;
  if (dayOfYearText !== undefined) {
    const dayOfYear = Number(dayOfYearText);
    const yearLength = daysFromCivil(year + 1, 1, 1) - daysFromCivil(year, 1, 1);
    if (dayOfYear < 1 || dayOfYear > yearLength) {
      throw new InputError(`day of year must be in [1, ${yearLength}], got ${dayOfYear}`, field);
    }
    days = daysFromCivil(year, 1, 1) + dayOfYear - 1;
  } else {
    const month = Number(monthText);
    const day = Number(dayText);
    days = daysFromCivil(year, month, day);
    const check = civilFromDays(days);
    if (month < 1 || month > 12 || check.month !== month || check.day !== day) {
      throw new InputError(`is not a calendar date: ${JSON.stringify(text)}`, field);
    }
  }
  // 60 is allowed in the seconds field only for a leap second (7.5.10 note); TDB has none, UTC ones are refused too
  if (hour > 23 || minute > 59 || !(second < 60)) {
    throw new InputError(`has a time of day out of range: ${JSON.stringify(text)}`, field);
  }
  // every term but the fraction is an integer, summed exactly; the fraction is added in one rounding
  const wholeSeconds = (days - originDays) * SECONDS_PER_DAY - originSecondOfDay + 3600 * hour + 60 * minute;
  return wholeSeconds + second;
}

/** TDB seconds past J2000 of a CCSDS epoch read on the TDB scale (TIME_SYSTEM = TDB). */
export function ccsdsEpochToTdbS(text: string, field = 'EPOCH'): number {
  return parseCalendar(text, J2000_DAYS_FROM_1970, J2000_SECOND_OF_DAY, field);
}

/** The CCSDS epoch (TDB calendar, no zone letter) of TDB seconds past J2000 that reads back as exactly `tdbS`. */
export function tdbSToCcsdsEpoch(tdbS: number): string {
  if (!Number.isFinite(tdbS))
    throw new InputError(`must be a finite number of TDB seconds, got ${tdbS}`, 'epoch');
  let text = '';
  for (let digits = MIN_FRACTION_DIGITS; digits <= MAX_FRACTION_DIGITS; digits += 1) {
    text = calendarText(tdbS, J2000_DAYS_FROM_1970, J2000_SECOND_OF_DAY, digits);
    if (ccsdsEpochToTdbS(text) === tdbS) return text;
  }
  return text;
}

/** UTC instant (ms since 1970, Unix time) of a CCSDS epoch read on the UTC scale (TIME_SYSTEM = UTC). */
export function ccsdsEpochToUtcMs(text: string, field = 'EPOCH'): number {
  return parseCalendar(text, 0, 0, field) * 1000;
}

/**
 * The CCSDS epoch (UTC calendar, no zone letter) of a UTC instant in Unix ms, to the millisecond (or to the
 * microsecond when the instant has a fraction of a millisecond). Unix time has no leap seconds, so an instant
 * inside a leap second cannot be given; none falls in 2017-2200 as the leap-second table of sim/time.ts stands.
 */
export function utcMsToCcsdsEpoch(utcMs: number): string {
  if (!Number.isFinite(utcMs)) throw new InputError(`must be a finite number of ms, got ${utcMs}`, 'epoch');
  const digits = Number.isInteger(utcMs) ? 3 : 6;
  return calendarText(utcMs / 1000, 0, 0, digits);
}
