import { describe, expect, it } from 'vitest';
import { ENTITY, FILE, OTHER_ENTITY, OTHER_FILE, entryBody, setup } from '../test-support.js';
import { sageGeActions } from './actions.js';

describe('Sage GE admin actions (what a person does in GE)', () => {
  it('lists every action with its input schema', async () => {
    const h = setup();
    const res = await h.sim.app.request('/__admin/actions');
    expect(res.status).toBe(200);
    const { actions } = (await res.json()) as {
      actions: { name: string; description: string; input: { type: string } }[];
    };
    expect(actions.map((a) => a.name)).toEqual(sageGeActions.map((a) => a.name));
    expect(actions.map((a) => a.name)).toEqual(
      expect.arrayContaining([
        'open-accounting',
        'close-accounting',
        'set-journal-lock',
        'set-fiscal-year',
        'delete-fiscal-year',
        'resync-fiscal-years',
        'set-import-cursor-lock',
        'set-marketplace',
        'bulk-activate',
        'set-api-rights',
        'expire-admin-certificate',
        'reauthenticate-admin',
        'set-analytics',
        'set-account-lock',
        'rename-third-party',
        'inject-other-error',
        'upsert-account',
        'upsert-subsidiary-account',
      ]),
    );
    for (const a of actions) expect(a.input.type, a.name).toBe('object');
  });

  it('answers an unknown action with 404', async () => {
    const h = setup();
    expect((await h.action('delete-everything', {})).status).toBe(404);
  });

  it('refuses invalid input with 400 and the zod issues, changing nothing', async () => {
    const h = setup();
    const cases: [string, unknown][] = [
      ['open-accounting', { entityId: ENTITY }],
      ['open-accounting', { entityId: ENTITY, fileId: FILE, extra: true }],
      ['open-accounting', { entityId: ENTITY, fileId: FILE, stay: 'yes' }],
      ['set-fiscal-year-journals', { entityId: ENTITY, fileId: FILE, fiscalYearId: 'FY2025', locked: 'yes' }],
      [
        'set-fiscal-year-journals',
        { entityId: ENTITY, fileId: FILE, fiscalYearId: 'FY2025', journals: [], locked: true },
      ],
      ['delete-fiscal-year', { entityId: ENTITY, fileId: FILE }],
      ['set-journal-lock', { entityId: ENTITY, fileId: FILE, journal: 'AC', locked: 'yes' }],
      ['set-import-cursor-lock', { entityId: ENTITY, fileId: FILE, periods: ['2026-13'], locked: true }],
      ['set-import-cursor-lock', { entityId: ENTITY, fileId: FILE, periods: [], locked: true }],
      [
        'set-fiscal-year',
        {
          entityId: ENTITY,
          fileId: FILE,
          fiscalYearId: 'FY2027',
          start: '2027-02-30',
          end: '2027-12-31',
          status: 'open',
        },
      ],
      [
        'set-fiscal-year',
        {
          entityId: ENTITY,
          fileId: FILE,
          fiscalYearId: '__proto__',
          start: '2027-01-01',
          end: '2027-12-31',
          status: 'open',
        },
      ],
      ['inject-other-error', { entityId: ENTITY, fileId: FILE, variant: 4 }],
      ['rename-third-party', { entityId: ENTITY, fileId: FILE, code: 'FBUREAU', name: '' }],
      ['set-account-lock', { entityId: ENTITY, fileId: FILE, account: '60A', locked: true }],
      ['upsert-account', { entityId: ENTITY, fileId: FILE, account: '61A', label: 'x' }],
      ['upsert-account', { entityId: ENTITY, fileId: FILE, account: '618800', label: '' }],
      ['upsert-subsidiary-account', { entityId: ENTITY, fileId: FILE, code: 'F NOUV', label: 'x' }],
    ];
    for (const [name, input] of cases) {
      const before = h.stateSnapshot();
      const { status, body } = await h.action(name, input);
      expect(status, `${name} ${JSON.stringify(input)}`).toBe(400);
      expect(body).toMatchObject({ error: 'bad-request', issues: expect.any(Array) });
      expect(h.stateSnapshot()).toBe(before);
    }
    const malformed = await h.sim.app.request('/__admin/actions/open-accounting', {
      method: 'POST',
      body: '{nope',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
  });

  it('refuses a new fiscal year without dates, or ending before it starts', async () => {
    const h = setup();
    const before = h.stateSnapshot();
    expect(
      (await h.action('set-fiscal-year', { entityId: ENTITY, fileId: FILE, fiscalYearId: 'FY2027', status: 'open' }))
        .status,
    ).toBe(400);
    expect(
      (
        await h.action('set-fiscal-year', {
          entityId: ENTITY,
          fileId: FILE,
          fiscalYearId: 'FY2027',
          start: '2027-12-31',
          end: '2027-01-01',
          status: 'open',
        })
      ).status,
    ).toBe(400);
    expect(h.stateSnapshot()).toBe(before);
  });

  it('answers 404 for an unknown entity, file, journal or account, changing nothing', async () => {
    const h = setup();
    const cases: [string, unknown][] = [
      ['open-accounting', { entityId: 'ENT-Z', fileId: FILE }],
      ['open-accounting', { entityId: ENTITY, fileId: OTHER_FILE }],
      ['open-accounting', { entityId: ENTITY, fileId: '__proto__' }],
      ['set-journal-lock', { entityId: ENTITY, fileId: FILE, journal: 'ZZ', locked: true }],
      ['set-journal-lock', { entityId: ENTITY, fileId: FILE, journal: 'constructor', locked: true }],
      ['set-account-lock', { entityId: ENTITY, fileId: FILE, account: '999999', locked: true }],
      ['rename-third-party', { entityId: ENTITY, fileId: FILE, code: 'NOBODY', name: 'X' }],
      ['rename-third-party', { entityId: ENTITY, fileId: FILE, code: '__proto__', name: 'X' }],
      ['set-marketplace', { entityId: 'ENT-Z', active: true }],
      ['expire-admin-certificate', { entityId: 'toString' }],
    ];
    for (const [name, input] of cases) {
      const before = h.stateSnapshot();
      const { status, body } = await h.action(name, input);
      expect(status, `${name} ${JSON.stringify(input)}`).toBe(404);
      expect(body).toMatchObject({ error: 'not-found' });
      expect(h.stateSnapshot()).toBe(before);
    }
  });

  it('acts on the named entity and file only', async () => {
    const h = setup();
    const a = await h.push(entryBody());
    const b = await h.push(entryBody(), { as: OTHER_ENTITY, fileId: OTHER_FILE });
    await h.openAccounting(OTHER_ENTITY, OTHER_FILE);
    expect((await h.entryStatus(a.body.id)).status).toBe('queued');
    expect(h.file(OTHER_FILE, OTHER_ENTITY).entries[b.body.id]!.status).toBe('injected');
    await h.action('set-journal-lock', { entityId: OTHER_ENTITY, fileId: OTHER_FILE, journal: 'AC', locked: true });
    expect(h.file().journals.AC!.locked).toBe(false);
  });

  it('records what each action sets, as GE would show it', async () => {
    const h = setup();
    await h.action('set-analytics', { entityId: ENTITY, fileId: FILE, required: true, axes: ['AX1', 'AX2'] });
    expect(h.file().analytics).toEqual({ required: true, axes: ['AX1', 'AX2'], missing: 'axis' });
    await h.action('set-import-cursor-lock', {
      entityId: ENTITY,
      fileId: FILE,
      periods: ['2026-01', '2026-02'],
      locked: true,
    });
    await h.action('set-import-cursor-lock', { entityId: ENTITY, fileId: FILE, periods: ['2026-01'], locked: false });
    expect(h.file().importCursorLocks).toEqual({ '2026-02': true });
    const reauth = await h.action('reauthenticate-admin', { entityId: ENTITY });
    expect(reauth.body.result).toEqual({ certificateExpiresAt: '2027-03-16T09:00:00.000Z' });
    const expired = await h.action('expire-admin-certificate', { entityId: ENTITY });
    expect(expired.body.result).toEqual({ certificateExpiresAt: '2026-03-16T09:00:00.000Z' });
    await h.action('set-api-rights', { entityId: ENTITY, granted: false });
    expect(h.sim.store.data.tenants[ENTITY]!.apiRights).toBe(false);
  });

  it('synchronizes the fiscal years when a never-synchronized file is activated, and not otherwise', async () => {
    const h = setup({
      file: { connectorActive: false, marketplaceFiscalYears: { at: null, fiscalYears: [] } },
      extraFiles: { synced: { connectorActive: false } },
    });
    h.clock.advance(60_000);
    await h.action('set-marketplace', { entityId: ENTITY, fileId: FILE, active: true });
    expect(h.file().marketplaceFiscalYears.at).toBe('2026-03-16T09:01:00.000Z');
    expect(h.file().marketplaceFiscalYears.fiscalYears.map((f) => f.id)).toEqual(['FY2025', 'FY2026']);
    await h.action('set-marketplace', { entityId: ENTITY, fileId: 'synced', active: true });
    expect(h.file('synced').marketplaceFiscalYears.at).toBe('2026-03-16T09:00:00.000Z');
  });

  it('injects nothing while a person stays in the accounting; closed and reopened, it injects', async () => {
    const h = setup();
    const stay = await h.action('open-accounting', { entityId: ENTITY, fileId: FILE, stay: true });
    expect(stay.status).toBe(200);
    expect(h.file().accountingSession).toEqual({ openedAt: '2026-03-16T09:00:00.000Z' });
    const pushed = await h.push(entryBody());
    // The Accounting button from inside the accounting: not an opening.
    expect(await h.openAccounting()).toEqual({
      messages: [],
      injected: [],
      rejected: [],
      stillQueued: 1,
      blockedBy: 'SGE-STUCK-ACCOUNTING-NOT-OPENED',
    });
    expect((await h.entryStatus(pushed.body.id)).status).toBe('queued');
    expect((await h.action('close-accounting', { entityId: ENTITY, fileId: FILE })).body.result).toEqual({
      wasOpen: true,
    });
    expect(h.file().accountingSession).toBeNull();
    expect((await h.openAccounting()).injected).toEqual([pushed.body.id]);
    // A plain opening is a visit: nobody stays in the accounting after it.
    expect(h.file().accountingSession).toBeNull();
  });

  it('deletes a fiscal year that holds no entry, and keeps one that does', async () => {
    const h = setup();
    expect(
      (await h.action('delete-fiscal-year', { entityId: ENTITY, fileId: FILE, fiscalYearId: 'FY2024' })).status,
    ).toBe(404);
    expect((await h.pushAndInject(entryBody({ postingDate: '2026-03-10' }))).status).toBe('injected');
    const kept = await h.action('delete-fiscal-year', { entityId: ENTITY, fileId: FILE, fiscalYearId: 'FY2026' });
    expect(kept.status).toBe(409);
    expect(Object.keys(h.file().fiscalYears)).toEqual(['FY2025', 'FY2026']);
    const deleted = await h.action('delete-fiscal-year', { entityId: ENTITY, fileId: FILE, fiscalYearId: 'FY2025' });
    expect(deleted.body.result).toEqual({ deleted: 'FY2025' });
    expect(Object.keys(h.file().fiscalYears)).toEqual(['FY2026']);
    // The Marketplace still shows what it last synchronized.
    expect(h.file().marketplaceFiscalYears.fiscalYears.map((f) => f.id)).toEqual(['FY2025', 'FY2026']);
  });

  it('closes and opens journals in one fiscal year, and refuses an unknown year or journal, changing nothing', async () => {
    const h = setup();
    const target = { entityId: ENTITY, fileId: FILE };
    const before = h.stateSnapshot();
    expect(
      (await h.action('set-fiscal-year-journals', { ...target, fiscalYearId: 'FY1999', locked: true })).status,
    ).toBe(404);
    expect(
      (
        await h.action('set-fiscal-year-journals', {
          ...target,
          fiscalYearId: 'FY2025',
          journals: ['AC', 'ZZ'],
          locked: true,
        })
      ).status,
    ).toBe(404);
    expect(h.stateSnapshot()).toBe(before);
    await h.action('set-fiscal-year-journals', {
      ...target,
      fiscalYearId: 'FY2025',
      journals: ['VE', 'AC'],
      locked: true,
    });
    expect(h.file().fiscalYears.FY2025!.closedJournals).toEqual(['AC', 'VE']);
    await h.action('set-fiscal-year-journals', { ...target, fiscalYearId: 'FY2025', journals: ['AC'], locked: false });
    expect(h.file().fiscalYears.FY2025!.closedJournals).toEqual(['VE']);
    // Reopening or closing the year itself keeps its journals as they are.
    await h.action('set-fiscal-year', { ...target, fiscalYearId: 'FY2025', status: 'closed' });
    expect(h.file().fiscalYears.FY2025).toMatchObject({ status: 'closed', closedJournals: ['VE'] });
    expect(h.file().fiscalYears.FY2026!.closedJournals).toBeUndefined();
    // The year's own action names its closed journals too (the same input as Loop's), and an empty list reopens them all.
    await h.action('set-fiscal-year', { ...target, fiscalYearId: 'FY2026', status: 'open', closedJournals: ['AC'] });
    expect(h.file().fiscalYears.FY2026).toMatchObject({ status: 'open', closedJournals: ['AC'] });
    await h.action('set-fiscal-year', { ...target, fiscalYearId: 'FY2026', status: 'open', closedJournals: [] });
    expect(h.file().fiscalYears.FY2026!.closedJournals).toBeUndefined();
  });

  it('creates and renames accounts and subsidiary accounts as a user does in GE, the rename no longer auto-created', async () => {
    const h = setup();
    await h.action('upsert-account', { entityId: ENTITY, fileId: FILE, account: '618800', label: 'Abonnements' });
    expect(h.file().accounts['618800']).toEqual({
      number: '618800',
      label: 'Abonnements',
      collective: false,
      locked: false,
      autoCreated: false,
    });
    await h.action('set-account-lock', { entityId: ENTITY, fileId: FILE, account: '618800', locked: true });
    await h.action('upsert-account', {
      entityId: ENTITY,
      fileId: FILE,
      account: '618800',
      label: 'Abonnements divers',
    });
    expect(h.file().accounts['618800']).toMatchObject({ label: 'Abonnements divers', locked: true });

    const before = h.stateSnapshot();
    const orphan = await h.action('upsert-subsidiary-account', {
      entityId: ENTITY,
      fileId: FILE,
      code: 'FNEW',
      label: 'x',
    });
    expect(orphan.status).toBe(404);
    const unknown = await h.action('upsert-subsidiary-account', {
      entityId: ENTITY,
      fileId: FILE,
      code: 'FNEW',
      label: 'x',
      collectiveAccount: '409999',
    });
    expect(unknown.status).toBe(404);
    expect(h.stateSnapshot()).toBe(before);
    await h.action('upsert-subsidiary-account', {
      entityId: ENTITY,
      fileId: FILE,
      code: 'FNEW',
      label: 'Nouveau',
      collectiveAccount: '401000',
    });
    await h.action('upsert-subsidiary-account', { entityId: ENTITY, fileId: FILE, code: 'FNEW', label: 'Nouveau nom' });
    expect(h.file().subsidiaryAccounts.FNEW).toEqual({
      code: 'FNEW',
      label: 'Nouveau nom',
      collectiveAccount: '401000',
    });
  });
});
