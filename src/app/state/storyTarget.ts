/**
 * Where the default view looks, following the story (issue 15: the default view showed an empty solar system from
 * 2030 to 2045 while the story happened around the Earth): at the Earth while the scenario's power satellites are
 * the story (some in service, no whole collector on station yet), at the Sun once the swarm has begun. Read from
 * the scenario's series at the displayed time; only for a view whose URL names no target or camera.
 */
import type { TimeSeries } from '../../../sim/stream/messages.ts';
import type { BodyId } from './targets.ts';

/** The index of the last sample at or before `tdbS` (0 before the first). */
function sampleAt(timesTdbS: Float64Array, tdbS: number): number {
  let index = 0;
  for (let k = 0; k < timesTdbS.length; k += 1) if ((timesTdbS[k] as number) <= tdbS) index = k;
  return index;
}

/** The body the story is about at `tdbS`. */
export function storyTargetAt(series: TimeSeries, tdbS: number): BodyId {
  const k = sampleAt(series.timesTdbS, tdbS);
  const collectors = series.columns['collectorCount']?.[k] ?? 0;
  // the yearly series samples 1 January: a satellite in service in the year that follows counts too
  const satellites = series.columns['powerSatelliteCount'];
  const satellitesNow = Math.max(satellites?.[k] ?? 0, satellites?.[k + 1] ?? 0);
  return collectors < 1 && satellitesNow >= 1 ? 'earth' : 'sun';
}
