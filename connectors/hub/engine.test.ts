import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hubCatalogue } from '../../contracts/catalogue/hub.js';
import type { AccountingEntry } from '../../contracts/hub/model.js';
import { createVirtualClock, HOUR } from '../../core/clock.js';
import { CLIENT, entry, fakeVendor, REJECTION, setUp, START, statusOf } from '../testing/fake-vendor.js';
import { failure, success, type ReadBackPolicy } from '../types.js';
import { createHubEngine, InvalidEntryError } from './engine.js';

describe("the hub engine: an entry's lifecycle", () => {
  it("to-verify → pending → synchronizing → posted, with the vendor's document number and the history of each move", async () => {
    const { hub, vendor } = await setUp({ frequency: 'manual' });
    await hub.addEntry(entry('P1'));
    expect(statusOf(hub, 'P1')).toBe('to-verify');
    await hub.markVerified('P1');
    expect(statusOf(hub, 'P1')).toBe('pending');
    expect(vendor.pushes).toEqual([]);
    const report = await hub.synchronize(CLIENT.id);
    expect(report).toEqual({ sent: 1, posted: 1, failed: 0, pending: 0 });
    expect(hub.entry('P1')!.status).toMatchObject({
      status: 'posted',
      documentNumber: 'DOC-P1',
      vendorRef: 'REF-P1-1',
    });
    expect(hub.entry('P1')!.history.map((h) => h.status)).toEqual(['to-verify', 'pending', 'synchronizing', 'posted']);
    expect(vendor.pushes).toEqual([{ entryId: 'P1', attempt: 1, trackingCode: hub.entry('P1')!.trackingCode }]);
  });

  it('keeps an entry the connector cannot send pending, with its reason, and does not send it', async () => {
    const { hub, vendor } = await setUp();
    await hub.addEntry(entry('P1', { label: 'HOLD me' }));
    await hub.markVerified('P1');
    expect(hub.entry('P1')!.status).toEqual({ status: 'pending', reason: 'held by the vendor' });
    expect(vendor.pushes).toEqual([]);
  });

  it('shows a rejection as "Synchronization failed" with the vendor\'s message and catalogue id (HUB-SYNC-FAILED)', async () => {
    const { hub, vendor } = await setUp();
    vendor.onPush = () => 'reject';
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    expect(hub.entry('P1')!.status).toMatchObject({
      status: 'sync-failed',
      message: REJECTION.message,
      catalogueId: REJECTION.catalogueId,
    });
  });

  it('gives every entry its own tracking code, from the seed', async () => {
    const { hub } = await setUp({ frequency: 'manual' });
    const codes = [];
    for (let i = 0; i < 20; i++) codes.push((await hub.addEntry(entry(`P${i}`))).trackingCode);
    expect(new Set(codes).size).toBe(20);
    expect(codes.every((c) => /^[A-Z]{5}$/.test(c))).toBe(true);
  });

  it('keeps what the connector changed to send an entry in its history (e.g. an account number cut)', async () => {
    const { hub, vendor } = await setUp();
    vendor.notes = [{ catalogueId: 'QDR-ACCOUNT-8-CHARS', message: 'account FOURNISSEURBUREAU sent as FOURNISS' }];
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    const sent = hub.entry('P1')!.history.find((h) => h.status === 'synchronizing');
    expect(sent?.message).toBe('QDR-ACCOUNT-8-CHARS: account FOURNISSEURBUREAU sent as FOURNISS');
    expect(hub.entry('P1')!.receipt?.notes).toEqual(vendor.notes);
  });
});

