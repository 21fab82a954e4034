/**
 * The Orbit Ephemeris Message in KVN (CCSDS 502.0-B-3 section 5): a header (table 5-2), then per segment a
 * metadata block between META_START and META_STOP (table 5-3, keywords in the table's order, 7.4.8) and its
 * ephemeris data lines `epoch X Y Z X_DOT Y_DOT Z_DOT` in km and km/s (5.2.4.1, 7.7.2.1). No covariance.
 *
 * 5.1.3 asks for one object per OEM; Essaim writes one segment per object, each with its own OBJECT_NAME and
 * OBJECT_ID (readers such as Orekit's group segments by object). All segments share one TIME_SYSTEM (5.2.4.5).
 */
import { InputError } from '../../errors.ts';
import { formatReal, kvnComments, kvnDocument, kvnInteger, kvnText } from './kvn.ts';
import { formatEpoch, type TimeSystem } from './timeSystem.ts';

export const OEM_VERSION = '3.0';

/** The header (table 5-2). */
export interface OdmHeader {
  readonly comments: readonly string[];
  /** CREATION_DATE, UTC ms since 1970 (7.5.11: always UTC). */
  readonly creationUtcMs: number;
  readonly originator: string;
}

/** Recommended interpolation of a segment's ephemeris (INTERPOLATION, INTERPOLATION_DEGREE). */
export interface Interpolation {
  readonly method: 'LAGRANGE' | 'HERMITE' | 'LINEAR';
  readonly degree: number;
}

/** One metadata block and its ephemeris lines. Times are on the OEM's time system (timeSystem.ts). */
export interface OemSegment {
  readonly comments: readonly string[];
  readonly objectName: string;
  readonly objectId: string;
  readonly centerName: string;
  readonly refFrame: string;
  readonly startTime: number;
  readonly useableStartTime?: number;
  readonly useableStopTime?: number;
  readonly stopTime: number;
  readonly interpolation?: Interpolation;
  /** Comments at the start of the ephemeris data (7.8.9). */
  readonly dataComments: readonly string[];
  /** Epochs of the ephemeris lines, ascending, on the time system. */
  readonly epochs: ArrayLike<number>;
  /** x, y, z (km), x_dot, y_dot, z_dot (km/s), six per epoch. */
  readonly statesKmKmS: ArrayLike<number>;
}

export interface OemMessage {
  readonly header: OdmHeader;
  readonly timeSystem: TimeSystem;
  readonly segments: readonly OemSegment[];
}

function segmentLines(segment: OemSegment, system: TimeSystem, index: number): string[] {
  const field = `segments[${index}]`;
  const count = segment.epochs.length;
  if (segment.statesKmKmS.length !== 6 * count) {
    throw new InputError(`has ${segment.statesKmKmS.length} state values for ${count} epochs`, field);
  }
  const need = (segment.interpolation?.degree ?? 0) + 1;
  if (count < Math.max(1, need)) {
    throw new InputError(`has ${count} ephemeris lines; its interpolation needs ${need} (5.2.4.7)`, field);
  }
  const epoch = (time: number): string => formatEpoch(system, time);
  const lines = ['META_START', ...kvnComments(segment.comments)];
  lines.push(
    kvnText('OBJECT_NAME', segment.objectName),
    kvnText('OBJECT_ID', segment.objectId),
    kvnText('CENTER_NAME', segment.centerName),
    kvnText('REF_FRAME', segment.refFrame),
    kvnText('TIME_SYSTEM', system),
    kvnText('START_TIME', epoch(segment.startTime)),
  );
  if (segment.useableStartTime !== undefined) {
    lines.push(kvnText('USEABLE_START_TIME', epoch(segment.useableStartTime)));
  }
  if (segment.useableStopTime !== undefined) {
    lines.push(kvnText('USEABLE_STOP_TIME', epoch(segment.useableStopTime)));
  }
  lines.push(kvnText('STOP_TIME', epoch(segment.stopTime)));
  if (segment.interpolation !== undefined) {
    lines.push(
      kvnText('INTERPOLATION', segment.interpolation.method),
      kvnInteger('INTERPOLATION_DEGREE', segment.interpolation.degree),
    );
  }
  lines.push('META_STOP', ...kvnComments(segment.dataComments));
  for (let k = 0; k < count; k += 1) {
    const values: string[] = [epoch(segment.epochs[k] as number)];
    for (let j = 0; j < 6; j += 1) values.push(formatReal(segment.statesKmKmS[6 * k + j] as number, field));
    lines.push(values.join(' '));
  }
  return lines;
}

/** The OEM as KVN text. Throws InputError on a value the KVN cannot carry. */
export function formatOem(message: OemMessage): string {
  if (message.segments.length === 0) throw new InputError('must have at least one segment', 'segments');
  const lines = [
    kvnText('CCSDS_OEM_VERS', OEM_VERSION),
    ...kvnComments(message.header.comments),
    kvnText('CREATION_DATE', formatEpoch('UTC', message.header.creationUtcMs)),
    kvnText('ORIGINATOR', message.header.originator),
  ];
  message.segments.forEach((segment, index) => {
    lines.push('', ...segmentLines(segment, message.timeSystem, index));
  });
  return kvnDocument(lines);
}
