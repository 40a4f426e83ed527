import { createReadStream } from 'node:fs';
import { open, mkdir, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Low, Memory } from 'lowdb';
import { TextFile } from 'lowdb/node';
import type { z } from 'zod';
import { applyChanges, type Change } from './changes.js';
import { readSnapshot, serializeSnapshot, SnapshotFormatError } from './snapshot.js';
import { validateInPlace } from './validate-in-place.js';

/**
 * The simulator's state store, over lowdb.
 *
 * In memory by default. With a data directory, the state lives in `<name>.json` (a lowdb
 * snapshot, written atomically by steno) plus `<name>.log` (an append-only log of changes).
 * A write on the hot path appends its changes to the log, and concurrent writes are coalesced
 * into one append (group commit); each commit resolves only once its line is on disk, so a 2xx
 * answered after `await store.commit()` survives a crash. The snapshot is rewritten only when the
 * log has grown as large as it, so the cost of a write does not grow with the data.
 */
export interface Store<S> {
  /** The live state. Read it; never mutate it: return changes and `commit` them. */
  readonly data: S;
  /** Applies the changes now (synchronously) and resolves once they are durable. */
  commit(changes: readonly Change[]): Promise<void>;
  /** Replaces the whole state (admin PUT state, reset, seed). */
  replace(state: S): Promise<void>;
  /** Resolves when every commit so far is durable. */
  flush(): Promise<void>;
  /** Flushes, writes a final snapshot and releases the files. */
  close(): Promise<void>;
  /** Where the state is kept: 'memory' or the snapshot file's path. */
  readonly location: string;
  /** Commits so far, and the log appends (group commits) that made them durable. */
  readonly stats: { commits: number; appends: number; snapshots: number };
}

export class StoreLoadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'StoreLoadError';
  }
}

export function createMemoryStore<S extends object>(initial: S): Store<S> {
  const db = new Low<S>(new Memory<S>(), initial);
  const stats = { commits: 0, appends: 0, snapshots: 0 };
  return {
    stats,
    get data() {
      return db.data;
    },
    commit(changes) {
      applyChanges(db.data as Record<string, unknown>, changes);
      stats.commits += 1;
      return Promise.resolve();
    },
    async replace(state) {
      db.data = state;
      await db.write();
    },
    flush: () => Promise.resolve(),
    close: () => Promise.resolve(),
    location: 'memory',
  };
}

export interface FileStoreOptions<S> {
  dir: string;
  /** Base name of the files: `<name>.json` and `<name>.log`. */
  name: string;
  schema: z.ZodType<S>;
  /** The state when there is no file yet. */
  initial: () => S;
  /** fsync each group commit (default true). */
  fsync?: boolean;
  /**
   * The log is compacted into a new snapshot once it is twice the snapshot's size, and at least
   * this big (default 8 MiB). Twice, not once: each write then costs half its size again in
   * compaction, for a log and a replay at start at most twice the state.
   */
  compactAfterBytes?: number;
}

