/**
 * The scenario's optional `energy` section: where the swarm's electricity goes, and what it buys.
 *
 * - `links`: power-beaming links from the swarm to loads. Each takes a fixed `share` of the electricity the
 *   collectors capture and carries it through one or more hops to a `destination`: `compute` (orbital compute
 *   nodes) or `grid` (ground rectennas feeding a power grid). A hop is one transmitter -> path -> receiver
 *   in the beam module's LinkInput vocabulary (sim/beam/input.ts); a link of several hops is a relay chain in
 *   which each relay converts what it receives to DC and transmits it again (an active relay).
 *   The shares sum to at most 1. What no link takes is UNALLOCATED: electricity generated on the collectors
 *   and beamed nowhere (collector housekeeping, or curtailed). The ledger reports it as `unallocatedPowerW`,
 *   neither delivered nor lost.
 * - `compute`: the compute nodes: computing efficiency as a dated trajectory (operations per joule; log-linear
 *   between dated points, held constant outside them), the task whose energy the run reports, and the
 *   radiator that rejects the nodes' heat.
 *
 * Units are the scenario's friendly ones: ISO dates, degrees for elevation, latitude, longitude and polarisation
 * tilt; everything else SI with the unit in the name, as in LinkInput. resolve.ts converts once, to SI.
 *
 * Where the ends of a hop are (`receiverAt`, optional; placement.ts computes the positions): the transmitter of
 * hop 0 is the collectors; the transmitter of hop j > 0 is the receiver of hop j - 1. Without receiverAt the
 * ledger is unchanged and nothing says where the hop is (the scene draws no beam for it).
 */
import { z } from 'zod';
import { parseIsoUtcMs } from '../time.ts';
import { TRAJECTORY_NAMES } from './trajectories.ts';

/**
 * An ISO 8601 UTC date (sim/time.ts). Defined here rather than imported from sim/scenario/schema.ts so that the
 * scenario schema can import this module without an import cycle.
 */
const isoDate = z.string().superRefine((value, ctx) => {
  try {
    parseIsoUtcMs(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

/** An efficiency in (0, 1]. */
const efficiency = z.number().gt(0).max(1);
const positive = z.number().positive();

/** Largest sum of the link shares accepted: 1, plus room for decimal fractions that do not add up exactly. */
export const MAX_SHARE_SUM = 1 + 1e-9;

/** A longitude east of Greenwich, deg. */
const longitudeDeg = z.number().min(-180).max(180);

/** The kinds of place a hop's receiver can be at (receiverAtSchema). */
export const RECEIVER_KINDS = [
  'cluster',
  'sun-earth-L4',
  'sun-earth-L5',
  'sun-earth-L4-L5',
  'geostationary',
  'ground',
] as const;
export type ReceiverKind = (typeof RECEIVER_KINDS)[number];

/**
 * The collectors that feed Lagrange-point hubs (hop 0 only): `collectorShare` of the collectors of `shell` fly in
 * formation with the hubs (half about each point for `sun-earth-L4-L5`), within the hop's distanceM of them
 * (sim/swarm/hubOrbit.ts); they feed only the links whose first hop names these hubs, whose shares then divide
 * those collectors' power, and the other links share the power of the rest of the swarm.
 */
export const feedersSchema = z
  .object({
    /** The shell (its `name`) whose collectors fly with the hubs: its ranges must hold the hubs' orbits. */
    shell: z.string().min(1),
    /** Fraction of that shell's collectors (by count) that fly with the hubs, (0, 1]. */
    collectorShare: z.number().gt(0).max(1),
  })
  .strict();
export type FeedersFile = z.output<typeof feedersSchema>;

/**
 * Where a hop's receivers are, by `kind`:
 * - `cluster`: inside a cluster of collectors (a compute node or hub among a few hundred collectors). It rides
 *   with the swarm and has no absolute position of its own; there is one receiver per `collectorsPerReceiver`
 *   collectors feeding the link.
 * - `sun-earth-L4`, `sun-earth-L5`: relays at the triangular Lagrange point of the Sun-Earth system, 60 deg ahead
 *   of (L4) or behind (L5) the Earth on its orbit; `sun-earth-L4-L5`: the hop's units split equally between the
 *   two. The tadpole libration of real orbits about these points is not modelled. On hop 0, `feeders` names the
 *   collectors that fly with the hubs (feedersSchema); without it every collector feeds the hubs from wherever it
 *   is, and the run warns that the geometry disagrees with the hop's distance.
 * - `geostationary`: a relay on the geostationary ring over `longitudeDeg` (east positive).
 * - `ground`: a rectenna at geodetic `latitudeDeg`, `longitudeDeg` (WGS-84) and `heightM` above the ellipsoid.
 */
export const receiverAtSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('cluster'), collectorsPerReceiver: positive }).strict(),
    z.object({ kind: z.literal('sun-earth-L4'), feeders: feedersSchema.optional() }).strict(),
    z.object({ kind: z.literal('sun-earth-L5'), feeders: feedersSchema.optional() }).strict(),
    z.object({ kind: z.literal('sun-earth-L4-L5'), feeders: feedersSchema.optional() }).strict(),
    z.object({ kind: z.literal('geostationary'), longitudeDeg }).strict(),
    z
      .object({
        kind: z.literal('ground'),
        latitudeDeg: z.number().min(-90).max(90),
        longitudeDeg,
        /** Height above the WGS-84 ellipsoid, m (the range of the hop's stationHeightM); default 0. */
        heightM: z.number().min(-500).max(9000).default(0),
      })
      .strict(),
  ],
  {
    // zod's own message for an unknown kind gives neither the value nor the accepted list in our wording.
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      const input = issue.input as { kind?: unknown } | null | undefined;
      const kind = typeof input === 'object' && input !== null ? input.kind : undefined;
      const got = kind === undefined ? 'nothing' : JSON.stringify(kind);
      return `must be one of ${RECEIVER_KINDS.map((k) => JSON.stringify(k)).join(', ')}, got ${got}`;
    },
  },
);
export type ReceiverAtFile = z.output<typeof receiverAtSchema>;

