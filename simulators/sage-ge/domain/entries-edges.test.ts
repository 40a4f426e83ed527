import { describe, expect, it } from 'vitest';
import { PCG_ACCOUNTS } from '../seed/builders.js';
import { ENTITY, FILE, entryBody, expectRejectedEntry, setup } from '../test-support.js';

/**
 * The Sage cloud queue and the injection at their edges (mutants the route tests left alive): a
 * posting date on a fiscal year's first day, a rejection that is not error 9 while error 9 is
 * pending, accounts and subsidiary accounts that exist already, idempotency keys that look like
 * nothing was sent, a queue not stored in push order.
 */
describe('injection at the edges', () => {
  it("injects an entry posted on the fiscal year's first day", async () => {
    const h = setup();
    const entry = await h.pushAndInject(entryBody({ postingDate: '2026-01-01', documentDate: '2026-01-01' }));
    expect(entry.status).toBe('injected');
  });

  it('leaves a pending error 9 for the next entry when another rule refuses the entry first', async () => {
    const h = setup();
    await h.action('inject-other-error', { entityId: ENTITY, fileId: FILE, variant: 0, count: 1 });
    await h.action('set-journal-lock', { entityId: ENTITY, fileId: FILE, journal: 'VE', locked: true });
    const locked = (await h.push(entryBody({ journalCode: 'VE' }))).body.id;
    const next = (await h.push(entryBody())).body.id;
    await h.openAccounting();
    expectRejectedEntry(await h.entryStatus(locked), 'SGE-JOURNAL-LOCKED');
    expectRejectedEntry(await h.entryStatus(next), 'SGE-OTHER-ERROR', {}, 0);
  });

  it('keeps the label of an account the chart has, and of a subsidiary account sent as a third party', async () => {
    const h = setup();
    const upsert = await h.request(h.api(FILE, 'third-parties'), {
      method: 'PUT',
      json: {
        thirdParties: [
          { type: 'supplier', name: 'Papeterie Dupont', subsidiaryAccount: 'F00001', collectiveAccount: '401000' },
        ],
      },
    });
    expect(upsert.status).toBe(200);
    expect((await h.pushAndInject(entryBody())).status).toBe('injected');
    const chart = h.file().accounts;
    for (const line of entryBody().lines) {
      const known = PCG_ACCOUNTS.find((a) => a.number === line.accountNumber);
      if (known)
        expect(chart[line.accountNumber], line.accountNumber).toMatchObject({ label: known.label, autoCreated: false });
    }
    expect(h.file().subsidiaryAccounts.F00001).toEqual({
      code: 'F00001',
      label: 'Papeterie Dupont',
      collectiveAccount: '401000',
    });
  });
});

describe('idempotency keys', () => {
  it('never takes a push without a key for a retry, even after a key spelled "undefined"', async () => {
    const h = setup();
    const first = await h.push(entryBody());
    const named = await h.push(entryBody(), { idempotencyKey: 'undefined' });
    const third = await h.push(entryBody());
    expect([first.status, named.status, third.status]).toEqual([202, 202, 202]);
    expect(new Set([first.body.id, named.body.id, third.body.id]).size).toBe(3);
    expect(Object.keys(h.file().entries)).toHaveLength(3);
  });
});

describe('the Sage cloud queue', () => {
  it('injects in push order, even when the stored queue lists the entries otherwise', async () => {
    const h = setup();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await h.push(entryBody({ documentNumber: '' }))).body.id);
    // A state saved and loaded back with the queue's keys in another order (PUT /__admin/state).
    const state = structuredClone(h.sim.store.data);
    const file = state.tenants[ENTITY]!.files[FILE]!;
    file.cloudQueue = Object.fromEntries([...ids].reverse().map((id) => [id, true as const]));
    const put = await h.sim.app.request('/__admin/state', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(state),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    expect(Object.keys(h.file().cloudQueue)).toEqual([...ids].reverse());
    const opening = await h.openAccounting();
    expect(opening.injected).toEqual(ids);
    const numbers = await Promise.all(ids.map(async (id) => (await h.entryStatus(id)).documentNumber));
    expect(numbers).toEqual(['AC000001', 'AC000002', 'AC000003']);
  });
});

describe('third-party batches of the first connection', () => {
  it('records no batch for GE to reject once the file has received entries', async () => {
    const h = setup();
    expect((await h.pushAndInject(entryBody())).status).toBe('injected');
    const thirdParties = [
      { type: 'supplier', name: 'Papeterie Dupont', subsidiaryAccount: 'F00009', collectiveAccount: '401000' },
    ];
    expect((await h.request(h.api(FILE, 'third-parties'), { method: 'PUT', json: { thirdParties } })).status).toBe(200);
    expect(h.file().pendingThirdPartyBatches).toEqual({});
  });
});
