import type { MiddlewareHandler } from 'hono';
import type { VirtualClock } from '../../core/clock.js';
import { SECRET_HEADERS } from '../../contracts/common/secret-headers.js';
import { matchPath } from './faults.js';
import { lightCache } from './light-response.js';

/** One request seen by a simulator, as the request journal keeps it. */
export interface JournalRecord {
  seq: number;
  /** Virtual time the request arrived. */
  at: string;
  method: string;
  path: string;
  query: string;
  status: number;
  tenantId?: string;
  /** The request's headers, secrets redacted (`[redacted]`). */
  requestHeaders?: Record<string, string>;
  requestBody?: string;
  responseBody?: string;
  /** The fault injected on this request, if any. */
  fault?: string;
  /** The catalogue id of the documented rejection this answer carries, if any. */
  catalogueId?: string;
  /** Real milliseconds the simulator took to answer (virtual time does not move during a request). */
  durationMs?: number;
}

const SECRET = new Set(SECRET_HEADERS);

/** Node's `rawHeaders` (name, value, name, value...), redacted only when the journal is read. */
export type RawHeaders = readonly string[];

function redactRaw(raw: RawHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (name.startsWith(':')) continue; // HTTP/2 pseudo-headers are not headers
    const value = SECRET.has(name) ? '[redacted]' : raw[i + 1]!;
    out[name] = Object.hasOwn(out, name) ? `${out[name]}, ${value}` : value;
  }
  return out;
}

/**
 * What a record holds between the request and a read of the journal. The journal keeps the last
 * 1,000 requests, so each record outlives two young-generation collections and is moved to the
 * old generation: whatever it holds on V8's heap is copied at each, and then grows the old
 * generation, whose full collections cost the size of the whole heap (10,000 tenants: about 900
 * MB). Its texts are therefore kept as bytes, in one Buffer (outside the heap but for a small
 * handle): Node's raw headers joined by NUL (a character no header can hold), then the request's
 * body, then the answer's, each made text again when read. The fields a filter reads stay fields.
 */
interface StoredRecord {
  seq: number;
  at: string;
  method: string;
  path: string;
  query: string;
  status: number;
  tenantId: string | undefined;
  fault: string | undefined;
  catalogueId: string | undefined;
  durationMs: number | undefined;
  /** Headers already made an object (in-process: the platform's `Headers`, redacted). */
  headers: Record<string, string> | undefined;
  /** The raw headers, the request body and the answer's body, UTF-8, one after the other. */
  bytes: Buffer | undefined;
  /** Their lengths in `bytes`; -1 for one the request did not have. */
  rawHeadersBytes: number;
  requestBodyBytes: number;
  responseBodyBytes: number;
}

const OPTIONAL_FIELDS = ['tenantId', 'fault', 'catalogueId', 'durationMs'] as const;

/** The three texts of a record in one Buffer (pooled by Node when small); their lengths beside it. */
function pack(
  stored: StoredRecord,
  rawHeaders: string | undefined,
  requestBody: string | undefined,
  responseBody: string | undefined,
): void {
  const h = rawHeaders === undefined ? -1 : Buffer.byteLength(rawHeaders);
  const q = typeof requestBody !== 'string' ? -1 : Buffer.byteLength(requestBody);
  const r = typeof responseBody !== 'string' ? -1 : Buffer.byteLength(responseBody);
  const total = Math.max(h, 0) + Math.max(q, 0) + Math.max(r, 0);
  stored.rawHeadersBytes = h;
  stored.requestBodyBytes = q;
  stored.responseBodyBytes = r;
  if (total === 0) return;
  const bytes = Buffer.allocUnsafe(total);
  let at = 0;
  if (h > 0) at += bytes.write(rawHeaders!, at, 'utf8');
  if (q > 0) at += bytes.write(requestBody!, at, 'utf8');
  if (r > 0) bytes.write(responseBody!, at, 'utf8');
  stored.bytes = bytes;
}

/** A NUL in a raw header (which Node's parser does not let through) would split it wrongly: such headers are kept as an object. */
function holdsNul(raw: RawHeaders): boolean {
  for (const part of raw) if (part.includes('\0')) return true;
  return false;
}

