import { describe, expect, it } from 'vitest';
import { createVirtualClock, HOUR } from '../core/clock.js';
import { manualRealTime } from '../core/test-support.js';
import { healthyLoopFirm } from '../vendors/loop.js';
import { createLoopSimulator, DEFAULT_START, loopDefinition } from './loop/index.js';
import { headersFor } from './loop/test-support.js';

/**
 * `--tenant-ttl`: a shared server removes the tenants nobody touched for the TTL, in real time
 * (driven by hand here); the demo's tenants are never removed.
 */
function setup() {
  const time = manualRealTime();
  const evicted: string[][] = [];
  const sim = createLoopSimulator({
    clock: createVirtualClock({ start: DEFAULT_START }),
    initialState: 'demo',
    tenantTtl: { ms: HOUR, real: time.real, onEvict: (ids) => evicted.push(ids) },
  });
  const demo = Object.keys(loopDefinition.demo(1, new Date(DEFAULT_START)).tenants);
  const put = async (id: string) => {
    const res = await sim.app.request(`/__admin/tenants/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(healthyLoopFirm(id, new Date(DEFAULT_START))),
    });
    expect(res.status, await res.clone().text()).toBe(200);
  };
  const tenants = () => Object.keys(sim.store.data.tenants);
  /** Lets the eviction's commit land. */
  const pass = async (ms: number) => {
    time.pass(ms);
    await sim.store.flush();
  };
  return { time, sim, demo, put, tenants, pass, evicted };
}

describe('--tenant-ttl', () => {
  it('removes a tenant nobody touched for the TTL, keeps one touched since, never the demo tenants', async () => {
    const { sim, demo, put, tenants, pass, evicted } = setup();
    expect(demo.length).toBeGreaterThan(0);
    await put('scn-a');
    await put('scn-b');
    await pass(40 * 60_000);
    // scn-b is used: a vendor request its credentials name
    const res = await sim.app.request('/loop-api-publiques/folders', { headers: headersFor(sim, 'scn-b') });
    expect(res.status, await res.clone().text()).toBeLessThan(500);
    await pass(20 * 60_000);
    expect(tenants()).toEqual([...demo, 'scn-b']);
    expect(evicted).toEqual([['scn-a']]);
    await pass(40 * 60_000);
    expect(tenants()).toEqual(demo);
    // Hours later, the demo tenants are still there, and no timer is left running.
    await pass(10 * HOUR);
    expect(tenants()).toEqual(demo);
    await sim.close();
  });

  it('an admin read of a tenant counts as a touch; an eviction takes the tenant’s journal and time line along', async () => {
    const { sim, put, tenants, pass } = setup();
    await put('scn-a');
    const moved = await sim.app.request('/__admin/tenants/scn-a/clock', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance: '2d' }),
    });
    expect(moved.status).toBe(200);
    await pass(50 * 60_000);
    expect((await sim.app.request('/__admin/tenants/scn-a')).status).toBe(200);
    await pass(50 * 60_000);
    expect(tenants()).toContain('scn-a');
    await pass(15 * 60_000); // an hour after the read
    expect(tenants()).not.toContain('scn-a');
    expect(sim.journal.list({ tenantId: 'scn-a' })).toEqual([]);
    expect(((await (await sim.app.request('/__admin/clock')).json()) as { tenants: object }).tenants).toEqual({});
    await sim.close();
  });

  it('without a TTL nothing is ever removed', async () => {
    const time = manualRealTime();
    const sim = createLoopSimulator({ clock: createVirtualClock({ start: DEFAULT_START }), initialState: 'demo' });
    const res = await sim.app.request('/__admin/tenants/scn-a', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(healthyLoopFirm('scn-a', new Date(DEFAULT_START))),
    });
    expect(res.status).toBe(200);
    time.pass(100 * HOUR);
    expect(Object.keys(sim.store.data.tenants)).toContain('scn-a');
    expect(time.pending()).toBe(0);
    await sim.close();
  });
});
