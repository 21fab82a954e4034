/**
 * Output steps as users write them. Fixed durations (`3600s`, `90min`, `12h`, `30d`, `2w`) are exact seconds.
 * Calendar steps (`1mo`, `3mo`, `1y`) advance the UTC calendar date, so `1y` from 2030-01-01 gives every
 * 1 January: this is what a yearly table means (a Julian year of 365.25 d would drift by 6 h a year).
 */
import { SECONDS_PER_DAY } from './constants.ts';
import { InputError } from './errors.ts';
import { tdbSToUtcMs, utcMsToTdbS } from './time.ts';

export type Step =
  | { readonly kind: 'fixed'; readonly seconds: number }
  | { readonly kind: 'calendar'; readonly months: number };

const FIXED_UNIT_S: Readonly<Record<string, number>> = {
  s: 1,
  min: 60,
  h: 3600,
  d: SECONDS_PER_DAY,
  w: 7 * SECONDS_PER_DAY,
};

const ACCEPTED = 'a positive duration such as 3600s, 90min, 12h, 30d, 2w, 1mo or 1y';

/** Parse a step; throws InputError naming `field` and the accepted forms. */
export function parseStep(text: string, field = 'step'): Step {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(s|min|h|d|w|mo|y)\s*$/.exec(text);
  const amount = Number(match?.[1]);
  const unit = match?.[2];
  if (match === null || unit === undefined || !(amount > 0) || !Number.isFinite(amount)) {
    throw new InputError(`must be ${ACCEPTED}, got ${JSON.stringify(text)}`, field);
  }
  if (unit === 'mo' || unit === 'y') {
    const months = unit === 'y' ? amount * 12 : amount;
    if (!Number.isInteger(months)) {
      throw new InputError(
        `calendar steps must be whole months (1mo, 3mo, 1y), got ${JSON.stringify(text)}`,
        field,
      );
    }
    return { kind: 'calendar', months };
  }
  return { kind: 'fixed', seconds: amount * (FIXED_UNIT_S[unit] ?? NaN) };
}

/** Parse a fixed duration to seconds (calendar units are refused). */
export function parseDurationS(text: string, field = 'duration'): number {
  const step = parseStep(text, field);
  if (step.kind !== 'fixed')
    throw new InputError(`must be a fixed duration (s, min, h, d, w), got ${JSON.stringify(text)}`, field);
  return step.seconds;
}

/** The k-th time of a step sequence starting at `startTdbS`. */
export function stepTime(startTdbS: number, step: Step, k: number): number {
  if (step.kind === 'fixed') return startTdbS + k * step.seconds;
  const start = new Date(tdbSToUtcMs(startTdbS));
  const shifted = new Date(start.getTime());
  // Clamp the day so 31 January + 1 month gives the last day of February, not 3 March.
  shifted.setUTCDate(1);
  shifted.setUTCMonth(start.getUTCMonth() + k * step.months);
  const lastDay = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0)).getUTCDate();
  shifted.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return utcMsToTdbS(shifted.getTime());
}
