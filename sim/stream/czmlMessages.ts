/**
 * The message contract between the page and the CZML export worker (src/workers/czml.worker.ts), which builds a
 * CZML document of the loaded scenario (sim/report/czml/) away from the simulation worker, so that the scene and
 * the panels keep being answered while it runs (a 20-year baseline takes about ten seconds).
 *
 * One request per worker: the page starts a worker, sends one `czml` request, reads one reply (`czml` with the
 * document's text, or `czmlFailed` with the reason), and terminates the worker. `seq` is echoed so that a page
 * that starts several exports can tell them apart.
 */
import type { ScenarioSource } from './messages.ts';

export interface CzmlRequest {
  readonly type: 'czml';
  readonly seq: number;
  /** The scenario, as the simulation worker was given it. */
  readonly source: ScenarioSource;
  /** Tracer budget and seed of the world shown (the scenario's when absent). */
  readonly tracers?: number;
  readonly seed?: number;
  /** How many tracers to draw (sim/report/czml/ DEFAULT_TRACERS_SHOWN when absent). */
  readonly tracersShown?: number;
}

export type CzmlReply =
  | { readonly type: 'czml'; readonly seq: number; readonly name: string; readonly text: string }
  | { readonly type: 'czmlFailed'; readonly seq: number; readonly message: string };

/** Type guard for messages arriving in the export worker. */
export function isCzmlRequest(data: unknown): data is CzmlRequest {
  if (data === null || typeof data !== 'object') return false;
  const { type, seq, source } = data as { type?: unknown; seq?: unknown; source?: unknown };
  return type === 'czml' && typeof seq === 'number' && typeof source === 'object' && source !== null;
}

/** Type guard for messages arriving on the page. */
export function isCzmlReply(data: unknown): data is CzmlReply {
  if (data === null || typeof data !== 'object') return false;
  const { type, seq } = data as { type?: unknown; seq?: unknown };
  return typeof seq === 'number' && (type === 'czml' || type === 'czmlFailed');
}
