/**
 * What `essaim export oem` and `essaim export omm` share: the tracer-choosing flags (`--count N`, a seeded sample
 * of the tracers on station by the span's end, or `--tracer I,J,...` by index), the world of the chosen run, the
 * message header, and the write.
 *
 * CREATION_DATE is the one field that is not a function of the run: it is the time of the export, or the
 * SOURCE_DATE_EPOCH environment variable (seconds since 1970, the reproducible-builds convention) when set, so
 * that the same run and that variable give the same bytes.
 */
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { InputError } from '../../../sim/errors.ts';
import type { OdmHeader } from '../../../sim/report/ccsds/oem.ts';
import { sampleTracerIndices } from '../../../sim/report/tracerSample.ts';
import { createWorld, type World } from '../../../sim/world.ts';
import { tdbSToIso } from '../../../sim/time.ts';
import { worldOptionsOf } from '../../../sim/simulate.ts';
import { ensureWritableFile, writeFilesAtomically } from '../../node/atomicWrite.ts';
import type { CliIo } from '../io.ts';
import { parseChoiceFlag, parseIntegerFlag } from '../options.ts';
import {
  addRunSelectionOptions,
  parseRunSelection,
  type RunSelection,
  type RunSelectionFlags,
} from '../runSelection.ts';

/** Tracers a message holds by default, and at most. */
export const DEFAULT_TRACER_COUNT = 5;
export const MAX_TRACER_COUNT = 10_000;

export interface CcsdsFlags extends RunSelectionFlags {
  out?: string;
  format: string;
  count?: string;
  tracer?: string;
}

/** What an OEM or OMM export writes: tracers, or the earth section's power satellites. */
export const OBJECT_KINDS = ['tracers', 'satellites'] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

/** `--objects`, refusing --count and --tracer (which choose tracers) with `satellites`. */
export function parseObjectKind(flags: CcsdsFlags & { objects: string }): ObjectKind {
  const objects = parseChoiceFlag('--objects', flags.objects, OBJECT_KINDS);
  if (objects === 'satellites' && (flags.count !== undefined || flags.tracer !== undefined)) {
    throw new InputError(
      '--count and --tracer choose tracers; --objects satellites writes every power satellite',
      '--objects',
    );
  }
  return objects;
}

/** The run flags, --out, --count and --tracer. */
export function addCcsdsOptions(command: Command): Command {
  return addRunSelectionOptions(command)
    .option('--out <file>', 'the file to write (required)')
    .option(
      '--count <n>',
      `how many tracers, a seeded sample of those on station by --to (default ${DEFAULT_TRACER_COUNT})`,
    )
    .option('--tracer <i,j,...>', 'these tracers, by index in the tracer table (instead of --count)')
    .option(
      '--format <kvn|xml>',
      'kvn (keyword = value) or xml (an NDM combined instantiation: one message per object)',
      'kvn',
    );
}

export const CCSDS_FORMATS = ['kvn', 'xml'] as const;
export type CcsdsFormat = (typeof CCSDS_FORMATS)[number];

/** The validated request: the run, the span, the output file and the tracer choice (checked against the world). */
export interface CcsdsRequest {
  readonly selection: RunSelection;
  readonly fromTdbS: number;
  readonly toTdbS: number;
  readonly out: string;
  readonly format: CcsdsFormat;
  readonly count: number;
  readonly tracers: readonly number[] | undefined;
}

function parseTracerList(text: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  const indices = parts.map((part) => parseIntegerFlag('--tracer', part, 0, 2 ** 32 - 1));
  if (new Set(indices).size !== indices.length) {
    throw new InputError(`must not name a tracer twice, got ${JSON.stringify(text)}`, '--tracer');
  }
  return indices;
}

