/**
 * The charter's warnings over a run (sim/ground/charter.ts), each check once per site, in order of first
 * appearance, with the first and last output dates that raised it; the message is the last row's (its numbers
 * grow with the run). A check that stops and starts again is one entry spanning both: the dates bound it.
 */
import type { Snapshot } from '../world.ts';
import { tdbSToIso } from '../time.ts';

export interface CharterWarning {
  message: string;
  firstDate: string;
  lastDate: string;
}

/** A warning's check: the label before the first ': ' (`charter thermal limit Tabernas`). */
function checkOf(message: string): string {
  const split = message.indexOf(': ');
  return split < 0 ? message : message.slice(0, split);
}

export function collectCharterWarnings(snapshots: readonly Snapshot[]): CharterWarning[] {
  const byCheck = new Map<string, CharterWarning>();
  for (const snapshot of snapshots) {
    const date = tdbSToIso(snapshot.tdbS);
    for (const message of snapshot.ground?.warnings ?? []) {
      const check = checkOf(message);
      const seen = byCheck.get(check);
      if (seen === undefined) byCheck.set(check, { message, firstDate: date, lastDate: date });
      else {
        seen.message = message;
        seen.lastDate = date;
      }
    }
  }
  return [...byCheck.values()];
}
