import { describe, expect, it } from 'vitest';
import { getEntry, renderMessage } from '../../../contracts/catalogue/index.js';
import { LOOP_MESSAGES } from '../../../contracts/loop/messages.js';
import {
  ImportJsonResponseSchema,
  ImportStatusSchema,
  LoopErrorBodySchema,
  type ImportStatus,
} from '../../../contracts/loop/wire.js';
import { headersFor, importBody, purchase, YEAR, json, setup, type Harness } from '../test-support.js';

const IMPORT = '/loop-api-publiques/importJson';
const MINUTE = 60_000;

async function send(loop: Harness, body: unknown, domain = 'CABA') {
  const res = await loop.request(IMPORT, { method: 'POST', as: domain, json: body });
  expect(res.status).toBe(200);
  return ImportJsonResponseSchema.parse(await json(res)).accountingImportRequestId;
}
async function status(loop: Harness, id: string, domain = 'CABA'): Promise<ImportStatus> {
  const res = await loop.request(`/loop-api-publiques/getstatus?accountingImportRequestId=${id}`, { as: domain });
  expect(res.status).toBe(200);
  return ImportStatusSchema.parse(await json(res));
}
const later = (loop: Harness, ms = MINUTE) => loop.advance(ms);

describe('POST /importJson is asynchronous: queued, then processed on the virtual clock', () => {
  it('answers an accountingImportRequestId, stays EnAttente until the delay passes, then integrates', async () => {
    const loop = setup();
    const sim = loop.sim;
    const id = await send(loop, importBody('F1', [purchase(), purchase({ refPiece: 'FA-2026-002' }, 'FNOUVEAU')]));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await status(loop, id)).statut).toBe('EnAttente');
    await later(loop, 30_000);
    expect((await status(loop, id)).statut).toBe('EnAttente');
    await later(loop, 30_000);
    const done = await status(loop, id);
    expect(done).toMatchObject({
      statut: 'Termine',
      nbEcritures: 2,
      nbEcrituresIntegrees: 2,
      nbEcrituresRejetees: 0,
      message: null,
    });
    expect(done.ecritures.map((e) => [e.statut, e.numeroEcriture])).toEqual([
      ['Integree', 151],
      ['Integree', 152],
    ]);

    // Read back through EcritureComptable, by the request id, as the hub checks what was posted.
    const lines = await json(
      await loop.request(
        `/loop-api-publiques/EcritureComptable?codeDossier=F1&filter=${encodeURIComponent(`ecritureOrigine == "${id}"`)}`,
        { headers: headersFor(sim, 'CABA') },
      ),
    );
    expect(lines).toHaveLength(6);
    expect(lines[2]).toMatchObject({
      compteNumero: '401000',
      compteAuxiliaire: 'FBUROTIC',
      credit: 120,
      libelle: 'Fournitures bureau mars',
    });
    // An unknown auxiliary code becomes a supplier third party under its collective account.
    const suppliers = await json(
      await loop.request('/loop-api-publiques/tiersFournisseur?codeDossier=F1', { headers: headersFor(sim, 'CABA') }),
    );
    expect(suppliers.map((t: { code: string }) => t.code)).toEqual(['FBUROTIC', 'FNOUVEAU']);
  });

  it('follows the processing delay set in the admin, and processes imports in arrival order', async () => {
    const loop = setup();
    expect((await loop.action('set-import-delay', { domain: 'CABA', delay: '10m' })).status).toBe(200);
    const first = await send(loop, importBody());
    await later(loop, 5 * MINUTE);
    const second = await send(loop, importBody());
    await later(loop, 5 * MINUTE);
    expect((await status(loop, first)).statut).toBe('Termine');
    expect((await status(loop, second)).statut).toBe('EnAttente');
    await later(loop, 5 * MINUTE);
    expect((await status(loop, first)).ecritures[0]!.numeroEcriture).toBe(151);
    expect((await status(loop, second)).ecritures[0]!.numeroEcriture).toBe(152);
  });

  it('reports per-entry rejections: closed journal, date outside open years, unknown or closed account', async () => {
    const loop = setup();
    await loop.action('set-journal', { domain: 'CABA', folder: 'F1', journal: 'VE', ferme: true });
    const id = await send(loop, {
      codeIbs: 'F1',
      data: {
        options: { multiPeriode: true },
        ecritures: [
          purchase(),
          purchase({ journalCode: 'VE' }),
          purchase({ journalCode: 'ZZ' }),
          purchase({ datePiece: `${YEAR - 3}-05-01` }),
          purchase({
            lignes: [
              { compteNumero: '999999', debit: 5, credit: 0 },
              { compteNumero: '471000', debit: 0, credit: 5 },
            ],
          }),
        ],
      },
    });
    await later(loop);
    const result = await status(loop, id);
    expect(result.statut).toBe('TermineAvecErreurs');
    expect(result.ecritures.map((e) => e.statut)).toEqual(['Integree', 'Rejetee', 'Rejetee', 'Rejetee', 'Rejetee']);
    // A closed journal is the catalogue's LOOP-INCOMPLETE-FOLDER (seed 004: "Open journals"), its wire code and message.
    const incomplete = getEntry('LOOP-INCOMPLETE-FOLDER');
    expect(result.ecritures[1]!.erreurs).toEqual([
      {
        code: incomplete.wire!.code,
        message: renderMessage('LOOP-INCOMPLETE-FOLDER', { journal: 'VE', folder: 'F1' }, 1),
        champ: 'journalCode',
      },
    ]);
    expect(result.ecritures.slice(2).map((e) => e.erreurs[0]!.message)).toEqual([
      LOOP_MESSAGES.journalUnknown('ZZ', 'F1'),
      // No open fiscal year for the date: the catalogued prerequisite (seed 004), naming that year.
      renderMessage('LOOP-INCOMPLETE-FOLDER', { folder: 'F1', fiscalYear: String(YEAR - 3) }),
      LOOP_MESSAGES.accountUnknown('999999', 'F1'),
    ]);
  });
});

