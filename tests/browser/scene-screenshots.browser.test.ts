/**
 * Screenshots of the page at three dates of the baseline story, saved for people to look at (not compared):
 * test-artifacts/screenshots/essaim-2032.png, essaim-2045.png, essaim-2050.png, essaim-2050-sites.png,
 * essaim-2046-moon.png (the mass driver's stream), essaim-2047-transit.png (collectors on their transfers) and
 * essaim-2050-links.png (the power links); see
 * docs/screenshots/README.md.
 * Each view is chosen from the URL, as a user would share it.
 */
import { expect } from 'vitest';
import { page } from 'vitest/browser';
import { test } from './fixture.ts';

const VIEWS = [
  // the geostationary phase: the Earth, the Moon's orbit and the GEO ring
  { year: 2032, search: 't=2032-06-21T06:00:00Z&target=earth&cam=150,70,18' },
  // the first collectors, among the inner planets
  { year: 2045, search: 't=2045-01-01&target=sun&cam=430000,-70,32' },
  // the swarm at the end of the story
  { year: 2050, search: 't=2050-12-01&target=sun&cam=415000,-62,40' },
  // the same, coloured by the site that made each collector (the Moon, the asteroid)
  { year: '2050-sites', search: 't=2050-12-01&target=sun&cam=415000,-62,40&color=site' },
  // the lunar mass driver's stream leaving the Moon and the Earth-Moon system, with the GEO relays
  { year: '2046-moon', search: 't=2046-03-01&target=earth&cam=2600,-60,55' },
  // collectors in transit from the Moon to the inner shell, coloured by site
  { year: '2047-transit', search: 't=2047-03-01&target=sun&cam=330000,-90,75&color=site' },
  // the power links: hubs at Sun-Earth L4 and L5 beaming to the geostationary relay, compute nodes in the swarm
  { year: '2050-links', search: 't=2050-12-01&target=sun&cam=330000,-90,75' },
] as const;

for (const view of VIEWS) {
  test(`screenshot at ${view.year}`, async ({ mountAt }) => {
    const app = await mountAt(view.search, { viewport: [1440, 900] });
    const { store } = app.controller;
    // the charts at their final, monthly resolution
    await expect.poll(() => store.getState().series?.resolution, { timeout: 45_000 }).toBe('monthly');
    await expect.poll(() => document.querySelectorAll('.chart canvas').length).toBeGreaterThan(2);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const path = await page.screenshot({ path: `../../test-artifacts/screenshots/essaim-${view.year}.png` });
    expect(path).toMatch(new RegExp(`essaim-${view.year}\\.png$`));
  });
}
