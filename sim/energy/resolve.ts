/**
 * The validated `energy` section -> the SI parameters the ledger computes with. Conversions happen here, once:
 * ISO dates -> TDB seconds past J2000, degrees -> radians. Each hop is also checked by the beam module's own
 * validation (resolveLink: carrier band, paraxial geometry, ranges), so a bad link design is refused when the
 * scenario is loaded, not at the first time step. Every refusal is an InputError naming the field.
 */
import { resolveLink, type LinkInput } from '../beam/input.ts';
import { InputError } from '../errors.ts';
import { describeIssue } from '../validation/issues.ts';
import { isoToTdbS } from '../time.ts';
import { DEEP_SPACE_SINK_K } from './radiator.ts';
import { TRAJECTORIES, type OpsUnit, type TrajectoryName } from './trajectories.ts';
import {
  energySchema,
  type ComputeFile,
  type Destination,
  type EnergyFile,
  type HopFile,
  type ReceiverAtFile,
  linkFedByHubs,
} from './schema.ts';

const DEG = Math.PI / 180;

/**
 * Where a hop's receivers are, SI (the scenario's receiverAt with degrees turned to radians; schema.ts says what
 * each kind means). Positions at a time come from placement.ts.
 */
export type ReceiverPlacement =
  | { readonly kind: 'cluster'; readonly collectorsPerReceiver: number }
  | {
      readonly kind: 'sun-earth-L4' | 'sun-earth-L5' | 'sun-earth-L4-L5';
      /** Hop 0: the collectors that fly with the hubs (schema.ts feedersSchema); null: every collector feeds. */
      readonly feeders: { readonly shell: string; readonly collectorShare: number } | null;
    }
  /** Longitude east of Greenwich, rad, in [-pi, pi]. */
  | { readonly kind: 'geostationary'; readonly longitudeRad: number }
  /** Geodetic latitude and longitude on WGS-84, rad (east positive); height above the ellipsoid, m. */
  | {
      readonly kind: 'ground';
      readonly latitudeRad: number;
      readonly longitudeRad: number;
      readonly heightM: number;
    };

/** One hop, SI. */
export interface EnergyHop {
  readonly name: string | null;
  /** The hop as the beam module takes it, without its power (txPowerW is set per time step). */
  readonly link: Omit<LinkInput, 'txPowerW'>;
  /** DC power conditioning ahead of the transmitter, (0, 1]. */
  readonly powerConditioningEfficiency: number;
  /** DC-to-RF (or laser wall-plug) efficiency after defaults, (0, 1]: radiated = DC after conditioning x this. */
  readonly dcRfEfficiency: number;
  /** Largest DC power into one unit, W (before conditioning); Infinity for a single unit. */
  readonly unitDcPowerW: number;
  /** Where the receivers are; null when the scenario does not say (placement.ts then places nothing). */
  readonly receiverAt: ReceiverPlacement | null;
}

/** One link from the swarm to a load, SI. */
export interface EnergyLink {
  readonly name: string;
  readonly destination: Destination;
  /**
   * Fraction of the captured electricity this link takes (normalised so that the shares sum to <= 1): of the
   * hubs' feeders' power when fedByHubs, else of the other collectors' power.
   */
  readonly share: number;
  /** Whether the first hop is received by Lagrange-point hubs with their own feeders (EnergyParams.hubFeeders). */
  readonly fedByHubs: boolean;
  readonly loadEfficiency: number;
  readonly hops: readonly EnergyHop[];
}

/** The compute nodes, SI. */
export interface ComputeParams {
  /** What one operation is (the named trajectory's unit, or the scenario's opsMetric). */
  readonly opsMetric: string;
  /** Token or FLOP (the named trajectory's, or the scenario's opsUnit); null when the scenario does not say. */
  readonly opsUnit: OpsUnit | null;
  /** The named trajectory chosen (trajectories.ts), or null for the scenario's own efficiency points. */
  readonly trajectory: string | null;
  /** Dates of the efficiency trajectory, TDB s past J2000, strictly increasing. */
  readonly efficiencyTdbS: readonly number[];
  /** Operations per joule at those dates. */
  readonly efficiencyOpsPerJoule: readonly number[];
  readonly taskName: string;
  readonly opsPerTask: number;
  readonly radiatorTemperatureK: number;
  readonly radiatorEmissivity: number;
  readonly radiatorSinkTemperatureK: number;
  readonly radiatorSides: 1 | 2;
}

/**
 * The collectors that fly in formation with Lagrange-point hubs (sim/swarm/hubOrbit.ts): collectorShare of the
 * named shell's collectors, split evenly over the points, within radiusM (the hop's distance) of their hub.
 */
