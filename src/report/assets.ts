/**
 * The chart library's files for the report, read at report time from the installed package (uPlot, the app's
 * chart library: the same version as the app's charts), so the report inlines them and fetches nothing.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { ReportAssets } from './reportHtml.ts';

const require = createRequire(import.meta.url);

/** uPlot's browser build (an IIFE defining the global `uPlot`) and its style sheet. */
export async function readReportAssets(): Promise<ReportAssets> {
  const [uplotJs, uplotCss] = await Promise.all([
    readFile(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
    readFile(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
  ]);
  return { uplotJs, uplotCss };
}
