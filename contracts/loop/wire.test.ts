import { describe, expect, it } from 'vitest';
import { LOOP_MESSAGES } from './messages.js';
import { ImportJsonRequestSchema, ListQuerySchema } from './wire.js';

/** A golden importJson body: the documented envelope around the simulator's own entry shape. */
const GOLDEN = {
  codeIbs: 'DOS001',
  data: {
    contexte: { from: '2026-01-01', to: '2026-12-31' },
    options: { multiPeriode: false },
    ecritures: [
      {
        journalCode: 'AC',
        datePiece: '2026-03-10',
        refPiece: 'FA-2026-001',
        libelle: 'Fournitures bureau mars',
        lignes: [
          { compteNumero: '606400', debit: 100, credit: 0 },
          { compteNumero: '445660', debit: 20, credit: 0 },
          { compteNumero: '401000', compteAuxiliaire: 'FBUROTIC', debit: 0, credit: 120 },
        ],
      },
    ],
  },
};

describe('Loop wire contracts', () => {
  it('parse the golden importJson body as it is', () => {
    expect(ImportJsonRequestSchema.parse(GOLDEN)).toEqual(GOLDEN);
  });

  it("answer Loop's documented message when codeIbs is missing", () => {
    const result = ImportJsonRequestSchema.safeParse({ data: GOLDEN.data });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe(LOOP_MESSAGES.codeIbsMissing);
  });

  it('balance in cents, without floating-point drift', () => {
    const lignes = [
      { compteNumero: '606400', debit: 0.1, credit: 0 },
      { compteNumero: '606400', debit: 0.2, credit: 0 },
      { compteNumero: '401000', debit: 0, credit: 0.3 },
    ];
    expect(
      ImportJsonRequestSchema.safeParse({
        ...GOLDEN,
        data: { ...GOLDEN.data, ecritures: [{ ...GOLDEN.data.ecritures[0], lignes }] },
      }).success,
    ).toBe(true);
  });

  it('coerce skip and take from the query string', () => {
    expect(ListQuerySchema.parse({ codeDossier: 'DOS001', skip: '10', take: '5' })).toEqual({
      codeDossier: 'DOS001',
      skip: 10,
      take: 5,
    });
    expect(ListQuerySchema.safeParse({}).error!.issues[0]!.message).toBe(LOOP_MESSAGES.codeDossierMissing);
  });
});
