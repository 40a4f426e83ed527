import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../core/clock.js';
import { entry, REJECTION, setUp, statusOf } from '../testing/fake-vendor.js';
import type { ReadBackPolicy } from '../types.js';

const TRANSPORT = { kind: 'transport', message: 'read ECONNRESET', retryable: true } as const;
const CONCLUSION = { catalogueId: 'QDR-FAILED-CHECK', message: 'the fake vendor never showed it' } as const;

describe("reading an entry's fate back", () => {
  it('never reads a posted entry again, and keeps no check pending for it', async () => {
    const { hub, vendor } = await setUp({ frequency: 'manual' });
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    await hub.synchronize();
    expect(statusOf(hub, 'P1')).toBe('posted');
    expect(hub.entry('P1')!.checkAfter).toBeUndefined();
    vendor.reads.length = 0;
    await hub.synchronize();
    expect(vendor.reads).toEqual([]);
  });

  it('shows a rejection found by the read-back as "Synchronization failed" with the vendor\'s message, and looks no more', async () => {
    const { hub, vendor, clock } = await setUp({
      frequency: 'manual',
      policy: { firstCheckAfterMs: HOUR, notFoundRetryNights: 0 },
    });
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    await hub.synchronize();
    vendor.fates.set('P1', { state: 'rejected', ...REJECTION });
    clock.advance(HOUR);
    await hub.synchronize();
    expect(hub.entry('P1')!.status).toMatchObject({
      status: 'sync-failed',
      message: REJECTION.message,
      catalogueId: REJECTION.catalogueId,
    });
    expect(hub.entry('P1')!.checkAfter).toBeUndefined();
  });

  it("reads each file's entries from its own vendor file", async () => {
    const { hub, vendor, clock, connectionId } = await setUp({
      frequency: 'manual',
      policy: { firstCheckAfterMs: HOUR, notFoundRetryNights: 0 },
    });
    await hub.linkFile({ clientFile: { id: 'C2', name: 'Traiteur Blanc' }, connectionId, vendorFileId: 'V2' });
    await hub.addEntry(entry('A1'));
    await hub.addEntry(entry('B1', { clientFileId: 'C2' }));
    await hub.markVerified('A1');
    await hub.markVerified('B1');
    await hub.synchronize();
    clock.advance(HOUR);
    await hub.synchronize('C2');
    expect(vendor.reads).toEqual([{ file: 'V2', entryIds: ['B1'] }]);
    expect([statusOf(hub, 'A1'), statusOf(hub, 'B1')]).toEqual(['synchronizing', 'posted']);
  });

  it('a read that fails changes nothing, and the next run reads the entries again', async () => {
    const { hub, vendor } = await setUp({ frequency: 'manual' });
    vendor.readFailure = TRANSPORT;
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    expect(await hub.synchronize()).toEqual({ sent: 1, posted: 0, failed: 0, pending: 0 });
    const before = structuredClone(hub.entry('P1'));
    await hub.synchronize();
    expect(hub.entry('P1')).toEqual(before);
    vendor.readFailure = undefined;
    await hub.synchronize();
    expect(statusOf(hub, 'P1')).toBe('posted');
    expect(vendor.reads.map((r) => r.entryIds)).toEqual([['P1'], ['P1'], ['P1']]);
  });

  it('an entry still in progress at the vendor is read again at each run until its fate is known', async () => {
    const { hub, vendor, clock } = await setUp({
      frequency: 'manual',
      policy: { firstCheckAfterMs: HOUR, notFoundRetryNights: 0 },
    });
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    await hub.synchronize();
    vendor.fates.set('P1', { state: 'in-progress' });
    clock.advance(HOUR);
    await hub.synchronize();
    await hub.synchronize();
    expect(statusOf(hub, 'P1')).toBe('synchronizing');
    vendor.fates.set('P1', { state: 'posted' });
    await hub.synchronize();
    expect(statusOf(hub, 'P1')).toBe('posted');
    expect(vendor.reads.map((r) => r.entryIds)).toEqual([['P1'], ['P1'], ['P1']]);
  });
});

