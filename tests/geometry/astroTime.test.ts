/**
 * The one conversion to astronomy-engine's time (sim/geometry/astroTime.ts): TDB seconds past J2000 -> its
 * AstroTime, built from TT. Checked against the definition of J2000.0 (2000-01-01T12:00:00 TT, JD 2451545.0) and
 * against sim/time.ts's TT, independently of astronomy-engine's own Delta-T model.
 */
import { describe, expect, it } from 'vitest';

import { SECONDS_PER_DAY } from '../../sim/constants.ts';
import { astroTimeOf } from '../../sim/geometry/astroTime.ts';
import { isoToTdbS, tdbMinusTtS, tdbSToTtS } from '../../sim/time.ts';

/**
 * TT agreement, days: astronomy-engine stores tt as days past J2000 in float64; at |tt| < 2e4 days its spacing is
 * 3.6e-12 days (0.3 us), so 1e-10 days (9 us) bounds the rounding of the days <-> seconds conversion with room.
 */
const TT_DAYS_TOL = 1e-10;
/** TT - UTC against the table's 69.184 s, digits (5e-6 s): tt rounds to 3.6e-12 days (0.3 us) near 2045. */
const LEAP_TABLE_DIGITS = 5;

describe('astroTimeOf', () => {
  it('puts 2000-01-01T12:00:00 TT (11:58:55.816 UTC; TT - UTC = 64.184 s then) at astronomy-engine tt = 0', () => {
    const time = astroTimeOf(isoToTdbS('2000-01-01T11:58:55.816Z'));
    expect(Math.abs(time.tt)).toBeLessThan(TT_DAYS_TOL);
  });

  it("hands astronomy-engine the project's TT, not TDB: they differ by the periodic 1.7 ms term", () => {
    for (const iso of ['2030-04-01T00:00:00Z', '2040-10-01T00:00:00Z', '2050-01-01T00:00:00Z']) {
      const tdbS = isoToTdbS(iso);
      const ttS = tdbSToTtS(tdbS);
      expect(Math.abs(astroTimeOf(tdbS).tt - ttS / SECONDS_PER_DAY)).toBeLessThan(TT_DAYS_TOL);
      // The conversion does matter: TDB - TT here is a measurable fraction of a millisecond.
      expect(Math.abs(tdbMinusTtS(ttS))).toBeGreaterThan(1e-5);
    }
  });

  it('uses TT after 2017 from the leap-second table: TT - UTC = 69.184 s (IERS Bulletin C), whatever Delta-T says', () => {
    const tdbS = isoToTdbS('2045-06-01T00:00:00Z');
    const utcDaysPastJ2000 =
      (Date.parse('2045-06-01T00:00:00Z') - Date.parse('2000-01-01T12:00:00Z')) / 86_400_000;
    expect((astroTimeOf(tdbS).tt - utcDaysPastJ2000) * SECONDS_PER_DAY).toBeCloseTo(
      69.184,
      LEAP_TABLE_DIGITS,
    );
  });
});
