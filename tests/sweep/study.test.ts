// The shipped studies validate against today's built-in scenarios (so a change to a scenario that breaks a study
// is caught here), and the study is plain data that survives a JSON round trip (what a worker or a shard gets).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { builtinScenarioObject } from '../../sim/scenario/load.ts';
import { valueAtPath } from '../../sim/sweep/jsonPath.ts';
import { parseSweep, prepareStudy } from '../../sim/sweep/study.ts';

describe('the shipped studies', () => {
  it('each validates against its built-in base scenario, and the study survives JSON', async () => {
    const files = (await readdir('assets/sweeps')).filter((name) => name.endsWith('.json'));
    expect(files).toContain('baseline-uncertainty.json');
    for (const name of files) {
      const file = parseSweep(JSON.parse(await readFile(join('assets/sweeps', name), 'utf8')), name);
      const base = builtinScenarioObject(file.scenario);
      const study = prepareStudy(file, file.scenario, base);
      expect(JSON.parse(JSON.stringify(study))).toEqual(study);
      // Every parameter is defended in the notes.
      for (const { path } of file.parameters) {
        expect(typeof valueAtPath(base, path)).toBe('number');
        expect(file.notes[path]?.length ?? 0).toBeGreaterThan(40);
      }
    }
  });
});

describe("an output 'at' every output row", () => {
  it('is one column per row of the run, named by the row dates outputTimes gives (independent of the sweep code)', () => {
    const file = {
      title: 'every',
      scenario: 'baseline',
      seed: 1,
      run: { from: '2030-01-01', to: '2033-06-01', step: '1y', tracers: 10 },
      design: { kind: 'grid' },
      parameters: [{ path: 'collector.conversionEfficiency', grid: { values: [0.2] } }],
      outputs: [{ figure: 'capturedPowerW', at: 'every' }],
    };
    const study = prepareStudy(file, 'baseline', builtinScenarioObject('baseline'));
    // 2030-01-01 + whole years up to 2033-01-01, then the run's end (2033-06-01), as simulate's rows are.
    expect(study.outputs.map((c) => c.name)).toEqual([
      'capturedPowerW@2030-01-01',
      'capturedPowerW@2031-01-01',
      'capturedPowerW@2032-01-01',
      'capturedPowerW@2033-01-01',
      'capturedPowerW@2033-06-01',
    ]);
    expect(study.outputs.map((c) => (c.kind === 'at' ? c.row : -1))).toEqual([0, 1, 2, 3, 4]);
  });
});
