/**
 * The power satellites' SGP4 element sets as OMMs in KVN (CCSDS 502.0-B-3 4.2.4.6: CENTER_NAME EARTH, REF_FRAME
 * TEME, TIME_SYSTEM UTC, MEAN_MOTION instead of SEMI_MAJOR_AXIS, MEAN_ELEMENT_THEORY SGP4, the TLE-related block),
 * and back: an OMM read by ommKvnRead.ts becomes the OMM record that Essaim's own element-set reader
 * (sim/earth/elementSets.ts readOmm, satellite.js json2satrec) takes, so a written element set propagates exactly
 * as the original: every number is written with the digits that read back as the same float64, EPOCH verbatim.
 *
 * Which element sets: a slot satellite's, one per station-keeping cycle of its service within the span, generated
 * as the core generates them (sim/earth/geoSlot.ts); an `omm` satellite's own. A `tle` satellite has no OMM of its
 * own (json2satrec and twoline2satrec differ in the epoch's last digits), so it is left out and listed.
 */
import type { OMMJsonObject } from 'satellite.js';
import { InputError } from '../../errors.ts';
import { generateGeoElementSet } from '../../earth/geoSlot.ts';
import { cycleIndex } from '../../earth/orbitModel.ts';
import type { PowerSatellite, PowerSatelliteSpec } from '../../earth/resolve.ts';
import { tdbSToUtcMs } from '../../time.ts';
import { ccsdsEpochToUtcMs } from './epoch.ts';
import type { OdmHeader } from './oem.ts';
import type { OmmMessage } from './omm.ts';
import type { ReadOmm } from './ommKvnRead.ts';

/** The OMM records of a satellite's element sets in service within [fromTdbS, toTdbS] ([] for a TLE source). */
export function satelliteElementSets(
  sat: PowerSatellite,
  spec: PowerSatelliteSpec,
  fromTdbS: number,
  toTdbS: number,
): Array<Readonly<Record<string, unknown>>> {
  const startTdbS = Math.max(fromTdbS, sat.inServiceTdbS);
  const stopTdbS = Math.min(toTdbS, sat.retireTdbS);
  if (!(startTdbS < stopTdbS)) return [];
  const source = spec.orbit;
  if (source.kind === 'omm') return [source.omm];
  if (source.kind === 'tle' || sat.orbit.kind !== 'station-kept') return [];
  const orbit = sat.orbit;
  const sets: OMMJsonObject[] = [];
  const last = cycleIndex(orbit, tdbSToUtcMs(stopTdbS));
  for (let k = cycleIndex(orbit, tdbSToUtcMs(startTdbS)); k <= last; k += 1) {
    const epochUtcMs = orbit.anchorUtcMs + k * orbit.cycleMs;
    if (epochUtcMs >= tdbSToUtcMs(stopTdbS)) break;
    sets.push(
      generateGeoElementSet({
        name: orbit.name,
        catalogNumber: orbit.catalogNumber,
        epochUtcMs,
        longitudeRad: orbit.longitudeRad,
        inclinationRad: orbit.inclinationRad,
        cycleMin: orbit.cycleMs / 60_000,
      }).omm,
    );
  }
  return sets;
}

function numberField(omm: Readonly<Record<string, unknown>>, key: string, fallback?: number): number {
  const raw = omm[key] ?? fallback;
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InputError(`must be a finite number, got ${JSON.stringify(raw)}`, `OMM ${key}`);
  }
  return value;
}

/** The OMM message of one SGP4 element set (an OMM record as satellite.js reads them). */
export function satelliteOmm(
  omm: Readonly<Record<string, unknown>>,
  name: string,
  header: OdmHeader,
  comments: readonly string[],
): OmmMessage {
  const epoch = omm['EPOCH'];
  if (typeof epoch !== 'string')
    throw new InputError(`must be a date-time text, got ${JSON.stringify(epoch)}`, 'OMM EPOCH');
  ccsdsEpochToUtcMs(epoch.replace(/Z$/, ''), 'OMM EPOCH');
  return {
    header,
    comments,
    objectName: typeof omm['OBJECT_NAME'] === 'string' ? omm['OBJECT_NAME'] : name,
    objectId: typeof omm['OBJECT_ID'] === 'string' ? omm['OBJECT_ID'] : name,
    centerName: 'EARTH',
    refFrame: 'TEME',
    timeSystem: 'UTC',
    meanElementTheory: 'SGP4',
    meanElements: {
      comments: [],
      epoch,
      meanMotionRevPerDay: numberField(omm, 'MEAN_MOTION'),
      eccentricity: numberField(omm, 'ECCENTRICITY'),
      inclinationDeg: numberField(omm, 'INCLINATION'),
      raOfAscNodeDeg: numberField(omm, 'RA_OF_ASC_NODE'),
      argOfPericenterDeg: numberField(omm, 'ARG_OF_PERICENTER'),
      meanAnomalyDeg: numberField(omm, 'MEAN_ANOMALY'),
    },
    tleParameters: {
      ephemerisType: numberField(omm, 'EPHEMERIS_TYPE', 0),
      classificationType: typeof omm['CLASSIFICATION_TYPE'] === 'string' ? omm['CLASSIFICATION_TYPE'] : 'U',
      noradCatId: numberField(omm, 'NORAD_CAT_ID'),
      elementSetNo: numberField(omm, 'ELEMENT_SET_NO'),
      revAtEpoch: numberField(omm, 'REV_AT_EPOCH', 0),
      bstar: numberField(omm, 'BSTAR'),
      meanMotionDot: numberField(omm, 'MEAN_MOTION_DOT'),
      meanMotionDdot: numberField(omm, 'MEAN_MOTION_DDOT'),
    },
    userDefined: [],
  };
}

/** An OMM read back (ommKvnRead.ts) as the OMM record that sim/earth/elementSets.ts readOmm takes. */
export function ommRecordOf(read: ReadOmm): Record<string, string> {
  if (read.values.get('MEAN_ELEMENT_THEORY') !== 'SGP4') {
    throw new InputError(
      `must be SGP4 for a power satellite's element set, got ${JSON.stringify(read.values.get('MEAN_ELEMENT_THEORY'))}`,
      'MEAN_ELEMENT_THEORY',
    );
  }
  return Object.fromEntries(read.values);
}