describe('a journal closed in one fiscal year only', () => {
  it("refuses that year's entries on it with the closed-journal message, and takes the other year's", async () => {
    const loop = setup();
    const closed = await loop.action('set-fiscal-year', {
      domain: 'CABA',
      folder: 'F1',
      fiscalYearId: String(YEAR - 1),
      status: 'open',
      closedJournals: ['AC'],
    });
    expect(closed.status).toBe(200);
    const id = await send(loop, {
      codeIbs: 'F1',
      data: {
        options: { multiPeriode: true },
        ecritures: [purchase({ datePiece: `${YEAR - 1}-11-20` }), purchase({ refPiece: 'B' })],
      },
    });
    await later(loop);
    const result = await status(loop, id);
    expect(result.ecritures.map((e) => e.statut)).toEqual(['Rejetee', 'Integree']);
    expect(result.ecritures[0]!.erreurs).toEqual([
      {
        code: getEntry('LOOP-INCOMPLETE-FOLDER').wire!.code,
        message: renderMessage('LOOP-INCOMPLETE-FOLDER', { journal: 'AC', folder: 'F1' }, 1),
        champ: 'journalCode',
      },
    ]);
  });
});

describe('LOOP-COLLABORATOR-NO-ACCESS: every entry rejected while the connector is not activated on the folder', () => {
  const entry = getEntry('LOOP-COLLABORATOR-NO-ACCESS');

  it('accepts the request, then rejects every entry with the documented message; activating the connector fixes it', async () => {
    const loop = setup();
    const sim = loop.sim;
    const collaborator = Object.values(sim.store.data.tenants.CABA!.apiKeys)[0]!.collaborateur;
    const message = renderMessage('LOOP-COLLABORATOR-NO-ACCESS', { collaborator, folder: 'GARAGE DURAND' });
    expect(message).toBe(
      `An error occurred during the JSON import request: The collaborator ${collaborator} does not have access to the folder GARAGE DURAND`,
    );

    const id = await send(
      loop,
      importBody('F2', [purchase(), purchase({ refPiece: 'B' }), purchase({ refPiece: 'C' })]),
    );
    await later(loop);
    const result = await status(loop, id);
    expect(result).toMatchObject({ statut: 'Erreur', message, nbEcrituresIntegrees: 0, nbEcrituresRejetees: 3 });
    for (const e of result.ecritures) expect(e.erreurs).toEqual([{ code: entry.wire!.code, message }]);
    const folder = sim.store.data.tenants.CABA!.folders.F2!;
    expect(Object.keys(folder.ecritures)).toEqual([]);

    // Remedy: folder portfolio > "Action" column > activate the Qonto connector ("Regate by Qonto").
    expect((await loop.action('set-connector', { domain: 'CABA', folder: 'F2', active: true })).status).toBe(200);
    const again = await send(loop, importBody('F2'));
    await later(loop);
    expect((await status(loop, again)).statut).toBe('Termine');
  });

  it('is decided when Loop processes the import, not when it arrives', async () => {
    const loop = setup();
    const id = await send(loop, importBody('F1'));
    await loop.action('set-connector', { domain: 'CABA', folder: 'F1', active: false });
    await later(loop);
    expect((await status(loop, id)).message).toBe(
      renderMessage('LOOP-COLLABORATOR-NO-ACCESS', {
        collaborator: 'api.qonto@caba',
        folder: 'BOULANGERIE MARTIN SAS',
      }),
    );
  });
});

