import { describe, expect, it } from 'vitest';
import { getEntry, renderMessage } from '../../../contracts/catalogue/index.js';
import { LOOP_MESSAGES } from '../../../contracts/loop/messages.js';
import { LoopErrorBodySchema } from '../../../contracts/loop/wire.js';
import { headersFor, importBody, json, setup } from '../test-support.js';

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
      const loop = setup();
      const sim = loop.sim;
      const headers = change(headersFor(sim, 'CABA'));
      const before = loop.stateSnapshot();
      for (const res of [
        await loop.request(readPath('compte', 'F1'), { headers: headers }),
        await loop.request('/loop-api-publiques/importJson', { method: 'POST', headers: headers, json: importBody() }),
      ]) {
        expect(res.status).toBe(auth.wire!.status);
        const body = LoopErrorBodySchema.parse(await json(res));
        expect(body.code).toBe(auth.wire!.code);
        expect(body.message).toBe(renderMessage('LOOP-AUTH'));
      }
      expect(loop.stateSnapshot()).toBe(before);
    });
  }

  it('accepts the two headers the getting-started page names, without x-domain: the key says which firm', async () => {
    // GetStart.html: "Fill in the Authorization part with your subscription key" and "Add a x-apikey header".
    const loop = setup();
    const sim = loop.sim;
    const { 'x-domain': _, ...documented } = headersFor(sim, 'CABB');
    const res = await loop.request(readPath('tiersClient', 'F1'), { headers: documented });
    expect(res.status).toBe(200);
    // The firm comes from the key: CABB's own F1 (which alone has CSECRET), not CABA's F1.
    expect((await json(res)).map((t: { code: string }) => t.code)).toContain('CSECRET');
    const caba = headersFor(sim, 'CABA');
    const { 'x-domain': __, ...cabaDocumented } = caba;
    expect(
      (await json(await loop.request(readPath('tiersClient', 'F1'), { headers: cabaDocumented }))).map(
        (t: { code: string }) => t.code,
      ),
    ).not.toContain('CSECRET');
  });

  it('accepts the three parts, with spaces around them', async () => {
    const loop = setup();
    const sim = loop.sim;
    const h = headersFor(sim, 'CABA');
    const res = await loop.request(readPath('compte', 'F1'), { headers: { ...h, 'x-apikey': ` ${h['x-apikey']} ` } });
    expect(res.status).toBe(200);
  });

  it('refuses a revoked key', async () => {
    const loop = setup();
    const sim = loop.sim;
    const h = headersFor(sim, 'CABA');
    expect((await loop.action('revoke-api-key', { domain: 'CABA', key: h['x-apikey']!.split(':')[0] })).status).toBe(
      200,
    );
    const res = await loop.request(readPath('compte', 'F1'), { headers: h });
    expect(res.status).toBe(401);
    expect((await json(res)).message).toBe(renderMessage('LOOP-AUTH'));
  });
});