describe('the hub engine: frequencies', () => {
  it('realtime sends at "mark as verified" (HUB-SYNC-REALTIME)', async () => {
    const { hub, vendor } = await setUp({ frequency: 'realtime' });
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    expect(vendor.pushes).toHaveLength(1);
    expect(statusOf(hub, 'P1')).toBe('posted');
  });

  it('daily waits for the evening run at 20:00 UTC (HUB-SYNC-DAILY)', async () => {
    const { hub, vendor, advance } = await setUp({ frequency: 'daily' });
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    await advance(10 * HOUR); // 19:00
    expect(vendor.pushes).toHaveLength(0);
    await advance(HOUR); // 20:00
    expect(vendor.pushes).toHaveLength(1);
    expect(statusOf(hub, 'P1')).toBe('posted');
  });

  it("manual sends only on Synchronize, never on the scheduler's runs (HUB-SYNC-MANUAL)", async () => {
    const { hub, vendor, advance } = await setUp({ frequency: 'manual' });
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    await advance(3 * 24 * HOUR);
    expect(vendor.pushes).toHaveLength(0);
    await hub.synchronize();
    expect(vendor.pushes).toHaveLength(1);
  });

  it('changes frequency on an existing connection', async () => {
    const { hub, vendor, connectionId } = await setUp({ frequency: 'manual' });
    expect(await hub.setFrequency(connectionId, 'realtime')).toEqual({ ok: true, value: undefined });
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    expect(vendor.pushes).toHaveLength(1);
  });

  it('pulls the accounts again once a week (HUB-WEEKLY-ACCOUNT-SYNC)', async () => {
    const { vendor, advance } = await setUp({ frequency: 'manual' });
    expect(vendor.pulls).toBe(1); // at the link (HUB-REFDATA-ON-LINK)
    await advance(6 * 24 * HOUR);
    expect(vendor.pulls).toBe(1);
    await advance(24 * HOUR);
    expect(vendor.pulls).toBe(2);
  });
});

describe('the hub engine: resend, exclude, disable, edit credentials', () => {
  it('"mark as verified" after a rejection resends as a new attempt (HUB-MARK-VERIFIED-RESEND)', async () => {
    const { hub, vendor } = await setUp();
    vendor.onPush = () => 'reject';
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    expect(statusOf(hub, 'P1')).toBe('sync-failed');
    vendor.onPush = () => 'accept';
    await hub.markVerified('P1');
    // Seed 002: even in real time, the resend waits for the Synchronize button or the night.
    expect(statusOf(hub, 'P1')).toBe('pending');
    expect(vendor.pushes).toHaveLength(1);
    await hub.synchronize();
    expect(vendor.pushes.map((p) => p.attempt)).toEqual([1, 2]);
    expect(hub.entry('P1')!.status).toMatchObject({ status: 'posted', vendorRef: 'REF-P1-2' });
  });

  it('never sends an excluded entry (HUB-EXCLUDE-ENTRY)', async () => {
    const { hub, vendor } = await setUp({ frequency: 'manual' });
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    await hub.exclude('P1');
    await hub.synchronize();
    expect(vendor.pushes).toEqual([]);
    expect(statusOf(hub, 'P1')).toBe('excluded');
  });

  it('sends and reads back nothing while the integration is disabled, and catches up once enabled (HUB-DISABLE-INTEGRATION)', async () => {
    const { hub, vendor, connectionId, advance } = await setUp({ frequency: 'daily' });
    await hub.setIntegrationEnabled(connectionId, false);
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    await advance(2 * 24 * HOUR);
    await hub.synchronize();
    expect(vendor.pushes).toEqual([]);
    await hub.setIntegrationEnabled(connectionId, true);
    await hub.synchronize();
    expect(statusOf(hub, 'P1')).toBe('posted');
  });

  it('checks new credentials before they replace the old ones (HUB-EDIT-CREDENTIALS)', async () => {
    const { hub, vendor, connectionId } = await setUp();
    vendor.secret = 'rotated';
    const refused = await hub.editCredentials(connectionId, { secret: 'typo' });
    expect(refused).toEqual({
      ok: false,
      error: { kind: 'vendor-rejection', status: 401, code: 'AUTH', message: 'bad secret' },
    });
    expect(hub.store.data.connections[connectionId]!.credentials).toEqual({ secret: 'good' });
    expect(await hub.editCredentials(connectionId, { secret: 'rotated' })).toEqual({ ok: true, value: undefined });
    expect(hub.store.data.connections[connectionId]!.credentials).toEqual({ secret: 'rotated' });
    // The connector is rebuilt with the new keys: sending works again.
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    expect(statusOf(hub, 'P1')).toBe('posted');
  });
});

