/**
 * A seeded sample of tracers (sim/report/tracerSample.ts: uniform over the table, the same for the same seed) as
 * points with sampled geocentric positions (frame.ts: INERTIAL), coloured by shell with the app's palette
 * (sim/report/palettes.ts), each available only from its station time (the table's stationTdbS) to the run's end.
 *
 * Sampling: per tracer, TRACER_SAMPLES_PER_REVOLUTION samples over the shorter of its period and the Earth's year
 * (its geocentric position holds both motions). The bound of sampling.ts for degree 7: 6.1e-7 of each circular
 * term's amplitude, so (a + 1 au) x 6.1e-7 <= 180 km for the baseline's shells (a <= 1.05 au), times
 * 1 + 2^8 e / 2 for the eccentricity's first harmonic (e <= 0.03: 4.8): under 900 km, 6e-6 au.
 */
import { SECONDS_PER_DAY } from '../../constants.ts';
import { SIDEREAL_PERIOD_DAYS } from '../../geometry/planetPositions.ts';
import type { World } from '../../world.ts';
import { SHELL_PALETTE } from '../palettes.ts';
import { sampleTracerIndices, tracerStateAt } from '../tracerSample.ts';
import { geocentricEqjOfHeliocentricM } from './frame.ts';
import { positionProperty, sampleTimes, samplesCovering, type SampledPosition } from './sampling.ts';
import { rgbaOfHex } from './style.ts';
import type { CzmlTimeline } from './timeline.ts';

/** Samples per revolution of a tracer's faster motion (its own orbit or the Earth's). */
export const TRACER_SAMPLES_PER_REVOLUTION = 16;

/** The default size of the sample shown (the CLI's --tracers-shown). */
export const DEFAULT_TRACERS_SHOWN = 2000;

export interface TracerPacket {
  readonly id: string;
  readonly name: string;
  readonly availability: string;
  readonly properties: { readonly tracer: number; readonly shell: string; readonly weight: number };
  readonly position: SampledPosition;
  readonly point: { readonly pixelSize: number; readonly color: { readonly rgba: number[] } };
}

/** The id of tracer `index`'s packet. */
export function tracerPacketId(index: number): string {
  return `tracer:${index}`;
}

/**
 * The packets of `count` tracers sampled with `seed` (only those on station before the run's end), over the run's
 * output times `times`. `onTracer` is called after each tracer.
 */
export function tracerPackets(
  timeline: CzmlTimeline,
  world: World,
  times: readonly number[],
  count: number,
  seed: number,
  onTracer?: (done: number, total: number) => void,
): TracerPacket[] {
  const { table } = world.swarm;
  const fromTdbS = times[0] as number;
  const toTdbS = times[times.length - 1] as number;
  const toGrid = (t: number): number => timeline.tdbAt(timeline.offsetS(t));
  const yearS = SIDEREAL_PERIOD_DAYS.earth * SECONDS_PER_DAY;
  const indices = [...sampleTracerIndices(table.count, count, seed)].filter(
    (i) => (table.stationTdbS[i] as number) <= toTdbS,
  );
  const grids = new Map<number, number[]>();
  return indices.map((index, k) => {
    const periodS = (2 * Math.PI) / (table.meanMotionRadS[index] as number);
    const stepS = Math.min(periodS, yearS) / TRACER_SAMPLES_PER_REVOLUTION;
    // Tracers of one shell share periods closely; a grid per whole-second step keeps the sample times shared.
    const key = Math.round(stepS);
    let grid = grids.get(key);
    if (grid === undefined) {
      grid = sampleTimes(times, key, toGrid);
      grids.set(key, grid);
    }
    const shownFromTdbS = Math.max(fromTdbS, table.stationTdbS[index] as number);
    const shell = table.shellIndex[index] as number;
    const packet: TracerPacket = {
      id: tracerPacketId(index),
      name: `tracer ${index}`,
      availability: timeline.interval(shownFromTdbS, toTdbS),
      properties: {
        tracer: index,
        shell: world.scenario.shells[shell]?.name ?? String(shell),
        weight: table.weight[index] as number,
      },
      position: positionProperty(timeline, 'INERTIAL', samplesCovering(grid, shownFromTdbS, toTdbS), (t) =>
        geocentricEqjOfHeliocentricM(tracerStateAt(table, index, t).positionM, t),
      ),
      point: {
        pixelSize: 2,
        color: { rgba: rgbaOfHex(SHELL_PALETTE[shell % SHELL_PALETTE.length] as string) },
      },
    };
    onTracer?.(k + 1, indices.length);
    return packet;
  });
}
