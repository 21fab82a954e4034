/**
 * Server-side commands of the browser project (vitest.config.ts `browser.commands`), for
 * tests/browser/report.browser.test.ts: a browser test cannot run the CLI, so these run it in Node and hand the
 * files over, and open a report in a fresh Playwright page whose every request is recorded and refused.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserCommand } from 'vitest/node';

const run = promisify(execFile);

/** How long the CLI may take for one short run, ms (a tracer budget of a few hundred runs in about 2 s). */
const CLI_TIMEOUT_MS = 120_000;

/** How long the report's scripts may take to draw its charts, ms. */
const DRAW_TIMEOUT_MS = 20_000;

/** What `essaim report` and `essaim run` wrote for the same run flags. */
export interface ReportFiles {
  readonly html: string;
  /** summary.json's text, from `essaim run` with the same flags. */
  readonly summaryJson: string;
}

/** What a fresh page saw while it opened a report with the network refused. */
export interface OfflineOpening {
  /** Every request the page made (each was aborted). */
  readonly requests: readonly string[];
  /** Console errors, uncaught exceptions and CSP violations. */
  readonly errors: readonly string[];
  /** `<body data-charts-drawn>`: the charts the report's script drew. */
  readonly chartsDrawn: number;
}

/** `essaim` through tsx, from the repository's root, as a user runs it. */
async function essaim(args: readonly string[]): Promise<void> {
  await run(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', ...args], {
    cwd: process.cwd(),
    timeout: CLI_TIMEOUT_MS,
    env: { ...process.env, CI: '1' },
  });
}

const essaimReport: BrowserCommand<[flags: string[]]> = async (_context, flags): Promise<ReportFiles> => {
  const dir = await mkdtemp(join(tmpdir(), 'essaim-report-'));
  try {
    await essaim(['report', ...flags, '--out', join(dir, 'report.html')]);
    await essaim(['run', ...flags, '--out', join(dir, 'run')]);
    return {
      html: await readFile(join(dir, 'report.html'), 'utf8'),
      summaryJson: await readFile(join(dir, 'run', 'summary.json'), 'utf8'),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

const openReportOffline: BrowserCommand<[html: string]> = async (context, html): Promise<OfflineOpening> => {
  const page = await context.context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  try {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route('**/*', async (route) => {
      requests.push(route.request().url());
      await route.abort();
    });
    await page.setContent(html, { waitUntil: 'load' });
    await page.waitForSelector('body[data-charts-drawn]', { timeout: DRAW_TIMEOUT_MS });
    const chartsDrawn = Number(await page.getAttribute('body', 'data-charts-drawn'));
    return { requests, errors, chartsDrawn };
  } finally {
    await page.close();
  }
};

export const reportCommands = { essaimReport, openReportOffline };

declare module 'vitest/browser' {
  interface BrowserCommands {
    essaimReport: (flags: string[]) => Promise<ReportFiles>;
    openReportOffline: (html: string) => Promise<OfflineOpening>;
  }
}
