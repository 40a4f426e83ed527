import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { set } from '../../core/changes.js';
import { openFileStore, type Store } from '../../core/store.js';
import { heldFileLayer } from '../../core/test-support.js';
import { bareKitOptions } from './test-harness.js';
import { createSimulatorKit } from './simulator-kit.js';

const Tenant = z.object({ tags: z.record(z.string(), z.string()) });
const State = z.object({ tenants: z.record(z.string(), Tenant) });
type State = z.infer<typeof State>;

/** A one-tenant simulator: a tag can be read, added once (409 if it is there), and listed. */
function tagger(store: Store<State>) {
  const kit = createSimulatorKit<State>(bareKitOptions('tagger', store, State, Tenant));
  const router = kit.router();
  router.get('/tags', (c) => c.json(store.data.tenants.t!.tags));
  router.post('/tags/:name', async (c) => {
    const name = c.req.param('name');
    // A duplicate check, as the vendors' (a document number, an idempotency key): it must see earlier writers.
    if (Object.hasOwn(store.data.tenants.t!.tags, name)) return c.json({ vendorCode: 'Duplicate' }, 409);
    const number = String(Object.keys(store.data.tenants.t!.tags).length + 1);
    await store.commit([set(['tenants', 't', 'tags', name], number)]);
    return c.json({ number });
  });
  kit.app.route('/', router);
  kit.finish();
  return kit.app;
}

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
async function world() {
  const dir = await mkdtemp(join(tmpdir(), 'ledgersim-reads-'));
  dirs.push(dir);
  const { layer, control } = heldFileLayer();
  const store = await openFileStore<State>({
    dir,
    name: 'tagger',
    schema: State,
    initial: () => ({ tenants: { t: { tags: {} } } }),
    fs: layer,
  });
  const app = tagger(store);
  // app.request answers a Response or a promise of one: always a promise here.
  const request = (path: string, init?: RequestInit) => Promise.resolve(app.request(path, init));
  return { app: { request }, store, control };
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1));
};
/** What the request answered within `ms`, or 'still waiting'. */
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms))]);

describe('no change is visible before it is durable', () => {
  it('a GET during a commit whose fsync then fails never answers the undone change', async () => {
    const { app, store, control } = await world();
    control.hold();
    const post = app.request('/tags/blue', { method: 'POST' });
    await until(() => control.waiting > 0); // written, not yet durable
    expect(store.data.tenants.t!.tags).toEqual({ blue: '1' }); // writers do see it
    const get = app.request('/tags').then((r) => r.json());
    const early = await within(get, 50);
    control.failing = 'EIO';
    control.release();
    expect((await post).status).toBe(503);
    expect(early === 'still waiting' ? await get : early).toEqual({});
    expect(store.data.tenants.t!.tags).toEqual({});
  });

  it('the streamed admin state during that commit does not hold it either', async () => {
    const { app, control } = await world();
    control.hold();
    const post = app.request('/tags/blue', { method: 'POST' });
    await until(() => control.waiting > 0);
    const get = app.request('/__admin/state').then((r) => r.text());
    const early = await within(get, 50);
    control.failing = 'EIO';
    control.release();
    await post;
    expect(JSON.parse(early === 'still waiting' ? await get : early)).toEqual({ tenants: { t: { tags: {} } } });
  });

  it('a GET during a commit that succeeds answers once it is durable, with it', async () => {
    const { app, control } = await world();
    control.hold();
    const post = app.request('/tags/blue', { method: 'POST' });
    await until(() => control.waiting > 0);
    const get = app.request('/tags').then((r) => r.json());
    expect(await within(get, 50)).toBe('still waiting');
    control.release();
    expect((await post).status).toBe(200);
    expect(await get).toEqual({ blue: '1' });
  });

  it('a writer sees the writers before it (numbers, duplicates); a refusal resting on an undone change becomes a 503', async () => {
    const { app, store, control } = await world();
    control.hold();
    const first = app.request('/tags/blue', { method: 'POST' });
    await until(() => control.waiting > 0);
    const second = app.request('/tags/green', { method: 'POST' });
    await until(() => Object.hasOwn(store.data.tenants.t!.tags, 'green'));
    expect(store.data.tenants.t!.tags).toEqual({ blue: '1', green: '2' }); // numbered after the pending one
    const duplicate = app.request('/tags/blue', { method: 'POST' });
    expect(await within(duplicate, 50)).toBe('still waiting'); // its 409 rests on a change not yet durable
    control.failing = 'EIO';
    control.release();
    expect((await first).status).toBe(503);
    expect((await second).status).toBe(503);
    // "blue already exists" would name a tag that never existed: the client is told to retry instead.
    expect((await duplicate).status).toBe(503);
    expect(store.data.tenants.t!.tags).toEqual({});
  });

  it('a refusal resting on a change that became durable is answered as it was', async () => {
    const { app, control } = await world();
    control.hold();
    const first = app.request('/tags/blue', { method: 'POST' });
    await until(() => control.waiting > 0);
    const duplicate = app.request('/tags/blue', { method: 'POST' });
    expect(await within(duplicate, 50)).toBe('still waiting');
    control.release();
    expect((await first).status).toBe(200);
    expect((await duplicate).status).toBe(409);
  });

  it('readers among writers that never stop: every GET answers, and holds only acknowledged tags, across a failing fsync', async () => {
    const { app, control } = await world();
    const acknowledged = new Set<string>();
    const seen: Record<string, string>[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const res = await app.request(`/tags/w${w}-${i}`, { method: 'POST' });
        if (res.status === 200) acknowledged.add(`w${w}-${i}`);
        else if (res.status === 503) return;
      }
    };
    const reader = async () => {
      while (!stop) {
        seen.push((await (await app.request('/tags')).json()) as Record<string, string>);
        await new Promise((resolve) => setImmediate(resolve)); // in-process requests never leave the microtask queue otherwise
      }
    };
    const run = Promise.all([...Array.from({ length: 6 }, (_, w) => writer(w)), reader(), reader()]);
    await until(() => seen.length >= 20 && acknowledged.size >= 20);
    control.failing = 'EIO'; // every fsync from now on: the changes in flight are undone
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop = true;
    await run;
    const reads = seen.length;
    expect(reads).toBeGreaterThanOrEqual(20);
    for (const answer of seen) for (const tag of Object.keys(answer)) expect(acknowledged).toContain(tag);
  });
});
