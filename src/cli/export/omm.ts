/**
 * `essaim export omm`: CCSDS Orbit Mean-Elements Messages (502.0-B-3 section 4, KVN) of chosen tracers: their
 * two-body elements at their own epochs, heliocentric (CENTER_NAME SUN), REF_FRAME EME2000, TIME_SYSTEM TDB, with
 * GM = GM_sun (1 - beta) (sim/report/ccsds/tracerMessages.ts). One OMM per tracer, in a row in one file.
 */
import { Command } from 'commander';
import { formatOmms } from '../../../sim/report/ccsds/omm.ts';
import { tracerOmm } from '../../../sim/report/ccsds/tracerMessages.ts';
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

async function ommAction(flags: CcsdsFlags, io: CliIo): Promise<void> {
  const request = await parseCcsdsRequest(flags);
  const world = requestWorld(request);
  const tracers = chosenTracers(request, world);
  const header = ccsdsHeader(request, world, 'Orbit Mean-Elements Message of a tracer');
  const scenario = request.selection.scenario;
  const context = {
    header,
    lightnessNumber: scenario.collector.lightnessNumber,
    shellNames: scenario.shells.map((shell) => shell.name),
  };
  const messages = withProgress(io, 'mean elements', tracers, (index) =>
    tracerOmm(world.swarm.table, index, context),
  );
  await writeExport(io, request.out, formatOmms(messages), `${messages.length} tracer OMMs`);
}

export function createOmmCommand(io: CliIo): Command {
  const command = new Command('omm').description(
    'CCSDS Orbit Mean-Elements Messages (KVN) of chosen tracers: heliocentric EME2000 elements, GM = GM_sun (1 - beta)',
  );
  return addCcsdsOptions(command).action(async (flags: CcsdsFlags) => ommAction(flags, io));
}
