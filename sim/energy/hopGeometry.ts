/**
 * Hop distances against the geometry (issue 13, "places consistent with orbits"): the link budget of every hop
 * uses the scenario's `distanceM`; this module measures, at one instant, the distance the places and the
 * propagated collectors give, and words a warning where the two are more than GEOMETRY_MISMATCH_FACTOR apart.
 *
 * What each hop's geometric distance is:
 * - hop 0 with a `cluster` receiver: the cluster radius. When the collectors fly in formations (the world's
 *   swarm does whenever a link is received in clusters: sim/swarm/formation.ts), the farthest collector from its
 *   own formation's node, the node propagated from its own elements. Without formations (a bare sample): a node is fed by the collectorsPerReceiver collectors
 *   nearest to it; the check seeds a node at each of up to CLUSTER_NODE_SAMPLES tracers (evenly spread over the
 *   table), takes the nearest collectors until their weight reaches collectorsPerReceiver (all of them when the
 *   swarm holds fewer), puts the node at their weighted centroid and measures the farthest of them from it. The
 *   mean over the seeded nodes is the hop's geometric distance. Collectors on independently sampled orbits give
 *   a fraction of an au here; a formation of radius R around its node gives R.
 * - hop 0 with Sun-Earth L4/L5 hubs that have their own feeders (schema.ts feedersSchema), when the sample gives
 *   the formations: the farthest feeder from its hub, the hub propagated on its own orbit (sim/swarm/hubOrbit.ts);
 *   and the hop after it starts from those hubs, not from the exact points.
 * - hop 0 with other placed receivers (L4/L5 hubs without feeders, geostationary, ground): every collector feeds
 *   the link (its share is a share of the whole swarm's power), so the geometric distance is the collectors'
 *   weighted mean distance to the nearest of the hop's receiving platforms (placement.ts).
 * - a later hop whose two ends are placed: the transmitter-receiver distance of placement.ts
 *   hopGeometricDistanceM, the one the line of sight uses.
 * Hops without receiverAt, and later hops with a cluster end, have no geometry to check.
 *
 * Positions: heliocentric ecliptic J2000 (ECLIPJ2000), m, as World.positionsAt gives them. Pure.
 */
import { InputError, requireFinite } from '../errors.ts';
import { hopGeometricDistanceM, receiverPlatformsAt } from './placement.ts';
import type { EnergyParams } from './resolve.ts';

/**
 * Ratio (larger / smaller) of stated and geometric distance above which the run warns. The collection of a hop
 * depends on the distance through tau = sqrt(A_t A_r) / (lambda d): the baseline's 2,000 km radio hops sit at
 * tau = 1.71 (94 % collected); 1.5 times farther is tau = 1.14, where about a quarter of the beam misses. The
 * geometric variation that a fixed distance legitimately averages stays far inside it: the L4/L5-to-relay
 * distance swings +-1.7 % with the Earth's eccentricity, the geostationary slant range 0.02 % with the ellipsoid.
 */
export const GEOMETRY_MISMATCH_FACTOR = 1.5;

/** Nodes seeded per cluster check: enough for a mean radius, few enough for every snapshot (O(samples N log N)). */
export const CLUSTER_NODE_SAMPLES = 16;

/** The collectors at one instant: the tracers on station and the real collectors each stands for. */
export interface CollectorSample {
  /** Tracers on station. */
  readonly count: number;
  /** Their positions, heliocentric ECLIPJ2000, m, xyz interleaved (at least 3 x count values). */
  readonly positionsM: Float64Array | Float32Array;
  /** Real collectors each tracer stands for at this instant (at least count values, >= 0). */
  readonly weights: Float64Array;
  /**
   * The formations the collectors fly in (sim/swarm/formation.ts), when they do: each tracer's formation index
   * (>= 0) and the formation nodes' positions at this instant (xyz interleaved, m). Then a cluster's radius is
   * measured from the nodes themselves.
   */
  readonly formations?: {
    readonly ofTracer: Int32Array;
    readonly nodePositionsM: Float64Array;
    /**
     * Per formation, the triangular point its node is a hub at (sim/swarm/hubOrbit.ts), or null for a compute
     * node; absent: every formation is a compute node's.
     */
    readonly nodeHub?: ReadonlyArray<'L4' | 'L5' | null>;
  };
}

/** One hop's stated and geometric distance at one instant. */
export interface HopGeometryCheck {
  readonly linkIndex: number;
  readonly hopIndex: number;
  /** `link hop j (name)`, the label of the ledger's warnings. */
  readonly label: string;
  /** The scenario's distanceM, which the link budget uses, m. */
  readonly statedDistanceM: number;
  /** What the geometry gives (module comment), m. */
  readonly geometricDistanceM: number;
  /** How geometricDistanceM was measured, in words. */
  readonly measure: string;
}

