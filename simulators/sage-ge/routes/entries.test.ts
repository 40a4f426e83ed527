import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getEntry, renderMessage } from '../../../contracts/catalogue/index.js';
import type { EntryStatus } from '../../../contracts/sage-ge/wire.js';
import { ENTITY, FILE, START, bankEntryBody, entryBody, expectRejectedEntry, pdf, setup } from '../test-support.js';

describe('Sage GE entries: the Sage cloud queue and injection', () => {
  describe('SGE-STUCK-ACCOUNTING-NOT-OPENED (error 8)', () => {
    it("keeps pushed entries queued, however long, until the file's accounting is opened", async () => {
      const h = setup();
      const first = await h.push(entryBody());
      expect(first.status).toBe(202);
      expect(first.body).toMatchObject({ status: 'queued', queuedAt: START });
      const second = await h.push(entryBody());
      h.clock.advance(30 * 86_400_000);
      for (const id of [first.body.id, second.body.id]) expect((await h.entryStatus(id)).status).toBe('queued');
      const report = await h.openAccounting();
      expect(report).toMatchObject({ injected: [first.body.id, second.body.id], rejected: [], stillQueued: 0 });
      const injected = await h.entryStatus(first.body.id);
      expect(injected).toMatchObject({
        status: 'injected',
        processedAt: h.clock.now().toISOString(),
        documentNumber: 'FAC-2026-001',
      });
      // Opening again injects nothing twice.
      expect(await h.openAccounting()).toMatchObject({ injected: [], rejected: [] });
    });

    it('lists entries by status', async () => {
      const h = setup();
      const a = await h.push(entryBody());
      await h.openAccounting();
      const b = await h.push(entryBody());
      const list = async (status: string) =>
        (
          (await (await h.request(h.api(FILE, `entries?status=${status}`))).json()) as { entries: EntryStatus[] }
        ).entries.map((e) => e.id);
      expect(await list('queued')).toEqual([b.body.id]);
      expect(await list('injected')).toEqual([a.body.id]);
      expect(await list('rejected')).toEqual([]);
    });
  });

  describe('SGE-STUCK-MARKETPLACE-DEACTIVATED (error 8)', () => {
    it('keeps entries queued while the Marketplace is deactivated on the file, and injects them once it is active again', async () => {
      const h = setup();
      const pushed = await h.push(entryBody());
      expect((await h.action('set-marketplace', { entityId: ENTITY, fileId: FILE, active: false })).status).toBe(200);
      const report = await h.openAccounting();
      expect(report).toEqual({
        messages: [],
        injected: [],
        rejected: [],
        stillQueued: 1,
        blockedBy: 'SGE-STUCK-MARKETPLACE-DEACTIVATED',
      });
      expect((await h.entryStatus(pushed.body.id)).status).toBe('queued');
      await h.action('set-marketplace', { entityId: ENTITY, fileId: FILE, active: true });
      expect((await h.openAccounting()).injected).toEqual([pushed.body.id]);
      expect((await h.entryStatus(pushed.body.id)).status).toBe('injected');
    });

    it('keeps entries queued while the Marketplace is deactivated on the entity', async () => {
      const h = setup();
      const pushed = await h.push(entryBody());
      await h.action('set-marketplace', { entityId: ENTITY, active: false });
      expect((await h.openAccounting()).blockedBy).toBe('SGE-STUCK-MARKETPLACE-DEACTIVATED');
      expect(h.file().cloudQueue).toEqual({ [pushed.body.id]: true });
    });
  });

  describe('SGE-STUCK-ADMIN-CERT-EXPIRED (error 8)', () => {
    it('shows the certificate message at each opening and injects nothing until the administrator re-authenticates', async () => {
      const h = setup();
      const pushed = await h.push(entryBody());
      expect((await h.action('expire-admin-certificate', { entityId: ENTITY })).status).toBe(200);
      const message = renderMessage('SGE-STUCK-ADMIN-CERT-EXPIRED');
      expect(message).toBe(
        'For security reasons, the GE Connector security certificate has expired... It is necessary for the reference administrator to identify again.',
      );
      for (let i = 0; i < 2; i++) {
        const before = h.stateSnapshot();
        const report = await h.openAccounting();
        expect(report).toEqual({
          messages: [message],
          injected: [],
          rejected: [],
          stillQueued: 1,
          blockedBy: 'SGE-STUCK-ADMIN-CERT-EXPIRED',
        });
        expect(h.stateSnapshot()).toBe(before);
      }
      expect((await h.entryStatus(pushed.body.id)).status).toBe('queued');
      expect((await h.action('reauthenticate-admin', { entityId: ENTITY })).status).toBe(200);
      const report = await h.openAccounting();
      expect(report).toMatchObject({ messages: [], injected: [pushed.body.id], stillQueued: 0 });
      expect((await h.entryStatus(pushed.body.id)).status).toBe('injected');
    });

    it('counts a certificate as expired once the virtual clock passes its expiry', async () => {
      const h = setup({
        entity: {
          referenceAdministrator: {
            name: 'A',
            email: 'a@example.test',
            certificateExpiresAt: '2026-03-20T00:00:00.000Z',
          },
        },
      });
      await h.push(entryBody());
      h.clock.set('2026-03-20T00:00:00.000Z');
      expect((await h.openAccounting()).blockedBy).toBe('SGE-STUCK-ADMIN-CERT-EXPIRED');
    });
  });

  describe('Idempotency-Key', () => {
    it('answers a retried push with 200 and the first entry, and creates no second entry', async () => {
      const h = setup();
      const body = entryBody();
      const first = await h.push(body, { idempotencyKey: 'push-42' });
      expect(first.status).toBe(202);
      const afterFirst = h.stateSnapshot();
      const retry = await h.push(body, { idempotencyKey: 'push-42' });
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      expect(h.stateSnapshot()).toBe(afterFirst);
      expect(Object.keys(h.file().entries)).toEqual([first.body.id]);
      // Another key is another entry.
      const other = await h.push(body, { idempotencyKey: 'push-43' });
      expect(other.status).toBe(202);
      expect(other.body.id).not.toBe(first.body.id);
    });

    it("answers a retry after injection with the entry's current fate", async () => {
      const h = setup();
      const first = await h.push(entryBody(), { idempotencyKey: 'k1' });
      await h.openAccounting();
      const retry = await h.push(entryBody(), { idempotencyKey: 'k1' });
      expect(retry.status).toBe(200);
      expect(retry.body).toMatchObject({ id: first.body.id, status: 'injected' });
    });

    it('treats a key named like an object property as an ordinary key', async () => {
      const h = setup();
      const first = await h.push(entryBody(), { idempotencyKey: 'toString' });
      expect(first.status).toBe(202);
      expect((await h.push(entryBody(), { idempotencyKey: 'toString' })).body.id).toBe(first.body.id);
      expect(Object.keys(h.file().entries)).toHaveLength(1);
    });
  });

  describe('SGE-TRACKING-CODE', () => {
    it('records the #AAAAA# code of the comment and finds the entry by it', async () => {
      const h = setup();
      const a = await h.push(entryBody({ comment: 'Paiement fournisseur #AB12C# ne pas supprimer' }));
      await h.push(entryBody({ comment: 'Autre #ZZ99Z#' }));
      const none = await h.push(entryBody({ comment: 'sans code' }));
      expect(a.body.trackingCode).toBe('AB12C');
      expect(none.body.trackingCode).toBeNull();
      const res = await h.request(h.api(FILE, 'entries?trackingCode=AB12C'));
      expect(res.status).toBe(200);
      const { entries } = (await res.json()) as { entries: EntryStatus[] };
      expect(entries.map((e) => e.id)).toEqual([a.body.id]);
      expect(
        ((await (await h.request(h.api(FILE, 'entries?trackingCode=NOPE0'))).json()) as { entries: unknown[] }).entries,
      ).toEqual([]);
      await h.openAccounting();
      expect(h.file().entries[a.body.id]!.request.comment).toBe('Paiement fournisseur #AB12C# ne pas supprimer');
    });

    it('loses the code when a user rewrites the comment in GE, and finds the entry by it once it is written back', async () => {
      const h = setup();
      const a = await h.pushAndInject(entryBody({ comment: 'Facture #AB12C#' }));
      const edit = (comment: string) =>
        h.action('edit-entry', { entityId: ENTITY, fileId: FILE, entryId: a.id, comment });
      const byCode = async () =>
        ((await (await h.request(h.api(FILE, 'entries?trackingCode=AB12C'))).json()) as { entries: EntryStatus[] })
          .entries;
      expect((await edit('Facture vue avec le client')).body.result).toMatchObject({ trackingCode: null });
      expect(await byCode()).toEqual([]);
      expect(h.file().entries[a.id]).toMatchObject({ status: 'injected', trackingCode: null });
      await edit('Facture vue avec le client #AB12C#');
      expect((await byCode()).map((e) => e.id)).toEqual([a.id]);
    });
  });

  describe('SGE-TECHNICAL-DOCNUMBER', () => {
    it('keeps the document number the hub gives (its unique technical identifier)', async () => {
      const h = setup();
      const entry = await h.pushAndInject(entryBody({ documentNumber: 'QNT-7F3A9C2B11' }));
      expect(entry).toMatchObject({ status: 'injected', documentNumber: 'QNT-7F3A9C2B11' });
      expect(h.file().journals.AC!.autoNumbering.next).toBe(1);
    });

    it('names a rejected entry by the number it was sent with, and by the number a user changed it to', async () => {
      const h = setup();
      await h.action('set-journal-lock', { entityId: ENTITY, fileId: FILE, journal: 'AC', locked: true });
      const pushed = await h.push(entryBody({ documentNumber: 'QNT-7F3A9C2B11' }));
      await h.openAccounting();
      const status = async () =>
        (await (await h.request(h.api(FILE, `entries/${pushed.body.id}`))).json()) as EntryStatus;
      expect(await status()).toMatchObject({ status: 'rejected', documentNumber: 'QNT-7F3A9C2B11' });
      const before = JSON.stringify(h.sim.store.data);
      const missing = await h.action('edit-entry', {
        entityId: ENTITY,
        fileId: FILE,
        entryId: 'ENT-999999',
        documentNumber: 'X',
      });
      expect(missing.status).toBe(404);
      expect(JSON.stringify(h.sim.store.data)).toBe(before);
      await h.action('edit-entry', {
        entityId: ENTITY,
        fileId: FILE,
        entryId: pushed.body.id,
        documentNumber: 'FA-031',
      });
      expect(await status()).toMatchObject({ status: 'rejected', documentNumber: 'FA-031' });
    });

    it('injects a queued entry under the number a user gave it in the Sage cloud', async () => {
      const h = setup();
      const pushed = await h.push(entryBody({ documentNumber: 'QNT-7F3A9C2B11' }));
      await h.action('edit-entry', {
        entityId: ENTITY,
        fileId: FILE,
        entryId: pushed.body.id,
        documentNumber: 'FA-031',
      });
      await h.openAccounting();
      expect(h.file().entries[pushed.body.id]).toMatchObject({ status: 'injected', documentNumber: 'FA-031' });
    });
  });

  describe('SGE-AUTONUMBER', () => {
    it("numbers an empty document number with the journal's prefix and sequence, per journal and without gaps", async () => {
      const h = setup({
        tweak: (s) =>
          void (s.tenants[ENTITY]!.files[FILE]!.journals.VE!.autoNumbering = { enabled: true, prefix: 'V', next: 41 }),
      });
      const ids: string[] = [];
      ids.push((await h.push(entryBody({ documentNumber: '' }))).body.id); // AC 1
      ids.push(
        (
          await h.push(
            entryBody({
              documentNumber: '',
              kind: 'sales',
              journalCode: 'VE',
              lines: [
                { accountNumber: '411000', subsidiaryAccount: 'C00001', debit: 120, credit: 0 },
                { accountNumber: '706000', debit: 0, credit: 120 },
              ],
            }),
          )
        ).body.id,
      ); // V 41
      ids.push((await h.push(entryBody({ documentNumber: 'KEPT-1' }))).body.id); // kept, consumes nothing
      ids.push((await h.push(entryBody({ documentNumber: '' }))).body.id); // AC 2
      await h.openAccounting();
      const numbers = await Promise.all(ids.map(async (id) => (await h.entryStatus(id)).documentNumber));
      expect(numbers).toEqual(['AC000001', 'V000041', 'KEPT-1', 'AC000002']);
      // The next opening continues the sequence.
      expect((await h.pushAndInject(entryBody({ documentNumber: '' }))).documentNumber).toBe('AC000003');
      expect(h.file().journals.AC!.autoNumbering.next).toBe(4);
      expect(h.file().journals.VE!.autoNumbering.next).toBe(42);
    });

    it('gives no number to a rejected entry: the next accepted one gets it', async () => {
      const h = setup();
      await h.action('inject-other-error', { entityId: ENTITY, fileId: FILE, variant: 2, count: 1 });
      const rejected = await h.push(entryBody({ documentNumber: '' }));
      const accepted = await h.push(entryBody({ documentNumber: '' }));
      await h.openAccounting();
      expectRejectedEntry(await h.entryStatus(rejected.body.id), 'SGE-OTHER-ERROR', {}, 2);
      expect((await h.entryStatus(accepted.body.id)).documentNumber).toBe('AC000001');
      expect(h.file().journals.AC!.autoNumbering.next).toBe(2);
    });
  });

  describe('SGE-BANK-LABEL-30', () => {
    it("keeps 30 characters of a bank entry's label; the full label stays in the comment", async () => {
      const h = setup();
      const label = 'Prélèvement SEPA Orange Business Services facture 0326';
      const comment = `${label} #BK001#`;
      const entry = await h.pushAndInject(bankEntryBody({ label, comment }));
      expect(entry.status).toBe('injected');
      expect(entry.label).toBe(label.slice(0, 30));
      expect(entry.label).toHaveLength(30);
      expect(h.file().entries[entry.id]!.request.comment).toBe(comment);
    });

    it('does not cut the label of a purchase entry', async () => {
      const h = setup();
      const label = 'Fournitures de bureau et consommables informatiques mars';
      expect((await h.pushAndInject(entryBody({ label }))).label).toBe(label);
    });
  });

  describe('SGE-BANK-ONE-ATTACHMENT', () => {
    it('keeps one attachment of a bank entry, and all of a purchase entry', async () => {
      const h = setup();
      const attachments = [pdf('releve-1.pdf'), pdf('releve-2.pdf'), pdf('releve-3.pdf')];
      expect((await h.pushAndInject(bankEntryBody({ attachments }))).attachmentsKept).toBe(1);
      expect((await h.pushAndInject(entryBody({ attachments }))).attachmentsKept).toBe(3);
      expect((await h.pushAndInject(bankEntryBody())).attachmentsKept).toBe(0);
    });

    it('keeps what GE shows of an attachment (name, type, size, digest), not its bytes', async () => {
      const h = setup();
      const bytes = Buffer.from('%PDF-1.4 relevé de mars');
      const status = await h.pushAndInject(
        entryBody({
          attachments: [
            { fileName: 'FA-1.pdf', contentType: 'application/pdf', contentBase64: bytes.toString('base64') },
          ],
        }),
      );
      const stored = h.file().entries[status.id]!.request.attachments;
      expect(stored).toEqual([
        {
          fileName: 'FA-1.pdf',
          contentType: 'application/pdf',
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
        },
      ]);
      expect(h.stateSnapshot()).not.toContain(bytes.toString('base64'));
    });
  });

  describe('SGE-PCG-AUTOCREATE', () => {
    it('creates an unknown account labelled "Compte <number>" (Sage GE writes French), visible in the chart of accounts', async () => {
      const h = setup();
      const body = entryBody({
        lines: [
          { accountNumber: '610123456', debit: 50, credit: 0 },
          { accountNumber: '401000', subsidiaryAccount: 'F00001', debit: 0, credit: 50 },
        ],
      });
      const before = (await (await h.request(h.api(FILE, 'accounts'))).json()) as { accounts: { number: string }[] };
      expect(before.accounts.map((a) => a.number)).not.toContain('610123456');
      expect((await h.pushAndInject(body)).status).toBe('injected');
      const after = (await (await h.request(h.api(FILE, 'accounts'))).json()) as {
        accounts: { number: string; label: string; collective: boolean; locked: boolean }[];
      };
      // Seed 000 (English) and the French article agree on "<word> <number>"; the word is Sage GE's own, in French.
      const label = renderMessage('SGE-PCG-AUTOCREATE', { account: '610123456' }, 0, 'fr');
      const created = after.accounts.find((a) => a.number === '610123456');
      expect(created).toEqual({ number: '610123456', label, collective: false, locked: false });
      expect(`${created!.number} - ${created!.label}`).toBe('610123456 - Compte 610123456');
      expect(created!.label).not.toBe(renderMessage('SGE-PCG-AUTOCREATE', { account: '610123456' }));
      expect(after.accounts).toHaveLength(before.accounts.length + 1);
    });

    it('does not create the account of a rejected entry', async () => {
      const h = setup({ file: { importCursorLocks: { '2026-03': true } } });
      const body = entryBody({
        lines: [
          { accountNumber: '610123456', debit: 50, credit: 0 },
          { accountNumber: '401000', subsidiaryAccount: 'F00001', debit: 0, credit: 50 },
        ],
      });
      expectRejectedEntry(await h.pushAndInject(body), 'SGE-IMPORT-CURSOR-LOCKED');
      expect(Object.hasOwn(h.file().accounts, '610123456')).toBe(false);
    });
  });

  describe('SGE-THIRD-PARTY-UPSERT through entries', () => {
    it('creates the subsidiary account an injected entry names', async () => {
      const h = setup();
      await h.pushAndInject(
        entryBody({
          lines: [
            { accountNumber: '606400', debit: 10, credit: 0 },
            { accountNumber: '401000', subsidiaryAccount: 'FNEW01', debit: 0, credit: 10 },
          ],
        }),
      );
      const res = await h.request(h.api(FILE, 'subsidiary-accounts'));
      const { subsidiaryAccounts } = (await res.json()) as {
        subsidiaryAccounts: { code: string; collectiveAccount: string }[];
      };
      expect(subsidiaryAccounts).toContainEqual(
        expect.objectContaining({ code: 'FNEW01', collectiveAccount: '401000' }),
      );
    });
  });

  it("answers 404 in Sage's shape for an entry the file does not have", async () => {
    const h = setup();
    const res = await h.request(h.api(FILE, 'entries/ENT-999999'));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual([
      { $severity: 'error', $dataCode: 'EntryNotFound', $message: `No entry ENT-999999 in file ${FILE}` },
    ]);
    expect(getEntry('SGE-STUCK-ACCOUNTING-NOT-OPENED').kind).toBe('stuck');
  });
});
