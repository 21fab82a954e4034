// `essaim export czml`: bad input is exit 2 naming the flag, with nothing written; a small run writes a CZML
// document whose clock, tracers and Sun can be checked against the flags, the core's tracer table and the
// Earth's orbit. What Cesium itself reads back is tests/browser/czml.browser.test.ts.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { AU_M } from '../../sim/constants.ts';
import { SHELL_PALETTE } from '../../sim/report/palettes.ts';
import { loadBuiltinScenario } from '../../sim/scenario/load.ts';
import { isoToTdbS } from '../../sim/time.ts';
import { createWorld } from '../../sim/world.ts';
import { cli, filesIn, tempDir } from './helpers.ts';

/** A short run in the baseline's swarm years: 300 tracers, 10 days, 5-day steps. */
const RUN = ['--from', '2046-03-15', '--to', '2046-03-25', '--step', '5d', '--tracers', '300'];

/** The Earth's distance from the Sun stays within perihelion and aphelion, 0.9833 and 1.0167 au (e = 0.0167). */
const EARTH_SUN_AU: readonly [number, number] = [0.983, 1.017];

interface Packet {
  id: string;
  availability?: string;
  position?: { epoch: string; cartesian: number[]; referenceFrame: string };
  point?: { color: { rgba: number[] } };
  properties?: { tracer: number };
  clock?: { interval: string; currentTime: string; multiplier: number };
}

describe('essaim export czml: bad input', () => {
  it.each([
    [['--tracers-shown', '-1'], /--tracers-shown: must be an integer in \[0, 100000\], got "-1"/],
    [['--tracers-shown', 'many'], /--tracers-shown: must be an integer/],
    [['--from', '2046-13-01'], /--from/],
    [['--tracers', '0'], /--tracers: must be an integer in \[1, /],
  ])('%j is exit 2 naming the flag, nothing written', async (flags, message) => {
    const dir = await tempDir();
    const out = join(dir, 'sub', 'run.czml');
    const result = await cli('export', 'czml', ...RUN, ...flags, '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(await filesIn(dir)).toEqual([]);
  });

  it('--out missing, a folder, or under a file', async () => {
    const dir = await tempDir();
    expect((await cli('export', 'czml', ...RUN)).code).toBe(2);
    const asFolder = await cli('export', 'czml', ...RUN, '--out', dir);
    expect(asFolder.code).toBe(2);
    expect(asFolder.stderr).toMatch(/--out: ".*" is a folder/);
    const file = join(dir, 'taken');
    await writeFile(file, 'keep me');
    const under = await cli('export', 'czml', ...RUN, '--out', join(file, 'run.czml'));
    expect(under.code).toBe(2);
    expect(under.stderr).toMatch(/--out: ".*taken" is a file, not a folder/);
    expect(await readFile(file, 'utf8')).toBe('keep me');
    expect(await filesIn(dir)).toEqual(['taken']);
  });
});

describe('essaim export czml: a small run', () => {
  it('writes the clock of the flags, the sampled tracers from their station times, a Sun 1 au away; the same bytes twice', async () => {
    const dir = await tempDir();
    const out = join(dir, 'run.czml');
    const result = await cli('export', 'czml', ...RUN, '--tracers-shown', '40', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = await readFile(out, 'utf8');
    const packets = JSON.parse(text) as Packet[];

    const document = packets[0] as Packet;
    expect(document.id).toBe('document');
    expect(document.clock?.interval).toBe('2046-03-15T00:00:00.000Z/2046-03-25T00:00:00.000Z');
    expect(document.clock?.currentTime).toBe('2046-03-15T00:00:00.000Z');
    expect(document.clock?.multiplier).toBeGreaterThan(0);
    expect(new Set(packets.map((p) => p.id)).size).toBe(packets.length);

    // The tracers: at most 40, each from the core's table, available from its own station time, in its shell's colour.
    const world = createWorld(loadBuiltinScenario('baseline'), { tracers: 300 });
    const { table } = world.swarm;
    const toTdbS = isoToTdbS('2046-03-25');
    const tracers = packets.filter((p) => p.id.startsWith('tracer:'));
    expect(tracers.length).toBeGreaterThan(0);
    expect(tracers.length).toBeLessThanOrEqual(40);
    for (const tracer of tracers) {
      const index = tracer.properties?.tracer as number;
      const stationTdbS = table.stationTdbS[index] as number;
      expect(stationTdbS).toBeLessThanOrEqual(toTdbS);
      const [start, stop] = (tracer.availability as string).split('/') as [string, string];
      // the later of the run's start and the station time, to the millisecond of the ISO string
      expect(Math.abs(isoToTdbS(start) - Math.max(isoToTdbS('2046-03-15'), stationTdbS))).toBeLessThan(1e-3);
      expect(stop).toBe('2046-03-25T00:00:00.000Z');
      const shell = table.shellIndex[index] as number;
      const hex = (tracer.point?.color.rgba ?? []).slice(0, 3).map((c) => c.toString(16).padStart(2, '0'));
      expect(`#${hex.join('')}`).toBe(SHELL_PALETTE[shell]);
      expect(tracer.position?.referenceFrame).toBe('INERTIAL');
      expect((tracer.position?.cartesian.length ?? 0) % 4).toBe(0);
    }

    // The Sun, geocentric: every sample between the Earth's perihelion and aphelion distances.
    const sun = packets.find((p) => p.id === 'body:sun') as Packet;
    const cartesian = sun.position?.cartesian ?? [];
    expect(cartesian.length).toBeGreaterThanOrEqual(4 * 10);
    for (let k = 0; k < cartesian.length; k += 4) {
      const distanceAu =
        Math.hypot(cartesian[k + 1] as number, cartesian[k + 2] as number, cartesian[k + 3] as number) / AU_M;
      expect(distanceAu).toBeGreaterThan(EARTH_SUN_AU[0]);
      expect(distanceAu).toBeLessThan(EARTH_SUN_AU[1]);
    }

    // Determinism: the same flags write the same bytes.
    const again = join(dir, 'again.czml');
    expect((await cli('export', 'czml', ...RUN, '--tracers-shown', '40', '--out', again)).code).toBe(0);
    expect(await readFile(again, 'utf8')).toBe(text);
  });
});
