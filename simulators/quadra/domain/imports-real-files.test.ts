import { describe, expect, it } from 'vitest';
import { getEntry, renderMessage } from '../../../contracts/catalogue/index.js';
import { entryLine, formatQuadraRecord } from '../../../contracts/quadra/ascii.js';
import { DOSSIER, SIC, accountRecord, asciiFile, purchaseLines, setup } from '../test-support.js';

const MINUTE = 60_000;

const account = accountRecord;

async function imported(records: readonly unknown[]) {
  const h = setup();
  await h.upload(asciiFile(records));
  const opening = await h.openDossier();
  await h.advance(5 * MINUTE);
  return { h, opening };
}

describe('C records: Quadra takes what they carry except the label (seed 003: labels are not taken)', () => {
  it('a customer declared C with collective 41100000 is created as a customer under that collective, without label', async () => {
    const { h, opening } = await imported([
      account({ account: 'CUDUPONT', accountType: 'C', alphaKey: 'CDUPONT', collective: '41100000' }),
      entryLine({ account: 'CUDUPONT', journal: 'VT', date: '2026-03-10', direction: 'D', amountCents: 12_000 }),
      entryLine({ account: '70600000', journal: 'VT', date: '2026-03-10', direction: 'C', amountCents: 12_000 }),
    ]);
    expect(opening.rejected).toEqual([]);
    expect(h.dossier().accounts.CUDUPONT).toEqual({
      number: 'CUDUPONT',
      type: 'C',
      label: '',
      collective: '41100000',
      alphaKey: 'CDUPONT',
      autoCreated: true,
    });
  });

  it('a supplier declared F with no collective gets the default supplier collective', async () => {
    const { h } = await imported([account({ account: 'FOURNX', accountType: 'F' }), ...purchaseLines()]);
    expect(h.dossier().accounts.FOURNX).toMatchObject({ type: 'F', collective: '40100000', label: '' });
  });

  it('Maj blank leaves an existing account alone; Maj 2 updates its collective, never its label', async () => {
    const h = setup();
    await h.action('upsert-account', {
      sicCode: SIC,
      dossier: DOSSIER,
      number: '9MARTIN',
      label: 'Martin SA',
      type: 'C',
      collective: '41100000',
    });
    await h.action('upsert-account', {
      sicCode: SIC,
      dossier: DOSSIER,
      number: '9DURAND',
      label: 'Durand',
      type: 'C',
      collective: '41100000',
    });
    await h.upload(
      asciiFile([
        account({ account: '9MARTIN', accountType: 'C', collective: '41600000', update: '', label: 'Autre nom' }),
        account({ account: '9DURAND', accountType: 'C', collective: '41600000', update: '2', label: 'Autre nom' }),
        ...purchaseLines(),
      ]),
    );
    await h.openDossier();
    await h.advance(5 * MINUTE);
    expect(h.dossier().accounts['9MARTIN']).toMatchObject({ label: 'Martin SA', collective: '41100000' });
    expect(h.dossier().accounts['9DURAND']).toMatchObject({ label: 'Durand', collective: '41600000' });
  });

  it('a file of C records only is an account import: accepted, accounts created, no entry', async () => {
    const { h, opening } = await imported([account({ account: 'CUDUPONT', accountType: 'C', collective: '41100000' })]);
    expect(opening.rejected).toEqual([]);
    expect(opening.imported).toMatchObject([{ lines: 0 }]);
    expect(h.dossier().accounts.CUDUPONT).toMatchObject({ type: 'C', collective: '41100000' });
    expect(await h.entries()).toEqual([]);
  });

  it('a refused file creates none of its C accounts', async () => {
    const { h, opening } = await imported([
      account({ account: 'CUDUPONT', accountType: 'C' }),
      ...purchaseLines({ date: '2025-06-30' }),
    ]);
    expect(opening.rejected).toHaveLength(1);
    expect(h.dossier().accounts.CUDUPONT).toBeUndefined();
  });
});

describe('journals: an unknown journal and a locked one are two different problems', () => {
  it('names an unknown journal as unknown, and a locked one as not open', async () => {
    const h = setup();
    await h.action('set-journal-status', { sicCode: SIC, dossier: DOSSIER, journal: 'AC', status: 'locked' });
    await h.upload(asciiFile([...purchaseLines(), ...purchaseLines({ journal: 'ZZ' })]));
    await h.openDossier();
    const code = getEntry('QDR-INCOMPLETE-FILE').wire!.code;
    const problems = (await h.report()).problems;
    expect(problems[0]).toEqual({
      line: 1,
      column: 10,
      field: 'journal',
      code,
      message: renderMessage('QDR-INCOMPLETE-FILE', { line: '1', journal: 'AC', file: DOSSIER }, 1),
    });
    expect(problems[3]).toEqual({
      line: 4,
      column: 10,
      field: 'journal',
      code,
      message: renderMessage('QDR-INCOMPLETE-FILE', { line: '4', journal: 'ZZ', file: DOSSIER }, 2),
    });
    expect(problems[3]!.message).not.toBe(
      renderMessage('QDR-INCOMPLETE-FILE', { line: '4', journal: 'ZZ', file: DOSSIER }, 1),
    );
  });
});

describe('short general accounts are completed with zeros to the 8 digits of the chart', () => {
  it('706000 (Dolibarr, Odoo) lands on 70600000; an auxiliary account is left as written', async () => {
    const { h } = await imported([
      entryLine({
        account: '411',
        journal: 'VT',
        date: '2026-03-10',
        direction: 'D',
        amountCents: 12_000,
        counterpartAccount: '706000',
      }),
      entryLine({ account: '706000', journal: 'VT', date: '2026-03-10', direction: 'C', amountCents: 10_000 }),
      entryLine({ account: '0DUPONT', journal: 'VT', date: '2026-03-10', direction: 'C', amountCents: 2_000 }),
    ]);
    expect((await h.entries()).map((e) => e.NumeroCompte)).toEqual(['41100000', '70600000', '0DUPONT']);
    expect(h.dossier().accounts['706000']).toBeUndefined();
    expect(h.dossier().accounts['70600000']!.label).toBe('Prestations de services');
    expect(h.dossier().entries['1']!.record.counterpartAccount).toBe('70600000');
  });

  it('a caerp account right-aligned with spaces is read trimmed, then completed', async () => {
    const h = setup();
    const line = formatQuadraRecord(
      entryLine({ account: '512', journal: 'BQ', date: '2026-03-10', direction: 'D', amountCents: 100 }),
    );
    await h.upload(`M  512000${line.slice(9)}\n`);
    await h.openDossier();
    await h.advance(5 * MINUTE);
    expect((await h.entries()).map((e) => e.NumeroCompte)).toEqual(['51200000']);
  });
});

describe('state saved before C records were taken', () => {
  it('an import record without `accounts` (and with the old ignored.accounts count) still loads', async () => {
    const { ImportStateSchema } = await import('../state/schema.js');
    const old = {
      id: 'IMP-000001',
      fileName: 'A.TXT',
      openedAt: '2026-03-16T09:00:00.000Z',
      visibleAt: '2026-03-16T09:05:00.000Z',
      status: 'imported',
      lines: [],
      ignored: { accounts: 1, analytic: 0, schedules: 0 },
    };
    expect(ImportStateSchema.parse(old)).toEqual({ ...old, accounts: [], ignored: { analytic: 0, schedules: 0 } });
  });
});
