import type { z } from 'zod';

export interface InPlaceIssue {
  path: (string | number)[];
  message: string;
}

type Def = { type: string; shape?: Record<string, z.ZodType>; catchall?: z.ZodType; valueType?: z.ZodType; keyType?: z.ZodType; checks?: unknown[] };
const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;

/**
 * Validates a large state with its schema without building a second copy of it: plain objects
 * and records are walked, and each piece below them is parsed on its own and written back in
 * place (defaults applied, unknown keys of a strict object refused, of a plain object dropped).
 * Anything else (refined objects, unions, arrays...) is parsed whole, as `schema.parse` would.
 * Loading 100,000 stored entries this way keeps one copy of them in memory, not two.
 * Returns the validated value (the same object, for objects and records) or the first issue.
 */
export function validateInPlace(schema: z.ZodType, value: unknown, path: (string | number)[] = []): { ok: true; value: unknown } | { ok: false; issue: InPlaceIssue } {
  const def = defOf(schema);
  const isPlainObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  if (def.type === 'object' && !def.checks?.length && isPlainObject && def.shape) {
    const target = value as Record<string, unknown>;
    const strict = def.catchall && defOf(def.catchall).type === 'never';
    for (const key of Object.keys(target)) {
      if (Object.hasOwn(def.shape, key)) continue;
      if (strict) return { ok: false, issue: { path: [...path], message: `Unrecognized key: "${key}"` } };
      delete target[key];
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
      if (!keyResult.success) return { ok: false, issue: { path: [...path, key], message: keyResult.error.issues[0]?.message ?? 'invalid key' } };
      const result = validateInPlace(def.valueType, target[key], [...path, key]);
      if (!result.ok) return result;
      target[key] = result.value;
    }
    return { ok: true, value: target };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, issue: { path: [...path, ...(issue.path as (string | number)[])], message: issue.message } };
}
