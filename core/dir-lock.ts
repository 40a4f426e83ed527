import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * One process per data directory. Two processes appending to the same log generations, each
 * compacting and deleting the other's, corrupt them; so the first to open a directory writes a
 * lock file naming its process, and a second one refuses to start, naming the directory and that
 * process. The scheme is PostgreSQL's `postmaster.pid`: the file is created exclusively
 * (`O_CREAT | O_EXCL`); a lock whose process is gone (a `kill -9`, a crash, a reboot) is stale and
 * is taken over with a warning. LevelDB's `LOCK` uses `fcntl` locks, which the kernel releases
 * with the process; Node has no such call, hence a process id, checked the way PostgreSQL does:
 * alive if signal 0 reaches it. A process id can be reused after a crash, so the lock also keeps
 * the process's start time (Linux's `/proc/<pid>/stat`), and a live process that started at
 * another time is not the holder.
 *
 * The lock belongs to the process: the stores one process opens on a directory (one per
 * simulator, or a store reopened after a simulated crash) share it; it goes with the last one
 * closed, or when the process exits. Two processes that both find a stale lock at the same instant
 * may both take it over (PostgreSQL has the same window); a live holder is never taken over.
 */
export const LOCK_FILE = 'ledgersim.lock';

export class DirectoryLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
    readonly file: string,
  ) {
    super(
      `the data directory ${dir} is in use by process ${pid} (${file}): stop that process, or start with another --data directory`,
    );
    this.name = 'DirectoryLockedError';
  }
}

export interface DirectoryLock {
  /** Lets go of this open's share; the file goes with the process's last one. */
  release(): Promise<void>;
}

interface Held {
  count: number;
  path: string;
  /** Whether this process wrote the file (a copy of a directory this process holds is not removed). */
  created: boolean;
  content: string;
}

const held = new Map<string, Held>();
let exitHook = false;

/** The start time of a process, in clock ticks since boot (Linux), or undefined where unknown. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // `pid (command) state ppid …`: the command may hold spaces and parentheses; fields follow the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}

/** Whether the process is running (a zombie, killed and not yet reaped, is not). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, under another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

function parse(content: string): { pid: number; started?: string } | undefined {
  const [pidLine, startedLine] = content.split('\n');
  const pid = Number(pidLine);
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  return startedLine ? { pid, started: startedLine } : { pid };
}

const ownContent = () => `${process.pid}\n${processStartTime(process.pid) ?? ''}\n`;

/**
 * Takes the directory for this process, or throws a `DirectoryLockedError` naming the process
 * that holds it. `warn` is told when a stale lock is taken over.
 */
export async function lockDirectory(
  dir: string,
  options: { warn?: (message: string) => void } = {},
): Promise<DirectoryLock> {
  const key = resolve(dir);
  const path = join(key, LOCK_FILE);
  const warn = options.warn ?? ((message: string) => console.warn(message));
  let entry = held.get(key);
  if (!entry) {
    entry = await acquire(key, path, warn);
    held.set(key, entry);
    if (!exitHook) {
      exitHook = true;
      process.once('exit', () => {
        for (const lock of held.values()) if (lock.created) removeIfOurs(lock);
      });
    }
  }
  entry.count += 1;
  const mine = entry;
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      mine.count -= 1;
      if (mine.count > 0 || held.get(key) !== mine) return;
      held.delete(key);
      if (mine.created) removeIfOurs(mine);
    },
  };
}

function removeIfOurs(lock: Held) {
  try {
    if (readFileSync(lock.path, 'utf8') === lock.content) unlinkSync(lock.path);
  } catch {
    // already gone
  }
}

async function acquire(dir: string, path: string, warn: (message: string) => void): Promise<Held> {
  const content = ownContent();
  for (let attempt = 0; ; attempt++) {
    try {
      const file = await open(path, 'wx');
      try {
        await file.writeFile(content);
        await file.datasync();
      } finally {
        await file.close();
      }
      return { count: 0, path, created: true, content };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 20) throw error;
    }
    let found: string;
    try {
      found = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile: try again
      throw error;
    }
    const holder = parse(found);
    if (!holder && attempt < 3) {
      // Created but not yet written by another starting process: give it a moment.
      await new Promise((done) => setTimeout(done, 50));
      continue;
    }
    if (holder?.pid === process.pid) {
      // This process's own id: a copy of a directory it holds, or a lock left by an earlier
      // process that had the same id (a container's pid 1). Either way nobody else holds it.
      if (!holder.started || holder.started === processStartTime(process.pid))
        return { count: 0, path, created: false, content: found };
    } else if (holder && running(holder.pid)) {
      const started = holder.started ? processStartTime(holder.pid) : undefined;
      if (!holder.started || started === undefined || started === holder.started)
        throw new DirectoryLockedError(dir, holder.pid, path);
    }
    warn(
      holder
        ? `ledgersim: ${path} names process ${holder.pid}, which is no longer running (stopped by kill -9 or a crash?): taking the directory over`
        : `ledgersim: ${path} names no process (${JSON.stringify(found.slice(0, 40))}): taking the directory over`,
    );
    await unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}
