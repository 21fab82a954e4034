/**
 * Timeline steps on calendar boundaries (src/app/state/calendarStep.ts), against dates worked out by hand (issue
 * 15: → at 6 months/s gave 2048-07-01 15:00).
 */
import { expect, test } from 'vitest';
import { isoToTdbS, tdbSToIso } from '../../../sim/time.ts';
import { CALENDAR_UNITS, calendarStep } from '../../../src/app/state/calendarStep.ts';

const step = (iso: string, key: string, direction: 1 | -1): string =>
  tdbSToIso(calendarStep(isoToTdbS(iso), CALENDAR_UNITS[key]!, direction)).slice(0, 16);

test('6 months: from 2048-06-01 to 2048-07-01 00:00, then 2049-01-01; back to 2048-01-01', () => {
  expect(step('2048-06-01T00:00:00Z', '6mo', 1)).toBe('2048-07-01T00:00');
  expect(step('2048-07-01T00:00:00Z', '6mo', 1)).toBe('2049-01-01T00:00');
  expect(step('2048-06-01T00:00:00Z', '6mo', -1)).toBe('2048-01-01T00:00');
  expect(step('2048-07-01T00:00:00Z', '6mo', -1)).toBe('2048-01-01T00:00');
});

test('days land on midnight, months on the 1st, years on 1 January', () => {
  expect(step('2032-06-21T06:00:00Z', '1d', 1)).toBe('2032-06-22T00:00');
  expect(step('2032-06-21T06:00:00Z', '1d', -1)).toBe('2032-06-21T00:00');
  expect(step('2032-06-21T06:00:00Z', '1mo', 1)).toBe('2032-07-01T00:00');
  expect(step('2032-12-15T00:00:00Z', '1mo', 1)).toBe('2033-01-01T00:00');
  expect(step('2032-06-21T06:00:00Z', '3mo', 1)).toBe('2032-07-01T00:00');
  expect(step('2032-06-21T06:00:00Z', '1y', 1)).toBe('2033-01-01T00:00');
  expect(step('2033-01-01T00:00:00Z', '2y', 1)).toBe('2034-01-01T00:00');
});
