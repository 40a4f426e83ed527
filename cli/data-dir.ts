import { mkdir, readdir, stat } from 'node:fs/promises';
import { UsageError } from './usage.js';

/** What `check` and `start` both say of a `--data` path that is not a directory they can read. */
export const notADirectory = (dir: string) => new UsageError(`--data ${dir} is not a readable directory`);

/**
 * `start --data DIR`'s directory, checked before anything is opened: one that exists must be a
 * readable directory (a regular file gave a raw EEXIST stack trace from the store's mkdir); one
 * that does not is created, as the store would, and a path that cannot be is a usage error too.
 */
export async function ensureDataDirectory(dir: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(dir)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw notADirectory(dir);
    try {
      await mkdir(dir, { recursive: true });
    } catch (cause) {
      throw new UsageError(`--data ${dir} cannot be created (${(cause as NodeJS.ErrnoException).code ?? cause})`);
    }
    return;
  }
  if (!isDirectory) throw notADirectory(dir);
  try {
    await readdir(dir);
  } catch {
    throw notADirectory(dir);
  }
}
