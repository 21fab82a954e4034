/**
 * The page's entry module (src/app/main.tsx) mounts into #root in real Chromium, renders the
 * placeholder, and logs no error on the way.
 */
import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

test('src/app/main.tsx mounts the placeholder page without console errors', async () => {
  const consoleErrors = vi.spyOn(console, 'error');
  const pageErrors: unknown[] = [];
  const onError = (event: ErrorEvent): void => void pageErrors.push(event.error ?? event.message);
  window.addEventListener('error', onError);
  try {
    const root = document.createElement('div');
    root.id = 'root';
    document.body.append(root);

    await import('../../src/app/main.tsx');

    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('Essaim'));
    expect(root.textContent).toContain('The 3D scene is coming.');
    expect(consoleErrors).not.toHaveBeenCalled();
    expect(pageErrors).toEqual([]);
  } finally {
    window.removeEventListener('error', onError);
  }
});
