import { describe, expect, it } from 'vitest';
import { getEntry } from '../../../contracts/catalogue/index.js';
import { LOOP_MESSAGES } from '../../../contracts/loop/messages.js';
import {
  CompteSchema,
  EcritureComptableSchema,
  JournalSchema,
  LoopErrorBodySchema,
  SectionSchema,
  TiersSchema,
} from '../../../contracts/loop/wire.js';
import { buildEcritures } from '../seed/builders.js';
import { headersFor, json, setup, START } from '../test-support.js';

const list = async (path: string, query: Record<string, string> = {}, codeDossier = 'F1') => {
  const loop = setup();
  const sim = loop.sim;
  const params = new URLSearchParams({ codeDossier, ...query });
  return loop.request(`/loop-api-publiques/${path}?${params}`, { headers: headersFor(sim, 'CABA') });
};
const rows = async (path: string, query: Record<string, string> = {}) => {
  const res = await list(path, query);
  expect(res.status).toBe(200);
  return (await json(res)) as Record<string, unknown>[];
};

describe("LOOP-REFDATA-PULL: the reference data of an associated folder, in Loop's field names", () => {
  it('GET /compte: the chart of accounts, bare array, by numero', async () => {
    const comptes = (await rows('compte')).map((r) => CompteSchema.parse(r));
    expect(comptes.map((c) => c.numero)).toContain('401000');
    expect(comptes.find((c) => c.numero === '401000')).toMatchObject({
      libelle: 'Fournisseurs',
      type: 4,
      collectif: true,
      lettrable: true,
      ferme: false,
    });
    expect(comptes.map((c) => c.numero)).toEqual([...comptes.map((c) => c.numero)].sort());
  });

  it('GET /journal: journals with type 1 to 8', async () => {
    const journaux = (await rows('journal')).map((r) => JournalSchema.parse(r));
    expect(journaux.find((j) => j.code === 'AC')?.type).toBe(1);
    expect(journaux.find((j) => j.code === 'VE')?.type).toBe(8);
    expect(journaux.find((j) => j.code === 'BQ')).toMatchObject({
      type: 4,
      compteContrepartie: { description: ['512000'] },
    });
  });

  // The example responses of Compte/ParametreComptable.html, ParameterJournal.html and Section.html.
  const REVISION = /^0x[0-9A-F]{16}$/;
  it("field types as the pages' example responses show them", async () => {
    const comptes = await rows('compte');
    const bank = comptes.find((c) => c.numero === '512000')!;
    const purchases = comptes.find((c) => c.numero === '606400')!;
    expect(bank.revisionId).toMatch(REVISION);
    expect(typeof bank.type).toBe('number'); // "type": 6
    expect(bank.compteBanque).toBe('512000'); // "compteBanque string"
    expect(purchases.compteBanque).toBeNull();
    const journaux = await rows('journal');
    const bq = journaux.find((j) => j.code === 'BQ')!;
    const ac = journaux.find((j) => j.code === 'AC')!;
    expect(ac.revisionId).toMatch(REVISION);
    expect(ac.compteContrepartie).toEqual({ objectId: null, description: [''] }); // the example's empty counterpart
    expect(bq.compteContrepartie).toEqual({ objectId: bank.objectId, description: ['512000'] });
    expect(typeof ac.typeContrepartie).toBe('number'); // "typeContrepartie": 1
    expect((await rows('section'))[0]!.revisionId).toMatch(REVISION);
  });

  it.each([
    ['tiersClient', 0, 'CDUPONT'],
    ['tiersFournisseur', 1, 'FBUROTIC'],
    ['tiersSalarie', 2, 'SMARTIN'],
    ['tiersDivers', 4, 'DURSSAF'],
  ])('GET /%s: only third parties of type %i', async (route, type, code) => {
    const tiers = (await rows(route)).map((r) => TiersSchema.parse(r));
    expect(tiers.map((t) => t.code)).toEqual([code]);
    expect(tiers.every((t) => t.type === type)).toBe(true);
  });

  it('GET /section: analytic sections', async () => {
    const sections = (await rows('section')).map((r) => SectionSchema.parse(r));
    expect(sections.map((s) => s.code)).toEqual(['SECA@AXE1', 'SECB@AXE1']);
  });
});

