/**
 * SGP4 element sets: reading TLE and OMM with satellite.js, checking them, and writing them.
 *
 * Units at this boundary are satellite.js's: mean motion in rev/day in TLE/OMM text, rad/min inside a SatRec,
 * angles in degrees in TLE/OMM and radians in a SatRec, epochs in UTC. Nothing here is SI: the SI conversion
 * happens where positions leave satellite.js (propagation.ts, frames.ts).
 *
 * satellite.js (a port of Vallado's SGP4, Vallado et al. 2006, AIAA 2006-6753) does not check TLE checksums,
 * and it propagates a non-finite or negative mean motion to NaN positions without setting `satrec.error`.
 * Both are checked here first; every other refusal quotes satellite.js's own `satrec.error`.
 */
import { json2satrec, twoline2satrec, type OMMJsonObject, type SatRec } from 'satellite.js';

/**
 * The meaning of each `satrec.error` code that satellite.js's sgp4 sets (SatRecError in satellite.js 7.1,
 * after Vallado's sgp4.cpp; code 5, "epoch elements are sub-orbital", was retired by Vallado's sgp4fix and is
 * never set).
 */
export const SATREC_ERROR_MEANINGS: Readonly<Record<number, string>> = {
  0: 'None: no error',
  1: 'MeanEccentricityOutOfRange: mean eccentricity outside 0 <= e < 1',
  2: 'MeanMotionBelowZero: mean motion has fallen to or below zero',
  3: 'PerturbedEccentricityOutOfRange: perturbed eccentricity outside 0 <= e < 1',
  4: 'SemiLatusRectumBelowZero: the semi-latus rectum has fallen below zero',
  5: 'sub-orbital epoch elements (retired code)',
  6: 'Decayed: the orbit has decayed, the computed position is underground',
};

/** `satellite.js satrec.error 6 (Decayed: ...)`. */
export function describeSatrecError(code: number): string {
  return `satellite.js satrec.error ${code} (${SATREC_ERROR_MEANINGS[code] ?? 'unknown code'})`;
}

/**
 * TLE checksum of the first 68 columns: the sum of the digits, each minus sign counting 1, modulo 10
 * (NORAD two-line element format, Spacetrack Report #3 / CelesTrak "NORAD Two-Line Element Set Format").
 */
export function tleChecksum(line: string): number {
  let sum = 0;
  for (let k = 0; k < Math.min(68, line.length); k += 1) {
    const c = line.charCodeAt(k);
    if (c >= 48 && c <= 57) sum += c - 48;
    else if (c === 45) sum += 1;
  }
  return sum % 10;
}

/** Why a TLE's lines are malformed, or null when the format and both checksums are right. */
export function tleFormatProblem(line1: string, line2: string): string | null {
  const lines = [line1.trimEnd(), line2.trimEnd()] as const;
  for (let k = 0; k < 2; k += 1) {
    const line = lines[k] as string;
    const number = k + 1;
    if (line.length !== 69) return `TLE line ${number} must be 69 characters long, got ${line.length}`;
    if (line[0] !== String(number)) return `TLE line ${number} must start with "${number}", got "${line[0]}"`;
    const written = line.charCodeAt(68) - 48;
    const computed = tleChecksum(line);
    if (written !== computed) {
      return `TLE line ${number} checksum: column 69 says ${line[68]}, the line sums to ${computed} (corrupted element set)`;
    }
  }
  if (lines[0].slice(2, 7) !== lines[1].slice(2, 7)) {
    return `TLE catalog numbers differ between line 1 (${lines[0].slice(2, 7)}) and line 2 (${lines[1].slice(2, 7)})`;
  }
  return null;
}

/** OMM numeric fields satellite.js reads (Number()), checked before it sees them. */
const OMM_NUMERIC_FIELDS = [
  'MEAN_MOTION',
  'ECCENTRICITY',
  'INCLINATION',
  'RA_OF_ASC_NODE',
  'ARG_OF_PERICENTER',
  'MEAN_ANOMALY',
  'BSTAR',
  'MEAN_MOTION_DOT',
  'MEAN_MOTION_DDOT',
] as const;

