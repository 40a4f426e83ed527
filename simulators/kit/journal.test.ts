import { describe, expect, it } from 'vitest';
import { serveApp } from './serve.js';

describe("the request journal's fast path", () => {
  // The journal reads a string answer in place from @hono/node-server's light Response (its `cache`
  // slot), which saved about 45 % of a push. The slot is not public API: if an upgrade moves it,
  // this fails, and the journal meanwhile falls back to reading the body (slower, still right).
  it("finds a string body in @hono/node-server's light Response, where the journal reads it", async () => {
    const running = await serveApp(() => new Response('ok'), { port: 0 }); // installs node-server's Response
    try {
      const res = new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
      const slot = Object.getOwnPropertySymbols(res).find((s) => s.description === 'cache');
      expect(slot, 'no `cache` slot on the Response: the journal reads every answer the slow way').toBeDefined();
      const cached = (res as unknown as Record<symbol, unknown>)[slot!];
      expect(Array.isArray(cached) && cached[1]).toBe('{"ok":true}');
    } finally {
      await running.close();
    }
  });
});
