/**
 * `essaim beam`: the budget of one power-beaming link, from flags or `--file link.json` (flags override the
 * file). Degrees and mm/h are accepted here at the edge and converted to radians for sim/beam. A human table
 * by default, the full LinkBudget as JSON with --json. Bad input throws InputError naming the flag (exit 2).
 */
import { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { AU_M } from '../../sim/constants.ts';
import { InputError } from '../../sim/errors.ts';
import { compareLongRange } from '../../sim/beam/longRange.ts';
import type { LinkInput } from '../../sim/beam/input.ts';
import { computeLinkBudget, type LinkBudget } from '../../sim/beam/linkBudget.ts';
import { formatNumber, formatTable } from './format.ts';
import type { CliIo } from './io.ts';

/** The writers the command needs (a subset of CliIo, so tests can pass two functions). */
export type BeamIo = Pick<CliIo, 'stdout' | 'stderr'>;

const DEG = Math.PI / 180;

/** Each numeric flag: its LinkInput field and the factor from the flag's unit to SI. */
const NUMERIC_FLAGS = [
  { flag: '--frequency-hz', field: 'frequencyHz', factor: 1, help: 'carrier frequency, Hz (radio 1e9-3e11)' },
  {
    flag: '--wavelength-m',
    field: 'wavelengthM',
    factor: 1,
    help: 'carrier wavelength, m (optical 2e-7-1.2e-5), instead of --frequency-hz',
  },
  { flag: '--tx-power-w', field: 'txPowerW', factor: 1, help: 'RF or optical power radiated, W' },
  {
    flag: '--dc-rf-efficiency',
    field: 'dcRfEfficiency',
    factor: 1,
    help: 'DC-to-RF efficiency, or laser wall-plug efficiency (0-1]',
  },
  {
    flag: '--wall-plug-efficiency',
    field: 'dcRfEfficiency',
    factor: 1,
    help: 'alias of --dc-rf-efficiency for lasers',
  },
  { flag: '--tx-diameter-m', field: 'txDiameterM', factor: 1, help: 'transmitting aperture diameter, m' },
  {
    flag: '--taper-db',
    field: 'taperDb',
    factor: 1,
    help: 'Gaussian edge taper of the transmitter, dB (default 10)',
  },
  {
    flag: '--phase-error-deg',
    field: 'phaseErrorRmsRad',
    factor: DEG,
    help: 'rms random phase error, degrees',
  },
  { flag: '--pointing-error-rad', field: 'pointingErrorRad', factor: 1, help: 'static pointing error, rad' },
  { flag: '--jitter-rad', field: 'pointingJitterRad', factor: 1, help: 'rms pointing jitter per axis, rad' },
  { flag: '--m2', field: 'beamQualityM2', factor: 1, help: 'laser beam quality M^2 (>= 1)' },
  { flag: '--distance-m', field: 'distanceM', factor: 1, help: 'link distance (slant range), m' },
  {
    flag: '--rx-diameter-m',
    field: 'rxDiameterM',
    factor: 1,
    help: 'receiver diameter, m (on the ground for ground links)',
  },
  { flag: '--rx-width-m', field: 'rxWidthM', factor: 1, help: 'receiver width (across the beam azimuth), m' },
  {
    flag: '--rx-length-m',
    field: 'rxLengthM',
    factor: 1,
    help: 'receiver length (along the beam azimuth), m',
  },
  {
    flag: '--rectenna-efficiency',
    field: 'rxEfficiency',
    factor: 1,
    help: 'peak RF-to-DC efficiency of the rectenna (0-1]',
  },
  {
    flag: '--pv-efficiency',
    field: 'rxEfficiency',
    factor: 1,
    help: 'alias of --rectenna-efficiency for laser photovoltaics',
  },
  {
    flag: '--rx-half-density-wm2',
    field: 'rxHalfEfficiencyDensityWm2',
    factor: 1,
    help: 'density at which conversion efficiency halves, W/m^2 (0 = constant)',
  },
  {
    flag: '--rx-aperture-efficiency',
    field: 'rxApertureEfficiency',
    factor: 1,
    help: 'receive aperture efficiency (0-1], default 1',
  },
  {
    flag: '--elevation-deg',
    field: 'elevationRad',
    factor: DEG,
    help: 'elevation of the beam at a ground receiver, degrees (omit for space links)',
  },
  { flag: '--rain-mm-h', field: 'rainRateMmH', factor: 1, help: 'rain rate, mm/h' },
  {
    flag: '--rain-height-m',
    field: 'rainHeightM',
    factor: 1,
    help: 'rain height above sea level, m (default 3000)',
  },
  {
    flag: '--station-height-m',
    field: 'stationHeightM',
    factor: 1,
    help: 'receiver height above sea level, m',
  },
  {
    flag: '--latitude-deg',
    field: 'latitudeRad',
    factor: DEG,
    help: 'receiver latitude, degrees (descriptive: rain at a given rate does not depend on it)',
  },
  {
    flag: '--zenith-transmission',
    field: 'opticalZenithTransmission',
    factor: 1,
    help: 'optical clear-sky zenith transmittance (0-1]',
  },
  {
    flag: '--target-efficiency',
    field: 'targetEfficiency',
    factor: 1,
    help: 'beam-collection target for the required apertures (default 0.9)',
  },
] as const;

/** Flag name for a LinkInput field (the first flag that sets it). */
function flagFor(field: string): string | undefined {
  return NUMERIC_FLAGS.find((entry) => entry.field === field)?.flag;
}

function camel(flag: string): string {
  return flag.slice(2).replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function parseNumberFlag(flag: string, value: string): number {
  const parsed = value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(parsed))
    throw new InputError(`must be a finite number, got ${JSON.stringify(value)}`, flag);
  return parsed;
}

async function readLinkFile(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as Error).message}`, '--file');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path} is not valid JSON: ${(error as Error).message}`, '--file');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InputError(`${path} must hold a JSON object`, '--file');
  }
  return parsed as Record<string, unknown>;
}

