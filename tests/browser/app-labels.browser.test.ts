/**
 * Labels (issue 15: "half the infrastructure has no label; labels ... paint over the top bar"), in real Chromium:
 * the power satellites and rectennas in 2032 and the L4/L5 hubs and the relay in 2050 are labelled; at each of the
 * three views no two visible labels overlap (bounding boxes) and none is under the top bar.
 */
import { expect } from 'vitest';
import { TOP_BAR_PX } from '../../src/app/scene/ObjectLabelProjector.tsx';
import { test } from './fixture.ts';

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

function visibleLabels(): Array<{ text: string; box: DOMRect }> {
  return [
    ...document.querySelectorAll<HTMLElement>(
      '.labels .object-label, .labels .body-label, .labels .ring-label',
    ),
  ]
    .filter((element) => element.style.visibility === 'visible' && (element.textContent ?? '') !== '')
    .map((element) => ({ text: element.textContent ?? '', box: element.getBoundingClientRect() }));
}

/** Boxes that share more than a pixel each way overlap (a pixel of rounding between neighbours is not). */
const OVERLAP_SLACK_PX = 1;
const overlap = (a: DOMRect, b: DOMRect): boolean =>
  a.left < b.right - OVERLAP_SLACK_PX &&
  b.left < a.right - OVERLAP_SLACK_PX &&
  a.top < b.bottom - OVERLAP_SLACK_PX &&
  b.top < a.bottom - OVERLAP_SLACK_PX;

const VIEWS = [
  { name: '2032', search: 't=2032-06-21T06:00:00Z&target=earth&cam=150,70,18', expect: /^ESSAIM-|rectenna$/ },
  { name: '2045', search: 't=2045-01-01&target=sun&cam=430000,-70,32', expect: /^Mercury$/ },
  { name: '2050-links', search: 't=2050-12-01&target=sun&cam=330000,-90,75', expect: /L4|L5/ },
] as const;

for (const view of VIEWS) {
  test(`labels at ${view.name}: the named objects labelled, none overlapping, none under the top bar`, async ({
    mountAt,
  }) => {
    const app = await mountAt(`${view.search}&tracers=2000`, { viewport: [1440, 900] });
    await expect
      .poll(() => app.controller.store.getState().snapshot?.tdbS)
      .toBe(app.controller.store.getState().timeTdbS);
    for (let k = 0; k < 6; k += 1) await nextFrame();
    await expect.poll(() => visibleLabels().some((label) => view.expect.test(label.text))).toBe(true);
    const labels = visibleLabels();
    for (const label of labels) expect(label.box.top, label.text).toBeGreaterThanOrEqual(TOP_BAR_PX);
    for (let i = 0; i < labels.length; i += 1) {
      for (let j = i + 1; j < labels.length; j += 1) {
        expect(overlap(labels[i]!.box, labels[j]!.box), `${labels[i]!.text} / ${labels[j]!.text}`).toBe(
          false,
        );
      }
    }
  });
}
