/** A record's own value for a key: `__proto__`, `toString` and the like never reach a lookup. */
export const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;
