/**
 * Time inside sim/ is ONE scale: seconds of TDB (Barycentric Dynamical Time) elapsed since the J2000.0 epoch,
 * 2000-01-01T12:00:00 TDB (JD 2451545.0 TDB). Every `...TdbS` / `tS` value in sim/ is on this scale.
 *
 * Calendar dates (ISO 8601, UTC) exist only at the edges (scenario files, CLI flags, tables) and are converted
 * here, and only here:
 *   UTC -> TAI   add TAI-UTC, the leap-second count from IERS Bulletin C (table below);
 *   TAI -> TT    add 32.184 s exactly (IAU 1991);
 *   TT  -> TDB   add the periodic term of Fairhead & Bretagnon (1990) in the two-term form of the Astronomical
 *                Almanac / USNO Circular 179: 0.001657 sin g + 0.000014 sin 2g seconds (error < 30 us).
 * Leap seconds after the last announced one cannot be known: dates after 2017-01-01 use TAI-UTC = 37 s. For
 * 2030-2050 the real offset may differ by a few seconds, which moves the Earth by a few tens of km along its orbit
 * and is far below every tolerance in this project.
 */
import { J2000_JD, SECONDS_PER_DAY } from './constants.ts';

/** TT - TAI, s (exact; IAU 1991 Resolution A4). */
export const TT_MINUS_TAI_S = 32.184;

/**
 * TAI - UTC in seconds, from each UTC date of effect (IERS Bulletin C). The list starts in 1972, when UTC got
 * integral leap seconds; earlier dates are refused.
 */
const LEAP_SECONDS: ReadonlyArray<readonly [utcMs: number, taiMinusUtcS: number]> = (
  [
    ['1972-01-01', 10],
    ['1972-07-01', 11],
    ['1973-01-01', 12],
    ['1974-01-01', 13],
    ['1975-01-01', 14],
    ['1976-01-01', 15],
    ['1977-01-01', 16],
    ['1978-01-01', 17],
    ['1979-01-01', 18],
    ['1980-01-01', 19],
    ['1981-07-01', 20],
    ['1982-07-01', 21],
    ['1983-07-01', 22],
    ['1985-07-01', 23],
    ['1988-01-01', 24],
    ['1990-01-01', 25],
    ['1991-01-01', 26],
    ['1992-07-01', 27],
    ['1993-07-01', 28],
    ['1994-07-01', 29],
    ['1996-01-01', 30],
    ['1997-07-01', 31],
    ['1999-01-01', 32],
    ['2006-01-01', 33],
    ['2009-01-01', 34],
    ['2012-07-01', 35],
    ['2015-07-01', 36],
    ['2017-01-01', 37],
  ] as const
).map(([date, offset]) => [Date.parse(`${date}T00:00:00Z`), offset] as const);

/** Earliest and latest UTC instants accepted at the edges (ms since 1970). */
export const MIN_SUPPORTED_UTC_MS = Date.parse('1972-01-01T00:00:00Z');
export const MAX_SUPPORTED_UTC_MS = Date.parse('2200-01-01T00:00:00Z');

/** The J2000.0 epoch as a UTC instant: 2000-01-01T11:58:55.816Z (TT - UTC was 64.184 s then). */
const J2000_UTC_MS = Date.parse('2000-01-01T12:00:00Z') - (32 + TT_MINUS_TAI_S) * 1000;

/** TAI - UTC, s, at a UTC instant given in ms since 1970-01-01 (Unix time, which ignores leap seconds). */
export function taiMinusUtcS(utcMs: number): number {
  assertSupportedUtc(utcMs);
  let offset = 10;
  for (const [startMs, value] of LEAP_SECONDS) {
    if (utcMs >= startMs) offset = value;
    else break;
  }
  return offset;
}

/** TDB - TT, s, for a time given as TT seconds past J2000 (Fairhead & Bretagnon 1990, two-term form). */
export function tdbMinusTtS(ttS: number): number {
  const g = ((357.53 + 0.98560028 * (ttS / SECONDS_PER_DAY)) * Math.PI) / 180;
  return 0.001657 * Math.sin(g) + 0.000014 * Math.sin(2 * g);
}

/** UTC instant (ms since 1970, Unix time) -> TDB seconds past J2000. */
export function utcMsToTdbS(utcMs: number): number {
  const ttS = (utcMs - J2000_UTC_MS) / 1000 + (taiMinusUtcS(utcMs) - 32);
  return ttS + tdbMinusTtS(ttS);
}

/** TDB seconds past J2000 -> UTC instant (ms since 1970, Unix time). Inverse of utcMsToTdbS to < 1 us. */
export function tdbSToUtcMs(tdbS: number): number {
  assertFiniteTime(tdbS);
  // TT from TDB: the periodic term varies by < 1e-9 s per second, so one fixed-point step is exact to ~1e-12 s.
  const ttS = tdbS - tdbMinusTtS(tdbS - tdbMinusTtS(tdbS));
  // The leap-second offset depends on the UTC we are solving for: try the offset of the first guess, then check.
  let utcMs = J2000_UTC_MS + (ttS - (37 - 32)) * 1000;
  for (let k = 0; k < 3; k += 1) {
    const next = J2000_UTC_MS + (ttS - (taiMinusUtcS(clampSupported(utcMs)) - 32)) * 1000;
    if (next === utcMs) break;
    utcMs = next;
  }
  return utcMs;
}

