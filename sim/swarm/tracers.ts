/**
 * Cohorts -> the tracer table. A tracer is one simulated collector standing for `weight` real ones.
 * - Every cohort with collectors gets at least one tracer; the rest of the budget goes to cohorts in proportion
 *   to their collector count (largest remainder, ties to the earlier cohort), so the split is deterministic.
 * - Within a cohort the weights are equal and sum to the cohort's count: the tracers' nominal weights. A cohort's
 *   tracers go on station spread over its arrival interval: cut into as many equal parts as it has tracers, each
 *   tracer goes on station when its part starts to arrive (so a shell with collectors on station always has a
 *   tracer on station), and the table is sorted by station time.
 * - The totals at t (count, area, mass) are not sums of weights: sim/world.ts takes the count on station from the
 *   continuous arrivals and, per shell, scales the nominal weights of the tracers on station to it
 *   (World.tracerWeightScaleAt), so a tracer stands for weight x scale collectors at t.
 * - Orbits are sampled inside the cohort's shell with the seeded generator: a, e, node, argument of periapsis and
 *   mean anomaly uniform in their ranges, and cos(i) uniform, so a shell of 0..180 degrees is isotropic.
 * - Tracers are stored in order of their station time, so those on station at t are a prefix of the table.
 */
import { createTracerTable, setTracer, type TracerTable } from '../propagate/tracerTable.ts';
import type { CollectorSpec } from './collector.ts';
import type { ShellSpec } from './shell.ts';
import type { Cohort } from './cohort.ts';
import { createUniformSource, type UniformSource } from './random.ts';
import { memberElements, ringMemberElements } from './formation.ts';
import { hubElements } from './hubOrbit.ts';
import { propagateElements } from '../orbit/state.ts';
import type { KeplerElements } from '../orbit/elements.ts';

/**
 * Collectors that fly in formation with the compute node they feed (formation.ts): groups of about
 * collectorsPerFormation collectors of one cohort share a node orbit and keep within radiusM of it.
 */
export interface FormationSpec {
  readonly collectorsPerFormation: number;
  /** Cluster radius, m: the link's hop distance. */
  readonly radiusM: number;
}

/**
 * Collectors that fly in formation with hubs at Sun-Earth triangular points (hubOrbit.ts): collectorShare of shell
 * shellIndex's collectors (by nominal weight, in order of station time), shared evenly among the points, within
 * radiusM of their hub, on the constant-distance ring of formation.ts ringMemberElements. They take no part in the
 * compute formations.
 */
export interface HubFormationSpec {
  readonly shellIndex: number;
  readonly collectorShare: number;
  readonly points: ReadonlyArray<'L4' | 'L5'>;
  readonly radiusM: number;
}

/** A formation's node: its elements at its epoch (the station time of its first tracer), on mu (1 - beta). */
export interface FormationNode {
  readonly elements: KeplerElements;
  readonly epochTdbS: number;
  /** The triangular point a hub node flies at; null for a compute node. */
  readonly hub: 'L4' | 'L5' | null;
}

export interface Swarm {
  /** Cohorts in order of station time. */
  readonly cohorts: readonly Cohort[];
  /** The tracers, in order of station time. */
  readonly table: TracerTable;
  /** Index of each tracer's cohort. */
  readonly tracerCohort: Uint32Array;
  /** Index of each tracer's formation in formationNodes (compute or hub), or -1 (none). */
  readonly tracerFormation: Int32Array;
  /** The formations' nodes, in order of their first tracer. */
  readonly formationNodes: readonly FormationNode[];
}

/** Tracers per cohort for a budget: at least one for every cohort with collectors, never fewer than requested. */
export function allocateTracers(cohorts: readonly Cohort[], budget: number): Uint32Array {
  const counts = new Uint32Array(cohorts.length);
  const populated = cohorts.filter((c) => c.collectorCount > 0).length;
  if (populated === 0) return counts;
  const spare = Math.max(0, Math.floor(budget) - populated);
  const total = cohorts.reduce((sum, c) => sum + Math.max(0, c.collectorCount), 0);
  const remainders: Array<{ index: number; remainder: number }> = [];
  let given = 0;
  cohorts.forEach((cohort, index) => {
    if (cohort.collectorCount <= 0) return;
    const share = (spare * cohort.collectorCount) / total;
    const whole = Math.floor(share);
    counts[index] = 1 + whole;
    given += whole;
    remainders.push({ index, remainder: share - whole });
  });
  remainders.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let k = 0; k < spare - given; k += 1) {
    const pick = remainders[k % remainders.length];
    if (pick !== undefined) counts[pick.index] = (counts[pick.index] ?? 0) + 1;
  }
  return counts;
}

function uniformIn(source: UniformSource, [min, max]: readonly [number, number]): number {
  return min + (max - min) * source.next();
}

