/**
 * `essaim export oem`: CCSDS Orbit Ephemeris Message (502.0-B-3 section 5, KVN) of chosen tracers over the run's
 * span: one segment per tracer, heliocentric (CENTER_NAME SUN), REF_FRAME EME2000, TIME_SYSTEM TDB, Lagrange
 * interpolation of degree 7 on a `--sample-step` grid (sim/report/ccsds/tracerMessages.ts).
 */
import { Command } from 'commander';
import { parseDurationS } from '../../../sim/duration.ts';
import { InputError } from '../../../sim/errors.ts';
import { formatOem } from '../../../sim/report/ccsds/oem.ts';
import { DEFAULT_TRACER_STEP_S, tracerOemSegment } from '../../../sim/report/ccsds/tracerMessages.ts';
import type { CliIo } from '../io.ts';
import {
  addCcsdsOptions,
  ccsdsHeader,
  chosenTracers,
  parseCcsdsRequest,
  requestWorld,
  withProgress,
  writeExport,
  type CcsdsFlags,
} from './ccsdsCommon.ts';

interface OemFlags extends CcsdsFlags {
  sampleStep: string;
}

/** The finest and coarsest ephemeris spacing accepted, s. */
const MIN_SAMPLE_STEP_S = 1;
const MAX_SAMPLE_STEP_S = 30 * 86_400;

async function oemAction(flags: OemFlags, io: CliIo): Promise<void> {
  const stepS = parseDurationS(flags.sampleStep, '--sample-step');
  if (!(stepS >= MIN_SAMPLE_STEP_S && stepS <= MAX_SAMPLE_STEP_S)) {
    throw new InputError(
      `must be between ${MIN_SAMPLE_STEP_S} s and 30d, got ${flags.sampleStep}`,
      '--sample-step',
    );
  }
  const request = await parseCcsdsRequest(flags);
  const world = requestWorld(request);
  const tracers = chosenTracers(request, world);
  const table = world.swarm.table;
  const segments = withProgress(io, 'ephemerides', tracers, (index) =>
    tracerOemSegment(table, index, request.fromTdbS, request.toTdbS, stepS),
  );
  const text = formatOem({
    header: ccsdsHeader(request, world, 'Orbit Ephemeris Message of tracers (one segment per tracer)'),
    timeSystem: 'TDB',
    segments,
  });
  const lines = segments.reduce((sum, segment) => sum + segment.epochs.length, 0);
  await writeExport(io, request.out, text, `${segments.length} tracers, ${lines} ephemeris lines`);
}

export function createOemCommand(io: CliIo): Command {
  const command = new Command('oem').description(
    'CCSDS Orbit Ephemeris Message (KVN) of chosen tracers: heliocentric, EME2000, TDB, one segment per tracer',
  );
  return addCcsdsOptions(command)
    .option(
      '--sample-step <duration>',
      'largest spacing of the ephemeris lines (also at most a period / 100: Lagrange degree 7 then errs < 1 m)',
      `${DEFAULT_TRACER_STEP_S / 86_400}d`,
    )
    .action(async (flags: OemFlags) => oemAction(flags, io));
}