export async function openFileStore<S extends object>(options: FileStoreOptions<S>): Promise<Store<S>> {
  const snapshotPath = join(options.dir, `${options.name}.json`);
  const logPath = join(options.dir, `${options.name}.log`);
  await mkdir(options.dir, { recursive: true });
  const fsyncEach = options.fsync ?? true;
  const compactAfter = options.compactAfterBytes ?? 8 * 1024 * 1024;

  // lowdb's text adapter writes through steno: a temporary file renamed over the old one.
  const snapshotFile = new TextFile(snapshotPath);
  const exists = await fileExists(snapshotPath);
  let state: S;
  let seq = 0;
  if (exists) {
    try {
      const snap = await readSnapshot(snapshotPath);
      state = snap.state as S;
      seq = snap.seq;
    } catch (error) {
      if (error instanceof SnapshotFormatError) throw new StoreLoadError(snapshotPath, `${error.message}; the file was left as it is`);
      throw error;
    }
  } else {
    state = options.initial();
  }

  // Replay the log written since the snapshot, read as a stream (it may be twice the state's
  // size). A torn last line (a crash mid-append) was never acknowledged, so it is dropped; a bad
  // line before the last one means the file is corrupt.
  let validBytes = 0;
  let fileBytes = 0;
  if (await fileExists(logPath)) {
    let lineNumber = 0;
    for await (const line of completeLines(logPath)) {
      lineNumber += 1;
      let record: { seq: number; changes: Change[] };
      try {
        record = JSON.parse(line.toString('utf8'));
      } catch {
        throw new StoreLoadError(logPath, `line ${lineNumber} is not valid JSON; the file was left as it is`);
      }
      if (record.seq > seq) {
        applyChanges(state as Record<string, unknown>, record.changes);
        seq = record.seq;
      }
      validBytes += line.length + 1;
    }
    fileBytes = (await stat(logPath)).size;
  }

  // Validated piece by piece, in place: a large state is never held twice while it loads.
  const parsed = validateInPlace(options.schema, state);
  if (!parsed.ok) {
    const where = parsed.issue.path.length ? parsed.issue.path.join('.') : '(root)';
    throw new StoreLoadError(exists ? snapshotPath : logPath, `does not match the state schema: ${where}: ${parsed.issue.message}; the file was left as it is`);
  }
  state = parsed.value as S;

  const log: FileHandle = await open(logPath, 'a+');
  if (validBytes !== fileBytes) await log.truncate(validBytes);
  let logBytes = validBytes;
  let snapshotBytes = exists ? (await stat(snapshotPath)).size : 0;

  const stats = { commits: 0, appends: 0, snapshots: 0 };
  let pending: string[] = [];
  let waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  let writer: Promise<void> | null = null;

  async function writeSnapshot() {
    const text = serializeSnapshot(state, seq);
    await snapshotFile.write(text);
    stats.snapshots += 1;
    snapshotBytes = Buffer.byteLength(text);
    await log.truncate(0);
    logBytes = 0;
  }

  async function drain() {
    while (pending.length > 0) {
      const batch = pending.join('');
      const batchWaiters = waiters;
      pending = [];
      waiters = [];
      try {
        await log.appendFile(batch);
        stats.appends += 1;
        if (fsyncEach) await log.datasync();
        logBytes += Buffer.byteLength(batch);
        for (const w of batchWaiters) w.resolve();
      } catch (error) {
        for (const w of batchWaiters) w.reject(error);
      }
      if (logBytes > Math.max(compactAfter, 2 * snapshotBytes)) await writeSnapshot();
    }
    writer = null;
  }

  const store: Store<S> = {
    stats,
    get data() {
      return state;
    },
    commit(changes) {
      if (changes.length === 0) return store.flush();
      applyChanges(state as Record<string, unknown>, changes);
      seq += 1;
      stats.commits += 1;
      pending.push(`${JSON.stringify({ seq, changes })}\n`);
      const done = new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
      // Started on the next turn of the event loop: the commits of every request read in this turn
      // share one append and one fsync.
      writer ??= new Promise<void>((resolve) => setImmediate(resolve)).then(drain);
      return done;
    },
    async replace(next) {
      await store.flush();
      state = next;
      seq += 1;
      await writeSnapshot();
    },
    async flush() {
      while (writer) await writer;
    },
    async close() {
      await store.flush();
      await writeSnapshot();
      await log.close();
    },
    location: snapshotPath,
  };
  if (!exists) await writeSnapshot();
  return store;
}

/** The file's complete lines (each without its `\n`), as bytes; a last piece without one is left out. */
async function* completeLines(path: string): AsyncGenerator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    const data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let end = data.indexOf(10); end !== -1; end = data.indexOf(10, start)) {
      yield data.subarray(start, end);
      start = end + 1;
    }
    rest = Buffer.from(data.subarray(start));
  }
}

async function fileExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
