// KVN numbers and epochs (CCSDS 502.0-B-3 7.5.4-7.5.10): every value reads back as the same float64, in the
// spec's number forms; TDB epochs are TDB calendar dates (J2000 = 2000-01-01T12:00:00 TDB), checked against
// JavaScript's own calendar (Date.UTC) and the UTC -> TDB offset of sim/time.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ccsdsEpochToTdbS, tdbSToCcsdsEpoch, utcMsToCcsdsEpoch } from '../../../sim/report/ccsds/epoch.ts';
import { formatReal, kvnComments, kvnText } from '../../../sim/report/ccsds/kvn.ts';
import { isoToTdbS } from '../../../sim/time.ts';
import { CCSDS_REAL, tdbEpochSeconds } from './minimalKvn.ts';

/** Significant digits of a CCSDS number text (mantissa only, leading zeros dropped). */
function significantDigits(text: string): number {
  return text
    .replace(/[Ee].*$/, '')
    .replace(/[-+.]/g, '')
    .replace(/^0+/, '').length;
}

describe('KVN reals (502.0-B-3 7.5.6-7.5.7)', () => {
  it('read back bit for bit, in the fixed-point or floating-point form, for any finite float64', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = formatReal(x);
        expect(text).toMatch(CCSDS_REAL);
        expect(Object.is(Number(text), x)).toBe(true);
        expect(significantDigits(text)).toBeLessThanOrEqual(17);
      }),
      { numRuns: 20_000 },
    );
  });

  it('write known values as the spec shows them', () => {
    expect(formatReal(6678)).toBe('6678.0');
    expect(formatReal(0.25)).toBe('0.25');
    expect(formatReal(-12.5)).toBe('-12.5');
    expect(formatReal(1.5e-7)).toBe('1.5E-07');
    expect(formatReal(132712440000)).toBe('132712440000.0');
    expect(formatReal(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(() => formatReal(Number.NaN)).toThrow(/finite/);
  });

  it('need 17 digits for about half of all doubles, which is why 16 (7.5.7b) would not round-trip', () => {
    let seventeen = 0;
    const n = 20_000;
    fc.assert(
      fc.property(fc.double({ min: 1, max: 2, noNaN: true }), (x) => {
        if (significantDigits(formatReal(x)) === 17) seventeen += 1;
        expect(Number(x.toPrecision(16)) === x || significantDigits(formatReal(x)) === 17).toBe(true);
      }),
      { numRuns: n, seed: 16 },
    );
    // measured 0.45-0.5 of doubles in [1, 2); any share above a tenth shows 16 digits would not do
    expect(seventeen / n).toBeGreaterThan(0.1);
  });

  it('keeps comments to printable ASCII and 254 characters a line, wrapping long ones at spaces', () => {
    const lines = kvnComments(['Essaim scénario', `${'word '.repeat(80)}end`]);
    expect(lines[0]).toBe('COMMENT Essaim sc?nario');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(254);
      expect(line).toMatch(/^COMMENT [\x20-\x7e]*$/);
    }
    expect(
      lines
        .slice(1)
        .map((line) => line.slice(8))
        .join(' '),
    ).toBe(`${'word '.repeat(80)}end`);
  });

  it('refuses text the KVN cannot carry', () => {
    expect(() => kvnText('OBJECT_NAME', 'a = b')).toThrow(/OBJECT_NAME/);
    expect(() => kvnText('OBJECT_NAME', 'tab\there')).toThrow(/ASCII/);
    expect(() => kvnText('OBJECT_NAME', 'x'.repeat(300))).toThrow(/254/);
  });
});

describe('TDB epochs (7.5.10 on the TDB scale)', () => {
  it('put J2000 at 2000-01-01T12:00:00 TDB and count days of 86,400 s with no leap seconds', () => {
    expect(tdbSToCcsdsEpoch(0)).toBe('2000-01-01T12:00:00.000');
    expect(tdbSToCcsdsEpoch(-43_200)).toBe('2000-01-01T00:00:00.000');
    // 2000 and 2032 are leap years; 2100 is not (Gregorian)
    expect(tdbSToCcsdsEpoch((31 + 28) * 86_400)).toBe('2000-02-29T12:00:00.000');
    const days2000To2100 = 36_525;
    expect(tdbSToCcsdsEpoch(days2000To2100 * 86_400 - 43_200 + (31 + 28) * 86_400)).toBe(
      '2100-03-01T00:00:00.000',
    );
  });

  it('agree with JavaScript’s calendar (Date.UTC, which has no leap seconds) to the millisecond', () => {
    const j2000Ms = Date.UTC(2000, 0, 1, 12);
    fc.assert(
      fc.property(fc.integer({ min: -8e11, max: 6e12 }), (ms) => {
        const text = tdbSToCcsdsEpoch(ms / 1000);
        const wholeMinuteMs = Math.floor(ms / 60_000) * 60_000;
        expect(text.slice(0, 17)).toBe(new Date(j2000Ms + wholeMinuteMs).toISOString().slice(0, 17));
        // the seconds field, to well below a millisecond (the text has as many digits as the float64 needs)
        expect(Math.abs(Number(text.slice(17)) - (ms - wholeMinuteMs) / 1000)).toBeLessThan(1e-9);
      }),
      { numRuns: 5000 },
    );
  });

  it('read a UTC midnight of 2030 as 00:01:09.18 TDB: TT - UTC = 69.184 s, TDB - TT within 1.7 ms', () => {
    const epoch = tdbSToCcsdsEpoch(isoToTdbS('2030-01-01T00:00:00Z'));
    expect(epoch.slice(0, 17)).toBe('2030-01-01T00:01:');
    expect(Math.abs(Number(epoch.slice(17)) - 9.184)).toBeLessThan(0.0017);
  });

  it('read back as the very same float64 (any time more than a day from J2000), also by a separate reader', () => {
    fc.assert(
      fc.property(fc.double({ min: 86_400, max: 6e9, noNaN: true }), fc.boolean(), (magnitude, negative) => {
        const tdbS = negative ? -magnitude : magnitude;
        const text = tdbSToCcsdsEpoch(tdbS);
        expect(ccsdsEpochToTdbS(text)).toBe(tdbS);
        // the test's own reader (Date.UTC for whole seconds): the same instant to a microsecond
        expect(Math.abs(tdbEpochSeconds(text) - tdbS)).toBeLessThan(1e-6);
      }),
      { numRuns: 20_000 },
    );
  });

  it('read the day-of-year form and refuse what is not a date', () => {
    expect(ccsdsEpochToTdbS('2000-001T12:00:00')).toBe(0);
    expect(ccsdsEpochToTdbS('2000-060T12:00:00')).toBe(ccsdsEpochToTdbS('2000-02-29T12:00:00'));
    expect(() => ccsdsEpochToTdbS('2001-02-29T00:00:00')).toThrow(/calendar/);
    expect(() => ccsdsEpochToTdbS('2001-366T00:00:00')).toThrow(/day of year/);
    expect(() => ccsdsEpochToTdbS('2001-01-01 00:00:00')).toThrow(/7.5.10/);
  });

  it('write UTC epochs from Unix time to the millisecond', () => {
    expect(utcMsToCcsdsEpoch(Date.UTC(2030, 0, 1))).toBe('2030-01-01T00:00:00.000');
    expect(utcMsToCcsdsEpoch(Date.UTC(2030, 11, 31, 23, 59, 59, 999))).toBe('2030-12-31T23:59:59.999');
  });
});
