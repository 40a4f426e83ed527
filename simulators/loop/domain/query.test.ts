import { describe, expect, it } from 'vitest';
import { LOOP_MESSAGES } from '../../../contracts/loop/messages.js';
import { applyListQuery, parseListFilter } from './query.js';

const FIELDS = ['numero', 'libelle', 'montant', 'tags'] as const;
const ROWS = [
  { numero: '60100000', libelle: 'Achats', montant: 10, tags: { a: 2 } },
  { numero: '40100000', libelle: 'Fournisseurs', montant: 9, tags: { a: 1 } },
  { numero: '51200000', libelle: null, montant: 100, tags: null },
  { numero: '41100000', libelle: 'Clients', montant: 9, tags: { a: 3 } },
];
const run = (query: Parameters<typeof applyListQuery>[1], maxTake?: number) =>
  applyListQuery(ROWS, query, { fields: FIELDS, ...(maxTake === undefined ? {} : { maxTake }) });
const numeros = (result: ReturnType<typeof run>) => (result.ok ? result.rows.map((r) => r.numero) : result.error);

describe("the read routes' filter", () => {
  it('a filter left empty or blank filters nothing', () => {
    expect(parseListFilter(undefined, FIELDS)).toEqual({ ok: true, filter: null });
    expect(parseListFilter('  ', FIELDS)).toEqual({ ok: true, filter: null });
    expect(numeros(run({ filter: ' ' }))).toEqual(['60100000', '40100000', '51200000', '41100000']);
  });

  it('says why a filter cannot be read, and names a field the records do not have', () => {
    expect(parseListFilter('numero ==', FIELDS)).toEqual({
      ok: false,
      error: {
        code: 'InvalidFilter',
        message: LOOP_MESSAGES.invalidFilter(
          'valeur attendue (texte entre guillemets, nombre, true, false ou null) en fin de filtre.',
        ),
      },
    });
    expect(run({ filter: 'numero == "1" && compte.numero == "2"' })).toEqual({
      ok: false,
      error: { code: 'InvalidFilter', message: LOOP_MESSAGES.invalidFilter("le champ compte.numero n'existe pas.") },
    });
  });
});

describe("the read routes' sort", () => {
  it('sorts by each key in turn, numbers numerically, text by code point, desc in either case', () => {
    expect(numeros(run({ sort: 'montant,numero' }))).toEqual(['40100000', '41100000', '60100000', '51200000']);
    expect(numeros(run({ sort: 'montant:DESC && numero:desc' }))).toEqual([
      '51200000',
      '60100000',
      '41100000',
      '40100000',
    ]);
    expect(numeros(run({ sort: 'montant:asc&&numero:desc' }))).toEqual([
      '41100000',
      '40100000',
      '60100000',
      '51200000',
    ]);
  });

  it('puts missing values last, and orders objects by their JSON', () => {
    expect(numeros(run({ sort: 'libelle' }))).toEqual(['60100000', '41100000', '40100000', '51200000']);
    expect(numeros(run({ sort: 'tags' }))).toEqual(['40100000', '60100000', '41100000', '51200000']);
  });

  it('keeps the order of rows that compare equal', () => {
    expect(numeros(run({ sort: 'montant' }))).toEqual(['40100000', '41100000', '60100000', '51200000']);
    expect(numeros(run({ sort: ' ' }))).toEqual(['60100000', '40100000', '51200000', '41100000']);
  });

  it('refuses a key that is not a field name, or names no field', () => {
    expect(run({ sort: 'montant:up' })).toEqual({
      ok: false,
      error: {
        code: 'InvalidSort',
        message: LOOP_MESSAGES.invalidSort("« montant:up » n'est pas de la forme champ ou champ:desc."),
      },
    });
    expect(run({ sort: 'numero,solde:desc' })).toEqual({
      ok: false,
      error: { code: 'InvalidSort', message: LOOP_MESSAGES.invalidSort("le champ solde n'existe pas.") },
    });
  });
});

describe("the read routes' skip, take and select", () => {
  it("skips, then takes at most take and at most the route's maximum", () => {
    expect(numeros(run({ skip: 1, take: 2 }))).toEqual(['40100000', '51200000']);
    expect(numeros(run({ skip: 1 }, 2))).toEqual(['40100000', '51200000']);
    expect(numeros(run({ take: 3 }, 2))).toEqual(['60100000', '40100000']);
    expect(numeros(run({ take: 1 }, 2))).toEqual(['60100000']);
  });

  it('keeps only the fields selected, in the order asked, and refuses a field the records do not have', () => {
    expect(run({ select: 'montant, numero', take: 1 })).toEqual({
      ok: true,
      rows: [{ montant: 10, numero: '60100000' }],
      filter: null,
    });
    expect(run({ select: 'numero&&libelle', take: 1 })).toMatchObject({
      rows: [{ numero: '60100000', libelle: 'Achats' }],
    });
    expect(run({ select: ' ', take: 1 })).toMatchObject({ rows: [ROWS[0]] });
    expect(run({ select: 'numero,solde' })).toEqual({
      ok: false,
      error: { code: 'InvalidSelect', message: LOOP_MESSAGES.invalidSelect('solde') },
    });
  });
});

describe('lists of names (sort and select)', () => {
  it('ignore an empty name left by a doubled or trailing separator', () => {
    expect(numeros(run({ sort: 'montant,,numero,' }))).toEqual(['40100000', '41100000', '60100000', '51200000']);
    expect(run({ select: 'numero,', take: 1 })).toMatchObject({ rows: [{ numero: '60100000' }] });
  });

  it('a tie on a text key is decided by the next key', () => {
    const rows = [
      { numero: '2', libelle: 'Achats' },
      { numero: '1', libelle: 'Achats' },
    ];
    const sorted = applyListQuery(rows, { sort: 'libelle,numero' }, { fields: ['numero', 'libelle'] });
    expect(sorted.ok && sorted.rows.map((r) => r.numero)).toEqual(['1', '2']);
  });
});
