import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../core/clock.js';
import { createSageGeSimulator } from '../sage-ge/index.js';
import { createInProcessFetch } from './in-process-fetch.js';

const BASE = 'https://sage-ge.in-process.test';

function setUp() {
  const sim = createSageGeSimulator({ clock: createVirtualClock({ start: '2026-03-16T09:00:00Z' }), seed: 3 });
  const auth = { authorization: `Bearer ${sim.store.data.tenants['ENT-1']!.geIdentifier}` };
  return { sim, auth, fetch: createInProcessFetch([{ baseUrl: `${BASE}/`, fetch: sim.app.fetch }]) };
}

describe('the in-process fetch', () => {
  it("answers as the simulator's own app.request does", async () => {
    const { sim, auth, fetch } = setUp();
    const res = await fetch(`${BASE}/api/v1/files`, { headers: auth });
    const direct = await sim.app.request('/api/v1/files', { headers: auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(await direct.json());
    expect(sim.journal.list({ path: '/api/v1/files' })).toHaveLength(2);
  });

  it('refuses, as a network error, a URL no simulator answers (a look-alike host included), and reaches no simulator', async () => {
    const { sim, auth, fetch } = setUp();
    await expect(fetch('https://elsewhere.test/api/v1/files', { headers: auth })).rejects.toThrow(TypeError);
    await expect(fetch(`${BASE}.evil.test/api/v1/files`, { headers: auth })).rejects.toThrow(TypeError);
    expect(sim.journal.list({})).toHaveLength(0);
  });

  it('turns an injected dropped connection into a network error', async () => {
    const { sim, auth, fetch } = setUp();
    sim.faults.add({ path: '/api/v1/files', kind: 'drop', times: 1 });
    await expect(fetch(`${BASE}/api/v1/files`, { headers: auth })).rejects.toThrow(TypeError);
    expect((await fetch(`${BASE}/api/v1/files`, { headers: auth })).status).toBe(200);
  });

  it('sends the length of a body it holds whole, as a real fetch does, and routes each base URL to its own target', async () => {
    const seen: { url: string; length: string | null }[] = [];
    const target = (name: string) => ({
      baseUrl: `https://${name}.test`,
      fetch: (request: Request) => {
        seen.push({ url: request.url, length: request.headers.get('content-length') });
        return new Response(name);
      },
    });
    const fetch = createInProcessFetch([target('one'), target('two')]);
    expect(await (await fetch('https://two.test/x', { method: 'POST', body: 'héhé' })).text()).toBe('two');
    expect(await (await fetch('https://one.test/y', { method: 'POST', body: new Uint8Array(3) })).text()).toBe('one');
    expect(seen).toEqual([
      { url: 'https://two.test/x', length: String(Buffer.byteLength('héhé')) },
      { url: 'https://one.test/y', length: '3' },
    ]);
  });
});
