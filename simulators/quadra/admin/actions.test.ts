import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../core/random.js';
import { calendarPeriod } from '../seed/builders.js';
import { quadraActions } from './actions.js';
import { DOSSIER, SIC, asciiFile, purchaseLines, setup } from '../test-support.js';

describe('admin actions (what a person does in Cegid Life or Quadra)', () => {
  it('lists the actions with their input schema', async () => {
    const h = setup();
    const res = await h.sim.app.request('/__admin/actions');
    const names = ((await res.json()) as { actions: { name: string }[] }).actions.map((a) => a.name);
    expect(names).toEqual([
      'open-dossier',
      'set-import-delay',
      'set-portal-access',
      'regenerate-cpa-key',
      'regenerate-cfe-key',
      'validate-cfe-activation',
      'update-quadra-settings',
      'create-dossier',
      'open-period',
      'close-period',
      'set-journal-status',
      'upsert-account',
      'delete-account',
      'delete-entries',
    ]);
  });

  it('opens a period only once the previous one is closed (QDR-PERIOD-NOT-OPEN remedy)', async () => {
    const h = setup();
    const early = await h.action('open-period', {
      sicCode: SIC,
      dossier: DOSSIER,
      start: '2027-01-01',
      end: '2027-12-31',
    });
    expect(early.status).toBe(409);
    expect(early.body.message).toBe(
      'Close the previous period EX2026 (2026-01-01 to 2026-12-31) before opening a new one',
    );
    expect((await h.action('close-period', { sicCode: SIC, dossier: DOSSIER, periodId: 'EX2026' })).status).toBe(200);
    const opened = await h.action('open-period', {
      sicCode: SIC,
      dossier: DOSSIER,
      start: '2027-01-01',
      end: '2027-12-31',
    });
    expect(opened.body.result).toEqual(calendarPeriod(2027));
    expect(
      (await h.action('open-period', { sicCode: SIC, dossier: DOSSIER, start: '2027-06-01', end: '2028-05-31' }))
        .status,
    ).toBe(409);
    expect(
      (await h.action('open-period', { sicCode: SIC, dossier: DOSSIER, start: '2029-12-31', end: '2029-01-01' }))
        .status,
    ).toBe(400);
  });

  it('regenerates keys from the seeded generator, and shows the secret once in the answer', async () => {
    const a = setup();
    const b = setup();
    const ka = await a.action('regenerate-cfe-key', { sicCode: SIC });
    const kb = await b.action('regenerate-cfe-key', { sicCode: SIC });
    expect(ka.body.result).toEqual(kb.body.result);
    expect(ka.body.result.key).toMatch(/^CFE-/);
    expect(a.firm().cfe).toMatchObject({ key: ka.body.result.key, secret: ka.body.result.secret, activated: true });
    expect(a.dossier().cfeKeyInSettings).not.toBe(ka.body.result.key);
  });

  it('deletes the imported entries of a journal, on a date or with a piece number, and refuses when none match (no change)', async () => {
    const h = setup();
    await h.upload(
      asciiFile([
        ...purchaseLines({ pieceNumber: 'KEEP' }),
        ...purchaseLines({ pieceNumber: 'GONE', date: '2026-03-11' }),
      ]),
    );
    await h.openDossier();
    await h.advance(10 * 60_000);
    expect((await h.entries()).map((e) => e.NumeroPiece)).toEqual(['KEEP', 'KEEP', 'KEEP', 'GONE', 'GONE', 'GONE']);

    const before = h.stateSnapshot();
    const none = await h.action('delete-entries', { sicCode: SIC, dossier: DOSSIER, journal: 'VT' });
    expect(none.status).toBe(404);
    expect(none.body.message).toBe(`No imported entry in journal VT of dossier ${DOSSIER}`);
    expect(
      (await h.action('delete-entries', { sicCode: SIC, dossier: DOSSIER, journal: 'AC', piece: 'NOPE' })).status,
    ).toBe(404);
    expect(
      (await h.action('delete-entries', { sicCode: SIC, dossier: DOSSIER, journal: 'AC', date: '10/03/2026' })).status,
    ).toBe(400);
    expect(h.stateSnapshot()).toBe(before);

    const deleted = await h.action('delete-entries', {
      sicCode: SIC,
      dossier: DOSSIER,
      journal: 'AC',
      date: '2026-03-11',
    });
    expect(deleted.body.result).toEqual({ deletedLines: 3 });
    expect((await h.entries()).map((e) => e.NumeroPiece)).toEqual(['KEEP', 'KEEP', 'KEEP']);
    expect(
      (await h.action('delete-entries', { sicCode: SIC, dossier: DOSSIER, journal: 'AC', piece: 'KEEP' })).body.result,
    ).toEqual({ deletedLines: 3 });
    expect(await h.entries()).toEqual([]);
  });

  it('refuses unknown firms, dossiers, journals and periods, and bad input, with the admin error shape and no change', async () => {
    const h = setup();
    const before = h.stateSnapshot();
    expect((await h.action('open-dossier', { sicCode: 'NOPE', dossier: DOSSIER })).status).toBe(404);
    expect((await h.action('open-dossier', { sicCode: SIC, dossier: 'NOPE' })).status).toBe(404);
    expect((await h.action('open-dossier', { sicCode: SIC, dossier: '__proto__' })).status).toBe(404);
    expect(
      (await h.action('set-journal-status', { sicCode: SIC, dossier: DOSSIER, journal: 'ZZ', status: 'locked' }))
        .status,
    ).toBe(404);
    expect((await h.action('close-period', { sicCode: SIC, dossier: DOSSIER, periodId: 'EX1999' })).status).toBe(404);
    expect(
      (await h.action('upsert-account', { sicCode: SIC, dossier: DOSSIER, number: '123456789', label: 'x' })).status,
    ).toBe(400);
    expect((await h.action('open-dossier', { sicCode: SIC, dossier: DOSSIER, extra: 1 })).status).toBe(400);
    expect((await h.action('no-such-action', {})).status).toBe(404);
    const malformed = await h.sim.app.request('/__admin/actions/open-dossier', {
      method: 'POST',
      body: '{oops',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(h.stateSnapshot()).toBe(before);
  });

  it('creates a new dossier served by the same keys, recording the CFE key the other dossiers have; refuses an existing code', async () => {
    const h = setup();
    const created = await h.action('create-dossier', { sicCode: SIC, dossier: 'NEW01', name: 'Nouveau dossier' });
    expect(created.status).toBe(200);
    const firm = h.sim.store.data.tenants[SIC]!;
    expect(firm.dossiers.NEW01).toMatchObject({
      code: 'NEW01',
      name: 'Nouveau dossier',
      cfeKeyInSettings: firm.dossiers[DOSSIER]!.cfeKeyInSettings,
    });
    expect(Object.values(firm.dossiers.NEW01!.periods).map((p) => p.status)).toContain('open');
    const before = h.stateSnapshot();
    expect((await h.action('create-dossier', { sicCode: SIC, dossier: DOSSIER })).status).toBe(409);
    expect(h.stateSnapshot()).toBe(before);
  });

  it('builds each input schema once: two simulators share them, and no two actions share one', () => {
    const first = quadraActions(createRandom(1));
    const second = quadraActions(createRandom(2));
    expect(second.map((a) => a.name)).toEqual(first.map((a) => a.name));
    second.forEach((action, i) => expect(action.input).toBe(first[i]!.input));
    const extended = first.filter(
      (a) => !['open-dossier', 'regenerate-cpa-key', 'regenerate-cfe-key'].includes(a.name),
    );
    expect(new Set(extended.map((a) => a.input)).size).toBe(extended.length);
  });
});