function toRecord(stored: StoredRecord): JournalRecord {
  const record: JournalRecord = {
    seq: stored.seq,
    at: stored.at,
    method: stored.method,
    path: stored.path,
    query: stored.query,
    status: stored.status,
    tenantId: stored.tenantId,
    fault: stored.fault,
    catalogueId: stored.catalogueId,
    durationMs: stored.durationMs,
  };
  // A field the request did not have is no key of the record, as when records kept only those.
  for (const key of OPTIONAL_FIELDS) if (record[key] === undefined) delete record[key];
  const { bytes, rawHeadersBytes: h, requestBodyBytes: q, responseBodyBytes: r } = stored;
  const text = (from: number, length: number) => (length <= 0 ? '' : bytes!.toString('utf8', from, from + length));
  if (stored.headers !== undefined) record.requestHeaders = stored.headers;
  else if (h >= 0) record.requestHeaders = redactRaw(h === 0 ? [] : text(0, h).split('\0'));
  const afterHeaders = Math.max(h, 0);
  if (q >= 0) record.requestBody = text(afterHeaders, q);
  if (r >= 0) record.responseBody = text(afterHeaders + Math.max(q, 0), r);
  return record;
}

/** A record as the middleware hands it over: the headers may still be Node's raw array. */
export type JournalEntry = Omit<JournalRecord, 'seq' | 'requestHeaders'> & {
  requestHeaders?: Record<string, string> | RawHeaders;
};

export interface RequestJournal {
  record(entry: JournalEntry): void;
  list(filter?: JournalFilter): JournalRecord[];
  /** Drops every record, or only one tenant's (a scenario run against a shared server takes its own away). */
  clear(tenantId?: string): void;
  /** Called with every record as it is made (`ledgersim start --verbose` prints them). */
  subscribe(listener: (record: JournalRecord) => void): () => void;
  readonly size: number;
}

export interface JournalFilter {
  method?: string;
  /** The path: a glob as in the fault rules (`*` one segment, `**` any) when it has a `*`, else a substring. */
  path?: string;
  status?: number;
  tenantId?: string;
  /** Only records after this sequence number (for polling). */
  since?: number;
  limit?: number;
}

export interface RequestJournalOptions {
  /** How many records are kept; the oldest are dropped first. */
  maxRecords?: number;
  /** Bodies longer than this are cut (and say so). */
  maxBodyChars?: number;
}

