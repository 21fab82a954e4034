/**
 * The `document` packet (CZML Guide, "Packet": the first packet, id `document`, `version`, `clock`): the run's
 * span as the clock's interval, its first output time as the current time, and a multiplier that plays the whole
 * span in PLAYBACK_S seconds of real time, looping at the end.
 */
import type { CzmlTimeline } from './timeline.ts';

/** Real seconds the clock takes over the whole run at its multiplier. */
export const PLAYBACK_S = 60;

export interface DocumentPacket {
  readonly id: 'document';
  readonly name: string;
  readonly version: '1.0';
  readonly clock: {
    readonly interval: string;
    readonly currentTime: string;
    readonly multiplier: number;
    readonly range: 'LOOP_STOP';
    readonly step: 'SYSTEM_CLOCK_MULTIPLIER';
  };
}

/** The document packet of a run over [fromTdbS, toTdbS] named `name`. */
export function documentPacket(
  timeline: CzmlTimeline,
  name: string,
  fromTdbS: number,
  toTdbS: number,
): DocumentPacket {
  return {
    id: 'document',
    name,
    version: '1.0',
    clock: {
      interval: timeline.interval(fromTdbS, toTdbS),
      currentTime: timeline.iso(fromTdbS),
      multiplier: Math.round((toTdbS - fromTdbS) / PLAYBACK_S),
      range: 'LOOP_STOP',
      step: 'SYSTEM_CLOCK_MULTIPLIER',
    },
  };
}
