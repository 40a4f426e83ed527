import { describe, expect, it } from 'vitest';
import type { Compte } from '../../../contracts/quadra/wire.js';
import { calendarPeriod } from '../seed/builders.js';
import { DOSSIER, OTHER_DOSSIER, OTHER_SIC, SIC, expectQuadraError, expectRejection, setup } from '../test-support.js';

describe('CPA reference data (GetDossiers, GetExercices, GetComptes, GetJournaux)', () => {
  it("lists the firm's dossiers with their open period and container, and nothing of another firm", async () => {
    const h = setup();
    const res = await h.cpa('GetDossiers');
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(JSON.parse(text)).toEqual({
      Dossiers: [
        {
          CodeDossier: DOSSIER,
          RaisonSociale: `Dossier ${DOSSIER}`,
          ExerciceOuvert: { Id: 'EX2026', DebutExercice: '2026-01-01', FinExercice: '2026-12-31', Statut: 'Ouvert' },
          Conteneur: `${SIC}-main`,
        },
      ],
    });
    expect(text).not.toContain('Bravo');
    expect(text).not.toContain(OTHER_DOSSIER);
  });

  it("gives the periods, the chart with Quadra's types and collectives, and the journals", async () => {
    const h = setup();
    const periods = (await (await h.cpa('GetExercices', { dossier: DOSSIER })).json()) as { Exercices: unknown[] };
    expect(periods.Exercices).toEqual([
      { Id: 'EX2025', DebutExercice: '2025-01-01', FinExercice: '2025-12-31', Statut: 'Cloture' },
      { Id: 'EX2026', DebutExercice: '2026-01-01', FinExercice: '2026-12-31', Statut: 'Ouvert' },
    ]);
    const accounts = (await (await h.cpa('GetComptes', { dossier: DOSSIER })).json()) as { Comptes: Compte[] };
    expect(accounts.Comptes).toContainEqual({ Numero: '40100000', Type: 'G', Intitule: 'Fournisseurs', Collectif: '' });
    expect(accounts.Comptes.every((a) => a.Numero.length <= 8)).toBe(true);
    const journals = (await (await h.cpa('GetJournaux', { dossier: DOSSIER })).json()) as { Journaux: unknown[] };
    expect(journals.Journaux).toContainEqual({ Code: 'AC', Libelle: 'Achats', Statut: 'Ouvert' });
  });

  it('QDR-PERIOD-NOT-OPEN: no open period, the chart and journals are refused; opening a period is the remedy', async () => {
    const h = setup({ dossier: { periods: [calendarPeriod(2025, 'closed'), calendarPeriod(2026, 'closed')] } });
    const token = await h.cpaToken();
    const before = h.stateSnapshot();
    await expectRejection(await h.cpa('GetComptes', { dossier: DOSSIER }, token), 'QDR-PERIOD-NOT-OPEN', {
      file: DOSSIER,
    });
    await expectRejection(await h.cpa('GetJournaux', { dossier: DOSSIER }, token), 'QDR-PERIOD-NOT-OPEN', {
      file: DOSSIER,
    });
    expect(h.stateSnapshot()).toBe(before);
    expect((await h.cpa('GetExercices', { dossier: DOSSIER }, token)).status).toBe(200);
    const opened = await h.action('open-period', {
      sicCode: SIC,
      dossier: DOSSIER,
      start: '2027-01-01',
      end: '2027-12-31',
    });
    expect(opened.status).toBe(200);
    expect((await h.cpa('GetComptes', { dossier: DOSSIER }, token)).status).toBe(200);
  });

  it('QDR-INCOMPLETE-FILE: an incomplete chart, or no open journal, is refused until fixed', async () => {
    const h = setup();
    const token = await h.cpaToken();
    await h.action('delete-account', { sicCode: SIC, dossier: DOSSIER, number: '21830000' });
    const before = h.stateSnapshot();
    await expectRejection(await h.cpa('GetComptes', { dossier: DOSSIER }, token), 'QDR-INCOMPLETE-FILE', {
      file: DOSSIER,
    });
    expect(h.stateSnapshot()).toBe(before);
    await h.action('upsert-account', {
      sicCode: SIC,
      dossier: DOSSIER,
      number: '21830000',
      label: 'Matériel informatique',
    });
    expect((await h.cpa('GetComptes', { dossier: DOSSIER }, token)).status).toBe(200);

    for (const journal of Object.keys(h.dossier().journals))
      await h.action('set-journal-status', { sicCode: SIC, dossier: DOSSIER, journal, status: 'locked' });
    await expectRejection(await h.cpa('GetJournaux', { dossier: DOSSIER }, token), 'QDR-INCOMPLETE-FILE', {
      file: DOSSIER,
    });
    await h.action('set-journal-status', { sicCode: SIC, dossier: DOSSIER, journal: 'AC', status: 'open' });
    expect((await h.cpa('GetJournaux', { dossier: DOSSIER }, token)).status).toBe(200);
  });

  it("another firm's dossier is a 404, like one that does not exist, and leaks nothing", async () => {
    const h = setup();
    for (const method of ['GetExercices', 'GetComptes', 'GetJournaux', 'GetEcritures']) {
      const body = await expectQuadraError(
        await h.cpa(method, { dossier: OTHER_DOSSIER }),
        404,
        'DossierNotFound',
        `No dossier ${OTHER_DOSSIER} for SIC code ${SIC}`,
      );
      expect(JSON.stringify(body)).not.toContain('Bravo');
      await expectQuadraError(await h.cpa(method, { dossier: 'NOPE' }), 404, 'DossierNotFound');
    }
    // The other firm sees its own dossier with its own token.
    expect((await h.cpa('GetComptes', { dossier: OTHER_DOSSIER }, await h.cpaToken(OTHER_SIC))).status).toBe(200);
  });

  it('refuses missing, malformed, unknown and CFE tokens with 401 in the vendor shape', async () => {
    const h = setup();
    const cfe = await h.cfeToken();
    for (const token of [null, 'not-a-token', cfe]) {
      const res = await h.cpa('GetComptes', { dossier: DOSSIER }, token);
      expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      await expectQuadraError(res, 401, 'invalid_token');
    }
    const basic = await h.sim.app.request('/QuadraODOpenApi/GetDossiers', {
      method: 'POST',
      headers: { authorization: 'Basic Zm9vOmJhcg==' },
    });
    await expectQuadraError(basic, 401, 'invalid_token', /Missing bearer token/);
  });

  it('refuses bad parameters: missing dossier, unknown parameter, a dossier code with a path in it', async () => {
    const h = setup();
    const token = await h.cpaToken();
    const before = h.stateSnapshot();
    await expectQuadraError(await h.cpa('GetComptes', {}, token), 400, 'ValidationError', /dossier/);
    await expectQuadraError(
      await h.cpa('GetComptes', { dossier: DOSSIER, limit: '3' }, token),
      400,
      'ValidationError',
      /limit/,
    );
    await expectQuadraError(
      await h.cpa('GetComptes', { dossier: '../MAIN' }, token),
      400,
      'ValidationError',
      /dossier/,
    );
    await expectQuadraError(await h.cpa('GetComptes', { dossier: '__proto__' }, token), 404, 'DossierNotFound');
    await expectQuadraError(
      await h.cpa('GetEcritures', { dossier: DOSSIER, du: '2026-02-30' }, token),
      400,
      'ValidationError',
      /du/,
    );
    expect(h.stateSnapshot()).toBe(before);
  });
});