describe('a key sees only its associated folders, and never another firm', () => {
  const notAssociated = getEntry('LOOP-FOLDER-NOT-ASSOCIATED');

  it.each(READ_ROUTES)(
    'GET /%s: a folder of the firm not associated with the key is LOOP-FOLDER-NOT-ASSOCIATED',
    async (route) => {
      const loop = setup();
      const sim = loop.sim;
      const before = loop.stateSnapshot();
      const res = await loop.request(readPath(route, 'F4'), { headers: headersFor(sim, 'CABA') });
      expect(res.status).toBe(notAssociated.wire!.status);
      const body = await json(res);
      expect(body.code).toBe(notAssociated.wire!.code);
      expect(body.message).toBe(renderMessage('LOOP-FOLDER-NOT-ASSOCIATED', { folder: 'F4' }));
      expect(loop.stateSnapshot()).toBe(before);
    },
  );

  it.each(READ_ROUTES)("GET /%s: another firm's folder code does not exist on the domain", async (route) => {
    const loop = setup();
    const sim = loop.sim;
    const res = await loop.request(readPath(route, 'BONLY'), { headers: headersFor(sim, 'CABA') });
    expect(res.status).toBe(400);
    expect(await json(res)).toEqual({
      statusCode: 400,
      code: 'FolderNotFound',
      message: LOOP_MESSAGES.folderUnknown('BONLY'),
    });
  });

  it.each(READ_ROUTES)("GET /%s: a folder code both firms use answers the caller's own folder", async (route) => {
    const loop = setup();
    const sim = loop.sim;
    const mineRes = await loop.request(readPath(route, 'F1'), { headers: headersFor(sim, 'CABA') });
    const theirsRes = await loop.request(readPath(route, 'F1'), { headers: headersFor(sim, 'CABB') });
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
    const loop = setup();
    const sim = loop.sim;
    const before = loop.stateSnapshot();
    const h = headersFor(sim, 'CABA');
    const res = await loop.request('/loop-api-publiques/importJson', {
      method: 'POST',
      headers: h,
      json: importBody('F4'),
    });
    expect(res.status).toBe(notAssociated.wire!.status);
    expect((await json(res)).message).toBe(renderMessage('LOOP-FOLDER-NOT-ASSOCIATED', { folder: 'F4' }));
    const other = await loop.request('/loop-api-publiques/importJson', {
      method: 'POST',
      headers: h,
      json: importBody('BONLY'),
    });
    expect(other.status).toBe(400);
    expect((await json(other)).message).toBe(LOOP_MESSAGES.folderUnknown('BONLY'));
    expect(loop.stateSnapshot()).toBe(before);
  });

  it("GET /getstatus: another firm's import is unknown; an import of a folder since dissociated is LOOP-FOLDER-NOT-ASSOCIATED", async () => {
    const loop = setup();
    const sim = loop.sim;
    const theirs = await json(
      await loop.request('/loop-api-publiques/importJson', {
        method: 'POST',
        headers: headersFor(sim, 'CABB'),
        json: importBody('BONLY'),
      }),
    );
    const h = headersFor(sim, 'CABA');
    const res = await loop.request(
      `/loop-api-publiques/getstatus?accountingImportRequestId=${theirs.accountingImportRequestId}`,
      { headers: h },
    );
    expect(res.status).toBe(404);
    expect((await json(res)).message).toBe(LOOP_MESSAGES.importUnknown(theirs.accountingImportRequestId));

    const mine = await json(
      await loop.request('/loop-api-publiques/importJson', { method: 'POST', headers: h, json: importBody('F1') }),
    );
    expect(
      (
        await loop.request(
          `/loop-api-publiques/getstatus?accountingImportRequestId=${mine.accountingImportRequestId}`,
          { headers: h },
        )
      ).status,
    ).toBe(200);
    await loop.action('dissociate-folders', { domain: 'CABA', key: h['x-apikey']!.split(':')[0], folders: ['F1'] });
    const after = await loop.request(
      `/loop-api-publiques/getstatus?accountingImportRequestId=${mine.accountingImportRequestId}`,
      { headers: h },
    );
    expect(after.status).toBe(403);
    expect((await json(after)).message).toBe(renderMessage('LOOP-FOLDER-NOT-ASSOCIATED', { folder: 'F1' }));
  });

  it('associating the folder in Loop Hub makes it visible (the documented remedy)', async () => {
    const loop = setup();
    const sim = loop.sim;
    const h = headersFor(sim, 'CABA');
    expect((await loop.request(readPath('compte', 'F4'), { headers: h })).status).toBe(403);
    const res = await loop.action('associate-folders', {
      domain: 'CABA',
      key: h['x-apikey']!.split(':')[0],
      folders: ['F4'],
    });
    expect(res.status).toBe(200);
    expect((await loop.request(readPath('compte', 'F4'), { headers: h })).status).toBe(200);
  });

  it("a folder archived in Loop no longer exists on the domain for any route (LOOP-FOLDER-UNKNOWN, Loop's documented message); restored, it answers again", async () => {
    const loop = setup();
    const h = headersFor(loop.sim, 'CABA');
    const entry = getEntry('LOOP-FOLDER-UNKNOWN');
    const before = loop.stateSnapshot();
    expect((await loop.action('set-folder-archived', { domain: 'CABA', folder: 'F1', archived: true })).status).toBe(
      200,
    );
    for (const route of READ_ROUTES) {
      const res = await loop.request(readPath(route, 'F1'), { headers: h });
      expect(res.status, route).toBe(entry.wire!.status);
      const body = LoopErrorBodySchema.parse(await json(res));
      expect(body.code, route).toBe(entry.wire!.code);
      expect(body.message, route).toBe(renderMessage('LOOP-FOLDER-UNKNOWN', { folder: 'F1' }, 0, 'fr'));
    }
    const listed = await json(await loop.request('/loop-api-publiques/dossiers', { headers: h }));
    expect(JSON.stringify(listed)).not.toContain('"F1"');
    expect((await loop.action('set-folder-archived', { domain: 'CABA', folder: 'F1', archived: false })).status).toBe(
      200,
    );
    expect((await loop.request(readPath('compte', 'F1'), { headers: h })).status).toBe(200);
    expect(loop.stateSnapshot()).toBe(before);
  });

  it('a folder code named after an inherited property does not exist', async () => {
    const loop = setup();
    const sim = loop.sim;
    for (const code of ['__proto__', 'constructor', 'toString']) {
      const res = await loop.request(readPath('compte', code), { headers: headersFor(sim, 'CABA') });
      expect(res.status).toBe(400);
      expect((await json(res)).message).toBe(LOOP_MESSAGES.folderUnknown(code));
    }
  });
});

describe("bad input answers Loop's error shape, never a 500", () => {
  it('an unknown route, behind authentication', async () => {
    const loop = setup();
    const sim = loop.sim;
    const res = await loop.request('/loop-api-publiques/nope?codeDossier=F1', { headers: headersFor(sim, 'CABA') });
    expect(res.status).toBe(404);
    expect(LoopErrorBodySchema.parse(await json(res)).code).toBe('NotFound');
  });

  it('a missing codeDossier, an unknown query parameter, a negative skip, a non-numeric take', async () => {
    const loop = setup();
    const sim = loop.sim;
    const h = headersFor(sim, 'CABA');
    const cases: [string, string][] = [
      ['/loop-api-publiques/compte', LOOP_MESSAGES.codeDossierMissing],
      ['/loop-api-publiques/compte?codeDossier=', LOOP_MESSAGES.codeDossierMissing],
      ['/loop-api-publiques/compte?codeDossier=F1&skip=-1', LOOP_MESSAGES.skipTake('skip')],
      ['/loop-api-publiques/compte?codeDossier=F1&take=abc', LOOP_MESSAGES.skipTake('take')],
      ['/loop-api-publiques/compte?codeDossier=F1&take=1.5', LOOP_MESSAGES.skipTake('take')],
    ];
    for (const [path, message] of cases) {
      const res = await loop.request(path, { headers: h });
      expect(res.status, path).toBe(400);
      const body = LoopErrorBodySchema.parse(await json(res));
      expect(body.message, path).toBe(message);
    }
    const unknown = await loop.request('/loop-api-publiques/compte?codeDossier=F1&codedossier=F1', { headers: h });
    expect(unknown.status).toBe(400);
    expect(LoopErrorBodySchema.parse(await json(unknown)).code).toBe('ValidationError');
  });
});
