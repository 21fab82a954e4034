/**
 * Reading OMMs in KVN (CCSDS 502.0-B-3 section 4 and 7): a file of one or more messages (each from its
 * CCSDS_OMM_VERS line on), every keyword checked against tables 4-1 to 4-3 and their order (7.4.8), mandatory ones
 * required, none repeated but COMMENT and USER_DEFINED_* (7.9.2.2), numbers in the forms of 7.5.4-7.5.7 (units
 * in brackets after a value are allowed and dropped, 7.7.1.1). Then the Essaim tracer row an OMM of
 * tracerMessages.ts describes. Errors are InputErrors naming the line.
 */
import { InputError } from '../../errors.ts';
import { ccsdsEpochToTdbS } from './epoch.ts';
import {
  TRACER_CENTER_NAME,
  TRACER_REF_FRAME,
  tracerRowFromElements,
  type TracerRow,
} from './tracerMessages.ts';

/** Keywords of tables 4-1 (header), 4-2 (metadata) and 4-3 (data), in their order; USER_DEFINED_* come last. */
const OMM_KEYWORDS = [
  'CCSDS_OMM_VERS',
  'CLASSIFICATION',
  'CREATION_DATE',
  'ORIGINATOR',
  'MESSAGE_ID',
  'OBJECT_NAME',
  'OBJECT_ID',
  'CENTER_NAME',
  'REF_FRAME',
  'REF_FRAME_EPOCH',
  'TIME_SYSTEM',
  'MEAN_ELEMENT_THEORY',
  'EPOCH',
  'SEMI_MAJOR_AXIS',
  'MEAN_MOTION',
  'ECCENTRICITY',
  'INCLINATION',
  'RA_OF_ASC_NODE',
  'ARG_OF_PERICENTER',
  'MEAN_ANOMALY',
  'GM',
  'MASS',
  'SOLAR_RAD_AREA',
  'SOLAR_RAD_COEFF',
  'DRAG_AREA',
  'DRAG_COEFF',
  'EPHEMERIS_TYPE',
  'CLASSIFICATION_TYPE',
  'NORAD_CAT_ID',
  'ELEMENT_SET_NO',
  'REV_AT_EPOCH',
  'BSTAR',
  'BTERM',
  'MEAN_MOTION_DOT',
  'MEAN_MOTION_DDOT',
  'AGOM',
  'COV_REF_FRAME',
  'CX_X',
  'CY_X',
  'CY_Y',
  'CZ_X',
  'CZ_Y',
  'CZ_Z',
  'CX_DOT_X',
  'CX_DOT_Y',
  'CX_DOT_Z',
  'CX_DOT_X_DOT',
  'CY_DOT_X',
  'CY_DOT_Y',
  'CY_DOT_Z',
  'CY_DOT_X_DOT',
  'CY_DOT_Y_DOT',
  'CZ_DOT_X',
  'CZ_DOT_Y',
  'CZ_DOT_Z',
  'CZ_DOT_X_DOT',
  'CZ_DOT_Y_DOT',
  'CZ_DOT_Z_DOT',
] as const;

const MANDATORY = [
  'CCSDS_OMM_VERS',
  'CREATION_DATE',
  'ORIGINATOR',
  'OBJECT_NAME',
  'OBJECT_ID',
  'CENTER_NAME',
  'REF_FRAME',
  'TIME_SYSTEM',
  'MEAN_ELEMENT_THEORY',
  'EPOCH',
  'ECCENTRICITY',
  'INCLINATION',
  'RA_OF_ASC_NODE',
  'ARG_OF_PERICENTER',
  'MEAN_ANOMALY',
] as const;

const ORDER = new Map<string, number>(OMM_KEYWORDS.map((keyword, k) => [keyword, k]));
const USER_DEFINED_PREFIX = 'USER_DEFINED_';
const KVN_LINE = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/;
/** 7.5.4-7.5.7: an integer, a fixed-point number or a floating-point number. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\d+\.|\.\d+)(?:[eE][+-]?\d+)?$/;

/** One OMM as read: every keyword's value text, the comments, and the user-defined parameters by name. */
export interface ReadOmm {
  /** Line number (1-based) of its CCSDS_OMM_VERS. */
  readonly line: number;
  readonly values: ReadonlyMap<string, string>;
  readonly userDefined: ReadonlyMap<string, string>;
  readonly comments: readonly string[];
}

interface Draft {
  line: number;
  values: Map<string, string>;
  userDefined: Map<string, string>;
  comments: string[];
  lastOrder: number;
}

function finish(draft: Draft): ReadOmm {
  for (const keyword of MANDATORY) {
    if (!draft.values.has(keyword)) {
      throw new InputError(
        `the OMM starting on line ${draft.line} lacks its mandatory ${keyword} (502.0-B-3 table 4-1..4-3)`,
        keyword,
      );
    }
  }
  if (draft.values.has('SEMI_MAJOR_AXIS') === draft.values.has('MEAN_MOTION')) {
    throw new InputError(
      `the OMM starting on line ${draft.line} must give exactly one of SEMI_MAJOR_AXIS or MEAN_MOTION`,
      'SEMI_MAJOR_AXIS',
    );
  }
  const { line, values, userDefined, comments } = draft;
  return { line, values, userDefined, comments };
}

