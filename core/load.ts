import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { applyChanges, type Change } from './changes.js';
import type { FileLayer } from './file-layer.js';
import { DataFileError, lines, readLog, readSnapshotV3, type LogHeader } from './records.js';
import { readSnapshot, SnapshotFormatError } from './snapshot.js';

/**
 * What a data directory holds for one store, read and checked without changing anything: the
 * store opens from it, and `ledgersim check` reports it.
 *
 * Files: `<name>.json` (the snapshot: its seq, and the log generation that continues it) and
 * `<name>.<gen>.log` (log generations). A compaction or a replace starts a new generation, writes
 * the snapshot beside it, and only then removes the older generations; a crash at any point
 * leaves a directory that reads back to every acknowledged write:
 * - generations older than the snapshot's are stale (their records are in the snapshot);
 * - a newer generation started by a replace whose snapshot never completed holds nothing that
 *   was acknowledged (writes after a replace are acknowledged only once it is durable): skipped;
 * - any other newer generation continues the chain: its first record follows the last one read.
 */
export interface LoadedData {
  state: unknown;
  seq: number;
  /** The snapshot's generation (0 when there was no snapshot). */
  snapshotGen: number;
  /** The generation to append to next (the last one kept), and its length up to its last complete record. */
  gen: number;
  goodBytes: number;
  /** Bytes past the last complete record of the last generation (a torn append, never acknowledged). */
  tornBytes: number;
  records: number;
  chunks: number;
  /** Files the store may delete at start: stale generations and unfinished replaces. */
  obsolete: string[];
  /** The directory is in the format before checksums: it is read as it was and migrated at start. */
  legacy?: { snapshot?: string; log?: string };
  fresh: boolean;
  /**
   * The snapshot's big objects with their keys, in order (see `collectionsOf`): the key index
   * takes them as they are instead of walking the whole state to find them (about 3 s at
   * 1,000,000 entries) and listing each. Exact only for a load that replays no log record.
   */
  collections: [object, string[]][];
  /**
   * Whether the state is a snapshot written by a store holding the schema fingerprint asked for
   * (its header says so, its chain that no line was sealed again since) with no log record after
   * it: the state is then what that schema validated, and need not be validated again.
   */
  trusted: boolean;
}

export const snapshotPathOf = (dir: string, name: string) => join(dir, `${name}.json`);
export const logPathOf = (dir: string, name: string, gen: number) => join(dir, `${name}.${gen}.log`);
export const legacyLogPathOf = (dir: string, name: string) => join(dir, `${name}.log`);

/**
 * The fingerprint of a state schema, written in each file's header: a store that reads a file
 * written under the same fingerprint knows its content passed that schema (the checksums say it
 * is unchanged since), and skips validating it again, which was most of a large start-up (about
 * 20 s of CPU at 1,000,000 entries). Taken over the schema's JSON Schema (types, required keys,
 * defaults, formats), so changing a field, a default or a rule it shows gives a new one; a schema
 * that cannot be rendered has none, and its files are always validated.
 */
export function schemaFingerprint(schema: z.ZodType): string | undefined {
  try {
    const json = JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }));
    return createHash('sha256').update(json).digest('hex').slice(0, 16);
  } catch {
    return undefined;
  }
}

/**
 * The snapshot's collections and their keys, as it is read. The writer gives a big object as an
 * empty object, then one chunk per member: every key such an object ends up with comes from a
 * later chunk, so its keys are known, in order, without listing them (`Object.keys` of a
 * 1,000,000-key object is a long step of its own) or walking the state to find it.
 */
function collectionsOf() {
  const announced = new Map<object, string[]>();
  return {
    onChunk(root: Record<string, unknown>, path: readonly string[]) {
      let node: unknown = root;
      for (let i = 0; i < path.length - 1 && node !== null && typeof node === 'object'; i++)
        node = (node as Record<string, unknown>)[path[i]!];
      if (node === null || typeof node !== 'object') return;
      const key = path[path.length - 1]!;
      announced.get(node as object)?.push(key);
      const value = (node as Record<string, unknown>)[key];
      if (value !== null && typeof value === 'object' && !Array.isArray(value) && isEmpty(value))
        announced.set(value, []);
    },
    found: () => [...announced].filter(([, keys]) => keys.length >= COLLECTION_MEMBERS),
  };
}
/** The fewest members for a collection to be handed to the key index (it keeps those past its own threshold). */
const COLLECTION_MEMBERS = 64;

