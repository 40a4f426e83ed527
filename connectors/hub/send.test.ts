import { describe, expect, it } from 'vitest';
import { createVirtualClock, DAY } from '../../core/clock.js';
import { CLIENT, entry, fakeVendor, REJECTION, setUp, START, statusOf } from '../testing/fake-vendor.js';
import type { ReadBackPolicy } from '../types.js';
import { createHubEngine } from './engine.js';

const TRANSPORT = { kind: 'transport', message: 'connect ECONNREFUSED 127.0.0.1:4010', retryable: true } as const;

describe('what a synchronization sends', () => {
  it("sends each file's own entries to its own vendor file, one batch per send, numbered in order", async () => {
    const { hub, vendor, connectionId } = await setUp({ frequency: 'manual' });
    await hub.linkFile({ clientFile: { id: 'C2', name: 'Traiteur Blanc' }, connectionId, vendorFileId: 'V2' });
    await hub.addEntry(entry('A1'));
    await hub.addEntry(entry('B1', { clientFileId: 'C2' }));
    await hub.markVerified('A1');
    await hub.markVerified('B1');
    await hub.synchronize(CLIENT.id);
    expect(vendor.pushCalls).toEqual([{ file: 'V1', entries: [{ id: 'A1' }] }]);
    expect(statusOf(hub, 'B1')).toBe('pending');
    await hub.synchronize('C2');
    expect(vendor.pushCalls).toEqual([
      { file: 'V1', entries: [{ id: 'A1' }] },
      { file: 'V2', entries: [{ id: 'B1' }] },
    ]);
    expect([hub.entry('A1')!.batch, hub.entry('B1')!.batch]).toEqual([1, 2]);
    expect(vendor.reads.map((r) => r.file)).toEqual(['V1', 'V2']);
  });

  it('calls the vendor for nothing when nothing can be sent', async () => {
    const { hub, vendor } = await setUp({ frequency: 'manual' });
    await hub.addEntry(entry('P1', { label: 'HOLD me' }));
    await hub.markVerified('P1');
    await hub.synchronize();
    await hub.synchronize();
    expect(vendor.pushCalls).toEqual([]);
  });

  it('writes the reason an entry waits once, not again at each synchronization', async () => {
    const { hub } = await setUp({ frequency: 'manual' });
    await hub.addEntry(entry('P1', { label: 'HOLD me' }));
    await hub.markVerified('P1');
    await hub.synchronize();
    await hub.synchronize();
    expect(hub.entry('P1')!.history.map((h) => [h.status, h.message])).toEqual([
      ['to-verify', undefined],
      ['pending', undefined],
      ['pending', 'held by the vendor'],
    ]);
  });

  it('sends nothing for a file whose reference data could not be pulled: its entries wait until a refresh succeeds', async () => {
    const clock = createVirtualClock({ start: START });
    const vendor = fakeVendor(clock);
    const hub = createHubEngine({ clock, connectorFor: (c) => vendor.connector(c.credentials) });
    const connection = await hub.connect({ vendor: 'fake', credentials: { secret: 'good' }, frequency: 'manual' });
    if (!connection.ok) throw new Error('connect failed');
    vendor.pullFailure = TRANSPORT;
    const linked = await hub.linkFile({ clientFile: CLIENT, connectionId: connection.value.id, vendorFileId: 'V1' });
    expect(linked).toEqual({ ok: false, error: TRANSPORT });
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    expect(await hub.synchronize()).toEqual({ sent: 0, posted: 0, failed: 0, pending: 1 });
    expect(vendor.pushCalls).toEqual([]);
    vendor.pullFailure = undefined;
    expect((await hub.refreshReferenceData(CLIENT.id)).ok).toBe(true);
    expect(await hub.synchronize()).toEqual({ sent: 1, posted: 1, failed: 0, pending: 0 });
  });

  it('joins what the connector changed to send an entry, each with its catalogue id when it has one', async () => {
    const { hub, vendor } = await setUp();
    vendor.notes = [
      { catalogueId: 'QDR-ACCOUNT-8-CHARS', message: 'account FOURNISSEURBUREAU sent as FOURNISS' },
      { message: 'description cut to 35 characters' },
    ];
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    expect(hub.entry('P1')!.history.find((h) => h.status === 'synchronizing')?.message).toBe(
      'QDR-ACCOUNT-8-CHARS: account FOURNISSEURBUREAU sent as FOURNISS; description cut to 35 characters',
    );
  });
});

