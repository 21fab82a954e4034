// `essaim figures` lists the fields a run writes: it must name exactly the columns of a real run's CSV.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.ts';

describe('essaim figures', () => {
  it('lists every column of a real run’s timeseries.csv, and no other', async () => {
    const out = await tempDir();
    const run = await cli(
      'run',
      '--tracers',
      '300',
      '--from',
      '2046-01-01',
      '--to',
      '2047-01-01',
      '--out',
      out,
    );
    expect(run.code).toBe(0);
    const header = (await readFile(join(out, 'timeseries.csv'), 'utf8')).split('\n')[0]?.split(',') ?? [];
    // a per-site figure is one column per site (factoryMassKgBySite.moon): compare the keys before the dot
    const columns = [...new Set(header.slice(1).map((column) => column.split('.')[0]))];
    const listed = await cli('figures', '--json');
    expect(listed.code).toBe(0);
    const entries = JSON.parse(listed.stdout) as Array<{ key: string; unit: string; help: string }>;
    expect(entries.map((entry) => entry.key)).toEqual(columns);
    for (const entry of entries) expect(entry.help.length, entry.key).toBeGreaterThan(10);
    // the text form: one line per figure with its unit, under its group's title
    const text = await cli('figures');
    for (const entry of entries) expect(text.stdout).toContain(`  ${entry.key} [${entry.unit}]: `);
  });
});
