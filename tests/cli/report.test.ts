// `essaim report`: bad input exits 2 and writes nothing; the HTML fetches nothing (no external script or style
// sheet, a CSP that allows no fetch and only the inlined scripts by their hashes); a scenario's text is escaped,
// never markup; the same run gives the same bytes. The browser side (charts drawn, tables equal to summary.json)
// is tests/browser/report.browser.test.ts.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStep } from '../../sim/duration.ts';
import { builtinScenarioObject } from '../../sim/scenario/load.ts';
import { stepText } from '../../src/report/reportData.ts';
import { cli, filesIn, tempDir } from './helpers.ts';

/** A short run of a scenario without an Earth segment: a second or so. */
const SHORT_RUN = ['--tracers', '200', '--from', '2044-01-01', '--to', '2046-01-01'] as const;

/** The inline scripts' and styles' text, and the Content-Security-Policy, read off the HTML with regexes. */
function inlineParts(html: string): { scripts: string[]; styles: string[]; csp: string } {
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
  return { scripts, styles, csp: csp.replaceAll('&#39;', "'") };
}

const hashSource = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('essaim report', () => {
  it('exits 2 naming the flag on bad input, and writes nothing', async () => {
    const dir = await tempDir();
    const out = join(dir, 'sub', 'report.html');
    const cases: ReadonlyArray<[string[], RegExp]> = [
      [['--tracers', '0'], /--tracers/],
      [['--step', '1 fortnight'], /--step/],
      [['--from', '2031-02-30'], /--from/],
      [['--backend', 'abacus'], /--backend/],
      [['--scenario', 'no-such-scenario'], /--scenario/],
    ];
    for (const [flags, named] of cases) {
      const result = await cli('report', '--scenario', 'metzger-2013', ...flags, '--out', out);
      expect(result.code, flags.join(' ')).toBe(2);
      expect(result.stderr).toMatch(named);
    }
    expect(await filesIn(dir)).toEqual([]);
    // --out naming a folder
    const asFolder = await cli('report', '--scenario', 'metzger-2013', ...SHORT_RUN, '--out', dir);
    expect(asFolder.code).toBe(2);
    expect(asFolder.stderr).toMatch(/--out: .* is a folder/);
    expect(await filesIn(dir)).toEqual([]);
  });

  it('fetches nothing: no external script or style sheet, a CSP of no fetch, only its own inline scripts', async () => {
    const dir = await tempDir();
    const out = join(dir, 'report.html');
    const result = await cli('report', '--scenario', 'metzger-2013', ...SHORT_RUN, '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*rel="?stylesheet/i);
    expect(html).not.toMatch(/\s(src|href)="?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//i);
    const { scripts, styles, csp } = inlineParts(html);
    // uPlot and the chart script; the data is a JSON element, which does not run
    expect(scripts).toHaveLength(2);
    expect(scripts[0]).toContain('uPlot');
    expect(styles).toHaveLength(2);
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(new Set(directives.get('script-src'))).toEqual(new Set(scripts.map(hashSource)));
    expect(new Set(directives.get('style-src'))).toEqual(new Set(styles.map(hashSource)));
  });

  it('escapes the scenario’s text: a title with <script> is text, not markup', async () => {
    const dir = await tempDir();
    const scenario = builtinScenarioObject('metzger-2013') as Record<string, unknown>;
    const title = '<script>alert("title")</script> & co';
    const note = '<img src=x onerror=alert(1)> </script><!--';
    const file = join(dir, 'hostile.json');
    await writeFile(
      file,
      JSON.stringify({ ...scenario, title, notes: { 'collector.unitAreaM2': note }, sources: [note] }),
    );
    const out = join(dir, 'report.html');
    const result = await cli('report', '--scenario', file, ...SHORT_RUN, '--out', out);
    expect(result.code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; co');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &lt;/script&gt;&lt;!--');
    // the document still has exactly its own three script elements (data, uPlot, charts)
    expect(html.match(/<script\b/g)).toHaveLength(3);
  });

  it('shows the notes and sources of every section of the scenario file', async () => {
    const dir = await tempDir();
    const out = join(dir, 'report.html');
    const flags = [
      '--from',
      '2049-06-01',
      '--to',
      '2050-01-01',
      '--tracers',
      '200',
      '--eclipse-resolution',
      '1h',
    ];
    expect((await cli('report', ...flags, '--out', out)).code).toBe(0);
    const html = await readFile(out, 'utf8');
    // read from the scenario file itself, section by section, escaped as the report escapes text
    const file = JSON.parse(await readFile('assets/scenarios/baseline.json', 'utf8')) as {
      description: string;
      notes: Record<string, string>;
      sources: string[];
      energy: { notes: Record<string, string>; sources: string[]; compute: { task: { source: string } } };
      earth: { notes: Record<string, string>; sources: string[] };
    };
    const escaped = (text: string): string =>
      text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll("'", '&#39;');
    const texts = [
      file.description,
      ...Object.values(file.notes),
      ...file.sources,
      ...Object.values(file.energy.notes),
      ...file.energy.sources,
      file.energy.compute.task.source,
      ...Object.values(file.earth.notes),
      ...file.earth.sources,
    ];
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) expect(html, text).toContain(escaped(text).replaceAll('"', '&quot;'));
    // each note under the field it defends, with its section
    expect(html).toContain('<dt>energy.links[0].hops[0].taperDb</dt>');
    expect(html).toContain('<dt>earth.story</dt>');
    expect(html).toContain('<dt>collector.unitAreaM2</dt>');
  });

  it('writes the run’s step as the --step flag does (read back by its parser)', () => {
    for (const flag of ['1y', '2y', '3mo', '18mo', '30d', '12h', '90min', '3600s', '7s', '2w']) {
      const step = parseStep(flag);
      expect(parseStep(stepText(step)), flag).toEqual(step);
    }
    expect(stepText(parseStep('12mo'))).toBe('1y');
    expect(stepText(parseStep('90min'))).toBe('90min');
  });

  it('gives the same bytes for the same run', async () => {
    const dir = await tempDir();
    const [a, b] = [join(dir, 'a.html'), join(dir, 'b.html')];
    expect((await cli('report', '--scenario', 'metzger-2013', ...SHORT_RUN, '--out', a)).code).toBe(0);
    expect((await cli('report', '--scenario', 'metzger-2013', ...SHORT_RUN, '--out', b)).code).toBe(0);
    expect(await readFile(a, 'utf8')).toBe(await readFile(b, 'utf8'));
  });
});
