import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { nodeFileLayer, type FileLayer } from '../core/file-layer.js';

/**
 * `DIR/clock.json` with `--data`: where the server's clock was, and every tenant's own time line
 * (a scenario's tenant three nights ahead, a frozen one). A restart without it would show the
 * machine's date, behind the entries stored while the clock was moved.
 */

/** One tenant's line: flowing with the server's clock at an offset, or standing at an instant. */
const SavedLineSchema = z.union([
  z.object({ offsetMs: z.number().finite() }).strict(),
  z.object({ frozenAt: z.iso.datetime({ offset: true }) }).strict(),
]);
export type SavedLine = z.infer<typeof SavedLineSchema>;

export const SavedClockSchema = z.object({
  mode: z.enum(['live', 'frozen']),
  /** The server's virtual instant when it was saved. */
  now: z.iso.datetime({ offset: true }),
  /** Live: virtual minus real, in ms, which a restart keeps (virtual time went on while it was down). */
  offsetMs: z.number().finite().optional(),
  /** Simulator → tenant id → its line (absent in files written before tenants had lines). */
  tenants: z.record(z.string(), z.record(z.string(), SavedLineSchema)).optional(),
});
export type SavedClock = z.infer<typeof SavedClockSchema>;

export const CLOCK_FILE = 'clock.json';

export type ClockFileRead =
  | { kind: 'saved'; saved: SavedClock }
  | { kind: 'absent' }
  /** Torn by a crash of something other than this writer (it renames whole files), or edited by hand. */
  | { kind: 'damaged'; problem: string };

export async function readClockFile(file: string): Promise<ClockFileRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'damaged', problem: (error as Error).message };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'damaged', problem: `not JSON (${(error as Error).message})` };
  }
  const parsed = SavedClockSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { kind: 'damaged', problem: `${issue.path.join('.') || '(root)'}: ${issue.message}` };
  }
  return { kind: 'saved', saved: parsed.data };
}

export interface ClockFileOptions {
  dir: string;
  /** The file's content now; read when a write starts, so a write covers every move before it. */
  serialize: () => SavedClock;
  /** A write that failed (disk full): said, and retried at the next move or flush. */
  warn: (text: string) => void;
  fs?: FileLayer;
}

export interface ClockFile {
  /** A clock moved: a write is queued (one at a time; moves during a write share the next one). */
  schedule(): void;
  /** Resolves once everything scheduled before the call is on disk (or failed, and was said). */
  flush(): Promise<void>;
  /** Whether a move is not on disk yet. */
  readonly pending: boolean;
}

/**
 * Writes the clock file off the request path: a move only marks it dirty; one write at a time
 * (tmp file, fsync, rename, fsync of the directory) carries every move made before it started.
 * Nothing waits for it but what asks (`flush`): vendor requests never do.
 */
export function createClockFile(options: ClockFileOptions): ClockFile {
  const fs = options.fs ?? nodeFileLayer;
  const file = join(options.dir, CLOCK_FILE);
  const tmp = `${file}.tmp`;
  let dirty = false;
  let running: Promise<void> | undefined;
  /** What is on disk: a live clock's wake-ups notify with nothing changed to save. */
  let written: string | undefined;

  const write = async (text: string) => {
    await fs.mkdir(options.dir);
    const handle = await fs.open(tmp, 'w');
    try {
      await handle.write(Buffer.from(text));
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
    await fs.syncDir(options.dir);
  };
  const drain = async () => {
    // Let the moves of this turn (a whole batch of tenant lines put) share one write.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (dirty) {
      dirty = false;
      const saved = options.serialize();
      const key = JSON.stringify(content(saved));
      if (key === written) continue;
      try {
        await write(`${JSON.stringify(saved)}\n`);
        written = key;
      } catch (error) {
        dirty = true;
        options.warn(
          `ledgersim: could not save the clock to ${file} (${(error as Error).message}); it is retried at the next move`,
        );
        return;
      }
    }
  };
  const schedule = () => {
    dirty = true;
    running ??= drain().finally(() => {
      running = undefined;
    });
  };
  return {
    schedule,
    flush() {
      if (dirty && !running) schedule();
      return running ?? Promise.resolve();
    },
    get pending() {
      return dirty || running !== undefined;
    },
  };
}

/** A live clock's `now` changes every millisecond: what is compared before a write leaves it out. */
function content(saved: SavedClock): SavedClock {
  return saved.mode === 'live' ? { ...saved, now: '' } : saved;
}

/** Instants the state holds that lie ahead by design (an import due, a certificate's expiry). */
const AHEAD = /(due|visible|expires)At$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * The latest instant a stored state records as past (an entry received, a dossier opened): where a
 * clock with no saved instant starts at the earliest, so that nothing stored is in its future.
 * Our own choice of what counts: a key ending in `At` holding an ISO instant, except the ones
 * naming something to come (`dueAt`, `visibleAt`, `expiresAt`).
 */
export function latestRecordedInstant(state: unknown): number | undefined {
  let latest: number | undefined;
  const stack: unknown[] = [state];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    for (const key in value) {
      const field = (value as Record<string, unknown>)[key];
      if (typeof field === 'string') {
        if (!key.endsWith('At') || AHEAD.test(key) || !INSTANT.test(field)) continue;
        const ms = Date.parse(field);
        if (Number.isFinite(ms) && (latest === undefined || ms > latest)) latest = ms;
      } else if (field !== null && typeof field === 'object') stack.push(field);
    }
  }
  return latest;
}
