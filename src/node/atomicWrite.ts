/**
 * Atomic output: every file is written to a temporary name in the target folder, then renamed over the final
 * name. rename() within one folder is atomic on POSIX file systems, so a reader (or a crash) sees the old file or
 * the new one, never half of one. Several files are committed together only after all were written.
 */
import { mkdir, open, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import { InputError } from '../../sim/errors.ts';

export interface PendingFile {
  readonly path: string;
  readonly contents: string;
}

/** Write all files atomically: if any write fails, none is renamed into place and the temporaries are removed. */
export async function writeFilesAtomically(files: readonly PendingFile[]): Promise<void> {
  const temporaries: Array<{ temporary: string; path: string }> = [];
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      const temporary = join(dirname(file.path), `.${basename(file.path)}.${process.pid}.${Date.now()}.tmp`);
      temporaries.push({ temporary, path: file.path });
      await writeFile(temporary, file.contents, { flag: 'wx' });
    }
    for (const { temporary, path } of temporaries) await rename(temporary, path);
  } catch (error) {
    await Promise.all(temporaries.map(({ temporary }) => rm(temporary, { force: true })));
    throw error;
  }
}

/**
 * Make sure `folder` exists (creating it and its parents) and that a file can be created in it, before any work
 * is done, so a bad `--out` is refused at once with exit 2 rather than after a whole run. `flag` names the option
 * in the message. The probe file is created exclusively and removed at once.
 */
export async function ensureWritableFolder(folder: string, flag: string): Promise<void> {
  const existing = await stat(folder).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory()) {
    throw new InputError(
      `${JSON.stringify(folder)} is a file, not a folder; name a folder to write into`,
      flag,
    );
  }
  try {
    await mkdir(folder, { recursive: true });
    const probe = join(folder, `.essaim-write-check.${process.pid}.${Date.now()}.tmp`);
    await writeFile(probe, '', { flag: 'wx' });
    await rm(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const why =
      code === 'ENOTDIR' || code === 'EEXIST'
        ? 'a part of the path is a file, not a folder'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'no permission to write there'
          : (error as Error).message;
    throw new InputError(`cannot write into ${JSON.stringify(folder)}: ${why} (${code})`, flag);
  }
}

/**
 * Make sure the file `path` can be written (its folder created and writable, the path itself not a folder), before
 * any work is done: `--out FILE` of the exports and the report. `flag` names the option in the message.
 */
export async function ensureWritableFile(path: string, flag: string): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory() === true) {
    throw new InputError(`${JSON.stringify(path)} is a folder; name the file to write`, flag);
  }
  await ensureWritableFolder(dirname(path), flag);
}

/**
 * Write one large file as a stream, atomically: `write` gets a handle on a temporary file beside `path`, which is
 * renamed over `path` only once `write` has resolved; if it throws, the temporary is removed and `path` is left as
 * it was. For outputs too big to hold as one string (tracer states of millions of tracers).
 */
export async function writeStreamAtomically(
  path: string,
  write: (handle: FileHandle) => Promise<void>,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await open(temporary, 'wx');
  try {
    await write(handle);
    await handle.sync();
    await handle.close();
    await rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}
