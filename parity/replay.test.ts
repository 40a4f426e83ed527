import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { serveApp } from '../simulators/kit/serve.js';
import { compareAnswers, normaliseText } from './compare.js';
import { classify } from './known.js';
import { readRecording } from './recording.js';
import { startRecorder } from './record.js';
import { replayRecording, unfilledPlaceholders } from './replay.js';

/** A vendor-like API: a client-credentials token, then a resource created and read back with it. */
function api(name: string, secret: string) {
  const app = new Hono();
  let n = 0;
  const seen: string[] = [];
  app.post('/oauth/token', async (c) => {
    const form = new URLSearchParams(await c.req.text());
    if (form.get('client_secret') !== secret)
      return c.json({ error: 'invalid_client', error_description: 'Bad secret' }, 401);
    return c.json({ access_token: `${name}-token-${++n}`, token_type: 'Bearer', expires_in: 3600 });
  });
  app.post('/things', (c) => {
    seen.push(`POST ${c.req.header('authorization')}`);
    if (!c.req.header('authorization')?.startsWith(`Bearer ${name}-token-`))
      return c.json({ code: 'Unauthorized', message: 'No token' }, 401);
    return c.json(
      {
        thingId: `${name}-thing-${++n}`,
        createdAt: name === 'vendor' ? '2026-03-16T09:00:00Z' : '2026-12-03T10:00:00Z',
        label: 'x',
      },
      201,
    );
  });
  // A SAS the way Azure (and Quadra's CFE) hands it out: later requests send its fields one by one.
  const sas = new Map<string, string>();
  app.get('/sas', (c) => {
    const se = name === 'vendor' ? '2026-03-16T10:00:00Z' : '2026-12-03T11:00:00Z';
    const sig = `${name}-sig-${++n}`;
    sas.set(se, sig);
    return c.json({ sasToken: `sv=2021-08-06&se=${encodeURIComponent(se)}&sig=${encodeURIComponent(sig)}` });
  });
  app.put('/blob/:file', (c) => {
    seen.push(`PUT ${c.req.query('se')} ${c.req.query('sig')}`);
    const ok = sas.get(c.req.query('se') ?? '') === c.req.query('sig');
    return ok ? c.body(null, 201) : c.json({ code: 'AuthenticationFailed', message: 'Signature did not match' }, 403);
  });
  app.get('/things/:id', (c) => {
    seen.push(`GET ${c.req.param('id')} ${c.req.header('authorization')}`);
    if (!c.req.param('id').startsWith(`${name}-thing-`))
      return c.json({ code: 'NotFound', message: `Thing ${c.req.param('id')} not found` }, 404);
    return c.json({ thingId: c.req.param('id'), label: 'x' });
  });
  return { app, seen };
}

