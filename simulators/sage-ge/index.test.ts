import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entriesFor } from '../../contracts/catalogue/index.js';
import { DROP_HEADER } from '../kit/faults.js';
import { createVirtualClock } from '../../core/clock.js';
import { createSageGeSimulator } from './index.js';
import { SageGeStateSchema } from './state/schema.js';
import { ENTITY, FILE, START, buildState, entryBody, expectSageError, setup, type Harness } from './test-support.js';

const admin = (h: Harness, path: string, init: { method?: string; json?: unknown; raw?: string } = {}) =>
  h.sim.app.request(`/__admin${path}`, {
    method: init.method ?? 'GET',
    headers: init.json !== undefined || init.raw !== undefined ? { 'content-type': 'application/json' } : {},
    body: init.raw ?? (init.json !== undefined ? JSON.stringify(init.json) : undefined),
  });

describe('Sage GE /__admin', () => {
  it('says it is healthy, with the virtual time', async () => {
    const h = setup();
    const res = await admin(h, '/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', simulator: 'sage-ge', now: START, tenants: 2, tickFailures: 0 });
  });

  describe('state', () => {
    it('gives the whole state, and replaces it with a valid one', async () => {
      const h = setup();
      expect(await (await admin(h, '/state')).json()).toEqual(JSON.parse(h.stateSnapshot()));
      const next = buildState({ file: { name: 'Replaced' } });
      delete next.tenants['ENT-B'];
      const res = await admin(h, '/state', { method: 'PUT', json: next });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, tenants: 1 });
      expect(h.file().name).toBe('Replaced');
      expect(Object.keys(h.sim.store.data.tenants)).toEqual([ENTITY]);
    });

    it('refuses an invalid state with 400 and the issues, leaving the state unchanged', async () => {
      const h = setup();
      const before = h.stateSnapshot();
      const broken = JSON.parse(before);
      broken.tenants[ENTITY].files[FILE].fiscalYears.FY2026.start = '2026-02-30';
      broken.tenants[ENTITY].geIdentifier = 'short';
      for (const body of [{ json: broken }, { json: { tenants: [] } }, { raw: '{"tenants":' }]) {
        const res = await admin(h, '/state', { method: 'PUT', ...body });
        expect(res.status).toBe(400);
        const json = (await res.json()) as { error: string; message: string; issues?: { path: string[] }[] };
        expect(json.error).toBe('bad-request');
        if (body.json === broken)
          expect(json.issues!.map((i) => i.path.join('.'))).toEqual(
            expect.arrayContaining([
              `tenants.${ENTITY}.geIdentifier`,
              `tenants.${ENTITY}.files.${FILE}.fiscalYears.FY2026.start`,
            ]),
          );
        expect(h.stateSnapshot()).toBe(before);
      }
    });
  });

  it('resets to no firm at all, and forgets the journal and faults', async () => {
    const h = setup();
    await h.request('/api/v1/files');
    h.sim.faults.add({ kind: 'status', status: 503 });
    expect((await admin(h, '/reset', { method: 'POST' })).status).toBe(200);
    expect(h.sim.store.data).toEqual({ tenants: {} });
    expect(h.sim.faults.list()).toEqual([]);
    expect(h.sim.journal.size).toBe(1); // the reset itself
    await expectSageError(
      await h.request('/api/v1/files', { headers: { authorization: 'Bearer GE-ENT-A-0000000000000000' } }),
      401,
      'Unauthorized',
    );
  });

  describe('seed', () => {
    const identifiers = (h: Harness) => Object.values(h.sim.store.data.tenants).map((e) => e.geIdentifier);
    it('loads the demo firms; the same seed gives the same GE identifiers, another seed others', async () => {
      const h = setup();
      expect((await admin(h, '/seed', { method: 'POST', json: { seed: 7 } })).status).toBe(200);
      const first = identifiers(h);
      expect(first).toHaveLength(3);
      for (const id of first) expect(id).toMatch(/^[A-Z0-9]{40}$/);
      await admin(h, '/seed', { method: 'POST', json: { seed: 8 } });
      expect(identifiers(h)).not.toEqual(first);
      await admin(h, '/seed', { method: 'POST', json: { seed: 7 } });
      expect(identifiers(h)).toEqual(first);
      // And a simulator built with that seed serves the same ones.
      const fresh = createSageGeSimulator({ clock: createVirtualClock({ start: START }), seed: 7 });
      expect(Object.values(fresh.store.data.tenants).map((e) => e.geIdentifier)).toEqual(first);
      // The demo identifiers authenticate.
      const res = await h.sim.app.request('/api/v1/files', { headers: { authorization: `Bearer ${first[0]}` } });
      expect(res.status).toBe(200);
    });

    it('refuses a bad seed', async () => {
      const h = setup();
      const before = h.stateSnapshot();
      expect((await admin(h, '/seed', { method: 'POST', json: { seed: -1 } })).status).toBe(400);
      expect((await admin(h, '/seed', { method: 'POST', json: { seed: 1, extra: 1 } })).status).toBe(400);
      expect(h.stateSnapshot()).toBe(before);
    });
  });

  describe('clock', () => {
    it('sets and advances the virtual clock, and refuses a bad body', async () => {
      const h = setup();
      expect(await (await admin(h, '/clock')).json()).toEqual({ now: START, mode: 'frozen', tenants: {} });
      expect(
        await (await admin(h, '/clock', { method: 'POST', json: { set: '2026-06-01T12:00:00.000Z' } })).json(),
      ).toEqual({ now: '2026-06-01T12:00:00.000Z' });
      expect(await (await admin(h, '/clock', { method: 'POST', json: { advance: '1d2h' } })).json()).toEqual({
        now: '2026-06-02T14:00:00.000Z',
      });
      expect(await (await admin(h, '/clock', { method: 'POST', json: { advance: 1000 } })).json()).toEqual({
        now: '2026-06-02T14:00:01.000Z',
      });
      for (const json of [{ set: 'tomorrow' }, { advance: 'soon' }, { advance: -5 }, {}]) {
        expect((await admin(h, '/clock', { method: 'POST', json })).status).toBe(400);
      }
      expect(h.clock.now().toISOString()).toBe('2026-06-02T14:00:01.000Z');
      // The simulator lives on that clock: an entry pushed now is queued at the virtual time.
      expect((await h.push(entryBody())).body.queuedAt).toBe('2026-06-02T14:00:01.000Z');
    });
  });

  describe('request journal', () => {
    it('records vendor requests with virtual timestamps, and not admin reads', async () => {
      const h = setup();
      await h.request('/api/v1/files');
      h.clock.set('2026-04-01T08:30:00.000Z');
      const pushed = await h.push(entryBody());
      await h.request('/api/v1/files', { as: null });
      await admin(h, '/health');
      const res = await admin(h, '/requests');
      expect(res.status).toBe(200);
      const { requests } = (await res.json()) as {
        requests: {
          seq: number;
          at: string;
          method: string;
          path: string;
          status: number;
          tenantId?: string;
          requestBody?: string;
          responseBody?: string;
        }[];
      };
      expect(requests.map((r) => [r.method, r.path, r.status, r.at])).toEqual([
        ['GET', '/api/v1/files', 401, '2026-04-01T08:30:00.000Z'],
        ['POST', `/api/v1/files/${FILE}/entries`, 202, '2026-04-01T08:30:00.000Z'],
        ['GET', '/api/v1/files', 200, START],
      ]);
      expect(requests[1]!.tenantId).toBe(ENTITY);
      expect(JSON.parse(requests[1]!.requestBody!)).toMatchObject({ journalCode: 'AC', postingDate: '2026-03-10' });
      expect(JSON.parse(requests[1]!.responseBody!)).toMatchObject({ id: pushed.body.id, status: 'queued' });
      const filtered = (await (await admin(h, '/requests?method=POST')).json()) as { requests: unknown[] };
      expect(filtered.requests).toHaveLength(1);
      expect((await admin(h, '/requests?limit=0')).status).toBe(400);
    });
  });

  describe('faults', () => {
    const addFault = async (h: Harness, rule: unknown) => {
      const res = await admin(h, '/faults', { method: 'POST', json: rule });
      expect(res.status).toBe(201);
    };

    it('answers a given status for a route pattern, `times` times, without touching the state', async () => {
      const h = setup();
      await addFault(h, { kind: 'status', status: 503, path: '/api/v1/files/*/entries', method: 'POST', times: 2 });
      for (let i = 0; i < 2; i++) {
        const before = h.stateSnapshot();
        const res = await h.request(h.api(FILE, 'entries'), { method: 'POST', json: entryBody() });
        await expectSageError(res, 503, 'ServiceUnavailable');
        expect(res.headers.get('x-ledgersim-fault')).toMatch(/^status#\d+$/);
        expect(h.stateSnapshot()).toBe(before);
      }
      expect((await h.push(entryBody())).status).toBe(202);
      expect((await (await admin(h, '/faults')).json()) as { faults: unknown[] }).toEqual({ faults: [] });
    });

    it('matches only its method and path', async () => {
      const h = setup();
      await addFault(h, { kind: 'status', status: 500, path: '/api/v1/files/*/journals' });
      expect((await h.request(h.api(FILE, 'accounts'))).status).toBe(200);
      expect((await h.request(h.api(FILE, 'journals'))).status).toBe(500);
      // The admin plane is never faulted.
      expect((await admin(h, '/health')).status).toBe(200);
      expect((await admin(h, '/faults', { method: 'DELETE' })).status).toBe(200);
      expect((await h.request(h.api(FILE, 'journals'))).status).toBe(200);
    });

    it('rate-limits with a Retry-After header', async () => {
      const h = setup();
      await addFault(h, { kind: 'rate-limit', retryAfterSeconds: 30, times: 1 });
      const res = await h.request('/api/v1/files');
      await expectSageError(res, 429, 'TooManyRequests');
      expect(res.headers.get('retry-after')).toBe('30');
      expect((await h.request('/api/v1/files')).status).toBe(200);
    });

    it('answers a malformed body', async () => {
      const h = setup();
      await addFault(h, { kind: 'malformed', times: 1 });
      const res = await h.request('/api/v1/files');
      expect(res.status).toBe(200);
      await expect(res.json()).rejects.toThrow();
    });

    it('drops the connection: in-process, the answer is marked with the drop header', async () => {
      const h = setup();
      await addFault(h, { kind: 'drop', path: '/api/v1/**', times: 1 });
      const before = h.stateSnapshot();
      const res = await h.request(h.api(FILE, 'entries'), { method: 'POST', json: entryBody() });
      expect(res.headers.get(DROP_HEADER)).toBe('1');
      expect(h.stateSnapshot()).toBe(before);
      expect((await h.request('/api/v1/files')).headers.get(DROP_HEADER)).toBeNull();
    });

    it('refuses an invalid fault rule', async () => {
      const h = setup();
      for (const json of [
        { kind: 'explode' },
        { kind: 'status', status: 200 },
        { kind: 'status', times: 0 },
        { kind: 'drop', probability: 2 },
      ]) {
        expect((await admin(h, '/faults', { method: 'POST', json })).status).toBe(400);
      }
      expect(h.sim.faults.list()).toEqual([]);
    });
  });
});

