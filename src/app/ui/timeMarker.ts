/**
 * The displayed time on a uPlot chart of the timeline (the demand band, a study's fans): a vertical line that
 * follows the store's time without a React render, and, where asked, a click that moves the time there. The
 * timeline charts (Charts.tsx) place theirs from their draw hook instead, since their plot area moves with their
 * y labels.
 */
import type uPlot from 'uplot';
import { tdbSToUtcMs, utcMsToTdbS } from '../../../sim/time.ts';
import type { AppController } from '../state/controller.ts';

/** Attach the marker (and the click, with `clickToSeek`); returns what undoes it, and the marker's re-placing. */
export function attachTimeMarker(
  plot: uPlot,
  controller: AppController,
  clickToSeek: boolean,
): { readonly place: () => void; readonly detach: () => void } {
  const marker = document.createElement('div');
  marker.className = 'chart-now';
  plot.over.append(marker);
  const placeAt = (tdbS: number): void => {
    marker.style.transform = `translateX(${plot.valToPos(tdbSToUtcMs(tdbS) / 1000, 'x').toFixed(1)}px)`;
  };
  const place = (): void => placeAt(controller.store.getState().timeTdbS);
  place();
  const unsubscribe = controller.store.subscribe((state, previous) => {
    if (state.timeTdbS !== previous.timeTdbS) placeAt(state.timeTdbS);
  });
  const onClick = (): void => {
    const left = plot.cursor.left;
    if (left === undefined || left < 0) return;
    controller.pause();
    controller.setTime(utcMsToTdbS(plot.posToVal(left, 'x') * 1000));
  };
  if (clickToSeek) plot.over.addEventListener('click', onClick);
  return {
    place,
    detach: () => {
      unsubscribe();
      if (clickToSeek) plot.over.removeEventListener('click', onClick);
    },
  };
}