describe('LOOP-INCOMPLETE-FOLDER: an open fiscal year without a complete chart or open journals refuses the import', () => {
  const entry = getEntry('LOOP-INCOMPLETE-FOLDER');

  it.each([
    ['F3', "the current year's chart of accounts is incomplete"],
    ['F5', 'every journal is closed'],
  ])('%s: %s', async (folder) => {
    const loop = setup();
    const sim = loop.sim;
    const before = loop.stateSnapshot();
    const res = await loop.request(IMPORT, {
      method: 'POST',
      headers: headersFor(sim, 'CABA'),
      json: importBody(folder),
    });
    expect(res.status).toBe(entry.wire!.status);
    const body = LoopErrorBodySchema.parse(await json(res));
    expect(body.code).toBe(entry.wire!.code);
    expect(body.message).toBe(
      renderMessage('LOOP-INCOMPLETE-FOLDER', { folder, fiscalYear: String(folder === 'F3' ? YEAR : YEAR - 1) }),
    );
    expect(loop.stateSnapshot()).toBe(before);
  });

  it('lets an import of third parties alone through (own choice: the chart and journals are what entries need)', async () => {
    const loop = setup();
    const sim = loop.sim;
    const id = await send(loop, {
      codeIbs: 'F3',
      data: { tiers: [{ code: 'CNEUF', type: 'client', raisonSociale: 'Client Neuf', compteContrepartie: '411000' }] },
    });
    await later(loop);
    expect((await status(loop, id)).statut).toBe('Termine');
    expect(sim.store.data.tenants.CABA!.folders.F3!.tiers.CNEUF).toMatchObject({
      raisonSociale: 'Client Neuf',
      type: 0,
    });
  });

  it('completing the chart (or reopening a journal) lets the import through', async () => {
    const loop = setup();
    await loop.action('set-fiscal-year', {
      domain: 'CABA',
      folder: 'F3',
      fiscalYearId: String(YEAR),
      status: 'open',
      chartComplete: true,
    });
    await loop.action('set-journal', { domain: 'CABA', folder: 'F5', journal: 'AC', ferme: false });
    await send(loop, importBody('F3'));
    await send(loop, importBody('F5'));
  });

  it('closing the incomplete year also does', async () => {
    const loop = setup();
    await loop.action('set-fiscal-year', {
      domain: 'CABA',
      folder: 'F3',
      fiscalYearId: String(YEAR),
      status: 'closed',
    });
    const id = await send(loop, {
      codeIbs: 'F3',
      data: { options: { multiPeriode: true }, ecritures: [purchase({ datePiece: `${YEAR - 1}-12-01` })] },
    });
    await later(loop);
    expect((await status(loop, id)).statut).toBe('Termine');
  });
});