describe('an entry the read-back does not find, pending sending again (resendWhenNotFound)', () => {
  const policy: ReadBackPolicy = {
    firstCheckAfterMs: 0,
    notFoundRetryNights: 1,
    resendWhenNotFound: true,
    whenRetriesRunOut: { ...CONCLUSION, onlyIfLaterBatchPosted: false },
  };

  it('shows "pending" once in its history, not once a night', async () => {
    const { hub, vendor, advance } = await setUp({
      frequency: 'realtime',
      policy: { ...policy, notFoundRetryNights: 3 },
    });
    await advance(0);
    vendor.onPush = () => 'lost';
    await hub.addEntry(entry('LOST'));
    await hub.markVerified('LOST');
    await advance(2 * DAY);
    expect(hub.entry('LOST')).toMatchObject({ status: { status: 'pending' }, nightResends: 2 });
    expect(hub.entry('LOST')!.history.map((h) => h.status)).toEqual([
      'to-verify',
      'pending',
      'synchronizing',
      'pending',
    ]);
  });

  it("concludes with the policy's status once the nights run out, with no check or resend left", async () => {
    const { hub, vendor, advance } = await setUp({ frequency: 'realtime', policy });
    await advance(0);
    vendor.onPush = () => 'lost';
    await hub.addEntry(entry('LOST'));
    await hub.markVerified('LOST');
    expect(hub.entry('LOST')).toMatchObject({ status: { status: 'pending' }, resendDue: true });
    await advance(DAY);
    expect(hub.entry('LOST')!.status).toMatchObject({ status: 'failed-check', ...CONCLUSION });
    expect(hub.entry('LOST')!.checkAfter).toBeUndefined();
    expect(hub.entry('LOST')!.resendDue).toBeUndefined();
  });
});

describe('"once a later batch posted" (a policy with onlyIfLaterBatchPosted)', () => {
  const policy: ReadBackPolicy = {
    firstCheckAfterMs: 0,
    notFoundRetryNights: 0,
    whenRetriesRunOut: { ...CONCLUSION, onlyIfLaterBatchPosted: true },
  };
  /** Sends one entry a minute after the last send (entries a file sends at one moment are one batch). */
  const send = async (
    { hub, clock }: Pick<Awaited<ReturnType<typeof setUp>>, 'hub' | 'clock'>,
    id: string,
    clientFileId = 'C1',
  ) => {
    clock.advance(60_000);
    await hub.addEntry(entry(id, { clientFileId }));
    await hub.markVerified(id);
    await hub.synchronize(clientFileId);
  };

  it("counts an entry of the same batch, not an earlier batch's, nor another file's", async () => {
    const { hub, vendor, connectionId, advance, clock } = await setUp({ frequency: 'manual', policy });
    await advance(0);
    await hub.linkFile({ clientFile: { id: 'C2', name: 'Traiteur Blanc' }, connectionId, vendorFileId: 'V2' });
    vendor.onPush = (e) => (e.id.startsWith('LOST') ? 'lost' : 'accept');
    await send({ hub, clock }, 'EARLIER');
    await send({ hub, clock }, 'LOST');
    await send({ hub, clock }, 'OTHER-FILE', 'C2');
    await advance(DAY); // a miss is looked for again the next night
    expect(hub.entry('LOST')).toMatchObject({ status: { status: 'synchronizing' }, readBackMisses: 2 });
    // The same batch: LOST2 and SAME sent together.
    clock.advance(60_000);
    await hub.addEntry(entry('LOST2'));
    await hub.addEntry(entry('SAME'));
    await hub.markVerified('LOST2');
    await hub.markVerified('SAME');
    await hub.synchronize('C1');
    await advance(DAY);
    expect(hub.entry('LOST2')!.batch).toBe(hub.entry('SAME')!.batch);
    expect(statusOf(hub, 'LOST2')).toBe('failed-check');
    // LOST's batch is earlier than SAME's: SAME counts for it too.
    expect(statusOf(hub, 'LOST')).toBe('failed-check');
  });

  it('does not count a later entry not posted', async () => {
    const { hub, vendor, advance, clock } = await setUp({ frequency: 'manual', policy });
    await advance(0);
    vendor.onPush = () => 'lost';
    await send({ hub, clock }, 'LOST');
    await send({ hub, clock }, 'LATER');
    await advance(DAY);
    expect(hub.entry('LOST')!.readBackMisses).toBe(2);
    expect([statusOf(hub, 'LOST'), statusOf(hub, 'LATER')]).toEqual(['synchronizing', 'synchronizing']);
  });
});
