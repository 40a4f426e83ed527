import { describe, expect, it } from 'vitest';
import { getEntry } from '../../../contracts/catalogue/index.js';
import { entryLine, formatQuadraRecord, type QuadraAccountRecord } from '../../../contracts/quadra/ascii.js';
import { DOSSIER, SIC, asciiFile, purchaseLines, setup } from '../test-support.js';
import { chartAccountNumber } from './imports.js';

/**
 * What the import does that mutation testing (issue 18) found untested: the order of a report's
 * problems, the field a 3-character journal problem names, the collective of a C record completed
 * to the chart's 8 digits, which account numbers are completed, the I and R records counted as
 * not kept.
 */
describe('Quadra import edges', () => {
  it('lists a report’s problems by line, then column, whatever check found them first', async () => {
    const h = setup();
    const locked = await h.action('set-journal-status', {
      sicCode: SIC,
      dossier: DOSSIER,
      journal: 'NDF',
      status: 'locked',
    });
    expect(locked.status).toBe(200);
    // Line 1 is read, then checked (journal at 111 first, date at 15 next); line 2 is not read at all.
    const line1 = formatQuadraRecord(purchaseLines({ journal: 'ND', journal3: 'NDF', date: '2025-12-31' })[0]!);
    await h.upload(`${line1}\r\nXgarbage\r\n`);
    await h.openDossier();
    const problems = (await h.report()).problems;
    expect(problems.map((p) => [p.line, p.column, p.field, p.code])).toEqual([
      [1, 15, 'date', getEntry('QDR-PERIOD-NOT-OPEN').wire!.code],
      [1, 111, 'journal3', getEntry('QDR-INCOMPLETE-FILE').wire!.code],
      [2, 1, 'type', 'InvalidFormat'],
    ]);
  });

  it('puts the journal at 10 before the date at 15 on a line', async () => {
    const h = setup();
    const locked = await h.action('set-journal-status', {
      sicCode: SIC,
      dossier: DOSSIER,
      journal: 'AC',
      status: 'locked',
    });
    expect(locked.status).toBe(200);
    await h.upload(asciiFile(purchaseLines({ date: '2025-12-31' }).slice(0, 1)));
    await h.openDossier();
    expect((await h.report()).problems.map((p) => [p.line, p.column, p.field])).toEqual([
      [1, 10, 'journal'],
      [1, 15, 'date'],
    ]);
  });

  it('completes only an all-digit general account of 1 to 7 digits; auxiliary and lettered accounts stay as written', () => {
    expect(chartAccountNumber('411')).toBe('41100000');
    expect(chartAccountNumber('4DUPONT')).toBe('4DUPONT');
    expect(chartAccountNumber('CL12')).toBe('CL12');
    expect(chartAccountNumber('0DUPONT')).toBe('0DUPONT');
  });

  it('completes a C record’s short collective to the chart’s 8 digits', async () => {
    const h = setup();
    const record: QuadraAccountRecord = {
      type: 'C',
      account: 'CUMARTIN',
      label: 'Libelle non repris',
      accountType: 'C',
      alphaKey: '',
      collective: '411',
      update: '2',
    };
    await h.upload(
      asciiFile([
        record,
        entryLine({ account: 'CUMARTIN', journal: 'VT', date: '2026-03-10', direction: 'D', amountCents: 5_000 }),
        entryLine({ account: '70600000', journal: 'VT', date: '2026-03-10', direction: 'C', amountCents: 5_000 }),
      ]),
    );
    expect((await h.openDossier()).rejected).toEqual([]);
    await h.advance(5 * 60_000);
    expect(h.dossier().accounts.CUMARTIN).toMatchObject({ type: 'C', collective: '41100000', label: '' });
  });

  it('counts the analytic (I) and schedule (R) records it does not keep', async () => {
    const h = setup();
    const [debit, vat, credit] = purchaseLines();
    await h.upload(
      asciiFile([
        debit,
        { type: 'I', percentBasisPoints: 10_000, amountCents: 10_000, section: 'ATELIER', nature: '' },
        vat,
        credit,
        { type: 'R', dueDate: '2026-04-10', amountCents: 12_000, paymentMode: 'VI', bankJournal: 'BQ', reference: '' },
      ]),
    );
    const opening = await h.openDossier();
    expect(opening.rejected).toEqual([]);
    const imported = h.dossier().imports[opening.imported[0]!.importId]!;
    expect(imported.ignored).toEqual({ analytic: 1, schedules: 1 });
    expect(imported.lines).toHaveLength(3);
  });
});
