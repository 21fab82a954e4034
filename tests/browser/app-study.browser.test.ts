/**
 * The app's Study button: a study's two CSVs (written here by hand, in the format `essaim sweep` writes) load into
 * a panel whose fan chart draws both bands (read back from the canvas) and whose tornado bars are the file's
 * correlations, largest |rho| first, |rho| x 90 px long; a file that is not a study's is refused naming the file,
 * and the study shown stays.
 */
import { expect } from 'vitest';
import { userEvent } from 'vitest/browser';
import { bandPixels } from './bandPixels.ts';
import { test } from './fixture.ts';

const PERCENTILES = `output,at,samples,missing,p5,p25,p50,p75,p95,mean
deliveredPowerW,2030-01-01,40,0,1e8,2e8,3e8,4e8,6e8,3.2e8
deliveredPowerW,2040-01-01,40,0,1e9,2e9,3e9,4e9,6e9,3.2e9
deliveredPowerW,2050-01-01,40,0,1e10,2e10,3e10,4e10,6e10,3.2e10
deliveredPowerW,last,40,0,1e10,2e10,3e10,4e10,6e10,3.2e10
`;
const SENSITIVITY = `output,at,parameter,samples,spearman
deliveredPowerW,2030-01-01,collector.conversionEfficiency,40,0.2
deliveredPowerW,2050-01-01,collector.conversionEfficiency,40,0.35
deliveredPowerW,2050-01-01,growth.sites[0].factory.replicationTimeYears,40,-0.8
deliveredPowerW,last,collector.conversionEfficiency,40,0.3
`;

/** The app's band colour (StudyPanel.tsx), at the alphas of bandPixels.ts. */
const BAND_RGB = [89, 208, 255];
/** The timeline chart's colour for deliveredPowerW (Charts.tsx COLORS, #7dff9a): its study bands are drawn in it. */
const TIMELINE_RGB = [125, 255, 154];

const csv = (name: string, text: string) => new File([text], name, { type: 'text/csv' });

test('a study loads as fan and tornado charts, and a bad file is refused by name', async ({ mountAt }) => {
  await mountAt('tracers=200', { viewport: [1200, 800] });
  const input = document.querySelector<HTMLInputElement>('[data-testid="study-file"]');
  if (input === null) throw new Error('no study file input');
  await userEvent.upload(input, [csv('percentiles.csv', PERCENTILES), csv('sensitivity.csv', SENSITIVITY)]);

  const fan = await expect
    .poll(() => document.querySelector<HTMLElement>('[data-fan="deliveredPowerW"][data-drawn="true"]'))
    .not.toBeNull()
    .then(() => document.querySelector<HTMLElement>('[data-fan="deliveredPowerW"]'));
  if (fan === null || fan === undefined) throw new Error('no fan chart');
  const count = bandPixels(fan, BAND_RGB);
  // P5-P95 spans a factor 6 and P25-P75 a factor 2 over two decades of a log axis: hundreds of pixels each
  expect(count.outer, 'P5-P95 band pixels').toBeGreaterThan(500);
  expect(count.inner, 'P25-P75 band pixels').toBeGreaterThan(500);

  // the timeline chart of the same figure draws the study's bands around the run's line, in its own colour: on its
  // seven decades of log axis the P25-P75 factor of 2 is a few pixels tall across the plot, hundreds of pixels
  // (none without a study: see the end)
  const timeline = document.querySelector<HTMLElement>('.chart[data-chart="deliveredPowerW"]');
  if (timeline === null) throw new Error('no timeline chart of deliveredPowerW');
  await expect.poll(() => bandPixels(timeline, TIMELINE_RGB).outer, { timeout: 10_000 }).toBeGreaterThan(100);
  expect(bandPixels(timeline, TIMELINE_RGB).inner).toBeGreaterThan(100);

  // tornadoes: the fan's last date (2050-01-01) and 'last'; not 2030 (inside the fan)
  const tornadoes = [...document.querySelectorAll<HTMLElement>('[data-testid="study-panel"] .tornado')];
  expect(tornadoes.map((t) => t.dataset['output'])).toEqual([
    'deliveredPowerW@2050-01-01',
    'deliveredPowerW@last',
  ]);
  const bars = [...(tornadoes[0]?.querySelectorAll<SVGGElement>('g.bar') ?? [])].map((g) => ({
    parameter: g.dataset['parameter'],
    width: Number(g.querySelector('rect')?.getAttribute('width')),
  }));
  expect(bars).toEqual([
    { parameter: 'growth.sites[0].factory.replicationTimeYears', width: 0.8 * 90 },
    { parameter: 'collector.conversionEfficiency', width: 0.35 * 90 },
  ]);

  // a file that is not a study's: refused by name; the panel keeps the study
  await userEvent.upload(input, csv('notes.csv', 'a,b\n1,2\n'));
  await expect
    .poll(() => document.querySelector('[data-testid="study-error"]')?.textContent ?? '')
    .toContain('notes.csv');
  expect(document.querySelector('[data-fan="deliveredPowerW"]')).not.toBeNull();
  // a study file with a bad number: the reader's message, with file, line and column
  await userEvent.upload(input, csv('percentiles.csv', PERCENTILES.replace('3e9', 'three')));
  await expect
    .poll(() => document.querySelector('[data-testid="study-error"]')?.textContent ?? '')
    .toMatch(/percentiles\.csv.*line 3, column p50/);

  // clearing the study takes the bands off the timeline chart
  // (the panel is still open: a refused file leaves the study shown)
  await expect.poll(() => document.querySelector('[data-testid="study-clear"]')).not.toBeNull();
  document.querySelector<HTMLButtonElement>('[data-testid="study-clear"]')?.click();
  await expect
    .poll(() => {
      const chart = document.querySelector<HTMLElement>('.chart[data-chart="deliveredPowerW"]');
      // the inner band's alpha only (the run's own line is filled at 0x22 again, near the outer band's 0.14)
      return chart === null ? -1 : bandPixels(chart, TIMELINE_RGB).inner;
    })
    .toBe(0);
});
