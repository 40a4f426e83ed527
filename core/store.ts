import { Low, Memory } from 'lowdb';
import type { z } from 'zod';
import { applyChanges, type Change, type Path } from './changes.js';
import { nodeFileLayer, type FileLayer, type FileLike } from './file-layer.js';
import { lockDirectory, type DirectoryLock } from './dir-lock.js';
import { createKeyIndex, type KeyIndex } from './key-index.js';
import { legacyLogPathOf, loadData, logPathOf, schemaFingerprint, snapshotPathOf } from './load.js';
import { DataFileError, logHeader, logRecordBytes, snapshotLines } from './records.js';
import { validateInPlace } from './validate-in-place.js';

/**
 * The simulator's state store, over lowdb.
 *
 * In memory by default. With a data directory, the state lives in a snapshot (`<name>.json`) and
 * log generations (`<name>.<gen>.log`), every line checksummed (see `records.ts`). One ordered
 * queue does every file write: appends (concurrent commits coalesced into one append and one
 * fsync), the switch to a new log generation, and the snapshot's replacement. A commit is
 * acknowledged (its promise resolves) only once its record is on disk and every commit before it
 * is acknowledged; if its append fails, it and every later unacknowledged change are undone in
 * memory, the promise rejects with a `StoreUnavailableError`, and the store is read-only until a
 * probe (started by the next write) has cut the torn bytes and written a fresh generation.
 */
export interface Store<S> {
  /** The live state. Read it; never mutate it: return changes and `commit` them. */
  readonly data: S;
  /**
   * Applies the changes now (synchronously, so that the next writer sees them: numbers, duplicate
   * checks; a reader waits for `durable()`) and resolves once they are durable; if they cannot be made durable they are undone and the promise rejects with a
   * `StoreUnavailableError`.
   */
  commit(changes: readonly Change[]): Promise<void>;
  /** Replaces the whole state (admin PUT state, reset, seed), with the same guarantee. */
  replace(state: S): Promise<void>;
  /**
   * Resolves when every commit so far is settled and no snapshot is being written (a compaction
   * under way is in place or abandoned): what the files hold no longer depends on timing.
   */
  flush(): Promise<void>;
  /**
   * `undefined` when every change applied so far is durable (always, in memory): nothing to wait
   * for. Otherwise a promise that settles once they all are: it resolves if they all became
   * durable and rejects with the `StoreUnavailableError` if any was undone. A request that only
   * reads waits for it (see `read-gate.ts`), so that it never answers a change that is then undone.
   */
  durable(): Promise<void> | undefined;
  /** Flushes, writes a final snapshot and releases the files. */
  close(): Promise<void>;
  /** Where the state is kept: 'memory' or the snapshot file's path. */
  readonly location: string;
  /** Whether writes are accepted (false after a failed write, until a probe succeeds). */
  readonly writable: boolean;
  /**
   * Commits so far, the log appends (group commits) that made them durable, snapshots written,
   * failed writes, and compactions that failed (nothing lost: the log still holds it all).
   */
  readonly stats: { commits: number; appends: number; snapshots: number; failures: number; compactionFailures: number };
  /**
   * Calls `listener` after every change to `data`: with the changes a commit applied, or with
   * `undefined` when the whole state may differ (a replace, an undone commit). Indexes over the
   * state (credentials, work due) re-read only what a commit touched instead of scanning every tenant.
   */
  onApplied(listener: AppliedListener): () => void;
  /**
   * An object of the state's keys: a big object's (a ledger's entries) from the store's key index,
   * a live set that a streamed read or a snapshot takes a slice at a time (see `key-index.ts`).
   */
  keysOf(value: object): Iterable<string>;
}

export type AppliedListener = (changes: readonly Change[] | undefined) => void;

