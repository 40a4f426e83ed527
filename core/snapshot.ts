import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { applyChanges } from './changes.js';

/**
 * The store's snapshot file: one JSON document, written one chunk per line so that it can be read
 * back line by line. A large state (100,000 entries) is then never held as one text and one parsed
 * tree next to the state it becomes; each line is parsed, set at its path and dropped.
 *
 *   {"format":"ledgersim-state/2","seq":12,"chunks":[
 *   {"path":[],"value":{"tenants":{}}},
 *   {"path":["tenants","ENT-1"],"value":{… the entity's fields, its objects each on their own line …}},
 *   {"path":["tenants","ENT-1","files","F1","entries","ENT-000001"],"value":{…}},
 *   …
 *   ]}
 *
 * The older whole-state form, `{"format":"ledgersim-state/1","seq":…,"state":…}`, is still read.
 */
export const SNAPSHOT_FORMAT = 'ledgersim-state/2';

/** Subtrees with more than this many values are split into one chunk per child. */
const CHUNK_WEIGHT = 64;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The number of values in a subtree, counted up to `limit` (then it stops: only "big or not" matters). */
function weight(value: unknown, limit: number): number {
  if (value === null || typeof value !== 'object') return 1;
  let total = 1;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    total += weight(child, limit - total);
    if (total > limit) return total;
  }
  return total;
}

export function serializeSnapshot(state: unknown, seq: number): string {
  const lines: string[] = [];
  // A small subtree is one line; a bigger object is a line of its own without its object children,
  // each of which follows, emitted the same way (so 100,000 entries are 100,000 short lines).
  const emit = (path: string[], value: unknown) => {
    if (!isPlainObject(value) || weight(value, CHUNK_WEIGHT) <= CHUNK_WEIGHT) {
      lines.push(JSON.stringify({ path, value }));
      return;
    }
    const children: string[] = [];
    const skeleton: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (isPlainObject(child)) children.push(key);
      else skeleton[key] = child;
    }
    lines.push(JSON.stringify({ path, value: skeleton }));
    for (const key of children) emit([...path, key], value[key]);
  };
  emit([], state);
  return `${JSON.stringify({ format: SNAPSHOT_FORMAT, seq }).slice(0, -1)},"chunks":[\n${lines.join(',\n')}\n]}\n`;
}

export class SnapshotFormatError extends Error {}

/**
 * A large state repeats the same short strings (account numbers, journal codes, dates, labels);
 * JSON.parse makes a copy of each every time. Loading keeps one copy of each short string.
 */
const interned = new Map<string, string>();
function intern(_key: string, value: unknown): unknown {
  if (typeof value !== 'string' || value.length > 64) return value;
  const known = interned.get(value);
  if (known !== undefined) return known;
  if (interned.size < 100_000) interned.set(value, value);
  return value;
}

/**
 * Reads a snapshot file: the chunked form line by line, anything else (the older form, or the
 * chunked form on a single line) as a whole document.
 */
export async function readSnapshot(path: string): Promise<{ seq: number; state: unknown }> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = first.done ? undefined : /^\{"format":"ledgersim-state\/2","seq":(\d+),"chunks":\[$/.exec(first.value);
  if (!header) {
    lines.close();
    return parseWhole(await readFile(path, 'utf8'));
  }
  const root: { value?: unknown } = {};
  let lineNumber = 1;
  let ended = false;
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    lineNumber += 1;
    const line = next.value;
    if (line === ']}') {
      ended = true;
      continue;
    }
    if (ended) {
      if (line.trim() === '') continue;
      throw new SnapshotFormatError(`line ${lineNumber}: text after the end of the document`);
    }
    let chunk: { path: string[]; value: unknown };
    try {
      chunk = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line, intern);
    } catch (error) {
      throw new SnapshotFormatError(`line ${lineNumber} is not valid JSON (${(error as Error).message})`);
    }
    applyChunk(root, chunk, lineNumber);
  }
  interned.clear();
  if (!ended) throw new SnapshotFormatError(`the file ends before its last line "]}" (line ${lineNumber})`);
  return { seq: Number(header[1]), state: root.value };
}

function applyChunk(root: { value?: unknown }, chunk: { path: string[]; value: unknown }, lineNumber: number) {
  if (!chunk || !Array.isArray(chunk.path) || !chunk.path.every((p) => typeof p === 'string') || !('value' in chunk)) {
    throw new SnapshotFormatError(`line ${lineNumber}: expected {"path":[…],"value":…}`);
  }
  if (chunk.path.length === 0) root.value = chunk.value;
  else if (!isPlainObject(root.value)) throw new SnapshotFormatError(`line ${lineNumber}: a chunk before the root`);
  else {
    try {
      applyChanges(root.value, [{ op: 'set', path: chunk.path, value: chunk.value }]);
    } catch (error) {
      throw new SnapshotFormatError(`line ${lineNumber}: ${(error as Error).message}`);
    }
  }
}

function parseWhole(text: string): { seq: number; state: unknown } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new SnapshotFormatError(`not valid JSON (${(error as Error).message})`);
  }
  const d = document as { format?: unknown; seq?: unknown; state?: unknown; chunks?: unknown };
  if (isPlainObject(d) && d.format === 'ledgersim-state/1' && typeof d.seq === 'number' && 'state' in d)
    return { seq: d.seq, state: d.state };
  if (isPlainObject(d) && d.format === SNAPSHOT_FORMAT && typeof d.seq === 'number' && Array.isArray(d.chunks)) {
    const root: { value?: unknown } = {};
    d.chunks.forEach((chunk, i) => applyChunk(root, chunk as { path: string[]; value: unknown }, i + 1));
    return { seq: d.seq, state: root.value };
  }
  throw new SnapshotFormatError(
    `not a ledgersim state file (expected {"format":"${SNAPSHOT_FORMAT}","seq":…,"chunks":[…]}, or the older {"format":"ledgersim-state/1","seq":…,"state":…})`,
  );
}
