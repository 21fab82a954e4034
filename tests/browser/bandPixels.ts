/**
 * Fan-chart bands read back from a uPlot canvas, for the study tests (studyReport, app-study). uPlot draws on a
 * transparent canvas, so getImageData gives the fills unpremultiplied: the band's colour at the band's alpha. The
 * P5-P95 band is drawn at alpha 0.14 and P25-P75 at 0.28 over it (studyScript.ts, StudyPanel.tsx), so the inner
 * one reads 1 - (1 - 0.14)(1 - 0.28).
 */
export const BAND_ALPHA = { outer: 0.14 * 255, inner: (1 - (1 - 0.14) * (1 - 0.28)) * 255 };
/** Canvas colour rounding (8-bit, unpremultiplied from premultiplied storage) and antialiased edges. */
const COLOUR_TOLERANCE = 6;

/** Pixels of each band in the plot area (uPlot's .u-over) of the chart inside `host`. */
export function bandPixels(host: Element, rgb: readonly number[]): { outer: number; inner: number } {
  const canvas = host.querySelector('canvas');
  const over = host.querySelector<HTMLElement>('.u-over');
  if (canvas === null || over === null) throw new Error('no uPlot canvas');
  const scale = canvas.width / canvas.getBoundingClientRect().width;
  const box = over.getBoundingClientRect();
  const origin = canvas.getBoundingClientRect();
  const pixels = canvas
    .getContext('2d')
    ?.getImageData(
      Math.round((box.left - origin.left) * scale),
      Math.round((box.top - origin.top) * scale),
      Math.round(box.width * scale),
      Math.round(box.height * scale),
    ).data;
  if (pixels === undefined) throw new Error('no 2d context');
  const count = { outer: 0, inner: 0 };
  for (let k = 0; k < pixels.length; k += 4) {
    if (!rgb.every((c, j) => Math.abs((pixels[k + j] ?? 0) - c) <= COLOUR_TOLERANCE)) continue;
    for (const band of ['outer', 'inner'] as const) {
      if (Math.abs((pixels[k + 3] ?? 0) - BAND_ALPHA[band]) <= COLOUR_TOLERANCE) count[band] += 1;
    }
  }
  return count;
}
