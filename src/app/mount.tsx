/**
 * Mounting the app: one controller (store, worker, clock, URL) per mount, started here and disposed by unmount().
 * main.tsx mounts it into the page; browser tests mount and unmount it to test reloads.
 */
import { Profiler, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { AppController, type ControllerOptions } from './state/controller.ts';
import { ControllerProvider } from './state/context.tsx';

export interface MountOptions extends ControllerOptions {
  /** Called on every React commit of the app (tests count them to check there is no re-render per frame). */
  readonly onCommit?: () => void;
}

export interface MountedApp {
  readonly controller: AppController;
  unmount(): void;
}

export function mountApp(container: HTMLElement, options: MountOptions = {}): MountedApp {
  const controller = new AppController(options);
  controller.start();
  const root = createRoot(container);
  const { onCommit } = options;
  const app = (
    <ControllerProvider controller={controller}>
      <App />
    </ControllerProvider>
  );
  root.render(
    <StrictMode>
      {onCommit === undefined ? (
        app
      ) : (
        <Profiler id="essaim" onRender={() => onCommit()}>
          {app}
        </Profiler>
      )}
    </StrictMode>,
  );
  return {
    controller,
    unmount() {
      root.unmount();
      controller.dispose();
    },
  };
}