/** The Lagrange points each Lagrange kind occupies. */
const LAGRANGE_POINTS: Partial<Record<ReceiverKind, readonly string[]>> = {
  'sun-earth-L4': ['L4'],
  'sun-earth-L5': ['L5'],
  'sun-earth-L4-L5': ['L4', 'L5'],
};

/** Whether two longitudes in [-180, 180] deg name the same meridian (-180 is 180). */
function sameMeridian(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) === 360;
}

/**
 * Whether two receiver places share a point (a hop between them would have no length): a common Lagrange point,
 * the same geostationary longitude, or the same ground site.
 */
function sharePoint(a: ReceiverAtFile, b: ReceiverAtFile): boolean {
  const pointsA = LAGRANGE_POINTS[a.kind];
  const pointsB = LAGRANGE_POINTS[b.kind];
  if (pointsA !== undefined && pointsB !== undefined) return pointsA.some((point) => pointsB.includes(point));
  if (a.kind === 'geostationary' && b.kind === 'geostationary') {
    return sameMeridian(a.longitudeDeg, b.longitudeDeg);
  }
  if (a.kind === 'ground' && b.kind === 'ground') {
    const pole = Math.abs(a.latitudeDeg) === 90; // every longitude is the same point
    return (
      a.latitudeDeg === b.latitudeDeg &&
      a.heightM === b.heightM &&
      (pole || sameMeridian(a.longitudeDeg, b.longitudeDeg))
    );
  }
  return false;
}

/**
 * One hop: a transmitter, a path and a receiver. Field names and defaults are the beam module's (LinkInput,
 * LINK_DEFAULTS), except that the power is not given (the ledger sets it from the share) and angles to the
 * ground are in degrees.
 */