describe('LOOP-DESCRIPTION-35 and LOOP-AUX-CODE-17: field-level validation errors', () => {
  it('refuses a description over 35 characters, naming every offending field, and queues nothing', async () => {
    const loop = setup();
    const sim = loop.sim;
    const before = loop.stateSnapshot();
    const long = 'Fournitures de bureau pour le mois de mars'; // 42
    const lineLong = 'x'.repeat(36);
    const body = importBody('F1', [
      purchase(),
      purchase({
        libelle: long,
        lignes: [
          { compteNumero: '606400', libelle: lineLong, debit: 1, credit: 0 },
          { compteNumero: '471000', debit: 0, credit: 1 },
        ],
      }),
    ]);
    const res = await loop.request(IMPORT, { method: 'POST', headers: headersFor(sim, 'CABA'), json: body });
    const entry = getEntry('LOOP-DESCRIPTION-35');
    expect(res.status).toBe(entry.wire!.status);
    expect(await json(res)).toEqual({
      statusCode: entry.wire!.status,
      code: entry.wire!.code,
      message: renderMessage('LOOP-DESCRIPTION-35', { description: long }),
      errors: [
        { champ: 'data.ecritures.1.libelle', message: renderMessage('LOOP-DESCRIPTION-35', { description: long }) },
        {
          champ: 'data.ecritures.1.lignes.0.libelle',
          message: renderMessage('LOOP-DESCRIPTION-35', { description: lineLong }),
        },
      ],
    });
    expect(loop.stateSnapshot()).toBe(before);
  });

  it('refuses an auxiliary code over 17 characters', async () => {
    const loop = setup();
    const sim = loop.sim;
    const before = loop.stateSnapshot();
    const aux = 'FFOURNISSEURLONG18'; // 18
    const res = await loop.request(IMPORT, {
      method: 'POST',
      headers: headersFor(sim, 'CABA'),
      json: importBody('F1', [purchase({}, aux)]),
    });
    const entry = getEntry('LOOP-AUX-CODE-17');
    expect(res.status).toBe(entry.wire!.status);
    expect(await json(res)).toEqual({
      statusCode: entry.wire!.status,
      code: entry.wire!.code,
      message: renderMessage('LOOP-AUX-CODE-17', { code: aux }),
      errors: [
        {
          champ: 'data.ecritures.0.lignes.2.compteAuxiliaire',
          message: renderMessage('LOOP-AUX-CODE-17', { code: aux }),
        },
      ],
    });
    expect(loop.stateSnapshot()).toBe(before);
  });

  it('accepts exactly 35 and 17 characters (what a connector that truncates sends)', async () => {
    const loop = setup();
    const id = await send(loop, importBody('F1', [purchase({ libelle: 'D'.repeat(35) }, 'A'.repeat(17))]));
    await later(loop);
    expect((await status(loop, id)).statut).toBe('Termine');
  });

  it('counts characters, not UTF-16 units: 35 accented or emoji characters pass', async () => {
    const loop = setup();
    await send(loop, importBody('F1', [purchase({ libelle: `${'é'.repeat(34)}🧾` })]));
  });
});

