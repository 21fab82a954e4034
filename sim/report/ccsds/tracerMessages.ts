/**
 * Tracers as CCSDS orbit data: an OEM segment of a tracer's two-body ellipse (states from tracerStateAt, as cpu64
 * computes them) and an OMM of its elements.
 *
 * Frame. The core's frame is ECLIPJ2000 (sim/orbit/frames.ts), which is not among the REF_FRAME values of
 * 502.0-B-3 3.2.3.3. Vectors and elements are therefore rotated to the J2000 mean equator and equinox, EME2000
 * (astronomy-engine's EQJ, ICRF to within 0.02"), by the J2000 obliquity: CENTER_NAME SUN, REF_FRAME EME2000.
 * Time: TDB, the core's scale (TIME_SYSTEM TDB; epochs are TDB calendar dates, epoch.ts).
 *
 * Interpolation. Lagrange of degree 7 (8 nodes), lines at most a day and P / 200 apart. Its error falls as the
 * eighth power of the step; measured (tests/report/ccsds/oem.test.ts) at e = 0.05 it is 3 m at P / 100 and ~1 cm
 * at P / 200 in the worst (first and last) interval, and 2 mm for the baseline's periods of months at a day.
 * A short segment gets a finer step so that it still has the 8 lines the interpolation needs (5.2.4.7).
 */
import { GM_SUN_M3_S2 } from '../../constants.ts';
import { InputError } from '../../errors.ts';
import { eclipticToEquatorial, equatorialToEcliptic } from '../../orbit/frames.ts';
import type { KeplerElements } from '../../orbit/elements.ts';
import { keplerToState, stateToKepler } from '../../orbit/state.ts';
import type { TracerTable } from '../../propagate/tracerTable.ts';
import { tdbSToCcsdsEpoch } from './epoch.ts';
import type { Interpolation, OdmHeader, OemSegment } from './oem.ts';
import type { OmmMessage } from './omm.ts';
import { tracerStateAt } from '../tracerSample.ts';

export const TRACER_CENTER_NAME = 'SUN';
export const TRACER_REF_FRAME = 'EME2000';
export const TRACER_INTERPOLATION: Interpolation = { method: 'LAGRANGE', degree: 7 };
/** Default spacing of a tracer's ephemeris lines, s. */
export const DEFAULT_TRACER_STEP_S = 86_400;
/** Ephemeris lines per orbital period at the least: the spacing is at most P / this. */
export const LINES_PER_PERIOD = 200;
/** What the tracers' OMMs name as their propagation method: Kepler's two-body motion under GM. */
export const TRACER_MEAN_ELEMENT_THEORY = 'TWO-BODY';

const RAD_TO_DEG = 180 / Math.PI;
const DEG_TO_RAD = Math.PI / 180;
const M_PER_KM = 1000;

/** The tracer's name and id in the messages. */
export function tracerObjectName(index: number): string {
  return `TRACER ${index}`;
}
export function tracerObjectId(index: number): string {
  return `TRACER-${index}`;
}

/**
 * Evenly spaced times from start to stop, both included, no further apart than `stepS`, at least `minCount` of
 * them. Even spacing keeps Lagrange interpolation well conditioned (a last sliver of a step would not be).
 */
export function ephemerisTimes(startS: number, stopS: number, stepS: number, minCount: number): Float64Array {
  if (!(stepS > 0 && Number.isFinite(stepS))) throw new InputError(`must be > 0 s, got ${stepS}`, 'step');
  const spanS = stopS - startS;
  // the 1e-9 forgives a span that is a whole number of steps up to rounding
  const intervals = Math.max(minCount - 1, Math.ceil(spanS / stepS - 1e-9));
  const times = new Float64Array(intervals + 1);
  for (let k = 0; k < intervals; k += 1) times[k] = startS + (spanS * k) / intervals;
  times[intervals] = stopS;
  return times;
}

/** How many ephemeris lines tracerOemSegment will write for these arguments (0 when not on station in time). */
export function tracerEphemerisLineCount(
  table: TracerTable,
  index: number,
  fromTdbS: number,
  toTdbS: number,
  stepS: number = DEFAULT_TRACER_STEP_S,
): number {
  const startS = Math.max(fromTdbS, table.stationTdbS[index] as number);
  if (!(startS < toTdbS)) return 0;
  const periodS = (2 * Math.PI) / (table.meanMotionRadS[index] as number);
  const step = Math.min(stepS, periodS / LINES_PER_PERIOD);
  return Math.max(TRACER_INTERPOLATION.degree, Math.ceil((toTdbS - startS) / step - 1e-9)) + 1;
}

