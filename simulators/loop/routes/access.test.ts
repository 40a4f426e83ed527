import { describe, expect, it } from 'vitest';
import { getEntry, renderMessage } from '../../../contracts/catalogue/index.js';
import { LOOP_MESSAGES } from '../../../contracts/loop/messages.js';
import { LoopErrorBodySchema } from '../../../contracts/loop/wire.js';
import { admin, createTestLoop, get, headersFor, importBody, postJson, snapshot, json } from '../test-support.js';

/** Every vendor route, called for folder `code` (getstatus goes through an import of that folder). */
const READ_ROUTES = [
  'compte',
  'journal',
  'tiersClient',
  'tiersFournisseur',
  'tiersSalarie',
  'tiersDivers',
  'section',
  'EcritureComptable',
];
const readPath = (route: string, code: string) =>
  `/loop-api-publiques/${route}?codeDossier=${code}${route === 'EcritureComptable' ? `&filter=${encodeURIComponent('ecritureOrigine == "SAISIE"')}` : ''}`;

describe('LOOP-AUTH: subscription key, key:secret and domain', () => {
  const auth = getEntry('LOOP-AUTH');

  const variants: [string, (h: Record<string, string>) => Record<string, string>][] = [
    ['no subscription key', ({ 'Ocp-Apim-Subscription-Key': _, ...h }) => h],
    ['a wrong subscription key', (h) => ({ ...h, 'Ocp-Apim-Subscription-Key': 'ffffffffffffffffffffffffffffffff' })],
    ["another firm's subscription key", (h) => ({ ...h, 'Ocp-Apim-Subscription-Key': 'sub-CABB'.padEnd(32, '0') })],
    ['no x-apikey', ({ 'x-apikey': _, ...h }) => h],
    ['an x-apikey without secret', (h) => ({ ...h, 'x-apikey': h['x-apikey']!.split(':')[0]! })],
    ['a wrong secret', (h) => ({ ...h, 'x-apikey': `${h['x-apikey']!.split(':')[0]}:wrong` })],
    ['an unknown key', (h) => ({ ...h, 'x-apikey': 'NOPE:nope' })],
    ['an unknown domain', (h) => ({ ...h, 'x-domain': 'NOWHERE' })],
    ["another firm's domain with this firm's keys", (h) => ({ ...h, 'x-domain': 'CABB' })],
    ['a domain named after an inherited property', (h) => ({ ...h, 'x-domain': '__proto__' })],
  ];

  for (const [name, change] of variants) {
    it(`refuses ${name} with 401 and LOOP-AUTH, on reads and imports, changing nothing`, async () => {
      const sim = createTestLoop();
      const headers = change(headersFor(sim, 'CABA'));
      const before = snapshot(sim);
      for (const res of [
        await get(sim, readPath('compte', 'F1'), headers),
        await postJson(sim, '/loop-api-publiques/importJson', headers, importBody()),
      ]) {
        expect(res.status).toBe(auth.wire!.status);
        const body = LoopErrorBodySchema.parse(await json(res));
        expect(body.code).toBe(auth.wire!.code);
        expect(body.message).toBe(renderMessage('LOOP-AUTH'));
      }
      expect(snapshot(sim)).toBe(before);
    });
  }

  it('accepts the two headers the getting-started page names, without x-domain: the key says which firm', async () => {
    // GetStart.html: "Fill in the Authorization part with your subscription key" and "Add a x-apikey header".
    const sim = createTestLoop();
    const { 'x-domain': _, ...documented } = headersFor(sim, 'CABB');
    const res = await get(sim, readPath('tiersClient', 'F1'), documented);
    expect(res.status).toBe(200);
    // The firm comes from the key: CABB's own F1 (which alone has CSECRET), not CABA's F1.
    expect((await json(res)).map((t: { code: string }) => t.code)).toContain('CSECRET');
    const caba = headersFor(sim, 'CABA');
    const { 'x-domain': __, ...cabaDocumented } = caba;
    expect(
      (await json(await get(sim, readPath('tiersClient', 'F1'), cabaDocumented))).map((t: { code: string }) => t.code),
    ).not.toContain('CSECRET');
  });

  it('accepts the three parts, with spaces around them', async () => {
    const sim = createTestLoop();
    const h = headersFor(sim, 'CABA');
    const res = await get(sim, readPath('compte', 'F1'), { ...h, 'x-apikey': ` ${h['x-apikey']} ` });
    expect(res.status).toBe(200);
  });

  it('refuses a revoked key', async () => {
    const sim = createTestLoop();
    const h = headersFor(sim, 'CABA');
    expect((await admin(sim, 'revoke-api-key', { domain: 'CABA', key: h['x-apikey']!.split(':')[0] })).status).toBe(
      200,
    );
    const res = await get(sim, readPath('compte', 'F1'), h);
    expect(res.status).toBe(401);
    expect((await json(res)).message).toBe(renderMessage('LOOP-AUTH'));
  });
});

