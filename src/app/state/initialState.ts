/**
 * The state a mounted app starts from: the view named in the URL (urlState.ts), over the defaults. Times are TDB
 * seconds past J2000; the timeline's span is replaced by the scenario's once its world is loaded.
 */
import { isoToTdbS } from '../../../sim/time.ts';
import { DEFAULT_SPEED_INDEX } from './speeds.ts';
import type { AppState, ScenarioRef } from './store.ts';
import type { UrlView } from './urlState.ts';

/** The default view: 2048, a few years into the swarm's growth. */
export const DEFAULT_TIME_ISO = '2048-01-01';
/** The timeline's span until a scenario brings its own (ISO dates, UTC). */
export const DEFAULT_RANGE_ISO = ['2030-01-01', '2050-12-31'] as const;
export const DEFAULT_SCENARIO = 'baseline';

export function initialAppState(view: UrlView): AppState {
  const [from, to] = DEFAULT_RANGE_ISO.map(isoToTdbS) as [number, number];
  return {
    timeTdbS: view.timeTdbS ?? isoToTdbS(DEFAULT_TIME_ISO),
    rangeFromTdbS: from,
    rangeToTdbS: to,
    playing: false,
    playDirection: 1,
    speedIndex: view.speedIndex ?? DEFAULT_SPEED_INDEX,
    target: view.target ?? 'sun',
    targetRequest: 0,
    colorMode: view.colorMode ?? 'shell',
    cameraPose: view.cameraPose,
    tracersOverride: view.tracers,
    world: null,
    series: null,
    snapshot: null,
    loading: null,
    scenarioError: null,
    notice: null,
    render: null,
    frameMs: null,
    longTasks: 0,
    drawnTracers: 0,
    inspected: null,
    studyFans: null,
  };
}

/** The scenario the URL names, or the default one. */
export function initialScenario(view: UrlView): ScenarioRef {
  return view.scenario ?? { kind: 'builtin', name: DEFAULT_SCENARIO };
}
