/**
 * The ODM/XML form (CCSDS 502.0-B-3 section 8) as a tree of elements, serialised at the edge (src/cli/export/
 * xml.ts, xmlbuilder2). Several objects go in an NDM combined instantiation (8.12): an <ndm> root holding one
 * <oem> or <omm> per object, each with only its id and version attributes (8.12.7), so that every message keeps
 * one object (4.1.5, 5.1.3) and its own TIME_SYSTEM. Tags are the KVN keywords; structure tags lowerCamelCase
 * (8.1); units attributes as in tables 8-4 and 8-6; numbers and epochs as in the KVN (kvn.ts, epoch.ts).
 */
import { formatReal } from './kvn.ts';
import type { OemMessage, OemSegment, OdmHeader } from './oem.ts';
import type { OmmMessage } from './omm.ts';
import { formatEpoch, type TimeSystem } from './timeSystem.ts';

/** An XML element: a name, attributes, and children or text. */
export interface XmlElement {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly children?: readonly XmlElement[];
  readonly text?: string;
}

/** The unqualified NDM/XML 3.0 master schema (8.12, figure 8-3). */
export const NDM_SCHEMA_LOCATION =
  'https://sanaregistry.org/r/ndmxml_unqualified/ndmxml-3.0.0-master-3.0.xsd';

const leaf = (name: string, text: string, units?: string): XmlElement =>
  units === undefined ? { name, text } : { name, text, attributes: { units } };
const real = (name: string, value: number, units?: string): XmlElement =>
  leaf(name, formatReal(value, name), units);
const comments = (texts: readonly string[]): XmlElement[] => texts.map((text) => leaf('COMMENT', text));

function headerElement(header: OdmHeader): XmlElement {
  return {
    name: 'header',
    children: [
      ...comments(header.comments),
      leaf('CREATION_DATE', formatEpoch('UTC', header.creationUtcMs)),
      leaf('ORIGINATOR', header.originator),
    ],
  };
}

function ndm(messages: XmlElement[]): XmlElement {
  return {
    name: 'ndm',
    attributes: {
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:noNamespaceSchemaLocation': NDM_SCHEMA_LOCATION,
    },
    children: messages,
  };
}

function oemSegmentElement(segment: OemSegment, system: TimeSystem): XmlElement {
  const epoch = (time: number): string => formatEpoch(system, time);
  const metadata: XmlElement[] = [
    ...comments(segment.comments),
    leaf('OBJECT_NAME', segment.objectName),
    leaf('OBJECT_ID', segment.objectId),
    leaf('CENTER_NAME', segment.centerName),
    leaf('REF_FRAME', segment.refFrame),
    leaf('TIME_SYSTEM', system),
    leaf('START_TIME', epoch(segment.startTime)),
  ];
  if (segment.useableStartTime !== undefined)
    metadata.push(leaf('USEABLE_START_TIME', epoch(segment.useableStartTime)));
  if (segment.useableStopTime !== undefined)
    metadata.push(leaf('USEABLE_STOP_TIME', epoch(segment.useableStopTime)));
  metadata.push(leaf('STOP_TIME', epoch(segment.stopTime)));
  if (segment.interpolation !== undefined) {
    metadata.push(
      leaf('INTERPOLATION', segment.interpolation.method),
      leaf('INTERPOLATION_DEGREE', String(segment.interpolation.degree)),
    );
  }
  const states: XmlElement[] = [];
  const names = ['X', 'Y', 'Z', 'X_DOT', 'Y_DOT', 'Z_DOT'] as const;
  for (let k = 0; k < segment.epochs.length; k += 1) {
    states.push({
      name: 'stateVector',
      children: [
        leaf('EPOCH', epoch(segment.epochs[k] as number)),
        ...names.map((name, j) =>
          real(name, segment.statesKmKmS[6 * k + j] as number, j < 3 ? 'km' : 'km/s'),
        ),
      ],
    });
  }
  return {
    name: 'segment',
    children: [
      { name: 'metadata', children: metadata },
      { name: 'data', children: [...comments(segment.dataComments), ...states] },
    ],
  };
}

