/**
 * The URL follows the view: after a change of the displayed time, the scenario, the camera or the playback settings,
 * the view is written into the query string (urlState.ts), at most every URL_WRITE_INTERVAL_MS, and at once when
 * the page is hidden (so a reload right after a change does not lose it to the throttle).
 */
import type { AppState, AppStore, ScenarioRef } from './store.ts';
import { formatUrlView, type UrlPort } from './urlState.ts';

/** How often the URL follows the view, ms (Chrome throttles faster history updates). */
export const URL_WRITE_INTERVAL_MS = 400;

/** Whether a store change touches what the URL holds. */
export function urlViewChanged(state: AppState, previous: AppState): boolean {
  return (
    state.timeTdbS !== previous.timeTdbS ||
    state.world !== previous.world ||
    state.target !== previous.target ||
    state.cameraPose !== previous.cameraPose ||
    state.speedIndex !== previous.speedIndex ||
    state.colorMode !== previous.colorMode ||
    state.tracersOverride !== previous.tracersOverride
  );
}

/** The query string of the view; `fallback` names the scenario until a world is loaded. */
export function urlOfState(state: AppState, fallback: ScenarioRef): string {
  return formatUrlView({
    timeTdbS: state.timeTdbS,
    scenario: state.world?.scenarioRef ?? fallback,
    target: state.target,
    cameraPose: state.cameraPose,
    tracers: state.tracersOverride,
    speedIndex: state.speedIndex,
    colorMode: state.colorMode,
  });
}

/** Where the page-hide event comes from (the window by default). */
export type PageEvents = Pick<Window, 'addEventListener' | 'removeEventListener'>;

export class UrlSync {
  private readonly store: AppStore;
  private readonly port: UrlPort;
  private readonly fallback: ScenarioRef;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastWriteMs = 0;
  private readonly cleanups: Array<() => void> = [];

  constructor(store: AppStore, port: UrlPort, fallback: ScenarioRef) {
    this.store = store;
    this.port = port;
    this.fallback = fallback;
  }

  /** Follow the store into the URL, and write it when the page is hidden. */
  start(page: PageEvents = window): void {
    this.cleanups.push(
      this.store.subscribe((state, previous) => {
        if (urlViewChanged(state, previous)) this.schedule();
      }),
    );
    const onPageHide = (): void => this.write();
    page.addEventListener('pagehide', onPageHide);
    this.cleanups.push(() => page.removeEventListener('pagehide', onPageHide));
  }

  /** Write the view into the URL now. */
  write(): void {
    this.lastWriteMs = performance.now();
    this.port.write(urlOfState(this.store.getState(), this.fallback));
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.cleanups.splice(0).forEach((cleanup) => cleanup());
  }

  private schedule(): void {
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastWriteMs + URL_WRITE_INTERVAL_MS - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.write();
    }, wait);
  }
}