describe("Loop's validation messages and bad input, never a 500, never a change", () => {
  const cases: [string, unknown, string][] = [
    ['no codeIbs', { data: importBody().data }, LOOP_MESSAGES.codeIbsMissing],
    ['an empty codeIbs', { codeIbs: '', data: importBody().data }, LOOP_MESSAGES.codeIbsMissing],
    ['no data', { codeIbs: 'F1' }, LOOP_MESSAGES.dataMissing],
    ['no ecritures', { codeIbs: 'F1', data: { contexte: importBody().data.contexte } }, LOOP_MESSAGES.ecrituresMissing],
    [
      'empty ecritures',
      { codeIbs: 'F1', data: { ...importBody().data, ecritures: [] } },
      LOOP_MESSAGES.ecrituresMissing,
    ],
    [
      'no contexte without multiPeriode',
      { codeIbs: 'F1', data: { ecritures: [purchase()] } },
      LOOP_MESSAGES.contexteMissing,
    ],
    [
      'an entry outside the contexte',
      importBody('F1', [purchase({ datePiece: `${YEAR + 1}-01-01` })]),
      LOOP_MESSAGES.outsideContexte(`${YEAR + 1}-01-01`, `${YEAR}-01-01`, `${YEAR}-12-31`),
    ],
    [
      'an unbalanced entry',
      importBody('F1', [
        purchase({
          lignes: [
            { compteNumero: '606400', debit: 10, credit: 0 },
            { compteNumero: '401000', debit: 0, credit: 9 },
          ],
        }),
      ]),
      LOOP_MESSAGES.unbalanced,
    ],
    [
      'a line with debit and credit',
      importBody('F1', [
        purchase({
          lignes: [
            { compteNumero: '606400', debit: 10, credit: 10 },
            { compteNumero: '401000', debit: 0, credit: 0 },
          ],
        }),
      ]),
      LOOP_MESSAGES.lineAmount,
    ],
    [
      'an attachment not in base64',
      importBody('F1', [
        purchase({
          piecesJointes: [{ nomFichier: 'f.pdf', typeMime: 'application/pdf', contenuBase64: 'pas du base64 !' }],
        }),
      ]),
      LOOP_MESSAGES.base64,
    ],
    [
      'an attachment without a MIME type',
      importBody('F1', [
        purchase({ piecesJointes: [{ nomFichier: 'f.pdf', typeMime: 'pdf', contenuBase64: 'JVBERg==' }] }),
      ]),
      LOOP_MESSAGES.mimeType,
    ],
    [
      'a third party with a short SIRET',
      {
        codeIbs: 'F1',
        data: {
          tiers: [{ code: 'FX', type: 'fournisseur', raisonSociale: 'X', compteContrepartie: '401000', SIRET: '123' }],
        },
      },
      LOOP_MESSAGES.siret,
    ],
  ];
  /** Sends a body Loop must refuse as a validation error without changing anything; gives the message. */
  async function refused(loop: Harness, body: unknown): Promise<string> {
    const before = loop.stateSnapshot();
    const res = await loop.request(IMPORT, { method: 'POST', as: 'CABA', json: body });
    expect(res.status).toBe(400);
    const error = LoopErrorBodySchema.parse(await json(res));
    expect(error.code).toBe('ValidationError');
    expect(loop.stateSnapshot()).toBe(before);
    return error.message;
  }

  it.each(cases)('%s', async (_name, body, message) => {
    expect(await refused(setup(), body)).toBe(message);
  });

  // A code Loop would keep third parties by, but that cannot be a key: refused when it arrives (it
  // used to be queued, and then stopped the firm's import service on every tick).
  it.each([
    ['an auxiliary code', importBody('F1', [purchase({}, '__proto__')]), 'data.ecritures.0.lignes.2.compteAuxiliaire'],
    [
      'a third-party code',
      {
        codeIbs: 'F1',
        data: { tiers: [{ code: 'constructor', type: 'client', raisonSociale: 'X', compteContrepartie: '411000' }] },
      },
      'data.tiers.0.code',
    ],
  ])('%s that cannot be a key (__proto__, constructor)', async (_name, body, field) => {
    const loop = setup();
    expect(await refused(loop, body)).toContain(field);
    // The firm's import service goes on: the next import is processed.
    const id = await send(loop, importBody());
    await later(loop);
    expect((await status(loop, id)).statut).toBe('Termine');
  });

  it('an unknown folder: "Le dossier X n\'existe pas sur le domaine."', async () => {
    const loop = setup();
    const sim = loop.sim;
    const res = await loop.request(IMPORT, {
      method: 'POST',
      headers: headersFor(sim, 'CABA'),
      json: importBody('INCONNU'),
    });
    expect(res.status).toBe(400);
    expect(await json(res)).toEqual({
      statusCode: 400,
      code: 'FolderNotFound',
      message: LOOP_MESSAGES.folderUnknown('INCONNU'),
    });
  });

  it.each([
    ['malformed JSON', '{"codeIbs": "F1", ', 'application/json', 'MalformedJson'],
    ['a JSON array', '[]', 'application/json', 'ValidationError'],
    [
      'wrong types',
      JSON.stringify({ codeIbs: 12, data: { contexte: { from: 1 }, ecritures: 'x' } }),
      'application/json',
      'ValidationError',
    ],
    ['an unknown field', JSON.stringify({ ...importBody(), extra: true }), 'application/json', 'ValidationError'],
    [
      'an unknown field in an entry',
      JSON.stringify(importBody('F1', [{ ...purchase(), montant: 3 }])),
      'application/json',
      'ValidationError',
    ],
    ['a form body', 'codeIbs=F1', 'application/x-www-form-urlencoded', 'UnsupportedMediaType'],
  ])('%s', async (_name, body, contentType, code) => {
    const loop = setup();
    const sim = loop.sim;
    const before = loop.stateSnapshot();
    const res = await loop.request(IMPORT, {
      method: 'POST',
      headers: { ...headersFor(sim, 'CABA'), 'content-type': contentType },
      raw: body,
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(LoopErrorBodySchema.parse(await json(res)).code).toBe(code);
    expect(loop.stateSnapshot()).toBe(before);
  });

  it('accepts the documented (sic) Content-Type: application-json', async () => {
    const loop = setup();
    const sim = loop.sim;
    const res = await loop.request(IMPORT, {
      method: 'POST',
      headers: { ...headersFor(sim, 'CABA'), 'content-type': 'application-json' },
      json: importBody(),
    });
    expect(res.status).toBe(200);
  });

  it('getstatus: a missing id, an unknown id', async () => {
    const loop = setup();
    const sim = loop.sim;
    const missing = await loop.request('/loop-api-publiques/getstatus', { headers: headersFor(sim, 'CABA') });
    expect(missing.status).toBe(400);
    expect((await json(missing)).message).toBe(LOOP_MESSAGES.accountingImportRequestIdMissing);
    const unknown = await loop.request('/loop-api-publiques/getstatus?accountingImportRequestId=nope', {
      headers: headersFor(sim, 'CABA'),
    });
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).message).toBe(LOOP_MESSAGES.importUnknown('nope'));
  });
});