/** An OEM as an NDM combined instantiation: one <oem> per object (its segments in order). */
export function oemNdmXml(message: OemMessage): XmlElement {
  const byObject = new Map<string, OemSegment[]>();
  for (const segment of message.segments) {
    const list = byObject.get(segment.objectId) ?? [];
    list.push(segment);
    byObject.set(segment.objectId, list);
  }
  return ndm(
    [...byObject.values()].map((segments) => ({
      name: 'oem',
      attributes: { id: 'CCSDS_OEM_VERS', version: '3.0' },
      children: [
        headerElement(message.header),
        { name: 'body', children: segments.map((segment) => oemSegmentElement(segment, message.timeSystem)) },
      ],
    })),
  );
}

function ommElement(message: OmmMessage): XmlElement {
  const el = message.meanElements;
  const meanElements: XmlElement[] = [
    ...comments(el.comments),
    leaf('EPOCH', typeof el.epoch === 'string' ? el.epoch : formatEpoch(message.timeSystem, el.epoch)),
    el.semiMajorAxisKm !== undefined
      ? real('SEMI_MAJOR_AXIS', el.semiMajorAxisKm, 'km')
      : real('MEAN_MOTION', el.meanMotionRevPerDay ?? Number.NaN, 'rev/day'),
    real('ECCENTRICITY', el.eccentricity),
    real('INCLINATION', el.inclinationDeg, 'deg'),
    real('RA_OF_ASC_NODE', el.raOfAscNodeDeg, 'deg'),
    real('ARG_OF_PERICENTER', el.argOfPericenterDeg, 'deg'),
    real('MEAN_ANOMALY', el.meanAnomalyDeg, 'deg'),
  ];
  if (el.gmKm3S2 !== undefined) meanElements.push(real('GM', el.gmKm3S2, 'km**3/s**2'));
  const data: XmlElement[] = [{ name: 'meanElements', children: meanElements }];
  const tle = message.tleParameters;
  if (tle !== undefined) {
    data.push({
      name: 'tleParameters',
      children: [
        leaf('EPHEMERIS_TYPE', String(tle.ephemerisType)),
        leaf('CLASSIFICATION_TYPE', tle.classificationType),
        leaf('NORAD_CAT_ID', String(tle.noradCatId)),
        leaf('ELEMENT_SET_NO', String(tle.elementSetNo)),
        leaf('REV_AT_EPOCH', String(tle.revAtEpoch)),
        real('BSTAR', tle.bstar, '1/ER'),
        real('MEAN_MOTION_DOT', tle.meanMotionDot, 'rev/day**2'),
        real('MEAN_MOTION_DDOT', tle.meanMotionDdot, 'rev/day**3'),
      ],
    });
  }
  if (message.userDefined.length > 0) {
    data.push({
      name: 'userDefinedParameters',
      children: message.userDefined.map(([parameter, value]) => ({
        name: 'USER_DEFINED',
        attributes: { parameter },
        text:
          typeof value === 'number'
            ? formatReal(value, parameter)
            : typeof value === 'string'
              ? value
              : String(value.integer),
      })),
    });
  }
  return {
    name: 'omm',
    attributes: { id: 'CCSDS_OMM_VERS', version: '3.0' },
    children: [
      headerElement(message.header),
      {
        name: 'body',
        children: [
          {
            name: 'segment',
            children: [
              {
                name: 'metadata',
                children: [
                  ...comments(message.comments),
                  leaf('OBJECT_NAME', message.objectName),
                  leaf('OBJECT_ID', message.objectId),
                  leaf('CENTER_NAME', message.centerName),
                  leaf('REF_FRAME', message.refFrame),
                  leaf('TIME_SYSTEM', message.timeSystem),
                  leaf('MEAN_ELEMENT_THEORY', message.meanElementTheory),
                ],
              },
              { name: 'data', children: data },
            ],
          },
        ],
      },
    ],
  };
}

/** OMMs as an NDM combined instantiation: one <omm> per object. */
export function ommNdmXml(messages: readonly OmmMessage[]): XmlElement {
  return ndm(messages.map(ommElement));
}
