import { describe, expect, it } from 'vitest';
import { HOUR } from '../../../core/clock.js';
import { OTHER_SIC, SIC, VENDOR_NAME, expectQuadraError, expectRejection, form, setup } from '../test-support.js';

describe('CPA token (POST /QuadraODOpenApi/token)', () => {
  it('issues a 10-hour bearer token for the CPA key and secret', async () => {
    const h = setup();
    const res = await h.cpaTokenRequest();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 36_000 });
    expect((await h.cpa('GetDossiers', {}, body.access_token)).status).toBe(200);
    await h.advance(10 * HOUR - 1);
    expect((await h.cpa('GetDossiers', {}, body.access_token)).status).toBe(200);
    await h.advance(1);
    await expectQuadraError(
      await h.cpa('GetDossiers', {}, body.access_token),
      401,
      'invalid_token',
      'The access token has expired; request a new one',
    );
  });

  it("QDR-CPA-AUTH: a wrong secret, an unknown key, or another firm's secret is refused, and nothing changes", async () => {
    const h = setup();
    const before = h.stateSnapshot();
    for (const overrides of <Record<string, string>[]>[
      { client_secret: 'wrong-secret' },
      { client_id: 'CPA-UNKNOWN' },
      { client_secret: h.firm(OTHER_SIC).cpa.secret },
      { client_id: h.firm(SIC).cfe.key, client_secret: h.firm(SIC).cfe.secret },
    ]) {
      await expectRejection(await h.cpaTokenRequest(SIC, overrides), 'QDR-CPA-AUTH');
    }
    expect(h.stateSnapshot()).toBe(before);
  });

  it('QDR-CPA-AUTH: the old key stops working when the CPA key is regenerated in Cegid Life, and its tokens with it', async () => {
    const h = setup();
    const old = { client_id: h.firm().cpa.key, client_secret: h.firm().cpa.secret };
    const token = await h.cpaToken();
    const regenerated = await h.action('regenerate-cpa-key', { sicCode: SIC });
    expect(regenerated.status).toBe(200);
    await expectRejection(await h.cpaTokenRequest(SIC, old), 'QDR-CPA-AUTH');
    await expectQuadraError(
      await h.cpa('GetDossiers', {}, token),
      401,
      'invalid_token',
      'The API key this token was issued for has been regenerated',
    );
    expect(h.firm().cpa.key).toBe(regenerated.body.result.key);
    expect((await h.cpaTokenRequest()).status).toBe(200);
  });

  it('QDR-CPA-NO-PORTAL: no Collaborative Portal access, no token and no method; granting it is the remedy', async () => {
    const h = setup();
    const token = await h.cpaToken();
    await h.action('set-portal-access', { sicCode: SIC, granted: false });
    const before = h.stateSnapshot();
    await expectRejection(await h.cpaTokenRequest(), 'QDR-CPA-NO-PORTAL');
    await expectRejection(await h.cpa('GetDossiers', {}, token), 'QDR-CPA-NO-PORTAL');
    await expectRejection(await h.cpa('GetComptes', { dossier: 'MAIN' }, token), 'QDR-CPA-NO-PORTAL');
    expect(h.stateSnapshot()).toBe(before);
    await h.action('set-portal-access', { sicCode: SIC, granted: true });
    expect((await h.cpaTokenRequest()).status).toBe(200);
    expect((await h.cpa('GetDossiers', {}, token)).status).toBe(200);
  });

  describe('bad input gets the vendor error shape, never a 500, and changes nothing', () => {
    const valid = (h: ReturnType<typeof setup>) => ({
      grant_type: 'client_credentials',
      client_id: h.firm().cpa.key,
      client_secret: h.firm().cpa.secret,
      vendor_name: VENDOR_NAME,
      application_name: 'Hub',
      application_version: '1',
    });
    const post = (h: ReturnType<typeof setup>, body: string, type?: string) =>
      h.sim.app.request('/QuadraODOpenApi/token', {
        method: 'POST',
        body,
        headers: type ? { 'content-type': type } : {},
      });

    it('refuses JSON, no content type, missing or repeated fields, a scope, another grant, a vendor_name that is not a GUID', async () => {
      const h = setup();
      const before = h.stateSnapshot();
      const v = valid(h);
      await expectQuadraError(await post(h, JSON.stringify(v), 'application/json'), 415, 'UnsupportedMediaType');
      await expectQuadraError(await post(h, form(v)), 415, 'UnsupportedMediaType');
      const { client_secret: _s, ...missing } = v;
      // RFC 6749 §5.2's codes: the route is OAuth 2.0's token endpoint.
      await expectQuadraError(
        await post(h, form(missing), 'application/x-www-form-urlencoded'),
        400,
        'invalid_request',
        /client_secret/,
      );
      await expectQuadraError(
        await post(h, form({ ...v, scope: 'all' }), 'application/x-www-form-urlencoded'),
        400,
        'invalid_scope',
        /scope/,
      );
      await expectQuadraError(
        await post(h, form({ ...v, grant_type: 'password' }), 'application/x-www-form-urlencoded'),
        400,
        'unsupported_grant_type',
        /grant_type/,
      );
      await expectQuadraError(
        await post(h, form({ ...v, vendor_name: 'Qonto' }), 'application/x-www-form-urlencoded'),
        400,
        'invalid_request',
        /vendor_name/,
      );
      await expectQuadraError(
        await post(h, `${form(v)}&client_id=twice`, 'application/x-www-form-urlencoded'),
        400,
        'invalid_request',
        /client_id/,
      );
      await expectQuadraError(await post(h, '%%%&&==&', 'application/x-www-form-urlencoded'), 400, 'invalid_request');
      expect(h.stateSnapshot()).toBe(before);
    });

    it('a GET on the token route, or an unknown method, is a 404 in the vendor shape', async () => {
      const h = setup();
      await expectQuadraError(await h.sim.app.request('/QuadraODOpenApi/token'), 404, 'NotFound');
      await expectQuadraError(await h.cpa('GetNothing'), 404, 'NotFound');
    });
  });
});