describe('third parties and attachments an import carries (JSON import "can carry tiers ... attachments" [C]; fields our own)', () => {
  const supplier = {
    code: 'FNEUF',
    type: 'fournisseur',
    raisonSociale: 'Papeterie Neuve SARL',
    compteContrepartie: '401000',
    SIRET: '12345678900011',
    email: 'compta@papeterie.test',
  };

  it('creates the third parties of an import without entries (no contexte needed), and renames one that exists', async () => {
    const loop = setup();
    const sim = loop.sim;
    const burotic = sim.store.data.tenants.CABA!.folders.F1!.tiers.FBUROTIC!;
    // Sent as "divers" on 467000: an existing third party keeps its type and collective account.
    const id = await send(loop, {
      codeIbs: 'F1',
      data: {
        tiers: [
          supplier,
          { code: 'FBUROTIC', type: 'divers', raisonSociale: 'Burotic Groupe SAS', compteContrepartie: '467000' },
        ],
      },
    });
    await later(loop);
    expect(await status(loop, id)).toMatchObject({ statut: 'Termine', nbEcritures: 0 });
    const suppliers = await json(
      await loop.request('/loop-api-publiques/tiersFournisseur?codeDossier=F1', { headers: headersFor(sim, 'CABA') }),
    );
    expect(suppliers.map((t: { code: string; raisonSociale: string }) => [t.code, t.raisonSociale])).toEqual([
      ['FBUROTIC', 'Burotic Groupe SAS'],
      ['FNEUF', 'Papeterie Neuve SARL'],
    ]);
    expect(suppliers[1]).toMatchObject({
      type: 1,
      compteContrepartie: '401000',
      SIRET: '12345678900011',
      email: 'compta@papeterie.test',
    });
    expect(suppliers[0]).toEqual({ ...burotic, raisonSociale: 'Burotic Groupe SAS' });
  });

  it('creates the third parties before the entries that use them (the entries find them named)', async () => {
    const loop = setup();
    const sim = loop.sim;
    await send(loop, {
      ...importBody('F1', [purchase({}, 'FNEUF')]),
      data: { ...importBody('F1', [purchase({}, 'FNEUF')]).data, tiers: [supplier] },
    });
    await later(loop);
    expect(sim.store.data.tenants.CABA!.folders.F1!.tiers.FNEUF).toMatchObject({
      raisonSociale: 'Papeterie Neuve SARL',
      SIRET: '12345678900011',
    });
  });

  it('refuses a third-party code over 17 characters (LOOP-AUX-CODE-17), and queues nothing', async () => {
    const loop = setup();
    const sim = loop.sim;
    const before = loop.stateSnapshot();
    const code = 'FFOURNISSEURLONG18';
    const res = await loop.request(IMPORT, {
      method: 'POST',
      headers: headersFor(sim, 'CABA'),
      json: {
        codeIbs: 'F1',
        data: { tiers: [{ ...supplier, code }] },
      },
    });
    const entry = getEntry('LOOP-AUX-CODE-17');
    expect(res.status).toBe(entry.wire!.status);
    expect(await json(res)).toMatchObject({
      code: entry.wire!.code,
      errors: [{ champ: 'data.tiers.0.code', message: renderMessage('LOOP-AUX-CODE-17', { code }) }],
    });
    expect(loop.stateSnapshot()).toBe(before);
  });

  it("keeps an integrated entry's attachments by name, type, size and SHA-256, never their bytes", async () => {
    const loop = setup();
    const sim = loop.sim;
    const pdf = Buffer.from('%PDF-1.4 facture FA-2026-001');
    const piece = { nomFichier: 'FA-2026-001.pdf', typeMime: 'application/pdf', contenuBase64: pdf.toString('base64') };
    const id = await send(
      loop,
      importBody('F1', [purchase({ piecesJointes: [piece] }), purchase({ refPiece: 'FA-2026-002' })]),
    );
    expect(loop.stateSnapshot()).not.toContain(piece.contenuBase64);
    await later(loop);
    const [first, second] = (await status(loop, id)).ecritures;
    const folder = sim.store.data.tenants.CABA!.folders.F1!;
    const { createHash } = await import('node:crypto');
    expect(folder.piecesJointes[String(first!.numeroEcriture)]).toEqual([
      {
        nomFichier: 'FA-2026-001.pdf',
        typeMime: 'application/pdf',
        taille: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
      },
    ]);
    expect(folder.piecesJointes[String(second!.numeroEcriture)]).toBeUndefined();
  });
});

