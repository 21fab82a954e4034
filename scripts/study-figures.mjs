#!/usr/bin/env node
// The README's pictures of a study: `essaim report --sweep DIR` rendered in Debian's Chromium (playwright-core,
// no browser download), and the fan chart of one figure and the tornado chart of that figure's last date cut out
// as PNGs. Usage:
//   node scripts/study-figures.mjs STUDY_DIR FIGURE OUT_PREFIX
//   node scripts/study-figures.mjs study deliveredPowerW assets/sweeps/baseline-uncertainty
// writes OUT_PREFIX-fan.png and OUT_PREFIX-tornado.png. Needs lib/ built (npm install does it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [dir, figure, prefix] = process.argv.slice(2);
if (dir === undefined || figure === undefined || prefix === undefined) {
  process.stderr.write('usage: node scripts/study-figures.mjs STUDY_DIR FIGURE OUT_PREFIX\n');
  process.exit(2);
}
const scratch = mkdtempSync(join(tmpdir(), 'essaim-study-figures-'));
const html = join(scratch, 'study.html');
execFileSync(process.execPath, ['bin/essaim.mjs', 'report', '--sweep', dir, '--out', html], {
  stdio: 'inherit',
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 2 });
  await page.goto(pathToFileURL(html).href);
  await page.waitForSelector('body[data-fans-drawn]');
  const fan = page.locator(`figure[data-fan="${figure}"]`);
  await fan.screenshot({ path: resolve(`${prefix}-fan.png`) });
  // the tornado of the fan's last date: the fan's table names it
  const tornado = page.locator(`figure.tornado[data-output^="${figure}@"]`).first();
  await tornado.screenshot({ path: resolve(`${prefix}-tornado.png`) });
  process.stdout.write(`wrote ${prefix}-fan.png and ${prefix}-tornado.png\n`);
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}
