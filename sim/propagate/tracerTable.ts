/**
 * The tracer table: one row per simulated collector ("tracer"), stored as a structure of arrays (one typed-array
 * column per field) so the same buffers feed the CPU propagator, gpu.js kernels and the worker stream.
 *
 * Orbits are two-body ellipses about the Sun under an effective mu (already including radiation pressure,
 * mu_eff = GM_sun (1 - beta)), frame ECLIPJ2000, SI units, time TDB seconds past J2000.
 * setTracer stores node and argument of periapsis reduced to [0, 2π), the mean anomaly at epoch to [-π, π].
 */
import { InputError } from '../errors.ts';
import { wrapPi, wrapTwoPi } from '../orbit/angles.ts';
import type { KeplerElements } from '../orbit/elements.ts';
import { validateElements } from '../orbit/elements.ts';

export interface TracerTable {
  /** Number of rows; every column has exactly this length. */
  readonly count: number;
  /** Semi-major axis a, m (> 0). */
  readonly semiMajorAxisM: Float64Array;
  /** Eccentricity e, in [0, 1). */
  readonly eccentricity: Float64Array;
  /** Inclination to the J2000 ecliptic, rad, in [0, π]. */
  readonly inclinationRad: Float64Array;
  /** Longitude of the ascending node, rad, ECLIPJ2000. */
  readonly ascendingNodeRad: Float64Array;
  /** Argument of periapsis, rad. */
  readonly argPeriapsisRad: Float64Array;
  /** Mean anomaly at epochTdbS, rad (setTracer stores it in [-π, π]). */
  readonly meanAnomalyAtEpochRad: Float64Array;
  /** Epoch of the elements, TDB s past J2000. */
  readonly epochTdbS: Float64Array;
  /** Mean motion n = sqrt(mu_eff / a^3), rad/s; mu_eff already includes (1 - beta). */
  readonly meanMotionRadS: Float64Array;
  /** How many real collectors this tracer stands for (> 0; need not be an integer). */
  readonly weight: Float64Array;
  /** The tracer is on station (exists in the swarm) from this time on, TDB s past J2000. */
  readonly stationTdbS: Float64Array;
  /** Which orbit shell / cohort group the tracer was sampled in. */
  readonly shellIndex: Uint16Array;
}

/** Columns checked for NaN/Infinity, in the order they are reported. */
const FLOAT_COLUMNS = [
  'semiMajorAxisM',
  'eccentricity',
  'inclinationRad',
  'ascendingNodeRad',
  'argPeriapsisRad',
  'meanAnomalyAtEpochRad',
  'epochTdbS',
  'meanMotionRadS',
  'weight',
  'stationTdbS',
] as const;

const MAX_SHELL_INDEX = 65_535;

/** A zero-filled table of `count` rows (a non-negative integer). Fill it with setTracer, then validate it. */
export function createTracerTable(count: number): TracerTable {
  if (!(Number.isInteger(count) && count >= 0)) {
    throw new InputError(`must be a non-negative integer, got ${count}`, 'count');
  }
  return {
    count,
    semiMajorAxisM: new Float64Array(count),
    eccentricity: new Float64Array(count),
    inclinationRad: new Float64Array(count),
    ascendingNodeRad: new Float64Array(count),
    argPeriapsisRad: new Float64Array(count),
    meanAnomalyAtEpochRad: new Float64Array(count),
    epochTdbS: new Float64Array(count),
    meanMotionRadS: new Float64Array(count),
    weight: new Float64Array(count),
    stationTdbS: new Float64Array(count),
    shellIndex: new Uint16Array(count),
  };
}

/**
 * Throw an InputError, naming the column and row (`tracers.eccentricity[12]: must be in [0, 1), got 1.2`), at
 * the first problem found: a column whose length is not `count`, a non-finite value, a <= 0, e outside [0, 1),
 * i outside [0, π], n <= 0, weight <= 0. A zero-filled row is invalid (a = 0): every row must be set.
 */
export function validateTracerTable(t: TracerTable): void {
  if (!(Number.isInteger(t.count) && t.count >= 0)) {
    throw new InputError(`must be a non-negative integer, got ${t.count}`, 'tracers.count');
  }
  for (const name of FLOAT_COLUMNS) checkLength(t[name], t.count, name);
  checkLength(t.shellIndex, t.count, 'shellIndex');

  for (const name of FLOAT_COLUMNS) {
    const column = t[name];
    for (let k = 0; k < t.count; k += 1) {
      const value = column[k] as number;
      if (!Number.isFinite(value)) fail(name, k, `must be a finite number, got ${value}`);
    }
  }
  for (let k = 0; k < t.count; k += 1) {
    const a = t.semiMajorAxisM[k] as number;
    if (!(a > 0)) fail('semiMajorAxisM', k, `must be > 0 m, got ${a}`);
    const e = t.eccentricity[k] as number;
    if (!(e >= 0 && e < 1)) fail('eccentricity', k, `must be in [0, 1), got ${e}`);
    const i = t.inclinationRad[k] as number;
    if (!(i >= 0 && i <= Math.PI)) fail('inclinationRad', k, `must be in [0, π] rad, got ${i}`);
    const n = t.meanMotionRadS[k] as number;
    if (!(n > 0)) fail('meanMotionRadS', k, `must be > 0 rad/s, got ${n}`);
    const w = t.weight[k] as number;
    if (!(w > 0)) fail('weight', k, `must be > 0, got ${w}`);
  }
}

