import { describe, expect, it } from 'vitest';
import { getEntry, renderMessage } from '../../../contracts/catalogue/index.js';
import { calendarYear } from '../seed/builders.js';
import { ENTITY, FILE, entryBody, expectRejectedEntry, setup } from '../test-support.js';

/**
 * Errors 1 to 7 and 9 of Sage's rejections article: the entry is accepted into the Sage cloud
 * (202 queued) and rejected when the file's accounting is opened in GE, with the catalogue's code
 * and exact message on the entry's status.
 */
describe('Sage GE injection rules (errors 1 to 7 and 9)', () => {
  describe('error 1, SGE-JOURNAL-LOCKED', () => {
    it('rejects an entry on a locked journal', async () => {
      const h = setup();
      expect(
        (await h.action('set-journal-lock', { entityId: ENTITY, fileId: FILE, journal: 'AC', locked: true })).status,
      ).toBe(200);
      expectRejectedEntry(await h.pushAndInject(entryBody()), 'SGE-JOURNAL-LOCKED');
    });

    it('rejects an entry whose posting date falls in no fiscal year of GE', async () => {
      const h = setup();
      const entry = await h.pushAndInject(entryBody({ postingDate: '2023-06-15', documentDate: '2023-06-15' }));
      expectRejectedEntry(entry, 'SGE-JOURNAL-LOCKED');
    });

    it('rejects an entry on a journal closed in its fiscal year only, and accepts it in another year', async () => {
      const h = setup();
      const closed = await h.action('set-fiscal-year-journals', {
        entityId: ENTITY,
        fileId: FILE,
        fiscalYearId: 'FY2025',
        journals: ['AC'],
        locked: true,
      });
      expect(closed.body.result).toEqual({ fiscalYearId: 'FY2025', closedJournals: ['AC'] });
      expectRejectedEntry(
        await h.pushAndInject(entryBody({ postingDate: '2025-11-20', documentDate: '2025-11-20' })),
        'SGE-JOURNAL-LOCKED',
      );
      expect((await h.pushAndInject(entryBody())).status).toBe('injected');
      // Another journal of 2025 is still open.
      expect(
        (await h.pushAndInject(entryBody({ journalCode: 'OD', postingDate: '2025-11-20', documentDate: '2025-11-20' })))
          .status,
      ).toBe('injected');
    });

    it('rejects an entry on a journal the file does not have', async () => {
      const h = setup();
      for (const journalCode of ['XX', 'ZZZZZZ']) {
        expectRejectedEntry(await h.pushAndInject(entryBody({ journalCode })), 'SGE-JOURNAL-LOCKED');
      }
      // The queue is not wedged: a good entry still goes in afterwards.
      expect((await h.pushAndInject(entryBody())).status).toBe('injected');
    });

    it('accepts the same entry once the journal is unlocked again', async () => {
      const h = setup({ tweak: (s) => void (s.tenants[ENTITY]!.files[FILE]!.journals.AC!.locked = true) });
      expectRejectedEntry(await h.pushAndInject(entryBody()), 'SGE-JOURNAL-LOCKED');
      await h.action('set-journal-lock', { entityId: ENTITY, fileId: FILE, journal: 'AC', locked: false });
      expect((await h.pushAndInject(entryBody())).status).toBe('injected');
    });
  });

  describe('error 2, SGE-ANALYTIC-AXIS-MISSING', () => {
    it('rejects an entry without analytics when GE requires them', async () => {
      const h = setup();
      await h.action('set-analytics', { entityId: ENTITY, fileId: FILE, required: true, axes: ['AX1'] });
      expectRejectedEntry(await h.pushAndInject(entryBody()), 'SGE-ANALYTIC-AXIS-MISSING');
    });

    it('rejects an entry naming an axis the file does not have (no on-the-fly creation)', async () => {
      const h = setup({ file: { analytics: { required: false, axes: ['AX1'], missing: 'axis' as const } } });
      const body = entryBody();
      body.lines[0] = { ...body.lines[0]!, analytics: [{ axis: 'ZZ', section: 'S1', amount: 100 }] };
      expectRejectedEntry(await h.pushAndInject(body), 'SGE-ANALYTIC-AXIS-MISSING');
    });

    it('accepts the entry once GE allows entries without analytical data', async () => {
      const h = setup({ file: { analytics: { required: true, axes: ['AX1'], missing: 'axis' as const } } });
      await h.action('set-analytics', { entityId: ENTITY, fileId: FILE, required: false });
      expect((await h.pushAndInject(entryBody())).status).toBe('injected');
    });
  });

  describe('error 3, SGE-ANALYTIC-ALLOCATION', () => {
    it('rejects an entry whose allocation does not add up to the line amount', async () => {
      const h = setup({ file: { analytics: { required: true, axes: ['AX1'], missing: 'axis' as const } } });
      const body = entryBody();
      body.lines[0] = {
        ...body.lines[0]!,
        analytics: [
          { axis: 'AX1', section: 'S1', amount: 60 },
          { axis: 'AX1', section: 'S2', amount: 30 },
        ],
      };
      expectRejectedEntry(await h.pushAndInject(body), 'SGE-ANALYTIC-ALLOCATION');
    });

    it('rejects a class 6 line without allocation when analytics are required and another line has them', async () => {
      const h = setup({ file: { analytics: { required: true, axes: ['AX1'], missing: 'axis' as const } } });
      const body = entryBody({
        lines: [
          { accountNumber: '606400', debit: 100, credit: 0, analytics: [{ axis: 'AX1', section: 'S1', amount: 100 }] },
          { accountNumber: '622600', debit: 50, credit: 0 },
          { accountNumber: '401000', subsidiaryAccount: 'F00001', debit: 0, credit: 150 },
        ],
      });
      expectRejectedEntry(await h.pushAndInject(body), 'SGE-ANALYTIC-ALLOCATION');
    });

    it('rejects an entry without any analytics when GE requires a full allocation on each axis', async () => {
      const h = setup({ file: { analytics: { required: true, axes: ['AX1'], missing: 'allocation' as const } } });
      expectRejectedEntry(await h.pushAndInject(entryBody()), 'SGE-ANALYTIC-ALLOCATION');
    });

    it('injects an entry whose allocations add up on every axis', async () => {
      const h = setup({ file: { analytics: { required: true, axes: ['AX1'], missing: 'axis' as const } } });
      const body = entryBody({
        lines: [
          {
            accountNumber: '606400',
            debit: 100,
            credit: 0,
            analytics: [
              { axis: 'AX1', section: 'S1', amount: 70 },
              { axis: 'AX1', section: 'S2', amount: 30 },
            ],
          },
          { accountNumber: '401000', subsidiaryAccount: 'F00001', debit: 0, credit: 100 },
        ],
      });
      expect((await h.pushAndInject(body)).status).toBe('injected');
    });

    it('checks a class 7 sales line allocated on its credit: the allocation matches the credit, none at all is refused', async () => {
      const h = setup({ file: { analytics: { required: true, axes: ['AX1'], missing: 'allocation' as const } } });
      const sales = (analytics?: { axis: string; section: string; amount: number }[]) =>
        entryBody({
          kind: 'sales',
          journalCode: 'VE',
          lines: [
            { accountNumber: '411000', subsidiaryAccount: 'C00001', debit: 100, credit: 0 },
            { accountNumber: '706000', debit: 0, credit: 100, ...(analytics ? { analytics } : {}) },
          ],
        });
      expect((await h.pushAndInject(sales([{ axis: 'AX1', section: 'S1', amount: 100 }]))).status).toBe('injected');
      expectRejectedEntry(await h.pushAndInject(sales()), 'SGE-ANALYTIC-ALLOCATION');
    });

    it('checks each axis on its own: a line complete on AX1 but short on AX2 is refused', async () => {
      const h = setup({ file: { analytics: { required: true, axes: ['AX1', 'AX2'], missing: 'axis' as const } } });
      const body = entryBody();
      body.lines[0] = {
        ...body.lines[0]!,
        analytics: [
          { axis: 'AX1', section: 'S1', amount: body.lines[0]!.debit },
          { axis: 'AX2', section: 'S1', amount: 1 },
        ],
      };
      expectRejectedEntry(await h.pushAndInject(body), 'SGE-ANALYTIC-ALLOCATION');
    });
  });

  describe('error 4, SGE-COLLECTIVE-ACCOUNT', () => {
    it('rejects a line on a collective account without a subsidiary account, naming the account', async () => {
      const h = setup();
      const body = entryBody();
      body.lines[2] = { accountNumber: '401000', debit: 0, credit: 120 };
      expectRejectedEntry(await h.pushAndInject(body), 'SGE-COLLECTIVE-ACCOUNT', { account: '401000' });
    });

    it('treats an unknown account under a collective root (4110000) as collective too', async () => {
      const h = setup();
      const body = entryBody({
        kind: 'sales',
        journalCode: 'VE',
        lines: [
          { accountNumber: '4110000', debit: 120, credit: 0 },
          { accountNumber: '706000', debit: 0, credit: 120 },
        ],
      });
      expectRejectedEntry(await h.pushAndInject(body), 'SGE-COLLECTIVE-ACCOUNT', { account: '4110000' });
    });

    it('treats as ordinary an unknown account that only begins like a collective root (4110001) or is another root (625000)', async () => {
      const h = setup();
      for (const accountNumber of ['4110001', '625000']) {
        const body = entryBody({
          kind: 'sales',
          journalCode: 'VE',
          lines: [
            { accountNumber, debit: 120, credit: 0 },
            { accountNumber: '706000', debit: 0, credit: 120 },
          ],
        });
        expect((await h.pushAndInject(body)).status, accountNumber).toBe('injected');
      }
    });
  });

  describe('error 5, SGE-ACCOUNT-LOCKED', () => {
    it('rejects an entry on a locked account, naming it', async () => {
      const h = setup();
      expect(
        (await h.action('set-account-lock', { entityId: ENTITY, fileId: FILE, account: '445660', locked: true }))
          .status,
      ).toBe(200);
      expectRejectedEntry(await h.pushAndInject(entryBody()), 'SGE-ACCOUNT-LOCKED', { account: '445660' });
    });

    it('rejects an entry dated in a closed fiscal year, naming its first account', async () => {
      const h = setup({ file: { fiscalYears: [calendarYear(2025, 'closed'), calendarYear(2026)] } });
      const entry = await h.pushAndInject(entryBody({ postingDate: '2025-11-20', documentDate: '2025-11-20' }));
      expectRejectedEntry(entry, 'SGE-ACCOUNT-LOCKED', { account: '606400' });
    });
  });

  describe('error 6, SGE-FY-NOT-LAST-TWO', () => {
    it('rejects an entry of the oldest of three open years in GE while the Marketplace snapshot has two', async () => {
      const h = setup({
        file: {
          fiscalYears: [calendarYear(2024), calendarYear(2025), calendarYear(2026)],
          marketplaceFiscalYears: { at: START_AT, fiscalYears: [calendarYear(2025), calendarYear(2026)] },
        },
      });
      // The Marketplace sees two consecutive years: no red triangle, the push is accepted.
      const files = (await (await h.request('/api/v1/files')).json()) as {
        files: { id: string; configuration: { status: string } }[];
      };
      expect(files.files.find((f) => f.id === FILE)!.configuration.status).toBe('ok');
      const entry = await h.pushAndInject(entryBody({ postingDate: '2024-06-30', documentDate: '2024-06-30' }));
      expectRejectedEntry(entry, 'SGE-FY-NOT-LAST-TWO', { years: '2024' });
      // The two most recent open years still receive entries.
      expect((await h.pushAndInject(entryBody({ postingDate: '2025-06-30', documentDate: '2025-06-30' }))).status).toBe(
        'injected',
      );
    });
  });

  describe('error 7, SGE-IMPORT-CURSOR-LOCKED', () => {
    it('rejects an entry dated in a month locked in the import cursor settings, and accepts it once unlocked', async () => {
      const h = setup();
      await h.action('set-import-cursor-lock', { entityId: ENTITY, fileId: FILE, periods: ['2026-03'], locked: true });
      expectRejectedEntry(await h.pushAndInject(entryBody()), 'SGE-IMPORT-CURSOR-LOCKED');
      expect((await h.pushAndInject(entryBody({ postingDate: '2026-02-27' }))).status).toBe('injected');
      await h.action('set-import-cursor-lock', { entityId: ENTITY, fileId: FILE, periods: ['2026-03'], locked: false });
      expect((await h.pushAndInject(entryBody())).status).toBe('injected');
    });
  });

  describe('error 9, SGE-OTHER-ERROR', () => {
    it.each([0, 1, 2, 3])(
      'rejects the next entries with variant %i of the four messages, `count` times',
      async (variant) => {
        const h = setup();
        expect(
          (await h.action('inject-other-error', { entityId: ENTITY, fileId: FILE, variant, count: 2 })).status,
        ).toBe(200);
        const ids = [];
        for (let i = 0; i < 3; i++) ids.push((await h.push(entryBody())).body.id);
        await h.openAccounting();
        expectRejectedEntry(await h.entryStatus(ids[0]!), 'SGE-OTHER-ERROR', {}, variant);
        expectRejectedEntry(await h.entryStatus(ids[1]!), 'SGE-OTHER-ERROR', {}, variant);
        expect((await h.entryStatus(ids[2]!)).status).toBe('injected');
        expect(h.file().pendingOtherErrors).toBeNull();
      },
    );

    it('has the four documented messages', () => {
      expect([0, 1, 2, 3].map((v) => renderMessage('SGE-OTHER-ERROR', {}, v))).toEqual([
        'Object reference not set',
        'String or binary data would be truncated',
        'Record not found',
        'The document is not settled',
      ]);
    });
  });

  describe('SGE-FY-NOT-OPEN-PENDING (the hub holds such entries back)', () => {
    it('rejects an entry sent anyway for a year that is not open: error 5 for a closed year, error 1 for no year', async () => {
      const h = setup({
        file: { fiscalYears: [calendarYear(2024, 'closed'), calendarYear(2025), calendarYear(2026)] },
      });
      expectRejectedEntry(
        await h.pushAndInject(entryBody({ postingDate: '2024-04-04', documentDate: '2024-04-04' })),
        'SGE-ACCOUNT-LOCKED',
        { account: '606400' },
      );
      expectRejectedEntry(
        await h.pushAndInject(entryBody({ postingDate: '2023-04-04', documentDate: '2023-04-04' })),
        'SGE-JOURNAL-LOCKED',
      );
    });
  });

  describe('the order of the rules', () => {
    it('gives error 1 to an entry that breaks rules 1 and 4', async () => {
      const h = setup({ tweak: (s) => void (s.tenants[ENTITY]!.files[FILE]!.journals.AC!.locked = true) });
      const body = entryBody();
      body.lines[2] = { accountNumber: '401000', debit: 0, credit: 120 };
      expectRejectedEntry(await h.pushAndInject(body), 'SGE-JOURNAL-LOCKED');
      await h.action('set-journal-lock', { entityId: ENTITY, fileId: FILE, journal: 'AC', locked: false });
      // With rule 1 satisfied, the same entry meets rule 4.
      expectRejectedEntry(await h.pushAndInject(body), 'SGE-COLLECTIVE-ACCOUNT', { account: '401000' });
    });

    it('gives error 4 before 5 and 5 before 7', async () => {
      const h = setup({ file: { importCursorLocks: { '2026-03': true } } });
      await h.action('set-account-lock', { entityId: ENTITY, fileId: FILE, account: '606400', locked: true });
      const body = entryBody();
      body.lines[2] = { accountNumber: '401000', debit: 0, credit: 120 };
      expectRejectedEntry(await h.pushAndInject(body), 'SGE-COLLECTIVE-ACCOUNT', { account: '401000' });
      expectRejectedEntry(await h.pushAndInject(entryBody()), 'SGE-ACCOUNT-LOCKED', { account: '606400' });
      await h.action('set-account-lock', { entityId: ENTITY, fileId: FILE, account: '606400', locked: false });
      expectRejectedEntry(await h.pushAndInject(entryBody()), 'SGE-IMPORT-CURSOR-LOCKED');
    });
  });

  it('records a rejection without touching the chart, the numbering or the subsidiary accounts', async () => {
    const h = setup({ tweak: (s) => void (s.tenants[ENTITY]!.files[FILE]!.journals.AC!.locked = true) });
    const body = entryBody({
      documentNumber: '',
      lines: [
        { accountNumber: '610123456', debit: 10, credit: 0 },
        { accountNumber: '401000', subsidiaryAccount: 'NEWSUB', debit: 0, credit: 10 },
      ],
    });
    const before = h.file();
    const chart = JSON.stringify(before.accounts);
    const subsidiaries = JSON.stringify(before.subsidiaryAccounts);
    const journals = JSON.stringify(before.journals);
    expectRejectedEntry(await h.pushAndInject(body), 'SGE-JOURNAL-LOCKED');
    expect(JSON.stringify(h.file().accounts)).toBe(chart);
    expect(JSON.stringify(h.file().subsidiaryAccounts)).toBe(subsidiaries);
    expect(JSON.stringify(h.file().journals)).toBe(journals);
    expect(getEntry('SGE-JOURNAL-LOCKED').wire?.status).toBe(422);
  });
});

const START_AT = '2026-03-16T09:00:00.000Z';
