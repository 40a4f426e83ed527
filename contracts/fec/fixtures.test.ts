import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFec, FecError, parseFec, referenceData, type FecLine } from './parse.js';

/**
 * FEC files written by hand to the layouts of real exporters (fixtures/README.md cites the source
 * of each layout). Every one is read whole; every expected value below is read off the fixture
 * file by eye, not computed by the parser.
 */

const DIR = join(import.meta.dirname, 'fixtures');
const FEC_FIXTURES = [
  'odoo/123456789FEC20251231.csv',
  'dolibarr/general_ledger-fec.txt',
  'tryton/123456789FEC20251231.csv',
  'a47a1/987654321FEC20250630.txt',
] as const;
const bytes = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const read = (name: string) => {
  const lines = parseFec(decodeFec(bytes(name)));
  return { lines, ref: referenceData(lines, { fileName: name }) };
};
const balanced = (lines: readonly FecLine[]) =>
  expect(lines.reduce((s, l) => s + l.debit, 0)).toBe(lines.reduce((s, l) => s + l.credit, 0));

describe("real exporters' FEC files", () => {
  it("Odoo (l10n_fr_fec): pipes, zero-padded amounts with a sign column, '-' and '/' placeholders, a quoted partner name, no final line end", () => {
    const { lines, ref } = read('odoo/123456789FEC20251231.csv');
    expect(lines).toHaveLength(11);
    balanced(lines);
    expect(lines[0]).toMatchObject({
      journalCode: 'OUV',
      ecritureNum: 'OUVERTURE/2025',
      compteNum: '512001',
      debit: 1_250_000,
      credit: 0,
    });
    expect(lines[8]).toMatchObject({ compAuxNum: '42', compAuxLib: 'Boulangerie "Le Fournil"', debit: 60_000 });
    expect(lines[10]).toMatchObject({ line: 12, compteNum: '445710', credit: 10_000, ecritureLib: 'TVA 20%' });
    expect(ref.fiscalYear).toEqual({ start: '2025-01-01', end: '2025-12-31', from: 'file name' });
    expect(ref.journals.map((j) => j.code)).toEqual(['OUV', 'BILL', 'BNK1', 'INV']);
    expect(ref.subsidiaryAccounts).toEqual([
      { code: 'FBURO', label: 'Burotic SAS', collectiveAccount: '401100' },
      { code: '42', label: 'Boulangerie "Le Fournil"', collectiveAccount: '411100' },
    ]);
    expect(ref.accounts.find((a) => a.number === '445660')?.label).toBe('TVA déductible sur autres biens et services');
  });

  it('Dolibarr (exportFEC): tabs, 21 fields (three supplementary), labels without accents, CRLF after every record', () => {
    const { lines, ref } = read('dolibarr/general_ledger-fec.txt');
    expect(lines).toHaveLength(8);
    balanced(lines);
    expect(lines[2]).toMatchObject({
      ecritureNum: '12',
      compteNum: '40100000',
      compAuxNum: 'FBUROTIC',
      credit: 12_000,
    });
    expect(ref.accounts.find((a) => a.number === '44571000')?.label).toBe('TVA collectee');
    expect(ref.journals).toEqual([
      { code: 'AC', label: 'Journal des achats' },
      { code: 'VT', label: 'Journal des ventes' },
      { code: 'BQ', label: 'Journal de banque' },
    ]);
    // No <SIREN>FEC<date> name and no opening entries: the year is inferred from the first entry's month.
    expect(ref.fiscalYear).toEqual({ start: '2025-03-01', end: '2026-02-28', from: 'entries' });
  });

  it("Tryton (account_fr): tabs, '%.2f' amounts with a comma, the opening balance numbered 0, CRLF after every record", () => {
    const { lines, ref } = read('tryton/123456789FEC20251231.csv');
    expect(lines).toHaveLength(8);
    balanced(lines);
    expect(lines[1]).toMatchObject({
      journalCode: 'OUV',
      ecritureNum: '0',
      compteNum: '401',
      compAuxNum: '7',
      credit: 30_000,
    });
    expect(lines[6]!.ecritureLib).toBe('Règlement Lyreco');
    expect(ref.subsidiaryAccounts).toEqual([{ code: '7', label: 'Lyreco France', collectiveAccount: '401' }]);
    expect(ref.fiscalYear).toEqual({ start: '2025-01-01', end: '2025-12-31', from: 'file name' });
  });

  it('the text of A47 A-1 itself: Montant and Sens, pipes, CR record ends, ISO 8859-15 with a euro sign, a year from July to June', () => {
    const { lines, ref } = read('a47a1/987654321FEC20250630.txt');
    expect(lines).toHaveLength(7);
    balanced(lines);
    expect(lines[2]!.ecritureLib).toBe('Abonnement fibre 39,99 € HT');
    expect(lines[0]).toMatchObject({ journalLib: 'À nouveaux', compteLib: 'Crédit Agricole', debit: 1_500_000 });
    expect(ref.fiscalYear).toEqual({ start: '2024-07-01', end: '2025-06-30', from: 'file name' });
  });
});

describe('malformed variants of each fixture: the line and the column, nothing read', () => {
  /** The fixture's text with one record's field changed (line numbers count the header as 1). */
  function variant(name: string, line: number, change: (fields: string[]) => string[]): string {
    const text = decodeFec(bytes(name));
    const separator = text.split(/\r\n|\n|\r/)[0]!.includes('\t') ? '\t' : '|';
    const ends = text.match(/\r\n|\n|\r/)![0];
    const records = text.split(ends);
    records[line - 1] = change(records[line - 1]!.split(separator)).join(separator);
    return records.join(ends);
  }
  for (const name of FEC_FIXTURES) {
    it(name, () => {
      const amountColumn = name.startsWith('a47a1') ? 12 : 13;
      expect(() => parseFec(variant(name, 4, (f) => f.slice(0, -1)))).toThrow(/^line 4, column \d+: \d+ fields, /);
      expect(() => parseFec(variant(name, 3, (f) => [...f.slice(0, 3), '2025-03-14', ...f.slice(4)]))).toThrow(
        new FecError(3, 4, 'EcritureDate "2025-03-14" is not a date AAAAMMJJ'),
      );
      expect(() =>
        parseFec(variant(name, 5, (f) => [...f.slice(0, amountColumn - 1), '12.345,67', ...f.slice(amountColumn)])),
      ).toThrow(new RegExp(`^line 5, column ${amountColumn}: `));
      expect(() => parseFec(variant(name, 1, (f) => [...f.slice(0, 4), 'NumCompte', ...f.slice(5)]))).toThrow(
        new FecError(1, 5, 'field 5 is "NumCompte", expected "CompteNum"'),
      );
      expect(() => parseFec(variant(name, 6, (f) => [...f.slice(0, 4), '', ...f.slice(5)]))).toThrow(
        new FecError(6, 5, 'CompteNum is empty'),
      );
    });
  }
});