/** Build the swarm's tracer table from its cohorts. Cohorts must reference valid shells. */
export function buildSwarm(
  cohortsIn: readonly Cohort[],
  shells: readonly ShellSpec[],
  collector: CollectorSpec,
  tracerBudget: number,
  seed: number,
  formation?: FormationSpec,
  hubs?: HubFormationSpec,
): Swarm {
  const cohorts = [...cohortsIn].sort((a, b) => a.stationTdbS - b.stationTdbS || a.shellIndex - b.shellIndex);
  const perCohort = allocateTracers(cohorts, tracerBudget);
  const count = perCohort.reduce((sum, n) => sum + n, 0);
  // Each tracer's cohort and station time, then the order of station times (ties: cohort order, then rank).
  const ofCohort = new Uint32Array(count);
  const station = new Float64Array(count);
  let index = 0;
  cohorts.forEach((cohort, cohortIndex) => {
    const tracers = perCohort[cohortIndex] ?? 0;
    if (tracers > 0 && shells[cohort.shellIndex] === undefined)
      throw new RangeError(`cohort ${cohortIndex} names shell ${cohort.shellIndex}, which does not exist`);
    const windowS = cohort.lastStationTdbS - cohort.stationTdbS;
    for (let k = 0; k < tracers; k += 1) {
      ofCohort[index] = cohortIndex;
      station[index] = cohort.stationTdbS + (windowS * k) / tracers;
      index += 1;
    }
  });
  const order = Array.from({ length: count }, (_, k) => k).sort(
    (a, b) => (station[a] as number) - (station[b] as number) || a - b,
  );
  const table = createTracerTable(count);
  const tracerCohort = new Uint32Array(count);
  const source = createUniformSource(seed);
  const tracerFormation = new Int32Array(count).fill(-1);
  const formationNodes: FormationNode[] = [];
  const formationIndex = new Map<string, number>();
  const shellWeightSoFar = new Map<number, number>();
  // The hub shell's weight so far, and the hub feeders' weight so far at each point.
  let hubShellWeight = 0;
  const hubWeight = new Map<'L4' | 'L5', number>();
  order.forEach((from, row) => {
    const cohortIndex = ofCohort[from] as number;
    const cohort = cohorts[cohortIndex] as Cohort;
    const shell = shells[cohort.shellIndex] as ShellSpec;
    const stationTdbS = station[from] as number;
    const weight = cohort.collectorCount / (perCohort[cohortIndex] as number);
    let hubPoint: 'L4' | 'L5' | null = null;
    if (hubs !== undefined && cohort.shellIndex === hubs.shellIndex && hubs.points.length > 0) {
      // A tracer feeds a hub while the feeders' weight is below collectorShare of the shell's (so it tracks the
      // share within one tracer's weight), at the point with the least weight so far (ties: the first).
      const fed = hubs.points.reduce((sum, p) => sum + (hubWeight.get(p) ?? 0), 0);
      hubShellWeight += weight;
      if (fed < hubs.collectorShare * hubShellWeight) {
        hubPoint = hubs.points.reduce((best, p) =>
          (hubWeight.get(p) ?? 0) < (hubWeight.get(best) ?? 0) ? p : best,
        );
        hubWeight.set(hubPoint, (hubWeight.get(hubPoint) ?? 0) + weight);
      }
    }
    let formationKey: string | null = null;
    if (hubPoint !== null) {
      formationKey = `hub:${hubPoint}`;
    } else if (formation !== undefined) {
      // Tracers of one shell in order of station time, collectorsPerFormation collectors' worth each: a formation
      // fills as its collectors arrive, across cohorts (a cohort may be smaller than one formation).
      const before = shellWeightSoFar.get(cohort.shellIndex) ?? 0;
      shellWeightSoFar.set(cohort.shellIndex, before + weight);
      const slot = Math.floor((before + weight / 2) / formation.collectorsPerFormation);
      formationKey = `${cohort.shellIndex}:${slot}`;
    }
    const known = formationKey === null ? undefined : formationIndex.get(formationKey);
    let elements: KeplerElements;
    let epochTdbS = stationTdbS;
    if (known === undefined && hubPoint !== null) {
      elements = hubElements(hubPoint, stationTdbS, collector.muEffM3S2);
      formationIndex.set(formationKey as string, formationNodes.length);
      formationNodes.push({ elements, epochTdbS: stationTdbS, hub: hubPoint });
    } else if (known === undefined) {
      const [iMin, iMax] = shell.inclinationRad;
      const cosI = uniformIn(source, [Math.cos(iMax), Math.cos(iMin)]);
      elements = {
        semiMajorAxisM: uniformIn(source, shell.semiMajorAxisM),
        eccentricity: uniformIn(source, shell.eccentricity),
        inclinationRad: Math.acos(Math.min(1, Math.max(-1, cosI))),
        ascendingNodeRad: uniformIn(source, shell.ascendingNodeRad),
        argPeriapsisRad: uniformIn(source, shell.argPeriapsisRad),
        meanAnomalyRad: 2 * Math.PI * source.next(),
      };
      if (formationKey !== null) {
        formationIndex.set(formationKey, formationNodes.length);
        formationNodes.push({ elements, epochTdbS: stationTdbS, hub: null });
      }
    } else {
      const node = formationNodes[known] as FormationNode;
      elements = propagateElements(node.elements, collector.muEffM3S2, stationTdbS - node.epochTdbS);
      epochTdbS = stationTdbS;
    }
    if (formationKey !== null) {
      tracerFormation[row] = formationIndex.get(formationKey) as number;
      // A hub's feeders fly the constant-distance ring at the hop's distance; a compute node's fill its radius.
      elements =
        hubPoint !== null
          ? ringMemberElements(
              elements,
              (hubs as HubFormationSpec).radiusM,
              collector.muEffM3S2,
              source.next(),
            )
          : memberElements(elements, (formation as FormationSpec).radiusM, collector.muEffM3S2, {
              radial: source.next(),
              radialPhase: source.next(),
              alongTrack: source.next(),
              crossTrack: source.next(),
              crossPhase: source.next(),
            });
    }
    setTracer(table, row, elements, epochTdbS, collector.muEffM3S2, weight, stationTdbS, cohort.shellIndex);
    tracerCohort[row] = cohortIndex;
  });
  return { cohorts, table, tracerCohort, tracerFormation, formationNodes };
}