export interface HubFeeders {
  /** The link whose first hop the hubs receive. */
  readonly linkIndex: number;
  readonly shell: string;
  readonly collectorShare: number;
  readonly points: ReadonlyArray<'L4' | 'L5'>;
  /** The hop's distanceM: the formation radius about each hub, m. */
  readonly radiusM: number;
}

/** The resolved `energy` section. Immutable; SI. */
export interface EnergyParams {
  readonly links: readonly EnergyLink[];
  /** The hubs' own feeders, when a link's first hop names them; else null. */
  readonly hubFeeders: HubFeeders | null;
  /** Sum of the shares of the links the swarm at large feeds (not the hubs' feeders), [0, 1]. */
  readonly allocatedShare: number;
  readonly compute: ComputeParams | null;
}

/** Validate a raw `energy` section with the schema; throws InputError listing every issue under `path`. */
export function parseEnergy(raw: unknown, path = 'energy'): EnergyFile {
  const parsed = energySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues
    .slice(0, 20)
    .map((issue) => describeIssue({ ...issue, path: [path, ...issue.path] }, { [path]: raw }));
  throw new InputError(lines.join('\n'));
}

/** The scenario's receiverAt in SI. */
function resolveReceiverAt(at: ReceiverAtFile): ReceiverPlacement {
  switch (at.kind) {
    case 'cluster':
      return { kind: at.kind, collectorsPerReceiver: at.collectorsPerReceiver };
    case 'geostationary':
      return { kind: at.kind, longitudeRad: at.longitudeDeg * DEG };
    case 'ground':
      return {
        kind: at.kind,
        latitudeRad: at.latitudeDeg * DEG,
        longitudeRad: at.longitudeDeg * DEG,
        heightM: at.heightM,
      };
    default:
      return {
        kind: at.kind,
        feeders:
          at.feeders === undefined
            ? null
            : { shell: at.feeders.shell, collectorShare: at.feeders.collectorShare },
      };
  }
}

const HUB_POINTS: Readonly<Record<string, ReadonlyArray<'L4' | 'L5'>>> = {
  'sun-earth-L4': ['L4'],
  'sun-earth-L5': ['L5'],
  'sun-earth-L4-L5': ['L4', 'L5'],
};

/** The hubs' feeders of the resolved links (the schema allows one link with them), or null. */
function hubFeedersOf(links: readonly EnergyLink[]): HubFeeders | null {
  for (const [linkIndex, link] of links.entries()) {
    const hop = link.hops[0];
    const at = hop?.receiverAt;
    if (hop === undefined || at === null || at === undefined || !('feeders' in at) || at.feeders === null)
      continue;
    return {
      linkIndex,
      shell: at.feeders.shell,
      collectorShare: at.feeders.collectorShare,
      points: HUB_POINTS[at.kind] ?? [],
      radiusM: hop.link.distanceM,
    };
  }
  return null;
}

/** The hop split into the beam module's link (SI, radians) and the ledger's own fields. */
function splitHop(hop: HopFile): {
  readonly link: Omit<LinkInput, 'txPowerW'>;
  readonly powerConditioningEfficiency: number;
  readonly unitDcPowerW: number;
  readonly receiverAt: ReceiverPlacement | null;
} {
  const {
    powerConditioningEfficiency,
    unitDcPowerW,
    receiverAt,
    elevationDeg,
    latitudeDeg,
    polarisationTiltDeg,
    ...rest
  } = hop;
  return {
    link: {
      ...rest,
      ...(elevationDeg === undefined ? {} : { elevationRad: Math.min(Math.PI / 2, elevationDeg * DEG) }),
      ...(latitudeDeg === undefined ? {} : { latitudeRad: latitudeDeg * DEG }),
      ...(polarisationTiltDeg === undefined ? {} : { polarisationTiltRad: polarisationTiltDeg * DEG }),
    },
    powerConditioningEfficiency,
    unitDcPowerW: unitDcPowerW ?? Infinity,
    // Where the receiver is is the placement's business (placement.ts), not the link budget's.
    receiverAt: receiverAt === undefined ? null : resolveReceiverAt(receiverAt),
  };
}

/** Degree fields as the scenario names them, for messages from resolveLink. */
const SCENARIO_FIELD: Readonly<Record<string, string>> = {
  elevationRad: 'elevationDeg',
  latitudeRad: 'latitudeDeg',
  polarisationTiltRad: 'polarisationTiltDeg',
};

