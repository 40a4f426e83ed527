import type { Body } from './recording.js';

/**
 * What parity compares in two answers to the same request: the status, the media type, which
 * fields are present and their JSON types (values differ between any two states and are not
 * compared), and, in an error answer, the error code and message (normalised: ids the replay
 * learned, dates, uuids).
 */

export type DifferenceKind = 'status' | 'media-type' | 'body' | 'missing' | 'extra' | 'type' | 'value' | 'unreachable';

export interface Difference {
  /** The exchange's order in the recording. */
  seq: number;
  /** `METHOD /path` as recorded. */
  request: string;
  /** `status`, `header content-type`, `body`, `body.items[].label`... */
  path: string;
  kind: DifferenceKind;
  recorded?: string;
  simulator?: string;
}

/** Property names whose value, in an error answer, is the vendor's code or message (Sage GE, Quadra, Loop, OAuth). */
export const ERROR_VALUE_KEYS = new Set([
  '$dataCode',
  '$message',
  '$severity',
  'error',
  'error_description',
  'code',
  'message',
  'statusCode',
]);

/** `redacted`: a value the recorder replaced by a placeholder, whose type on the wire is unknown. */
type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array' | 'redacted';
const typeOf = (value: unknown): JsonType =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'string' && /^~redacted-\d+~$/.test(value)
        ? 'redacted'
        : (typeof value as JsonType);

interface Shape {
  types: Map<string, Set<JsonType>>;
  /** Arrays seen only empty: what their elements hold is not known. */
  emptyArrays: Set<string>;
}

export function shapeOf(value: unknown): Shape {
  const shape: Shape = { types: new Map(), emptyArrays: new Set() };
  const nonEmpty = new Set<string>();
  const visit = (v: unknown, path: string) => {
    const types = shape.types.get(path) ?? new Set<JsonType>();
    types.add(typeOf(v));
    shape.types.set(path, types);
    if (Array.isArray(v)) {
      if (v.length === 0) shape.emptyArrays.add(path);
      else nonEmpty.add(path);
      for (const item of v) visit(item, `${path}[]`);
    } else if (v && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) visit(child, `${path}.${key}`);
    }
  };
  visit(value, 'body');
  for (const path of nonEmpty) shape.emptyArrays.delete(path);
  return shape;
}

/** Replaces what differs between any two runs by its kind, so that only wording is compared. */
export function normaliseText(text: string, learned: ReadonlyMap<string, string> = new Map()): string {
  let out = text;
  // Longest first, so that an id is not replaced inside a longer one.
  for (const [recorded, replayed] of [...learned].sort((a, b) => b[0].length - a[0].length))
    if (recorded.length >= 4) out = out.split(recorded).join(replayed);
  return out
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>')
    .replace(/\b\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?\b/g, '<date>')
    .replace(/~redacted-\d+~/g, '<secret>');
}

const mediaType = (headers: Record<string, string>) =>
  (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();

function errorValues(value: unknown, path: string, out: Map<string, unknown>) {
  if (Array.isArray(value)) value.forEach((item, i) => errorValues(item, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) {
      const childPath = `${path}.${key}`;
      if (ERROR_VALUE_KEYS.has(key) && (typeof child === 'string' || typeof child === 'number'))
        out.set(childPath, child);
      else errorValues(child, childPath, out);
    }
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Body | null;
}

export function compareAnswers(
  seq: number,
  request: string,
  recorded: Answer,
  simulator: Answer,
  learned: ReadonlyMap<string, string>,
): Difference[] {
  const out: Difference[] = [];
  const diff = (d: Omit<Difference, 'seq' | 'request'>) => out.push({ seq, request, ...d });
  if (recorded.status !== simulator.status)
    diff({ path: 'status', kind: 'status', recorded: String(recorded.status), simulator: String(simulator.status) });
  const recordedType = mediaType(recorded.headers);
  const simulatorType = mediaType(simulator.headers);
  if (recordedType !== simulatorType)
    diff({
      path: 'header content-type',
      kind: 'media-type',
      recorded: recordedType || '(none)',
      simulator: simulatorType || '(none)',
    });

  const recordedKind = recorded.body?.kind ?? 'empty';
  const simulatorKind = simulator.body?.kind ?? 'empty';
  if (recordedKind !== simulatorKind) {
    diff({ path: 'body', kind: 'body', recorded: recordedKind, simulator: simulatorKind });
    return out;
  }
  if (recorded.body?.kind !== 'json' || simulator.body?.kind !== 'json') return out;

  const a = shapeOf(recorded.body.value);
  const b = shapeOf(simulator.body.value);
  const unknownElements = (path: string) =>
    [...a.emptyArrays, ...b.emptyArrays].some((arr) => path.startsWith(`${arr}[]`));
  // Only the outermost missing or extra field: its children are missing with it.
  const reported: string[] = [];
  const under = (path: string) => reported.some((p) => path.startsWith(`${p}.`) || path.startsWith(`${p}[]`));
  for (const path of new Set([...a.types.keys(), ...b.types.keys()])) {
    if (unknownElements(path) || under(path)) continue;
    const ta = a.types.get(path);
    const tb = b.types.get(path);
    if (ta && !tb) {
      reported.push(path);
      diff({ path, kind: 'missing', recorded: [...ta].join('|') });
    } else if (!ta && tb) {
      reported.push(path);
      diff({ path, kind: 'extra', simulator: [...tb].join('|') });
    } else if (ta && tb && !ta.has('redacted') && [...ta].sort().join('|') !== [...tb].sort().join('|')) {
      diff({ path, kind: 'type', recorded: [...ta].sort().join('|'), simulator: [...tb].sort().join('|') });
    }
  }

  if (recorded.status >= 400 || simulator.status >= 400) {
    const va = new Map<string, unknown>();
    const vb = new Map<string, unknown>();
    errorValues(recorded.body.value, 'body', va);
    errorValues(simulator.body.value, 'body', vb);
    for (const [path, value] of va) {
      if (!vb.has(path)) continue; // reported as missing above
      const x = normaliseText(String(value), learned);
      const y = normaliseText(String(vb.get(path)));
      if (x !== y)
        diff({
          path: path.replace(/\[\d+\]/g, '[]'),
          kind: 'value',
          recorded: String(value),
          simulator: String(vb.get(path)),
        });
    }
  }
  return out;
}
