/**
 * Hohmann transfers from the site to the shell under mu (1 - beta) (sim/growth/transfer.ts), against the
 * textbook values for beta = 0: Earth -> Venus 2.50 / 2.71 km/s in 146 days, Earth -> Mars 2.94 / 2.65 km/s in
 * 259 days (H. Curtis, Orbital Mechanics for Engineering Students, 3rd ed., sec. 8.2 (interplanetary Hohmann transfers), with
 * circular coplanar orbits at 1, 0.723 and 1.524 au). Tolerances: 0.01 km/s and 1 day, the books' rounding.
 */
import { describe, expect, it } from 'vitest';
import { AU_M, GM_SUN_M3_S2, SECONDS_PER_DAY } from '../../sim/constants.ts';
import { hohmannTransfer } from '../../sim/growth/transfer.ts';

/** Against the book's speed changes, km/s: printed to 0.01 km/s. */
const BOOK_SPEED_KM_S = 0.01;
/** Against the book's flight times, days: printed to whole days. */
const BOOK_FLIGHT_DAYS = 1;
/** Ratios of closed forms, digits: float64 rounding of a few square roots and products. */
const CLOSED_FORM_DIGITS = 12;
/** A speed change of ~1.3 km/s against its closed form, digits (5e-10 m/s): rounding of v (ulp ~4e-12 m/s). */
const SPEED_DIGITS = 9;

describe('hohmannTransfer', () => {
  it('reproduces Earth -> Venus for beta = 0', () => {
    const t = hohmannTransfer(AU_M, 0.723 * AU_M, GM_SUN_M3_S2);
    expect(Math.abs(t.departureDeltaVMS / 1000 - 2.5)).toBeLessThan(BOOK_SPEED_KM_S);
    expect(Math.abs(t.arrivalDeltaVMS / 1000 - 2.71)).toBeLessThan(BOOK_SPEED_KM_S);
    expect(Math.abs(t.hohmannFlightS / SECONDS_PER_DAY - 146)).toBeLessThan(BOOK_FLIGHT_DAYS);
  });

  it('reproduces Earth -> Mars for beta = 0', () => {
    const t = hohmannTransfer(AU_M, 1.524 * AU_M, GM_SUN_M3_S2);
    expect(Math.abs(t.departureDeltaVMS / 1000 - 2.94)).toBeLessThan(BOOK_SPEED_KM_S);
    expect(Math.abs(t.arrivalDeltaVMS / 1000 - 2.65)).toBeLessThan(BOOK_SPEED_KM_S);
    expect(Math.abs(t.hohmannFlightS / SECONDS_PER_DAY - 259)).toBeLessThan(BOOK_FLIGHT_DAYS);
  });

  it('slows the flight by 1 / sqrt(1 - beta) for a sail-like collector', () => {
    const beta = 0.3;
    const plain = hohmannTransfer(AU_M, 0.7 * AU_M, GM_SUN_M3_S2);
    const sail = hohmannTransfer(AU_M, 0.7 * AU_M, GM_SUN_M3_S2 * (1 - beta));
    expect(sail.hohmannFlightS / plain.hohmannFlightS).toBeCloseTo(
      1 / Math.sqrt(1 - beta),
      CLOSED_FORM_DIGITS,
    );
  });

  it('needs no flight to a shell at the site distance, only the speed change to its own circular orbit', () => {
    const beta = 0.084;
    const t = hohmannTransfer(AU_M, AU_M, GM_SUN_M3_S2 * (1 - beta));
    expect(t.hohmannFlightS).toBe(0);
    const v = Math.sqrt(GM_SUN_M3_S2 / AU_M);
    expect(t.departureDeltaVMS).toBeCloseTo(v * (1 - Math.sqrt(1 - beta)), SPEED_DIGITS);
  });
});
