/**
 * Where a power satellite is: SGP4 through satellite.js, with flat cost over the decade.
 *
 * Two orbit models:
 * - `elements`: a user's TLE or OMM, propagated as given (no manoeuvres), through the resonance-integrator
 *   cache of sdp4Cache.ts: the same SGP4 trajectory at a cost that does not grow with the time from epoch.
 * - `station-kept`: a geostationary slot; one element set per station-keeping cycle, generated for the slot at
 *   the cycle's start (geoSlot.ts). Cycle k starts at anchor + k * cycle; the element set of a cycle is a pure
 *   function of (slot, k), so any instant can be computed in any order. The cycles of the run's span are
 *   generated once each, on first use (~0.3 ms a cycle); other instants generate theirs on the fly.
 *
 * Output in satellite.js units (TEME, km, km/s); frames.ts converts. Time in: TDB seconds past J2000.
 */
import { sgp4, type PositionAndVelocity, type SatRec } from 'satellite.js';
import { julianDateToUtcMs, tdbSToUtcMs } from '../time.ts';
import { generateGeoElementSet } from './geoSlot.ts';
import { buildSdp4Cache, cachedSatrec, type Sdp4Cache } from './sdp4Cache.ts';

export type OrbitModel =
  | {
      readonly kind: 'elements';
      readonly cache: Sdp4Cache;
      /** The element set's epoch, UTC ms. */
      readonly epochUtcMs: number;
    }
  | {
      readonly kind: 'station-kept';
      readonly name: string;
      readonly catalogNumber: number;
      readonly longitudeRad: number;
      readonly inclinationRad: number;
      /** Station-keeping cycle, ms. */
      readonly cycleMs: number;
      /** Start of cycle 0 (the satellite's launch), UTC ms. */
      readonly anchorUtcMs: number;
      /**
       * Element sets of the span's cycles: cycles[k - firstCycle] for k in [firstCycle, firstCycle + cycles.length),
       * each generated on first use (satrecAt) and kept: a pure function of (slot, k), so when it is generated
       * changes no number. A hole (undefined) is a cycle not generated yet.
       */
      readonly firstCycle: number;
      readonly cycles: ReadonlyArray<SatRec | undefined>;
    };

/** The satrec that serves a UTC instant and the minutes from its epoch. */
export interface SatrecAt {
  readonly satrec: SatRec;
  readonly tsinceMin: number;
}

/** Station-keeping cycle index of a UTC instant (cycles before the anchor are negative). */
export function cycleIndex(orbit: Extract<OrbitModel, { kind: 'station-kept' }>, utcMs: number): number {
  return Math.floor((utcMs - orbit.anchorUtcMs) / orbit.cycleMs);
}

/** The generated element set of station-keeping cycle k. */
export function stationKeptSatrec(orbit: Extract<OrbitModel, { kind: 'station-kept' }>, k: number): SatRec {
  return generateGeoElementSet({
    name: orbit.name,
    catalogNumber: orbit.catalogNumber,
    epochUtcMs: orbit.anchorUtcMs + k * orbit.cycleMs,
    longitudeRad: orbit.longitudeRad,
    inclinationRad: orbit.inclinationRad,
    cycleMin: orbit.cycleMs / 60_000,
  }).satrec;
}

/**
 * A per-call memo of generated cycles, for loops that visit many instants of the same cycles (eclipse
 * integration). Local to the caller: sim/ keeps no module-level mutable state.
 */
export type CycleMemo = Map<number, SatRec>;

/** The satrec and tsince for a UTC instant. */
export function satrecAt(orbit: OrbitModel, utcMs: number, memo?: CycleMemo): SatrecAt {
  if (orbit.kind === 'elements') {
    const tsinceMin = (utcMs - orbit.epochUtcMs) / 60_000;
    return { satrec: cachedSatrec(orbit.cache, tsinceMin), tsinceMin };
  }
  const k = cycleIndex(orbit, utcMs);
  const slot = k - orbit.firstCycle;
  let satrec = orbit.cycles[slot] ?? memo?.get(k);
  if (satrec === undefined) {
    satrec = stationKeptSatrec(orbit, k);
    // the span's cycles are kept in the model itself (generated once, on first use); others in the caller's memo
    if (slot >= 0 && slot < orbit.cycles.length) (orbit.cycles as Array<SatRec | undefined>)[slot] = satrec;
    else memo?.set(k, satrec);
  }
  return { satrec, tsinceMin: (utcMs - (orbit.anchorUtcMs + k * orbit.cycleMs)) / 60_000 };
}

/** SGP4 result at a TDB time, or satellite.js's error code. */
export type TemeResult =
  | { readonly ok: true; readonly pv: PositionAndVelocity }
  | { readonly ok: false; readonly errorCode: number };

/** Propagate to a TDB time (TEME, km, km/s). */
export function temeAt(orbit: OrbitModel, tdbS: number, memo?: CycleMemo): TemeResult {
  const { satrec, tsinceMin } = satrecAt(orbit, tdbSToUtcMs(tdbS), memo);
  const pv = sgp4(satrec, tsinceMin);
  if (pv === null || !Number.isFinite(pv.position.x)) return { ok: false, errorCode: satrec.error };
  return { ok: true, pv };
}

/** The station-kept model of a slot, with the element sets of the cycles that cover [fromUtcMs, toUtcMs]. */
export function stationKeptOrbit(
  slot: Omit<Extract<OrbitModel, { kind: 'station-kept' }>, 'firstCycle' | 'cycles'>,
  fromUtcMs: number,
  toUtcMs: number,
): OrbitModel {
  const bare = { ...slot, firstCycle: 0, cycles: [] };
  const first = Math.max(0, cycleIndex(bare, fromUtcMs));
  const last = cycleIndex(bare, toUtcMs);
  // generated on first use (satrecAt): a run's eclipse seasons and output times touch a fraction of them
  const cycles = Array.from<SatRec | undefined>({ length: Math.max(0, last - first + 1) });
  return { ...bare, firstCycle: first, cycles };
}

/** The `elements` model of a satrec, with integrator nodes covering [fromUtcMs, toUtcMs]. */
export function elementsOrbit(satrec: SatRec, fromUtcMs: number, toUtcMs: number): OrbitModel {
  const epochUtcMs = julianDateToUtcMs(satrec.jdsatepoch);
  const cache = buildSdp4Cache(satrec, (fromUtcMs - epochUtcMs) / 60_000, (toUtcMs - epochUtcMs) / 60_000);
  return { kind: 'elements', cache, epochUtcMs };
}
