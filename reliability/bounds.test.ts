import { describe, expect, it } from 'vitest';
import { MAX_FAULT_RULES } from '../simulators/kit/faults.js';
import { createSageGeSimulator } from '../simulators/sage-ge/index.js';
import { slowClient } from './bounds.js';
import { sageEntry } from './worlds.js';

describe('resource bounds', () => {
  it('keeps a bounded request journal with bounded bodies, and bounds what one admin query returns', async () => {
    const sim = createSageGeSimulator({ journal: { maxRecords: 50, maxBodyChars: 100 } });
    try {
      for (let i = 0; i < 120; i++)
        await sim.app.request('/api/v1/files', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(sageEntry({ comment: 'x'.repeat(5_000) })),
        });
      expect(sim.journal.size).toBe(50);
      const records = sim.journal.list({ limit: 1000 });
      expect(records).toHaveLength(50);
      for (const r of records) expect((r.requestBody ?? '').length).toBeLessThan(150);
      expect((await sim.app.request('/__admin/requests?limit=10001')).status).toBe(400);
      // The default journal is bounded too.
      const plain = createSageGeSimulator();
      for (let i = 0; i < 1_100; i++) await plain.app.request('/api/v1/nowhere');
      expect(plain.journal.size).toBe(1000);
      await plain.close();
    } finally {
      await sim.close();
    }
  });

  it('bounds the fault rules an admin can add in one call', async () => {
    const sim = createSageGeSimulator();
    const rules = Array.from({ length: 101 }, () => ({ kind: 'status', path: '/x', status: 503 }));
    const res = await sim.app.request('/__admin/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(rules),
    });
    expect(res.status).toBe(400);
    expect(sim.faults.list()).toEqual([]);
  });

  it('bounds the fault rules armed at once, and adds none of a call that would pass the bound', async () => {
    const sim = createSageGeSimulator();
    const post = (count: number) =>
      sim.app.request('/__admin/faults', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(Array.from({ length: count }, () => ({ kind: 'status', path: '/x', status: 503 }))),
      });
    for (let i = 0; i < MAX_FAULT_RULES / 100 - 1; i++) expect((await post(100)).status).toBe(201);
    expect((await post(99)).status).toBe(201);
    const refused = await post(2);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { message: string }).message).toContain(`At most ${MAX_FAULT_RULES} fault rules`);
    expect(sim.faults.size).toBe(MAX_FAULT_RULES - 1);
    expect((await post(1)).status).toBe(201);
    expect(sim.faults.size).toBe(MAX_FAULT_RULES);
    expect((await sim.app.request('/__admin/faults', { method: 'DELETE' })).status).toBe(200);
    expect((await post(1)).status).toBe(201);
  });

  for (const stall of ['headers', 'body'] as const) {
    it(`cuts off a client that never finishes its ${stall} (request timeout), while serving the others (raw loopback socket)`, {
      timeout: 15_000,
    }, async () => {
      const figures = await slowClient({ requestTimeoutMs: 400, stall, giveUpMs: 8_000 });
      expect(figures.otherRequestStatus).toBe(200);
      expect(figures.otherRequestMs).toBeLessThan(1_000);
      // Held for the timeout plus the server's check interval, not 30 s (node's default interval).
      expect(figures.heldMs).toBeGreaterThan(0);
      expect(figures.heldMs).toBeLessThan(2_000);
      expect(figures.answer).toMatch(/^HTTP\/1\.1 408|^$/);
      // A request cut off mid-body is the client's doing: recorded as such, never as a 500.
      expect(figures.recordedStatuses.filter((status) => status >= 500)).toEqual([]);
      if (stall === 'body') expect(figures.recordedStatuses).toEqual([400]);
    });
  }
});
