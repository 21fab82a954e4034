/**
 * Tracer states as columns, for `essaim export states` (issue 16): at each chosen time, the tracers on station
 * (the first `world.tracersOnStationAt(t)` rows of the table, which is sorted by station time), in batches of at
 * most `batchSize` rows, each batch a set of typed-array columns ready for a columnar file.
 *
 * Frame: heliocentric ecliptic J2000 (ECLIPJ2000), positions m, velocities m/s; time: TDB seconds past J2000.
 *
 * Memory: a batcher owns one batch of scratch columns and yields views into them (or into the table), so however
 * many tracers and times there are it never holds more than `batchSize` rows of output. A consumer must use (or
 * copy) a batch before it asks for the next one, which overwrites it.
 *
 * Velocities are the analytic two-body velocities under each tracer's effective mu (radiation pressure included),
 * from the float64 reference (sim/propagate/cpu64.ts) whichever backend gave the positions: the backends compute
 * positions only.
 */
import { InputError } from '../errors.ts';
import { propagateCpu64 } from '../propagate/cpu64.ts';
import { tracerTableRows } from '../propagate/tracerTable.ts';
import type { World } from '../world.ts';

/** Rows per batch by default: 65,536 rows of ~100 bytes keep a batch near 6 MB. */
export const DEFAULT_STATES_BATCH = 65_536;
/** The largest batch accepted: 2^20 rows, ~100 MB of columns plus the writer's copy. */
export const MAX_STATES_BATCH = 1_048_576;

/** One batch of rows, all at the same time. Every column has `rowCount` values; the views are reused. */
export interface StatesBatch {
  /** The time of every row, TDB s past J2000. */
  readonly tdbS: number;
  /** Rows in this batch, in [1, batchSize]. */
  readonly rowCount: number;
  /** Row of each tracer in the world's table: the same tracer has the same number at every time. */
  readonly tracer: Uint32Array;
  /** Heliocentric ECLIPJ2000 position, m. */
  readonly xM: Float64Array;
  readonly yM: Float64Array;
  readonly zM: Float64Array;
  /** Heliocentric ECLIPJ2000 velocity, m/s (two-body, float64). */
  readonly vxMS: Float64Array;
  readonly vyMS: Float64Array;
  readonly vzMS: Float64Array;
  /**
   * Real collectors the tracer stands for at tdbS: its nominal weight times its shell's scale at tdbS
   * (World.tracerWeightScaleAt), so the weights of a time add up to its collectorCount.
   */
  readonly weight: Float64Array;
  /** Index into the scenario's shells. */
  readonly shellIndex: Uint16Array;
  /** Index into the swarm's cohorts (world.swarm.cohorts, in order of station time). */
  readonly cohortIndex: Uint32Array;
  /** The tracer is on station from this time on, TDB s past J2000 (<= tdbS). */
  readonly stationTdbS: Float64Array;
}

export interface StatesBatcher {
  readonly batchSize: number;
  /**
   * The batches of the tracers on station at `tdbS` (none when none is). Positions come from `positionsM` when
   * given (heliocentric ECLIPJ2000, m, xyz interleaved, at least 3 values per tracer on station: another backend's
   * output), else from the float64 reference, bit for bit as `world.positionsAt`.
   */
  batchesAt(tdbS: number, positionsM?: Float64Array | Float32Array): Generator<StatesBatch, void, undefined>;
}

/** A batcher over the world's tracers with `batchSize` rows of scratch (an integer in [1, MAX_STATES_BATCH]). */
export function createStatesBatcher(world: World, batchSize: number = DEFAULT_STATES_BATCH): StatesBatcher {
  if (!(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= MAX_STATES_BATCH)) {
    throw new InputError(`must be an integer in [1, ${MAX_STATES_BATCH}], got ${batchSize}`, 'batchSize');
  }
  const { table, tracerCohort } = world.swarm;
  const positionScratch = new Float64Array(3 * batchSize);
  const velocityScratch = new Float64Array(3 * batchSize);
  const tracer = new Uint32Array(batchSize);
  const columns = Array.from({ length: 6 }, () => new Float64Array(batchSize));
  const weight = new Float64Array(batchSize);

  function* batchesAt(
    tdbS: number,
    positionsM?: Float64Array | Float32Array,
  ): Generator<StatesBatch, void, undefined> {
    const onStation = world.tracersOnStationAt(tdbS);
    const scale = world.tracerWeightScaleAt(tdbS);
    if (positionsM !== undefined && positionsM.length < 3 * onStation) {
      throw new InputError(
        `must hold ${3 * onStation} values (3 per tracer on station), got ${positionsM.length}`,
        'positionsM',
      );
    }
    for (let start = 0; start < onStation; start += batchSize) {
      const end = Math.min(onStation, start + batchSize);
      const n = end - start;
      propagateCpu64(tracerTableRows(table, start, end), tdbS, positionScratch, velocityScratch);
      const [xM, yM, zM, vxMS, vyMS, vzMS] = columns as [
        Float64Array,
        Float64Array,
        Float64Array,
        Float64Array,
        Float64Array,
        Float64Array,
      ];
      const source = positionsM ?? positionScratch;
      const offset = positionsM === undefined ? 0 : 3 * start;
      for (let k = 0; k < n; k += 1) {
        tracer[k] = start + k;
        xM[k] = source[offset + 3 * k] as number;
        yM[k] = source[offset + 3 * k + 1] as number;
        zM[k] = source[offset + 3 * k + 2] as number;
        vxMS[k] = velocityScratch[3 * k] as number;
        vyMS[k] = velocityScratch[3 * k + 1] as number;
        vzMS[k] = velocityScratch[3 * k + 2] as number;
        weight[k] =
          (table.weight[start + k] as number) * (scale[table.shellIndex[start + k] as number] as number);
      }
      yield {
        tdbS,
        rowCount: n,
        tracer: tracer.subarray(0, n),
        xM: xM.subarray(0, n),
        yM: yM.subarray(0, n),
        zM: zM.subarray(0, n),
        vxMS: vxMS.subarray(0, n),
        vyMS: vyMS.subarray(0, n),
        vzMS: vzMS.subarray(0, n),
        weight: weight.subarray(0, n),
        shellIndex: table.shellIndex.subarray(start, end),
        cohortIndex: tracerCohort.subarray(start, end),
        stationTdbS: table.stationTdbS.subarray(start, end),
      };
    }
  }

  return { batchSize, batchesAt };
}

/**
 * The export's times, TDB s: the union of `atTdbS` (dates asked for) and `outputTdbS` (the run's output times),
 * ascending, each once.
 */
export function statesTimes(atTdbS: readonly number[], outputTdbS: readonly number[]): Float64Array {
  const times = Float64Array.from([...atTdbS, ...outputTdbS]).sort();
  for (const t of times) {
    if (!Number.isFinite(t)) throw new InputError(`must be finite TDB times, got ${t}`, 'times');
  }
  return times.filter((t, k) => k === 0 || t !== times[k - 1]);
}

/**
 * The names behind the batches' indices: each shell's name, and each cohort's launch site (the growth model's site
 * name, or null for the simple schedule's collectors, which have no site: sim/swarm/cohort.ts).
 */
export function statesLabels(world: World): {
  readonly shellNames: readonly string[];
  readonly cohortSites: ReadonlyArray<string | null>;
} {
  const sites = world.growthHistory?.params.sites ?? [];
  return {
    shellNames: world.scenario.shells.map((shell) => shell.name),
    cohortSites: world.swarm.cohorts.map((cohort) => sites[cohort.siteIndex]?.name ?? null),
  };
}
