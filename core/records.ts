import { crc32 } from 'node:zlib';
import type { Change } from './changes.js';
import { applyChanges } from './changes.js';
import type { KeyIndex } from './key-index.js';

/**
 * The store's on-disk records (format 3). Every line carries a CRC-32 of its own bytes, as
 * LevelDB's log does per record, so that a changed digit or letter anywhere is caught, and a
 * sequence number (log records) or an index (snapshot chunks), so that a deleted, duplicated or
 * swapped line is caught too. Each line stays a JSON object, readable with any tool:
 *
 *   {"crc":"1c291ca3","seq":13,"changes":[…]}
 *
 * The CRC covers the bytes after `{"crc":"xxxxxxxx",` (the 18-byte prefix) up to the end of the
 * object (a snapshot chunk's separating comma excluded).
 */
export const STATE_FORMAT = 'ledgersim-state/3';
export const LOG_FORMAT = 'ledgersim-log/3';
const PREFIX = '{"crc":"';
const PREFIX_LENGTH = 18;

const hex = (n: number) => n.toString(16).padStart(8, '0');

/** A JSON object's text with its CRC as the first member. */
export function seal(json: string): string {
  const rest = json.slice(1);
  return `${PREFIX}${hex(crc32(rest))}",${rest}`;
}

/** Checks a sealed line and parses it; a string is the problem found. */
export function unseal(line: Buffer): Record<string, unknown> | string {
  if (
    line.length < PREFIX_LENGTH + 2 ||
    line.toString('latin1', 0, 8) !== PREFIX ||
    line.toString('latin1', 16, 18) !== '",'
  ) {
    return 'has no checksum (expected a line starting {"crc":"xxxxxxxx",)';
  }
  const expected = line.toString('latin1', 8, 16);
  const actual = hex(crc32(line.subarray(PREFIX_LENGTH)));
  if (expected !== actual)
    return `checksum mismatch (the line says ${expected}, its bytes give ${actual}): the line was changed after it was written`;
  try {
    const value = JSON.parse(line.toString('utf8')) as unknown;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'is not a JSON object';
    return value as Record<string, unknown>;
  } catch (error) {
    return `is not valid JSON (${(error as Error).message})`;
  }
}

export const logRecord = (seq: number, changes: readonly Change[]) => `${seal(JSON.stringify({ seq, changes }))}\n`;

/**
 * `logRecord`'s line as the bytes the log appends: the record is stringified once and encoded
 * once, and its CRC is taken over those bytes (a CRC of the string would encode it a second time).
 */
export function logRecordBytes(seq: number, changes: readonly Change[]): Buffer {
  const json = JSON.stringify({ seq, changes });
  // Encoded straight into the line's buffer, one byte before the prefix's end: the prefix's last
  // character (its comma) then takes the place of the record's opening brace. Joining prefix and
  // text first made one more copy of the whole record on the heap (two bytes a character once it
  // holds an accented letter) for the encoder to flatten.
  const line = Buffer.allocUnsafe(PREFIX_LENGTH + Buffer.byteLength(json));
  line.write(json, PREFIX_LENGTH - 1, 'utf8');
  EMPTY_PREFIX.copy(line, 0);
  line[line.length - 1] = 0x0a;
  // The 8 hex digits are written in place once the CRC of the bytes after the prefix is known.
  line.write(hex(crc32(line.subarray(PREFIX_LENGTH, line.length - 1))), PREFIX.length, 'latin1');
  return line;
}
/** The prefix before its CRC is known. */
const EMPTY_PREFIX = Buffer.from(`${PREFIX}00000000",`, 'latin1');
/**
 * A generation's first line. `schema` is the fingerprint of the state schema its writer held (see
 * `schemaFingerprint`): a reader that holds the same one may load it without validating it again.
 */
export const logHeader = (gen: number, after: number, replace: boolean, schema?: string) =>
  `${seal(JSON.stringify(schema === undefined ? { log: LOG_FORMAT, gen, after, replace } : { log: LOG_FORMAT, gen, after, replace, schema }))}\n`;

/** Subtrees with more than this many values are split into one chunk per child. */
const CHUNK_WEIGHT = 64;
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Listing an object's keys is one step that cannot be split (1,000,000 keys: up to a second on a
 * busy machine): a big object's keys come from the store's key index, a live set read a slice at
 * a time. Keys added after the snapshot's seq are in the log records it keeps. Nothing is cached
 * per object: a cache of every object's keys (a WeakMap) lived as long as the snapshot did, and at
 * 100,000 entries its tables made each young-generation collection 50 to 90 ms (`--trace-gc`).
 */