export function createRequestJournal(options: RequestJournalOptions = {}): RequestJournal & { maxBodyChars: number } {
  const maxRecords = options.maxRecords ?? 1000;
  const maxBodyChars = options.maxBodyChars ?? 8192;
  // A ring of fixed size: the oldest record is overwritten in place, where an array's `splice(0, 1)`
  // moved the other 999 on every request once the journal was full.
  let ring: (StoredRecord | undefined)[] = [];
  let start = 0;
  let count = 0;
  const at = (i: number) => ring[(start + i) % maxRecords]!;
  const listeners = new Set<(record: JournalRecord) => void>();
  let seq = 0;
  return {
    maxBodyChars,
    record(entry) {
      seq += 1;
      // Every field in one literal, in one order: one hidden class for every record (spreading the
      // entry and deleting the absent bodies made each record a slower, larger dictionary object).
      const given = entry.requestHeaders;
      const raw = Array.isArray(given) && !holdsNul(given as RawHeaders) ? (given as RawHeaders) : undefined;
      const stored: StoredRecord = {
        seq,
        at: entry.at,
        method: entry.method,
        path: entry.path,
        query: entry.query,
        status: entry.status,
        tenantId: entry.tenantId,
        fault: entry.fault,
        catalogueId: entry.catalogueId,
        durationMs: entry.durationMs,
        headers: raw
          ? undefined
          : Array.isArray(given)
            ? redactRaw(given as RawHeaders)
            : (given as Record<string, string> | undefined),
        bytes: undefined,
        rawHeadersBytes: -1,
        requestBodyBytes: -1,
        responseBodyBytes: -1,
      };
      pack(stored, raw?.join('\0'), entry.requestBody, entry.responseBody);
      if (count < maxRecords) {
        ring[(start + count) % maxRecords] = stored;
        count += 1;
      } else {
        ring[start] = stored;
        start = (start + 1) % maxRecords;
      }
      if (listeners.size === 0) return;
      const record = toRecord(stored);
      for (const listener of listeners) listener(record);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    list(filter = {}) {
      const out: JournalRecord[] = [];
      const pathMatches = pathFilter(filter.path);
      // newest first
      for (let i = count - 1; i >= 0; i--) {
        const r = at(i);
        if (filter.since !== undefined && r.seq <= filter.since) break;
        if (filter.method && r.method !== filter.method.toUpperCase()) continue;
        if (!pathMatches(r.path)) continue;
        if (filter.status && r.status !== filter.status) continue;
        if (filter.tenantId && r.tenantId !== filter.tenantId) continue;
        out.push(toRecord(r));
        if (filter.limit && out.length >= filter.limit) break;
      }
      return out;
    },
    clear(tenantId) {
      const kept: StoredRecord[] = [];
      if (tenantId !== undefined) for (let i = 0; i < count; i++) if (at(i).tenantId !== tenantId) kept.push(at(i));
      ring = kept;
      start = 0;
      count = kept.length;
    },
    get size() {
      return count;
    },
  };
}

function pathFilter(pattern: string | undefined): (path: string) => boolean {
  if (!pattern) return () => true;
  if (pattern.includes('*')) return (path) => matchPath(pattern, path);
  return (path) => path.includes(pattern);
}

export function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… [${text.length - max} more characters]` : text;
}

/**
 * The text of an answer, for the journal, at the least cost. @hono/node-server's light Response
 * keeps a string body as it was given (its `cache` slot): read there, nothing is materialized.
 * Otherwise (in-process, a stream) the text is read once and the answer rebuilt with it.
 */
export async function responseText(
  res: Response,
  max: number,
  replace: (res: Response) => void,
): Promise<string | undefined> {
  const slot = lightCache(res);
  if (slot) return typeof slot[1] === 'string' ? cut(slot[1], max) : undefined;
  const type = res.headers.get('content-type') ?? '';
  if (!(type.includes('json') || type.startsWith('text/')) || !res.body) return undefined;
  try {
    const text = await res.text();
    replace(textResponse(text, { status: res.status, statusText: res.statusText, headers: res.headers }));
    return cut(text, max);
  } catch {
    return undefined;
  }
}

const textKey = Symbol('text');
const initKey = Symbol('init');
const usedKey = Symbol('used');
const realKey = Symbol('real');

interface TextResponse extends Response {
  [textKey]: string;
  [initKey]: { status: number; statusText: string; headers: Headers };
  [usedKey]: boolean;
  [realKey]?: Response;
}

/** The real Response, built from the text once something needs more than the text (its stream, `formData()`). */
function realOf(res: TextResponse): Response {
  res[realKey] ??= new Response(res[usedKey] ? null : res[textKey], res[initKey]);
  return res[realKey];
}

function takeText(res: TextResponse): Promise<string> {
  if (res[realKey]) return res[realKey].text();
  if (res[usedKey]) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
  res[usedKey] = true;
  return Promise.resolve(res[textKey]);
}

/**
 * An answer whose text the journal already read (in-process: a Response's body is a stream, read
 * once). Rebuilding a Response from it would make a new stream that the caller reads again; this
 * one hands the text straight back (`text()`, `json()`) and builds the real Response only when
 * something needs more (its `body`, `formData()`), as @hono/node-server's light Response does.
 */
const textResponsePrototype: object = Object.create(Response.prototype, {
  status: {
    get(this: TextResponse) {
      return this[realKey]?.status ?? this[initKey].status;
    },
  },
  statusText: {
    get(this: TextResponse) {
      return this[realKey]?.statusText ?? this[initKey].statusText;
    },
  },
  ok: {
    get(this: TextResponse) {
      return this.status >= 200 && this.status < 300;
    },
  },
  headers: {
    get(this: TextResponse) {
      return this[realKey]?.headers ?? this[initKey].headers;
    },
  },
  redirected: { get: () => false },
  type: { get: () => 'default' },
  url: { get: () => '' },
  bodyUsed: {
    get(this: TextResponse) {
      return this[realKey]?.bodyUsed ?? this[usedKey];
    },
  },
  body: {
    get(this: TextResponse) {
      return realOf(this).body;
    },
  },
  text: {
    value(this: TextResponse) {
      return takeText(this);
    },
  },
  json: {
    value(this: TextResponse) {
      return takeText(this).then(JSON.parse);
    },
  },
  arrayBuffer: {
    value(this: TextResponse) {
      return realOf(this).arrayBuffer();
    },
  },
  bytes: {
    value(this: TextResponse) {
      return (realOf(this) as Response & { bytes(): Promise<Uint8Array> }).bytes();
    },
  },
  blob: {
    value(this: TextResponse) {
      return realOf(this).blob();
    },
  },
  formData: {
    value(this: TextResponse) {
      return realOf(this).formData();
    },
  },
  clone: {
    value(this: TextResponse) {
      if (this[realKey]) return this[realKey].clone();
      if (this[usedKey]) throw new TypeError('Response.clone: Body has already been consumed.');
      return textResponse(this[textKey], { ...this[initKey], headers: new Headers(this[initKey].headers) });
    },
  },
});

export function textResponse(text: string, init: { status: number; statusText?: string; headers: Headers }): Response {
  const res = Object.create(textResponsePrototype) as TextResponse;
  res[textKey] = text;
  res[initKey] = { status: init.status, statusText: init.statusText ?? '', headers: init.headers };
  res[usedKey] = false;
  return res;
}

/** In-process, the platform's Headers as a raw array: kept as bytes too, and redacted when read, as Node's are. */
function rawHeadersFrom(headers: Headers): RawHeaders {
  const raw: string[] = [];
  headers.forEach((value, name) => {
    raw.push(name, value);
  });
  return raw;
}

/** The headers as Node parsed them, when the request came through @hono/node-server (not in-process). */
function rawHeadersOf(env: unknown): RawHeaders | undefined {
  const incoming = (env as { incoming?: { rawHeaders?: unknown } } | undefined)?.incoming;
  return Array.isArray(incoming?.rawHeaders) ? (incoming.rawHeaders as RawHeaders) : undefined;
}

/** Records every vendor request (admin reads are left out: they are not traffic). */
export function journalMiddleware(
  journal: RequestJournal & { maxBodyChars: number },
  clock: VirtualClock,
): MiddlewareHandler {
  return async (c, next) => {
    const at = clock.now().toISOString();
    const started = performance.now();
    const isAdminRead = c.req.path.startsWith('/__admin') && c.req.method === 'GET';
    await next();
    if (isAdminRead) return;
    // Read after the handler: the body is then served from hono's cache, never read twice.
    let requestBody: string | undefined;
    // A body refused as too large was never read: reading it here would hold all of it in memory
    // (the node adapter hands over the raw stream, unlimited), which the 413 was there to avoid.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.res.status !== 413) {
      const type = c.req.header('content-type') ?? '';
      if (!type.startsWith('multipart/')) {
        try {
          requestBody = cut(await c.req.text(), journal.maxBodyChars);
        } catch {
          requestBody = undefined;
        }
      }
    }
    const res = c.res;
    const responseBody = await responseText(res, journal.maxBodyChars, (next) => {
      c.res = undefined as never; // hono's setter would otherwise merge the old response in
      c.res = next;
    });
    const url = c.req.url;
    const queryStart = url.indexOf('?');
    journal.record({
      at,
      method: c.req.method,
      path: c.req.path,
      query: queryStart === -1 ? '' : url.slice(queryStart),
      status: c.res.status,
      tenantId: (c.get as (k: string) => string | undefined)('tenantId'),
      requestHeaders: rawHeadersOf(c.env) ?? rawHeadersFrom(c.req.raw.headers),
      requestBody,
      responseBody,
      fault: (c.get as (k: string) => string | undefined)('fault'),
      catalogueId: (c.get as (k: string) => string | undefined)('catalogueId'),
      durationMs: Math.round((performance.now() - started) * 100) / 100,
    });
  };
}
