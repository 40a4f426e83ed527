import { describe, expect, it } from 'vitest';
import { getEntry, renderMessage } from '../../../contracts/catalogue/index.js';
import { LoopErrorBodySchema } from '../../../contracts/loop/wire.js';
import { calendarYear } from '../seed/builders.js';
import { YEAR, headersFor, importBody, json, buildState, setup } from '../test-support.js';

/**
 * LOOP-AUTH's key lookup and LOOP-INCOMPLETE-FOLDER's prerequisites at their edges, through the
 * routes: a key that two firms' seeds share, a key and secret written with spaces around the
 * colon, a folder whose two open years are both incomplete, a folder with no account at all.
 */
const TIERS = '/loop-api-publiques/tiersClient?codeDossier=F1';
const IMPORT = '/loop-api-publiques/importJson';
const auth = getEntry('LOOP-AUTH');
const incomplete = getEntry('LOOP-INCOMPLETE-FOLDER');

/** CABA's QONTO key, copied as is into CABB's keys (generate-api-key would never do it; a seed may). */
function sharedKeyState() {
  const state = buildState();
  const key = Object.values(state.tenants.CABA!.apiKeys).find((k) => k.name === 'QONTO')!;
  state.tenants.CABB!.apiKeys[key.key] = { ...key, folders: { F1: true } };
  return { state, key };
}

const codes = async (res: Response) => {
  expect(res.status).toBe(200);
  return ((await json(res)) as { code: string }[]).map((t) => t.code);
};

async function expectAuthRefused(res: Response) {
  expect(res.status).toBe(auth.wire!.status);
  const body = LoopErrorBodySchema.parse(await json(res));
  expect(body.code).toBe(auth.wire!.code);
  expect(body.message).toBe(renderMessage('LOOP-AUTH'));
}

describe('LOOP-AUTH without x-domain: the key names the firm, the subscription key decides between seeds', () => {
  it("a key two firms' seeds share reaches the firm whose subscription key comes with it", async () => {
    const { state, key } = sharedKeyState();
    const loop = setup({ state: state });
    const sim = loop.sim;
    const as = (domain: string) => ({
      'Ocp-Apim-Subscription-Key': sim.store.data.tenants[domain]!.subscriptionKey,
      'x-apikey': `${key.key}:${key.secret}`,
    });
    // CSECRET is a third party of CABB's F1 only.
    expect(await codes(await loop.request(TIERS, { headers: as('CABB') }))).toContain('CSECRET');
    expect(await codes(await loop.request(TIERS, { headers: as('CABA') }))).not.toContain('CSECRET');
  });

  it('refuses, rather than guesses, when the two firms also share the subscription key', async () => {
    const { state, key } = sharedKeyState();
    state.tenants.CABB!.subscriptionKey = state.tenants.CABA!.subscriptionKey;
    const loop = setup({ state: state });
    const headers = {
      'Ocp-Apim-Subscription-Key': state.tenants.CABA!.subscriptionKey,
      'x-apikey': `${key.key}:${key.secret}`,
    };
    await expectAuthRefused(await loop.request(TIERS, { headers: headers }));
  });

  it('reads the key and its secret with spaces around the colon', async () => {
    const loop = setup();
    const sim = loop.sim;
    const h = headersFor(sim, 'CABA');
    const [key, secret] = h['x-apikey']!.split(':');
    expect(await codes(await loop.request(TIERS, { headers: { ...h, 'x-apikey': `${key} : ${secret}` } }))).toContain(
      'CDUPONT',
    );
    await expectAuthRefused(await loop.request(TIERS, { headers: { ...h, 'x-apikey': `${key} : ${secret}x` } }));
  });
});

describe('LOOP-INCOMPLETE-FOLDER names the first open fiscal year that is incomplete', () => {
  async function expectIncomplete(state: ReturnType<typeof buildState>, fiscalYear: string) {
    const loop = setup({ state: state });
    const sim = loop.sim;
    const before = loop.stateSnapshot();
    const res = await loop.request(IMPORT, {
      method: 'POST',
      headers: headersFor(sim, 'CABA'),
      json: importBody('F1'),
    });
    expect(res.status).toBe(incomplete.wire!.status);
    const body = LoopErrorBodySchema.parse(await json(res));
    expect(body.code).toBe(incomplete.wire!.code);
    expect(body.message).toBe(renderMessage('LOOP-INCOMPLETE-FOLDER', { folder: 'F1', fiscalYear }));
    expect(loop.stateSnapshot()).toBe(before);
  }

  it('the earlier of two incomplete open years, whatever order the folder lists them in', async () => {
    const state = buildState();
    // Ids that are not integers keep the order they were written in (an integer-like key would not).
    const later = { ...calendarYear(YEAR, 'open', false), id: 'exercice-a' };
    const earlier = { ...calendarYear(YEAR - 1, 'open', false), id: 'exercice-b' };
    state.tenants.CABA!.folders.F1!.fiscalYears = { [later.id]: later, [earlier.id]: earlier };
    await expectIncomplete(state, String(YEAR - 1));
  });

  it('a folder with no account at all, whatever the fiscal years say of their chart', async () => {
    const state = buildState();
    state.tenants.CABA!.folders.F1!.comptes = {};
    await expectIncomplete(state, String(YEAR - 1));
  });
});
