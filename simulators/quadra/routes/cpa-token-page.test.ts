import { describe, expect, it } from 'vitest';
import { getEntry } from '../../../contracts/catalogue/index.js';
import { SIC, VENDOR_NAME, expectQuadraError, expectRejection, form, setup } from '../test-support.js';

/**
 * The token request as the Quadra On Demand Open API page writes it (vendor-facts §2.3): the
 * client is a SIC code / key pair, `client_secret` is the api_key; errors are RFC 6749 §5.2's.
 */
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const post = (h: ReturnType<typeof setup>, fields: Record<string, string>, extra = '') =>
  h.sim.app.request('/QuadraODOpenApi/token', { method: 'POST', headers: FORM, body: form(fields) + extra });
const pageForm = (h: ReturnType<typeof setup>) => ({
  grant_type: 'client_credentials',
  client_id: SIC,
  client_secret: h.firm().cpa.key,
  vendor_name: VENDOR_NAME,
  application_name: 'Mon logiciel',
  application_version: '2.1',
});

describe('CPA token as the public page writes it', () => {
  it('client_id = the SIC code, client_secret = the CPA API key: a 10-hour bearer token', async () => {
    const h = setup();
    const res = await post(h, pageForm(h));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string; expires_in: number };
    expect(body.expires_in).toBe(36_000);
    expect((await h.cpa('GetDossiers', {}, body.access_token)).status).toBe(200);
  });

  it('the SIC code with a wrong key is QDR-CPA-AUTH, whose wire code is RFC 6749 invalid_client', async () => {
    const h = setup();
    expect(getEntry('QDR-CPA-AUTH').wire!.code).toBe('invalid_client');
    await expectRejection(await post(h, { ...pageForm(h), client_secret: 'CPA-not-the-key' }), 'QDR-CPA-AUTH');
    await expectRejection(await post(h, { ...pageForm(h), client_id: '999999' }), 'QDR-CPA-AUTH');
  });

  it('another grant is unsupported_grant_type; a missing or repeated parameter is invalid_request (RFC 6749 §5.2)', async () => {
    const h = setup();
    const before = h.stateSnapshot();
    await expectQuadraError(
      await post(h, { ...pageForm(h), grant_type: 'password' }),
      400,
      'unsupported_grant_type',
      /grant_type/,
    );
    const { vendor_name: _v, ...missing } = pageForm(h);
    await expectQuadraError(await post(h, missing), 400, 'invalid_request', /vendor_name/);
    await expectQuadraError(await post(h, pageForm(h), `&client_id=${SIC}`), 400, 'invalid_request', /client_id/);
    await expectQuadraError(await post(h, { ...pageForm(h), scope: 'compta' }), 400, 'invalid_scope', /scope/);
    expect(h.stateSnapshot()).toBe(before);
  });

  it("the page's own spelling client_Id is read as client_id (form names case-insensitive, as an OWIN/ASP.NET token endpoint reads them: inferred)", async () => {
    const h = setup();
    const { client_id, ...rest } = pageForm(h);
    const res = await post(h, { client_Id: client_id, ...rest });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { expires_in: number }).expires_in).toBe(36_000);
    const { grant_type, ...others } = rest;
    expect((await post(h, { ...others, CLIENT_ID: client_id, Grant_Type: grant_type })).status).toBe(200);
  });

  it("the page's first example as written (client_Id, app_request, no caller identification) is invalid_request naming what the page's text requires", async () => {
    const h = setup();
    const before = h.stateSnapshot();
    const first = {
      client_Id: SIC,
      grant_type: 'client_credentials',
      client_secret: h.firm().cpa.key,
      app_request: 'x',
    };
    await expectQuadraError(await post(h, first), 400, 'invalid_request', /vendor_name/);
    // The same name twice in two spellings is a repeated parameter, never one silently chosen.
    await expectQuadraError(await post(h, pageForm(h), `&client_Id=${SIC}`), 400, 'invalid_request', /client_id/);
    expect(h.stateSnapshot()).toBe(before);
  });

  it('an unrecognised parameter is ignored, as RFC 6749 §3.2 requires', async () => {
    const h = setup();
    expect((await post(h, { ...pageForm(h), locale: 'fr-FR' })).status).toBe(200);
  });
});