/** Why an OMM object cannot be read, or null. */
export function ommProblem(omm: Readonly<Record<string, unknown>>): string | null {
  for (const field of OMM_NUMERIC_FIELDS) {
    const raw = omm[field];
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return `OMM ${field} must be a finite number, got ${JSON.stringify(raw)}`;
    }
  }
  if (typeof omm['EPOCH'] !== 'string' || !Number.isFinite(Date.parse(ommEpochIso(omm['EPOCH'])))) {
    return `OMM EPOCH must be an ISO date-time in UTC, got ${JSON.stringify(omm['EPOCH'])}`;
  }
  for (const field of ['NORAD_CAT_ID', 'ELEMENT_SET_NO']) {
    const raw = omm[field];
    if (typeof raw !== 'number' && typeof raw !== 'string') {
      return `OMM ${field} must be a number or a string, got ${JSON.stringify(raw)}`;
    }
  }
  return null;
}

/** OMM epochs are UTC without a zone letter (CelesTrak); satellite.js appends Z. */
function ommEpochIso(epoch: string): string {
  return epoch.endsWith('Z') ? epoch : `${epoch}Z`;
}

/** Mean motion in rev/day of a SatRec (whose `no` is the un-Kozai'd Brouwer value in rad/min). */
export function satrecMeanMotionRevPerDay(satrec: SatRec): number {
  return (satrec.no * 1440) / (2 * Math.PI);
}

/** A SatRec, or the reason it could not be made. */
export type ReadResult =
  { readonly ok: true; readonly satrec: SatRec } | { readonly ok: false; readonly reason: string };

/**
 * Mean motion must be finite and > 0 rev/day before satellite.js sees it: it propagates a negative or NaN mean
 * motion to NaN positions with satrec.error still 0. A mean motion of exactly 0 is reported by satellite.js
 * itself (error 2).
 */
function meanMotionProblem(revPerDay: number): string | null {
  if (!Number.isFinite(revPerDay) || revPerDay < 0) {
    return `mean motion must be a finite number > 0 rev/day, got ${revPerDay} (satellite.js would return NaN positions without setting satrec.error)`;
  }
  return null;
}

/** After sgp4init (which propagates to t = 0): satellite.js's verdict on the epoch state. */
function initProblem(satrec: SatRec): string | null {
  if (satrec.error !== 0) return `${describeSatrecError(satrec.error)} at the element epoch`;
  return null;
}

/** Read a TLE with satellite.js's twoline2satrec, after checking format and checksums. */
export function readTle(line1: string, line2: string): ReadResult {
  const format = tleFormatProblem(line1, line2);
  if (format !== null) return { ok: false, reason: format };
  const motion = meanMotionProblem(Number(line2.slice(52, 63)));
  if (motion !== null) return { ok: false, reason: motion };
  const satrec = twoline2satrec(line1.trimEnd(), line2.trimEnd());
  const init = initProblem(satrec);
  return init === null ? { ok: true, satrec } : { ok: false, reason: init };
}

/** Read an OMM (CCSDS 502.0-B-3, JSON as CelesTrak or Space-Track write it) with satellite.js's json2satrec. */
export function readOmm(omm: Readonly<Record<string, unknown>>): ReadResult {
  const problem = ommProblem(omm);
  if (problem !== null) return { ok: false, reason: problem };
  const motion = meanMotionProblem(Number(omm['MEAN_MOTION']));
  if (motion !== null) return { ok: false, reason: motion };
  const satrec = json2satrec(omm as OMMJsonObject);
  const init = initProblem(satrec);
  return init === null ? { ok: true, satrec } : { ok: false, reason: init };
}

