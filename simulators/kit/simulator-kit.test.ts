import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RESERVED_KEY_MESSAGE } from '../../contracts/common/primitives.js';
import { set } from '../../core/changes.js';
import { createVirtualClock } from '../../core/clock.js';
import { createRandom } from '../../core/random.js';
import { createSimulatorKit } from './simulator-kit.js';
import { createMemoryStore } from '../../core/store.js';

const Tenant = z.object({ tags: z.record(z.string(), z.string()) });
const State = z.object({ tenants: z.record(z.string(), Tenant) });
type State = z.infer<typeof State>;

/** A one-route simulator whose route keeps a tag under a name taken from the path, unchecked. */
function careless() {
  const store = createMemoryStore<State>({ tenants: { t: { tags: {} } } });
  const kit = createSimulatorKit<State>({
    name: 'careless',
    title: 'Careless',
    store,
    clock: createVirtualClock({ start: '2026-03-16T09:00:00Z' }),
    random: createRandom(1),
    schema: State,
    tenantSchema: Tenant,
    empty: () => ({ tenants: {} }),
    seed: () => ({ tenants: {} }),
    defaultSeed: 1,
    formatError: (error) => ({ vendorCode: error.code, vendorMessage: error.message }),
  });
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
    expect(await res.json()).toEqual({ vendorCode: 'BadRequest', vendorMessage: `"__proto__" cannot name anything here: ${RESERVED_KEY_MESSAGE}` });
    expect(JSON.stringify(store.data)).toBe(before);
    expect((await app.request('/tags/blue', { method: 'POST' })).status).toBe(200);
    expect(store.data.tenants.t!.tags).toEqual({ blue: 'x' });
  });
});
