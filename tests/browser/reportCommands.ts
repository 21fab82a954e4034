/**
 * Server-side commands of the browser project (vitest.config.ts `browser.commands`), for
 * tests/browser/report.browser.test.ts and studyReport.browser.test.ts: a browser test cannot run the CLI, so these run it in Node and hand the
 * files over, and open a report in a fresh Playwright page whose every request is recorded and refused.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

/** What `essaim sweep` and `essaim report --sweep` wrote for a study. */
export interface StudyFiles {
  readonly html: string;
  readonly percentilesCsv: string;
  readonly sensitivityCsv: string;
}

/**
 * A study run by the CLI: `scenario` is written as base.json beside the sweep (whose `scenario` must name it),
 * `essaim sweep` runs it on two threads and `essaim report --sweep` reports the folder.
 */
const essaimStudyReport: BrowserCommand<[sweep: unknown, scenario: unknown]> = async (
  _context,
  sweep,
  scenario,
): Promise<StudyFiles> => {
  const dir = await mkdtemp(join(tmpdir(), 'essaim-study-'));
  try {
    await writeFile(join(dir, 'base.json'), JSON.stringify(scenario));
    await writeFile(join(dir, 'study.json'), JSON.stringify(sweep));
    const out = join(dir, 'out');
    await essaim(['sweep', '--sweep', join(dir, 'study.json'), '--out', out, '--workers', '2']);
    await essaim(['report', '--sweep', out, '--out', join(dir, 'study.html')]);
    return {
      html: await readFile(join(dir, 'study.html'), 'utf8'),
      percentilesCsv: await readFile(join(out, 'percentiles.csv'), 'utf8'),
      sensitivityCsv: await readFile(join(out, 'sensitivity.csv'), 'utf8'),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

const openReportOffline: BrowserCommand<[html: string, drawn?: string]> = async (
  context,
  html,
  drawn = 'data-charts-drawn',
): Promise<OfflineOpening> => {
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
    await page.waitForSelector(`body[${drawn}]`, { timeout: DRAW_TIMEOUT_MS });
    const chartsDrawn = Number(await page.getAttribute('body', drawn));
    return { requests, errors, chartsDrawn };
  } finally {
    await page.close();
  }
};

export const reportCommands = { essaimReport, essaimStudyReport, openReportOffline };

declare module 'vitest/browser' {
  interface BrowserCommands {
    essaimReport: (flags: string[]) => Promise<ReportFiles>;
    essaimStudyReport: (sweep: unknown, scenario: unknown) => Promise<StudyFiles>;
    /** `drawn`: the body attribute the page's script sets when it is done (default data-charts-drawn). */
    openReportOffline: (html: string, drawn?: string) => Promise<OfflineOpening>;
  }
}
