import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../core/clock.js';
import { createSageGeSimulator } from '../sage-ge/index.js';
import { TENANT_HEADER } from './admin-links.js';
import { lightCache, setAnswerHeader } from './light-response.js';
import { serveApp } from './serve.js';

/** The platform's own Response, before a server installs @hono/node-server's in its place. */
const PlatformResponse = globalThis.Response;

describe("an answer's header set in @hono/node-server's light Response", () => {
  it('adds the header to the plain headers in place (no Headers built), replacing one of the same name in any case', async () => {
    const running = await serveApp(() => new Response('ok'), { port: 0 }); // installs node-server's Response
    try {
      const res = new Response('{"ok":true}', {
        status: 202,
        headers: { 'Content-Type': 'application/json', 'x-ledgersim-tenant': 'someone else' },
      });
      setAnswerHeader(res, TENANT_HEADER, 'ENT-1');
      const cache = lightCache(res);
      expect(cache, 'the header was set the slow way: has @hono/node-server moved its `cache` slot?').toBeDefined();
      expect(cache![2]).toEqual({ 'Content-Type': 'application/json', [TENANT_HEADER]: 'ENT-1' });
      // Read through the standard API, the answer is what `res.headers.set` would have made.
      expect(res.status).toBe(202);
      expect(res.headers.get('x-ledgersim-tenant')).toBe('ENT-1');
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(await res.text()).toBe('{"ok":true}');
    } finally {
      await running.close();
    }
  });

  it('sets it through `headers` on any other answer', () => {
    const res = new PlatformResponse('{}', { headers: { 'content-type': 'application/json' } });
    setAnswerHeader(res, TENANT_HEADER, 'ENT-1');
    expect(res.headers.get('x-ledgersim-tenant')).toBe('ENT-1');
    expect(res.headers.get('content-type')).toBe('application/json');
  });

  it('a push served over a socket names its tenant once, beside its JSON content type', async () => {
    const sim = createSageGeSimulator({ clock: createVirtualClock({ start: '2026-03-16T09:00:00.000Z' }) });
    const running = await serveApp(sim.app.fetch, { port: 0 });
    try {
      const entity = sim.store.data.tenants['ENT-1']!;
      const res = await fetch(`${running.url}/api/v1/files`, {
        headers: { authorization: `Bearer ${entity.geIdentifier}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ledgersim-tenant')).toBe('ENT-1');
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(Array.isArray(((await res.json()) as { files: unknown[] }).files)).toBe(true);
    } finally {
      await running.close();
      await sim.close();
    }
  });
});