describe('a key sees only its associated folders, and never another firm', () => {
  const notAssociated = getEntry('LOOP-FOLDER-NOT-ASSOCIATED');

  it.each(READ_ROUTES)(
    'GET /%s: a folder of the firm not associated with the key is LOOP-FOLDER-NOT-ASSOCIATED',
    async (route) => {
      const sim = createTestLoop();
      const before = snapshot(sim);
      const res = await get(sim, readPath(route, 'F4'), headersFor(sim, 'CABA'));
      expect(res.status).toBe(notAssociated.wire!.status);
      const body = await json(res);
      expect(body.code).toBe(notAssociated.wire!.code);
      expect(body.message).toBe(renderMessage('LOOP-FOLDER-NOT-ASSOCIATED', { folder: 'F4' }));
      expect(snapshot(sim)).toBe(before);
    },
  );

  it.each(READ_ROUTES)("GET /%s: another firm's folder code does not exist on the domain", async (route) => {
    const sim = createTestLoop();
    const res = await get(sim, readPath(route, 'BONLY'), headersFor(sim, 'CABA'));
    expect(res.status).toBe(400);
    expect(await json(res)).toEqual({
      statusCode: 400,
      code: 'FolderNotFound',
      message: LOOP_MESSAGES.folderUnknown('BONLY'),
    });
  });

  it.each(READ_ROUTES)("GET /%s: a folder code both firms use answers the caller's own folder", async (route) => {
    const sim = createTestLoop();
    const mineRes = await get(sim, readPath(route, 'F1'), headersFor(sim, 'CABA'));
    const theirsRes = await get(sim, readPath(route, 'F1'), headersFor(sim, 'CABB'));
    expect([mineRes.status, theirsRes.status]).toEqual([200, 200]);
    const mine = await json(mineRes);
    const theirs = await json(theirsRes);
    if (route === 'tiersClient') {
      expect(mine.map((t: { code: string }) => t.code)).not.toContain('CSECRET');
      expect(theirs.map((t: { code: string }) => t.code)).toContain('CSECRET');
    }
    if (route === 'EcritureComptable') {
      expect(mine.length).toBe(100);
      expect(theirs).toEqual([]);
    }
  });

  it("POST /importJson: not associated, another firm's folder, and nothing queued", async () => {
    const sim = createTestLoop();
    const before = snapshot(sim);
    const h = headersFor(sim, 'CABA');
    const res = await postJson(sim, '/loop-api-publiques/importJson', h, importBody('F4'));
    expect(res.status).toBe(notAssociated.wire!.status);
    expect((await json(res)).message).toBe(renderMessage('LOOP-FOLDER-NOT-ASSOCIATED', { folder: 'F4' }));
    const other = await postJson(sim, '/loop-api-publiques/importJson', h, importBody('BONLY'));
    expect(other.status).toBe(400);
    expect((await json(other)).message).toBe(LOOP_MESSAGES.folderUnknown('BONLY'));
    expect(snapshot(sim)).toBe(before);
  });

  it("GET /getstatus: another firm's import is unknown; an import of a folder since dissociated is LOOP-FOLDER-NOT-ASSOCIATED", async () => {
    const sim = createTestLoop();
    const theirs = await json(
      await postJson(sim, '/loop-api-publiques/importJson', headersFor(sim, 'CABB'), importBody('BONLY')),
    );
    const h = headersFor(sim, 'CABA');
    const res = await get(
      sim,
      `/loop-api-publiques/getstatus?accountingImportRequestId=${theirs.accountingImportRequestId}`,
      h,
    );
    expect(res.status).toBe(404);
    expect((await json(res)).message).toBe(LOOP_MESSAGES.importUnknown(theirs.accountingImportRequestId));

    const mine = await json(await postJson(sim, '/loop-api-publiques/importJson', h, importBody('F1')));
    expect(
      (await get(sim, `/loop-api-publiques/getstatus?accountingImportRequestId=${mine.accountingImportRequestId}`, h))
        .status,
    ).toBe(200);
    await admin(sim, 'dissociate-folders', { domain: 'CABA', key: h['x-apikey']!.split(':')[0], folders: ['F1'] });
    const after = await get(
      sim,
      `/loop-api-publiques/getstatus?accountingImportRequestId=${mine.accountingImportRequestId}`,
      h,
    );
    expect(after.status).toBe(403);
    expect((await json(after)).message).toBe(renderMessage('LOOP-FOLDER-NOT-ASSOCIATED', { folder: 'F1' }));
  });

  it('associating the folder in Loop Hub makes it visible (the documented remedy)', async () => {
    const sim = createTestLoop();
    const h = headersFor(sim, 'CABA');
    expect((await get(sim, readPath('compte', 'F4'), h)).status).toBe(403);
    const res = await admin(sim, 'associate-folders', {
      domain: 'CABA',
      key: h['x-apikey']!.split(':')[0],
      folders: ['F4'],
    });
    expect(res.status).toBe(200);
    expect((await get(sim, readPath('compte', 'F4'), h)).status).toBe(200);
  });

  it('a folder code named after an inherited property does not exist', async () => {
    const sim = createTestLoop();
    for (const code of ['__proto__', 'constructor', 'toString']) {
      const res = await get(sim, readPath('compte', code), headersFor(sim, 'CABA'));
      expect(res.status).toBe(400);
      expect((await json(res)).message).toBe(LOOP_MESSAGES.folderUnknown(code));
    }
  });
});