/** Validate every flag (and that --out can be written) before any work. */
export async function parseCcsdsRequest(flags: CcsdsFlags): Promise<CcsdsRequest> {
  const format = parseChoiceFlag('--format', flags.format, CCSDS_FORMATS);
  const selection = await parseRunSelection(flags);
  const fromTdbS = selection.options.fromTdbS ?? selection.scenario.fromTdbS;
  const toTdbS = selection.options.toTdbS ?? selection.scenario.toTdbS;
  if (!(toTdbS > fromTdbS)) {
    throw new InputError(`must be after --from (${tdbSToIso(fromTdbS)}), got ${tdbSToIso(toTdbS)}`, '--to');
  }
  if (flags.count !== undefined && flags.tracer !== undefined) {
    throw new InputError('give --count or --tracer, not both', '--tracer');
  }
  const count =
    flags.count === undefined
      ? DEFAULT_TRACER_COUNT
      : parseIntegerFlag('--count', flags.count, 1, MAX_TRACER_COUNT);
  const tracers = flags.tracer === undefined ? undefined : parseTracerList(flags.tracer);
  if (flags.out === undefined || flags.out.trim() === '') {
    throw new InputError('is required: the file to write', '--out');
  }
  await ensureWritableFile(flags.out, '--out');
  return { selection, fromTdbS, toTdbS, out: flags.out, format, count, tracers };
}

/** The world of the request's run (tracers, seed, Earth segment over the span). */
export function requestWorld(request: CcsdsRequest): World {
  const { options, scenario } = request.selection;
  return createWorld(scenario, worldOptionsOf(options, [request.fromTdbS, request.toTdbS]));
}

/**
 * The chosen tracers: the --tracer indices (each in the table and on station before the span's end), or a seeded
 * sample (the run's seed) of `count` of the tracers on station by then.
 */
export function chosenTracers(request: CcsdsRequest, world: World): number[] {
  const { count: tableCount, stationTdbS } = world.swarm.table;
  const onStation = world.tracersOnStationAt(request.toTdbS);
  if (request.tracers !== undefined) {
    for (const index of request.tracers) {
      if (index >= tableCount) {
        throw new InputError(`must be a tracer index in [0, ${tableCount - 1}], got ${index}`, '--tracer');
      }
      if (!((stationTdbS[index] as number) < request.toTdbS)) {
        throw new InputError(
          `tracer ${index} is on station only from ${tdbSToIso(stationTdbS[index] as number)}, after --to; tracers 0-${onStation - 1} are on station by then`,
          '--tracer',
        );
      }
    }
    return [...request.tracers];
  }
  if (onStation === 0) {
    throw new InputError(
      `no tracer is on station by ${tdbSToIso(request.toTdbS)}; choose a later date`,
      '--to',
    );
  }
  return [...sampleTracerIndices(onStation, request.count, world.seed)];
}

/** The creation time: SOURCE_DATE_EPOCH (s) when set, else now. */
export function creationUtcMs(): number {
  const fixed = process.env['SOURCE_DATE_EPOCH'];
  if (fixed !== undefined && /^\d+$/.test(fixed.trim())) return Number(fixed) * 1000;
  return Date.now();
}

/** The header every message of this export shares. */
export function ccsdsHeader(request: CcsdsRequest, world: World, what: string): OdmHeader {
  const scenario = request.selection.scenario;
  return {
    comments: [
      `${what} written by Essaim, a Dyson swarm simulator (essaim export)`,
      `scenario ${scenario.name}: ${scenario.title}`,
      `seed ${world.seed}, ${world.swarm.table.count} tracers, span ${tdbSToIso(request.fromTdbS)} .. ${tdbSToIso(request.toTdbS)} UTC`,
    ],
    creationUtcMs: creationUtcMs(),
    originator: 'ESSAIM',
  };
}

/** Build one item per chosen object, with a progress bar on an interactive terminal. */
export function withProgress<T, R>(
  io: CliIo,
  label: string,
  items: readonly T[],
  build: (item: T) => R,
): R[] {
  const bar = io.interactive
    ? new SingleBar({ format: `${label} [{bar}] {value}/{total}`, hideCursor: true })
    : undefined;
  bar?.start(items.length, 0);
  try {
    return items.map((item, k) => {
      const result = build(item);
      bar?.update(k + 1);
      return result;
    });
  } finally {
    bar?.stop();
  }
}

/** Write the file atomically and say so. */
export async function writeExport(io: CliIo, path: string, contents: string, summary: string): Promise<void> {
  await writeFilesAtomically([{ path, contents }]);
  io.stdout(`wrote ${path}: ${summary}\n`);
}
