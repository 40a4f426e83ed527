import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgersimHandlers } from '../msw.js';
import { startSimulators } from '../simulators/start.js';
import { VENDORS, type VendorId, type VendorModule } from './index.js';
import type { DemoCredentials } from './demo.js';

/** Signs in with each vendor's first demo tenant through the vendor's real connector and lists its files. */
async function listWithCredentials(
  credentials: DemoCredentials,
  urlOf: (id: VendorId) => string,
  tweak?: (c: Record<string, string | undefined>) => void,
) {
  const { createVirtualClock } = await import('../core/clock.js');
  const out: Record<string, { ok: boolean; files?: string[]; expected: string[] }> = {};
  for (const id of VENDORS.ids) {
    const tenant = credentials[id][0]!;
    const creds = { ...tenant.credentials } as Record<string, string | undefined>;
    tweak?.(creds);
    const connector = VENDORS.connectorFor(
      { vendor: id, credentials: creds },
      { baseUrl: urlOf(id), fetch, clock: createVirtualClock({ start: '2026-03-16T09:00:00Z' }), maxRetries: 0 },
    );
    const listed = await connector.listFiles();
    out[id] = { ok: listed.ok, expected: tenant.files, ...(listed.ok ? { files: listed.value.map((f) => f.id) } : {}) };
  }
  return out;
}

describe('the demo credentials in code', () => {
  it("startSimulators() returns, per vendor, credentials its connector signs in with and the tenant's files", async () => {
    const running = await startSimulators({ portBase: 0, seed: 1, dashboard: false, now: '2026-03-16T09:00:00Z' });
    try {
      for (const s of running.simulators) expect(running.urls[s.name]).toBe(s.url);
      // One entry per tenant of the state the simulator serves, in its order.
      for (const s of running.simulators)
        expect(running.credentials[s.name].map((t) => t.tenantId)).toEqual(
          Object.keys((s.simulator.store.data as { tenants: object }).tenants),
        );
      const listed = await listWithCredentials(running.credentials, (id) => running.urls[id]!);
      for (const id of VENDORS.ids) {
        expect(listed[id]!.ok, id).toBe(true);
        expect(listed[id]!.files, id).toEqual(expect.arrayContaining(listed[id]!.expected));
      }
      // The credentials are what opened them: one changed character is refused by every vendor.
      const wrong = await listWithCredentials(
        running.credentials,
        (id) => running.urls[id]!,
        (c) => {
          for (const k of ['geIdentifier', 'cpaSecret', 'apiSecret']) if (c[k]) c[k] = `${c[k]!.slice(0, -1)}#`;
        },
      );
      for (const id of VENDORS.ids) expect(wrong[id]!.ok, id).toBe(false);
    } finally {
      await running.close();
    }
  });

  it('a simulator not started has an empty list and no URL', async () => {
    const running = await startSimulators({
      portBase: 0,
      seed: 1,
      dashboard: false,
      only: ['quadra'],
      now: '2026-03-16T09:00:00Z',
    });
    try {
      expect(running.credentials['sage-ge']).toEqual([]);
      expect(running.credentials.loop).toEqual([]);
      expect(running.credentials.quadra.length).toBeGreaterThan(0);
      expect(Object.keys(running.urls)).toEqual(['quadra']);
    } finally {
      await running.close();
    }
  });

  describe('createLedgersimHandlers()', () => {
    const ledgersim = createLedgersimHandlers({ seed: 1 });
    const server = setupServer(...ledgersim.handlers);
    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
    afterAll(() => server.close());
    // The public keys are the ids in camelCase, written out here rather than taken from msw.ts.
    const keyOf = (id: VendorId) => id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    const urls = (id: VendorId) => (ledgersim.baseUrls as Record<string, string>)[keyOf(id)]!;

    it('serves every registered vendor, each at https://<id>.ledgersim.test, with its own simulator', () => {
      expect(Object.keys(ledgersim.simulators).sort()).toEqual(VENDORS.ids.map(keyOf).sort());
      expect(Object.keys(ledgersim.baseUrls).sort()).toEqual(VENDORS.ids.map(keyOf).sort());
      expect(Object.keys(ledgersim.credentials).sort()).toEqual([...VENDORS.ids].sort());
      for (const id of VENDORS.ids) {
        expect(urls(id)).toBe(`https://${id}.ledgersim.test`);
        const simulator = (ledgersim.simulators as Record<string, { name: string; clock: { nowMs(): number } }>)[
          keyOf(id)
        ]!;
        expect(simulator.name).toBe(id);
        expect(simulator.clock.nowMs(), 'on the shared clock').toBe(ledgersim.clock.nowMs());
        expect(ledgersim.credentials[id].length, id).toBeGreaterThan(0);
      }
    });

    it('takes other base URLs for some vendors and keeps the default for the others', () => {
      const moved = createLedgersimHandlers({ baseUrls: { quadra: 'http://quadra.example.test' } });
      expect(moved.baseUrls.quadra).toBe('http://quadra.example.test');
      expect(moved.baseUrls.sageGe).toBe('https://sage-ge.ledgersim.test');
    });

    it('returns the same typed credentials, which sign in through msw', async () => {
      // Typed per vendor: these lines would not compile with another vendor's field.
      const sage: string = ledgersim.credentials['sage-ge'][0]!.credentials.geIdentifier;
      const loop: string = ledgersim.credentials.loop[0]!.credentials.subscriptionKey;
      expect(sage).toBe(Object.values(ledgersim.simulators.sageGe.store.data.tenants)[0]!.geIdentifier);
      expect(loop).toBe(Object.values(ledgersim.simulators.loop.store.data.tenants)[0]!.subscriptionKey);
      const listed = await listWithCredentials(ledgersim.credentials, urls);
      for (const id of VENDORS.ids) {
        expect(listed[id]!.ok, id).toBe(true);
        expect(listed[id]!.files, id).toEqual(expect.arrayContaining(listed[id]!.expected));
      }
    });
  });
});

describe('the demo data of a seed', () => {
  const now = new Date('2026-06-15T10:00:00Z');
  it.each(VENDORS.ids)(
    '%s: the same seed gives the same state, valid by its schema; another seed another one',
    (id) => {
      // Each vendor's definition is typed with its own state; here they are all handled alike.
      const { definition } = (VENDORS.get(id) as VendorModule<VendorId>).simulator;
      const a = definition.demo(5, now);
      expect(definition.schema.safeParse(a).success).toBe(true);
      expect(definition.demo(5, now)).toEqual(a);
      const other = definition.demo(6, now);
      expect(definition.credentials(other)).not.toEqual(definition.credentials(a));
      // Names too (they are drawn apart from the keys): the printed credentials name each firm.
      const names = (state: unknown) => JSON.stringify(state).match(/"(?:name|raisonSociale)":"[^"]*"/g);
      expect(names(other)).not.toEqual(names(a));
    },
  );
});
