/**
 * The two TIME_SYSTEM values Essaim writes (CCSDS 502.0-B-3 3.2.3.2) and how an epoch number on each is written:
 * TDB epochs are TDB seconds past J2000 (the core's own scale), UTC epochs are Unix ms (SGP4's scale).
 */
import { tdbSToCcsdsEpoch, utcMsToCcsdsEpoch } from './epoch.ts';

export type TimeSystem = 'TDB' | 'UTC';

/** The CCSDS epoch text of `time` on `system` (TDB seconds past J2000, or UTC ms since 1970). */
export function formatEpoch(system: TimeSystem, time: number): string {
  return system === 'TDB' ? tdbSToCcsdsEpoch(time) : utcMsToCcsdsEpoch(time);
}