describe("the hub engine: the read-back policy is the connector's", () => {
  const policy: ReadBackPolicy = {
    firstCheckAfterMs: 12 * HOUR,
    notFoundRetryNights: 2,
    whenRetriesRunOut: {
      catalogueId: 'QDR-FAILED-CHECK',
      message: 'the fake vendor never showed it',
      onlyIfLaterBatchPosted: true,
    },
  };

  it("reads back after the policy's delay, then on N nights, then concludes with the policy's status once a later batch posted", async () => {
    const { hub, vendor, advance } = await setUp({ frequency: 'manual', policy });
    vendor.onPush = (e) => (e.id === 'LOST' ? 'lost' : 'accept');
    await hub.addEntry(entry('LOST'));
    await hub.markVerified('LOST');
    await hub.synchronize();
    await hub.addEntry(entry('LATER'));
    await hub.markVerified('LATER');
    await hub.synchronize();
    expect(statusOf(hub, 'LATER')).toBe('synchronizing'); // not read back before 12 hours
    await advance(12 * HOUR);
    expect(statusOf(hub, 'LATER')).toBe('posted');
    expect(hub.entry('LOST')).toMatchObject({ status: { status: 'synchronizing' }, readBackMisses: 1 });
    await advance(24 * HOUR);
    expect(hub.entry('LOST')).toMatchObject({ status: { status: 'synchronizing' }, readBackMisses: 2 });
    await advance(24 * HOUR);
    expect(hub.entry('LOST')!.status).toMatchObject({
      status: 'failed-check',
      message: 'the fake vendor never showed it',
      catalogueId: 'QDR-FAILED-CHECK',
    });
  });

  it('keeps looking when no later batch was posted', async () => {
    const { hub, vendor, advance } = await setUp({ frequency: 'manual', policy });
    vendor.onPush = () => 'lost';
    await hub.addEntry(entry('LOST'));
    await hub.markVerified('LOST');
    await hub.synchronize();
    for (let day = 0; day < 5; day++) await advance(24 * HOUR);
    expect(hub.entry('LOST')).toMatchObject({ status: { status: 'synchronizing' } });
    expect(hub.entry('LOST')!.readBackMisses).toBeGreaterThan(policy.notFoundRetryNights);
  });

  it('in real time, entries validated at one moment are one batch: a batch-mate sent just before the missing entry counts as posted', async () => {
    // Seed 003: "other entries from the same batch". Real time sends each validated entry at once,
    // so the first of the two goes out in its own call; it is still the same batch.
    const { hub, vendor, advance } = await setUp({ frequency: 'realtime', policy });
    vendor.onPush = (e) => (e.id === 'LOST' ? 'lost' : 'accept');
    for (const id of ['MATE', 'LOST']) await hub.addEntry(entry(id));
    await hub.markVerified('MATE');
    await hub.markVerified('LOST');
    expect(vendor.pushes.map((p) => p.entryId)).toEqual(['MATE', 'LOST']);
    expect(hub.entry('LOST')!.batch).toBe(hub.entry('MATE')!.batch);
    await advance(12 * HOUR);
    expect(statusOf(hub, 'MATE')).toBe('posted');
    for (let night = 0; night < policy.notFoundRetryNights; night++) await advance(24 * HOUR);
    expect(hub.entry('LOST')!.status).toMatchObject({ status: 'failed-check', catalogueId: 'QDR-FAILED-CHECK' });
  });

  it('an entry validated a moment before the missing one is an earlier batch: the missing one keeps being looked for', async () => {
    const { clock, hub, vendor, advance } = await setUp({ frequency: 'realtime', policy });
    vendor.onPush = (e) => (e.id === 'LOST' ? 'lost' : 'accept');
    await hub.addEntry(entry('EARLIER'));
    await hub.markVerified('EARLIER');
    clock.advance(60_000);
    await hub.addEntry(entry('LOST'));
    await hub.markVerified('LOST');
    expect(hub.entry('LOST')!.batch).toBeGreaterThan(hub.entry('EARLIER')!.batch!);
    for (let day = 0; day < 5; day++) await advance(24 * HOUR);
    expect(statusOf(hub, 'EARLIER')).toBe('posted');
    expect(statusOf(hub, 'LOST')).toBe('synchronizing');
  });

  it('with resendWhenNotFound, a missing entry is pending sending and resent once a night, same attempt, for the retry nights only', async () => {
    const { hub, vendor, advance } = await setUp({
      frequency: 'daily',
      policy: { ...policy, resendWhenNotFound: true },
    });
    vendor.onPush = () => 'lost';
    await hub.addEntry(entry('LOST'));
    await hub.markVerified('LOST');
    await hub.synchronize();
    await advance(12 * HOUR);
    expect(hub.entry('LOST')).toMatchObject({ status: { status: 'pending' }, readBackMisses: 1 });
    // Only the night run makes the new attempt: a Synchronize click before it sends nothing.
    await hub.synchronize();
    expect(vendor.pushes).toHaveLength(1);
    for (let day = 1; day <= policy.notFoundRetryNights + 2; day++) {
      await advance(24 * HOUR);
      await hub.synchronize();
      expect(statusOf(hub, 'LOST')).toBe('pending');
      expect(vendor.pushes).toHaveLength(1 + Math.min(day, policy.notFoundRetryNights));
    }
    expect(new Set(vendor.pushes.map((p) => p.attempt))).toEqual(new Set([1]));
    // Each nightly send tells the connector the read-back did not find the entry (the first send does not).
    expect(vendor.pushes.map((p) => p.notFoundAtReadBack === true)).toEqual([
      false,
      ...Array<boolean>(policy.notFoundRetryNights).fill(true),
    ]);
  });

  it('without a conclusion in the policy, a missing entry is never failed', async () => {
    const { hub, vendor, advance } = await setUp({
      frequency: 'manual',
      policy: { firstCheckAfterMs: 0, notFoundRetryNights: 0 },
    });
    vendor.onPush = (e) => (e.id === 'LOST' ? 'lost' : 'accept');
    for (const id of ['LOST', 'LATER']) {
      await hub.addEntry(entry(id));
      await hub.markVerified(id);
      await hub.synchronize();
    }
    for (let day = 0; day < 3; day++) await advance(24 * HOUR);
    expect(hub.entry('LOST')!.readBackMisses).toBeGreaterThan(2);
    expect(statusOf(hub, 'LOST')).toBe('synchronizing');
  });
});

