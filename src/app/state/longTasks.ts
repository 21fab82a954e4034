/**
 * Counts main-thread tasks over LONG_TASK_MS while playing (PerformanceObserver 'longtask'), into the store's
 * longTasks, which the System panel shows. Where the browser has no such observer nothing is counted.
 */
import type { AppStore } from './store.ts';

/** A long task, ms: the threshold of the Long Tasks API (W3C Long Tasks, "tasks that exceed 50 ms"). */
export const LONG_TASK_MS = 50;

/** Start counting; returns the function that stops. */
export function observeLongTasks(store: AppStore): () => void {
  if (typeof PerformanceObserver === 'undefined') return () => undefined;
  if (!PerformanceObserver.supportedEntryTypes.includes('longtask')) return () => undefined;
  const observer = new PerformanceObserver((list) => {
    if (!store.getState().playing) return;
    const count = list.getEntries().filter((entry) => entry.duration > LONG_TASK_MS).length;
    if (count > 0) store.setState({ longTasks: store.getState().longTasks + count });
  });
  observer.observe({ type: 'longtask', buffered: false });
  return () => observer.disconnect();
}
