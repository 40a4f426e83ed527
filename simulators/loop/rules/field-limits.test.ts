import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../contracts/catalogue/index.js';
import type { EcritureImport } from '../../../contracts/loop/wire.js';
import { rejectionError } from '../../kit/vendor-error.js';
import { auxCode17 } from './aux-code-17.js';
import { description35 } from './description-35.js';

const entry = (libelle: string, ligne: string, compteAuxiliaire?: string) =>
  ({
    journalCode: 'AC',
    datePiece: '2026-03-10',
    libelle,
    lignes: [
      { compteNumero: '606400', libelle: ligne, debit: 10, credit: 0 },
      { compteNumero: '401000', compteAuxiliaire, debit: 0, credit: 10 },
    ],
  }) as unknown as EcritureImport;

// The limits count characters as Loop does, code points: an emoji is two UTF-16 units, one character.
const emoji = (n: number) => '\u{1F9FE}'.repeat(n);

describe('the 35-character description and 17-character auxiliary code limits, in code points', () => {
  it('accepts 35 (17) characters however many UTF-16 units they take, refuses 36 (18) naming each field', () => {
    expect(description35(entry(emoji(35), emoji(35)), 0)).toEqual([]);
    expect(auxCode17(entry('a', 'b', emoji(17)), 0)).toEqual([]);
    const long = description35(entry(emoji(36), 'é'.repeat(36)), 2);
    expect(long.map((v) => v.champ)).toEqual(['data.ecritures.2.libelle', 'data.ecritures.2.lignes.0.libelle']);
    expect(rejectionError(long[0]!.rejection).message).toBe(
      renderMessage('LOOP-DESCRIPTION-35', { description: emoji(36) }),
    );
    const code = auxCode17(entry('a', 'b', emoji(18)), 1);
    expect(code.map((v) => v.champ)).toEqual(['data.ecritures.1.lignes.1.compteAuxiliaire']);
    expect(rejectionError(code[0]!.rejection).message).toBe(renderMessage('LOOP-AUX-CODE-17', { code: emoji(18) }));
  });
});
