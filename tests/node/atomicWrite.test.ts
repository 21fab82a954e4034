// Atomic outputs: a reader sees the old file or the new one, and a failed write leaves the old one in place.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../sim/errors.ts';
import {
  ensureWritableFile,
  writeFilesAtomically,
  writeStreamAtomically,
} from '../../src/node/atomicWrite.ts';

const folder = () => mkdtemp(join(tmpdir(), 'essaim-atomic-'));

describe('atomic outputs', () => {
  it('writes several files together, replacing the old ones', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'a.txt'), 'old');
    await writeFilesAtomically([
      { path: join(dir, 'a.txt'), contents: 'new a' },
      { path: join(dir, 'b.txt'), contents: 'new b' },
    ]);
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('new a');
    expect((await readdir(dir)).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('streams a file into place, and leaves the old one and no temporary when the writer fails', async () => {
    const dir = await folder();
    const path = join(dir, 'states.bin');
    await writeStreamAtomically(path, async (handle) => {
      for (let k = 0; k < 4; k += 1) await handle.write(Buffer.from([k]));
    });
    expect([...(await readFile(path))]).toEqual([0, 1, 2, 3]);
    await expect(
      writeStreamAtomically(path, async (handle) => {
        await handle.write(Buffer.from([9]));
        throw new Error('the run failed half-way');
      }),
    ).rejects.toThrow('half-way');
    expect([...(await readFile(path))]).toEqual([0, 1, 2, 3]);
    expect(await readdir(dir)).toEqual(['states.bin']);
  });

  it('refuses an output file that is a folder, or under a file, naming the flag', async () => {
    const dir = await folder();
    await expect(ensureWritableFile(dir, '--out')).rejects.toThrow(InputError);
    await writeFile(join(dir, 'plain'), '');
    const error = await ensureWritableFile(join(dir, 'plain', 'x.czml'), '--out').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/--out|a file, not a folder/);
    // a new file in a new folder is fine, and nothing is left behind by the check
    await ensureWritableFile(join(dir, 'new', 'run.czml'), '--out');
    expect(await readdir(join(dir, 'new'))).toEqual([]);
  });
});