/** Every OMM in a KVN text, in order. Throws InputError naming the line of the first problem. */
export function readOmmKvn(text: string): ReadOmm[] {
  const messages: ReadOmm[] = [];
  let draft: Draft | undefined;
  text.split(/\r\n|\n\r|\r|\n/).forEach((raw, k) => {
    const lineNumber = k + 1;
    const field = `line ${lineNumber}`;
    if (raw.trim() === '') return;
    if (/^\s*COMMENT(\s|$)/.test(raw)) {
      if (draft === undefined) throw new InputError('a COMMENT before CCSDS_OMM_VERS (7.3.6)', field);
      draft.comments.push(raw.replace(/^\s*COMMENT ?/, ''));
      return;
    }
    const match = KVN_LINE.exec(raw);
    if (match === null) throw new InputError(`is not KEYWORD = value: ${JSON.stringify(raw)}`, field);
    const keyword = match[1] as string;
    const value = (match[2] as string).replace(/\s+\[[^\]]*\]$/, '');
    if (keyword === 'CCSDS_OMM_VERS') {
      if (draft !== undefined) messages.push(finish(draft));
      draft = { line: lineNumber, values: new Map(), userDefined: new Map(), comments: [], lastOrder: -1 };
    }
    if (draft === undefined) throw new InputError(`${keyword} before CCSDS_OMM_VERS (7.3.6)`, field);
    if (value === '') throw new InputError(`${keyword} has an empty value (7.5.1)`, field);
    if (keyword.startsWith(USER_DEFINED_PREFIX)) {
      const name = keyword.slice(USER_DEFINED_PREFIX.length);
      if (draft.userDefined.has(name)) throw new InputError(`${keyword} given twice`, field);
      draft.userDefined.set(name, value);
      draft.lastOrder = OMM_KEYWORDS.length;
      return;
    }
    const order = ORDER.get(keyword);
    if (order === undefined) throw new InputError(`${keyword} is not an OMM keyword (7.9.2.2)`, field);
    if (draft.values.has(keyword)) throw new InputError(`${keyword} given twice`, field);
    if (order < draft.lastOrder)
      throw new InputError(`${keyword} is out of the order of tables 4-1..4-3 (7.4.8)`, field);
    draft.values.set(keyword, value);
    draft.lastOrder = order;
  });
  if (draft === undefined) throw new InputError('holds no OMM (no CCSDS_OMM_VERS line)', 'omm');
  messages.push(finish(draft));
  return messages;
}

/** A number of 7.5.4-7.5.7, read exactly; InputError naming `field` otherwise. */
function parseNumber(text: string, field: string): number {
  if (!NUMBER.test(text)) {
    throw new InputError(`must be a number (502.0-B-3 7.5.4-7.5.7), got ${JSON.stringify(text)}`, field);
  }
  return Number(text);
}

/** The number an OMM gives for `keyword` (7.5.4-7.5.7), read exactly. */
export function ommNumber(values: ReadonlyMap<string, string>, keyword: string): number {
  const text = values.get(keyword);
  if (text === undefined) throw new InputError('is missing', keyword);
  return parseNumber(text, keyword);
}

function expectValue(omm: ReadOmm, keyword: string, expected: string): void {
  const value = omm.values.get(keyword);
  if (value !== expected) {
    throw new InputError(
      `must be ${expected} for an Essaim tracer OMM, got ${JSON.stringify(value)}`,
      keyword,
    );
  }
}

/** The tracer table row of an Essaim tracer OMM (tracerMessages.ts tracerOmm): SI, ECLIPJ2000, TDB. */
export function tracerRowFromOmm(omm: ReadOmm): TracerRow {
  expectValue(omm, 'CENTER_NAME', TRACER_CENTER_NAME);
  expectValue(omm, 'REF_FRAME', TRACER_REF_FRAME);
  expectValue(omm, 'TIME_SYSTEM', 'TDB');
  const user = (name: string): string => {
    const value = omm.userDefined.get(name);
    if (value === undefined) throw new InputError('is missing', `USER_DEFINED_${name}`);
    return value;
  };
  const userNumber = (name: string): number => parseNumber(user(name), `USER_DEFINED_${name}`);
  const shellIndex = userNumber('SHELL_INDEX');
  if (!Number.isInteger(shellIndex)) {
    throw new InputError(`must be an integer, got ${shellIndex}`, 'USER_DEFINED_SHELL_INDEX');
  }
  const weight = userNumber('WEIGHT');
  return tracerRowFromElements(
    {
      semiMajorAxisKm: ommNumber(omm.values, 'SEMI_MAJOR_AXIS'),
      eccentricity: ommNumber(omm.values, 'ECCENTRICITY'),
      inclinationDeg: ommNumber(omm.values, 'INCLINATION'),
      raOfAscNodeDeg: ommNumber(omm.values, 'RA_OF_ASC_NODE'),
      argOfPericenterDeg: ommNumber(omm.values, 'ARG_OF_PERICENTER'),
      meanAnomalyDeg: ommNumber(omm.values, 'MEAN_ANOMALY'),
      gmKm3S2: ommNumber(omm.values, 'GM'),
    },
    {
      epochTdbS: ccsdsEpochToTdbS(omm.values.get('EPOCH') as string),
      weight,
      stationTdbS: ccsdsEpochToTdbS(user('STATION_TIME'), 'USER_DEFINED_STATION_TIME'),
      shellIndex,
    },
  );
}