describe("bad input answers Loop's error shape, never a 500", () => {
  it('an unknown route, behind authentication', async () => {
    const sim = createTestLoop();
    const res = await get(sim, '/loop-api-publiques/nope?codeDossier=F1', headersFor(sim, 'CABA'));
    expect(res.status).toBe(404);
    expect(LoopErrorBodySchema.parse(await json(res)).code).toBe('NotFound');
  });

  it('a missing codeDossier, an unknown query parameter, a negative skip, a non-numeric take', async () => {
    const sim = createTestLoop();
    const h = headersFor(sim, 'CABA');
    const cases: [string, string][] = [
      ['/loop-api-publiques/compte', LOOP_MESSAGES.codeDossierMissing],
      ['/loop-api-publiques/compte?codeDossier=', LOOP_MESSAGES.codeDossierMissing],
      ['/loop-api-publiques/compte?codeDossier=F1&skip=-1', LOOP_MESSAGES.skipTake('skip')],
      ['/loop-api-publiques/compte?codeDossier=F1&take=abc', LOOP_MESSAGES.skipTake('take')],
      ['/loop-api-publiques/compte?codeDossier=F1&take=1.5', LOOP_MESSAGES.skipTake('take')],
    ];
    for (const [path, message] of cases) {
      const res = await get(sim, path, h);
      expect(res.status, path).toBe(400);
      const body = LoopErrorBodySchema.parse(await json(res));
      expect(body.message, path).toBe(message);
    }
    const unknown = await get(sim, '/loop-api-publiques/compte?codeDossier=F1&codedossier=F1', h);
    expect(unknown.status).toBe(400);
    expect(LoopErrorBodySchema.parse(await json(unknown)).code).toBe('ValidationError');
  });
});
