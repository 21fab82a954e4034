/**
 * `essaim export czml`: a run as a CZML document for CesiumJS (sim/report/czml/): the clock, the Sun, planets and
 * Moon, a seeded sample of tracers, the power satellites, rectennas and beams. Takes the run-choosing flags
 * (runSelection.ts), `--out FILE` and `--tracers-shown N`; everything is validated before any work, and the file
 * is written atomically. Positions are the float64 reference orbits (sim/report/tracerSample.ts), whatever
 * `--backend` says: a backend changes how fast snapshots are computed, not the orbits.
 */
import { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { buildCzml, DEFAULT_TRACERS_SHOWN } from '../../../sim/report/czml/index.ts';
import { outputStepOf, outputTimes, worldOptionsOf } from '../../../sim/simulate.ts';
import { createWorld } from '../../../sim/world.ts';
import { ensureWritableFile, writeFilesAtomically } from '../../node/atomicWrite.ts';
import type { CliIo } from '../io.ts';
import { parseIntegerFlag } from '../options.ts';
import { addRunSelectionOptions, parseRunSelection, type RunSelectionFlags } from '../runSelection.ts';

/** Most tracers one document may show (each is ~100 samples; 100,000 make a file of about a gigabyte). */
export const MAX_TRACERS_SHOWN = 100_000;

interface CzmlFlags extends RunSelectionFlags {
  out: string;
  tracersShown: string;
}

async function czmlAction(flags: CzmlFlags, io: CliIo): Promise<void> {
  const { scenario, options } = await parseRunSelection(flags);
  const tracersShown = parseIntegerFlag('--tracers-shown', flags.tracersShown, 0, MAX_TRACERS_SHOWN);
  await ensureWritableFile(flags.out, '--out');

  const fromTdbS = options.fromTdbS ?? scenario.fromTdbS;
  const toTdbS = options.toTdbS ?? scenario.toTdbS;
  const times = outputTimes(fromTdbS, toTdbS, outputStepOf(scenario, options.step));
  // the world of the run, exactly as simulate builds it (sim/simulate.ts setUp)
  const world = createWorld(scenario, worldOptionsOf(options, [fromTdbS, toTdbS]));
  for (const skipped of world.earth?.skipped ?? []) {
    io.stderr(
      `essaim: warning: skipped power satellite ${JSON.stringify(skipped.name)}: ${skipped.reason}\n`,
    );
  }

  const bar = io.interactive
    ? new SingleBar({ format: 'building CZML [{bar}] {percentage}%', hideCursor: true })
    : undefined;
  bar?.start(1, 0);
  let packets;
  try {
    packets = buildCzml(world, times, {
      name: scenario.name,
      tracersShown,
      onProgress: (done, total) => bar?.update(total > 0 ? done / total : 1),
    });
  } finally {
    bar?.stop();
  }
  await writeFilesAtomically([{ path: flags.out, contents: `${JSON.stringify(packets)}\n` }]);
  const tracers = packets.filter((p) => p.id.startsWith('tracer:')).length;
  io.stdout(`wrote ${flags.out}: ${packets.length} packets, ${tracers} tracers\n`);
}

export function createCzmlCommand(io: CliIo): Command {
  const command = new Command('czml').description(
    'the run as CZML for CesiumJS: clock, Sun, planets, Moon, a tracer sample, power satellites and beams',
  );
  return addRunSelectionOptions(command)
    .requiredOption('--out <file>', 'the CZML file to write')
    .option(
      '--tracers-shown <n>',
      `how many tracers to draw, a seeded sample of the table (0..${MAX_TRACERS_SHOWN})`,
      String(DEFAULT_TRACERS_SHOWN),
    )
    .action(async (flags: CzmlFlags) => czmlAction(flags, io));
}
