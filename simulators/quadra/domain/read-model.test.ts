import { describe, expect, it } from 'vitest';
import { DOSSIER, SIC, setup } from '../test-support.js';

/**
 * The CPA answers over a dossier whose periods were not created in date order, and a locked
 * journal (mutation testing, issue 18, found these untested).
 */
describe('Quadra CPA read model', () => {
  const openPeriod = async (h: ReturnType<typeof setup>) => {
    const dossiers = (await (await h.cpa('GetDossiers')).json()) as {
      Dossiers: { ExerciceOuvert: { Id: string } | null }[];
    };
    return dossiers.Dossiers[0]!.ExerciceOuvert?.Id;
  };

  it('lists the periods in date order and shows the latest open one, whatever order they were created in', async () => {
    const h = setup();
    // An earlier period opened after the current one (the open-period action allows it: it only
    // asks that no earlier period be left open when a later one is opened).
    const opened = await h.action('open-period', {
      sicCode: SIC,
      dossier: DOSSIER,
      start: '2024-01-01',
      end: '2024-12-31',
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const periods = (await (await h.cpa('GetExercices', { dossier: DOSSIER })).json()) as {
      Exercices: { Id: string }[];
    };
    expect(periods.Exercices.map((p) => p.Id)).toEqual(['EX2024', 'EX2025', 'EX2026']);
    expect(await openPeriod(h)).toBe('EX2026');
    const closed = await h.action('close-period', { sicCode: SIC, dossier: DOSSIER, periodId: 'EX2026' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    // The latest period is closed now: the open one is the earlier one, not the latest.
    expect(await openPeriod(h)).toBe('EX2024');
  });

  it('shows a locked journal as Verrouille', async () => {
    const h = setup();
    const locked = await h.action('set-journal-status', {
      sicCode: SIC,
      dossier: DOSSIER,
      journal: 'AC',
      status: 'locked',
    });
    expect(locked.status, JSON.stringify(locked.body)).toBe(200);
    const journals = (await (await h.cpa('GetJournaux', { dossier: DOSSIER })).json()) as { Journaux: unknown[] };
    expect(journals.Journaux).toContainEqual({ Code: 'AC', Libelle: 'Achats', Statut: 'Verrouille' });
    expect(journals.Journaux).toContainEqual({ Code: 'VT', Libelle: 'Ventes', Statut: 'Ouvert' });
  });
});