/** The listeners of one store: each is told of every change to the live state, in order. */
function appliedListeners() {
  const listeners = new Set<AppliedListener>();
  return {
    add(listener: AppliedListener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit(changes: readonly Change[] | undefined) {
      for (const listener of listeners) listener(changes);
    },
  };
}

export class StoreLoadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${file}${line === undefined ? '' : `: line ${line}`}: ${reason}`);
    this.name = 'StoreLoadError';
  }
}

/** A write that could not be made durable (disk full, I/O error): nothing of it was kept. */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    super(`The state cannot be saved right now${code ? ` (${code})` : ''}; nothing was changed. Retry later.`, {
      cause,
    });
    this.name = 'StoreUnavailableError';
  }
}

export function createMemoryStore<S extends object>(initial: S, options: { keyIndex?: KeyIndex } = {}): Store<S> {
  const db = new Low<S>(new Memory<S>(), initial);
  const stats = { commits: 0, appends: 0, snapshots: 0, failures: 0, compactionFailures: 0 };
  const applied = appliedListeners();
  const index = options.keyIndex ?? createKeyIndex();
  index.walk(initial);
  return {
    stats,
    get data() {
      return db.data;
    },
    keysOf: index.keysOf,
    commit(changes) {
      applyChanges(db.data as Record<string, unknown>, changes);
      index.follow(db.data, changes);
      stats.commits += 1;
      applied.emit(changes);
      return Promise.resolve();
    },
    async replace(state) {
      db.data = state;
      applied.emit(undefined);
      await db.write();
    },
    onApplied: applied.add,
    durable: () => undefined,
    flush: () => Promise.resolve(),
    close: () => Promise.resolve(),
    location: 'memory',
    writable: true,
  };
}

export interface FileStoreOptions<S> {
  dir: string;
  /** Base name of the files: `<name>.json` and `<name>.<gen>.log`. */
  name: string;
  schema: z.ZodType<S>;
  /** Brings an older format to the schema's, in memory, before it is validated; throws for one it cannot read. */
  migrate?: (state: unknown) => unknown;
  /** The state when there is no file yet. */
  initial: () => S;
  /** fsync each group commit (default true). */
  fsync?: boolean;
  /**
   * The log is compacted into a new snapshot once it is twice the snapshot's size and at least
   * this big (default 64 MiB, as Redis's auto-aof-rewrite-min-size): a small state is not
   * rewritten again and again, and each write costs at most half its size again in compaction.
   */
  compactAfterBytes?: number;
  /** The file operations (default: node's); tests pass one that fails on demand. */
  fs?: FileLayer;
  /** The longest string the snapshot writer may build (tests lower it to check it streams). */
  maxStringChars?: number;
  /** The index of big objects' keys (tests pass one with a lower threshold or a counting lister). */
  keyIndex?: KeyIndex;
  /** How long the snapshot writer works before it yields a turn (default 4 ms; tests pass 0: a turn per chunk). */
  sliceMs?: number;
  /**
   * Told when a compaction fails after one that succeeded (the first of a run of failures only:
   * the next attempts wait for the log to grow, twice as much each time, and are not told again).
   * Default: one line on stderr naming the file and the cause.
   */
  onCompactionError?: (error: unknown, file: string) => void;
  /** Told when a lock left by a process that is gone is taken over (default: a line on stderr). */
  onStaleLock?: (message: string) => void;
}

interface Pending {
  seq: number;
  undo: () => void;
  durable: boolean;
  resolve: () => void;
  reject: (error: unknown) => void;
  done: Promise<void>;
}

interface Line {
  line: Buffer;
  entry: Pending;
}

interface Switch {
  switch: true;
  /** The last record before the new generation. */
  after: number;
  replace: boolean;
  resolve: (gen: number) => void;
  reject: (error: unknown) => void;
}

interface SnapshotJob {
  aborted: boolean;
  /** Replaces that become durable when this snapshot does. */
  replaces: Pending[];
  done: Promise<void>;
}

/**
 * The longest the snapshot writer works before it lets the event loop turn (requests, appends):
 * a slice ends on time, not after a count of chunks, so it stays short whatever the chunks hold
 * and however loaded the machine is.
 */
const SLICE_MS = 4;
const WRITE_BYTES = 256 * 1024;

/** The file store: a store, and a compaction started on demand (the size soak measures one). */
export interface FileStore<S> extends Store<S> {
  /** Starts a compaction now unless one is under way; resolves once it is in place (or abandoned). */
  compact(): Promise<void>;
}

/**
 * Opens the store of `name` in `dir`, taking the directory for this process: another process that
 * holds it makes this throw a `DirectoryLockedError` (see `dir-lock.ts`).
 */
export async function openFileStore<S extends object>(options: FileStoreOptions<S>): Promise<FileStore<S>> {
  await (options.fs ?? nodeFileLayer).mkdir(options.dir);
  const lock = await lockDirectory(options.dir, options.onStaleLock ? { warn: options.onStaleLock } : {});
  try {
    return await openLocked(options, lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function openLocked<S extends object>(options: FileStoreOptions<S>, lock: DirectoryLock): Promise<FileStore<S>> {
  const fs = options.fs ?? nodeFileLayer;
  const { dir, name } = options;
  const snapshotPath = snapshotPathOf(dir, name);
  const fsyncEach = options.fsync ?? true;
  const compactAfter = options.compactAfterBytes ?? 64 * 1024 * 1024;
  const maxString = options.maxStringChars ?? 256 * 1024 * 1024;
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const onCompactionError =
    options.onCompactionError ??
    ((error: unknown, file: string) => {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      console.error(
        `ledgersim: the compaction of ${file} failed (${code ?? (error as Error)?.message ?? String(error)}): nothing is lost, the log keeps every write; it is tried again once the log has grown, waiting twice as long after each failure`,
      );
    });

  const fingerprint = schemaFingerprint(options.schema);
  let loaded;
  try {
    loaded = await loadData(fs, dir, name, { schema: fingerprint });
  } catch (error) {
    if (error instanceof DataFileError)
      throw new StoreLoadError(error.file, `${error.problem}; the file was left as it is`, error.line);
    throw error;
  }
  let state = (loaded.state ?? options.initial()) as S;
  if (options.migrate && loaded.state !== undefined) {
    try {
      state = options.migrate(state) as S;
    } catch (error) {
      throw new StoreLoadError(snapshotPath, `cannot be read: ${(error as Error).message}; the file was left as it is`);
    }
  }
  // Files this store's schema wrote (their headers say so, their checksums that nothing changed
  // since) hold what that schema validated; anything else (another schema, an older format, a
  // hand-written file, the initial state) is validated piece by piece, in place: a large state is
  // never held twice while it loads.
  if (!loaded.trusted) {
    const parsed = validateInPlace(options.schema, state);
    if (!parsed.ok) {
      const where = parsed.issue.path.length ? parsed.issue.path.join('.') : '(root)';
      throw new StoreLoadError(
        snapshotPath,
        `does not match the state schema: ${where}: ${parsed.issue.message}; the file was left as it is`,
      );
    }
    state = parsed.value as S;
  }
  // Every big object's keys, listed once now (before anything is served) and then kept by each
  // commit: no compaction or streamed read lists them in one step again. A state loaded as it was
  // saved has its big objects named by the loader; any other (validated, migrated, initial) is walked.
  const index = options.keyIndex ?? createKeyIndex();
  if (loaded.trusted) index.adopt(loaded.collections);
  else index.walk(state);

  let seq = loaded.seq;
  let gen = loaded.gen;
  let log: FileLike | undefined;
  let logBytes = loaded.goodBytes;
  let snapshotBytes = (await fs.size(snapshotPath)) ?? 0;
  const stats = { commits: 0, appends: 0, snapshots: 0, failures: 0, compactionFailures: 0 };
  const applied = appliedListeners();

  let queue: Promise<void> = Promise.resolve();
  const scheduleDrainNow = () => void enqueue(drain(epoch));
  /** Every write goes through here, one at a time, in order. */
  const enqueue = (task: () => Promise<void>): Promise<void> => {
    const run = queue.then(task);
    queue = run.catch(() => {});
    return run;
  };
  /** Log lines and generation switches, in the order of the changes they follow. */
  let pending: (Line | Switch)[] = [];
  const inflight: Pending[] = [];
  let drainScheduled = false;
  let job: SnapshotJob | undefined;
  let failure: unknown;
  let epoch = 0;
  let probing: Promise<void> | undefined;
  /**
   * Compactions failed in a row, and the bytes appended since the last one: the next automatic
   * attempt waits until the log has grown by the compaction threshold times 2^(failures - 1), so a
   * compaction that cannot succeed (no room for the snapshot, a read-only directory) is not
   * retried after every append, each attempt opening one more log generation.
   */
  let compactionFailures = 0;
  let appendedSinceFailure = 0;

  const acknowledge = () => {
    while (inflight.length > 0 && inflight[0]!.durable) inflight.shift()!.resolve();
  };

  /** A write could not be made durable: undo every unacknowledged change, newest first. */
  const fail = (error: unknown) => {
    stats.failures += 1;
    failure ??= error;
    epoch += 1;
    if (job) job.aborted = true;
    job = undefined;
    const dropped = pending;
    pending = [];
    for (const p of dropped) if ('switch' in p) p.reject(error);
    const undone = inflight.splice(0);
    for (let i = undone.length - 1; i >= 0; i--) undone[i]!.undo();
    if (undone.length > 0) applied.emit(undefined);
    if (undone.length > 0) seq = undone[0]!.seq - 1;
    const refusal = new StoreUnavailableError(error);
    for (const entry of undone) entry.reject(refusal);
  };

  async function appendLines(batch: Line[]) {
    if (batch.length === 0) return;
    let size = 0;
    for (const b of batch) size += b.line.length;
    const data = Buffer.concat(
      batch.map((b) => b.line),
      size,
    );
    await log!.write(data);
    stats.appends += 1;
    if (fsyncEach) await log!.datasync();
    logBytes += data.length;
    appendedSinceFailure += data.length;
    for (const b of batch) b.entry.durable = true;
  }

  const drain = (ownEpoch: number) => async () => {
    // Everything queued so far, in order: lines up to a switch go to the current generation,
    // the switch opens the next one, and what follows goes there.
    while (pending.length > 0 && ownEpoch === epoch) {
      const at = pending.findIndex((p) => 'switch' in p);
      const batch = (at < 0 ? pending.splice(0) : pending.splice(0, at)) as Line[];
      try {
        await appendLines(batch);
      } catch (error) {
        fail(error);
        return;
      }
      acknowledge();
      if (at >= 0) {
        const marker = pending.shift() as Switch;
        try {
          const target = gen + 1;
          await switchGeneration(target, marker.after, marker.replace);
          marker.resolve(target);
        } catch (error) {
          marker.reject(error);
          // What follows a replace must not land in the generation before it.
          if (marker.replace) {
            fail(error);
            return;
          }
        }
      }
    }
    const threshold = Math.max(compactAfter, 2 * snapshotBytes);
    const backingOff =
      compactionFailures > 0 && appendedSinceFailure < threshold * 2 ** Math.min(compactionFailures - 1, 10);
    if (!job && failure === undefined && logBytes > threshold && !backingOff) startSnapshot([]);
  };

  /** Queues a switch to a new generation after every change made so far; resolves to its number. */
  const requestSwitch = (replace: boolean): Promise<number> =>
    new Promise<number>((resolve, reject) => {
      pending.push({ switch: true, after: seq, replace, resolve, reject });
      scheduleDrainNow();
    });

  const scheduleDrain = () => {
    if (drainScheduled) return;
    drainScheduled = true;
    // On the next turn: the commits of every request read in this turn share one append and one fsync.
    setImmediate(() => {
      drainScheduled = false;
      void enqueue(drain(epoch));
    });
  };

  /** Opens generation `next` after record `after`, durably, and makes it the one appended to. */
  async function switchGeneration(next: number, after: number, replace: boolean) {
    const path = logPathOf(dir, name, next);
    const file = await fs.open(path, 'w');
    try {
      const header = Buffer.from(logHeader(next, after, replace, fingerprint));
      await file.write(header);
      await file.datasync();
      await fs.syncDir(dir);
      const old = log;
      log = file;
      gen = next;
      logBytes = header.length;
      await old?.close().catch(() => {});
    } catch (error) {
      await file.close().catch(() => {});
      throw error;
    }
  }

  /** Streams the live state into `<name>.json.<gen>.tmp`, a few ms per turn; undefined if aborted. */
  async function writeSnapshotFile(
    target: number,
    atSeq: number,
    current: SnapshotJob | undefined,
  ): Promise<string | undefined> {
    const tmp = `${snapshotPath}.${target}.tmp`;
    const file = await fs.open(tmp, 'w');
    try {
      // The lines are encoded straight into one reused buffer: no joined text, and no second
      // copy of each line's bytes to collect (the young generation's garbage is what the loop pays for).
      const buffer = Buffer.allocUnsafe(WRITE_BYTES);
      let used = 0;
      const write = async () => {
        if (used === 0) return;
        const data = buffer.subarray(0, used);
        used = 0;
        await file.write(data);
      };
      let sliceStart = performance.now();
      for (const line of snapshotLines(state, atSeq, target, index, fingerprint)) {
        if (line.length > maxString)
          throw new RangeError('Invalid string length (one snapshot chunk is past the string limit)');
        // A UTF-16 unit is at most 3 bytes in UTF-8: a line that may not fit waits for the next buffer.
        if (used + 3 * line.length > WRITE_BYTES) await write();
        if (3 * line.length > WRITE_BYTES) await file.write(Buffer.from(line));
        else used += buffer.write(line, used);
        // Bounded by time, not by count: a chunk may be one short entry or 64 values of long text.
        if (performance.now() - sliceStart >= sliceMs) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
          if (current?.aborted) {
            await file.close().catch(() => {});
            await fs.unlink(tmp).catch(() => {});
            return undefined;
          }
        }
      }
      await write();
      await file.datasync();
      await file.close();
      return tmp;
    } catch (error) {
      await file.close().catch(() => {});
      await fs.unlink(tmp).catch(() => {});
      throw error;
    }
  }

  /** Puts the finished snapshot in place and removes the generations it makes obsolete. */
  async function installSnapshot(tmp: string, target: number) {
    await fs.rename(tmp, snapshotPath);
    await fs.syncDir(dir);
    stats.snapshots += 1;
    compactionFailures = 0;
    snapshotBytes = (await fs.size(snapshotPath)) ?? 0;
    for (const file of await fs.readdir(dir)) {
      const m = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.log$`).exec(file);
      if (m && Number(m[1]) < target) await fs.unlink(`${dir}/${file}`).catch(() => {});
    }
  }

  /**
   * A compaction (no replaces) or a replace's snapshot: switch to a new generation after the
   * current record, stream the state across turns while appends go on into the new generation,
   * then, once every record the snapshot may hold is durable, put it in place.
   */
  function startSnapshot(replaces: Pending[]) {
    if (job) job.aborted = true; // a newer snapshot supersedes it; its replaces ride on this one
    const carried = job ? job.replaces : [];
    const current: SnapshotJob = { aborted: false, replaces: [...carried, ...replaces], done: Promise.resolve() };
    job = current;
    const ownEpoch = epoch;
    const atSeq = seq;
    const isReplace = current.replaces.length > 0;
    let target = 0;
    current.done = (async () => {
      try {
        target = await requestSwitch(isReplace);
        if (ownEpoch !== epoch || current.aborted) return;
        const tmp = await writeSnapshotFile(target, atSeq, current);
        if (!tmp || current.aborted || ownEpoch !== epoch) {
          if (tmp) await fs.unlink(tmp).catch(() => {});
          return;
        }
        // Every change the snapshot may hold (up to now) must be durable before it replaces the old one.
        scheduleDrainNow();
        await enqueue(async () => {
          if (current.aborted || ownEpoch !== epoch) {
            await fs.unlink(tmp).catch(() => {});
            return;
          }
          await installSnapshot(tmp, target);
          if (job === current) job = undefined;
          for (const entry of current.replaces) entry.durable = true;
          acknowledge();
        });
      } catch (error) {
        if (ownEpoch !== epoch) return;
        if (isReplace) fail(error);
        else if (job === current) {
          // A failed compaction loses nothing: the old snapshot and the logs still hold it all.
          job = undefined;
          stats.compactionFailures += 1;
          compactionFailures += 1;
          appendedSinceFailure = 0;
          if (compactionFailures === 1) onCompactionError(error, snapshotPath);
        }
      }
    })();
  }

  /** Read-only until this succeeds: cut what a failed append left, then a fresh generation and snapshot. */
  function probe(): Promise<void> {
    probing ??= enqueue(async () => {
      try {
        await log?.truncate(logBytes);
        const target = gen + 1;
        await switchGeneration(target, seq, false);
        const tmp = await writeSnapshotFile(target, seq, undefined);
        await installSnapshot(tmp!, target);
        failure = undefined;
      } catch {
        // still failing: stay read-only; the next write probes again
      }
    }).finally(() => (probing = undefined));
    return probing;
  }

  const refuse = () => {
    void probe();
    return Promise.reject(new StoreUnavailableError(failure));
  };

  const track = (undo: () => void): { entry: Pending; done: Promise<void> } => {
    let resolve!: () => void;
    let reject!: (e: unknown) => void;
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    seq += 1;
    const entry: Pending = { seq, undo, durable: false, resolve, reject, done };
    inflight.push(entry);
    return { entry, done };
  };

  const store: FileStore<S> = {
    stats,
    compact() {
      if (!job && failure === undefined) startSnapshot([]);
      return job?.done ?? Promise.resolve();
    },
    get data() {
      return state;
    },
    get writable() {
      return failure === undefined;
    },
    onApplied: applied.add,
    keysOf: index.keysOf,
    durable() {
      // Acknowledged in order, undone together: the last one settles after every earlier one.
      return inflight.length === 0 ? undefined : inflight[inflight.length - 1]!.done;
    },
    commit(changes) {
      // Nothing to write, but the caller may have read changes still in flight (an idempotent
      // replay of an entry whose push is not yet durable): it answers only once they are.
      if (changes.length === 0) return store.durable() ?? Promise.resolve();
      if (failure !== undefined) return refuse();
      const restore = undoOf(state as Record<string, unknown>, changes);
      const undo = () => {
        restore();
        index.follow(state, changes);
      };
      applyChanges(state as Record<string, unknown>, changes);
      index.follow(state, changes);
      stats.commits += 1;
      applied.emit(changes);
      const { entry, done } = track(undo);
      pending.push({ line: logRecordBytes(entry.seq, changes), entry });
      scheduleDrain();
      return done;
    },
    replace(next) {
      if (failure !== undefined) return refuse();
      const old = state;
      state = next;
      applied.emit(undefined);
      const { entry, done } = track(() => (state = old));
      startSnapshot([entry]);
      return done;
    },
    async flush() {
      for (;;) {
        while (inflight.length > 0) await inflight[inflight.length - 1]!.done.catch(() => {});
        await queue;
        // A compaction the last drain started: wait for it, then for what its install acknowledged.
        if (!job) return;
        await job.done;
      }
    },
    async close() {
      await store.flush();
      await job?.done;
      if (failure === undefined && logBytes > headerBytes()) {
        try {
          const target = gen + 1;
          await enqueue(() => switchGeneration(target, seq, false));
          const tmp = await writeSnapshotFile(target, seq, undefined);
          await enqueue(() => installSnapshot(tmp!, target));
        } catch {
          // the log still holds everything: the next start replays it
        }
      }
      try {
        await queue;
        await log?.close();
      } finally {
        await lock.release();
      }
    },
    location: snapshotPath,
  };
  const headerBytes = () => Buffer.byteLength(logHeader(gen, seq, false, fingerprint));

  // Start: cut a torn last append, remove what the snapshot made obsolete, migrate an old
  // directory, or write the first snapshot; then append to the last generation.
  if (loaded.fresh || loaded.legacy) {
    const target = gen + 1;
    await switchGeneration(target, seq, false);
    const tmp = await writeSnapshotFile(target, seq, undefined);
    await installSnapshot(tmp!, target);
    if (loaded.legacy?.log) await fs.rename(loaded.legacy.log, `${legacyLogPathOf(dir, name)}.pre-v3`);
  } else {
    log = await fs.open(logPathOf(dir, name, gen), 'a+');
    if (loaded.tornBytes > 0) {
      await log.truncate(loaded.goodBytes);
      await log.datasync();
    }
    for (const path of loaded.obsolete) await fs.unlink(path).catch(() => {});
  }
  return store;
}

/** What puts back, in reverse order, the values the changes are about to overwrite. */
function undoOf(root: Record<string, unknown>, changes: readonly Change[]): () => void {
  const restores: { path: Path; depth: number; had: boolean; value: unknown }[] = [];
  for (const change of changes) {
    let node: unknown = root;
    let depth = 0;
    // The shallowest missing ancestor is what the change creates: deleting it undoes the change.
    for (; depth < change.path.length - 1; depth++) {
      const child = (node as Record<string, unknown>)[change.path[depth]!];
      if (child === undefined || child === null || typeof child !== 'object') break;
      node = child;
    }
    const key = change.path[depth]!;
    const holder = node as Record<string, unknown>;
    restores.push({
      path: change.path,
      depth,
      had: Object.hasOwn(holder, key),
      value: holder[key],
    });
  }
  return () => {
    for (let i = restores.length - 1; i >= 0; i--) {
      const { path, depth, had, value } = restores[i]!;
      let node = root;
      for (let d = 0; d < depth; d++) node = node[path[d]!] as Record<string, unknown>;
      if (had) node[path[depth]!] = value;
      else delete node[path[depth]!];
    }
  };
}