describe('Sage GE /openapi.json', () => {
  it('lists the vendor routes', async () => {
    const h = setup();
    const res = await h.sim.app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.0.0');
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        'GET /api/v1/files',
        'GET /api/v1/files/{fileId}/fiscal-years',
        'GET /api/v1/files/{fileId}/accounts',
        'GET /api/v1/files/{fileId}/subsidiary-accounts',
        'GET /api/v1/files/{fileId}/journals',
        'GET /api/v1/files/{fileId}/third-parties',
        'PUT /api/v1/files/{fileId}/third-parties',
        'POST /api/v1/files/{fileId}/entries',
        'GET /api/v1/files/{fileId}/entries',
        'GET /api/v1/files/{fileId}/entries/{entryId}',
      ].sort(),
    );
    expect(doc.components.securitySchemes).toHaveProperty('geIdentifier');
  });

  it('describes a state the schema accepts', () => {
    expect(SageGeStateSchema.safeParse(buildState()).success).toBe(true);
  });
});

describe('the Sage GE test suite', () => {
  it('names every Sage GE catalogue id in a test beside the code', () => {
    const dir = import.meta.dirname;
    const tests = (readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.test.ts') && !f.endsWith('readme.test.ts') && !f.endsWith('index.test.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const untested = entriesFor('sage-ge').filter(
      (entry) => !tests.includes(`'${entry.id}'`) && !tests.includes(`${entry.id} `),
    );
    expect(untested.map((e) => e.id)).toEqual([]);
    expect(entriesFor('sage-ge')).toHaveLength(28);
  });
});
