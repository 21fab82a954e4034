/**
 * The worker's replies as the page holds them (the views of store.ts): the catalogue's figures by key
 * (sim/report/figures.ts), and the store update that shows a newly built world. Pure: the controller applies them.
 */
import type {
  LoadedReply,
  ScenarioMeta,
  ScenarioSource,
  SnapshotReply,
  TimeSeries,
} from '../../../sim/stream/messages.ts';
import { clampTime } from './clock.ts';
import type { AppState, ScenarioRef, SeriesView, SnapshotView } from './store.ts';
import { shellTarget, type TargetId } from './targets.ts';

/** The figures at one instant. */
export function snapshotViewOf(reply: SnapshotReply): SnapshotView {
  return {
    worldSeq: reply.worldSeq,
    seq: reply.seq,
    tdbS: reply.tdbS,
    values: reply.values,
    texts: reply.texts,
    earth: reply.earth,
    links: reply.links,
    streams: reply.streams,
    moonPole: reply.moonPole,
    transit: reply.transit,
    warnings: reply.warnings,
  };
}

/** A series of world `worldSeq` for the charts. */
export function seriesViewOf(
  worldSeq: number,
  series: TimeSeries,
  resolution: SeriesView['resolution'],
): SeriesView {
  const { timesTdbS, columns } = series;
  return { worldSeq, resolution, timesTdbS, columns };
}

/** The camera's target in a new world: kept, unless it is a shell that world does not have (then the Sun). */
export function targetInWorld(target: TargetId, shells: ScenarioMeta['shells']): TargetId {
  if (!target.startsWith('shell:')) return target;
  return shells.some((shell) => shellTarget(shell.name) === target) ? target : 'sun';
}

/**
 * The store update that shows the world of `reply`, built from `source` and named in the URL by `ref`: the world
 * and its yearly series, no snapshot yet (the pump asks for one), the timeline on the scenario's span with the
 * displayed time clamped into it.
 */
export function adoptedWorldState(
  state: AppState,
  reply: LoadedReply,
  source: ScenarioSource,
  ref: ScenarioRef,
): Partial<AppState> {
  const { scenario } = reply;
  return {
    world: {
      worldSeq: reply.seq,
      scenario,
      scenarioRef: ref,
      source,
      swarm: reply.swarm,
      nodeMarkers: reply.nodeMarkers,
      streams: reply.streams,
      backend: reply.backend,
      tracers: reply.tracers,
      elapsedMs: reply.elapsedMs,
    },
    series: seriesViewOf(reply.seq, reply.series, 'yearly'),
    snapshot: null,
    // the inspected object belonged to the previous world
    inspected: null,
    loading: null,
    scenarioError: null,
    target: targetInWorld(state.target, scenario.shells),
    rangeFromTdbS: scenario.fromTdbS,
    rangeToTdbS: scenario.toTdbS,
    timeTdbS: clampTime(state.timeTdbS, scenario.fromTdbS, scenario.toTdbS),
  };
}
