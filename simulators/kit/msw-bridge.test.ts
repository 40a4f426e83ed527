import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLedgersimHandlers } from '../../msw.js';

const { handlers, simulators, baseUrls } = createLedgersimHandlers({ seed: 5 });
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('the msw bridge', () => {
  it('lets a real fetch reach the in-process simulator, no socket', async () => {
    const entity = simulators.sageGe.store.data.tenants['ENT-1']!;
    const res = await fetch(`${baseUrls.sageGe}/api/v1/files`, {
      headers: { authorization: `Bearer ${entity.geIdentifier}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { files: { id: string }[] };
    expect(body.files.map((f) => f.id)).toContain('healthy');
    expect(simulators.sageGe.journal.list({ path: '/api/v1/files' })).toHaveLength(1);
  });

  it('turns an injected dropped connection into a network error', async () => {
    simulators.sageGe.faults.add({ path: '/api/v1/files', kind: 'drop', times: 1 });
    await expect(fetch(`${baseUrls.sageGe}/api/v1/files`)).rejects.toThrow(TypeError);
  });
});

describe("ledgersim/msw's fetch (no interception)", () => {
  it('reaches the same simulators as the handlers: what one path writes, the other reads', async () => {
    const ledgersim = createLedgersimHandlers({ seed: 5 });
    server.use(...ledgersim.handlers);
    try {
      const entity = ledgersim.simulators.sageGe.store.data.tenants['ENT-1']!;
      const res = await ledgersim.fetch(`${ledgersim.baseUrls.sageGe}/api/v1/files`, {
        headers: { authorization: `Bearer ${entity.geIdentifier}` },
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { files: { id: string }[] }).files.map((f) => f.id)).toContain('healthy');
      const before = ledgersim.clock.nowMs();
      const moved = await ledgersim.fetch(`${ledgersim.baseUrls.sageGe}/__admin/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advance: '2d' }),
      });
      expect(moved.status).toBe(200);
      // Through msw (the global fetch), the same simulator's clock and journal.
      const clock = (await (await fetch(`${ledgersim.baseUrls.sageGe}/__admin/clock`)).json()) as { now: string };
      expect(Date.parse(clock.now) - before).toBe(2 * 86_400_000);
      expect(ledgersim.simulators.sageGe.journal.list({ path: '/api/v1/files' })).toHaveLength(1);
    } finally {
      server.resetHandlers();
    }
  });
});

describe("the bridge's own handler", () => {
  it('hands the request to the simulator as msw built it: no clone, so the body is read through one stream', async () => {
    const clone = vi.spyOn(Request.prototype, 'clone');
    try {
      const entity = simulators.sageGe.store.data.tenants['ENT-1']!;
      const res = await fetch(`${baseUrls.sageGe}/__admin/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${entity.geIdentifier}` },
        body: JSON.stringify({ advance: '1h' }),
      });
      expect(res.status).toBe(200);
      expect(clone).not.toHaveBeenCalled();
    } finally {
      clone.mockRestore();
    }
  });

  it("answers only its simulator's base URL: not a host that merely starts the same way", async () => {
    const other = `${baseUrls.sageGe}.elsewhere.test/api/v1/files`;
    server.use(http.get(other, () => HttpResponse.json({ from: 'elsewhere' })));
    try {
      const res = await fetch(other);
      expect(await res.json()).toEqual({ from: 'elsewhere' });
    } finally {
      server.resetHandlers();
    }
  });

  it('keeps the query string, and gives way to a handler a test puts in front of it', async () => {
    const entity = simulators.sageGe.store.data.tenants['ENT-1']!;
    const url = `${baseUrls.sageGe}/api/v1/files?ledgersim=query`;
    await fetch(url, { headers: { authorization: `Bearer ${entity.geIdentifier}` } });
    const queries = simulators.sageGe.journal
      .list({ path: '/api/v1/files' })
      .map((e) => (e as { query: string }).query);
    expect(queries).toContain('?ledgersim=query');
    server.use(http.get(`${baseUrls.sageGe}/api/v1/files`, () => HttpResponse.json({ overridden: true })));
    try {
      expect(await (await fetch(url)).json()).toEqual({ overridden: true });
    } finally {
      server.resetHandlers();
    }
  });

  it("agrees with msw's own matching of its pattern (`test()`, what msw's tools call)", async () => {
    const [handler] = createLedgersimHandlers({ seed: 5 }).handlers;
    const request = (url: string) => ({ request: new Request(url, { method: 'DELETE' }) });
    expect(await handler!.test(request(`${baseUrls.sageGe}/api/v1/files`))).toBe(true);
    expect(await handler!.test(request(`${baseUrls.sageGe}.elsewhere.test/api/v1/files`))).toBe(false);
  });
});