/**
 * The OEM segment of tracer `index` from max(from, its station time) to `toTdbS`, lines every `stepS` or every
 * period / LINES_PER_PERIOD if that is shorter. Throws InputError (field `tracer`) when the tracer is not on
 * station before `toTdbS`.
 */
export function tracerOemSegment(
  table: TracerTable,
  index: number,
  fromTdbS: number,
  toTdbS: number,
  stepS: number = DEFAULT_TRACER_STEP_S,
): OemSegment {
  const stationTdbS = table.stationTdbS[index] as number;
  const startS = Math.max(fromTdbS, stationTdbS);
  if (!(startS < toTdbS)) {
    throw new InputError(
      `tracer ${index} is on station only from ${tdbSToCcsdsEpoch(stationTdbS)} TDB, after the span's end ${tdbSToCcsdsEpoch(toTdbS)} TDB`,
      'tracer',
    );
  }
  const periodS = (2 * Math.PI) / (table.meanMotionRadS[index] as number);
  const epochs = ephemerisTimes(
    startS,
    toTdbS,
    Math.min(stepS, periodS / LINES_PER_PERIOD),
    TRACER_INTERPOLATION.degree + 1,
  );
  const states = new Float64Array(6 * epochs.length);
  epochs.forEach((t, k) => {
    const { positionM, velocityMS } = tracerStateAt(table, index, t);
    const r = eclipticToEquatorial(positionM);
    const v = eclipticToEquatorial(velocityMS);
    for (let j = 0; j < 3; j += 1) {
      states[6 * k + j] = (r[j] as number) / M_PER_KM;
      states[6 * k + 3 + j] = (v[j] as number) / M_PER_KM;
    }
  });
  return {
    comments: [
      `Essaim tracer ${index}: nominal weight ${table.weight[index]} collectors of shell ${table.shellIndex[index]}`,
      `on station from ${tdbSToCcsdsEpoch(stationTdbS)} TDB; two-body ellipse under GM_sun (1 - beta)`,
    ],
    objectName: tracerObjectName(index),
    objectId: tracerObjectId(index),
    centerName: TRACER_CENTER_NAME,
    refFrame: TRACER_REF_FRAME,
    startTime: startS,
    stopTime: toTdbS,
    useableStartTime: startS,
    useableStopTime: toTdbS,
    interpolation: TRACER_INTERPOLATION,
    dataComments: [],
    epochs,
    statesKmKmS: states,
  };
}

/** The radiation-pressure-modified mu of a tracer, m^3/s^2: n^2 a^3 (cpu64's own). */
export function tracerMuEffM3S2(table: TracerTable, index: number): number {
  const a = table.semiMajorAxisM[index] as number;
  const n = table.meanMotionRadS[index] as number;
  return n * n * a * a * a;
}

/** Elements of the same ellipse with the frame turned by `rotate` (a rotation), through the state at epoch. */
function rotateElements(
  el: KeplerElements,
  muM3S2: number,
  rotate: typeof eclipticToEquatorial,
): KeplerElements {
  const { positionM, velocityMS } = keplerToState(el, muM3S2);
  return stateToKepler({ positionM: rotate(positionM), velocityMS: rotate(velocityMS) }, muM3S2);
}

export interface TracerOmmContext {
  readonly header: OdmHeader;
  /** The collectors' lightness number beta (radiation pressure / solar gravity). */
  readonly lightnessNumber: number;
  /** Shell names by index, for the comment. */
  readonly shellNames: readonly string[];
}