/** Mean elements as TLE/OMM write them: degrees, rev/day, UTC epoch. */
export interface MeanElementsText {
  /** Catalog number, 1-99999. */
  readonly catalogNumber: number;
  readonly epochUtcMs: number;
  readonly meanMotionRevPerDay: number;
  readonly eccentricity: number;
  readonly inclinationDeg: number;
  readonly raanDeg: number;
  readonly argPerigeeDeg: number;
  readonly meanAnomalyDeg: number;
  /** B*, 1/earth radii. */
  readonly bstar: number;
}

/** The OMM JSON object of a set of mean elements (full double precision, unlike a TLE). */
export function toOmm(name: string, el: MeanElementsText): OMMJsonObject {
  return {
    OBJECT_NAME: name,
    OBJECT_ID: name,
    CENTER_NAME: 'EARTH',
    REF_FRAME: 'TEME',
    TIME_SYSTEM: 'UTC',
    MEAN_ELEMENT_THEORY: 'SGP4',
    EPOCH: new Date(el.epochUtcMs).toISOString().replace('Z', ''),
    MEAN_MOTION: el.meanMotionRevPerDay,
    ECCENTRICITY: el.eccentricity,
    INCLINATION: el.inclinationDeg,
    RA_OF_ASC_NODE: wrapDeg(el.raanDeg),
    ARG_OF_PERICENTER: wrapDeg(el.argPerigeeDeg),
    MEAN_ANOMALY: wrapDeg(el.meanAnomalyDeg),
    EPHEMERIS_TYPE: 0,
    CLASSIFICATION_TYPE: 'U',
    NORAD_CAT_ID: el.catalogNumber,
    ELEMENT_SET_NO: 999,
    BSTAR: el.bstar,
    MEAN_MOTION_DOT: 0,
    MEAN_MOTION_DDOT: 0,
  };
}

function wrapDeg(deg: number): number {
  const w = deg % 360;
  return w < 0 ? w + 360 : w;
}

/** TLE exponent notation of columns 54-61 (B*) and 45-52 (n-ddot): ` 12345-4` means 0.12345e-4. */
function tleExponential(value: number): string {
  if (value === 0 || Math.abs(value) < 1e-10) return ' 00000-0';
  const sign = value < 0 ? '-' : ' ';
  let exponent = Math.floor(Math.log10(Math.abs(value))) + 1;
  let mantissa = Math.round(Math.abs(value) * 10 ** (5 - exponent));
  if (mantissa >= 100000) {
    mantissa = Math.round(mantissa / 10);
    exponent += 1;
  }
  const expSign = exponent < 0 ? '-' : '+';
  return `${sign}${String(mantissa).padStart(5, '0')}${expSign}${Math.abs(exponent)}`;
}

function withChecksum(line68: string): string {
  return `${line68}${tleChecksum(line68)}`;
}

/**
 * Two TLE lines for a set of mean elements (NORAD format; angles to 1e-4 deg, that is 74 m at geostationary
 * radius; mean motion to 1e-8 rev/day). First and second derivatives of the mean motion are written as 0.
 */
export function formatTle(el: MeanElementsText): readonly [string, string] {
  const satnum = String(el.catalogNumber).padStart(5, '0');
  const epoch = new Date(el.epochUtcMs);
  const year = epoch.getUTCFullYear();
  const dayOfYear = (el.epochUtcMs - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
  const epochText = `${String(year % 100).padStart(2, '0')}${dayOfYear.toFixed(8).padStart(12, '0')}`;
  const line1 = withChecksum(
    `1 ${satnum}U 30001A   ${epochText}  .00000000  00000-0 ${tleExponential(el.bstar)} 0  999`,
  );
  const ecc = Math.round(el.eccentricity * 1e7)
    .toString()
    .padStart(7, '0');
  const angle = (deg: number): string => wrapDeg(deg).toFixed(4).padStart(8, ' ');
  const line2 = withChecksum(
    `2 ${satnum} ${angle(el.inclinationDeg)} ${angle(el.raanDeg)} ${ecc} ${angle(el.argPerigeeDeg)} ${angle(
      el.meanAnomalyDeg,
    )} ${el.meanMotionRevPerDay.toFixed(8).padStart(11, ' ')}    0`,
  );
  return [line1, line2];
}
