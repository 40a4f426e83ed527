import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RESERVED_KEY_MESSAGE } from '../../contracts/common/primitives.js';
import { set } from '../../core/changes.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bareKitOptions } from './test-harness.js';
import { createSimulatorKit, STORE_RETRY_AFTER_SECONDS } from './simulator-kit.js';
import { createMemoryStore, openFileStore, StoreUnavailableError, type Store } from '../../core/store.js';
import { faultyFileLayer } from '../../core/file-layer.js';

const Tenant = z.object({ tags: z.record(z.string(), z.string()) });
const State = z.object({ tenants: z.record(z.string(), Tenant) });
type State = z.infer<typeof State>;

/** A one-route simulator whose route keeps a tag under a name taken from the path, unchecked. */
function careless(store: Store<State> = createMemoryStore<State>({ tenants: { t: { tags: {} } } })) {
  const kit = createSimulatorKit<State>(bareKitOptions('careless', store, State, Tenant));
  const router = kit.router();
  router.post('/tags/:name', async (c) => {
    await store.commit([set(['tenants', 't', 'tags', c.req.param('name')], 'x')]);
    return c.json({ ok: true });
  });
  kit.app.route('/', router);
  kit.finish();
  return { app: kit.app, store };
}

describe('the kit, behind a route that forgot to check a name', () => {
  it("answers a name that cannot be a key with a 400 in the vendor's shape, and changes nothing", async () => {
    const { app, store } = careless();
    const before = JSON.stringify(store.data);
    const res = await app.request('/tags/__proto__', { method: 'POST' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      vendorCode: 'BadRequest',
      vendorMessage: `"__proto__" cannot name anything here: ${RESERVED_KEY_MESSAGE}`,
    });
    expect(JSON.stringify(store.data)).toBe(before);
    expect((await app.request('/tags/blue', { method: 'POST' })).status).toBe(200);
    expect(store.data.tenants.t!.tags).toEqual({ blue: 'x' });
  });
});

describe('the kit over a disk that fills up', () => {
  it("answers 503 in the vendor's shape with Retry-After, changes nothing, keeps serving reads, and writes again once the disk has room", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-kit-'));
    try {
      const { layer, control } = faultyFileLayer();
      const store = await openFileStore<State>({
        dir,
        name: 'careless',
        schema: State,
        initial: () => ({ tenants: { t: { tags: {} } } }),
        fs: layer,
      });
      const { app } = careless(store);
      control.failing = 'ENOSPC';
      const res = await app.request('/tags/blue', { method: 'POST' });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe(String(STORE_RETRY_AFTER_SECONDS));
      expect(await res.json()).toEqual({
        vendorCode: 'ServiceUnavailable',
        vendorMessage: new StoreUnavailableError(Object.assign(new Error(), { code: 'ENOSPC' })).message,
      });
      expect(store.data.tenants.t!.tags).toEqual({});
      expect(((await (await app.request('/__admin/health')).json()) as { status: string }).status).toBe('read-only');
      expect((await app.request('/__admin/state')).status).toBe(200);
      control.failing = null;
      expect((await app.request('/tags/green', { method: 'POST' })).status).toBe(503); // this one probes
      await store.flush();
      expect((await app.request('/tags/green', { method: 'POST' })).status).toBe(200);
      expect(store.data.tenants.t!.tags).toEqual({ green: 'x' });
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('admin reads of a large state', () => {
  it('stream the state and a tenant as the same JSON, and a name that is no tenant is a 404', async () => {
    const tags = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, `value ${i}`]));
    const store = createMemoryStore<State>({ tenants: { t: { tags }, u: { tags: {} } } });
    const { app } = careless(store);
    const res = await app.request('/__admin/state');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    let reads = 0;
    const reader = res.body!.getReader();
    let text = '';
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      reads += 1;
      text += decoder.decode(value, { stream: true });
    }
    expect(text).toBe(JSON.stringify(store.data));
    expect(reads).toBeGreaterThan(1);
    expect(await (await app.request('/__admin/tenants/t')).text()).toBe(JSON.stringify(store.data.tenants.t));
    expect((await app.request('/__admin/tenants/toString')).status).toBe(404);
    expect((await app.request('/__admin/tenants/nobody')).status).toBe(404);
  });
});
