/**
 * The power satellites of the earth section as OEM segments: SGP4 states from satellite.js (TEME, km, km/s) at
 * UTC instants, rotated to EME2000 (the J2000 mean equator and equinox: sim/earth/frames.ts temeToEqjMatrix,
 * astronomy-engine's precession-nutation), CENTER_NAME EARTH, TIME_SYSTEM UTC (SGP4's own scale).
 *
 * Why not TEME: 502.0-B-3 lists TEME as "only used in OMMs" (3.2.3.3) and allows it only for OMMs of TLE-based
 * element sets (4.2.4.9); an ephemeris goes in a standard inertial frame.
 *
 * Segments. A station-kept (slot) satellite gets a fresh element set at each station-keeping cycle, which is a
 * manoeuvre: its trajectory jumps by a few km there, so each cycle is its own segment and no reader interpolates
 * across (5.2.4.6); a cycle's last line is its own element set propagated to the boundary, the next segment's first
 * line the new one at the same instant (repeated time tags are allowed, 5.2.4.4).
 *
 * Interpolation: Lagrange of degree 7 with lines at most P / 50 apart (~29 min at geostationary radius): its error
 * on a near-circular orbit is about 0.013 r (2 pi / 50)^8, 3 cm at 42,164 km (measured 3.4 cm; the tests check 1 m).
 */
import { sgp4, type SatRec } from 'satellite.js';
import { InputError } from '../../errors.ts';
import { applyMatrix, temeToEqjMatrix } from '../../earth/frames.ts';
import { cycleIndex, satrecAt, stationKeptSatrec } from '../../earth/orbitModel.ts';
import type { PowerSatellite } from '../../earth/resolve.ts';
import { tdbSToUtcMs, utcMsToTdbS } from '../../time.ts';
import type { Interpolation, OemSegment } from './oem.ts';
import { ephemerisTimes } from './tracerMessages.ts';

export const SATELLITE_CENTER_NAME = 'EARTH';
export const SATELLITE_REF_FRAME = 'EME2000';
export const SATELLITE_INTERPOLATION: Interpolation = { method: 'LAGRANGE', degree: 7 };
/** Ephemeris lines per orbital period at the least. */
export const SATELLITE_LINES_PER_PERIOD = 50;

/** A stretch of one element set: [startUtcMs, stopUtcMs] and the satrec that serves it (null: look it up). */
interface Piece {
  readonly startUtcMs: number;
  readonly stopUtcMs: number;
  readonly cycle: number | null;
}

function pieces(sat: PowerSatellite, startUtcMs: number, stopUtcMs: number): Piece[] {
  const orbit = sat.orbit;
  if (orbit.kind === 'elements') return [{ startUtcMs, stopUtcMs, cycle: null }];
  const out: Piece[] = [];
  for (let k = cycleIndex(orbit, startUtcMs); ; k += 1) {
    const cycleStart = orbit.anchorUtcMs + k * orbit.cycleMs;
    const from = Math.max(startUtcMs, cycleStart);
    const to = Math.min(stopUtcMs, cycleStart + orbit.cycleMs);
    if (from >= stopUtcMs) break;
    if (to > from) out.push({ startUtcMs: from, stopUtcMs: to, cycle: k });
  }
  return out;
}

/** Satrec and minutes since its epoch for a UTC instant of a piece (the piece's own cycle at its end boundary). */
function satrecFor(sat: PowerSatellite, piece: Piece, utcMs: number): { satrec: SatRec; tsinceMin: number } {
  const orbit = sat.orbit;
  if (piece.cycle === null || orbit.kind === 'elements') return satrecAt(orbit, utcMs);
  const k = piece.cycle;
  const satrec = orbit.cycles[k - orbit.firstCycle] ?? stationKeptSatrec(orbit, k);
  return { satrec, tsinceMin: (utcMs - (orbit.anchorUtcMs + k * orbit.cycleMs)) / 60_000 };
}