/**
 * Fill row `index` from elements valid at `epochTdbS` (TDB s past J2000), the effective gravitational parameter
 * `muEffM3S2` (m^3/s^2, already mu (1 - beta)), the weight (> 0), the time it is on station (TDB s) and its shell
 * (integer in [0, 65535]). Stores n = sqrt(muEff / a^3), Ω and ω reduced to [0, 2π) and M0 to [-π, π].
 * Throws InputError naming the argument on bad input.
 */
export function setTracer(
  t: TracerTable,
  index: number,
  el: KeplerElements,
  epochTdbS: number,
  muEffM3S2: number,
  weight: number,
  stationTdbS: number,
  shellIndex: number,
): void {
  if (!(Number.isInteger(index) && index >= 0 && index < t.count)) {
    throw new InputError(`must be an integer in [0, ${t.count - 1}], got ${index}`, 'index');
  }
  validateElements(el, `tracers[${index}]`);
  if (!Number.isFinite(epochTdbS))
    throw new InputError(`must be a finite number, got ${epochTdbS}`, 'epochTdbS');
  if (!(Number.isFinite(muEffM3S2) && muEffM3S2 > 0)) {
    throw new InputError(`must be a finite number > 0 m^3/s^2, got ${muEffM3S2}`, 'muEffM3S2');
  }
  if (!(Number.isFinite(weight) && weight > 0)) {
    throw new InputError(`must be a finite number > 0, got ${weight}`, 'weight');
  }
  if (!Number.isFinite(stationTdbS)) {
    throw new InputError(`must be a finite number, got ${stationTdbS}`, 'stationTdbS');
  }
  if (!(Number.isInteger(shellIndex) && shellIndex >= 0 && shellIndex <= MAX_SHELL_INDEX)) {
    throw new InputError(`must be an integer in [0, ${MAX_SHELL_INDEX}], got ${shellIndex}`, 'shellIndex');
  }
  const a = el.semiMajorAxisM;
  t.semiMajorAxisM[index] = a;
  t.eccentricity[index] = el.eccentricity;
  t.inclinationRad[index] = el.inclinationRad;
  t.ascendingNodeRad[index] = wrapTwoPi(el.ascendingNodeRad);
  t.argPeriapsisRad[index] = wrapTwoPi(el.argPeriapsisRad);
  t.meanAnomalyAtEpochRad[index] = wrapPi(el.meanAnomalyRad);
  t.epochTdbS[index] = epochTdbS;
  t.meanMotionRadS[index] = Math.sqrt(muEffM3S2 / (a * a * a));
  t.weight[index] = weight;
  t.stationTdbS[index] = stationTdbS;
  t.shellIndex[index] = shellIndex;
}

function checkLength(column: ArrayLike<number>, count: number, name: string): void {
  if (column.length !== count) {
    throw new InputError(`has length ${column.length}, expected count = ${count}`, `tracers.${name}`);
  }
}

function fail(column: string, index: number, message: string): never {
  throw new InputError(message, `tracers.${column}[${index}]`);
}

/** A view of the first `count` rows of a table (no copy; the table itself when count is its length). */
export function tracerTablePrefix(table: TracerTable, count: number): TracerTable {
  if (count === table.count) return table;
  return {
    count,
    semiMajorAxisM: table.semiMajorAxisM.subarray(0, count),
    eccentricity: table.eccentricity.subarray(0, count),
    inclinationRad: table.inclinationRad.subarray(0, count),
    ascendingNodeRad: table.ascendingNodeRad.subarray(0, count),
    argPeriapsisRad: table.argPeriapsisRad.subarray(0, count),
    meanAnomalyAtEpochRad: table.meanAnomalyAtEpochRad.subarray(0, count),
    epochTdbS: table.epochTdbS.subarray(0, count),
    meanMotionRadS: table.meanMotionRadS.subarray(0, count),
    weight: table.weight.subarray(0, count),
    stationTdbS: table.stationTdbS.subarray(0, count),
    shellIndex: table.shellIndex.subarray(0, count),
  };
}

/** A view of rows [start, end) of a table (no copy): a batch of tracers for the exports. */
export function tracerTableRows(table: TracerTable, start: number, end: number): TracerTable {
  if (!(
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    start <= end &&
    end <= table.count
  )) {
    throw new InputError(
      `must be integers with 0 <= start <= end <= ${table.count}, got [${start}, ${end})`,
      'rows',
    );
  }
  if (start === 0) return tracerTablePrefix(table, end);
  return {
    count: end - start,
    semiMajorAxisM: table.semiMajorAxisM.subarray(start, end),
    eccentricity: table.eccentricity.subarray(start, end),
    inclinationRad: table.inclinationRad.subarray(start, end),
    ascendingNodeRad: table.ascendingNodeRad.subarray(start, end),
    argPeriapsisRad: table.argPeriapsisRad.subarray(start, end),
    meanAnomalyAtEpochRad: table.meanAnomalyAtEpochRad.subarray(start, end),
    epochTdbS: table.epochTdbS.subarray(start, end),
    meanMotionRadS: table.meanMotionRadS.subarray(start, end),
    weight: table.weight.subarray(start, end),
    stationTdbS: table.stationTdbS.subarray(start, end),
    shellIndex: table.shellIndex.subarray(start, end),
  };
}