const keysOf = (index: KeyIndex | undefined, value: object): Iterable<string> =>
  index ? index.keysOf(value) : Object.keys(value);

function weight(index: KeyIndex | undefined, value: unknown, limit: number): number {
  if (value === null || typeof value !== 'object') return 1;
  let total = 1;
  if (Array.isArray(value)) {
    for (const child of value) {
      total += weight(index, child, limit - total);
      if (total > limit) return total;
    }
    return total;
  }
  for (const key of keysOf(index, value)) {
    total += weight(index, (value as Record<string, unknown>)[key], limit - total);
    if (total > limit) return total;
  }
  return total;
}

function* chunks(
  index: KeyIndex | undefined,
  path: string[],
  value: unknown,
): Generator<{ path: string[]; value: unknown }> {
  if (!isPlainObject(value) || weight(index, value, CHUNK_WEIGHT) <= CHUNK_WEIGHT) {
    yield { path, value };
    return;
  }
  if (index?.isBig(value)) {
    // A big object: an empty one, then each member as its own chunk, a key at a time (one pass
    // over all its keys to sort out the skeleton would be the long step the index avoids).
    yield { path, value: {} };
    for (const key of keysOf(index, value)) {
      const child = value[key];
      if (child === undefined) continue; // deleted since
      if (isPlainObject(child)) yield* chunks(index, [...path, key], child);
      else yield { path: [...path, key], value: child };
    }
    return;
  }
  const children: string[] = [];
  const skeleton: Record<string, unknown> = {};
  for (const key of keysOf(index, value)) {
    const child = value[key];
    if (child === undefined) continue; // deleted since the keys were listed
    if (isPlainObject(child)) children.push(key);
    else skeleton[key] = child;
  }
  yield { path, value: skeleton };
  // Read when reached, not when listed: the state may change between two turns of a snapshot
  // written across turns; a child deleted meanwhile is skipped (the log replays the rest).
  for (const key of children) {
    const child = value[key];
    if (isPlainObject(child)) yield* chunks(index, [...path, key], child);
  }
}

/**
 * The snapshot's lines, produced one at a time from the live state: a large state is never one
 * string. Each chunk is serialized when it is reached, so a snapshot written across several turns
 * of the event loop may hold some changes made after `seq`; the log records after `seq` are kept
 * and replayed over it (changes are blind sets and deletes, so replaying them is idempotent).
 */
export function* snapshotLines(
  state: unknown,
  seq: number,
  gen: number,
  index?: KeyIndex,
  schema?: string,
): Generator<string> {
  const header = schema === undefined ? { format: STATE_FORMAT, seq, gen } : { format: STATE_FORMAT, seq, gen, schema };
  const first = seal(JSON.stringify(header));
  let chain = chainCrc(first, 0);
  yield `${first.slice(0, -1)}${HEADER_END}\n`;
  let n = 0;
  for (const chunk of chunks(index, [], state)) {
    n += 1;
    const line = seal(JSON.stringify({ n, path: chunk.path, value: chunk.value }));
    chain = chainCrc(line, chain);
    yield `${n > 1 ? ',\n' : ''}${line}`;
  }
  yield `\n],"count":${n},"chain":"${hex(chain)}"}\n`;
}

/**
 * The snapshot's chain: a CRC over every line's own CRC, in order, written on its last line. A
 * line changed and sealed again (its CRC made right, as a careful forger or a buggy tool would)
 * breaks it: such a file is then validated with the schema instead of trusted as the store's own.
 */
const chainCrc = (sealedLine: string, chain: number) =>
  crc32(sealedLine.slice(PREFIX.length, PREFIX.length + 8), chain);

/** The complete lines of a stream (without `\n`), then the unterminated rest, if any. */
export async function* lines(source: AsyncIterable<Buffer>): AsyncGenerator<{ line: Buffer; complete: boolean }> {
  for await (const batch of lineBatches(source)) yield* batch;
}

/**
 * `lines`, a read's worth at a time: one await per read instead of one per line (a snapshot of
 * 1,000,000 entries is a million lines). A line across two reads is the only one copied.
 */
