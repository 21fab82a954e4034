/**
 * The timeline charts in real Chromium (issue 15, "charts that cannot be read"): every plot is at least 120 px
 * high with at least three labelled y ticks, none cut by the axis; power charts carry several ticks; hovering a
 * chart reads out the value there, equal to the panel's figure (the snapshot's) at that time; the wide drawer.
 */
import { expect } from 'vitest';
import { userEvent } from 'vitest/browser';
import { test } from './fixture.ts';

/** The smallest readable chart, CSS px (issue 15: "every chart is at least 120 px high"). */
const MIN_CHART_HEIGHT_PX = 120;
/** The fewest labelled y ticks a chart shows (issue 15). */
const MIN_Y_TICKS = 3;
/** The plot area (the chart less its time axis) holds three ticks this far apart, CSS px: labels do not touch. */
const MIN_TICK_SPACING_PX = 26;
/** The font the charts draw their axis labels with (src/app/ui/Charts.tsx). */
const AXIS_FONT = '11px system-ui, sans-serif';
/** Room a label needs besides its text: the tick mark and a gap, CSS px (uPlot draws ticks 10 px long). */
const TICK_ROOM_PX = 10;
/** A month and a day, s: the most a hover one pixel off the time marker may land from it (about a month a pixel). */
const MONTH_S = 32 * 86_400;
const YEAR_S = 365.25 * 86_400;

function byTestId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.querySelector<T>(`[data-testid="${id}"]`);
  if (element === null) throw new Error(`no element with data-testid=${id}`);
  return element;
}

function textWidthPx(text: string): number {
  const context = document.createElement('canvas').getContext('2d');
  if (context === null) throw new Error('no 2d context');
  context.font = AXIS_FONT;
  return context.measureText(text).width;
}

const SEARCH = 't=2049-01-01&tracers=2000';

test('every chart is readable: tall enough, three or more y ticks, no label cut', async ({ mountAt }) => {
  const app = await mountAt(SEARCH, { viewport: [1440, 900] });
  await expect
    .poll(() => app.controller.store.getState().series?.resolution, { timeout: 45_000 })
    .toBe('monthly');
  const charts = [...document.querySelectorAll<HTMLElement>('.chart[data-chart]')];
  expect(charts.length).toBeGreaterThan(3);
  for (const chart of charts) {
    const key = chart.dataset['chart'];
    const canvas = chart.querySelector('canvas');
    expect(canvas, key).not.toBeNull();
    const plotHeight = chart.querySelector('.u-over')?.getBoundingClientRect().height ?? 0;
    expect(plotHeight, key).toBeGreaterThanOrEqual(MIN_Y_TICKS * MIN_TICK_SPACING_PX);
    expect(canvas!.getBoundingClientRect().height, key).toBeGreaterThanOrEqual(MIN_CHART_HEIGHT_PX);
    const labels = (chart.dataset['yTicks'] ?? '').split('|').filter((label) => label !== '');
    expect(new Set(labels).size, `${key}: ${labels.join(', ')}`).toBeGreaterThanOrEqual(MIN_Y_TICKS);
    const axisPx = Number(chart.dataset['yAxisPx']);
    for (const label of labels)
      expect(textWidthPx(label) + TICK_ROOM_PX, `${key} "${label}"`).toBeLessThanOrEqual(axisPx);
  }
  // the power charts: several ticks, all in watts
  const captured = document.querySelector<HTMLElement>('.chart[data-chart="capturedPowerW"]');
  const ticks = (captured?.dataset['yTicks'] ?? '').split('|').filter((label) => label !== '');
  expect(ticks.length).toBeGreaterThanOrEqual(MIN_Y_TICKS);
  for (const tick of ticks) expect(tick).toMatch(/W$/);
});

test('hovering a chart reads out its value there, equal to the panel figure at that time', async ({
  mountAt,
}) => {
  const app = await mountAt(SEARCH, { viewport: [1440, 900] });
  await expect
    .poll(() => app.controller.store.getState().series?.resolution, { timeout: 45_000 })
    .toBe('monthly');
  const key = 'deliveredPowerW';
  const readout = byTestId(`chart-readout-${key}`);
  const panel = byTestId(`figure-${key}`);
  // before any hover, the readout shows the sample at the displayed time (2049-01-01 is a monthly sample)
  await expect.poll(() => readout.dataset['tdbS']).toBe(String(app.controller.store.getState().timeTdbS));
  expect(readout.dataset['hovered']).toBe('false');

  // hover where the chart's time marker stands, with the pointer
  const chart = document.querySelector<HTMLElement>(`.chart[data-chart="${key}"]`)!;
  const over = chart.querySelector<HTMLElement>('.u-over')!;
  const marker = chart.querySelector<HTMLElement>('.chart-now')!;
  const overBox = over.getBoundingClientRect();
  const x = marker.getBoundingClientRect().left - overBox.left;
  const y = Math.round(overBox.height / 2);
  await userEvent.hover(over, { position: { x, y } });
  await expect.poll(() => readout.dataset['hovered']).toBe('true');
  // a pixel is about a month here: the hovered sample is the displayed month's or a neighbour's
  const hoveredTdbS = Number(readout.dataset['tdbS']);
  const displayedTdbS = app.controller.store.getState().timeTdbS;
  expect(Math.abs(hoveredTdbS - displayedTdbS)).toBeLessThanOrEqual(MONTH_S);
  const hoveredValue = readout.dataset['value'];
  const hoveredText = readout.textContent;
  // the snapshot at the hovered time (the core, through the worker) gives the same number and the same text
  app.controller.pause();
  app.controller.setTime(hoveredTdbS);
  await expect.poll(() => panel.dataset['tdbS']).toBe(String(hoveredTdbS));
  expect(hoveredValue).toBe(panel.dataset['value']);
  expect(hoveredText).toBe(
    `${document.querySelector('[data-testid="date"]')?.textContent} · ${panel.textContent}`,
  );

  // a year earlier along the axis: another sample, another value
  const yearPx = overBox.width / 20;
  await userEvent.hover(over, { position: { x: x - yearPx, y } });
  await expect
    .poll(() => Math.abs(hoveredTdbS - Number(readout.dataset['tdbS']) - YEAR_S))
    .toBeLessThanOrEqual(2 * MONTH_S);
});

test('the charts expand into a wide drawer and collapse back', async ({ mountAt }) => {
  const app = await mountAt(SEARCH, { viewport: [1440, 900] });
  await expect
    .poll(() => app.controller.store.getState().series?.resolution, { timeout: 45_000 })
    .toBe('monthly');
  const narrow = document.querySelector('.chart canvas')!.getBoundingClientRect().width;
  byTestId('charts-toggle').click();
  await expect.poll(() => byTestId('charts').classList.contains('charts-wide')).toBe(true);
  await expect
    .poll(() => document.querySelector('.chart canvas')!.getBoundingClientRect().width)
    .toBeGreaterThan(narrow);
  // the drawer leaves the side panel's figures and the timeline in view
  const drawer = byTestId('charts').getBoundingClientRect();
  const timeline = document.querySelector('.timeline')?.getBoundingClientRect();
  if (timeline !== undefined) expect(drawer.bottom).toBeLessThanOrEqual(timeline.top + 1);
  byTestId('charts-toggle').click();
  await expect.poll(() => byTestId('charts').classList.contains('charts-wide')).toBe(false);
});