describe('the hub engine: bad input', () => {
  it('refuses an entry that does not match AccountingEntrySchema, naming the entry and the field, and keeps nothing', async () => {
    const { hub } = await setUp();
    const unbalanced = entry('P1', {
      lines: entry('P1').lines.map((l, i) => (i === 0 ? { ...l, debit: l.debit + 1 } : l)),
    });
    const before = JSON.stringify(hub.store.data);
    const refused = await hub.addEntry(unbalanced).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidEntryError);
    expect((refused as Error).message).toBe(
      'entry P1 refused: lines: an entry must balance: total debit = total credit',
    );
    await expect(hub.addEntry({ ...entry('P2'), postingDate: '2026-02-30' })).rejects.toBeInstanceOf(InvalidEntryError);
    await expect(hub.addEntry({ ...entry('P3'), lines: [] } as AccountingEntry)).rejects.toThrow(
      /entry P3 refused: lines: /,
    );
    expect(JSON.stringify(hub.store.data)).toBe(before);
  });

  it('refuses an invalid edit and keeps the entry as it was', async () => {
    const { hub } = await setUp({ frequency: 'manual' });
    await hub.addEntry(entry('P1'));
    await expect(hub.editEntry({ ...entry('P1'), label: '' })).rejects.toThrow(/entry P1 refused: label: /);
    expect(hub.entry('P1')!.entry).toEqual(entry('P1'));
  });

  it('reports its own missing connection or link as "not-found", not as a transport error', async () => {
    const { hub } = await setUp();
    const missing = { ok: false, error: { kind: 'not-found', what: 'connection', message: 'no connection CONN-9' } };
    expect(await hub.editCredentials('CONN-9', { secret: 'good' })).toEqual(missing);
    expect(await hub.listVendorFiles('CONN-9')).toEqual(missing);
    expect(await hub.setIntegrationEnabled('CONN-9', false)).toEqual(missing);
    expect(await hub.setFrequency('CONN-9', 'daily')).toEqual(missing);
    expect(
      await hub.linkFile({ clientFile: { id: 'C2', name: 'x' }, connectionId: 'CONN-9', vendorFileId: 'V1' }),
    ).toEqual(missing);
    expect(await hub.refreshReferenceData('C9')).toEqual({
      ok: false,
      error: { kind: 'not-found', what: 'link', message: 'no vendor file linked to C9' },
    });
    expect(await hub.setFileActive('C9', false)).toEqual({
      ok: false,
      error: { kind: 'not-found', what: 'link', message: 'no vendor file linked to C9' },
    });
  });
});

