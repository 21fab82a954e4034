/**
 * `essaim run --dynamics`: the "Beyond two bodies" section per shell and DIR/dynamics.json, with the baseline's
 * shells flagged co-orbital (the near-1 au shell with the Earth, the 0.7 au shell with Venus), and the run's own
 * figures unchanged by the flag.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { cli, filesIn, tempDir } from './helpers.ts';

describe('essaim run --dynamics', () => {
  it('prints collisions, secular drift and encounters per shell and writes dynamics.json', async () => {
    const dir = await tempDir();
    const plain = await cli('run', '--out', join(dir, 'plain'), '--tracers', '400');
    const result = await cli('run', '--out', join(dir, 'dyn'), '--tracers', '400', '--dynamics');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Beyond two bodies');
    expect(result.stdout).toMatch(/near-1au: co-orbital with earth/);
    expect(result.stdout).toMatch(/inner-0\.7au: co-orbital with venus/);
    expect(await filesIn(join(dir, 'dyn'))).toEqual(['dynamics.json', 'summary.json', 'timeseries.csv']);
    const dynamics = JSON.parse(await readFile(join(dir, 'dyn', 'dynamics.json'), 'utf8'));
    expect(dynamics.shells.map((s: { name: string }) => s.name)).toEqual(['near-1au', 'inner-0.7au']);
    expect(dynamics.shells[0].secular.coOrbitalWith).toEqual(['earth']);
    expect(dynamics.shells[0].spread.collisionsPerYear).toBeGreaterThan(0);
    // The flag adds a section; the run's files are the same bytes.
    expect(await readFile(join(dir, 'dyn', 'summary.json'), 'utf8')).toBe(
      await readFile(join(dir, 'plain', 'summary.json'), 'utf8'),
    );
    expect(plain.stdout).not.toContain('Beyond two bodies');
  }, 180_000);
});
