/**
 * React access to the app's store and controller. `useAppState(selector)` re-renders on change: use it only for
 * state that changes rarely (the world, the target, play/pause). Per-frame values are read with
 * `useController().store.getState()` inside useFrame, or written to the DOM by `useStoreEffect`.
 */
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppController } from './controller.ts';
import type { AppState } from './store.ts';

const ControllerContext = createContext<AppController | null>(null);

export function ControllerProvider({
  controller,
  children,
}: {
  controller: AppController;
  children: ReactNode;
}) {
  return <ControllerContext.Provider value={controller}>{children}</ControllerContext.Provider>;
}

export function useController(): AppController {
  const controller = useContext(ControllerContext);
  if (controller === null) throw new Error('useController: no ControllerProvider above this component');
  return controller;
}

/** Subscribe a component to a slice of the store (re-renders when the slice changes). */
export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useController().store, selector);
}

/**
 * Run `effect` with the current state now and whenever the selected slice changes, without re-rendering:
 * for writing fast-changing values (time, figures) straight into DOM nodes held in refs.
 */
export function useStoreEffect<T>(
  selector: (state: AppState) => T,
  effect: (value: T, state: AppState) => void,
  deps: readonly unknown[] = [],
): void {
  const { store } = useController();
  useEffect(() => {
    let previous = selector(store.getState());
    effect(previous, store.getState());
    return store.subscribe((state) => {
      const value = selector(state);
      if (Object.is(value, previous)) return;
      previous = value;
      effect(value, state);
    });
    // selector and effect are expected to be stable for a given deps list
  }, [store, ...deps]);
}
