import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../contracts/catalogue/index.js';
import {
  DOSSIER,
  SIC,
  buildState as quadraState,
  expectQuadraError,
  expectRejection,
  setup as quadra,
} from '../quadra/test-support.js';
import { ENTITY, OTHER_ENTITY, setup as sage } from '../sage-ge/test-support.js';
import {
  buildState as loopState,
  headersFor,
  setup as setupLoop,
  type Harness as LoopHarness,
} from '../loop/test-support.js';

// Every vendor authenticates through the kit's credential index (one look-up, not a scan of every
// tenant): what the index answers must follow every write at once, or a revoked credential would
// still open the books, or a new one be refused.

const JSON_BODY = { 'content-type': 'application/json' };
const put = (
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  path: string,
  body: unknown,
) => app.request(path, { method: 'PUT', headers: JSON_BODY, body: JSON.stringify(body) });

describe('Sage GE: the GE identifier', () => {
  it('a changed, a removed and a replaced identifier are seen by the very next request', async () => {
    const h = sage();
    const old = h.sim.store.data.tenants[ENTITY]!.geIdentifier;
    const files = (identifier: string) =>
      h.request('/api/v1/files', { as: null, headers: { authorization: `Bearer ${identifier}` } });
    expect((await files(old)).status).toBe(200);

    const changed = { ...structuredClone(h.sim.store.data.tenants[ENTITY]!), geIdentifier: 'GE-NEW-IDENTIFIER-01' };
    expect((await put(h.sim.app, `/__admin/tenants/${ENTITY}`, changed)).status).toBe(200);
    const refused = await files(old);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual([
      { $severity: 'error', $dataCode: 'Unauthorized', $message: 'Unknown GE identifier' },
    ]);
    expect((await files('GE-NEW-IDENTIFIER-01')).status).toBe(200);

    expect((await h.sim.app.request(`/__admin/tenants/${ENTITY}`, { method: 'DELETE' })).status).toBe(200);
    expect((await files('GE-NEW-IDENTIFIER-01')).status).toBe(401);

    // The whole state replaced: the old identifier now belongs to the other entity, and opens its files only.
    const state = structuredClone(h.sim.store.data);
    state.tenants[OTHER_ENTITY]!.geIdentifier = old;
    expect((await put(h.sim.app, '/__admin/state', state)).status).toBe(200);
    const other = await files(old);
    expect(other.status).toBe(200);
    expect(JSON.stringify(await other.json())).toContain('Dossier Confidentiel Bravo');
  });
});

describe('Loop: the subscription key and the API key, without x-domain', () => {
  const folders = (loop: LoopHarness, headers: Record<string, string>) =>
    loop.request('/loop-api-publiques/dossiers', { headers });
  const withoutDomain = ({ 'x-domain': _, ...headers }: Record<string, string>) => headers;
  const expectAuthRefused = async (res: Response) => {
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toBe(renderMessage('LOOP-AUTH'));
  };

  it('a changed subscription key, a removed key and a replaced state are seen by the very next request', async () => {
    const loop = setupLoop();
    const { sim } = loop;
    const old = withoutDomain(headersFor(sim, 'CABA'));
    expect((await folders(loop, old)).status).toBe(200);

    const firm = structuredClone(sim.store.data.tenants.CABA!);
    firm.subscriptionKey = 'sub-renewed'.padEnd(32, '0');
    expect((await put(sim.app, '/__admin/tenants/CABA', firm)).status).toBe(200);
    await expectAuthRefused(await folders(loop, old));
    const renewed = withoutDomain(headersFor(sim, 'CABA'));
    expect((await folders(loop, renewed)).status).toBe(200);

    firm.apiKeys = {};
    expect((await put(sim.app, '/__admin/tenants/CABA', firm)).status).toBe(200);
    await expectAuthRefused(await folders(loop, renewed));

    expect((await put(sim.app, '/__admin/state', loopState())).status).toBe(200);
    expect((await folders(loop, old)).status).toBe(200);
    await expectAuthRefused(await folders(loop, renewed));
  });

  it('two firms holding the same subscription key and API key: a tie is refused, not guessed', async () => {
    const state = loopState();
    const caba = state.tenants.CABA!;
    state.tenants.CABB!.subscriptionKey = caba.subscriptionKey;
    state.tenants.CABB!.apiKeys = structuredClone(caba.apiKeys);
    const loop = setupLoop({ state });
    const { sim } = loop; // loaded as is: the admin plane would have refused it (409)
    const headers = headersFor(sim, 'CABA');
    await expectAuthRefused(await folders(loop, withoutDomain(headers)));
    expect((await folders(loop, headers)).status).toBe(200); // x-domain says which firm
    // CABB gives the key up: CABA's is no longer shared, and the very next request finds it.
    const cabb = structuredClone(sim.store.data.tenants.CABB!);
    cabb.apiKeys = {};
    expect((await put(sim.app, '/__admin/tenants/CABB', cabb)).status).toBe(200);
    expect((await folders(loop, withoutDomain(headers))).status).toBe(200);
  });
});

describe('Quadra: keys, tokens and containers', () => {
  it('a removed token, a replaced state and a changed CPA key are seen by the very next request', async () => {
    const h = quadra();
    const token = await h.cpaToken();
    expect((await h.cpa('GetDossiers', {}, token)).status).toBe(200);

    const firm = structuredClone(h.firm());
    firm.tokens = {};
    expect((await put(h.sim.app, `/__admin/tenants/${SIC}`, firm)).status).toBe(200);
    await expectQuadraError(await h.cpa('GetDossiers', {}, token), 401, 'invalid_token', 'Unknown access token');

    const again = await h.cpaToken();
    expect((await h.cpa('GetDossiers', {}, again)).status).toBe(200);
    const oldKey = h.firm().cpa;
    const replaced = quadraState();
    replaced.tenants[SIC]!.cpa = { ...replaced.tenants[SIC]!.cpa, key: 'CPA-REPLACED-KEY' };
    expect((await put(h.sim.app, '/__admin/state', replaced)).status).toBe(200);
    await expectQuadraError(await h.cpa('GetDossiers', {}, again), 401, 'invalid_token', 'Unknown access token');
    await expectRejection(
      await h.cpaTokenRequest(SIC, { client_id: oldKey.key, client_secret: oldKey.secret }),
      'QDR-CPA-AUTH',
    );
    expect((await h.cpaTokenRequest(SIC, { client_id: 'CPA-REPLACED-KEY' })).status).toBe(200);
  });

  it('a container whose dossier is gone is not found, the moment it is gone', async () => {
    const h = quadra();
    const sas = await h.sas();
    const url = h.blobUrl(sas, 'input/ECRITURES.TXT');
    const upload = () =>
      h.sim.app.request(url, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: 'x' });
    expect((await upload()).status).toBe(201);
    const firm = structuredClone(h.firm());
    const dossier = firm.dossiers[DOSSIER]!;
    delete firm.dossiers[DOSSIER];
    firm.dossiers.RENAMED = { ...dossier, code: 'RENAMED' };
    expect((await put(h.sim.app, `/__admin/tenants/${SIC}`, firm)).status).toBe(200);
    await expectQuadraError(await upload(), 404, 'ContainerNotFound', 'The specified container does not exist.');
  });
});
