import { createRoute } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMemoryStore } from '../../core/store.js';
import { renderMessage } from '../../contracts/catalogue/index.js';
import { declareRoute, json, type ValidationHook } from './route.js';
import { bareKitOptions } from './test-harness.js';
import { createSimulatorKit } from './simulator-kit.js';
import { fail, refuse, rejectionError, vendorError } from './vendor-error.js';

const Tenant = z.object({ items: z.record(z.string(), z.number()) });
const State = z.object({ tenants: z.record(z.string(), Tenant) });
type State = z.infer<typeof State>;

/** The item a request names; else a vendor error is raised, outside the catalogue. */
function itemOf(state: State, name: string): number {
  // A catalogue rejection raised the same way, with a real id (any will do for the kit).
  if (name === 'gone') refuse({ id: 'SGE-ACCOUNT-LOCKED', params: { account: name } });
  const value = state.tenants.t!.items[name];
  if (value === undefined) fail({ status: 404, code: 'ItemNotFound', message: `No item ${name}` });
  return value;
}

/** A simulator with the same route declared both ways: validated by zod-openapi, and synchronously. */
function itemsSimulator() {
  const store = createMemoryStore<State>({ tenants: { t: { items: { a: 1 } } } });
  const kit = createSimulatorKit<State>(bareKitOptions('items', store, State, Tenant));
  const router = kit.router();
  // A simulator's own validation answer, e.g. Loop's French messages.
  const hook: ValidationHook = (result, c) =>
    result.success
      ? undefined
      : vendorError(c, { status: 400, code: 'Invalide', message: `${result.target} invalide.` });
  for (const [prefix, validate] of [
    ['/async', undefined],
    ['/sync', 'sync'],
    ['/async-hooked', undefined],
    ['/sync-hooked', 'sync'],
  ] as const) {
    declareRoute(
      router,
      createRoute({
        method: 'post',
        path: `${prefix}/items/{name}`,
        summary: 'Add to an item',
        request: {
          params: z.object({ name: z.string().max(5) }),
          body: { required: true, content: { 'application/json': { schema: z.object({ add: z.number() }) } } },
        },
        responses: { 200: json(z.object({ value: z.number() }), 'The new value') },
      }),
      (c) => c.json({ value: itemOf(store.data, c.req.valid('param').name) + c.req.valid('json').add }, 200),
      { ...(validate ? { validate } : {}), ...(prefix.endsWith('-hooked') ? { hook } : {}) },
    );
  }
  kit.app.route('/', router);
  kit.finish();
  return kit;
}

describe('declareRoute', () => {
  for (const prefix of ['/async', '/sync']) {
    describe(prefix === '/sync' ? 'validated synchronously' : 'validated by zod-openapi', () => {
      const post = (name: string, body: string) =>
        itemsSimulator().app.request(`${prefix}/items/${name}`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
        });

      it('hands the handler the parsed input', async () => {
        const res = await post('a', '{"add":2}');
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ value: 3 });
      });

      it('answers an error a helper raised in the vendor shape, with its status', async () => {
        const res = await post('b', '{"add":2}');
        expect(res.status).toBe(404);
        expect(await res.json()).toEqual({ vendorCode: 'ItemNotFound', vendorMessage: 'No item b' });
      });

      it('answers a rejection a helper raised with the catalogue status, code and message, journaled with its id', async () => {
        const kit = itemsSimulator();
        const res = await kit.app.request(`${prefix}/items/gone`, {
          method: 'POST',
          body: '{"add":2}',
          headers: { 'content-type': 'application/json' },
        });
        const error = rejectionError({ id: 'SGE-ACCOUNT-LOCKED', params: { account: 'gone' } });
        expect(res.status).toBe(error.status);
        expect(await res.json()).toEqual({
          vendorCode: error.code,
          vendorMessage: renderMessage('SGE-ACCOUNT-LOCKED', { account: 'gone' }),
        });
        expect(kit.journal.list().at(-1)?.catalogueId).toBe('SGE-ACCOUNT-LOCKED');
      });

      it('answers input that does not match the schemas in the vendor shape', async () => {
        for (const [name, body] of [
          ['toolong', '{"add":2}'],
          ['a', '{"add":"2"}'],
        ] as const) {
          const res = await post(name, body);
          expect(res.status).toBe(400);
          expect(((await res.json()) as { vendorCode: string }).vendorCode).toBe('ValidationError');
        }
      });
    });
  }

  for (const prefix of ['/async-hooked', '/sync-hooked']) {
    it(`answers invalid input with the simulator's hook (${prefix})`, async () => {
      const res = await itemsSimulator().app.request(`${prefix}/items/a`, {
        method: 'POST',
        body: '{"add":"2"}',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ vendorCode: 'Invalide', vendorMessage: 'json invalide.' });
    });
  }

  it('documents both the same way', async () => {
    const doc = (await (await itemsSimulator().app.request('/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(doc.paths['/sync/items/{name}']).toEqual(doc.paths['/async/items/{name}']);
  });
});
