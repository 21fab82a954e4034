/**
 * The timeline's phase bands, read from the scenario's own series (not the baseline's dates for every scenario):
 * the power satellites' phase from the first sample with a satellite in service, the swarm's from the first with a
 * whole collector on station, each to the next phase or to the end of the span. A scenario without satellites has
 * no satellite band; one without a swarm in its span has no swarm band.
 */
import type { SeriesView } from './store.ts';

export interface Phase {
  readonly fromTdbS: number;
  readonly toTdbS: number;
  readonly label: string;
  readonly className: string;
}

/** The time of the first sample of `column` at or above `atLeast`, or null. */
function firstAtLeast(series: SeriesView, column: string, atLeast: number): number | null {
  const values = series.columns[column];
  if (values === undefined) return null;
  for (let k = 0; k < values.length; k += 1) {
    if ((values[k] as number) >= atLeast) return series.timesTdbS[k] as number;
  }
  return null;
}

/** The phases of a scenario over [fromTdbS, toTdbS] from its series (null series: none yet). */
export function phasesOf(series: SeriesView | null, fromTdbS: number, toTdbS: number): Phase[] {
  if (series === null) return [];
  const satellites = firstAtLeast(series, 'powerSatelliteCount', 1);
  const swarm = firstAtLeast(series, 'collectorCount', 1);
  const phases: Phase[] = [];
  if (satellites !== null && (swarm === null || satellites < swarm)) {
    phases.push({
      fromTdbS: Math.max(fromTdbS, satellites),
      toTdbS: swarm ?? toTdbS,
      label: 'Power satellites in geostationary orbit',
      className: 'phase-geo',
    });
  }
  if (swarm !== null) {
    phases.push({
      fromTdbS: Math.max(fromTdbS, swarm),
      toTdbS,
      label: 'The swarm',
      className: 'phase-swarm',
    });
  }
  return phases;
}