export const hopSchema = z
  .object({
    name: z.string().min(1).max(64).optional(),
    /** Carrier: exactly one of frequencyHz (radio, 1-300 GHz) or wavelengthM (optical, 0.2-12 um). */
    frequencyHz: positive.optional(),
    wavelengthM: positive.optional(),
    /**
     * DC power conditioning ahead of the transmitter (DC-DC converters and distribution on the transmitting
     * platform); default 1.
     */
    powerConditioningEfficiency: efficiency.default(1),
    /** DC-to-RF (radio) or laser wall-plug (optical) efficiency; the beam module's default when absent. */
    dcRfEfficiency: efficiency.optional(),
    /**
     * Largest DC power into one unit of this hop, W (before power conditioning). The hop's power is shared
     * equally by ceil(power / unitDcPowerW) identical units, each with this hop's apertures; densities and
     * safety warnings are per unit. Absent: a single unit carries everything.
     */
    unitDcPowerW: positive.optional(),
    txDiameterM: positive,
    taperDb: z.number().min(0).max(40).optional(),
    phaseErrorRmsRad: z.number().min(0).max(1.5).optional(),
    pointingErrorRad: z.number().min(0).max(0.1).optional(),
    pointingJitterRad: z.number().min(0).max(0.1).optional(),
    beamQualityM2: z.number().min(1).max(1000).optional(),
    /** Transmitter-receiver distance (slant range for ground links), m. */
    distanceM: positive,
    /** A circular receiver, or an elliptical one (rxWidthM with rxLengthM; on the ground for ground links). */
    rxDiameterM: positive.optional(),
    rxWidthM: positive.optional(),
    rxLengthM: positive.optional(),
    /** RF-to-DC (rectenna) or photovoltaic efficiency at high density; the beam module's default when absent. */
    rxEfficiency: efficiency.optional(),
    /** Density at which the receiver converts at half its peak efficiency, W/m^2 (0 or absent: constant). */
    rxHalfEfficiencyDensityWm2: z.number().min(0).optional(),
    rxApertureEfficiency: efficiency.optional(),
    /** Ground links only: elevation of the beam at the receiver, deg (5-90, the ITU-R slant-path range). */
    elevationDeg: z.number().min(5).max(90).optional(),
    rainRateMmH: z.number().min(0).max(300).optional(),
    rainHeightM: z.number().min(0).max(10_000).optional(),
    stationHeightM: z.number().min(-500).max(9000).optional(),
    latitudeDeg: z.number().min(-90).max(90).optional(),
    polarisationTiltDeg: z.number().min(-90).max(90).optional(),
    surfacePressurePa: z.number().optional(),
    surfaceTemperatureK: z.number().optional(),
    waterVapourDensityKgM3: z.number().optional(),
    opticalZenithTransmission: efficiency.optional(),
    /** Target collection efficiency of the required-aperture solver. */
    targetEfficiency: z.number().optional(),
    /** Where this hop's receivers are (receiverAtSchema); absent: unplaced (the ledger does not need it). */
    receiverAt: receiverAtSchema.optional(),
  })
  .strict()
  .superRefine((hop, ctx) => {
    if ((hop.frequencyHz === undefined) === (hop.wavelengthM === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['frequencyHz'],
        message: 'give exactly one of frequencyHz and wavelengthM',
      });
    }
    const ellipse = hop.rxWidthM !== undefined || hop.rxLengthM !== undefined;
    if (hop.rxDiameterM !== undefined && ellipse) {
      ctx.addIssue({
        code: 'custom',
        path: ['rxDiameterM'],
        message: 'give either rxDiameterM or rxWidthM with rxLengthM, not both',
      });
    } else if (hop.rxDiameterM === undefined && (hop.rxWidthM === undefined || hop.rxLengthM === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [hop.rxWidthM === undefined ? 'rxDiameterM' : 'rxLengthM'],
        message: 'give rxDiameterM, or rxWidthM with rxLengthM (m)',
      });
    }
  });

/** The loads a link can feed. */
export const DESTINATIONS = ['compute', 'grid'] as const;
export type Destination = (typeof DESTINATIONS)[number];

/** Whether a link's first hop is received by Lagrange-point hubs with their own feeders (feedersSchema). */
export function linkFedByHubs(link: {
  readonly hops: ReadonlyArray<{ readonly receiverAt?: unknown }>;
}): boolean {
  const at = link.hops[0]?.receiverAt as { feeders?: unknown } | undefined;
  return at?.feeders !== undefined;
}

