import { createReadStream, writeSync } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';

/**
 * The few file operations the store needs, as an object: the store is given one, so a test can
 * hand it a layer that fails writes on demand (disk full, I/O error) and check what survives.
 */
export interface FileLayer {
  /** Opens for appending ('a+'), writing from empty ('w') or reading ('r'). */
  open(path: string, flags: 'a+' | 'w' | 'r'): Promise<FileLike>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  mkdir(dir: string): Promise<void>;
  /** The file's size, or undefined when it does not exist. */
  size(path: string): Promise<number | undefined>;
  read(path: string): AsyncIterable<Buffer>;
  /** Makes a rename or a new file in the directory durable. */
  syncDir(dir: string): Promise<void>;
}

export interface FileLike {
  /** Writes all of the data (at the end for an 'a+' file, in order for a 'w' one). */
  write(data: Buffer): Promise<void>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

/** Writes up to this size are made in place, bigger ones (snapshot chunks) in the thread pool. */
const SMALL_WRITE = 64 * 1024;

export const nodeFileLayer: FileLayer = {
  async open(path, flags) {
    const handle = await open(path, flags);
    return {
      async write(data) {
        // A write may be short (a signal, a full disk reporting late): loop until all is written.
        let offset = 0;
        if (data.length <= SMALL_WRITE) {
          // A small write only copies into the page cache (the fsync is what waits for the disk):
          // done here it costs less CPU than the thread pool's round trip, and a group commit's
          // append is a few KB.
          while (offset < data.length) {
            const bytesWritten = writeSync(handle.fd, data, offset, data.length - offset, null);
            if (bytesWritten === 0) throw Object.assign(new Error('write wrote nothing'), { code: 'EIO' });
            offset += bytesWritten;
          }
          return;
        }
        while (offset < data.length) {
          const { bytesWritten } = await handle.write(data, offset, data.length - offset, null);
          if (bytesWritten === 0) throw Object.assign(new Error('write wrote nothing'), { code: 'EIO' });
          offset += bytesWritten;
        }
      },
      datasync: () => handle.datasync(),
      truncate: (length) => handle.truncate(length),
      close: () => handle.close(),
    };
  },
  rename: (from, to) => rename(from, to),
  unlink: (path) => unlink(path),
  readdir: (dir) => readdir(dir),
  async mkdir(dir) {
    await mkdir(dir, { recursive: true });
  },
  async size(path) {
    try {
      return (await stat(path)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  },
  // 1 MiB reads: a 1.4 GB snapshot in 1,400 reads, not 22,000 (each a round trip to the thread pool).
  read: (path) => createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>,
  async syncDir(dir) {
    // Directories cannot be fsynced on every platform (Windows): there, renames are what they are.
    let handle;
    try {
      handle = await open(dir, 'r');
    } catch {
      return;
    }
    try {
      await handle.datasync();
    } catch {
      // EISDIR/EINVAL where directory sync is unsupported: nothing more can be done.
    } finally {
      await handle.close();
    }
  },
};

/**
 * A file layer for tests: the real one, with writes that fail while `failing` is set (optionally
 * after writing part of the data, as a disk that fills up mid-write does).
 */
export function faultyFileLayer(base: FileLayer = nodeFileLayer) {
  const control = {
    /** The error code writes fail with ('ENOSPC', 'EIO'), or null while the disk is fine. */
    failing: null as string | null,
    /** How many bytes of a failing write still reach the file (a torn write). */
    partialBytes: 0,
    /** Only fsyncs fail: the data reached the file but is not known to be durable (EIO on fsync). */
    syncOnly: false,
    /** Writes attempted while failing. */
    failures: 0,
    /** Only the files whose path matches fail (a snapshot's `.tmp`), or every file while null. */
    paths: null as RegExp | null,
  };
  const fail = () => {
    control.failures += 1;
    return Object.assign(new Error(`${control.failing}: simulated`), { code: control.failing! });
  };
  const failing = (path: string) => control.failing !== null && (control.paths === null || control.paths.test(path));
  const layer: FileLayer = {
    ...base,
    async open(path, flags) {
      if (failing(path) && !control.syncOnly && flags !== 'r') throw fail();
      const file = await base.open(path, flags);
      return {
        async write(data) {
          if (failing(path) && !control.syncOnly) {
            if (control.partialBytes > 0)
              await file.write(data.subarray(0, Math.min(control.partialBytes, data.length - 1)));
            throw fail();
          }
          await file.write(data);
        },
        async datasync() {
          if (failing(path)) throw fail();
          await file.datasync();
        },
        truncate: (length) => file.truncate(length),
        close: () => file.close(),
      };
    },
    async rename(from, to) {
      if (failing(from) && !control.syncOnly) throw fail();
      await base.rename(from, to);
    },
  };
  return { layer, control };
}
