import { describe, expect, it } from 'vitest';
import { HOUR } from '../../../core/clock.js';
import {
  DOSSIER,
  OTHER_DOSSIER,
  OTHER_SIC,
  SIC,
  expectQuadraError,
  expectRejection,
  form,
  setup,
} from '../test-support.js';

describe('CFE token and SAS URL', () => {
  it("hands out a SAS URL for the dossier's container with the CFE key and secret", async () => {
    const h = setup();
    const s = await h.sas();
    expect(s.containerName).toBe(`${SIC}-main`);
    expect(s.blobServiceUri).toBe('http://localhost/CFE/blob');
    const params = new URLSearchParams(s.sasToken);
    expect(params.get('sp')).toBe('rw');
    expect(params.get('sr')).toBe('c');
    expect(Date.parse(params.get('se')!)).toBe(h.sim.clock.nowMs() + HOUR);
  });

  it('QDR-CFE-AUTH: a wrong CFE secret, an unknown key or the CPA key is refused, and nothing changes', async () => {
    const h = setup();
    const before = h.stateSnapshot();
    for (const overrides of <Record<string, string>[]>[
      { client_secret: 'nope' },
      { client_id: 'CFE-NOPE' },
      { client_id: h.firm().cpa.key, client_secret: h.firm().cpa.secret },
      { client_secret: h.firm(OTHER_SIC).cfe.secret },
    ]) {
      await expectRejection(await h.cfeTokenRequest(SIC, overrides), 'QDR-CFE-AUTH');
    }
    expect(h.stateSnapshot()).toBe(before);
  });

  it('QDR-CFE-NOT-ACTIVATED: without the last step of the Quadra guide, no container; validating the activation is the remedy', async () => {
    const h = setup({ firm: { cfe: { key: `CFE-${SIC}-KEY`, secret: `cfe-secret-${SIC}`, activated: false } } });
    const token = await h.cfeToken();
    const before = h.stateSnapshot();
    await expectRejection(await h.sasRequest(token), 'QDR-CFE-NOT-ACTIVATED');
    expect(h.stateSnapshot()).toBe(before);
    expect((await h.action('validate-cfe-activation', { sicCode: SIC })).status).toBe(200);
    expect((await h.sasRequest(token)).status).toBe(200);
  });

  it("QDR-CONTAINER-NOT-FOUND: the CFE key regenerated in Cegid Life no longer matches Quadra's settings, until the settings are updated", async () => {
    const h = setup();
    const regenerated = await h.action('regenerate-cfe-key', { sicCode: SIC });
    expect(regenerated.status).toBe(200);
    const token = await h.cfeToken();
    const before = h.stateSnapshot();
    const res = await h.sasRequest(token);
    await expectRejection(res, 'QDR-CONTAINER-NOT-FOUND');
    expect(h.stateSnapshot()).toBe(before);
    const updated = await h.action('update-quadra-settings', { sicCode: SIC, dossier: DOSSIER });
    expect(updated.body.result.cfeKeyInSettings).toBe(regenerated.body.result.key);
    expect((await h.sasRequest(token)).status).toBe(200);
  });

  it("QDR-CONTAINER-NOT-FOUND: no key in the dossier's settings, another firm's dossier, a dossier that does not exist", async () => {
    const h = setup({ dossier: { cfeKeyInSettings: null } });
    const token = await h.cfeToken();
    await expectRejection(await h.sasRequest(token), 'QDR-CONTAINER-NOT-FOUND');
    await expectRejection(await h.sasRequest(token, OTHER_DOSSIER), 'QDR-CONTAINER-NOT-FOUND');
    await expectRejection(await h.sasRequest(token, 'NOPE'), 'QDR-CONTAINER-NOT-FOUND');
    expect((await h.sasRequest(await h.cfeToken(OTHER_SIC), OTHER_DOSSIER)).status).toBe(200);
  });

  it('the old CFE key and its tokens stop working when the key is regenerated (QDR-CFE-AUTH)', async () => {
    const h = setup();
    const old = { client_id: h.firm().cfe.key, client_secret: h.firm().cfe.secret };
    const token = await h.cfeToken();
    await h.action('regenerate-cfe-key', { sicCode: SIC });
    await expectRejection(await h.cfeTokenRequest(SIC, old), 'QDR-CFE-AUTH');
    await expectQuadraError(await h.sasRequest(token), 401, 'invalid_token', /regenerated/);
  });

  it('refuses bad input: a CPA token, bad SAS options, a form with unknown fields', async () => {
    const h = setup();
    const before = h.stateSnapshot();
    await expectQuadraError(await h.sasRequest(await h.cpaToken()), 401, 'invalid_token', /not a CFE token/);
    const token = await h.cfeToken();
    const afterTokens = h.stateSnapshot();
    expect(afterTokens).not.toBe(before); // tokens are state: they survive a restart with --data
    await expectQuadraError(
      await h.sasRequest(token, DOSSIER, '?AccessMode=Delete'),
      400,
      'ValidationError',
      /AccessMode/,
    );
    await expectQuadraError(
      await h.sasRequest(token, DOSSIER, '?Minutes-To-Live=-5'),
      400,
      'ValidationError',
      /Minutes-To-Live/,
    );
    await expectQuadraError(await h.sasRequest(token, DOSSIER, '?foo=1'), 400, 'ValidationError', /foo/);
    const extra = await h.sim.app.request('/CFE/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ grant_type: 'client_credentials', client_id: 'a', client_secret: 'b', vendor_name: 'x' }),
    });
    await expectQuadraError(extra, 400, 'ValidationError', /vendor_name/);
    await expectQuadraError(
      await h.sim.app.request('/CFE/token', {
        method: 'POST',
        body: '{"client_id":1}',
        headers: { 'content-type': 'application/json' },
      }),
      415,
      'UnsupportedMediaType',
    );
    expect(h.stateSnapshot()).toBe(afterTokens);
  });

  it('a read-only SAS cannot upload', async () => {
    const h = setup();
    const res = await h.sasRequest(await h.cfeToken(), DOSSIER, '?AccessMode=Read&Minutes-To-Live=30');
    const s = (await res.json()) as { blobServiceUri: string; containerName: string; sasToken: string };
    const put = await h.sim.app.request(h.blobUrl(s, 'input/A.TXT'), {
      method: 'PUT',
      headers: { 'x-ms-blob-type': 'BlockBlob' },
      body: 'x',
    });
    await expectQuadraError(put, 403, 'AuthorizationPermissionMismatch');
    expect((await h.sim.app.request(`${h.blobUrl(s)}&restype=container&comp=list`)).status).toBe(200);
  });
});
