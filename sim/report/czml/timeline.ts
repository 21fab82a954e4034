/**
 * Time in a CZML document. CZML times are ISO 8601 UTC strings (CZML Guide, "Time"), and sampled values give
 * their times as seconds after a packet's `epoch`. Cesium counts those seconds on TAI (JulianDate adds SI
 * seconds, leap seconds between), so an offset here is a difference of TT (= TAI + 32.184 s), not of TDB: the two
 * differ by the periodic 1.7 ms term of sim/time.ts, 50 m of the Earth's motion, which would otherwise enter every
 * sample.
 *
 * One epoch for the whole document: the run's first output time rounded to the millisecond in UTC, then read back
 * (so the ISO string is exactly the epoch used for the offsets). Offsets are rounded to the millisecond too, and
 * every sample is evaluated at the TDB instant of its rounded offset, so the times written are exactly those at
 * which the positions were computed.
 */
import { InputError } from '../../errors.ts';
import { isoToTdbS, tdbMinusTtS, tdbSToIso, tdbSToTtS } from '../../time.ts';

/** TDB seconds past J2000 of a TT time (sim/time.ts tdbSToTtS is the other way). */
export function tdbOfTtS(ttS: number): number {
  return ttS + tdbMinusTtS(ttS);
}

export interface CzmlTimeline {
  /** The epoch of every sampled property, ISO 8601 UTC to the millisecond. */
  readonly epochIso: string;
  /** The same instant, TDB s past J2000. */
  readonly epochTdbS: number;
  /** Seconds of TT after the epoch, rounded to 1 ms, of a TDB time. */
  offsetS(tdbS: number): number;
  /** The TDB time of an offset (s of TT after the epoch). */
  tdbAt(offsetS: number): number;
  /** ISO 8601 UTC of a TDB time, to the millisecond (sim/time.ts tdbSToIso). */
  iso(tdbS: number): string;
  /** A CZML interval `start/stop`. */
  interval(fromTdbS: number, toTdbS: number): string;
}

/** The timeline of a document whose first time is `startTdbS`. */
export function createTimeline(startTdbS: number): CzmlTimeline {
  if (!Number.isFinite(startTdbS))
    throw new InputError(`must be a finite TDB time, got ${startTdbS}`, 'from');
  const epochIso = tdbSToIso(startTdbS);
  const epochTdbS = isoToTdbS(epochIso);
  const epochTtS = tdbSToTtS(epochTdbS);
  return {
    epochIso,
    epochTdbS,
    offsetS: (tdbS) => Math.round((tdbSToTtS(tdbS) - epochTtS) * 1000) / 1000,
    tdbAt: (offsetS) => tdbOfTtS(epochTtS + offsetS),
    iso: tdbSToIso,
    interval: (fromTdbS, toTdbS) => `${tdbSToIso(fromTdbS)}/${tdbSToIso(toTdbS)}`,
  };
}
