import { describe, expect, it } from 'vitest';
import { HOUR } from '../../../core/clock.js';
import { OTHER_DOSSIER, OTHER_SIC, asciiFile, expectQuadraError, purchaseLines, setup } from '../test-support.js';

describe("the dossier's CFE container (blob upload, list, read)", () => {
  it('stores an upload in input/ until the dossier is opened, and lists and reads it back', async () => {
    const h = setup();
    const bytes = asciiFile(purchaseLines());
    const s = await h.upload(bytes, 'ECR0001.TXT');
    expect(h.blobPaths()).toEqual(['input/ECR0001.TXT']);
    const list = await h.sim.app.request(`${h.blobUrl(s)}&restype=container&comp=list&prefix=input/`);
    expect(await list.json()).toMatchObject({
      containerName: s.containerName,
      blobs: [{ name: 'input/ECR0001.TXT', size: bytes.length, contentType: 'text/plain' }],
    });
    const read = await h.sim.app.request(h.blobUrl(s, 'input/ECR0001.TXT'));
    expect(new Uint8Array(await read.arrayBuffer())).toEqual(bytes);
    expect(await h.entries()).toEqual([]);
  });

  it('refuses a wrong, tampered or expired SAS, another container, and a missing blob type, and changes nothing', async () => {
    const h = setup();
    const s = await h.sas();
    const before = h.stateSnapshot();
    const put = (url: string, headers: Record<string, string> = { 'x-ms-blob-type': 'BlockBlob' }) =>
      h.sim.app.request(url, { method: 'PUT', headers, body: 'M' });
    const tampered = { ...s, sasToken: s.sasToken.replace(/sig=[^&]+/, 'sig=forged') };
    await expectQuadraError(await put(h.blobUrl(tampered, 'input/A.TXT')), 403, 'AuthenticationFailed');
    const stretched = {
      ...s,
      sasToken: s.sasToken.replace(/se=[^&]+/, `se=${encodeURIComponent('2099-01-01T00:00:00.000Z')}`),
    };
    await expectQuadraError(await put(h.blobUrl(stretched, 'input/A.TXT')), 403, 'AuthenticationFailed');
    await expectQuadraError(
      await put(h.blobUrl({ ...s, containerName: 'nope-nope' }, 'input/A.TXT')),
      404,
      'ContainerNotFound',
      'The specified container does not exist.',
    );
    const otherSas = await h.sas(OTHER_DOSSIER, OTHER_SIC);
    const crossed = { ...otherSas, sasToken: s.sasToken };
    await expectQuadraError(await put(h.blobUrl(crossed, 'input/A.TXT')), 403, 'AuthenticationFailed');
    await expectQuadraError(await put(h.blobUrl(s, 'input/A.TXT'), {}), 400, 'ValidationError', /x-ms-blob-type/);
    await expectQuadraError(await put(h.blobUrl(s, 'archive/rejected/A.TXT')), 404, 'NotFound');
    await expectQuadraError(await put(h.blobUrl(s, 'input/.hidden')), 400, 'ValidationError', /fileName/);
    await expectQuadraError(
      await h.sim.app.request(h.blobUrl(s, 'input/MISSING.TXT')),
      404,
      'BlobNotFound',
      'The specified blob does not exist.',
    );
    await expectQuadraError(
      await h.sim.app.request(h.blobUrl(s, 'input/A.TXT').replace(/\?.*$/, '')),
      400,
      'ValidationError',
    );
    const snapshotWithoutOtherSas = JSON.parse(h.stateSnapshot());
    delete snapshotWithoutOtherSas.tenants[OTHER_SIC];
    const beforeMine = JSON.parse(before);
    delete beforeMine.tenants[OTHER_SIC];
    expect(snapshotWithoutOtherSas).toEqual(beforeMine);
    await h.advance(HOUR);
    await expectQuadraError(await put(h.blobUrl(s, 'input/A.TXT')), 403, 'AuthenticationFailed');
    expect(h.blobPaths()).toEqual([]);
  });

  it('refuses a body larger than the limit with 413 in the vendor shape', async () => {
    const h = setup({ maxBodyBytes: 1000 });
    const s = await h.sas();
    const res = await h.sim.app.request(h.blobUrl(s, 'input/BIG.TXT'), {
      method: 'PUT',
      headers: { 'x-ms-blob-type': 'BlockBlob' },
      body: 'M'.repeat(2000),
    });
    await expectQuadraError(res, 413, 'PayloadTooLarge');
    expect(h.blobPaths()).toEqual([]);
  });
});
