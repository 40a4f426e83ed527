import { describe, expect, it } from 'vitest';
import { FilterSyntaxError, looseEquals, matches, parseFilter } from './filter.js';

const record = { numero: '401000', type: 4, collectif: true, tva: null, adr: { ville: 'Lyon' } };
const test = (filter: string) => matches(parseFilter(filter), record);

describe('the filter parser (JS-style ==, ===, !=, &&; never evaluated as code)', () => {
  it('parses comparisons joined with &&, with either quote and either side', () => {
    expect(parseFilter(`numero == '401000' && type === 4`).comparisons).toEqual([
      { field: ['numero'], op: '==', value: '401000' },
      { field: ['type'], op: '===', value: 4 },
    ]);
    expect(parseFilter('null != tva').comparisons).toEqual([{ field: ['tva'], op: '!=', value: null }]);
    expect(parseFilter('libelle == "a \\"b\\" c"').comparisons[0]!.value).toBe('a "b" c');
    expect(parseFilter('montant == -1.5').comparisons[0]!.value).toBe(-1.5);
  });

  it('evaluates as JavaScript would on these literals', () => {
    expect(test('type == "4"')).toBe(true);
    expect(test('type === "4"')).toBe(false);
    expect(test('type === 4 && collectif == true')).toBe(true);
    expect(test('collectif == 1')).toBe(true);
    expect(test('tva == null && tva == undefined && tva === null')).toBe(true);
    expect(test('tva !== undefined')).toBe(true);
    expect(test('absent == null && absent === undefined')).toBe(true);
    expect(test('adr.ville == "Lyon"')).toBe(true);
    expect(test('adr == "[object Object]"')).toBe(false);
    expect(test('numero != "401000"')).toBe(false);
  });

  it('loose equality corner cases', () => {
    expect(looseEquals('', 0)).toBe(true);
    expect(looseEquals('abc', 0)).toBe(false);
    expect(looseEquals(0, false)).toBe(true);
    expect(looseEquals(null, false)).toBe(false);
    expect(looseEquals(undefined, null)).toBe(true);
  });

  it.each([
    '',
    '   ',
    'numero',
    'numero =',
    'numero == ',
    'numero == 1 &&',
    'numero == 1 ||',
    '(numero == 1',
    'numero == 1)',
    '()',
    'numero >== 1',
    'numero == "a" "b"',
    'numero == "',
    'numero == 1 & type == 4',
    'numero == x',
    'numero == "open && type == 4',
    'numero.constructor("return process")()',
    'this.process == 1; process.exit()',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an injection probe, never evaluated
    '`${process.exit()}` == 1',
    'numero == 1 numero == 2',
    'a. == 1',
    '1abc == 1',
  ])('refuses %j with a FilterSyntaxError', (filter) => {
    expect(() => parseFilter(filter)).toThrow(FilterSyntaxError);
  });

  it('refuses more than 50 comparisons', () => {
    const filter = Array.from({ length: 51 }, (_, i) => `a == ${i}`).join(' && ');
    expect(() => parseFilter(filter)).toThrow(/au plus 50/);
  });

  it('reads only own properties', () => {
    expect(matches(parseFilter('constructor == null'), {})).toBe(true);
    expect(matches(parseFilter('numero.length == 6'), record)).toBe(false);
  });
});

describe("the operators and forms Loop's pages show (EcritureComptable.html, agence.html, Compte.html)", () => {
  const ecriture = { datePiece: '2026-03-10', codeLettrage: null, journalCode: 'AC', montant: 120 };
  const on = (filter: string, r: object = ecriture) => matches(parseFilter(filter), r);

  it('orders ISO dates: datePiece >="AAAA-MM-JJ" as the table writes it, and <=, >, <', () => {
    expect(on('datePiece >="2026-03-10"')).toBe(true);
    expect(on('datePiece >= "2026-03-11"')).toBe(false);
    expect(on('datePiece <= "2026-03-10" && datePiece > "2026-03-09" && datePiece < "2026-03-11"')).toBe(true);
    expect(on('datePiece > "2026-03-10"')).toBe(false);
    expect(on('"2026-03-01" <= datePiece')).toBe(true);
    expect(on('montant >= 100 && montant < 120.01 && montant > "119"')).toBe(true);
  });

  it('reads a date-time literal against a date field by its date', () => {
    expect(on('datePiece >= "2026-03-10T00:00:00.000Z"')).toBe(true);
    expect(on('datePiece == "2026-03-10T00:00:00.000Z"')).toBe(true);
  });

  it('never orders null, booleans or objects', () => {
    expect(on('codeLettrage >= "A"')).toBe(false);
    expect(on('codeLettrage < "A"')).toBe(false);
    expect(on('absent > 0')).toBe(false);
  });

  it('joins with && and ||, && binding tighter, with parentheses and the words and/or', () => {
    expect(on('codeLettrage != null && journalCode == "AC" || datePiece == "2026-03-10"')).toBe(true);
    expect(on('codeLettrage != null && (journalCode == "AC" || datePiece == "2026-03-10")')).toBe(false);
    expect(on('journalCode == "VE" or (codeLettrage == null and datePiece >= "2026-01-01")')).toBe(true);
    expect(on('journalCode == "VE" OR journalCode == "BQ"')).toBe(false);
  });

  it("reads the pages' unspaced forms and a single =", () => {
    expect(on('journalCode=="AC"')).toBe(true);
    expect(on('journalCode==="AC"')).toBe(true);
    expect(on('codeLettrage==null')).toBe(true);
    expect(on('journalCode = "AC"')).toBe(true);
  });

  it('takes a string left open at the very end, as the table writes >="AAAA-MM-JJ', () => {
    expect(parseFilter('datePiece >="2026-03-10').comparisons).toEqual([
      { field: ['datePiece'], op: '>=', value: '2026-03-10' },
    ]);
  });

  it('refuses nesting deeper than 20 parentheses', () => {
    expect(() => parseFilter(`${'('.repeat(21)}a == 1${')'.repeat(21)}`)).toThrow(/20 parenthèses/);
  });
});