async function recordSession() {
  const dir = await mkdtemp(join(tmpdir(), 'ledgersim-replay-'));
  const vendor = api('vendor', 'vendor-secret');
  const upstream = await serveApp(vendor.app.fetch, { port: 0 });
  const out = join(dir, 'r.jsonl');
  const recorder = await startRecorder({
    upstream: upstream.url,
    port: 0,
    out,
    now: () => Date.parse('2026-03-16T09:00:00Z'),
  });
  const token = (await (
    await fetch(`${recorder.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=me&client_secret=vendor-secret',
    })
  ).json()) as { access_token: string };
  const auth = { authorization: `Bearer ${token.access_token}` };
  const thing = (await (await fetch(`${recorder.url}/things`, { method: 'POST', headers: auth })).json()) as {
    thingId: string;
  };
  await fetch(`${recorder.url}/things/${thing.thingId}`, { headers: auth });
  const { sasToken } = (await (await fetch(`${recorder.url}/sas`)).json()) as { sasToken: string };
  const put = await fetch(`${recorder.url}/blob/f.txt?${sasToken}`, {
    method: 'PUT',
    headers: { 'content-type': 'text/plain; charset=windows-1252' },
    body: new Uint8Array([0x4d, 0xe9]),
  });
  expect(put.status).toBe(201);
  await recorder.close();
  await upstream.close();
  return { recording: readRecording(out), out, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

describe('the replay', () => {
  it("sends the token and the ids the simulator issued where the vendor's were, and the simulator's secret for the redacted one", async () => {
    const session = await recordSession();
    try {
      const text = JSON.stringify(session.recording);
      expect(text).not.toContain('vendor-secret');
      expect(text).not.toContain('vendor-token');
      const missing = unfilledPlaceholders(session.recording);
      // Only the client secret: the token is issued by an answer, so the replay learns it.
      expect([...missing.values()]).toEqual(['#1 POST /oauth/token, body']);
      const [secretPlaceholder] = [...missing.keys()];

      const sim = api('sim', 'sim-secret');
      const result = await replayRecording(
        session.recording,
        { send: async (path, init) => sim.app.request(path, init) },
        { secrets: { [secretPlaceholder!]: 'sim-secret' } },
      );
      expect(text).not.toContain('vendor-sig');
      expect(sim.seen).toEqual([
        'POST Bearer sim-token-1',
        'GET sim-thing-2 Bearer sim-token-1',
        'PUT 2026-12-03T11:00:00Z sim-sig-3',
      ]);
      expect(result.differences).toEqual([]);
      expect(result.replayed).toBe(5);
    } finally {
      await session.cleanup();
    }
  });

  it('reports a missing field, an extra one and a changed type by JSON path, and an error message only when its wording differs', () => {
    const answer = (status: number, value: unknown) => ({
      status,
      headers: { 'content-type': 'application/json' },
      body: { kind: 'json' as const, value },
    });
    const diffs = compareAnswers(
      1,
      'GET /x',
      answer(200, { a: 1, b: { c: 'x' }, list: [{ n: 1 }], empty: [] }),
      answer(200, { a: '1', d: true, list: [{ n: 2, m: null }], empty: [{ z: 1 }] }),
      new Map(),
    );
    expect(diffs.map((d) => [d.kind, d.path])).toEqual([
      ['type', 'body.a'],
      ['missing', 'body.b'],
      ['extra', 'body.d'],
      ['extra', 'body.list[].m'],
    ]);
    // The same message with another id and date is the same wording; another wording is a difference.
    const learned = new Map([['vendor-thing-9', 'sim-thing-3']]);
    expect(
      compareAnswers(
        1,
        'GET /x',
        answer(404, { code: 'NotFound', message: 'Thing vendor-thing-9 not found on 2026-03-16' }),
        answer(404, { code: 'NotFound', message: 'Thing sim-thing-3 not found on 2026-12-03' }),
        learned,
      ),
    ).toEqual([]);
    expect(
      compareAnswers(
        1,
        'GET /x',
        answer(404, { code: 'NotFound', message: 'Thing not found' }),
        answer(404, { code: 'NotFound', message: 'No such thing' }),
        learned,
      ),
    ).toEqual([
      {
        seq: 1,
        request: 'GET /x',
        path: 'body.message',
        kind: 'value',
        recorded: 'Thing not found',
        simulator: 'No such thing',
      },
    ]);
    expect(normaliseText('token ~redacted-4~ at 2026-03-16T09:00:00.000Z')).toBe('token <secret> at <date>');
    // A redacted number is a placeholder string in the recording: not a change of type.
    expect(
      compareAnswers(1, 'GET /x', answer(200, { pin: '~redacted-2~' }), answer(200, { pin: 1234 }), learned),
    ).toEqual([]);
  });

  it('classifies differences against the known ones by path, request glob and kind, and names the known ones not seen', () => {
    const diffs = [
      {
        seq: 1,
        request: 'POST /api/v1/files/F1/entries',
        path: 'status',
        kind: 'status' as const,
        recorded: '201',
        simulator: '202',
      },
      { seq: 2, request: 'GET /api/v1/files', path: 'body.a', kind: 'type' as const },
    ];
    const result = classify(diffs, [
      { request: 'POST /api/v1/files/*/entries', path: 'status', note: 'n1' },
      { path: 'body.a', kind: 'missing', note: 'wrong kind' },
      { request: 'GET /other', path: 'body.a', note: 'wrong request' },
    ]);
    expect(result.differences.map((d) => d.known)).toEqual(['n1', undefined]);
    expect(result.unexpected).toBe(1);
    expect(result.unused.map((k) => k.note)).toEqual(['wrong kind', 'wrong request']);
  });
});