/** A link from the swarm to a load: a share of the captured electricity, carried over one or more hops. */
export const energyLinkSchema = z
  .object({
    name: z.string().min(1).max(64),
    /** `compute`: orbital compute nodes; `grid`: ground rectennas feeding a grid. */
    destination: z.enum(DESTINATIONS),
    /**
     * Fraction of the electricity captured by the collectors that this link takes, [0, 1]: of the hubs' feeders
     * when its first hop names them (feedersSchema), else of the other collectors.
     */
    share: z.number().min(0).max(1),
    /**
     * The load's own interface: DC out of the last receiver -> the load (DC-DC regulation, or DC -> AC into the
     * grid). Default 1.
     */
    loadEfficiency: efficiency.default(1),
    /** The hops from the collectors to the load, in order; each relay re-transmits what it receives. */
    hops: z.array(hopSchema).min(1).max(8),
  })
  .strict()
  .superRefine((link, ctx) => {
    // A cluster receiver rides with the swarm: a chain can stay in the clusters (collectors -> hub -> node) but
    // cannot come back to them once it has left for a fixed place (Lagrange point, geostationary ring, ground).
    let left: number | null = null;
    link.hops.forEach((hop, j) => {
      const at = hop.receiverAt;
      if (at === undefined) return;
      if (at.kind === 'cluster' && left !== null) {
        ctx.addIssue({
          code: 'custom',
          path: ['hops', j, 'receiverAt', 'kind'],
          message: `a cluster receiver flies with the swarm's collectors, so it can only follow the collectors or another cluster receiver: hops[${left}] has already left the swarm (receiverAt.kind ${JSON.stringify(link.hops[left]?.receiverAt?.kind)})`,
        });
      }
      if (j > 0 && 'feeders' in at && at.feeders !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['hops', j, 'receiverAt', 'feeders'],
          message:
            'only the first hop has collectors as its transmitters: feeders belongs on hops[0].receiverAt',
        });
      }
      if (at.kind !== 'cluster' && left === null) left = j;
      const before = j > 0 ? link.hops[j - 1]?.receiverAt : undefined;
      if (before !== undefined && sharePoint(at, before)) {
        ctx.addIssue({
          code: 'custom',
          path: ['hops', j, 'receiverAt'],
          message: `the receiver is where this hop's transmitter is (hops[${j - 1}].receiverAt): a hop must go somewhere`,
        });
      }
    });
  });

/** One dated value of the computing efficiency. */
export const efficiencyPointSchema = z
  .object({
    date: isoDate,
    /** Operations per joule (= operations per second per watt) at this date. */
    opsPerJoule: positive,
    /** Where this value comes from: a measurement, or the projection that gives it. */
    source: z.string().min(1),
  })
  .strict();

