/**
 * The benchmark runner's plumbing (bench/run.ts): entry checks, the table, the atomic JSON. Nothing about speed.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { benchModules, checkEntries, formatBenchTable, runBenchmarks } from '../../bench/run.ts';
import type { BenchEntry } from '../../bench/types.ts';

const entry: BenchEntry = {
  name: 'propagate-x',
  backend: 'gpu webgl2 (software)',
  tracers: 1024,
  threads: 1,
  positionsPerS: 2.5e6,
  ratioToBaseline: 1.5,
  software: true,
};

describe('bench runner', () => {
  it('finds the modules, propagation first', async () => {
    const names = (await benchModules()).map((m) => m.name);
    expect(names[0]).toBe('propagation');
    expect(names).toContain('gpu-browser');
  });

  it('checks entries', () => {
    expect(checkEntries('m', [entry])).toEqual([entry]);
    expect(() => checkEntries('m', {})).toThrow(/array/);
    expect(() => checkEntries('m', [{ ...entry, positionsPerS: NaN }])).toThrow(
      /m\[0\] \(propagate-x\): positionsPerS/,
    );
    expect(() => checkEntries('m', [{ ...entry, software: 'yes' }])).toThrow(
      /software must be true or false/,
    );
  });

  it('prints a table that marks software figures', () => {
    const table = formatBenchTable([entry, { ...entry, name: 'cpu', software: false, note: 'n' }]);
    expect(table).toMatch(/propagate-x\s+gpu webgl2 \(software\)\s+1024\s+1\s+2\.50 M\s+1\.50x\s+SOFTWARE/);
    expect(table).toContain('not GPU speed');
    expect(table).toContain('cpu: n');
  });

  it('writes the JSON atomically, and refuses unknown modules', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'essaim-bench-'));
    try {
      const out = join(dir, 'latest.json');
      let printed = '';
      const result = await runBenchmarks({
        only: [],
        outPath: out,
        stdout: (t) => void (printed += t),
        stderr: () => {},
      });
      expect(result.failures).toEqual([]);
      expect(JSON.parse(await readFile(out, 'utf8'))).toEqual([]);
      expect(await readdir(dir)).toEqual(['latest.json']);
      expect(printed).toContain('wrote 0 entries');
      await expect(
        runBenchmarks({ only: ['nope'], outPath: out, stdout: () => {}, stderr: () => {} }),
      ).rejects.toThrow(/no bench module named nope/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