function resolveHop(hop: HopFile, where: string): EnergyHop {
  const { link, powerConditioningEfficiency, unitDcPowerW, receiverAt } = splitHop(hop);
  let dcRfEfficiency: number;
  try {
    // The power is irrelevant to validation; 1 W stands in for it.
    dcRfEfficiency = resolveLink({ ...link, txPowerW: 1 }).dcRfEfficiency;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const field = error.field ?? '';
    const message = error.message.startsWith(`${field}: `)
      ? error.message.slice(field.length + 2)
      : error.message;
    throw new InputError(message, `${where}.${SCENARIO_FIELD[field] ?? field}`);
  }
  return {
    name: hop.name ?? null,
    link,
    powerConditioningEfficiency,
    dcRfEfficiency,
    unitDcPowerW,
    receiverAt,
  };
}

function resolveCompute(file: ComputeFile, where: string): ComputeParams {
  // The schema has checked that exactly one of trajectory (a known name) and efficiency is given.
  const named = file.trajectory === undefined ? null : TRAJECTORIES[file.trajectory as TrajectoryName];
  const points = named?.points ?? file.efficiency ?? [];
  const efficiencyTdbS = points.map((point) => isoToTdbS(point.date));
  efficiencyTdbS.forEach((t, k) => {
    if (k > 0 && !(t > (efficiencyTdbS[k - 1] as number))) {
      throw new InputError('dates must be strictly increasing', `${where}.efficiency[${k}].date`);
    }
  });
  const sink = file.radiatorSinkTemperatureK ?? DEEP_SPACE_SINK_K;
  if (!(file.radiatorTemperatureK > sink)) {
    throw new InputError(
      `must be above the radiator's sink temperature ${sink} K, got ${file.radiatorTemperatureK}`,
      `${where}.radiatorTemperatureK`,
    );
  }
  return {
    opsMetric: named?.opsMetric ?? file.opsMetric ?? 'operations',
    opsUnit: named?.opsUnit ?? file.opsUnit ?? null,
    trajectory: file.trajectory ?? null,
    efficiencyTdbS,
    efficiencyOpsPerJoule: points.map((point) => point.opsPerJoule),
    taskName: file.task.name,
    opsPerTask: file.task.opsPerTask,
    radiatorTemperatureK: file.radiatorTemperatureK,
    radiatorEmissivity: file.radiatorEmissivity,
    radiatorSinkTemperatureK: sink,
    radiatorSides: file.radiatorSides,
  };
}

/**
 * Resolve a schema-validated `energy` section to SI. `path` prefixes the field names in errors. Throws
 * InputError for what the schema cannot see: a hop the beam module refuses (band, geometry), a radiator no
 * warmer than its sink.
 */
export function resolveEnergy(file: EnergyFile, path = 'energy'): EnergyParams {
  // Each group (the hubs' feeders, the other collectors) divides its own power among its links.
  const groupSum = (hubs: boolean): number =>
    file.links.filter((link) => linkFedByHubs(link) === hubs).reduce((total, link) => total + link.share, 0);
  const sums = { false: groupSum(false), true: groupSum(true) };
  const sum = Math.min(1, sums.false);
  // Shares within the schema's rounding allowance above 1 are scaled down to sum to exactly 1 at most.
  const links = file.links.map((link, i): EnergyLink => {
    const fedByHubs = linkFedByHubs(link);
    const groupTotal = sums[fedByHubs ? 'true' : 'false'];
    return {
      name: link.name,
      destination: link.destination,
      share: link.share * (groupTotal > 1 ? 1 / groupTotal : 1),
      fedByHubs,
      loadEfficiency: link.loadEfficiency,
      hops: link.hops.map((hop, j) => resolveHop(hop, `${path}.links[${i}].hops[${j}]`)),
    };
  });
  return {
    links,
    hubFeeders: hubFeedersOf(links),
    allocatedShare: Math.min(1, sum),
    compute: file.compute === undefined ? null : resolveCompute(file.compute, `${path}.compute`),
  };
}

/**
 * Computing efficiency at `tdbS`, operations per joule: log-linear interpolation between the trajectory's dated
 * points (exact at each point), the first value before the first date and the last after the last.
 */
export function opsPerJouleAt(compute: ComputeParams, tdbS: number): number {
  const times = compute.efficiencyTdbS;
  const values = compute.efficiencyOpsPerJoule;
  const last = times.length - 1;
  if (!(tdbS > (times[0] as number))) return values[0] as number;
  if (tdbS >= (times[last] as number)) return values[last] as number;
  // times[k] <= tdbS < times[k + 1]
  let k = 0;
  while ((times[k + 1] as number) <= tdbS) k += 1;
  const t0 = times[k] as number;
  const y0 = values[k] as number;
  const fraction = (tdbS - t0) / ((times[k + 1] as number) - t0);
  return y0 * ((values[k + 1] as number) / y0) ** fraction;
}
