/**
 * `essaim export oem`: CCSDS Orbit Ephemeris Message (502.0-B-3 section 5, KVN) over the run's span, Lagrange
 * interpolation of degree 7 on a `--sample-step` grid. `--objects tracers` (the default): chosen tracers, one
 * segment each, heliocentric (CENTER_NAME SUN), REF_FRAME EME2000, TIME_SYSTEM TDB
 * (sim/report/ccsds/tracerMessages.ts). `--objects satellites`: the earth section's power satellites, CENTER_NAME
 * EARTH, EME2000, TIME_SYSTEM UTC, a segment per element set (sim/report/ccsds/satelliteMessages.ts). One
 * TIME_SYSTEM per OEM (5.2.4.5) is why the two are separate files.
 */
import { Command } from 'commander';
import { parseDurationS } from '../../../sim/duration.ts';
import { InputError } from '../../../sim/errors.ts';
import { formatOem, type OemMessage } from '../../../sim/report/ccsds/oem.ts';
import { oemNdmXml } from '../../../sim/report/ccsds/ndmXml.ts';
import { serializeXml } from './xml.ts';
import {
  DEFAULT_TRACER_STEP_S,
  tracerEphemerisLineCount,
  tracerOemSegment,
} from '../../../sim/report/ccsds/tracerMessages.ts';
import {
  satelliteEphemerisLineEstimate,
  satelliteOemSegments,
} from '../../../sim/report/ccsds/satelliteMessages.ts';
import type { World } from '../../../sim/world.ts';
import type { CliIo } from '../io.ts';
import {
  addCcsdsOptions,
  ccsdsHeader,
  chosenTracers,
  parseCcsdsRequest,
  requestWorld,
  withProgress,
  writeExport,
  parseObjectKind,
  type CcsdsFlags,
  type CcsdsRequest,
} from './ccsdsCommon.ts';

interface OemFlags extends CcsdsFlags {
  sampleStep: string;
  objects: string;
}

/** Most ephemeris lines one file may hold: about 150 MB of KVN, still one string in Node. */
export const MAX_EPHEMERIS_LINES = 1_000_000;

function checkSize(lines: number, what: string): void {
  if (lines > MAX_EPHEMERIS_LINES) {
    throw new InputError(
      `${what} would make ${lines} ephemeris lines, more than ${MAX_EPHEMERIS_LINES} (~150 MB): choose fewer objects (--count), a shorter span (--from, --to) or a longer step`,
      '--sample-step',
    );
  }
}

function oemText(message: OemMessage, format: 'kvn' | 'xml'): string {
  return format === 'xml' ? serializeXml(oemNdmXml(message)) : formatOem(message);
}

/** The finest and coarsest ephemeris spacing accepted, s. */
const MIN_SAMPLE_STEP_S = 1;
const MAX_SAMPLE_STEP_S = 30 * 86_400;

/** Write the OEM of `segments` to the request's file, telling what it holds and how many ephemeris lines. */
async function writeOem(
  io: CliIo,
  request: CcsdsRequest,
  world: World,
  what: string,
  timeSystem: OemMessage['timeSystem'],
  segments: OemMessage['segments'],
  holds: string,
): Promise<void> {
  const text = oemText({ header: ccsdsHeader(request, world, what), timeSystem, segments }, request.format);
  const lines = segments.reduce((sum, segment) => sum + segment.epochs.length, 0);
  await writeExport(io, request.out, text, `${holds}, ${lines} ephemeris lines`);
}

async function oemAction(flags: OemFlags, io: CliIo): Promise<void> {
  const stepS = parseDurationS(flags.sampleStep, '--sample-step');
  if (!(stepS >= MIN_SAMPLE_STEP_S && stepS <= MAX_SAMPLE_STEP_S)) {
    throw new InputError(
      `must be between ${MIN_SAMPLE_STEP_S} s and 30d, got ${flags.sampleStep}`,
      '--sample-step',
    );
  }
  const objects = parseObjectKind(flags);
  const request = await parseCcsdsRequest(flags);
  const world = requestWorld(request);
  if (objects === 'satellites') {
    const satellites = world.earth?.satellites ?? [];
    if (satellites.length === 0) {
      throw new InputError(
        `scenario ${request.selection.scenario.name} has no power satellites (no earth section)`,
        '--objects',
      );
    }
    checkSize(
      satellites.reduce(
        (sum, sat) => sum + satelliteEphemerisLineEstimate(sat, request.fromTdbS, request.toTdbS, stepS),
        0,
      ),
      `${satellites.length} power satellites`,
    );
    const segments = withProgress(io, 'ephemerides', satellites, (sat) =>
      satelliteOemSegments(sat, request.fromTdbS, request.toTdbS, stepS),
    ).flat();
    if (segments.length === 0) {
      throw new InputError('no power satellite is in service between --from and --to', '--objects');
    }
    await writeOem(
      io,
      request,
      world,
      'Orbit Ephemeris Message of power satellites (a segment per element set)',
      'UTC',
      segments,
      `${satellites.length} satellites, ${segments.length} segments`,
    );
    return;
  }
  const tracers = chosenTracers(request, world);
  const table = world.swarm.table;
  checkSize(
    tracers.reduce(
      (sum, index) => sum + tracerEphemerisLineCount(table, index, request.fromTdbS, request.toTdbS, stepS),
      0,
    ),
    `${tracers.length} tracers`,
  );
  const segments = withProgress(io, 'ephemerides', tracers, (index) =>
    tracerOemSegment(table, index, request.fromTdbS, request.toTdbS, stepS),
  );
  await writeOem(
    io,
    request,
    world,
    'Orbit Ephemeris Message of tracers (one segment per tracer)',
    'TDB',
    segments,
    `${segments.length} tracer${segments.length === 1 ? '' : 's'}`,
  );
}

export function createOemCommand(io: CliIo): Command {
  const command = new Command('oem').description(
    'CCSDS Orbit Ephemeris Message (KVN or XML), EME2000: chosen tracers (SUN, TDB) or power satellites (EARTH, UTC)',
  );
  return addCcsdsOptions(command)
    .option(
      '--objects <kind>',
      'tracers (heliocentric, TDB) or satellites (the power satellites, geocentric, UTC)',
      'tracers',
    )
    .option(
      '--sample-step <duration>',
      'largest spacing of the ephemeris lines (also at most a period / 200: Lagrange degree 7 then errs < 1 m)',
      `${DEFAULT_TRACER_STEP_S / 86_400}d`,
    )
    .action(async (flags: OemFlags) => oemAction(flags, io));
}
