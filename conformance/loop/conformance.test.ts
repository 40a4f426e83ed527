import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getEntry, renderMessage, type CatalogueId } from '../../contracts/catalogue/index.js';
import { LOOP_MESSAGES } from '../../contracts/loop/messages.js';
import { headersFor, purchase, setup } from '../../simulators/loop/test-support.js';

/**
 * Runs the Loop conformance corpus (cases.json, sources in README.md): each case's requests, as
 * Cegid's public pages write them, against an in-process Loop simulator in the test state, and its
 * expected outcome checked field by field. Expected messages come from the catalogue and
 * contracts/loop/messages.ts by name, never retyped.
 */

interface Step {
  request: {
    method: 'GET' | 'POST';
    route: string;
    query?: Record<string, string>;
    rawQuery?: string;
    headers: string;
    contentType?: string;
    body?: unknown;
    afterMs?: number;
  };
  expect: {
    status: number;
    rows?: number;
    keys?: Record<string, string[]>;
    fields?: Record<string, unknown>;
    types?: Record<string, string>;
    patterns?: Record<string, string>;
    every?: Record<string, unknown>;
    error?: { code?: string; catalogue?: CatalogueId; loopMessage?: [string, ...string[]] };
  };
}
interface Case {
  id: string;
  page: string;
  choice?: string;
  steps: Step[];
}
const corpus = JSON.parse(readFileSync(new URL('./cases.json', import.meta.url), 'utf8')) as {
  pages: Record<string, string>;
  cases: Case[];
};

const at = (value: unknown, path: string): unknown =>
  path === ''
    ? value
    : path
        .split('.')
        .reduce<unknown>(
          (node, part) =>
            node !== null && typeof node === 'object' && Object.hasOwn(node, part)
              ? (node as Record<string, unknown>)[part]
              : undefined,
          value,
        );
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const fill = (value: unknown, vars: Record<string, string>): unknown => {
  if (value === '$purchase') return purchase();
  if (typeof value === 'string') return value.replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
  if (Array.isArray(value)) return value.map((v) => fill(v, vars));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, vars)]));
  return value;
};

function headersOf(kind: string, all: Record<string, string>): Record<string, string> {
  const { 'x-domain': domain, ...documented } = all;
  switch (kind) {
    case 'documented':
      return documented;
    case 'documented+domain':
      return { ...documented, 'x-domain': domain! };
    case 'wrong-domain':
      return { ...documented, 'x-domain': 'CABB' };
    case 'no-apikey': {
      const { 'x-apikey': _, ...h } = documented;
      return h;
    }
    case 'no-subscription-key': {
      const { 'Ocp-Apim-Subscription-Key': _, ...h } = documented;
      return h;
    }
  }
  throw new Error(`unknown headers kind ${kind}`);
}

describe("Loop conformance corpus: requests as Cegid's public pages write them", () => {
  it('names a page for every case', () => {
    for (const c of corpus.cases) expect(corpus.pages[c.page], c.id).toMatch(/^https:\/\//);
  });

  for (const c of corpus.cases) {
    it(`${c.id} (${c.page})`, async () => {
      const loop = setup();
      const sim = loop.sim;
      const vars: Record<string, string> = {};
      for (const step of c.steps) {
        const { request, expect: want } = step;
        if (request.afterMs) {
          sim.clock.advance(request.afterMs);
          await sim.settled();
        }
        const query =
          request.rawQuery ?? new URLSearchParams(fill(request.query ?? {}, vars) as Record<string, string>).toString();
        const headers = headersOf(request.headers, headersFor(sim, 'CABA'));
        const init: RequestInit = { method: request.method, headers };
        if (request.body !== undefined)
          init.headers = { ...headers, 'content-type': request.contentType ?? 'application/json' };
        if (request.body !== undefined) init.body = JSON.stringify(fill(request.body, vars));
        const res = await sim.app.request(`/loop-api-publiques/${request.route}${query ? `?${query}` : ''}`, init);
        const body = (await res.json()) as unknown;
        const where = `${c.id}: ${JSON.stringify(body).slice(0, 300)}`;
        expect(res.status, where).toBe(want.status);
        if (want.rows !== undefined) expect((body as unknown[]).length, where).toBe(want.rows);
        for (const [path, keys] of Object.entries(want.keys ?? {}))
          expect(Object.keys(at(body, path) as object).sort(), `${c.id} keys ${path}`).toEqual([...keys].sort());
        for (const [path, value] of Object.entries(want.fields ?? {}))
          expect(at(body, path), `${c.id} ${path}`).toEqual(value);
        for (const [path, type] of Object.entries(want.types ?? {}))
          expect(typeOf(at(body, path)), `${c.id} ${path}`).toBe(type);
        for (const [path, pattern] of Object.entries(want.patterns ?? {}))
          expect(String(at(body, path)), `${c.id} ${path}`).toMatch(new RegExp(pattern));
        for (const [field, value] of Object.entries(want.every ?? {})) {
          expect((body as unknown[]).length, `${c.id} every: no rows`).toBeGreaterThan(0);
          for (const row of body as Record<string, unknown>[]) expect(row[field], `${c.id} ${field}`).toEqual(value);
        }
        if (want.error) {
          const error = body as { statusCode: number; code: string; message: string };
          expect(error.statusCode, where).toBe(want.status);
          if (want.error.catalogue) {
            const entry = getEntry(want.error.catalogue);
            expect([error.code, res.status], where).toEqual([entry.wire!.code, entry.wire!.status]);
            expect(error.message).toBe(renderMessage(want.error.catalogue));
          }
          if (want.error.code) expect(error.code, where).toBe(want.error.code);
          if (want.error.loopMessage) {
            const [name, ...args] = want.error.loopMessage;
            const message = (LOOP_MESSAGES as Record<string, unknown>)[name];
            expect(error.message, where).toBe(
              typeof message === 'function' ? (message as (...a: string[]) => string)(...args) : message,
            );
          }
        }
        if (typeof (body as { accountingImportRequestId?: unknown }).accountingImportRequestId === 'string')
          vars.accountingImportRequestId = (body as { accountingImportRequestId: string }).accountingImportRequestId;
      }
    });
  }
});
