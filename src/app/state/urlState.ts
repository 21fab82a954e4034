/**
 * The view in the URL's query string, so that a view can be shared and a reload restores it:
 *   t        the instant, ISO 8601 UTC (`2045-01-01`, `2045-03-17T06:30:00Z`)
 *   scenario a built-in name (`baseline`), or `stored:NAME` for an uploaded or edited scenario (kept in this
 *            tab's sessionStorage: such a link restores the view in the same tab only)
 *   target   the camera's centre: sun, mercury, venus, earth, moon, mars, or shell:NAME
 *   cam      distance (Mm), azimuth and elevation (degrees) of the camera around its centre
 *   tracers  tracer budget (resolution), when not the scenario's
 *   speed    playback speed key (1d, 1w, 1mo, 3mo, 6mo, 1y, 2y)
 *   color    swarm colouring: shell or irradiance
 * Unknown or malformed parameters are ignored (the default is used), never fatal.
 */
import { isoToTdbS, tdbSToIso } from '../../../sim/time.ts';
import { speedAt, speedIndexOf } from './speeds.ts';
import type { CameraPose, ColorMode, ScenarioRef } from './store.ts';
import { parseTarget, type TargetId } from './targets.ts';

export interface UrlView {
  readonly timeTdbS: number | null;
  readonly scenario: ScenarioRef | null;
  readonly target: TargetId | null;
  readonly cameraPose: CameraPose | null;
  readonly tracers: number | null;
  readonly speedIndex: number | null;
  readonly colorMode: ColorMode | null;
}

/** Where the app reads and writes its URL. The page's location by default; tests may pass their own. */
export interface UrlPort {
  /** The current query string, with or without the leading '?'. */
  read(): string;
  /** Replace the query string (no new history entry). */
  write(search: string): void;
}

export const locationUrlPort: UrlPort = {
  read: () => window.location.search,
  write: (search) => {
    const url = `${window.location.pathname}${search === '' ? '' : `?${search}`}${window.location.hash}`;
    window.history.replaceState(window.history.state, '', url);
  },
};

const SCENARIO_NAME = /^[a-z0-9][a-z0-9-]*$/;

function parseTime(text: string | null): number | null {
  if (text === null) return null;
  try {
    return isoToTdbS(text);
  } catch {
    return null;
  }
}

function parseScenario(text: string | null): ScenarioRef | null {
  if (text === null) return null;
  if (text.startsWith('stored:')) {
    const name = text.slice('stored:'.length);
    return SCENARIO_NAME.test(name) ? { kind: 'stored', name } : null;
  }
  return SCENARIO_NAME.test(text) ? { kind: 'builtin', name: text } : null;
}

function parseCamera(text: string | null): CameraPose | null {
  if (text === null) return null;
  const parts = text.split(',').map(Number);
  const [distanceMm, azimuthDeg, elevationDeg] = parts;
  if (
    parts.length !== 3 ||
    distanceMm === undefined ||
    azimuthDeg === undefined ||
    elevationDeg === undefined
  ) {
    return null;
  }
  if (!parts.every(Number.isFinite) || distanceMm <= 0 || Math.abs(elevationDeg) > 90) return null;
  return { distanceMm, azimuthDeg, elevationDeg };
}

function parseTracers(text: string | null): number | null {
  if (text === null || !/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= 1 && value <= 50_000_000 ? value : null;
}

export function parseUrlView(search: string): UrlView {
  const params = new URLSearchParams(search);
  const color = params.get('color');
  return {
    timeTdbS: parseTime(params.get('t')),
    scenario: parseScenario(params.get('scenario')),
    target: parseTarget(params.get('target')),
    cameraPose: parseCamera(params.get('cam')),
    tracers: parseTracers(params.get('tracers')),
    speedIndex: speedIndexOf(params.get('speed')),
    colorMode: color === 'shell' || color === 'irradiance' || color === 'site' ? color : null,
  };
}

/** ISO text of an instant, as short as exact to the millisecond allows: `2045-01-01`, `2045-01-01T06:30:00Z`. */
export function formatUrlTime(tdbS: number): string {
  const iso = tdbSToIso(tdbS);
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}

/** Significant digits kept for camera numbers: enough to restore the view, short enough to share. */
function short(value: number, digits: number): string {
  return String(Number(value.toPrecision(digits)));
}

export function formatUrlView(view: {
  readonly timeTdbS: number;
  readonly scenario: ScenarioRef | null;
  readonly target: TargetId;
  readonly cameraPose: CameraPose | null;
  readonly tracers: number | null;
  readonly speedIndex: number;
  readonly colorMode: ColorMode;
}): string {
  const params = new URLSearchParams();
  params.set('t', formatUrlTime(view.timeTdbS));
  if (view.scenario !== null) {
    params.set(
      'scenario',
      view.scenario.kind === 'builtin' ? view.scenario.name : `stored:${view.scenario.name}`,
    );
  }
  params.set('target', view.target);
  if (view.cameraPose !== null) {
    const { distanceMm, azimuthDeg, elevationDeg } = view.cameraPose;
    params.set('cam', `${short(distanceMm, 5)},${short(azimuthDeg, 5)},${short(elevationDeg, 5)}`);
  }
  if (view.tracers !== null) params.set('tracers', String(view.tracers));
  params.set('speed', speedAt(view.speedIndex).key);
  if (view.colorMode !== 'shell') params.set('color', view.colorMode);
  // keep ':' and ',' readable in shared links
  return params.toString().replace(/%3A/g, ':').replace(/%2C/g, ',');
}
