import { describe, expect, it } from 'vitest';
import { closingDateOf, decodeFec, FEC_FIELDS, FecError, parseFec, referenceData } from './parse.js';

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

describe('what real exporters write around the 18 fields', () => {
  it('reads fields after the 18 (supplementary fields), and refuses a line with fewer than the header', () => {
    const header = [...FEC_FIELDS, 'DateLimitReglmt', 'NumFacture'];
    const body = rows.map((r) => [...r, '20250214', 'F2025-118']);
    expect(parseFec(fec('\t', header, body))).toEqual(parseFec(fec('\t')));
    expect(() => parseFec(fec('\t', header, rows))).toThrow(new FecError(2, 19, '18 fields, the header has 20'));
    expect(() => parseFec(fec('\t', [...FEC_FIELDS, '', 'NumFacture'], body))).toThrow(
      new FecError(1, 19, 'field 19 has no name'),
    );
  });

  it('reads a field in double quotes as a csv writer quotes it, and refuses an unclosed one', () => {
    const quoted = rows.map((r, i) =>
      i === 0 ? [...r.slice(0, 10), '"BUREAU ""VALLEE"" janvier"', ...r.slice(11)] : r,
    );
    expect(parseFec(fec('|', FEC_FIELDS, quoted))[0]!.ecritureLib).toBe('BUREAU "VALLEE" janvier');
    const open = rows.map((r, i) => (i === 1 ? [...r.slice(0, 10), '"BUREAU', ...r.slice(11)] : r));
    expect(() => parseFec(fec('|', FEC_FIELDS, open))).toThrow(
      new FecError(3, 11, 'a double quote opens this field and none closes it'),
    );
  });

  it('reads a separator closing every line, CR record ends and a last record with no line end', () => {
    const closing = `${[`${FEC_FIELDS.join('|')}|`, ...rows.map((r) => `${r.join('|')}|`)].join('\r')}`;
    expect(parseFec(closing)).toEqual(parseFec(fec('|')));
  });

  it('decodes UTF-8, and ISO 8859-15 (the other character set of A47 A-1 III) when the bytes are not UTF-8', () => {
    const text = fec('\t');
    expect(decodeFec(new TextEncoder().encode(`\uFEFF${text}`)).replace(/^\uFEFF/, '')).toBe(text);
    // "TVA déductible" and "Prélèvement" in ISO 8859-15: é is 0xE9, a lone byte UTF-8 refuses.
    const latin = Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)));
    expect(latin.includes(0xe9)).toBe(true);
    expect(decodeFec(latin)).toBe(text);
  });
});

describe('the fiscal year of a FEC', () => {
  const dated = (dates: string[]) =>
    parseFec(
      fec(
        '\t',
        FEC_FIELDS,
        dates.map((d, i) => [...rows[i % rows.length]!.slice(0, 3), d, ...rows[i % rows.length]!.slice(4)]),
      ),
    );

  it('reads the closing date from the file name <SIREN>FEC<AAAAMMJJ>, with or without SIREN and suffix', () => {
    expect(closingDateOf('/tmp/123456789FEC20250630.txt')).toBe('2025-06-30');
    expect(closingDateOf('123456789FEC20231231-NONOFFICIAL.csv')).toBe('2023-12-31');
    expect(closingDateOf('FEC20231231.csv')).toBe('2023-12-31');
    expect(closingDateOf('123456789FEC20231331.txt')).toBeUndefined();
    expect(closingDateOf('export-fec.txt')).toBeUndefined();
    expect(closingDateOf(undefined)).toBeUndefined();
  });

  it('runs twelve months to the closing date of the file name', () => {
    const lines = dated(['20240701', '20241015', '20250630']);
    expect(referenceData(lines, { fileName: '123456789FEC20250630.txt' }).fiscalYear).toEqual({
      start: '2024-07-01',
      end: '2025-06-30',
      from: 'file name',
    });
    // A first, longer year: it opens with its oldest entry's month.
    expect(referenceData(dated(['20240315', '20250630']), { fileName: '123456789FEC20250630.txt' }).fiscalYear).toEqual(
      { start: '2024-03-01', end: '2025-06-30', from: 'file name' },
    );
  });

  it('is inferred from the entries without that name: from the month of the oldest, twelve months or to the month of the latest', () => {
    expect(referenceData(dated(['20250101', '20250314'])).fiscalYear).toEqual({
      start: '2025-01-01',
      end: '2025-12-31',
      from: 'entries',
    });
    expect(referenceData(dated(['20240701', '20250301'])).fiscalYear).toEqual({
      start: '2024-07-01',
      end: '2025-06-30',
      from: 'entries',
    });
    expect(referenceData(dated(['20250101', '20260203'])).fiscalYear).toEqual({
      start: '2025-01-01',
      end: '2026-02-28',
      from: 'entries',
    });
  });

  it('refuses an entry after the closing date of the file name, and entries over more than 24 months, at the line', () => {
    expect(() =>
      referenceData(dated(['20250101', '20260105', '20250301']), { fileName: '123456789FEC20251231.txt' }),
    ).toThrow(
      new FecError(
        3,
        4,
        'EcritureDate 2026-01-05 is after 2025-12-31, the closing date of the file name (<SIREN>FEC<AAAAMMJJ>): a FEC holds one fiscal year',
      ),
    );
    expect(() => referenceData(dated(['20230101', '20250301']))).toThrow(
      /^line 3, column 4: the entries run from 2023-01-01 to 2025-03-01/,
    );
  });
});
