// `essaim export oem` and `essaim export omm` end to end (in-process): the files they write, read by the tests'
// own minimal KVN reader and by Essaim's OMM reader; the same run and SOURCE_DATE_EPOCH give the same bytes; bad
// input is exit 2 naming the flag, with nothing written.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readOmm } from '../../sim/earth/elementSets.ts';
import { readOmmKvn, tracerRowFromOmm } from '../../sim/report/ccsds/ommKvnRead.ts';
import { ommRecordOf } from '../../sim/report/ccsds/satelliteOmm.ts';
import { kvnLines } from '../report/ccsds/minimalKvn.ts';
import { cli, filesIn, tempDir } from './helpers.ts';

const RUN = ['--tracers', '300', '--from', '2049-01-01', '--to', '2050-01-01'];

/** The values of `keyword` in a KVN text, in order (the minimal reader). */
function valuesOf(text: string, keyword: string): string[] {
  return kvnLines(text).flatMap((line) =>
    line.kind === 'kvn' && line.keyword === keyword ? [line.value] : [],
  );
}

let savedEpoch: string | undefined;
beforeEach(() => {
  savedEpoch = process.env['SOURCE_DATE_EPOCH'];
  process.env['SOURCE_DATE_EPOCH'] = '1767225600';
});
afterEach(() => {
  if (savedEpoch === undefined) delete process.env['SOURCE_DATE_EPOCH'];
  else process.env['SOURCE_DATE_EPOCH'] = savedEpoch;
});

describe('essaim export oem', () => {
  it('writes one segment per chosen tracer, the same bytes twice, CREATION_DATE from SOURCE_DATE_EPOCH', async () => {
    const dir = await tempDir();
    const a = join(dir, 'a.oem');
    const b = join(dir, 'b.oem');
    const first = await cli('export', 'oem', ...RUN, '--count', '3', '--out', a);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/wrote .*a\.oem: 3 tracers/);
    expect((await cli('export', 'oem', ...RUN, '--count', '3', '--out', b)).code).toBe(0);
    const text = await readFile(a, 'utf8');
    expect(await readFile(b, 'utf8')).toBe(text);
    expect(valuesOf(text, 'CREATION_DATE')).toEqual(['2026-01-01T00:00:00.000']);
    expect(valuesOf(text, 'OBJECT_ID')).toHaveLength(3);
    expect(new Set(valuesOf(text, 'TIME_SYSTEM'))).toEqual(new Set(['TDB']));
    // a different seed picks (almost surely) other tracers
    expect((await cli('export', 'oem', ...RUN, '--count', '3', '--seed', '9', '--out', b)).code).toBe(0);
    expect(valuesOf(await readFile(b, 'utf8'), 'OBJECT_ID')).not.toEqual(valuesOf(text, 'OBJECT_ID'));
  });

  it('writes an NDM combined instantiation with --format xml, one <oem> per tracer', async () => {
    const dir = await tempDir();
    const out = join(dir, 'x.xml');
    expect((await cli('export', 'oem', ...RUN, '--count', '2', '--format', 'xml', '--out', out)).code).toBe(
      0,
    );
    const text = await readFile(out, 'utf8');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<ndm ')).toBe(true);
    expect(text.match(/<oem id="CCSDS_OEM_VERS" version="3.0">/g)).toHaveLength(2);
  });

  it('takes tracers by index with --tracer', async () => {
    const dir = await tempDir();
    const out = join(dir, 'x.oem');
    expect((await cli('export', 'oem', ...RUN, '--tracer', '3,1', '--out', out)).code).toBe(0);
    expect(valuesOf(await readFile(out, 'utf8'), 'OBJECT_ID')).toEqual(['TRACER-3', 'TRACER-1']);
  });
});