function isEmpty(value: object): boolean {
  for (const _ in value) return false;
  return true;
}

export async function loadData(
  fs: FileLayer,
  dir: string,
  name: string,
  options: { schema?: string } = {},
): Promise<LoadedData> {
  const snapshotPath = snapshotPathOf(dir, name);
  const legacyLog = legacyLogPathOf(dir, name);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.log$`);
  const gens = names
    .map((f) => pattern.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
  const snapshotSize = await fs.size(snapshotPath);
  const legacyLogSize = await fs.size(legacyLog);

  if (gens.length === 0 && (legacyLogSize !== undefined || snapshotSize !== undefined)) {
    const first = snapshotSize ? await firstBytes(fs, snapshotPath) : '';
    if (legacyLogSize !== undefined || !first.startsWith('{"crc":'))
      return loadLegacy(fs, snapshotPath, snapshotSize, legacyLog, legacyLogSize);
  }

  let state: unknown;
  let seq = 0;
  let snapshotGen = 0;
  let chunks = 0;
  let trusted = options.schema !== undefined;
  const collections = collectionsOf();
  if (snapshotSize !== undefined) {
    if (snapshotSize === 0) throw new DataFileError(snapshotPath, undefined, 'the file is empty');
    const snap = await readSnapshotV3(snapshotPath, fs.read(snapshotPath), collections.onChunk);
    ({ state, seq, chunks } = snap);
    snapshotGen = snap.gen;
    if (snap.schema !== options.schema || !snap.intact) trusted = false;
  } else if (gens.length > 0) {
    throw new DataFileError(
      snapshotPath,
      undefined,
      `the snapshot is missing while log generations ${gens.join(', ')} are there`,
    );
  }

  const obsolete: string[] = [];
  let gen = snapshotGen;
  let goodBytes = 0;
  let tornBytes = 0;
  let records = 0;
  let lastKept: number | undefined;
  let previous: number | undefined;
  for (const g of gens) {
    const path = logPathOf(dir, name, g);
    if (g < snapshotGen) {
      obsolete.push(path);
      continue;
    }
    const expectedGen = previous === undefined ? snapshotGen : previous + 1;
    if (g !== expectedGen && !(await isUnfinishedReplace(fs, path))) {
      throw new DataFileError(
        path,
        undefined,
        `log generation ${g} where generation ${expectedGen} was expected: a log file is missing`,
      );
    }
    previous = g;
    let header: LogHeader | undefined;
    let bytes = 0;
    let torn = 0;
    const pendingRecords: { seq: number; changes: Change[] }[] = [];
    for await (const item of readLog(path, fs.read(path))) {
      if (item.kind === 'header') {
        header = item.header;
        bytes += item.bytes;
        if (header.gen !== g)
          throw new DataFileError(path, 1, `the header says generation ${header.gen}, the file name ${g}`);
        if (g > snapshotGen && header.replace) break; // an unfinished replace: nothing in it was acknowledged
        if (header.after !== seq)
          throw new DataFileError(
            path,
            1,
            `the generation starts after record ${header.after}, but the last record before it is ${seq}: records are missing`,
          );
        continue;
      }
      if (item.kind === 'torn') {
        torn = item.bytes;
        break;
      }
      pendingRecords.push(item);
      bytes += item.bytes;
      if (pendingRecords.length >= 1024) {
        for (const r of pendingRecords.splice(0)) apply(state, r, path);
      }
      seq = item.seq;
      records += 1;
    }
    if (!header) {
      // Created but its header never completed: the switch to it was never acknowledged.
      if (g === gens[gens.length - 1] && g > snapshotGen) {
        obsolete.push(path);
        continue;
      }
      throw new DataFileError(path, 1, 'the file has no complete header line');
    }
    if (g > snapshotGen && header.replace) {
      obsolete.push(path);
      continue;
    }
    for (const r of pendingRecords) apply(state, r, path);
    if (header.schema !== options.schema) trusted = false;
    if (torn > 0 && g !== gens[gens.length - 1])
      throw new DataFileError(
        path,
        undefined,
        `the last line is cut short (${torn} bytes) and a later generation follows it`,
      );
    lastKept = g;
    gen = g;
    goodBytes = bytes;
    tornBytes = torn;
  }
  if (snapshotSize !== undefined && lastKept === undefined)
    throw new DataFileError(
      logPathOf(dir, name, snapshotGen),
      undefined,
      `the log generation ${snapshotGen} named by the snapshot is missing`,
    );
  return {
    state,
    seq,
    snapshotGen,
    gen,
    goodBytes,
    tornBytes,
    records,
    chunks,
    obsolete,
    fresh: snapshotSize === undefined,
    // Log records are trusted only through a snapshot: a restart after a crash (records to
    // replay) validates the whole state, a start after a clean stop (its final snapshot) does not.
    trusted: trusted && snapshotSize !== undefined && records === 0,
    // Only what the snapshot announced: log records (set, delete) are not followed, and a load
    // that replays any is walked instead (see the store).
    collections: collections.found(),
  };
}

function apply(state: unknown, record: { seq: number; changes: Change[]; line?: number }, path: string) {
  try {
    applyChanges(state as Record<string, unknown>, record.changes);
  } catch (error) {
    throw new DataFileError(path, record.line, `record ${record.seq} cannot be applied: ${(error as Error).message}`);
  }
}

async function isUnfinishedReplace(fs: FileLayer, path: string): Promise<boolean> {
  for await (const { line, complete } of lines(fs.read(path)))
    return complete && /"replace":true\}$/.test(line.toString('latin1'));
  return true;
}

async function firstBytes(fs: FileLayer, path: string): Promise<string> {
  for await (const chunk of fs.read(path)) return chunk.toString('latin1', 0, 16);
  return '';
}

/**
 * The format before checksums (`ledgersim-state/1` or `/2` and one `<name>.log` of unchecked
 * records). It is read with the rules it was written with (a torn last line dropped), and the
 * store rewrites it in the current format at start (the old log is kept as `<name>.log.pre-v3`).
 */
async function loadLegacy(
  fs: FileLayer,
  snapshotPath: string,
  snapshotSize: number | undefined,
  logPath: string,
  logSize: number | undefined,
): Promise<LoadedData> {
  let state: unknown;
  let seq = 0;
  if (snapshotSize !== undefined) {
    try {
      ({ state, seq } = await readSnapshot(snapshotPath));
    } catch (error) {
      if (error instanceof SnapshotFormatError) {
        const line = /^line (\d+)/.exec(error.message);
        throw new DataFileError(
          snapshotPath,
          line ? Number(line[1]) : undefined,
          error.message.replace(/^line \d+:? ?/, ''),
        );
      }
      throw error;
    }
  }
  let records = 0;
  if (logSize !== undefined) {
    let lineNumber = 0;
    for await (const { line, complete } of lines(fs.read(logPath))) {
      lineNumber += 1;
      if (!complete) break;
      let record: { seq?: unknown; changes?: unknown };
      try {
        record = JSON.parse(line.toString('utf8'));
      } catch (error) {
        throw new DataFileError(logPath, lineNumber, `is not valid JSON (${(error as Error).message})`);
      }
      if (!record || typeof record.seq !== 'number' || !Array.isArray(record.changes))
        throw new DataFileError(logPath, lineNumber, 'expected {"seq":…,"changes":[…]}');
      if (record.seq > seq) {
        if (state === undefined) throw new DataFileError(logPath, lineNumber, 'a log without its snapshot');
        apply(state, { seq: record.seq, changes: record.changes as Change[], line: lineNumber }, logPath);
        seq = record.seq;
        records += 1;
      }
    }
  }
  return {
    state,
    seq,
    snapshotGen: 0,
    gen: 0,
    goodBytes: 0,
    tornBytes: 0,
    records,
    chunks: 0,
    obsolete: [],
    legacy: {
      ...(snapshotSize !== undefined ? { snapshot: snapshotPath } : {}),
      ...(logSize !== undefined ? { log: logPath } : {}),
    },
    fresh: false,
    trusted: false,
    collections: [],
  };
}