describe('a send that fails', () => {
  it('whole, on the way (transport): the entry stays pending with the error, and goes at the next synchronization', async () => {
    const { hub, vendor } = await setUp({ frequency: 'manual' });
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    vendor.batchFailure = TRANSPORT;
    expect(await hub.synchronize()).toEqual({ sent: 0, posted: 0, failed: 0, pending: 1 });
    expect(hub.entry('P1')).toMatchObject({
      status: { status: 'pending' },
      attempt: 0,
      lastError: `transport: ${TRANSPORT.message}`,
    });
    vendor.batchFailure = undefined;
    expect(await hub.synchronize()).toEqual({ sent: 1, posted: 1, failed: 0, pending: 0 });
    expect(hub.entry('P1')!.lastError).toBeUndefined();
  });

  it('whole, refused by the vendor: every entry of the batch is "Synchronization failed" with the vendor\'s message, and a resend is a new attempt', async () => {
    const { hub, vendor } = await setUp({ frequency: 'manual' });
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    vendor.batchFailure = { kind: 'vendor-rejection', status: 400, ...REJECTION };
    await hub.synchronize();
    expect(hub.entry('P1')).toMatchObject({
      status: { status: 'sync-failed', message: REJECTION.message, catalogueId: REJECTION.catalogueId },
      attempt: 1,
    });
    vendor.batchFailure = undefined;
    await hub.markVerified('P1');
    await hub.synchronize();
    expect(vendor.pushes.map((p) => p.attempt)).toEqual([2]);
  });

  it('for one entry, unanswered: it stays pending with the error, and its next send tells the connector since when it is unconfirmed', async () => {
    const { hub, vendor, clock } = await setUp({ frequency: 'manual' });
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    vendor.onPush = () => 'unanswered';
    await hub.synchronize();
    expect(hub.entry('P1')).toMatchObject({
      status: { status: 'pending' },
      lastError: 'transport: socket hang up',
      unconfirmedSince: START,
    });
    clock.advance(60_000);
    vendor.onPush = () => 'accept';
    await hub.synchronize();
    expect(vendor.pushCalls.map((c) => c.entries)).toEqual([[{ id: 'P1' }], [{ id: 'P1', unconfirmedSince: START }]]);
    expect(hub.entry('P1')).toMatchObject({ status: { status: 'posted' }, attempt: 1 });
    expect(hub.entry('P1')!.unconfirmedSince).toBeUndefined();
  });
});

describe('the nightly resend of an entry the read-back did not find', () => {
  it('goes once a night: after a read-back that fails, not again the same night', async () => {
    const policy: ReadBackPolicy = { firstCheckAfterMs: 0, notFoundRetryNights: 3, resendWhenNotFound: true };
    const { hub, vendor, advance } = await setUp({ frequency: 'realtime', policy });
    await advance(0);
    vendor.onPush = () => 'lost';
    await hub.addEntry(entry('LOST'));
    await hub.markVerified('LOST');
    expect(hub.entry('LOST')).toMatchObject({ status: { status: 'pending' }, resendDue: true });
    await advance(DAY); // the night at 02:00: resent
    expect(vendor.pushes).toHaveLength(2);
    vendor.readFailure = TRANSPORT;
    await advance(DAY); // the next night: the read-back fails, so it is not known to be missing
    expect(vendor.pushes).toHaveLength(2);
    expect(hub.entry('LOST')).toMatchObject({ status: { status: 'pending' }, resendDue: false, nightResends: 1 });
  });
});
