/**
 * `essaim export omm`: CCSDS Orbit Mean-Elements Messages (502.0-B-3 section 4, KVN), one per object, in a row in
 * one file. `--objects tracers` (the default): chosen tracers' two-body elements at their own epochs, heliocentric
 * (CENTER_NAME SUN), REF_FRAME EME2000, TIME_SYSTEM TDB, GM = GM_sun (1 - beta) (sim/report/ccsds/tracerMessages.ts).
 * `--objects satellites`: the power satellites' SGP4 element sets in service over the span (TEME, UTC;
 * sim/report/ccsds/satelliteOmm.ts), which Essaim's own element-set reader takes back.
 */
import { Command } from 'commander';
import { formatOmms, type OmmMessage } from '../../../sim/report/ccsds/omm.ts';
import { ommNdmXml } from '../../../sim/report/ccsds/ndmXml.ts';
import { serializeXml } from './xml.ts';
import { tracerOmm } from '../../../sim/report/ccsds/tracerMessages.ts';
import { InputError } from '../../../sim/errors.ts';
import { satelliteElementSets, satelliteOmm } from '../../../sim/report/ccsds/satelliteOmm.ts';
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
} from './ccsdsCommon.ts';

interface OmmFlags extends CcsdsFlags {
  objects: string;
}

function ommText(messages: readonly OmmMessage[], format: 'kvn' | 'xml'): string {
  return format === 'xml' ? serializeXml(ommNdmXml(messages)) : formatOmms(messages);
}

async function ommAction(flags: OmmFlags, io: CliIo): Promise<void> {
  const objects = parseObjectKind(flags);
  const request = await parseCcsdsRequest(flags);
  const world = requestWorld(request);
  if (objects === 'satellites') {
    const specs = request.selection.scenario.earth?.satellites ?? [];
    const satellites = world.earth?.satellites ?? [];
    if (satellites.length === 0) {
      throw new InputError(
        `scenario ${request.selection.scenario.name} has no power satellites (no earth section)`,
        '--objects',
      );
    }
    const header = ccsdsHeader(
      request,
      world,
      'Orbit Mean-Elements Message of a power satellite element set',
    );
    const messages = satellites.flatMap((sat) => {
      const spec = specs.find((candidate) => candidate.name === sat.name);
      if (spec === undefined) return [];
      const sets = satelliteElementSets(sat, spec, request.fromTdbS, request.toTdbS);
      if (sets.length === 0 && spec.orbit.kind === 'tle') {
        io.stderr(
          `essaim: warning: power satellite ${JSON.stringify(sat.name)} has a TLE, not an OMM; left out\n`,
        );
      }
      return sets.map((omm) =>
        satelliteOmm(omm, sat.name, header, [
          `Essaim power satellite ${sat.name}: its SGP4 element set (${sat.source}); propagate with SGP4/SDP4`,
        ]),
      );
    });
    if (messages.length === 0) {
      throw new InputError(
        'no power satellite element set is in service between --from and --to',
        '--objects',
      );
    }
    await writeExport(io, request.out, ommText(messages, request.format), `${messages.length} element sets`);
    return;
  }
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
  await writeExport(
    io,
    request.out,
    ommText(messages, request.format),
    `${messages.length} tracer OMM${messages.length === 1 ? '' : 's'}`,
  );
}

export function createOmmCommand(io: CliIo): Command {
  const command = new Command('omm').description(
    'CCSDS Orbit Mean-Elements Messages (KVN or XML): tracers (SUN, EME2000, GM_sun (1 - beta)) or power satellites (SGP4)',
  );
  return addCcsdsOptions(command)
    .option(
      '--objects <kind>',
      'tracers (heliocentric two-body elements, TDB) or satellites (the power satellites’ SGP4 element sets, UTC)',
      'tracers',
    )
    .action(async (flags: OmmFlags) => ommAction(flags, io));
}
