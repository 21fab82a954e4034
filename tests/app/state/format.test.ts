/**
 * Number and date formatting (src/app/state/format.ts), against strings written by hand: SI prefixes with three
 * significant digits, counts with thousands separators, areas and masses in their customary units, dates in UTC.
 */
import { describe, expect, test } from 'vitest';
import { isoToTdbS } from '../../../sim/time.ts';
import {
  formatArea,
  formatCount,
  formatDate,
  formatDateTime,
  formatDurationYears,
  formatFraction,
  formatMass,
  formatPercent,
  formatScientific,
  formatSi,
  formatSpan,
} from '../../../src/app/state/format.ts';

describe('formatSi', () => {
  test.each([
    [1.566e10, 'W', '15.7 GW'],
    [3.828e26, 'W', '383 YW'],
    [2.5e3, 'W', '2.50 kW'],
    [999, 'W', '999 W'],
    [1, 'W', '1.00 W'],
    [0.005, 'm', '5.00e-3 m'],
    [-4.2e9, 'W', '-4.20 GW'],
    [0, 'W', '0 W'],
  ] as const)('%s %s -> %s', (value, unit, expected) => {
    expect(formatSi(value, unit)).toBe(expected);
  });

  test('non-finite numbers show a dash', () => {
    expect(formatSi(Number.NaN, 'W')).toBe('—');
    expect(formatSi(Number.POSITIVE_INFINITY, 'W')).toBe('—');
  });
});

test('formatCount: whole numbers with separators, exponent past 1e15', () => {
  expect(formatCount(5828.3)).toBe('5,828');
  expect(formatCount(12_345_678)).toBe('12,345,678');
  expect(formatCount(0.4)).toBe('0');
  expect(formatCount(2.5e15)).toBe('2.500e+15');
  expect(formatCount(Number.NaN)).toBe('—');
});

test('formatArea: m² below 1 km², km² above, then millions and billions of km²', () => {
  expect(formatArea(500)).toBe('500 m²');
  expect(formatArea(2.5e6)).toBe('2.50 km²');
  expect(formatArea(5e8)).toBe('500 km²');
  expect(formatArea(1.5e9)).toBe('1,500 km²');
  expect(formatArea(1.234e12)).toBe('1.23 million km²');
  expect(formatArea(6.1e15)).toBe('6.10 billion km²');
});

test('formatMass: kg below a tonne, then t, kt, Mt', () => {
  expect(formatMass(20)).toBe('20.0 kg');
  expect(formatMass(1_000)).toBe('1.00 t');
  expect(formatMass(2e6)).toBe('2.00 kt');
  expect(formatMass(7.35e22)).toBe('73.5 Et');
});

test('formatPercent and formatScientific', () => {
  expect(formatPercent(0.2)).toBe('20.0 %');
  expect(formatPercent(0.05)).toBe('5.00 %');
  expect(formatPercent(1)).toBe('100.0 %');
  expect(formatScientific(12_345)).toBe('1.23e+4');
  expect(formatScientific(0)).toBe('0');
  expect(formatScientific(Number.NaN)).toBe('—');
});

test('dates are the UTC calendar of a TDB instant', () => {
  expect(formatDateTime(isoToTdbS('2045-03-17T06:30:00Z'))).toBe('2045-03-17 06:30 UTC');
  expect(formatDateTime(isoToTdbS('2049-12-31T23:59:00Z'))).toBe('2049-12-31 23:59 UTC');
  expect(formatDate(isoToTdbS('2032-06-21T06:00:00Z'))).toBe('2032-06-21');
});

test('formatSpan: the largest sensible unit', () => {
  expect(formatSpan(3 * 3600)).toBe('3.0 h');
  expect(formatSpan(5 * 86_400)).toBe('5 d');
  // 30 days is just under one mean month (30.4375 d) and rounds to it
  expect(formatSpan(30 * 86_400)).toBe('1 mo');
  expect(formatSpan(365.25 * 86_400)).toBe('1.0 yr');
  expect(formatSpan(2 * 365.25 * 86_400)).toBe('2 yr');
});

// issue 15, "figures that mislead": the forms a new user read on the panel
describe('the panel’s fractions, durations and swarm-sized areas', () => {
  test('an area past a trillion km² in the tables’ scientific form and in au², not "42321795 billion km²"', () => {
    // 4.2321795e22 m² = 4.23e16 km²; 1 au² = (1.495978707e11 m)² = 2.238e22 m², so 1.89 au²
    expect(formatArea(4.2321795e22)).toBe('4.23e+16 km² · 1.89 au²');
  });

  test('a fraction in percent from 0.1 %, not "2.11e-1"; tiny ones scientific', () => {
    expect(formatFraction(0.211)).toBe('21.1 %');
    expect(formatFraction(0.63)).toBe('63.0 %');
    expect(formatFraction(0.001)).toBe('0.100 %');
    expect(formatFraction(1.45e-17)).toBe('1.45e-17');
    expect(formatFraction(0)).toBe('0');
  });

  test('a payback in the unit that reads, not "0.00117 yr"', () => {
    // 0.00117 Julian yr x 31,557,600 s = 36,922 s = 10.26 h
    expect(formatDurationYears(0.00117)).toBe('10.3 h');
    // 0.1 yr = 36.525 d
    expect(formatDurationYears(0.1)).toBe('36.5 d');
    expect(formatDurationYears(2)).toBe('2.00 yr');
    expect(formatDurationYears(Number.POSITIVE_INFINITY)).toBe('—');
  });
});