/**
 * Parse an ISO 8601 date or date-time in UTC (`2030-01-01`, `2030-01-01T06:00:00Z`, `2030-01-01T06:00:00.5+02:00`)
 * and return TDB seconds past J2000. Throws a RangeError naming the value on anything else, including dates
 * outside 1972..2200. A date-time without a zone is refused rather than read in the machine's local zone.
 */
export function isoToTdbS(iso: string): number {
  return utcMsToTdbS(parseIsoUtcMs(iso));
}

/** ISO 8601 UTC string for a TDB time, to the millisecond (`2030-01-01T00:00:00.000Z`). */
export function tdbSToIso(tdbS: number): string {
  return new Date(Math.round(tdbSToUtcMs(tdbS))).toISOString();
}

/** The calendar date `YYYY-MM-DD` (UTC) of a TDB time, for tables. */
export function tdbSToIsoDate(tdbS: number): string {
  return tdbSToIso(tdbS).slice(0, 10);
}

/** Julian date on the TDB scale for TDB seconds past J2000. */
export function tdbSToJdTdb(tdbS: number): number {
  return J2000_JD + tdbS / SECONDS_PER_DAY;
}

/** TDB seconds past J2000 for a Julian date on the TDB scale. */
export function jdTdbToTdbS(jdTdb: number): number {
  return (jdTdb - J2000_JD) * SECONDS_PER_DAY;
}

/** Julian date of the Unix epoch 1970-01-01T00:00:00Z (by definition of the Julian day count). */
export const UNIX_EPOCH_JD = 2_440_587.5;

/** Milliseconds in a day of Unix time (which has no leap seconds: every UTC day is 86,400,000 ms long). */
const MS_PER_DAY = SECONDS_PER_DAY * 1000;

/**
 * Julian date of a UTC instant (ms since 1970, Unix time): JD = utcMs / 86,400,000 + 2,440,587.5. The day count
 * is on the UTC scale (a "JD(UTC)", what satellite.js's SGP4 epochs and gstime take); it is calendar arithmetic,
 * valid for any date, and not the TDB Julian date of tdbSToJdTdb (they differ by TT - UTC, about 69 s now).
 */
export function utcMsToJulianDate(utcMs: number): number {
  if (!Number.isFinite(utcMs)) throw new RangeError(`UTC time must be a finite number of ms, got ${utcMs}`);
  return utcMs / MS_PER_DAY + UNIX_EPOCH_JD;
}

/** UTC instant (ms since 1970, Unix time) of a Julian date on the UTC scale; inverse of utcMsToJulianDate. */
export function julianDateToUtcMs(jdUtc: number): number {
  if (!Number.isFinite(jdUtc)) throw new RangeError(`Julian date must be a finite number, got ${jdUtc}`);
  return (jdUtc - UNIX_EPOCH_JD) * MS_PER_DAY;
}

/** TT seconds past J2000 for TDB seconds past J2000 (for libraries that take TT, e.g. astronomy-engine). */
export function tdbSToTtS(tdbS: number): number {
  return tdbS - tdbMinusTtS(tdbS - tdbMinusTtS(tdbS));
}

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Parse a strict ISO 8601 UTC date or date-time to ms since 1970; throws RangeError naming the value. */
export function parseIsoUtcMs(iso: string): number {
  const match = ISO_PATTERN.exec(iso.trim());
  if (match === null) {
    throw new RangeError(
      `not an ISO 8601 date: ${JSON.stringify(iso)} (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS[.fff]]Z/±HH:MM)`,
    );
  }
  const [, year, month, day, hour] = match;
  const text = hour === undefined ? `${year}-${month}-${day}T00:00:00Z` : iso.trim().replace(' ', 'T');
  const ms = Date.parse(text);
  const calendarCheck = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (
    !Number.isFinite(ms) ||
    calendarCheck.getUTCMonth() !== Number(month) - 1 ||
    calendarCheck.getUTCDate() !== Number(day)
  ) {
    throw new RangeError(`not a valid calendar date: ${JSON.stringify(iso)}`);
  }
  assertSupportedUtc(ms, iso);
  return ms;
}

function assertSupportedUtc(utcMs: number, label?: string): void {
  if (!Number.isFinite(utcMs) || utcMs < MIN_SUPPORTED_UTC_MS || utcMs >= MAX_SUPPORTED_UTC_MS) {
    const shown = label ?? (Number.isFinite(utcMs) ? new Date(utcMs).toISOString() : String(utcMs));
    throw new RangeError(`date ${shown} is outside the supported range 1972-01-01..2199-12-31 (UTC)`);
  }
}

function assertFiniteTime(tdbS: number): void {
  if (!Number.isFinite(tdbS))
    throw new RangeError(`time must be a finite number of TDB seconds, got ${tdbS}`);
}

function clampSupported(utcMs: number): number {
  return Math.min(Math.max(utcMs, MIN_SUPPORTED_UTC_MS), MAX_SUPPORTED_UTC_MS - 1);
}
