/**
 * `essaim run` on the baseline prints the Earth side: its two tables, with the share of AI's electricity from
 * space, and the charter's dated warnings; summary.json carries them (charterWarnings), and a bad ground value is
 * refused with exit code 2 naming the field.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinScenarioObject } from '../../sim/scenario/load.ts';
import { W_PER_TWH_PER_YEAR } from '../../sim/ground/resolve.ts';
import { cli, tempDir } from './helpers.ts';

describe('essaim run: the Earth side', () => {
  it('prints the Earth-side tables and the charter warnings, and writes them to summary.json', async () => {
    const out = await tempDir();
    const result = await cli(
      'run',
      '--scenario',
      'baseline',
      '--tracers',
      '200',
      '--from',
      '2039-01-01',
      '--to',
      '2041-01-01',
      '--out',
      out,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Earth side: AI’s electricity');
    expect(result.stdout).toContain('Earth side: per task, cost and heat');
    expect(result.stdout).toMatch(
      /Charter warnings \(Earth side\)\n {2}2039-01-01 \.\. 2041-01-01 {2}charter clean supply:/,
    );
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as {
      rows: Array<Record<string, number | null>>;
      charterWarnings: Array<{ message: string; firstDate: string; lastDate: string }>;
    };
    expect(summary.charterWarnings.map((w) => w.message.slice(0, w.message.indexOf(':')))).toEqual([
      'charter clean supply',
      'charter grid solidarity',
    ]);
    // the 2040 row: the IEA Base Case's 1200 TWh/yr of 2035 grown at the scenario's stated 4.89 %/yr, and a share
    // from space that is the power satellites' grid power over that demand
    const row = summary.rows.find((r) => String(r['date']).startsWith('2040-01-01'));
    expect(row).toBeDefined();
    const demandTwh = (row?.['aiDemandW'] ?? 0) / W_PER_TWH_PER_YEAR;
    const years2035 = (Date.UTC(2040, 0, 1) - Date.UTC(2035, 0, 1)) / (365.25 * 86400e3);
    expect(demandTwh).toBeCloseTo(1200 * 1.0489 ** years2035, 3);
    expect(row?.['aiSpaceShare']).toBeCloseTo(
      (row?.['aiFromPowerSatellitesW'] ?? 0) / (row?.['aiDemandW'] ?? 1),
      12,
    );
  });

  it('refuses a bad ground value with exit code 2, naming the field', async () => {
    const dir = await tempDir();
    const file = structuredClone(builtinScenarioObject('baseline')) as {
      ground: { rectennas: { thermalLimitWm2: number } };
    };
    file.ground.rectennas.thermalLimitWm2 = -5;
    const path = join(dir, 'bad.json');
    await writeFile(path, JSON.stringify(file));
    const result = await cli('scenario', 'validate', path);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/ground\.rectennas\.thermalLimitWm2: must be > 0, got -5/);
  });
});
