/**
 * The Orbit Mean-Elements Message in KVN (CCSDS 502.0-B-3 section 4): header (table 4-1), metadata (table 4-2),
 * and of the data blocks of table 4-3 the mean Keplerian elements (SEMI_MAJOR_AXIS, the preferred form, in km;
 * angles in deg; GM in km**3/s**2) and the user-defined parameters. Keywords in the tables' order (7.4.8).
 *
 * An OMM holds one object (4.1.5). Several objects are written as a sequence of complete OMMs, each starting with
 * its own CCSDS_OMM_VERS line, separated by a blank line (7.3.5); ommKvnRead.ts reads such a sequence back.
 */
import { InputError } from '../../errors.ts';
import { kvnComments, kvnDocument, kvnInteger, kvnReal, kvnText } from './kvn.ts';
import type { OdmHeader } from './oem.ts';
import { formatEpoch, type TimeSystem } from './timeSystem.ts';

export const OMM_VERSION = '3.0';

/**
 * The mean Keplerian elements block, in the OMM's units: SEMI_MAJOR_AXIS (km), or MEAN_MOTION (rev/day) for
 * SGP/SGP4 element sets (table 4-3, 4.2.4.6).
 */
export interface OmmMeanElements {
  readonly comments: readonly string[];
  /**
   * EPOCH on the message's time system (timeSystem.ts: TDB seconds past J2000, or UTC ms), or an epoch text to
   * write as it is (an element set's own EPOCH, kept verbatim so that it reads back exactly).
   */
  readonly epoch: number | string;
  readonly semiMajorAxisKm?: number;
  readonly meanMotionRevPerDay?: number;
  readonly eccentricity: number;
  readonly inclinationDeg: number;
  readonly raOfAscNodeDeg: number;
  readonly argOfPericenterDeg: number;
  readonly meanAnomalyDeg: number;
  readonly gmKm3S2?: number;
}

/** The TLE-related parameters of table 4-3 (MEAN_ELEMENT_THEORY = SGP4), in its units. */
export interface OmmTleParameters {
  readonly ephemerisType: number;
  readonly classificationType: string;
  readonly noradCatId: number;
  readonly elementSetNo: number;
  readonly revAtEpoch: number;
  /** 1/earth radii. */
  readonly bstar: number;
  /** rev/day**2 and rev/day**3. */
  readonly meanMotionDot: number;
  readonly meanMotionDdot: number;
}

export type UserDefinedValue = number | string | { readonly integer: number };

export interface OmmMessage {
  readonly header: OdmHeader;
  readonly comments: readonly string[];
  readonly objectName: string;
  readonly objectId: string;
  readonly centerName: string;
  readonly refFrame: string;
  readonly timeSystem: TimeSystem;
  readonly meanElementTheory: string;
  readonly meanElements: OmmMeanElements;
  readonly tleParameters?: OmmTleParameters;
  /**
   * USER_DEFINED_<name> = value, in this order (4.2.4.10: to be described in an ICD; the README is ours): a real,
   * an integer (`{ integer }`) or text.
   */
  readonly userDefined: ReadonlyArray<readonly [name: string, value: UserDefinedValue]>;
}

const USER_NAME = /^[A-Z0-9_]+$/;

function ommLines(message: OmmMessage): string[] {
  const el = message.meanElements;
  const lines = [
    kvnText('CCSDS_OMM_VERS', OMM_VERSION),
    ...kvnComments(message.header.comments),
    kvnText('CREATION_DATE', formatEpoch('UTC', message.header.creationUtcMs)),
    kvnText('ORIGINATOR', message.header.originator),
    '',
    ...kvnComments(message.comments),
    kvnText('OBJECT_NAME', message.objectName),
    kvnText('OBJECT_ID', message.objectId),
    kvnText('CENTER_NAME', message.centerName),
    kvnText('REF_FRAME', message.refFrame),
    kvnText('TIME_SYSTEM', message.timeSystem),
    kvnText('MEAN_ELEMENT_THEORY', message.meanElementTheory),
    '',
    ...kvnComments(el.comments),
    kvnText('EPOCH', typeof el.epoch === 'string' ? el.epoch : formatEpoch(message.timeSystem, el.epoch)),
    el.semiMajorAxisKm !== undefined
      ? kvnReal('SEMI_MAJOR_AXIS', el.semiMajorAxisKm)
      : kvnReal('MEAN_MOTION', el.meanMotionRevPerDay ?? Number.NaN),
    kvnReal('ECCENTRICITY', el.eccentricity),
    kvnReal('INCLINATION', el.inclinationDeg),
    kvnReal('RA_OF_ASC_NODE', el.raOfAscNodeDeg),
    kvnReal('ARG_OF_PERICENTER', el.argOfPericenterDeg),
    kvnReal('MEAN_ANOMALY', el.meanAnomalyDeg),
  ];
  if (el.gmKm3S2 !== undefined) lines.push(kvnReal('GM', el.gmKm3S2));
  const tle = message.tleParameters;
  if (tle !== undefined) {
    lines.push(
      '',
      kvnInteger('EPHEMERIS_TYPE', tle.ephemerisType),
      kvnText('CLASSIFICATION_TYPE', tle.classificationType),
      kvnInteger('NORAD_CAT_ID', tle.noradCatId),
      kvnInteger('ELEMENT_SET_NO', tle.elementSetNo),
      kvnInteger('REV_AT_EPOCH', tle.revAtEpoch),
      kvnReal('BSTAR', tle.bstar),
      kvnReal('MEAN_MOTION_DOT', tle.meanMotionDot),
      kvnReal('MEAN_MOTION_DDOT', tle.meanMotionDdot),
    );
  }
  if (message.userDefined.length > 0) lines.push('');
  for (const [name, value] of message.userDefined) {
    if (!USER_NAME.test(name))
      throw new InputError(`must be capitals, digits and _, got ${name}`, 'USER_DEFINED');
    const keyword = `USER_DEFINED_${name}`;
    lines.push(
      typeof value === 'number'
        ? kvnReal(keyword, value)
        : typeof value === 'string'
          ? kvnText(keyword, value)
          : kvnInteger(keyword, value.integer),
    );
  }
  return lines;
}

/** One OMM per message, as KVN text, in a row (blank line between). */
export function formatOmms(messages: readonly OmmMessage[]): string {
  if (messages.length === 0) throw new InputError('must hold at least one object', 'objects');
  const lines: string[] = [];
  messages.forEach((message, index) => {
    if (index > 0) lines.push('');
    lines.push(...ommLines(message));
  });
  return kvnDocument(lines);
}
