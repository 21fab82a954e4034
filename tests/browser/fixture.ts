/**
 * The browser tests' app fixture: `test` is vitest's, extended with `mountAt(search, options)`, which points the
 * page's URL at a view, mounts the app into a fresh container and waits until it is ready (a world is loaded and
 * the panel shows its figures at the displayed time). Mounting again in the same test unmounts the previous app
 * first: a reload. After each test the app is unmounted, the page emptied, and the URL and sessionStorage restored.
 */
import { expect, test as base } from 'vitest';
import { page } from 'vitest/browser';
import { mountApp, type MountedApp, type MountOptions } from '../../src/app/mount.tsx';

/** How long a mount may take to show its first figures, ms (a world is built in the worker first). */
const READY_TIMEOUT_MS = 45_000;

export interface MountAtOptions extends MountOptions {
  /** Viewport size, CSS px [width, height]; left as it is when absent. */
  readonly viewport?: readonly [number, number];
}

/** Mount the app at the query string `search` (null: keep the page's URL as it is), ready. */
export type MountAt = (search: string | null, options?: MountAtOptions) => Promise<MountedApp>;

/** A world is loaded, its snapshot at the displayed time has arrived, and the panel shows it. */
function ready(mounted: MountedApp): boolean {
  const { world, snapshot, timeTdbS } = mounted.controller.store.getState();
  if (world === null || snapshot === null) return false;
  if (snapshot.worldSeq !== world.worldSeq || snapshot.tdbS !== timeTdbS) return false;
  const figure = document.querySelector<HTMLElement>('[data-testid="figure-collectorCount"]');
  return figure?.dataset['status'] === 'value' && figure.dataset['tdbS'] === String(timeTdbS);
}

export const test = base.extend<{ mountAt: MountAt }>({
  // eslint-disable-next-line no-empty-pattern -- vitest reads the fixtures a fixture uses from this pattern
  mountAt: async ({}, use) => {
    const originalUrl = `${location.pathname}${location.search}`;
    let mounted: MountedApp | null = null;
    const unmount = (): void => {
      mounted?.unmount();
      mounted = null;
      document.body.replaceChildren();
    };
    await use(async (search, options = {}) => {
      unmount();
      const { viewport, ...mountOptions } = options;
      if (viewport !== undefined) await page.viewport(viewport[0], viewport[1]);
      if (search !== null) history.replaceState(null, '', `${location.pathname}?${search}`);
      const root = document.body.appendChild(document.createElement('div'));
      const app = mountApp(root, mountOptions);
      mounted = app;
      await expect.poll(() => ready(app), { timeout: READY_TIMEOUT_MS }).toBe(true);
      return app;
    });
    unmount();
    history.replaceState(null, '', originalUrl);
    sessionStorage.clear();
  },
});
