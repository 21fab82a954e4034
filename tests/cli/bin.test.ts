// The installed command, as a user runs it: a real process, real exit codes, real stdout.
// It runs the compiled lib/ (built by `npm install` and again before `npm test`).
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { filesIn, tempDir } from './helpers.ts';

const run = promisify(execFile);

async function essaim(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/essaim.mjs', ...args], {
      env: { ...process.env, CI: '1' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('the essaim executable', () => {
  it('prints its help with exit code 0', async () => {
    const result = await essaim('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: essaim/);
    expect(result.stdout).toMatch(/run \[options\]/);
  });

  it('runs a short simulation and prints the summary JSON on stdout, without a progress bar', async () => {
    const out = await tempDir();
    const result = await essaim(
      'run',
      '--tracers',
      '300',
      '--from',
      '2044-01-01',
      '--to',
      '2046-01-01',
      '--out',
      out,
      '--json',
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const summary = JSON.parse(result.stdout);
    expect(summary.rows).toHaveLength(3);
    expect(JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'))).toEqual(summary);
  });

  it('exits with 2 on bad input and writes nothing', async () => {
    const out = join(await tempDir(), 'never');
    const result = await essaim('run', '--tracers', '-5', '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--tracers/);
    expect(await filesIn(out)).toEqual([]);
  });
});