/** The OMM of tracer `index`: its elements at its own epoch in EME2000, with GM = mu_eff = GM_sun (1 - beta). */
export function tracerOmm(table: TracerTable, index: number, context: TracerOmmContext): OmmMessage {
  const muEff = tracerMuEffM3S2(table, index);
  const eclipticElements: KeplerElements = {
    semiMajorAxisM: table.semiMajorAxisM[index] as number,
    eccentricity: table.eccentricity[index] as number,
    inclinationRad: table.inclinationRad[index] as number,
    ascendingNodeRad: table.ascendingNodeRad[index] as number,
    argPeriapsisRad: table.argPeriapsisRad[index] as number,
    meanAnomalyRad: table.meanAnomalyAtEpochRad[index] as number,
  };
  const el = rotateElements(eclipticElements, muEff, eclipticToEquatorial);
  const shell = table.shellIndex[index] as number;
  const beta = context.lightnessNumber;
  return {
    header: context.header,
    comments: [
      `Essaim tracer ${index} of ${table.count}: nominal weight ${table.weight[index]} collectors`,
      `of shell ${shell} (${context.shellNames[shell] ?? 'unnamed'})`,
    ],
    objectName: tracerObjectName(index),
    objectId: tracerObjectId(index),
    centerName: TRACER_CENTER_NAME,
    refFrame: TRACER_REF_FRAME,
    timeSystem: 'TDB',
    meanElementTheory: TRACER_MEAN_ELEMENT_THEORY,
    meanElements: {
      comments: [
        'Two-body elements (osculating = mean): M = MEAN_ANOMALY + n (t - EPOCH), n = sqrt(GM / a^3)',
        `GM is the radiation-pressure-modified GM_sun (1 - beta), beta = ${beta} (USER_DEFINED_LIGHTNESS_NUMBER),`,
        `GM_sun = ${GM_SUN_M3_S2 / 1e9} km**3/s**2 (USER_DEFINED_GM_SUN): a flat collector facing the Sun`,
        "USER_DEFINED_WEIGHT is the tracer table row's nominal weight; a run scales it per shell to the count on",
        'station at each instant (World.tracerWeightScaleAt), so it is exact only once the shell is complete',
      ],
      epoch: table.epochTdbS[index] as number,
      semiMajorAxisKm: el.semiMajorAxisM / M_PER_KM,
      eccentricity: el.eccentricity,
      inclinationDeg: el.inclinationRad * RAD_TO_DEG,
      raOfAscNodeDeg: el.ascendingNodeRad * RAD_TO_DEG,
      argOfPericenterDeg: el.argPeriapsisRad * RAD_TO_DEG,
      meanAnomalyDeg: el.meanAnomalyRad * RAD_TO_DEG,
      gmKm3S2: muEff / 1e9,
    },
    userDefined: [
      ['LIGHTNESS_NUMBER', beta],
      ['GM_SUN', GM_SUN_M3_S2 / 1e9],
      ['TRACER_INDEX', { integer: index }],
      ['WEIGHT', table.weight[index] as number],
      ['SHELL_INDEX', { integer: shell }],
      ['STATION_TIME', tdbSToCcsdsEpoch(table.stationTdbS[index] as number)],
    ],
  };
}

/** A tracer table row as an OMM gives it back (SI, ECLIPJ2000). */
export interface TracerRow {
  readonly elements: KeplerElements;
  readonly epochTdbS: number;
  readonly muEffM3S2: number;
  readonly weight: number;
  readonly stationTdbS: number;
  readonly shellIndex: number;
}

/** The EME2000 OMM elements (deg, km, km**3/s**2) of a tracer turned back into its ECLIPJ2000 row (SI). */
export function tracerRowFromElements(
  el: {
    semiMajorAxisKm: number;
    eccentricity: number;
    inclinationDeg: number;
    raOfAscNodeDeg: number;
    argOfPericenterDeg: number;
    meanAnomalyDeg: number;
    gmKm3S2: number;
  },
  rest: Omit<TracerRow, 'elements' | 'muEffM3S2'>,
): TracerRow {
  const muEffM3S2 = el.gmKm3S2 * 1e9;
  const equatorial: KeplerElements = {
    semiMajorAxisM: el.semiMajorAxisKm * M_PER_KM,
    eccentricity: el.eccentricity,
    inclinationRad: el.inclinationDeg * DEG_TO_RAD,
    ascendingNodeRad: el.raOfAscNodeDeg * DEG_TO_RAD,
    argPeriapsisRad: el.argOfPericenterDeg * DEG_TO_RAD,
    meanAnomalyRad: el.meanAnomalyDeg * DEG_TO_RAD,
  };
  return { ...rest, elements: rotateElements(equatorial, muEffM3S2, equatorialToEcliptic), muEffM3S2 };
}