function pct(value: number): string {
  return `${formatNumber(100 * value, 4)} %`;
}

/** The human table of a budget. */
export function formatBudget(budget: LinkBudget): string {
  const mwcm2 = (wm2: number): string => `${formatNumber(wm2)} W/m^2 (${formatNumber(wm2 / 10)} mW/cm^2)`;
  const lines: string[] = [];
  lines.push(
    `link${budget.name === null ? '' : ` ${budget.name}`}: ${budget.band}, ${formatNumber(budget.frequencyHz / 1e9)} GHz ` +
      `(lambda ${formatNumber(budget.wavelengthM)} m), ${budget.groundLink ? 'ground' : 'space'} link, ${budget.fieldRegime}`,
    '',
  );
  lines.push(
    formatTable(
      ['stage', 'efficiency', 'power after (W)', 'loss (W)'],
      [
        ['DC input', '', formatNumber(budget.inputDcPowerW), ''],
        ...budget.stages.map((stage) => [
          stage.description,
          pct(stage.efficiency),
          formatNumber(stage.powerAfterW),
          formatNumber(stage.lossW),
        ]),
      ],
    ),
  );
  const rows: Array<[string, string]> = [
    [
      'tau (Goubau)',
      `${formatNumber(budget.tau)}${budget.tauEffective !== budget.tau ? ` (effective ${formatNumber(budget.tauEffective)})` : ''}`,
    ],
    [
      'beam collection',
      `${pct(budget.beamEfficiency)} (optimal taper bound 1-exp(-tau^2): ${pct(budget.goubauOptimalEfficiency)})`,
    ],
    [
      'field region',
      `${budget.fieldRegime} of the transmitter (its far field from 2 Dt^2/lambda = ${formatNumber(budget.fraunhoferDistanceM)} m)`,
    ],
    ['Friis estimate', `${formatNumber(budget.friisFraction)} (valid for tau << 1 only)`],
    [
      'atmosphere',
      `${pct(budget.atmosphericTransmission)} (gases ${formatNumber(budget.gaseousAttenuationDb)} dB, rain ${formatNumber(budget.rainAttenuationDb)} dB)`,
    ],
    ['peak density (beam-normal)', mwcm2(budget.peakPowerDensityWm2)],
    ['edge density (beam-normal)', mwcm2(budget.edgePowerDensityWm2)],
    ['max density outside (beam-normal)', mwcm2(budget.maxOutsidePowerDensityWm2)],
    ...(budget.peakGroundPowerDensityWm2 === null
      ? []
      : [['peak density per ground area', mwcm2(budget.peakGroundPowerDensityWm2)] as [string, string]]),
    ...(budget.exclusionRadiusM === null
      ? []
      : [
          [
            'public exclusion',
            `${formatNumber(budget.exclusionRadiusM)} m from the axis (beam-normal)` +
              (budget.exclusionGround === null
                ? ''
                : `; on the ground ${formatNumber(budget.exclusionGround.acrossM)} m across x ${formatNumber(budget.exclusionGround.alongM)} m along (semi-axes)`),
          ] as [string, string],
        ]),
    [
      'receiver (beam-normal)',
      `${formatNumber(2 * budget.receiver.semiAxisWidthM)} m x ${formatNumber(2 * budget.receiver.semiAxisLengthM)} m`,
    ],
    [
      'delivered DC',
      `${formatNumber(budget.deliveredDcPowerW)} W, end to end ${pct(budget.endToEndEfficiency)}`,
    ],
    [
      `for ${pct(budget.requiredApertures.targetBeamEfficiency)} collection`,
      `rx ${formatNumber(budget.requiredApertures.rxDiameterM)} m with this tx, or tx ${formatNumber(budget.requiredApertures.txDiameterM)} m with this rx, ` +
        `or both ${formatNumber(budget.requiredApertures.equalDiameterM)} m`,
    ],
  ];
  lines.push(formatTable(['quantity', 'value'], rows));
  for (const warning of budget.warnings) lines.push(`warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

function formatLongRange(distanceM: number): string {
  const comparison = compareLongRange({ distanceM });
  const rows = [
    ['microwave 5.8 GHz', formatNumber(comparison.microwave.equalDiameterM)],
    [
      `optical ${formatNumber(comparison.optical.wavelengthM * 1e6)} um (M^2 ${comparison.optical.beamQualityM2})`,
      formatNumber(comparison.optical.equalDiameterM),
    ],
    ...comparison.microwaveRelays.map((relay) => [
      `microwave, ${relay.hops} hop(s)`,
      relay.equalDiameterM === null
        ? 'infeasible (relay losses)'
        : `${formatNumber(relay.equalDiameterM)} x ${relay.apertureCount}`,
    ]),
    ['computation at the collectors', 'no beam (radiator only)'],
  ];
  return (
    `apertures for ${pct(comparison.targetBeamEfficiency)} collection over ${formatNumber(distanceM)} m:\n` +
    formatTable(['option', 'equal diameter (m)'], rows)
  );
}

interface BeamFlags {
  file?: string;
  json?: boolean;
  longRange?: boolean;
  [key: string]: unknown;
}

async function beamAction(flags: BeamFlags, io: BeamIo): Promise<void> {
  const link: Record<string, unknown> = flags.file === undefined ? {} : await readLinkFile(flags.file);
  const fromFlag = new Set<string>();
  for (const entry of NUMERIC_FLAGS) {
    const raw = flags[camel(entry.flag)];
    if (raw === undefined) continue;
    link[entry.field] = parseNumberFlag(entry.flag, String(raw)) * entry.factor;
    fromFlag.add(entry.field);
  }
  let budget: LinkBudget;
  try {
    // Validated field by field inside computeLinkBudget (input.ts).
    budget = computeLinkBudget(link as LinkInput);
  } catch (error) {
    // Name the flag the user typed, not only the JSON field.
    if (error instanceof InputError && error.field !== undefined && fromFlag.has(error.field)) {
      const flag = flagFor(error.field);
      const message = error.message.slice(error.field.length + 2);
      const degrees = NUMERIC_FLAGS.find((entry) => entry.field === error.field)?.factor === DEG;
      throw new InputError(
        `${message}${degrees ? ' (rad; the flag takes degrees)' : ''}`,
        `${flag} (${error.field})`,
      );
    }
    if (error instanceof InputError && error.field !== undefined && flags.file === undefined) {
      const flag = flagFor(error.field);
      if (flag !== undefined)
        throw new InputError(error.message.slice(error.field.length + 2), `${flag} (${error.field})`);
    }
    throw error;
  }
  if (flags.json === true) {
    io.stdout(`${JSON.stringify(budget, null, 2)}\n`);
    return;
  }
  io.stdout(formatBudget(budget));
  if (flags.longRange === true) io.stdout(`\n${formatLongRange(AU_M)}`);
}

/** The `beam` command, ready to add to the `essaim` program. */
export function createBeamCommand(io: BeamIo): Command {
  const command = new Command('beam').description(
    'budget of one power-beaming link (microwave or laser): Goubau collection, atmosphere, densities, safety',
  );
  for (const entry of NUMERIC_FLAGS) command.option(`${entry.flag} <value>`, entry.help);
  command
    .option('--file <link.json>', 'read the link from a JSON file (LinkInput, SI units); flags override it')
    .option('--json', 'print the full budget as JSON')
    .option('--long-range', 'also print the apertures a link at 1 au would need (microwave, optical, relays)')
    .action(async (flags: BeamFlags) => beamAction(flags, io));
  return command;
}
