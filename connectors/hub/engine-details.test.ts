import { describe, expect, it } from 'vitest';
import type { AccountingEntry } from '../../contracts/hub/model.js';
import { createVirtualClock } from '../../core/clock.js';
import { createMemoryStore } from '../../core/store.js';
import { CLIENT, entry, fakeVendor, setUp, START } from '../testing/fake-vendor.js';
import type { ReadBackPolicy } from '../types.js';
import { createHubEngine, InvalidEntryError } from './engine.js';
import type { HubState } from './state.js';

describe('an entry the hub refuses to hold (InvalidEntryError)', () => {
  it('names itself, and says "(no id)" and "(entry)" when the entry has no id or is not an entry at all', async () => {
    const { hub } = await setUp();
    const notAnEntry = await hub.addEntry(null as unknown as AccountingEntry).catch((error: unknown) => error);
    expect(notAnEntry).toBeInstanceOf(InvalidEntryError);
    expect((notAnEntry as Error).name).toBe('InvalidEntryError');
    expect((notAnEntry as Error).message).toMatch(/^entry \(no id\) refused: \(entry\): /);
    expect((notAnEntry as InvalidEntryError).entryId).toBeUndefined();
  });

  it('lists every problem, each with its field, separated by "; "', async () => {
    const { hub } = await setUp();
    const { id: _, ...noId } = { ...entry('P1'), label: '' };
    const refused = (await hub.addEntry(noId as AccountingEntry).catch((error: unknown) => error)) as InvalidEntryError;
    expect(refused.issues.map((i) => i.path.join('.')).sort()).toEqual(['id', 'label']);
    expect(refused.message).toMatch(/^entry \(no id\) refused: /);
    const problems = refused.message.slice('entry (no id) refused: '.length).split('; ');
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['id', 'label']);
  });
});

describe('tracking codes', () => {
  it('follow the seed: the same seed gives the same codes, another seed others', async () => {
    const codes = async (seed: number | undefined) => {
      const clock = createVirtualClock({ start: START });
      const vendor = fakeVendor(clock);
      const hub = createHubEngine({
        clock,
        ...(seed === undefined ? {} : { seed }),
        connectorFor: (c) => vendor.connector(c.credentials),
      });
      return [(await hub.addEntry(entry('P1'))).trackingCode, (await hub.addEntry(entry('P2'))).trackingCode];
    };
    expect(await codes(7)).toEqual(await codes(7));
    expect(await codes(7)).not.toEqual(await codes(8));
    // No seed is seed 1.
    expect(await codes(undefined)).toEqual(await codes(1));
  });

  it('never gives a code already taken', async () => {
    const clock = createVirtualClock({ start: START });
    const vendor = fakeVendor(clock);
    const first = createHubEngine({ clock, seed: 5, connectorFor: (c) => vendor.connector(c.credentials) });
    const taken = (await first.addEntry(entry('P1'))).trackingCode;
    // Same seed, over the state that already holds that code (a hub restarted on its store).
    const store = createMemoryStore<HubState>(structuredClone(first.store.data));
    const second = createHubEngine({ clock, seed: 5, store, connectorFor: (c) => vendor.connector(c.credentials) });
    const next = (await second.addEntry(entry('P2'))).trackingCode;
    expect(next).not.toBe(taken);
    expect(second.store.data.trackingCodes).toEqual({ [taken]: 'P1', [next]: 'P2' });
  });
});