function distance(p: Float64Array | Float32Array, i: number, q: readonly number[]): number {
  return Math.hypot(
    (p[3 * i] as number) - q[0]!,
    (p[3 * i + 1] as number) - q[1]!,
    (p[3 * i + 2] as number) - q[2]!,
  );
}

/** The radius of the cluster seeded at tracer `seed` (module comment), m; null when the swarm has no weight. */
function clusterRadiusM(collectors: CollectorSample, seed: number, perNode: number): number | null {
  const { count, positionsM: p, weights } = collectors;
  const origin = [p[3 * seed] as number, p[3 * seed + 1] as number, p[3 * seed + 2] as number];
  const d = new Float64Array(count);
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) {
    d[i] = distance(p, i, origin);
    order[i] = i;
  }
  order.sort((a, b) => (d[a] as number) - (d[b] as number) || a - b);
  let weight = 0;
  const centroid = [0, 0, 0];
  let members = 0;
  while (members < count && weight < perNode) {
    const i = order[members] as number;
    const w = weights[i] as number;
    weight += w;
    for (let c = 0; c < 3; c += 1) centroid[c] = (centroid[c] as number) + w * (p[3 * i + c] as number);
    members += 1;
  }
  if (!(weight > 0)) return null;
  for (let c = 0; c < 3; c += 1) centroid[c] = (centroid[c] as number) / weight;
  let radius = 0;
  for (let k = 0; k < members; k += 1) {
    const i = order[k] as number;
    if ((weights[i] as number) > 0) radius = Math.max(radius, distance(p, i, centroid));
  }
  return radius;
}

function meanClusterRadiusM(collectors: CollectorSample, perNode: number): number | null {
  const samples = Math.min(CLUSTER_NODE_SAMPLES, collectors.count);
  let sum = 0;
  let n = 0;
  for (let k = 0; k < samples; k += 1) {
    const seed = Math.floor(((k + 0.5) * collectors.count) / samples);
    if (!((collectors.weights[seed] as number) > 0)) continue;
    const r = clusterRadiusM(collectors, seed, perNode);
    if (r !== null) {
      sum += r;
      n += 1;
    }
  }
  return n === 0 ? null : sum / n;
}

/**
 * The largest distance of a collector (weight > 0) from its formation's node, over the compute formations
 * (hubs false) or the hub formations (hubs true), m; null when none has weight.
 */
function farthestFromNodeM(
  collectors: CollectorSample,
  formations: NonNullable<CollectorSample['formations']>,
  hubs: boolean,
): number | null {
  let farthest: number | null = null;
  const nodes = formations.nodePositionsM;
  for (let i = 0; i < collectors.count; i += 1) {
    const f = formations.ofTracer[i] as number;
    if (!((collectors.weights[i] as number) > 0) || f < 0) continue;
    if (((formations.nodeHub?.[f] ?? null) !== null) !== hubs) continue;
    const node = [nodes[3 * f] as number, nodes[3 * f + 1] as number, nodes[3 * f + 2] as number];
    farthest = Math.max(farthest ?? 0, distance(collectors.positionsM, i, node));
  }
  return farthest;
}

/** The hub nodes' positions (formations whose node is a hub), m. */
function hubNodePositions(formations: NonNullable<CollectorSample['formations']>): Array<readonly number[]> {
  const out: Array<readonly number[]> = [];
  const nodes = formations.nodePositionsM;
  formations.nodeHub?.forEach((hub, f) => {
    if (hub !== null)
      out.push([nodes[3 * f] as number, nodes[3 * f + 1] as number, nodes[3 * f + 2] as number]);
  });
  return out;
}

/** Weighted mean distance of the collectors to the nearest of `points`, m; null when the swarm has no weight. */
function meanNearestDistanceM(
  collectors: CollectorSample,
  points: ReadonlyArray<readonly number[]>,
): number | null {
  let sum = 0;
  let weight = 0;
  for (let i = 0; i < collectors.count; i += 1) {
    const w = collectors.weights[i] as number;
    if (!(w > 0)) continue;
    let nearest = Infinity;
    for (const q of points) nearest = Math.min(nearest, distance(collectors.positionsM, i, q));
    sum += w * nearest;
    weight += w;
  }
  return weight > 0 ? sum / weight : null;
}

function checkSample(collectors: CollectorSample): void {
  const { count, positionsM, weights } = collectors;
  if (!(Number.isInteger(count) && count >= 0)) {
    throw new InputError(`must be an integer >= 0, got ${count}`, 'collectors.count');
  }
  if (positionsM.length < 3 * count) {
    throw new InputError(`must hold ${3 * count} values, got ${positionsM.length}`, 'collectors.positionsM');
  }
  if (weights.length < count) {
    throw new InputError(`must hold ${count} values, got ${weights.length}`, 'collectors.weights');
  }
}