/** About how many ephemeris lines satelliteOemSegments will write (an upper estimate, for a size check). */
export function satelliteEphemerisLineEstimate(
  sat: PowerSatellite,
  fromTdbS: number,
  toTdbS: number,
  stepS: number,
): number {
  const spanS = Math.min(toTdbS, sat.retireTdbS) - Math.max(fromTdbS, sat.inServiceTdbS);
  if (!(spanS > 0)) return 0;
  // a slot satellite is geostationary (one sidereal day); an element set states its own mean motion (rad/min)
  const periodS = sat.orbit.kind === 'elements' ? ((2 * Math.PI) / sat.orbit.cache.base.no) * 60 : 86_164;
  const step = Math.min(stepS, periodS / SATELLITE_LINES_PER_PERIOD);
  const segments = sat.orbit.kind === 'elements' ? 1 : Math.ceil(spanS / (sat.orbit.cycleMs / 1000)) + 1;
  return Math.ceil(spanS / step) + segments * (SATELLITE_INTERPOLATION.degree + 1);
}

/**
 * The OEM segments (UTC, EARTH, EME2000) of a power satellite over its service within [fromTdbS, toTdbS], lines
 * at most `stepS` and P / 50 apart; [] when it is not in service then. Throws InputError naming the satellite if
 * satellite.js fails.
 */
export function satelliteOemSegments(
  sat: PowerSatellite,
  fromTdbS: number,
  toTdbS: number,
  stepS: number,
): OemSegment[] {
  const startTdbS = Math.max(fromTdbS, sat.inServiceTdbS);
  const stopTdbS = Math.min(toTdbS, sat.retireTdbS);
  if (!(startTdbS < stopTdbS)) return [];
  const startUtcMs = tdbSToUtcMs(startTdbS);
  const stopUtcMs = tdbSToUtcMs(stopTdbS);
  return pieces(sat, startUtcMs, stopUtcMs).map((piece) => {
    const periodMs = ((2 * Math.PI) / satrecFor(sat, piece, piece.startUtcMs).satrec.no) * 60_000;
    const epochs = ephemerisTimes(
      piece.startUtcMs,
      piece.stopUtcMs,
      Math.min(stepS * 1000, periodMs / SATELLITE_LINES_PER_PERIOD),
      SATELLITE_INTERPOLATION.degree + 1,
    );
    const states = new Float64Array(6 * epochs.length);
    epochs.forEach((utcMs, k) => {
      const { satrec, tsinceMin } = satrecFor(sat, piece, utcMs);
      const pv = sgp4(satrec, tsinceMin);
      if (pv === null || !Number.isFinite(pv.position.x)) {
        throw new InputError(
          `satellite.js cannot propagate it at ${new Date(utcMs).toISOString()} (satrec.error ${satrec.error})`,
          `satellite ${JSON.stringify(sat.name)}`,
        );
      }
      const m = temeToEqjMatrix(utcMsToTdbS(utcMs));
      const r = applyMatrix(m, [pv.position.x, pv.position.y, pv.position.z]);
      const v = applyMatrix(m, [pv.velocity.x, pv.velocity.y, pv.velocity.z]);
      states.set([...r, ...v], 6 * k);
    });
    const cycleNote =
      piece.cycle === null
        ? `its ${sat.source.toUpperCase()} element set, propagated without manoeuvres`
        : `station-keeping cycle ${piece.cycle}: the slot's element set of that cycle (a new segment at each manoeuvre)`;
    return {
      comments: [
        `Essaim power satellite ${sat.name}: SGP4 (satellite.js), TEME rotated to EME2000`,
        cycleNote,
      ],
      objectName: sat.name,
      objectId: sat.name,
      centerName: SATELLITE_CENTER_NAME,
      refFrame: SATELLITE_REF_FRAME,
      startTime: piece.startUtcMs,
      stopTime: piece.stopUtcMs,
      useableStartTime: piece.startUtcMs,
      useableStopTime: piece.stopUtcMs,
      interpolation: SATELLITE_INTERPOLATION,
      dataComments: [],
      epochs,
      statesKmKmS: states,
    };
  });
}