describe('LOOP-REFDATA-PULL: GET /EcritureComptable, at most 100 rows and a mandatory filter', () => {
  it('refuses a request without a filter on codeLettrage or ecritureOrigine', async () => {
    const queries: Record<string, string>[] = [
      {},
      { filter: 'journalCode == "OD"' },
      { filter: 'compteNumero == "606400" && refPiece != null' },
    ];
    for (const query of queries) {
      const res = await list('EcritureComptable', query);
      expect(res.status).toBe(400);
      expect(LoopErrorBodySchema.parse(await json(res))).toEqual({
        statusCode: 400,
        code: 'FilterRequired',
        message: LOOP_MESSAGES.ecritureFilterRequired,
      });
    }
  });

  it('answers at most 100 rows, whatever take says, and pages with skip', async () => {
    const first = await rows('EcritureComptable', { filter: 'ecritureOrigine == "SAISIE"' });
    expect(first).toHaveLength(100);
    first.forEach((r) => EcritureComptableSchema.parse(r));
    expect(await rows('EcritureComptable', { filter: 'ecritureOrigine == "SAISIE"', take: '500' })).toHaveLength(100);
    const last = await rows('EcritureComptable', { filter: 'ecritureOrigine == "SAISIE"', skip: '250' });
    expect(last).toHaveLength(50);
    expect(last[0]).toMatchObject({ numeroEcriture: 126, ligne: 1 });
  });

  it('filters on codeLettrage, with the secondary filters', async () => {
    const lettered = await rows('EcritureComptable', { filter: 'codeLettrage != null && compteNumero == "471000"' });
    expect(lettered).toHaveLength(75);
    expect(lettered.every((r) => typeof r.codeLettrage === 'string')).toBe(true);
    const one = await rows('EcritureComptable', {
      filter: "codeLettrage == 'L4' && journalCode == 'OD' && datePiece == '2026-01-15'",
    });
    expect(one).toEqual([expect.objectContaining({ numeroEcriture: 4, refPiece: 'OD00004' })]);
  });
});