/** The compute nodes. */
export const computeSchema = z
  .object({
    /**
     * What is counted as one operation (e.g. "HPL FP64 FLOP, as in the Green500"); not interpreted. With a named
     * trajectory the trajectory's own unit is used.
     */
    opsMetric: z.string().min(1).optional(),
    /**
     * With the scenario's own efficiency points: whether an operation is a generated `token` or a `flop`, so the
     * run reports computeTokensPerS or computeFlopPerS; without it neither (the unit is only the opsMetric text).
     * A named trajectory has its own unit.
     */
    opsUnit: z.enum(['token', 'flop']).optional(),
    /**
     * A named computing-efficiency trajectory (sim/energy/trajectories.ts): `mlperf-llama2-70b` (generated tokens
     * per joule) or `green500-fp64` (FP64 FLOP per joule). Give either this or `efficiency`.
     */
    trajectory: z
      .string()
      .optional()
      .superRefine((name, ctx) => {
        if (name !== undefined && !(TRAJECTORY_NAMES as readonly string[]).includes(name)) {
          ctx.addIssue({
            code: 'custom',
            message: `must be one of ${TRAJECTORY_NAMES.map((k) => JSON.stringify(k)).join(', ')}, got ${JSON.stringify(name)}`,
          });
        }
      }),
    /**
     * Computing efficiency over time, dates strictly increasing: log-linear interpolation between the points,
     * the first value before the first date and the last after the last. Give either this or `trajectory`.
     */
    efficiency: z.array(efficiencyPointSchema).min(1).optional(),
    /** The unit of useful work whose energy the run reports (the "kWh per decision" figure). */
    task: z
      .object({
        name: z.string().min(1),
        /** Operations one task takes, in the unit of opsMetric. */
        opsPerTask: positive,
        source: z.string().min(1).optional(),
      })
      .strict(),
    /** Radiating surface temperature, K. */
    radiatorTemperatureK: positive,
    /** Hemispherical infrared emissivity of the radiator, (0, 1]. */
    radiatorEmissivity: efficiency,
    /** Effective sink temperature the radiator sees, K; absent: deep space (2.72548 K, radiator.ts). */
    radiatorSinkTemperatureK: z.number().min(0).optional(),
    /** Radiating faces per unit of radiator area: 1 (body-mounted) or 2 (free-standing panel). */
    radiatorSides: z.union([z.literal(1), z.literal(2)]).default(2),
  })
  .strict()
  .superRefine((compute, ctx) => {
    if ((compute.trajectory === undefined) === (compute.efficiency === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['trajectory'],
        message: `give exactly one of trajectory (${TRAJECTORY_NAMES.join(', ')}) and efficiency`,
      });
    }
    if (compute.efficiency === undefined) return;
    for (let k = 1; k < compute.efficiency.length; k += 1) {
      const before = compute.efficiency[k - 1];
      const point = compute.efficiency[k];
      if (before === undefined || point === undefined) continue;
      let ordered = true;
      try {
        ordered = parseIsoUtcMs(point.date) > parseIsoUtcMs(before.date);
      } catch {
        continue; // the date itself is reported by isoDate
      }
      if (!ordered) {
        ctx.addIssue({
          code: 'custom',
          path: ['efficiency', k, 'date'],
          message: `dates must be strictly increasing: must be after efficiency[${k - 1}].date (${before.date})`,
        });
      }
    }
  });

export const energySchema = z
  .object({
    /** Where the parameters come from, one entry per source. Not interpreted. */
    sources: z.array(z.string()).default([]),
    /** Per-parameter notes keyed by a field path. Not interpreted. */
    notes: z.record(z.string(), z.string()).default({}),
    links: z.array(energyLinkSchema).default([]),
    compute: computeSchema.optional(),
  })
  .strict()
  .superRefine((energy, ctx) => {
    const seen = new Set<string>();
    energy.links.forEach((link, index) => {
      if (seen.has(link.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['links', index, 'name'],
          message: `duplicate link name ${JSON.stringify(link.name)}`,
        });
      }
      seen.add(link.name);
    });
    // Links fed by the hubs' own collectors divide those collectors' power; the others divide the rest's.
    for (const hubs of [false, true]) {
      const sum = energy.links
        .filter((link) => linkFedByHubs(link) === hubs)
        .reduce((total, link) => total + link.share, 0);
      if (sum > MAX_SHARE_SUM) {
        ctx.addIssue({
          code: 'custom',
          path: ['links'],
          message: hubs
            ? `the share values of the links fed by the hubs' feeders sum to ${sum}, above 1: they divide those collectors' power, so they must sum to <= 1`
            : `the links' share values sum to ${sum}, above 1: they divide the captured power, so they must sum to <= 1`,
        });
      }
    }
    const fed = energy.links.flatMap((link, index) => (linkFedByHubs(link) ? [index] : []));
    if (fed.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['links', fed[1] as number, 'hops', 0, 'receiverAt', 'feeders'],
        message: `links[${fed[0]}] already names the hubs' feeders: one group of collectors flies with the hubs`,
      });
    }
    const computeLink = energy.links.findIndex((link) => link.destination === 'compute');
    if (computeLink >= 0 && energy.compute === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['compute'],
        message: `links[${computeLink}] feeds compute nodes: give the compute section (efficiency, task, radiator)`,
      });
    }
  });

export type EnergyInput = z.input<typeof energySchema>;
export type EnergyFile = z.output<typeof energySchema>;
export type EnergyLinkFile = z.output<typeof energyLinkSchema>;
export type HopFile = z.output<typeof hopSchema>;
export type ComputeFile = z.output<typeof computeSchema>;
