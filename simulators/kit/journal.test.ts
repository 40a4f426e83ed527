import { describe, expect, it } from 'vitest';
import { createRequestJournal, responseText, textResponse } from './journal.js';
import { serveApp } from './serve.js';

/** The platform's own Response, before a server installs @hono/node-server's in its place. */
const PlatformResponse = globalThis.Response;

describe("the request journal's fast path", () => {
  // The journal reads a string answer in place from @hono/node-server's light Response (its `cache`
  // slot), which saved about 45 % of a push. The slot is not public API: if an upgrade moves it,
  // this fails, and the journal meanwhile falls back to reading the body (slower, still right).
  it("reads a string body from @hono/node-server's light Response in place, without rebuilding the answer", async () => {
    const running = await serveApp(() => new Response('ok'), { port: 0 }); // installs node-server's Response
    try {
      const res = new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
      let rebuilt = false;
      expect(await responseText(res, 100, () => (rebuilt = true))).toBe('{"ok":true}');
      expect(rebuilt, 'the answer was read the slow way: has @hono/node-server moved its `cache` slot?').toBe(false);
    } finally {
      await running.close();
    }
  });

  it('reads any other answer (in-process, a stream) once, and hands back one rebuilt with the same text', async () => {
    const res = new PlatformResponse(new Blob(['{"ok":false}']).stream(), {
      status: 409,
      headers: { 'content-type': 'application/json' },
    });
    let rebuilt: Response | undefined;
    expect(await responseText(res, 5, (next) => (rebuilt = next))).toBe('{"ok"… [7 more characters]');
    expect(rebuilt!.status).toBe(409);
    expect(await rebuilt!.text()).toBe('{"ok":false}');
  });
});

describe('an answer the journal already read (in-process)', () => {
  const make = () =>
    textResponse('{"a":1}', {
      status: 201,
      statusText: 'Created',
      headers: new Headers({ 'content-type': 'application/json', 'x-a': 'b' }),
    });
  const real = () =>
    new PlatformResponse('{"a":1}', {
      status: 201,
      statusText: 'Created',
      headers: { 'content-type': 'application/json', 'x-a': 'b' },
    });

  it('answers as the platform Response with the same text would: status, headers, text, json, bytes, stream, clone', async () => {
    for (const res of [make(), real()]) {
      expect(res).toBeInstanceOf(PlatformResponse);
      expect([res.status, res.statusText, res.ok, res.headers.get('x-a'), res.bodyUsed]).toEqual([
        201,
        'Created',
        true,
        'b',
        false,
      ]);
      const copy = res.clone();
      expect(await res.json()).toEqual({ a: 1 });
      expect(res.bodyUsed).toBe(true);
      await expect(res.text()).rejects.toThrow(TypeError);
      expect(() => res.clone()).toThrow(TypeError);
      expect(new TextDecoder().decode(await copy.arrayBuffer())).toBe('{"a":1}');
    }
    const streamed = make();
    const reader = streamed.body!.getReader();
    const chunks: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(Buffer.concat(chunks).toString('utf8')).toBe('{"a":1}');
    expect(streamed.bodyUsed).toBe(true);
    await expect(streamed.text()).rejects.toThrow(TypeError);
  });
});

describe('clearing the journal', () => {
  const entry = (tenantId: string | undefined, path: string) =>
    ({
      at: '2026-03-16T09:00:00.000Z',
      method: 'GET',
      path,
      query: '',
      status: 200,
      durationMs: 1,
      tenantId,
      requestBody: null,
      responseBody: null,
    }) as unknown as Parameters<ReturnType<typeof createRequestJournal>['record']>[0];

  it("clears one tenant's records and keeps everyone else's, in order", () => {
    const journal = createRequestJournal();
    journal.record(entry('ENT-1', '/a'));
    journal.record(entry('scn-x', '/b'));
    journal.record(entry(undefined, '/c'));
    journal.record(entry('scn-x', '/d'));
    journal.record(entry('ENT-1', '/e'));
    journal.clear('scn-x');
    expect(journal.list().map((r) => r.path)).toEqual(['/e', '/c', '/a']);
    expect(journal.size).toBe(3);
    journal.clear();
    expect(journal.size).toBe(0);
  });
});

describe('a full journal', () => {
  it('drops the oldest records first, across a wrap, a clear of one tenant and the records after it', () => {
    const journal = createRequestJournal({ maxRecords: 3 });
    const record = (tenantId: string, path: string) =>
      journal.record({ at: 't', method: 'GET', path, query: '', status: 200, tenantId });
    for (const [tenantId, path] of [
      ['a', '/1'],
      ['b', '/2'],
      ['a', '/3'],
      ['b', '/4'],
      ['a', '/5'],
    ] as const)
      record(tenantId, path);
    expect(journal.list().map((r) => r.path)).toEqual(['/5', '/4', '/3']);
    journal.clear('b');
    expect(journal.list().map((r) => r.path)).toEqual(['/5', '/3']);
    record('b', '/6');
    record('b', '/7');
    expect(journal.size).toBe(3);
    expect(journal.list().map((r) => r.path)).toEqual(['/7', '/6', '/5']);
    expect(journal.list({ since: 6 }).map((r) => r.seq)).toEqual([7]);
    expect(Object.keys(journal.list()[0]!)).not.toContain('fault');
  });
});

describe('what a record holds until it is read', () => {
  it('gives back the very texts it was given (bodies kept as bytes) and redacts raw headers when read', () => {
    const journal = createRequestJournal();
    const requestBody = JSON.stringify({ libellé: 'Écriture de caisse €'.repeat(20), montant: 12.5 });
    const responseBody = '{"ok":true}';
    journal.record({
      at: '2026-03-16T09:00:00.000Z',
      method: 'POST',
      path: '/a',
      query: '',
      status: 202,
      requestHeaders: [
        'Authorization',
        'Bearer GE-SECRET',
        'Content-Type',
        'application/json',
        'X-Dup',
        'a',
        'x-dup',
        'b',
      ],
      requestBody,
      responseBody,
    });
    const [record] = journal.list();
    expect(record!.requestBody).toBe(requestBody);
    expect(record!.responseBody).toBe(responseBody);
    expect(record!.requestHeaders).toEqual({
      authorization: '[redacted]',
      'content-type': 'application/json',
      'x-dup': 'a, b',
    });
    expect(JSON.stringify(journal.list())).not.toContain('GE-SECRET');
  });

  it('keeps apart what is empty and what is absent, and a header holding a NUL whole', () => {
    const journal = createRequestJournal();
    const base = { at: 't', method: 'POST', path: '/a', query: '', status: 200 };
    journal.record({ ...base, requestHeaders: [], requestBody: '', responseBody: 'é€' });
    journal.record({ ...base, requestHeaders: ['X-A', 'a\u0000b', 'X-B', 'ç'], responseBody: '' });
    journal.record({ ...base, requestHeaders: { 'x-c': 'c' } });
    const [object, nul, empty] = journal.list();
    expect(empty).toMatchObject({ requestHeaders: {}, requestBody: '', responseBody: 'é€' });
    expect(nul!.requestHeaders).toEqual({ 'x-a': 'a\u0000b', 'x-b': 'ç' });
    expect(nul!.responseBody).toBe('');
    expect(Object.keys(nul!)).not.toContain('requestBody');
    expect(object!.requestHeaders).toEqual({ 'x-c': 'c' });
    expect(Object.keys(object!)).not.toContain('responseBody');
  });
});
