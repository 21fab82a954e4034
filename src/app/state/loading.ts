/** What the page says while a scenario loads: the name of what is loading, and the progress bar's fraction. */
import type { LoadPhase, ScenarioSource } from '../../../sim/stream/messages.ts';

/** The share of the progress bar each load phase covers, [start, end] as fractions of the whole bar. */
export const PHASE_SHARE = {
  scenario: [0, 0.05],
  swarm: [0.05, 0.2],
  timeline: [0.2, 0.95],
  render: [0.95, 1],
} as const satisfies Record<LoadPhase, readonly [number, number]>;

/** The progress bar's fraction, 0..1, when `done` of `total` steps of `phase` are done (total 0: its start). */
export function loadFraction(phase: LoadPhase, done: number, total: number): number {
  const [lo, hi] = PHASE_SHARE[phase];
  return lo + (hi - lo) * (total > 0 ? done / total : 0);
}

/** How the page names a scenario source to the user (in the progress bar and in errors). */
export function sourceLabel(source: ScenarioSource): string {
  switch (source.kind) {
    case 'builtin':
      return `built-in scenario ${source.name}`;
    case 'json':
      return source.fileName;
    case 'object':
      return source.label;
  }
}
