import { describe, expect, it } from 'vitest';
import { getEntry } from '../../../contracts/catalogue/index.js';
import { DossiersResponseSchema } from '../../../contracts/loop/wire.js';
import { headersFor, json, setup } from '../test-support.js';

describe('GET /loop-api-publiques/dossiers: the folders associated with the key', () => {
  it("lists only the folders checked on the key in Loop Hub, with the connector's activation", async () => {
    const loop = setup();
    const sim = loop.sim;
    const res = await loop.request('/loop-api-publiques/dossiers', { headers: headersFor(sim, 'CABA') });
    expect(res.status).toBe(200);
    const body = DossiersResponseSchema.parse(await json(res));
    expect(body.data.map((d) => [d.codeDossier, d.connecteurActif])).toEqual([
      ['F1', true],
      ['F2', false],
      ['F3', true],
      ['F5', true],
    ]);
    expect(body.data[0]!.nom).toBe('BOULANGERIE MARTIN SAS');
  });

  it('follows Loop Hub: a folder associated later appears, a dissociated one goes', async () => {
    const loop = setup();
    const sim = loop.sim;
    const key = Object.values(sim.store.data.tenants.CABA!.apiKeys)[0]!;
    expect((await loop.action('associate-folders', { domain: 'CABA', key: key.key, folders: ['F4'] })).status).toBe(
      200,
    );
    expect((await loop.action('dissociate-folders', { domain: 'CABA', key: key.key, folders: ['F1'] })).status).toBe(
      200,
    );
    const body = DossiersResponseSchema.parse(
      await json(await loop.request('/loop-api-publiques/dossiers', { headers: headersFor(sim, 'CABA') })),
    );
    expect(body.data.map((d) => d.codeDossier)).toEqual(['F2', 'F3', 'F4', 'F5']);
  });

  it('shows another firm nothing of this one, and refuses wrong keys with LOOP-AUTH', async () => {
    const loop = setup();
    const sim = loop.sim;
    const other = DossiersResponseSchema.parse(
      await json(await loop.request('/loop-api-publiques/dossiers', { headers: headersFor(sim, 'CABB') })),
    );
    expect(other.data.map((d) => [d.codeDossier, d.nom])).toEqual([
      ['BONLY', expect.any(String)],
      ['F1', 'AUTRE CABINET F1'],
    ]);
    const wrong = await loop.request('/loop-api-publiques/dossiers', {
      headers: {
        ...headersFor(sim, 'CABA'),
        'x-apikey': 'NOPE:NOPE',
      },
    });
    expect(wrong.status).toBe(getEntry('LOOP-AUTH').wire!.status);
    expect((await json(wrong)).code).toBe(getEntry('LOOP-AUTH').wire!.code);
  });
});