describe("the Synchronize button's report", () => {
  it("counts the file's entries posted, failed (rejected or failed check) and pending, not another file's", async () => {
    const policy: ReadBackPolicy = {
      firstCheckAfterMs: 0,
      notFoundRetryNights: 0,
      whenRetriesRunOut: { catalogueId: 'QDR-FAILED-CHECK', message: 'never shown', onlyIfLaterBatchPosted: false },
    };
    const { hub, vendor, connectionId } = await setUp({ frequency: 'manual', policy });
    await hub.linkFile({ clientFile: { id: 'C2', name: 'Traiteur Blanc' }, connectionId, vendorFileId: 'V2' });
    vendor.onPush = (e) => (e.id === 'REJ' ? 'reject' : e.id === 'LOST' ? 'lost' : 'accept');
    for (const id of ['OK', 'REJ', 'LOST', 'HELD', 'OTHER']) {
      await hub.addEntry(
        entry(id, id === 'HELD' ? { label: 'HOLD me' } : id === 'OTHER' ? { clientFileId: 'C2' } : {}),
      );
      await hub.markVerified(id);
    }
    await hub.addEntry(entry('NEW'));
    expect(await hub.synchronize('C2')).toEqual({ sent: 1, posted: 1, failed: 0, pending: 0 });
    expect(await hub.synchronize(CLIENT.id)).toEqual({ sent: 2, posted: 1, failed: 2, pending: 1 });
  });
});

describe('reference data', () => {
  it('a refresh that fails keeps what was pulled before: the entries still go', async () => {
    const { hub, vendor } = await setUp({ frequency: 'manual' });
    const before = hub.store.data.referenceData[CLIENT.id];
    vendor.pullFailure = { kind: 'transport', message: 'timeout', retryable: true };
    expect((await hub.refreshReferenceData(CLIENT.id)).ok).toBe(false);
    expect(hub.store.data.referenceData[CLIENT.id]).toEqual(before);
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    expect((await hub.synchronize()).sent).toBe(1);
  });
});

describe('connections', () => {
  it('are numbered in order: CONN-1, CONN-2', async () => {
    const { hub } = await setUp();
    const second = await hub.connect({ vendor: 'fake', credentials: { secret: 'good' } });
    const third = await hub.connect({ vendor: 'fake', credentials: { secret: 'good' } });
    expect([second.ok && second.value.id, third.ok && third.value.id]).toEqual(['CONN-2', 'CONN-3']);
    expect(Object.keys(hub.store.data.connections)).toEqual(['CONN-1', 'CONN-2', 'CONN-3']);
  });
});

describe("the wizard's file table, confirmed", () => {
  it('says what it refuses, and saves nothing when the vendor cannot list its files', async () => {
    const { hub, vendor, connectionId } = await setUp();
    const before = JSON.stringify(hub.store.data);
    const refused = (associations: { clientFileId: string; vendorFileId: string }[]) =>
      hub.confirmFileTable({ connectionId, associations });
    expect(await hub.confirmFileTable({ connectionId: 'CONN-9' })).toEqual({
      ok: false,
      error: { kind: 'not-found', what: 'connection', message: 'no connection CONN-9' },
    });
    expect(await refused([{ clientFileId: 'C9', vendorFileId: 'V1' }])).toEqual({
      ok: false,
      error: { kind: 'not-found', what: 'link', message: 'no client file C9' },
    });
    expect(await refused([{ clientFileId: CLIENT.id, vendorFileId: 'V9' }])).toEqual({
      ok: false,
      error: { kind: 'not-found', what: 'link', message: 'the vendor lists no file V9' },
    });
    vendor.files = [...vendor.files, { id: 'V2', name: 'Traiteur Blanc', connected: true }];
    expect(
      await refused([
        { clientFileId: CLIENT.id, vendorFileId: 'V1' },
        { clientFileId: CLIENT.id, vendorFileId: 'V2' },
      ]),
    ).toEqual({
      ok: false,
      error: { kind: 'not-found', what: 'link', message: 'C1 and V2 are each associated once at most' },
    });
    const failure = { kind: 'transport', message: 'timeout', retryable: true } as const;
    vendor.listFailure = failure;
    expect(await hub.confirmFileTable({ connectionId })).toEqual({ ok: false, error: failure });
    expect(JSON.stringify(hub.store.data)).toBe(before);
  });

  it("links a vendor file that another connection's file of the same id is linked to already", async () => {
    const { hub } = await setUp();
    const other = await hub.connect({ vendor: 'fake', credentials: { secret: 'good' } });
    if (!other.ok) throw new Error('connect failed');
    // The first connection's C1 is linked to V1; the second connection's own V1 is another file.
    const confirmed = await hub.confirmFileTable({ connectionId: other.value.id });
    expect(confirmed.ok && confirmed.value.map((l) => [l.clientFileId, l.vendorFileId])).toEqual([
      [`${other.value.id}-V1`, 'V1'],
    ]);
  });
});

