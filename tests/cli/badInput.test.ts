// Bad input that used to escape as exit 1 (issue 12's adversarial probe): each is now exit 2 with one line, found
// before any work starts.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { cli, filesIn, tempDir } from './helpers.ts';

/** The CLI's error output is one line: `essaim: error: ...` and nothing else (no stack trace). */
function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^essaim: error: /);
  expect(lines[0]).toMatch(pattern);
}

describe('bad input is exit 2 with a one-line message', () => {
  it('a scenario nested 100,000 levels deep', async () => {
    const dir = await tempDir();
    const file = join(dir, 'deep.json');
    await writeFile(file, `{"name": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const out = join(dir, 'out');
    const result = await cli('run', '--scenario', file, '--out', out);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /deep\.json: nests deeper than 64 levels/);
    expect(await filesIn(out)).toEqual([]);
  });

  it('a valid scenario saved with a UTF-8 byte-order mark is valid', async () => {
    const dir = await tempDir();
    const file = join(dir, 'bom.json');
    await writeFile(file, `\uFEFF${await readFile('assets/scenarios/baseline.json', 'utf8')}`);
    const result = await cli('scenario', 'validate', file);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('--out naming an existing file, or a folder under a file', async () => {
    const dir = await tempDir();
    const file = join(dir, 'taken');
    await writeFile(file, 'keep me');
    const asFile = await cli('run', '--out', file, '--to', '2031-01-01');
    expect(asFile.code).toBe(2);
    expectOneLineError(asFile.stderr, /^essaim: error: --out: ".*taken" is a file, not a folder/);
    const under = await cli('run', '--out', join(file, 'sub'), '--to', '2031-01-01');
    expect(under.code).toBe(2);
    expectOneLineError(
      under.stderr,
      /^essaim: error: --out: cannot write into .*a part of the path is a file/,
    );
    // The file is untouched and nothing was written beside it.
    expect(await readFile(file, 'utf8')).toBe('keep me');
    expect(await filesIn(dir)).toEqual(['taken']);
  });

  it('--out is checked before the run: a new folder is created and left with only the outputs', async () => {
    const dir = await tempDir();
    const out = join(dir, 'a', 'b');
    await mkdir(dir, { recursive: true });
    const result = await cli('run', '--out', out, '--to', '2031-01-01', '--tracers', '100');
    expect(result.code).toBe(0);
    expect(await filesIn(out)).toEqual(['summary.json', 'timeseries.csv']);
  });
});
