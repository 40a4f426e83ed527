import type { z } from 'zod';

export interface InPlaceIssue {
  path: (string | number)[];
  message: string;
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  valueType?: z.ZodType;
  keyType?: z.ZodType;
  checks?: unknown[];
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
};
const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;

const WRAPS = ['innerType', 'element', 'catchall', 'valueType', 'in', 'out', 'left', 'right', 'rest'] as const;
const holdsRecords = new WeakMap<z.ZodType, boolean>();

/**
 * Whether values of this schema can hold a record (or a lazy schema, which may): an object schema
 * without one is bounded (an entry, its lines) and is parsed in one call, which at 100,000 entries
 * costs a fraction of walking its twenty fields one `safeParse` and one path array each.
 */
function mayHoldRecords(schema: z.ZodType): boolean {
  const known = holdsRecords.get(schema);
  if (known !== undefined) return known;
  holdsRecords.set(schema, true); // while it is looked at: a cycle counts as unbounded
  const def = defOf(schema);
  const children: z.ZodType[] = [
    ...Object.values(def.shape ?? {}),
    ...(def.options ?? []),
    ...(def.items ?? []),
    ...WRAPS.map((key) => def[key]).filter((child): child is z.ZodType => !!child && typeof child === 'object'),
  ];
  const result =
    def.type === 'record' ||
    def.type === 'map' ||
    def.type === 'lazy' ||
    children.some((child) => mayHoldRecords(child));
  holdsRecords.set(schema, result);
  return result;
}

/**
 * Validates a large state with its schema without building a second copy of it: plain objects
 * and records are walked, and each piece below them is parsed on its own and written back in
 * place (defaults applied, unknown keys of a strict object refused, of a plain object dropped).
 * Anything else (objects that hold no record, refined objects, unions, arrays...) is parsed whole,
 * as `schema.parse` would, and the loaded value kept when the parse changed nothing.
 * Loading 100,000 stored entries this way keeps one copy of them in memory, not two.
 * Returns the validated value (the same object, for objects and records) or the first issue.
 */
export function validateInPlace(
  schema: z.ZodType,
  value: unknown,
  path: (string | number)[] = [],
): { ok: true; value: unknown } | { ok: false; issue: InPlaceIssue } {
  const def = defOf(schema);
  const isPlainObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  if (def.type === 'object' && !def.checks?.length && isPlainObject && def.shape && mayHoldRecords(schema)) {
    const target = value as Record<string, unknown>;
    const strict = def.catchall && defOf(def.catchall).type === 'never';
    for (const key of Object.keys(target)) {
      if (Object.hasOwn(def.shape, key)) continue;
      if (strict) return { ok: false, issue: { path: [...path], message: `Unrecognized key: "${key}"` } };
      if (!def.catchall) {
        delete target[key];
        continue;
      }
      // A loose object (catchall): unknown keys are kept, checked with the catchall's schema.
      const result = validateInPlace(def.catchall, target[key], [...path, key]);
      if (!result.ok) return result;
      target[key] = result.value;
    }
    for (const [key, fieldSchema] of Object.entries(def.shape)) {
      const result = validateInPlace(fieldSchema, target[key], [...path, key]);
      if (!result.ok) return result;
      if (result.value === undefined) delete target[key];
      else target[key] = result.value;
    }
    return { ok: true, value: target };
  }
  if (def.type === 'record' && !def.checks?.length && isPlainObject && def.valueType && def.keyType) {
    const target = value as Record<string, unknown>;
    for (const key of Object.keys(target)) {
      const keyResult = def.keyType.safeParse(key);
      if (!keyResult.success)
        return {
          ok: false,
          issue: { path: [...path, key], message: keyResult.error.issues[0]?.message ?? 'invalid key' },
        };
      const result = validateInPlace(def.valueType, target[key], [...path, key]);
      if (!result.ok) return result;
      target[key] = result.value;
    }
    return { ok: true, value: target };
  }
  const parsed = schema.safeParse(value);
  // When the parse changed nothing, the loaded value is kept and zod's fresh copy is dropped at
  // once: the copy dies young, while keeping it would leave the loaded value as garbage in the old
  // generation, which the heap keeps the room of (about 60 MB at 100,000 stored entries).
  if (parsed.success) return { ok: true, value: sameJson(parsed.data, value) ? value : parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, issue: { path: [...path, ...(issue.path as (string | number)[])], message: issue.message } };
}

/** Deep equality of two JSON-like values (what a state file holds: no dates, maps or cycles). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
      return false;
  }
  return true;
}