export async function* lineBatches(
  source: AsyncIterable<Buffer>,
): AsyncGenerator<{ line: Buffer; complete: boolean }[]> {
  let rest: Buffer | undefined;
  for await (const chunk of source) {
    const batch: { line: Buffer; complete: boolean }[] = [];
    let start = 0;
    if (rest) {
      const end = chunk.indexOf(10);
      if (end === -1) {
        rest = Buffer.concat([rest, chunk]);
        continue;
      }
      batch.push({ line: Buffer.concat([rest, chunk.subarray(0, end)]), complete: true });
      rest = undefined;
      start = end + 1;
    }
    for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
      batch.push({ line: chunk.subarray(start, end), complete: true });
      start = end + 1;
    }
    if (start < chunk.length) rest = Buffer.from(chunk.subarray(start));
    if (batch.length > 0) yield batch;
  }
  if (rest) yield [{ line: rest, complete: false }];
}

/** A damaged or unreadable data file: the file, the line (when one is at fault) and the problem. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly problem: string,
  ) {
    super(`${file}${line === undefined ? '' : `: line ${line}`}: ${problem}`);
    this.name = 'DataFileError';
  }
}

const HEADER_END = ',"chunks":[';

/**
 * A large state repeats the same strings (account numbers, journal codes, dates, labels, an
 * entry's label kept beside its request's, a comment template) and JSON.parse makes a new copy of
 * each every time: the loaded chunks share one copy of each. Long ones too: a repeated 300-character
 * comment was most of an entry's memory (two bytes a character with one accented letter in it).
 */
const INTERNED_LENGTH = 4096;
const INTERNED_COUNT = 100_000;
function internStrings(value: unknown, interned: Map<string, string>): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child = value[i];
      if (typeof child === 'string') value[i] = internOne(child, interned);
      else internStrings(child, interned);
    }
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (key === '__proto__') continue; // an own key from JSON.parse: an assignment would reach the setter
    const child = record[key];
    if (typeof child === 'string') record[key] = internOne(child, interned);
    else internStrings(child, interned);
  }
}
function internOne(text: string, interned: Map<string, string>): string {
  if (text.length > INTERNED_LENGTH) return text;
  const known = interned.get(text);
  if (known !== undefined) return known;
  if (interned.size < INTERNED_COUNT) interned.set(text, text);
  return text;
}

