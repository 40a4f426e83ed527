import { LOOP_MESSAGES } from '../../../contracts/loop/messages.js';
import type { ListQuery } from '../../../contracts/loop/wire.js';
import { FilterSyntaxError, matches, parseFilter, valueAt, type Filter } from './filter.js';

/**
 * The read routes' query parameters over a list of Loop records: `filter`, then `sort`, then
 * `skip` and `take`, then `select`. Field names are checked against the route's record schema,
 * so a typo answers a clear 400 instead of an empty list.
 */

export type QueryError = { code: 'InvalidFilter' | 'InvalidSort' | 'InvalidSelect'; message: string };
export type QueryResult =
  | { ok: true; rows: Record<string, unknown>[]; filter: Filter | null }
  | { ok: false; error: QueryError };

export interface QueryOptions {
  /** The fields of the route's records (the keys of its wire schema). */
  fields: readonly string[];
  /** At most this many rows, whatever `take` says. */
  maxTake?: number;
}

/** Splits `a&&b:desc` or `a,b` into names. */
const splitList = (text: string) =>
  text
    .split(/&&|,/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

export function parseListFilter(
  text: string | undefined,
  fields: readonly string[],
): { ok: true; filter: Filter | null } | { ok: false; error: QueryError } {
  if (text === undefined || text.trim() === '') return { ok: true, filter: null };
  let filter: Filter;
  try {
    filter = parseFilter(text);
  } catch (error) {
    if (error instanceof FilterSyntaxError)
      return { ok: false, error: { code: 'InvalidFilter', message: LOOP_MESSAGES.invalidFilter(`${error.message}.`) } };
    throw error;
  }
  const unknown = filter.comparisons.find((c) => !fields.includes(c.field[0]!));
  if (unknown)
    return {
      ok: false,
      error: {
        code: 'InvalidFilter',
        message: LOOP_MESSAGES.invalidFilter(`le champ ${unknown.field.join('.')} n'existe pas.`),
      },
    };
  return { ok: true, filter };
}

function compareValues(a: unknown, b: unknown): number {
  // Missing values last, then numbers numerically, everything else by code point.
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = typeof a === 'object' ? JSON.stringify(a) : String(a);
  const sb = typeof b === 'object' ? JSON.stringify(b) : String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export function applyListQuery(
  records: readonly object[],
  query: Pick<ListQuery, 'filter' | 'sort' | 'skip' | 'take' | 'select'>,
  options: QueryOptions,
): QueryResult {
  const parsed = parseListFilter(query.filter, options.fields);
  if (!parsed.ok) return parsed;
  const filter = parsed.filter;
  let rows = filter ? records.filter((r) => matches(filter, r)) : [...records];

  if (query.sort !== undefined && query.sort.trim() !== '') {
    const keys: { field: string; desc: boolean }[] = [];
    for (const part of splitList(query.sort)) {
      const match = /^([A-Za-z_$][\w$]*)(?::(asc|desc))?$/i.exec(part);
      if (!match)
        return {
          ok: false,
          error: {
            code: 'InvalidSort',
            message: LOOP_MESSAGES.invalidSort(`« ${part} » n'est pas de la forme champ ou champ:desc.`),
          },
        };
      if (!options.fields.includes(match[1]!))
        return {
          ok: false,
          error: { code: 'InvalidSort', message: LOOP_MESSAGES.invalidSort(`le champ ${match[1]} n'existe pas.`) },
        };
      keys.push({ field: match[1]!, desc: match[2]?.toLowerCase() === 'desc' });
    }
    rows = rows.sort((a, b) => {
      for (const key of keys) {
        const order = compareValues(valueAt(a, [key.field]), valueAt(b, [key.field]));
        if (order !== 0) return key.desc ? -order : order;
      }
      return 0;
    });
  }

  const skip = query.skip ?? 0;
  const max = options.maxTake ?? Number.POSITIVE_INFINITY;
  const take = Math.min(query.take ?? max, max);
  rows = rows.slice(skip, skip + take);

  if (query.select !== undefined && query.select.trim() !== '') {
    const selected = splitList(query.select);
    const unknown = selected.find((name) => !options.fields.includes(name));
    if (unknown) return { ok: false, error: { code: 'InvalidSelect', message: LOOP_MESSAGES.invalidSelect(unknown) } };
    rows = rows.map((row) =>
      Object.fromEntries(selected.map((name) => [name, (row as Record<string, unknown>)[name]])),
    );
  }
  return { ok: true, rows: rows as Record<string, unknown>[], filter };
}
