import { describe, expect, it } from 'vitest';
import { entryLine } from '../../../contracts/quadra/ascii.js';
import { buildDossier, defaultCfeKey } from '../seed/builders.js';
import { earliestVisible } from './imports.js';
import { DOSSIER, SIC, accountRecord, asciiFile, purchaseLines, setup } from '../test-support.js';

const MINUTE = 60_000;

const account = accountRecord;

/**
 * Publication of the imports, as mutation testing (issue 18) found it untested: an import that
 * shows sooner than one opened before it, and the chart a C record leaves (default collectives,
 * Maj 2 with a blank collective or a new alpha key).
 */
describe('Quadra import publication', () => {
  it('shows an import whose delay runs out first, though it was opened after another', async () => {
    const h = setup();
    const delay = (minutes: number) => h.action('set-import-delay', { sicCode: SIC, dossier: DOSSIER, minutes });
    expect((await delay(10)).status).toBe(200);
    await h.upload(asciiFile(purchaseLines()), 'A.TXT');
    await h.openDossier();
    await h.advance(MINUTE);
    expect((await delay(2)).status).toBe(200);
    await h.upload(asciiFile(purchaseLines({ journal: 'OD' })), 'B.TXT');
    await h.openDossier();
    await h.advance(2 * MINUTE);
    expect((await h.entries()).map((e) => e.CodeJournal)).toEqual(['OD', 'OD', 'OD']);
    await h.advance(7 * MINUTE);
    expect(await h.entries()).toHaveLength(6);
  });

  it('wakes the clock only for imports still importing: a published one never sets a wake-up in the past', async () => {
    const h = setup();
    await h.upload(asciiFile(purchaseLines()), 'A.TXT');
    await h.openDossier();
    const first = Object.values(h.dossier().imports)[0]!;
    expect(earliestVisible(h.firm())).toBe(Date.parse(first.visibleAt));
    await h.advance(5 * MINUTE);
    expect(h.dossier().imports[first.id]!.status).not.toBe('importing');
    expect(earliestVisible(h.firm())).toBeUndefined();
    // A later import is the next wake-up, never the published one before it.
    await h.upload(asciiFile(purchaseLines()), 'B.TXT');
    await h.openDossier();
    const pending = Object.values(h.dossier().imports).find((imp) => imp.status === 'importing')!;
    expect(Date.parse(pending.visibleAt)).toBeGreaterThan(Date.parse(first.visibleAt));
    expect(earliestVisible(h.firm())).toBe(Date.parse(pending.visibleAt));
  });

  it("shows a dossier's import on time though another dossier of the firm has one due later", async () => {
    const h = setup({
      tweak: (state) => {
        const second = buildDossier('SUD', 2026, defaultCfeKey(SIC), { importDelayMinutes: 10 });
        state.tenants[SIC]!.dossiers[second.code] = second;
      },
    });
    await h.upload(asciiFile(purchaseLines()), 'A.TXT');
    await h.openDossier();
    await h.upload(asciiFile(purchaseLines()), 'B.TXT', 'SUD');
    await h.openDossier('SUD');
    await h.advance(5 * MINUTE);
    expect(await h.entries()).toHaveLength(3);
    expect(await h.entries('SUD')).toEqual([]);
    await h.advance(5 * MINUTE);
    expect(await h.entries('SUD')).toHaveLength(3);
  });

  it('marks the accounts it creates as created by the import, and keeps no line of a published import', async () => {
    const h = setup();
    await h.upload(
      asciiFile([
        account({ account: 'CUAUTRE', accountType: 'C' }),
        entryLine({ account: '0NOUVEAU', journal: 'AC', date: '2026-03-10', direction: 'C', amountCents: 100 }),
        entryLine({ account: '9NOUVEAU', journal: 'AC', date: '2026-03-10', direction: 'D', amountCents: 100 }),
      ]),
    );
    const opening = await h.openDossier();
    await h.advance(5 * MINUTE);
    expect(h.dossier().accounts['0NOUVEAU']).toMatchObject({ type: 'F', autoCreated: true });
    expect(h.dossier().accounts['9NOUVEAU']).toMatchObject({ type: 'C', autoCreated: true });
    expect(h.dossier().imports[opening.imported[0]!.importId]).toMatchObject({
      status: 'imported',
      lines: [],
      accounts: [],
    });
  });

  it("creates a C record's account under its type's default collective when it names none", async () => {
    const h = setup();
    await h.upload(
      asciiFile([
        account({ account: 'CUNEUF', accountType: 'C' }),
        account({ account: '47899999', accountType: 'G' }),
        ...purchaseLines(),
      ]),
    );
    await h.openDossier();
    await h.advance(5 * MINUTE);
    expect(h.dossier().accounts.CUNEUF).toMatchObject({ type: 'C', collective: '41100000', label: '' });
    expect(h.dossier().accounts['47899999']).toMatchObject({ type: 'G', collective: '', label: '' });
  });

  it('Maj 2 with a blank collective keeps the existing one, and takes a new alpha key', async () => {
    const h = setup();
    const upserted = await h.action('upsert-account', {
      sicCode: SIC,
      dossier: DOSSIER,
      number: '9MARTIN',
      label: 'Martin SA',
      type: 'C',
      collective: '41600000',
    });
    expect(upserted.status).toBe(200);
    await h.upload(
      asciiFile([
        account({ account: '9MARTIN', accountType: 'C', alphaKey: 'CMARTIN', update: '2' }),
        entryLine({ account: '9MARTIN', journal: 'VT', date: '2026-03-10', direction: 'D', amountCents: 100 }),
        entryLine({ account: '70600000', journal: 'VT', date: '2026-03-10', direction: 'C', amountCents: 100 }),
      ]),
    );
    await h.openDossier();
    await h.advance(5 * MINUTE);
    expect(h.dossier().accounts['9MARTIN']).toMatchObject({
      label: 'Martin SA',
      collective: '41600000',
      alphaKey: 'CMARTIN',
    });
  });
});
