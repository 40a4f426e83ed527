import { describe, expect, it } from 'vitest';
import type { Journal } from '../../contracts/hub/model.js';
import { decodeQuadraFile } from '../../contracts/quadra/ascii.js';
import { bankEntry, purchaseEntry, salesEntry } from '../hub/entry-builders.js';
import { encodeEntryFile, quadraJournalOf, toQuadraLines } from './index.js';

const DATE = '2026-03-10';
const journal = (code: string, type: Journal['type'], state: Journal['state'] = 'open'): Journal => ({
  code,
  label: code,
  type,
  state,
});
/** The journals the hub pulled from a Quadra dossier (GetJournaux), typed by the connector. */
const DOSSIER_JOURNALS = [
  journal('AC', 'purchase'),
  journal('VT', 'sales'),
  journal('BQ', 'bank'),
  journal('OD', 'misc'),
  journal('AN', 'opening'),
  journal('NDF', 'expense-report'),
];

describe("the journal an entry is written on in Quadra: the dossier's", () => {
  it("a sale on the hub's own VE goes on the dossier's sales journal VT (seed 001: journal codes are pulled from the software)", () => {
    const sale = salesEntry({ id: 'S1', clientFileId: 'C1', date: DATE });
    expect(sale.journal).not.toBe('VT'); // the hub's builder has its own code; the test is about the mapping
    expect(quadraJournalOf(sale, { journals: DOSSIER_JOURNALS })).toBe('VT');
    const file = encodeEntryFile(sale, 'ABCDE', { accounts: [], journals: DOSSIER_JOURNALS });
    if (!file.ok) throw new Error(file.message);
    const lines = decodeQuadraFile(file.bytes).records.flatMap((r) => (r.record.type === 'M' ? [r.record] : []));
    expect(new Set(lines.map((l) => `${l.journal}/${l.journal3}`))).toEqual(new Set(['VT/VT']));
  });

  it('keeps a journal the dossier has, open or locked (Quadra then says it is locked), and each kind finds its own', () => {
    const locked = DOSSIER_JOURNALS.map((j) => (j.code === 'AC' ? { ...j, state: 'locked' as const } : j));
    expect(quadraJournalOf(purchaseEntry({ id: 'P1', clientFileId: 'C1', date: DATE }), { journals: locked })).toBe(
      'AC',
    );
    expect(
      quadraJournalOf(bankEntry({ id: 'B1', clientFileId: 'C1', date: DATE }), { journals: DOSSIER_JOURNALS }),
    ).toBe('BQ');
    const onOther = purchaseEntry({ id: 'P2', clientFileId: 'C1', date: DATE, journal: 'HA' });
    expect(quadraJournalOf(onOther, { journals: DOSSIER_JOURNALS })).toBe('AC');
  });

  it("takes the first open journal of the kind in the dossier's order; a locked one only when none is open (Quadra then says it is locked)", () => {
    const sale = salesEntry({ id: 'S1', clientFileId: 'C1', date: DATE });
    const three = [journal('VT', 'sales', 'locked'), journal('VTE', 'sales'), journal('V2', 'sales')];
    expect(quadraJournalOf(sale, { journals: three })).toBe('VTE');
    expect(quadraJournalOf(sale, { journals: [journal('VT', 'sales', 'locked')] })).toBe('VT');
  });

  it('sends the code as it is when the dossier has no journal of the kind, or when the journals are not known', () => {
    const sale = salesEntry({ id: 'S1', clientFileId: 'C1', date: DATE });
    const noSales = DOSSIER_JOURNALS.filter((j) => j.type !== 'sales');
    expect(quadraJournalOf(sale, { journals: noSales })).toBe(sale.journal);
    expect(toQuadraLines(sale, 'ABCDE', { accounts: [] })[0]!.journal3).toBe(sale.journal);
  });
});