/**
 * Every checkable hop's stated and geometric distance at `tdbS` (TDB s past J2000), in link and hop order. Hops
 * whose geometry needs collectors are left out while no collector has weight. Throws InputError for a non-finite
 * tdbS or a sample shorter than its count.
 */
export function hopGeometryAt(
  energy: EnergyParams,
  tdbS: number,
  collectors: CollectorSample,
): HopGeometryCheck[] {
  requireFinite(tdbS, 'tdbS');
  checkSample(collectors);
  const checks: HopGeometryCheck[] = [];
  energy.links.forEach((link, linkIndex) => {
    link.hops.forEach((hop, hopIndex) => {
      const at = hop.receiverAt;
      if (at === null) return;
      let geometricDistanceM: number | null = null;
      let measure = '';
      const formations = collectors.formations;
      const hubNodes = formations === undefined ? [] : hubNodePositions(formations);
      const fedHubs = 'feeders' in at && at.feeders !== null;
      const previous = hopIndex > 0 ? link.hops[hopIndex - 1]?.receiverAt : null;
      const fromFedHubs =
        previous !== null && previous !== undefined && 'feeders' in previous && previous.feeders !== null;
      if (hopIndex === 0 && at.kind === 'cluster' && formations !== undefined) {
        geometricDistanceM = farthestFromNodeM(collectors, formations, false);
        measure = 'the farthest collector from its formation node';
      } else if (hopIndex === 0 && fedHubs && formations !== undefined && hubNodes.length > 0) {
        geometricDistanceM = farthestFromNodeM(collectors, formations, true);
        measure = "the farthest of the hubs' feeders from its hub";
      } else if (hopIndex === 1 && fromFedHubs && hubNodes.length > 0) {
        // The hubs fly on their own orbits (sim/swarm/hubOrbit.ts): the hop starts where they are.
        const receivers = receiverPlatformsAt(at, tdbS).flatMap((platform) =>
          platform.positionM === null ? [] : [{ q: platform.positionM, share: platform.unitShare }],
        );
        if (receivers.length > 0) {
          let sum = 0;
          for (const p of hubNodes) {
            for (const { q, share } of receivers) {
              sum += (share / hubNodes.length) * distance(new Float64Array(p), 0, q);
            }
          }
          geometricDistanceM = sum;
          measure = 'distance from the hubs (on their orbits) to the receivers';
        }
      } else if (hopIndex === 0 && at.kind === 'cluster') {
        geometricDistanceM = meanClusterRadiusM(collectors, at.collectorsPerReceiver);
        measure =
          `cluster radius: the farthest of the ${at.collectorsPerReceiver} nearest collectors from their ` +
          `centroid, mean over ${Math.min(CLUSTER_NODE_SAMPLES, collectors.count)} nodes`;
      } else if (hopIndex === 0) {
        const points = receiverPlatformsAt(at, tdbS).flatMap((platform) =>
          platform.positionM === null ? [] : [platform.positionM],
        );
        geometricDistanceM = meanNearestDistanceM(collectors, points);
        measure = 'mean distance of the collectors to the nearest receiver';
      } else {
        geometricDistanceM = hopGeometricDistanceM(energy, linkIndex, hopIndex, tdbS);
        measure = 'distance between the placed ends';
      }
      if (geometricDistanceM === null) return;
      checks.push({
        linkIndex,
        hopIndex,
        label: `${link.name} hop ${hopIndex}${hop.name === null ? '' : ` (${hop.name})`}`,
        statedDistanceM: hop.link.distanceM,
        geometricDistanceM,
        measure,
      });
    });
  });
  return checks;
}

/** True when stated and geometric distance are more than GEOMETRY_MISMATCH_FACTOR apart (either way). */
export function isMismatch(check: HopGeometryCheck): boolean {
  const { statedDistanceM: a, geometricDistanceM: b } = check;
  return Math.max(a, b) > GEOMETRY_MISMATCH_FACTOR * Math.min(a, b);
}

/** The warnings of the checks that disagree, each prefixed with its hop's label as the ledger's are. */
export function hopGeometryWarnings(checks: readonly HopGeometryCheck[]): string[] {
  return checks
    .filter(isMismatch)
    .map(
      (check) =>
        `${check.label}: the link budget uses a distance of ${check.statedDistanceM.toExponential(3)} m, but the ` +
        `geometry gives ${check.geometricDistanceM.toExponential(3)} m (${check.measure}): more than a factor ` +
        `${GEOMETRY_MISMATCH_FACTOR} apart`,
    );
}
