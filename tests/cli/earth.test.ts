// The Earth segment through the command line: bad element sets stop the run with exit 2 and write nothing,
// unless --skip-bad-satellites; --eclipse-resolution is validated like every flag.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, filesIn, tempDir } from './helpers.ts';

// Vallado et al. 2006 verification case 28626 (XM-3), with its line-2 checksum corrupted (4891 -> 4892).
const CORRUPTED_TLE = [
  '1 28626U 05008A   06176.46683397 -.00000205  00000-0  10000-3 0  2190',
  '2 28626   0.0019 286.9433 0000335  13.7918  55.6504  1.00270176  4892',
];

async function scenarioWithBadSatellite(dir: string): Promise<string> {
  const scenario = JSON.parse(await readFile('assets/scenarios/baseline.json', 'utf8'));
  const good = scenario.earth.satellites[0];
  scenario.earth.satellites.push({ ...good, name: 'BROKEN-XM3', slot: undefined, tle: CORRUPTED_TLE });
  delete scenario.growth;
  delete scenario.energy;
  const file = join(dir, 'bad-satellite.json');
  await writeFile(file, JSON.stringify(scenario));
  return file;
}

const SHORT = [
  '--from',
  '2039-01-01',
  '--to',
  '2040-01-01',
  '--tracers',
  '50',
  '--eclipse-resolution',
  '600s',
];

describe('essaim run with power satellites', () => {
  it('stops with exit 2 on a corrupted element set, naming the satellite, and writes nothing', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out');
    const result = await cli(
      'run',
      '--scenario',
      await scenarioWithBadSatellite(dir),
      '--out',
      out,
      ...SHORT,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('BROKEN-XM3');
    expect(result.stderr).toMatch(/checksum/i);
    expect(await filesIn(out)).toEqual([]);
  });

  it('--skip-bad-satellites drops it with a warning and runs the others', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out');
    const file = await scenarioWithBadSatellite(dir);
    const result = await cli(
      'run',
      '--scenario',
      file,
      '--out',
      out,
      '--skip-bad-satellites',
      '--json',
      ...SHORT,
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: skipped power satellite "BROKEN-XM3"/);
    const summary = JSON.parse(result.stdout);
    expect(summary.rows.at(-1).powerSatelliteCount).toBe(3);
  });

  it('refuses a bad --eclipse-resolution with exit 2', async () => {
    const out = join(await tempDir(), 'out');
    const result = await cli('run', '--out', out, '--eclipse-resolution', '1y');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--eclipse-resolution: must be a fixed duration/);
    expect(await filesIn(out)).toEqual([]);
  });

  it('reports eclipse losses over each row interval: none around a solstice, some across an equinox', async () => {
    const lossOver = async (from: string, to: string): Promise<number[]> => {
      const result = await cli(
        'run',
        '--out',
        await tempDir(),
        '--json',
        '--tracers',
        '50',
        '--from',
        from,
        '--to',
        to,
        '--step',
        '1y',
        '--eclipse-resolution',
        '300s',
      );
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout).rows.map(
        (row: { eclipseEnergyLossJ: number }) => row.eclipseEnergyLossJ,
      );
    };
    // Geostationary eclipse seasons run about 26 Feb - 12 Apr and 31 Aug - 16 Oct (the Sun within ~8.7 degrees of
    // the equator); the December solstice is far from both.
    expect(await lossOver('2039-11-01', '2040-02-15')).toEqual([0, 0]);
    const [first, spring] = await lossOver('2040-02-15', '2040-04-30');
    expect(first).toBe(0);
    // Three satellites (2 MW + 230 MW + 2.2 GW of DC) losing up to ~70 min a day for ~46 days: order 1e13 J.
    expect(spring).toBeGreaterThan(1e12);
    expect(spring).toBeLessThan(2.5e9 * 46 * 72 * 60);
  });
});