describe('filter, sort, skip, take, select as documented', () => {
  it('== is loose, === is strict, != and && combine', async () => {
    expect((await rows('compte', { filter: 'type == "4"' })).length).toBe(7);
    expect(await rows('compte', { filter: 'type === "4"' })).toEqual([]);
    expect((await rows('compte', { filter: 'type === 4 && collectif == true' })).map((c) => c.numero)).toEqual([
      '401000',
      '411000',
      '421000',
      '467000',
    ]);
    expect((await rows('compte', { filter: 'tva != null' })).map((c) => c.numero)).toEqual(['445660', '445710']);
    expect(
      (await rows('compte', { filter: "numero != '401000' && type == 4 && collectif === true" })).map((c) => c.numero),
    ).toEqual(['411000', '421000', '467000']);
    expect((await rows('journal', { filter: 'compteContrepartie.objectId != null' })).map((j) => j.code)).toEqual([
      'BQ',
    ]);
  });

  it('sort: field1&&field2:desc', async () => {
    const sorted = await rows('compte', { sort: 'type:desc&&numero' });
    expect(sorted.slice(0, 3).map((c) => c.numero)).toEqual(['706000', '707000', '606400']);
    const byLabel = await rows('journal', { sort: 'libelle:asc' });
    expect(byLabel.map((j) => j.code)).toEqual(['AC', 'BQ', 'OD', 'VE', 'AN']);
  });

  it('skip and take page through the records', async () => {
    const all = await rows('compte');
    expect(await rows('compte', { skip: '2', take: '3' })).toEqual(all.slice(2, 5));
    expect(await rows('compte', { take: '0' })).toEqual([]);
    expect(await rows('compte', { skip: '1000' })).toEqual([]);
  });

  it('skip and take quoted as the pages write them: ?skip="{number}", ?take="{number}"', async () => {
    const all = await rows('compte');
    const loop = setup();
    const sim = loop.sim;
    // Written raw, as a developer copies the pages' example into a URL.
    const res = await loop.request('/loop-api-publiques/compte?codeDossier=F1&skip="1"&take="2"', {
      headers: headersFor(sim, 'CABA'),
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual(all.slice(1, 3));
    expect(await rows('compte', { skip: "'2'", take: '"1"' })).toEqual(all.slice(2, 3));
  });

  it.each([['"-1"'], ['"1'], ['"a"'], ['""'], ['"1.5"']])("refuses skip=%s with Loop's message", async (skip) => {
    const res = await list('compte', { skip });
    expect(res.status).toBe(400);
    const body = LoopErrorBodySchema.parse(await json(res));
    expect(body.message).toContain(LOOP_MESSAGES.skipTake('skip'));
  });

  it('select keeps only the named fields, separated by , or &&', async () => {
    const selected = await rows('compte', { select: 'numero,libelle', take: '1' });
    expect(selected).toEqual([{ numero: '401000', libelle: 'Fournisseurs' }]);
    expect(await rows('compte', { select: 'numero&&collectif', take: '1' })).toEqual([
      { numero: '401000', collectif: true },
    ]);
  });

  it('a malformed filter, an unknown field, a bad sort or select: a clear 400, nothing evaluated, nothing changed', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [
        { filter: 'numero == "40 1000' },
        'InvalidFilter',
        LOOP_MESSAGES.invalidFilter('chaîne non terminée à la position 11.'),
      ],
      [
        { filter: 'numero == "1" | type == 4' },
        'InvalidFilter',
        LOOP_MESSAGES.invalidFilter('caractère inattendu « | » à la position 15.'),
      ],
      [
        { filter: 'process.exit(1)' },
        'InvalidFilter',
        LOOP_MESSAGES.invalidFilter('opérateur ==, ===, !=, !==, >=, <=, > ou < attendu à la position 13.'),
      ],
      [{ filter: '(numero == "1"' }, 'InvalidFilter', LOOP_MESSAGES.invalidFilter('« ) » attendue en fin de filtre.')],
      [
        { filter: 'constructor == null' },
        'InvalidFilter',
        LOOP_MESSAGES.invalidFilter("le champ constructor n'existe pas."),
      ],
      [
        { filter: '__proto__.polluted == 1' },
        'InvalidFilter',
        LOOP_MESSAGES.invalidFilter("le champ __proto__.polluted n'existe pas."),
      ],
      [{ filter: 'numro == "401000"' }, 'InvalidFilter', LOOP_MESSAGES.invalidFilter("le champ numro n'existe pas.")],
      [
        { filter: 'numero ==' },
        'InvalidFilter',
        LOOP_MESSAGES.invalidFilter(
          'valeur attendue (texte entre guillemets, nombre, true, false ou null) en fin de filtre.',
        ),
      ],
      [
        { filter: 'numero == 1 &&' },
        'InvalidFilter',
        LOOP_MESSAGES.invalidFilter('nom de champ attendu en fin de filtre.'),
      ],
      [
        { sort: 'numero:up' },
        'InvalidSort',
        LOOP_MESSAGES.invalidSort("« numero:up » n'est pas de la forme champ ou champ:desc."),
      ],
      [{ sort: 'nope' }, 'InvalidSort', LOOP_MESSAGES.invalidSort("le champ nope n'existe pas.")],
      [{ select: 'numero,nope' }, 'InvalidSelect', LOOP_MESSAGES.invalidSelect('nope')],
    ];
    for (const [query, code, message] of cases) {
      const loop = setup();
      const sim = loop.sim;
      const before = loop.stateSnapshot();
      const res = await loop.request(
        `/loop-api-publiques/compte?${new URLSearchParams({ codeDossier: 'F1', ...query })}`,
        { headers: headersFor(sim, 'CABA') },
      );
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(await json(res), JSON.stringify(query)).toEqual({ statusCode: 400, code, message });
      expect(loop.stateSnapshot()).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('an over-long filter is a validation error', async () => {
    const res = await list('compte', { filter: `numero == "${'9'.repeat(3000)}"` });
    expect(res.status).toBe(400);
    expect(LoopErrorBodySchema.parse(await json(res)).code).toBe('ValidationError');
  });

  it('the catalogue entry is a behaviour, without a wire error', () => {
    expect(getEntry('LOOP-REFDATA-PULL').kind).toBe('behaviour');
  });
});

describe('GET /EcritureComptable with the filters EcritureComptable.html documents', () => {
  // F1 has 150 entries of 2026-01-15 (odd lines lettered L<n> on even entries); two more here.
  const harness = () =>
    setup({
      tweak: (state) => {
        for (const row of buildEcritures('F1', 2, '2026-02-20', START, 151))
          state.tenants.CABA!.folders.F1!.ecritures[row.objectId] = row;
      },
    });
  const read = async (filter: string, extra: Record<string, string> = {}) => {
    const loop = harness();
    const res = await loop.request(
      `/loop-api-publiques/EcritureComptable?${new URLSearchParams({ codeDossier: 'F1', filter, ...extra })}`,
      { as: 'CABA' },
    );
    expect(res.status, filter).toBe(200);
    return ((await json(res)) as unknown[]).map((r) => EcritureComptableSchema.parse(r));
  };

  it('codeLettrage != null && datePiece >="AAAA-MM-JJ" (the table\'s secondary criterion, as written)', async () => {
    const lines = await read('codeLettrage != null && datePiece >="2026-02-01"');
    expect(lines.map((l) => [l.numeroEcriture, l.codeLettrage, l.datePiece])).toEqual([[152, 'L152', '2026-02-20']]);
    // The same with the closing quote the table leaves out.
    expect(await read('codeLettrage != null && datePiece >= "2026-02-01"')).toEqual(lines);
  });

  it('datePiece ==, <=, >, < ; journalCode, refPiece, compteNumero ==', async () => {
    expect(
      (await read('ecritureOrigine == "SAISIE" && datePiece == "2026-02-20"')).map((l) => l.numeroEcriture),
    ).toEqual([151, 151, 152, 152]);
    expect((await read('ecritureOrigine == "SAISIE" && datePiece > "2026-01-15"')).length).toBe(4);
    expect(
      (await read('ecritureOrigine == "SAISIE" && datePiece < "2026-02-20" && refPiece == "OD00003"')).map(
        (l) => l.numeroEcriture,
      ),
    ).toEqual([3, 3]);
    expect(
      (
        await read(
          'ecritureOrigine == "SAISIE" && datePiece <= "2026-01-15" && compteNumero == "471000" && journalCode == "OD"',
          { take: '2' },
        )
      ).map((l) => l.numeroEcriture),
    ).toEqual([1, 2]);
  });

  it('codeLettrage == null and == "<code>"; || when each branch names codeLettrage or ecritureOrigine', async () => {
    expect((await read('codeLettrage == "L4"')).map((l) => [l.numeroEcriture, l.ligne])).toEqual([[4, 2]]);
    expect((await read('codeLettrage == "L4" || codeLettrage == "L6"')).map((l) => l.numeroEcriture)).toEqual([4, 6]);
    expect(
      (await read('codeLettrage == null && datePiece >= "2026-02-20"')).map((l) => [l.numeroEcriture, l.ligne]),
    ).toEqual([
      [151, 1],
      [151, 2],
      [152, 1],
    ]);
  });

  it('refuses a || whose branch lacks the mandatory filter, as it refuses no filter', async () => {
    const loop = harness();
    const res = await loop.request(
      `/loop-api-publiques/EcritureComptable?${new URLSearchParams({ codeDossier: 'F1', filter: 'codeLettrage == "L4" || journalCode == "OD"' })}`,
      { as: 'CABA' },
    );
    expect(res.status).toBe(400);
    expect(await json(res)).toEqual({
      statusCode: 400,
      code: 'FilterRequired',
      message: LOOP_MESSAGES.ecritureFilterRequired,
    });
  });
});
