import { describe, expect, it } from 'vitest';
import { FEC_FIELDS, FecError, parseFec, referenceData } from './parse.js';

// Written by hand, as a French package exports it: a header, a purchase on a supplier's subsidiary account.
const rows = [
  [
    'HA',
    'Achats',
    'HA000012',
    '20250114',
    '606400',
    'Fournitures administratives',
    '',
    '',
    'F2025-118',
    '20250114',
    'BUREAU VALLEE janvier',
    '100,00',
    '0,00',
    '',
    '',
    '20250115',
    '',
    '',
  ],
  [
    'HA',
    'Achats',
    'HA000012',
    '20250114',
    '445660',
    'TVA déductible sur ABS',
    '',
    '',
    'F2025-118',
    '20250114',
    'BUREAU VALLEE janvier',
    '20,00',
    '0,00',
    '',
    '',
    '20250115',
    '',
    '',
  ],
  [
    'HA',
    'Achats',
    'HA000012',
    '20250114',
    '401000',
    'Fournisseurs',
    'FBUREAUV',
    'BUREAU VALLEE',
    'F2025-118',
    '20250114',
    'BUREAU VALLEE janvier',
    '0,00',
    '120,00',
    '',
    '',
    '20250115',
    '',
    '',
  ],
  [
    'BQ1',
    'Banque Qonto',
    'BQ000003',
    '20260203',
    '512100',
    'Qonto',
    '',
    '',
    'REL-02',
    '20260203',
    'Prélèvement',
    '1 250,5',
    '',
    '',
    '',
    '20260204',
    '',
    '',
  ],
];
const fec = (sep: string, header: readonly string[] = FEC_FIELDS, body = rows) =>
  `${[header.join(sep), ...body.map((r) => r.join(sep))].join('\r\n')}\r\n`;

describe('reading a FEC', () => {
  it('reads the tab- and the pipe-separated layouts alike', () => {
    const tab = parseFec(fec('\t'));
    expect(parseFec(fec('|'))).toEqual(tab);
    expect(tab).toHaveLength(4);
    expect(tab[2]).toMatchObject({
      line: 4,
      compteNum: '401000',
      compAuxNum: 'FBUREAUV',
      credit: 12_000,
      ecritureDate: '2025-01-14',
    });
    expect(tab[3]!.debit).toBe(125_050);
  });

  it('reads the Montant / Sens layout the text also allows', () => {
    const header = [...FEC_FIELDS.slice(0, 11), 'Montant', 'Sens', ...FEC_FIELDS.slice(13)];
    const body = rows.map((r) => [
      ...r.slice(0, 11),
      r[11] !== '0,00' && r[11] ? r[11] : r[12]!,
      r[11] !== '0,00' && r[11] ? 'D' : 'C',
      ...r.slice(13),
    ]);
    expect(parseFec(fec('|', header, body)).map((l) => [l.debit, l.credit])).toEqual(
      parseFec(fec('\t')).map((l) => [l.debit, l.credit]),
    );
  });

  it('infers the chart of accounts with labels, the subsidiary accounts, the journals and the years', () => {
    const ref = referenceData(parseFec(fec('\t')));
    expect(ref.accounts).toContainEqual({ number: '401000', label: 'Fournisseurs', collective: true });
    expect(ref.accounts).toContainEqual({ number: '606400', label: 'Fournitures administratives', collective: false });
    expect(ref.subsidiaryAccounts).toEqual([{ code: 'FBUREAUV', label: 'BUREAU VALLEE', collectiveAccount: '401000' }]);
    expect(ref.journals).toEqual([
      { code: 'HA', label: 'Achats' },
      { code: 'BQ1', label: 'Banque Qonto' },
    ]);
    expect(ref.years).toEqual([2025, 2026]);
  });

  it('refuses a malformed FEC with its line and column', () => {
    const badDate = rows.map((r, i) => (i === 1 ? [...r.slice(0, 3), '20251402', ...r.slice(4)] : r));
    expect(() => parseFec(fec('\t', FEC_FIELDS, badDate))).toThrow(
      new FecError(3, 4, 'EcritureDate "20251402" is not a date AAAAMMJJ'),
    );
    const badAmount = rows.map((r, i) => (i === 0 ? [...r.slice(0, 11), '100.000,00', ...r.slice(12)] : r));
    expect(() => parseFec(fec('|', FEC_FIELDS, badAmount))).toThrow(/^line 2, column 12: Debit/);
    expect(() => parseFec(fec(';'))).toThrow(/line 1, column 1: .*tab or pipe/);
    expect(() => parseFec(fec('\t', FEC_FIELDS.slice(0, 17)))).toThrow(/line 1, column 18: the header has 17 fields/);
    expect(() => parseFec(`${fec('\t')}HA\tAchats\n`)).toThrow(/^line 6, column 3: 2 fields/);
  });
});
