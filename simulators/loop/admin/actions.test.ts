import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../contracts/catalogue/index.js';
import { own } from '../state/schema.js';
import { loopActions } from './actions.js';
import { json, setup } from '../test-support.js';

describe('Loop Hub and Loop admin actions', () => {
  it('lists the actions with their input schema', async () => {
    const loop = setup();
    const sim = loop.sim;
    const res = await sim.app.request('/__admin/actions');
    const names = (await json(res)).actions.map((a: { name: string }) => a.name);
    expect(names).toEqual([
      'generate-api-key',
      'revoke-api-key',
      'associate-folders',
      'dissociate-folders',
      'set-folder-archived',
      'set-connector',
      'set-connector-label',
      'set-collaborator-access',
      'set-fiscal-year',
      'set-journal',
      'upsert-compte',
      'upsert-tiers',
      'set-import-delay',
    ]);
  });

  it('generate-api-key: a deterministic 25-character key and 44-character secret that authenticate, seeing only the checked folders', async () => {
    const loop = setup();
    const res = await loop.action('generate-api-key', { domain: 'CABA', name: 'QONTO2', folders: ['F4'] });
    expect(res.status).toBe(200);
    const { result } = res.body;
    expect(result.key).toMatch(/^[A-Z0-9]{25}$/);
    expect(result.secret).toHaveLength(44);
    const headers = {
      'Ocp-Apim-Subscription-Key': result.subscriptionKey,
      'x-apikey': result.xApikey,
      'x-domain': result.domain,
    };
    expect((await loop.request('/loop-api-publiques/compte?codeDossier=F4', { headers: headers })).status).toBe(200);
    const f1 = await loop.request('/loop-api-publiques/compte?codeDossier=F1', { headers: headers });
    expect(f1.status).toBe(403);
    expect((await json(f1)).message).toBe(renderMessage('LOOP-FOLDER-NOT-ASSOCIATED', { folder: 'F1' }));

    const againLoop = setup();
    const same = (await againLoop.action('generate-api-key', { domain: 'CABA', name: 'QONTO2', folders: ['F4'] })).body;
    expect(same.result.key).toBe(result.key);
  });

  it('refuses unknown firms, folders, keys and journals with the admin error shape, changing nothing', async () => {
    const loop = setup();
    const before = loop.stateSnapshot();
    const cases: [string, unknown, number][] = [
      ['generate-api-key', { domain: 'NOPE', name: 'X' }, 404],
      ['generate-api-key', { domain: 'CABA', name: 'X', folders: ['BONLY'] }, 404],
      ['associate-folders', { domain: 'CABA', key: 'NOPE', folders: ['F1'] }, 404],
      ['set-connector', { domain: 'CABA', folder: 'BONLY', active: true }, 404],
      ['set-journal', { domain: 'CABA', folder: 'F1', journal: 'ZZ', ferme: true }, 404],
      ['set-fiscal-year', { domain: 'CABA', folder: 'F1', fiscalYearId: 'NEW', status: 'open' }, 400],
      [
        'set-fiscal-year',
        { domain: 'CABA', folder: 'F1', fiscalYearId: 'NEW', start: '2027-12-31', end: '2027-01-01', status: 'open' },
        400,
      ],
      ['set-import-delay', { domain: 'CABA', delay: 'soon' }, 400],
      ['upsert-compte', { domain: 'CABA', folder: 'BONLY', numero: '606400', libelle: 'X' }, 404],
      ['upsert-compte', { domain: 'CABA', folder: 'F1', numero: 'ABC', libelle: 'X' }, 400],
      ['upsert-compte', { domain: 'CABA', folder: 'F1', numero: '606400', libelle: '' }, 400],
      ['upsert-tiers', { domain: 'CABA', folder: 'BONLY', code: 'FNEW', name: 'X' }, 404],
      ['upsert-tiers', { domain: 'CABA', folder: 'F1', code: 'F-NEW', name: 'X' }, 400],
      ['upsert-tiers', { domain: 'CABA', folder: 'F1', code: 'FNEW', name: 'X', type: 'ami' }, 400],
      ['set-connector', { domain: 'CABA', folder: 'F1', active: 'yes' }, 400],
      ['set-connector', { domain: 'CABA', folder: 'F1', active: true, extra: 1 }, 400],
      // A name that would become a key no state can hold: refused by every action (it was a 500).
      [
        'set-fiscal-year',
        {
          domain: 'CABA',
          folder: 'F1',
          fiscalYearId: '__proto__',
          start: '2030-01-01',
          end: '2030-12-31',
          status: 'open',
        },
        400,
      ],
      [
        'set-fiscal-year',
        {
          domain: 'CABA',
          folder: 'F1',
          fiscalYearId: 'constructor',
          start: '2030-01-01',
          end: '2030-12-31',
          status: 'open',
        },
        400,
      ],
    ];
    for (const [action, input, status] of cases) {
      const res = await loop.action(action, input);
      expect(res.status, `${action} ${JSON.stringify(input)}`).toBe(status);
      expect(typeof res.body.message).toBe('string');
    }
    expect(loop.stateSnapshot()).toBe(before);
  });

  it('set-fiscal-year adds a year; set-import-delay takes a duration', async () => {
    const loop = setup();
    const sim = loop.sim;
    expect(
      (
        await loop.action('set-fiscal-year', {
          domain: 'CABA',
          folder: 'F1',
          fiscalYearId: '2027',
          start: '2027-01-01',
          end: '2027-12-31',
          status: 'open',
        })
      ).status,
    ).toBe(200);
    expect(sim.store.data.tenants.CABA!.folders.F1!.fiscalYears['2027']).toEqual({
      id: '2027',
      start: '2027-01-01',
      end: '2027-12-31',
      status: 'open',
      chartComplete: true,
    });
    expect((await loop.action('set-import-delay', { domain: 'CABA', delay: '1h30m' })).status).toBe(200);
    expect(sim.store.data.tenants.CABA!.importDelayMs).toBe(90 * 60_000);
  });

  it('upsert-compte renames an account, keeping its other fields, or creates one as Loop would', async () => {
    const loop = setup();
    const sim = loop.sim;
    const folder = () => sim.store.data.tenants.CABA!.folders.F1!;
    const [numero, before] = Object.entries(folder().comptes)[0]!;
    expect(
      (await loop.action('upsert-compte', { domain: 'CABA', folder: 'F1', numero, libelle: 'Renamed in Loop' })).status,
    ).toBe(200);
    expect(folder().comptes[numero]).toEqual({ ...before, libelle: 'Renamed in Loop' });
    expect(own(folder().comptes, '606499')).toBeUndefined();
    expect(
      (
        await loop.action('upsert-compte', {
          domain: 'CABA',
          folder: 'F1',
          numero: '606499',
          libelle: 'Petit outillage',
        })
      ).status,
    ).toBe(200);
    expect(folder().comptes['606499']).toMatchObject({
      numero: '606499',
      libelle: 'Petit outillage',
      type: 6,
      ferme: false,
    });
  });

  it('upsert-tiers: a new third party of its type under its collective, or a rename keeping its identity', async () => {
    const loop = setup();
    const sim = loop.sim;
    await loop.action('upsert-tiers', {
      domain: 'CABA',
      folder: 'F1',
      code: 'FNEW',
      name: 'Nouveau',
      type: 'fournisseur',
    });
    const created = own(own(sim.store.data.tenants, 'CABA')!.folders, 'F1')!.tiers.FNEW!;
    expect(created).toMatchObject({ code: 'FNEW', type: 1, raisonSociale: 'Nouveau', compteContrepartie: '401000' });
    await loop.action('upsert-tiers', { domain: 'CABA', folder: 'F1', code: 'FNEW', name: 'Nouveau nom' });
    const renamed = own(own(sim.store.data.tenants, 'CABA')!.folders, 'F1')!.tiers.FNEW!;
    expect(renamed).toMatchObject({ type: 1, raisonSociale: 'Nouveau nom', objectId: created.objectId });
  });

  it('set-connector: the connector is selected by the name the Action column shows, "Regate by Qonto" where Loop still lists it so', async () => {
    const loop = setup();
    const sim = loop.sim;
    const folder = () => own(own(sim.store.data.tenants, 'CABA')!.folders, 'F1')!;
    await loop.action('set-connector', { domain: 'CABA', folder: 'F1', active: false });
    await loop.action('set-connector-label', { domain: 'CABA', label: 'Regate by Qonto' });
    const before = loop.stateSnapshot();
    const wrongName = await loop.action('set-connector', {
      domain: 'CABA',
      folder: 'F1',
      active: true,
      connector: 'Qonto',
    });
    expect(wrongName.status).toBe(404);
    expect(wrongName.body.message).toMatch(/lists it as "Regate by Qonto"/);
    expect(loop.stateSnapshot()).toBe(before);
    const res = await loop.action('set-connector', {
      domain: 'CABA',
      folder: 'F1',
      active: true,
      connector: 'Regate by Qonto',
    });
    expect(res.body.result).toEqual({ folder: 'F1', connector: 'Regate by Qonto', connectorActive: true });
    expect(folder().connectorActive).toBe(true);
  });

  it('set-collaborator-access: a folder taken from a collaborator who had them all, given back, and every folder granted or revoked', async () => {
    const loop = setup();
    const sim = loop.sim;
    const access = () => own(sim.store.data.tenants, 'CABA')!.collaboratorAccess;
    const folders = Object.keys(own(sim.store.data.tenants, 'CABA')!.folders);
    // The collaborator of CABA's key (the only collaborators the simulator knows are its keys').
    const who = Object.values(own(sim.store.data.tenants, 'CABA')!.apiKeys)[0]!.collaborateur;
    await loop.action('set-collaborator-access', { domain: 'CABA', collaborator: who, folder: 'F1', access: false });
    expect(Object.keys(access()![who]!.folders).sort()).toEqual(folders.filter((f) => f !== 'F1').sort());
    await loop.action('set-collaborator-access', { domain: 'CABA', collaborator: who, folder: 'F1', access: true });
    expect(Object.keys(access()![who]!.folders).sort()).toEqual([...folders].sort());
    await loop.action('set-collaborator-access', { domain: 'CABA', collaborator: who, access: false });
    expect(access()![who]).toEqual({ folders: {} });
    await loop.action('set-collaborator-access', { domain: 'CABA', collaborator: who, access: true });
    expect(access()).toEqual({});
    const before = loop.stateSnapshot();
    expect(
      (
        await loop.action('set-collaborator-access', {
          domain: 'CABA',
          collaborator: who,
          folder: 'NOPE',
          access: true,
        })
      ).status,
    ).toBe(404);
    expect(loop.stateSnapshot()).toBe(before);
    const madeUp = await loop.action('set-collaborator-access', {
      domain: 'CABA',
      collaborator: 'nobody@cabinet',
      access: false,
    });
    expect(madeUp.status).toBe(404);
    expect(madeUp.body).toEqual({ error: 'not-found', message: 'No collaborator nobody@cabinet in firm CABA' });
    expect(loop.stateSnapshot()).toBe(before);
  });

  it('generate-api-key refuses a key value another firm holds (409), and sees that firm revoke it or go away', async () => {
    const loop = setup();
    const sim = loop.sim;
    const input = { domain: 'CABA', name: 'QONTO2', folders: ['F4'] };
    const first = await loop.action('generate-api-key', input);
    expect(first.status).toBe(200);
    const key = first.body.result.key as string;
    // CABB is given the same key value (a seed may; generate-api-key never does), CABA's is revoked:
    // generating again on the same frozen instant draws that value again.
    const cabb = structuredClone(own(sim.store.data.tenants, 'CABB')!);
    cabb.apiKeys[key] = { ...structuredClone(own(sim.store.data.tenants, 'CABA')!.apiKeys[key]!), folders: {} };
    const putCabb = async () =>
      sim.app.request('/__admin/tenants/CABB', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(cabb),
      });
    expect((await putCabb()).status).toBe(200);
    expect((await loop.action('revoke-api-key', { domain: 'CABA', key })).status).toBe(200);
    const before = loop.stateSnapshot();
    const taken = await loop.action('generate-api-key', input);
    expect(taken.status).toBe(409);
    expect(taken.body.error).toBe('conflict');
    expect(loop.stateSnapshot()).toBe(before);
    // CABB's key revoked: the value is free again, and generated for CABA.
    expect((await loop.action('revoke-api-key', { domain: 'CABB', key })).status).toBe(200);
    const again = await loop.action('generate-api-key', input);
    expect(again.status).toBe(200);
    expect(again.body.result.key).toBe(key);
    // Held again by CABB, then CABB removed altogether: free once more.
    expect((await loop.action('revoke-api-key', { domain: 'CABA', key })).status).toBe(200);
    expect((await putCabb()).status).toBe(200);
    expect((await loop.action('generate-api-key', input)).status).toBe(409);
    expect((await sim.app.request('/__admin/tenants/CABB', { method: 'DELETE' })).status).toBe(200);
    expect((await loop.action('generate-api-key', input)).status).toBe(200);
  });

  it('builds each input schema once: two simulators share them', () => {
    const holders = { holders: () => [] };
    const first = loopActions(holders);
    const second = loopActions(holders);
    expect(second.map((a) => a.name)).toEqual(first.map((a) => a.name));
    second.forEach((action, i) => expect(action.input).toBe(first[i]!.input));
  });
});
