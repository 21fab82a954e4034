/**
 * A seeded sample of tracers (sim/report/tracerSample.ts: uniform over the table, the same for the same seed) as
 * points with sampled geocentric positions (frame.ts: INERTIAL), coloured by shell with the app's palette
 * (sim/report/palettes.ts), each available only from its station time (the table's stationTdbS) to the run's end.
 *
 * Sampling: TRACER_SAMPLES_PER_REVOLUTION samples a year, times the whole number of its revolutions a year rounded
 * up for a tracer faster than the Earth, so at least that many over the shorter of its period and the year (its
 * geocentric position holds both motions), on a few grids that many tracers share. The bound of sampling.ts for degree 7: 6.1e-7 of each circular
 * term's amplitude, so (a + 1 au) x 6.1e-7 <= 180 km for the baseline's shells (a <= 1.05 au), times
 * 1 + 2^8 e / 2 for the eccentricity's first harmonic (e <= 0.03: 4.8): under 900 km. One motion is not
 * resolved: the Earth's centre circles the Earth-Moon barycentre once a month at EARTH_WOBBLE_M, and sampling
 * every tracer a few times a month would make a 20-year document of gigabytes. The interpolation of an
 * unresolved term is bounded by its amplitude times 1 + the Lebesgue constant of Cesium's window (1.49 in the
 * middle gap of 8 equally spaced nodes), so the whole error is under TRACER_INTERPOLATION_ERROR_M: 0.0001 au,
 * far below a pixel at the swarm's scale, and the same for every tracer sampled on the same grid (it comes from
 * the Earth's motion, not the tracer's), so the swarm's shape is kept to TRACER_SHAPE_ERROR_M.
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

/**
 * The Earth's distance from the Earth-Moon barycentre, m: a_Moon x GM_Moon / (GM_Earth + GM_Moon) = 384,400 km x
 * 0.012151 (IAU 2009 mass ratio 81.3006; NASA NSSDC Moon Fact Sheet semi-major axis), 4,671 km; 5,000 km covers
 * the Moon's eccentricity (0.055).
 */
export const EARTH_WOBBLE_M = 5.0e6;

/** A tracer's own interpolation error (its orbit and the Earth's year, not the wobble), m: the 900 km above. */
export const TRACER_SHAPE_ERROR_M = 9e5;

/** The bound of the module comment, m: 900 km + EARTH_WOBBLE_M x (1 + 1.49). */
export const TRACER_INTERPOLATION_ERROR_M = TRACER_SHAPE_ERROR_M + EARTH_WOBBLE_M * 2.49;

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
    // the year's step, divided by a whole number for a tracer faster than the Earth: few grids, shared by many
    const periodS = (2 * Math.PI) / (table.meanMotionRadS[index] as number);
    const divisions = Math.max(1, Math.ceil(yearS / periodS));
    let grid = grids.get(divisions);
    if (grid === undefined) {
      grid = sampleTimes(times, yearS / (TRACER_SAMPLES_PER_REVOLUTION * divisions), toGrid);
      grids.set(divisions, grid);
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