describe('essaim export oem --objects satellites', () => {
  it('writes the power satellites geocentric, in UTC, a segment per station-keeping cycle', async () => {
    const dir = await tempDir();
    const out = join(dir, 's.oem');
    const result = await cli(
      'export',
      'oem',
      '--objects',
      'satellites',
      '--tracers',
      '50',
      '--from',
      '2041-01-01',
      '--to',
      '2041-01-09',
      '--out',
      out,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(new Set(valuesOf(text, 'TIME_SYSTEM'))).toEqual(new Set(['UTC']));
    expect(new Set(valuesOf(text, 'CENTER_NAME'))).toEqual(new Set(['EARTH']));
    expect(new Set(valuesOf(text, 'OBJECT_NAME')).size).toBeGreaterThanOrEqual(1);
  });

  it('refuses --count with satellites, and a scenario without an earth section', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out', 's.oem');
    const count = await cli('export', 'oem', '--objects', 'satellites', '--count', '2', ...RUN, '--out', out);
    expect(count.code).toBe(2);
    expect(count.stderr).toMatch(/--objects: --count and --tracer choose tracers/);
    const none = await cli(
      'export',
      'oem',
      '--objects',
      'satellites',
      '--scenario',
      'metzger-2013',
      '--tracers',
      '50',
      '--out',
      out,
    );
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--objects: scenario .* has no power satellites/);
    const kind = await cli('export', 'oem', '--objects', 'planets', ...RUN, '--out', out);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/--objects: must be one of tracers, satellites/);
    expect(await filesIn(join(dir, 'out'))).toEqual([]);
  });
});

describe('essaim export omm', () => {
  it('writes one OMM per tracer that Essaim’s reader turns back into the tracers', async () => {
    const dir = await tempDir();
    const out = join(dir, 'x.omm');
    const result = await cli('export', 'omm', ...RUN, '--tracer', '0,2', '--out', out);
    expect(result.code).toBe(0);
    const omms = readOmmKvn(await readFile(out, 'utf8'));
    expect(omms.map((omm) => omm.values.get('OBJECT_ID'))).toEqual(['TRACER-0', 'TRACER-2']);
    for (const omm of omms) expect(tracerRowFromOmm(omm).weight).toBeGreaterThan(0);
  });
});

describe('essaim export omm --objects satellites', () => {
  it('writes the power satellites’ SGP4 element sets, which Essaim’s element-set reader takes back', async () => {
    const dir = await tempDir();
    const out = join(dir, 's.omm');
    const result = await cli(
      'export',
      'omm',
      '--objects',
      'satellites',
      '--tracers',
      '50',
      '--from',
      '2041-01-01',
      '--to',
      '2041-01-09',
      '--out',
      out,
    );
    expect(result.code).toBe(0);
    const omms = readOmmKvn(await readFile(out, 'utf8'));
    expect(omms.length).toBeGreaterThanOrEqual(2);
    for (const omm of omms) expect(readOmm(ommRecordOf(omm)).ok).toBe(true);
  });
});

describe('bad input to the CCSDS exports is exit 2 naming the flag, with nothing written', () => {
  const cases: ReadonlyArray<readonly [string, readonly string[], RegExp]> = [
    ['a zero count', ['oem', '--count', '0'], /--count: must be an integer in \[1, /],
    ['a count that is not a number', ['omm', '--count', 'five'], /--count/],
    ['an index past the table', ['oem', '--tracer', '300'], /--tracer: must be a tracer index in \[0, 299\]/],
    ['an index given twice', ['omm', '--tracer', '1,1'], /--tracer: must not name a tracer twice/],
    [
      'both --count and --tracer',
      ['oem', '--count', '2', '--tracer', '1'],
      /--tracer: give --count or --tracer/,
    ],
    ['a sample step of zero', ['oem', '--sample-step', '0s'], /--sample-step/],
    ['a sample step that is not a duration', ['oem', '--sample-step', 'daily'], /--sample-step/],
    ['--to before --from', ['omm', '--to', '2048-01-01'], /--to: must be after --from/],
    ['an unknown format', ['oem', '--format', 'json'], /--format: must be one of kvn, xml/],
    [
      'a file too big to write',
      ['oem', '--count', '300', '--sample-step', '1s'],
      /--sample-step: \d+ tracers would make \d+ ephemeris lines, more than 1000000/,
    ],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const dir = await tempDir();
      const out = join(dir, 'out', 'x.kvn');
      const [format, ...rest] = args;
      const result = await cli('export', format as string, ...RUN, ...rest, '--out', out);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(await filesIn(join(dir, 'out'))).toEqual([]);
    });
  }

  it('no --out, or an --out that is a folder', async () => {
    const missing = await cli('export', 'omm', ...RUN);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--out: is required/);
    const dir = await tempDir();
    await mkdir(join(dir, 'folder'));
    const folder = await cli('export', 'oem', ...RUN, '--out', join(dir, 'folder'));
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/--out: .* is a folder/);
    expect(await filesIn(join(dir, 'folder'))).toEqual([]);
  });
});
