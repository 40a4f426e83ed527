import { describe, expect, it } from 'vitest';
import { HOUR } from '../../../core/clock.js';
import { buildDossier, defaultCfeKey } from '../seed/builders.js';
import { DOSSIER, SIC, expectQuadraError, setup } from '../test-support.js';

/**
 * The dossier's blob container as the hub meets it (mutation testing, issue 18, found these
 * untested): SAS signatures that expire are cleaned up, Azure's own wording of a refused SAS, the
 * container of a firm's second dossier.
 */
describe('Quadra CFE container', () => {
  it("drops the dossier's expired SAS signatures when it hands out a new one, and keeps the live ones", async () => {
    const h = setup();
    const signatures = () => Object.keys(h.dossier().container.sas).sort();
    const sig = (s: { sasToken: string }) => new URLSearchParams(s.sasToken).get('sig')!;
    const first = sig(await h.sas());
    await h.advance(HOUR / 2);
    const second = sig(await h.sas());
    expect(signatures()).toEqual([first, second].sort());
    // `first` (60 minutes to live) expires at this very instant: expired, so dropped.
    await h.advance(HOUR / 2);
    const third = sig(await h.sas());
    expect(signatures()).toEqual([second, third].sort());
  });

  it("refuses a forged or read-only SAS with Azure Storage's code and message", async () => {
    const h = setup();
    const put = (url: string) =>
      h.sim.app.request(url, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: 'M' });
    const s = await h.sas();
    const forged = { ...s, sasToken: s.sasToken.replace(/sig=[^&]+/, 'sig=forged') };
    await expectQuadraError(
      await put(h.blobUrl(forged, 'input/A.TXT')),
      403,
      'AuthenticationFailed',
      'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
    );
    const res = await h.sasRequest(await h.cfeToken(), DOSSIER, '?AccessMode=Read');
    const readOnly = (await res.json()) as typeof s;
    await expectQuadraError(
      await put(h.blobUrl(readOnly, 'input/A.TXT')),
      403,
      'AuthorizationPermissionMismatch',
      'This request is not authorized to perform this operation using this permission.',
    );
    expect(h.blobPaths()).toEqual([]);
  });

  it('signs the permissions: a SAS whose sp was edited is refused, for reading as for writing', async () => {
    const h = setup();
    const s = await h.sas();
    // An Azure SAS names its service version, a date (sv=YYYY-MM-DD).
    expect(new URLSearchParams(s.sasToken).get('sv')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const narrowed = { ...s, sasToken: s.sasToken.replace('sp=rw', 'sp=r') };
    await expectQuadraError(
      await h.sim.app.request(`${h.blobUrl(narrowed)}&restype=container&comp=list`),
      403,
      'AuthenticationFailed',
    );
    const res = await h.sasRequest(await h.cfeToken(), DOSSIER, '?AccessMode=Read');
    const readOnly = (await res.json()) as typeof s;
    const widened = { ...readOnly, sasToken: readOnly.sasToken.replace('sp=r', 'sp=rw') };
    const put = await h.sim.app.request(h.blobUrl(widened, 'input/A.TXT'), {
      method: 'PUT',
      headers: { 'x-ms-blob-type': 'BlockBlob' },
      body: 'M',
    });
    await expectQuadraError(put, 403, 'AuthenticationFailed');
    expect(h.blobPaths()).toEqual([]);
  });

  it("finds the container of a firm's second dossier, named in lower case with '-' for '_'", async () => {
    const h = setup({
      tweak: (state) => {
        const second = buildDossier('Sud_Est', 2026, defaultCfeKey(SIC));
        state.tenants[SIC]!.dossiers[second.code] = second;
      },
    });
    const s = await h.upload('A', 'SECOND.TXT', 'Sud_Est');
    expect(s.containerName).toBe(`${SIC}-sud-est`);
    expect(h.blobPaths('Sud_Est')).toEqual(['input/SECOND.TXT']);
    expect(h.blobPaths()).toEqual([]);
  });
});
