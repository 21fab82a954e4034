/** Playback speeds, simulated seconds per real second, from 1 day/s to 2 years/s. */
import { SECONDS_PER_DAY, SECONDS_PER_JULIAN_YEAR } from '../../../sim/constants.ts';

export interface Speed {
  /** Short key, used in the URL (`speed=1mo`). */
  readonly key: string;
  readonly label: string;
  /** Simulated TDB seconds per real second. */
  readonly secondsPerSecond: number;
}

const MONTH_S = SECONDS_PER_JULIAN_YEAR / 12;

export const SPEEDS: readonly Speed[] = [
  { key: '1d', label: '1 day/s', secondsPerSecond: SECONDS_PER_DAY },
  { key: '1w', label: '1 week/s', secondsPerSecond: 7 * SECONDS_PER_DAY },
  { key: '1mo', label: '1 month/s', secondsPerSecond: MONTH_S },
  { key: '3mo', label: '3 months/s', secondsPerSecond: 3 * MONTH_S },
  { key: '6mo', label: '6 months/s', secondsPerSecond: 6 * MONTH_S },
  { key: '1y', label: '1 year/s', secondsPerSecond: SECONDS_PER_JULIAN_YEAR },
  { key: '2y', label: '2 years/s', secondsPerSecond: 2 * SECONDS_PER_JULIAN_YEAR },
];

export const DEFAULT_SPEED_INDEX = 4;

export function speedAt(index: number): Speed {
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, Math.round(index)))] as Speed;
}

export function speedIndexOf(key: string | null): number | null {
  const index = SPEEDS.findIndex((speed) => speed.key === key);
  return index < 0 ? null : index;
}