/** Reads and checks a format-3 snapshot line by line; every chunk is set at its path in a fresh state. */
export async function readSnapshotV3(
  file: string,
  source: AsyncIterable<Buffer>,
  /** Told of each chunk set below the root, once it is set (the loader counts each object's members). */
  onChunk?: (root: Record<string, unknown>, path: string[]) => void,
): Promise<{
  seq: number;
  gen: number;
  schema?: string;
  state: unknown;
  chunks: number;
  /** The last line's chain matches every line read (see `chainCrc`): no line was sealed again since. */
  intact: boolean;
}> {
  const root: { value?: unknown } = {};
  const interned = new Map<string, string>();
  let lineNumber = 0;
  let header: { seq: number; gen: number; schema?: string } | undefined;
  let expected = 1;
  let ended: number | undefined;
  let chain = 0;
  let intact = false;
  for await (const batch of lineBatches(source))
    for (const { line, complete } of batch) {
      lineNumber += 1;
      if (!complete) throw new DataFileError(file, lineNumber, 'the file ends in the middle of a line (cut short)');
      if (lineNumber === 1) {
        const text = line.toString('utf8');
        if (!text.endsWith(HEADER_END)) throw new DataFileError(file, 1, `not a ${STATE_FORMAT} header`);
        const parsed = unseal(Buffer.from(`${text.slice(0, -HEADER_END.length)}}`));
        if (typeof parsed === 'string') throw new DataFileError(file, 1, `the header ${parsed}`);
        chain = crc32(line.subarray(PREFIX.length, PREFIX.length + 8), chain);
        if (parsed.format !== STATE_FORMAT || !Number.isSafeInteger(parsed.seq) || !Number.isSafeInteger(parsed.gen))
          throw new DataFileError(file, 1, `not a ${STATE_FORMAT} header`);
        header = {
          seq: parsed.seq as number,
          gen: parsed.gen as number,
          ...(typeof parsed.schema === 'string' ? { schema: parsed.schema } : {}),
        };
        continue;
      }
      if (ended !== undefined) {
        if (line.length === 0) continue;
        throw new DataFileError(file, lineNumber, 'text after the end of the document');
      }
      // Only the last line starts with "]": the others are not copied into a string to be tested.
      const end =
        line[0] === 93 /* ] */
          ? /^\],"count":(\d+)(?:,"chain":"([0-9a-f]{8})")?\}$/.exec(line.toString('latin1'))
          : null;
      if (end) {
        intact = end[2] === hex(chain);
        const count = Number(end[1]);
        if (count !== expected - 1)
          throw new DataFileError(
            file,
            lineNumber,
            `the snapshot says it has ${count} chunks, ${expected - 1} were read: lines were added or removed`,
          );
        ended = lineNumber;
        continue;
      }
      const body = line[line.length - 1] === 44 /* , */ ? line.subarray(0, -1) : line;
      const chunk = unseal(body);
      if (typeof chunk === 'string') throw new DataFileError(file, lineNumber, chunk);
      chain = crc32(body.subarray(PREFIX.length, PREFIX.length + 8), chain);
      if (chunk.n !== expected)
        throw new DataFileError(
          file,
          lineNumber,
          `chunk ${String(chunk.n)} where chunk ${expected} was expected: a line was deleted, repeated or moved`,
        );
      expected += 1;
      internStrings(chunk, interned);
      const path = chunk.path;
      if (!Array.isArray(path) || !path.every((p) => typeof p === 'string') || !('value' in chunk))
        throw new DataFileError(file, lineNumber, 'expected {"n":…,"path":[…],"value":…}');
      if (path.length === 0) root.value = chunk.value;
      else if (!isPlainObject(root.value)) throw new DataFileError(file, lineNumber, 'a chunk before the root');
      else {
        try {
          applyChanges(root.value, [{ op: 'set', path, value: chunk.value }]);
        } catch (error) {
          throw new DataFileError(file, lineNumber, (error as Error).message);
        }
        onChunk?.(root.value, path);
      }
    }
  if (!header) throw new DataFileError(file, undefined, 'the file is empty');
  if (ended === undefined)
    throw new DataFileError(file, lineNumber, 'the file ends before its last line "],"count":…}" (cut short)');
  return { ...header, state: root.value, chunks: expected - 1, intact };
}

export interface LogHeader {
  gen: number;
  after: number;
  replace: boolean;
  /** The fingerprint of the schema its writer held, when it said (see `logHeader`). */
  schema?: string;
}

/** One log generation, checked: its header, then records numbered after+1, after+2…; a torn last piece is reported, not applied. */
export async function* readLog(
  file: string,
  source: AsyncIterable<Buffer>,
): AsyncGenerator<
  | { kind: 'header'; header: LogHeader; bytes: number }
  | { kind: 'record'; seq: number; changes: Change[]; bytes: number; line: number }
  | { kind: 'torn'; bytes: number; line: number }
> {
  let lineNumber = 0;
  let header: LogHeader | undefined;
  let next = 0;
  for await (const { line, complete } of lines(source)) {
    lineNumber += 1;
    if (!complete) {
      yield { kind: 'torn', bytes: line.length, line: lineNumber };
      return;
    }
    const record = unseal(line);
    if (typeof record === 'string') throw new DataFileError(file, lineNumber, record);
    if (lineNumber === 1) {
      if (
        record.log !== LOG_FORMAT ||
        !Number.isSafeInteger(record.gen) ||
        !Number.isSafeInteger(record.after) ||
        typeof record.replace !== 'boolean'
      )
        throw new DataFileError(file, 1, `not a ${LOG_FORMAT} header`);
      header = {
        gen: record.gen as number,
        after: record.after as number,
        replace: record.replace as boolean,
        ...(typeof record.schema === 'string' ? { schema: record.schema } : {}),
      };
      next = header.after + 1;
      yield { kind: 'header', header, bytes: line.length + 1 };
      continue;
    }
    if (record.seq !== next) {
      const seen = typeof record.seq === 'number' ? `record ${record.seq}` : 'a record without a sequence number';
      throw new DataFileError(
        file,
        lineNumber,
        `${seen} where record ${next} was expected: a record was deleted, repeated or moved`,
      );
    }
    if (!Array.isArray(record.changes)) throw new DataFileError(file, lineNumber, 'a record without its changes');
    next += 1;
    yield {
      kind: 'record',
      seq: record.seq as number,
      changes: record.changes as Change[],
      bytes: line.length + 1,
      line: lineNumber,
    };
  }
}
