import { describe, expect, it } from 'vitest';
import { VENDORS } from './vendors/index.js';
import { LEDGERSIM_KEY, ledgersimGlobalSetup, type LedgersimContext } from './vitest.js';

/** `ledgersim/vitest`'s globalSetup as vitest calls it: provide, then the teardown it returns. */
describe('ledgersim/vitest', () => {
  it('starts the simulators on free ports, provides their URLs and credentials, and stops them in the teardown', async () => {
    const provided = new Map<string, unknown>();
    const teardown = await ledgersimGlobalSetup({ seed: 1, now: '2026-03-16T09:00:00Z' })({
      provide: ((key: string, value: unknown) => provided.set(key, value)) as never,
    });
    let context: LedgersimContext;
    try {
      expect([...provided.keys()]).toEqual([LEDGERSIM_KEY]);
      context = provided.get(LEDGERSIM_KEY) as LedgersimContext;
      // vitest copies provided values into each worker: it must survive a structured clone.
      expect(structuredClone(context)).toEqual(context);
      expect(Object.keys(context.urls).sort()).toEqual([...VENDORS.ids].sort());
      expect(context.startedAt).toBe('2026-03-16T09:00:00.000Z');
      expect(context.dashboard).toBeUndefined();
      for (const id of VENDORS.ids) {
        expect(context.urls[id]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const tenant = context.credentials[id][0]!;
        const { createVirtualClock } = await import('./core/clock.js');
        const connector = VENDORS.connectorFor(
          { vendor: id, credentials: tenant.credentials },
          { baseUrl: context.urls[id]!, fetch, clock: createVirtualClock({ start: context.startedAt }), maxRetries: 0 },
        );
        const files = await connector.listFiles();
        expect(files.ok, id).toBe(true);
      }
    } finally {
      await teardown();
    }
    // Stopped: nothing listens on the URLs any more.
    for (const id of VENDORS.ids) await expect(fetch(`${context.urls[id]}/__admin/clock`)).rejects.toThrow();
  });

  it('takes start options: only some vendors, the dashboard', async () => {
    const provided = new Map<string, unknown>();
    const teardown = await ledgersimGlobalSetup({ only: ['loop'], dashboard: true })({
      provide: ((key: string, value: unknown) => provided.set(key, value)) as never,
    });
    try {
      const context = provided.get(LEDGERSIM_KEY) as LedgersimContext;
      expect(Object.keys(context.urls)).toEqual(['loop']);
      expect(context.credentials['sage-ge']).toEqual([]);
      expect(context.dashboard).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(context.dashboard!)).status).toBe(200);
    } finally {
      await teardown();
    }
  });
});