describe("a file's Status column", () => {
  it('activating a file in manual or daily mode sends nothing: its entries wait for their run', async () => {
    for (const frequency of ['manual', 'daily'] as const) {
      const { hub, vendor } = await setUp({ frequency });
      await hub.setFileActive(CLIENT.id, false);
      await hub.addEntry(entry('P1'));
      await hub.markVerified('P1');
      expect(await hub.setFileActive(CLIENT.id, true)).toEqual({ ok: true, value: undefined });
      expect(vendor.pushes, frequency).toEqual([]);
    }
  });
});

describe("the hub's own third parties and entries", () => {
  it('a third party added again under the same subsidiary account replaces the first', async () => {
    const { hub } = await setUp();
    const thirdParty = { id: 'T1', kind: 'supplier' as const, subsidiaryAccount: '401DUPONT', name: 'Dupont' };
    await hub.addThirdParty(CLIENT.id, thirdParty);
    await hub.addThirdParty(CLIENT.id, { ...thirdParty, name: 'Dupont SA' });
    await hub.addThirdParty(CLIENT.id, { ...thirdParty, subsidiaryAccount: '401MARTIN', name: 'Martin' });
    expect(hub.store.data.referenceData[CLIENT.id]!.thirdParties.map((t) => t.name)).toEqual(['Dupont SA', 'Martin']);
  });

  it('refuses what names nothing, or an entry twice, with a RangeError saying so, and changes nothing', async () => {
    const { hub } = await setUp({ frequency: 'manual' });
    await hub.addEntry(entry('P1'));
    const before = JSON.stringify(hub.store.data);
    const thirdParty = { id: 'T1', kind: 'supplier' as const, subsidiaryAccount: '401DUPONT', name: 'Dupont' };
    await expect(hub.addThirdParty('C9', thirdParty)).rejects.toThrow(
      new RangeError('no reference data for C9: link the file first'),
    );
    await expect(hub.addEntry(entry('P1'))).rejects.toThrow(new RangeError('entry P1 exists already'));
    await expect(hub.editEntry(entry('P9'))).rejects.toThrow(new RangeError('no entry P9'));
    await expect(hub.markVerified('P9')).rejects.toThrow(new RangeError('no entry P9'));
    await expect(hub.exclude('P9')).rejects.toThrow(new RangeError('no entry P9'));
    expect(JSON.stringify(hub.store.data)).toBe(before);
  });

  it('an entry of a file not linked yet waits, pending, once verified', async () => {
    const { hub, vendor } = await setUp();
    await hub.addEntry(entry('P1', { clientFileId: 'C2' }));
    await hub.markVerified('P1');
    expect(hub.entry('P1')!.status).toEqual({ status: 'pending' });
    expect(vendor.pushes).toEqual([]);
  });

  it("lists a file's entries, and only its own", async () => {
    const { hub } = await setUp({ frequency: 'manual' });
    await hub.addEntry(entry('A1'));
    await hub.addEntry(entry('B1', { clientFileId: 'C2' }));
    await hub.addEntry(entry('A2'));
    expect(hub.entries(CLIENT.id).map((r) => r.entry.id)).toEqual(['A1', 'A2']);
    expect(hub.entries('C2').map((r) => r.entry.id)).toEqual(['B1']);
  });

  it('Synchronize with no file named adds up every file', async () => {
    const { hub, vendor, connectionId } = await setUp({ frequency: 'manual' });
    await hub.linkFile({ clientFile: { id: 'C2', name: 'Traiteur Blanc' }, connectionId, vendorFileId: 'V2' });
    vendor.onPush = () => 'reject';
    for (const [id, clientFileId] of [
      ['A1', 'C1'],
      ['B1', 'C2'],
      ['B2', 'C2'],
    ] as const) {
      await hub.addEntry(entry(id, { clientFileId }));
      await hub.markVerified(id);
    }
    expect(await hub.synchronize()).toEqual({ sent: 0, posted: 0, failed: 3, pending: 0 });
  });
});
