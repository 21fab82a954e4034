/** The Earth-side ledger of an instant with the charter's checks on it: what a snapshot carries. */
import { charterWarnings } from './charter.ts';
import { groundLedgerAt, type GroundInputs, type GroundLedger } from './ledger.ts';
import type { GroundParams } from './resolve.ts';

export interface GroundState extends GroundLedger {
  /** The charter's warnings at this instant (charter.ts). */
  readonly warnings: readonly string[];
}

export function groundStateAt(params: GroundParams, tdbS: number, inputs: GroundInputs): GroundState {
  const ledger = groundLedgerAt(params, tdbS, inputs);
  return { ...ledger, warnings: charterWarnings(ledger) };
}