describe("the wizard's file tables", () => {
  async function wizard() {
    const clock = createVirtualClock({ start: START });
    const vendor = fakeVendor(clock);
    const files = [
      { id: 'V1', name: 'Vendor file', connected: true },
      { id: 'V/2', name: 'Boulangerie Martin', connected: true },
    ];
    const switches = { refusePull: false };
    const hub = createHubEngine({
      clock,
      connectorFor: (connection) => {
        const connector = vendor.connector(connection.credentials);
        return {
          ...connector,
          listFiles: async () => success(files),
          pullReferenceData: async (fileId) =>
            switches.refusePull
              ? failure({ kind: 'vendor-rejection', status: 409, ...REJECTION })
              : connector.pullReferenceData(fileId),
        };
      },
    });
    const connection = await hub.connect({ vendor: 'fake', credentials: { secret: 'good' } });
    if (!connection.ok) throw new Error('connect failed');
    await hub.addClientFile(CLIENT);
    return { hub, vendor, switches, connectionId: connection.value.id };
  }

  it('refuses an association naming a client file or a vendor file that does not exist, or one twice, saving nothing', async () => {
    const { hub, connectionId } = await wizard();
    const before = JSON.stringify(hub.store.data);
    for (const associations of [
      [{ clientFileId: 'C9', vendorFileId: 'V1' }],
      [{ clientFileId: 'C1', vendorFileId: 'V9' }],
      [
        { clientFileId: 'C1', vendorFileId: 'V1' },
        { clientFileId: 'C1', vendorFileId: 'V/2' },
      ],
    ]) {
      const refused = await hub.confirmFileTable({ connectionId, associations });
      expect(refused.ok, JSON.stringify(associations)).toBe(false);
      expect(JSON.stringify(hub.store.data)).toBe(before);
    }
    expect(await hub.confirmFileTable({ connectionId: 'CONN-9' })).toMatchObject({
      ok: false,
      error: { kind: 'not-found', what: 'connection' },
    });
  });

  it('links the associations, creates a client file for each other vendor file, all inactive; a second Confirm adds nothing', async () => {
    const { hub, vendor, connectionId } = await wizard();
    const confirmed = await hub.confirmFileTable({
      connectionId,
      associations: [{ clientFileId: 'C1', vendorFileId: 'V1' }],
    });
    expect(confirmed.ok && confirmed.value.map((l) => [l.clientFileId, l.vendorFileId, l.active])).toEqual([
      ['C1', 'V1', false],
      [`${connectionId}-V_2`, 'V/2', false],
    ]);
    expect(hub.store.data.clientFiles[`${connectionId}-V_2`]).toEqual({
      id: `${connectionId}-V_2`,
      name: 'Boulangerie Martin',
    });
    expect(hub.store.data.clientFiles.C1).toEqual(CLIENT);
    expect(vendor.pulls).toBe(0);
    const again = await hub.confirmFileTable({ connectionId });
    expect(again).toEqual({ ok: true, value: [] });
    expect(Object.keys(hub.store.data.clientFiles)).toHaveLength(2);
  });

  it('activates a file from its Status column: its reference data pulled once, the validated entries sent in real time', async () => {
    const { hub, vendor, connectionId } = await wizard();
    await hub.confirmFileTable({ connectionId, associations: [{ clientFileId: 'C1', vendorFileId: 'V1' }] });
    // Not pulled yet: the entry can be added once the file has reference data.
    expect(hub.store.data.referenceData.C1).toBeUndefined();
    expect(await hub.setFileActive('C1', true)).toEqual({ ok: true, value: undefined });
    expect(vendor.pulls).toBe(1);
    await hub.setFileActive('C1', false);
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    expect(vendor.pushes).toEqual([]);
    await hub.setFileActive('C1', true);
    expect(vendor.pulls).toBe(1);
    expect(vendor.pushes.map((p) => p.entryId)).toEqual(['P1']);
  });

  it('leaves a file inactive when the vendor refuses its reference data', async () => {
    const { hub, switches, connectionId } = await wizard();
    await hub.confirmFileTable({ connectionId });
    switches.refusePull = true;
    const failed = await hub.setFileActive(`${connectionId}-V1`, true);
    expect(failed).toMatchObject({ ok: false, error: { kind: 'vendor-rejection', code: REJECTION.code } });
    expect(hub.store.data.links[`${connectionId}-V1`]!.active).toBe(false);
    switches.refusePull = false;
    expect((await hub.setFileActive(`${connectionId}-V1`, true)).ok).toBe(true);
    expect(hub.store.data.links[`${connectionId}-V1`]!.active).toBe(true);
  });
});

describe('traceability', () => {
  it("names every hub catalogue id in the engine's code, where it does it", () => {
    const dir = import.meta.dirname;
    const code = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    expect(hubCatalogue.map((e) => e.id).filter((id) => !code.includes(id))).toEqual([]);
  });
});