describe('contexte.from/to as EcritureComptableImportJson.html writes them', () => {
  // The page: `"to" : "2020-06-04T00:00:00.000Z"` ("Date de fin des écritures à importer au format iso").
  it.each([
    ['ISO date-times in UTC', `${YEAR}-01-01T00:00:00.000Z`, `${YEAR}-12-31T00:00:00.000Z`],
    ['ISO date-times with an offset', `${YEAR}-01-01T00:00:00+01:00`, `${YEAR}-12-31T23:59:59+01:00`],
    [
      'the page\'s "from" as typed, spaces before the colons',
      `${YEAR}-01-01T00 :00 :00.000Z`,
      `${YEAR}-12-31T00:00:00.000Z`,
    ],
    ['local date-times (ISO 8601 without a zone)', `${YEAR}-01-01T00:00:00`, `${YEAR}-12-31T00:00`],
    // ISO 8601 lets a zoned time stop at the minutes, as it lets a local one: "au format iso".
    ['zoned date-times to the minute', `${YEAR}-01-01T00:00Z`, `${YEAR}-12-31T23:59+01:00`],
    ['plain dates', `${YEAR}-01-01`, `${YEAR}-12-31`],
  ])('accepts %s, the entry dated on the last day included', async (_name, from, to) => {
    const loop = setup();
    const body = importBody('F1', [purchase({ datePiece: `${YEAR}-12-31` })]);
    const id = await send(loop, { ...body, data: { ...body.data, contexte: { from, to } } });
    await later(loop);
    expect((await status(loop, id)).statut).not.toBe('EnAttente');
  });

  it('still checks the entries against a date-time contexte, by its calendar date', async () => {
    const loop = setup();
    const sim = loop.sim;
    const body = importBody('F1', [purchase({ datePiece: `${YEAR}-06-05` })]);
    const contexte = { from: '2026-02-01T00:00:00.000Z', to: '2026-06-04T00:00:00.000Z' };
    const before = loop.stateSnapshot();
    const res = await loop.request(IMPORT, {
      method: 'POST',
      headers: headersFor(sim, 'CABA'),
      json: { ...body, data: { ...body.data, contexte } },
    });
    expect(res.status).toBe(400);
    expect(LoopErrorBodySchema.parse(await json(res)).message).toBe(
      LOOP_MESSAGES.outsideContexte(`${YEAR}-06-05`, contexte.from, contexte.to),
    );
    expect(loop.stateSnapshot()).toBe(before);
  });

  it.each([
    ['not a date', 'demain'],
    ['an impossible date-time', `${YEAR}-13-01T00:00:00.000Z`],
  ])('refuses %s', async (_name, from) => {
    const loop = setup();
    const sim = loop.sim;
    const body = importBody();
    const res = await loop.request(IMPORT, {
      method: 'POST',
      headers: headersFor(sim, 'CABA'),
      json: {
        ...body,
        data: { ...body.data, contexte: { from, to: `${YEAR}-12-31` } },
      },
    });
    expect(res.status).toBe(400);
    expect(LoopErrorBodySchema.parse(await json(res)).code).toBe('ValidationError');
  });
});
