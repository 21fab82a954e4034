/**
 * The page's entry module (src/app/main.tsx) in real Chromium: it mounts the app into #root, starts the
 * simulation worker, draws the scene with WebGL 2, shows the figures, and logs no error on the way.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { page } from 'vitest/browser';

afterEach(() => {
  vi.restoreAllMocks();
});

test('src/app/main.tsx loads the app without console errors', async () => {
  await page.viewport(1000, 700);
  const consoleErrors = vi.spyOn(console, 'error');
  const pageErrors: unknown[] = [];
  const onError = (event: ErrorEvent): void => void pageErrors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent): void => void pageErrors.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    history.replaceState(null, '', `${location.pathname}?t=2049-01-01&tracers=2000`);
    const root = document.createElement('div');
    root.id = 'root';
    document.body.append(root);

    await import('../../src/app/main.tsx');

    await vi.waitFor(() => expect(root.querySelector('.brand-name')?.textContent).toBe('Essaim'));
    const canvas = root.querySelector('canvas');
    expect(canvas).not.toBeNull();
    // the figures come from the worker: wait for them, then for the charts built from its series
    await expect
      .poll(
        () => root.querySelector<HTMLElement>('[data-testid="figure-collectorCount"]')?.dataset['status'],
        {
          timeout: 45_000,
        },
      )
      .toBe('value');
    await expect.poll(() => root.querySelectorAll('.chart canvas').length).toBeGreaterThan(2);
    expect(root.querySelector('[data-testid="date"]')?.textContent).toBe('2049-01-01 00:00 UTC');
    expect(root.querySelector('[data-testid="render-backend"]')?.textContent).toMatch(/^WebGL 2/);
    expect(root.querySelector('[data-testid="sim-backend"]')?.textContent).toMatch(/cpu64.*Web Worker/);
    expect(root.querySelector('[data-testid="scenario-title"]')?.textContent?.length).toBeGreaterThan(0);
    // a figure the catalogue derives (to computers + to grids) shows its number too
    const delivered = root.querySelector<HTMLElement>('[data-testid="figure-deliveredPowerW"]');
    expect(delivered?.dataset['status']).toBe('value');

    expect(consoleErrors).not.toHaveBeenCalled();
    expect(pageErrors).toEqual([]);
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
});
