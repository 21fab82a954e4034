/**
 * Atomic output: every file is written to a temporary name in the target folder, then renamed over the final
 * name. rename() within one folder is atomic on POSIX file systems, so a reader (or a crash) sees the old file or
 * the new one, never half of one. Several files are committed together only after all were written.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

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
