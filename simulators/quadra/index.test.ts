import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../contracts/catalogue/index.js';
import { createVirtualClock } from '../../core/clock.js';
import { openFileStore } from '../../core/store.js';
import { DEFAULT_START, createQuadraSimulator, quadraDefinition } from './index.js';
import { QuadraStateSchema } from './state/schema.js';
import { VENDOR_NAME, asciiFile, expectQuadraError, purchaseLines, setup } from './test-support.js';

const tokenForm = (key: string, secret: string) =>
  new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: key,
    client_secret: secret,
    vendor_name: VENDOR_NAME,
    application_name: 'Hub',
    application_version: '1',
  }).toString();

describe('the Quadra simulator', () => {
  it('serves /openapi.json with the CPA and CFE routes', async () => {
    const h = setup();
    const doc = (await (await h.sim.app.request('/openapi.json')).json()) as {
      paths: Record<string, unknown>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/CFE/V1/getsastoken/{dossier}',
      '/CFE/blob/{container}',
      '/CFE/blob/{container}/archive/{status}/{fileName}',
      '/CFE/blob/{container}/input/{fileName}',
      '/CFE/token',
      '/QuadraODOpenApi/GetComptes',
      '/QuadraODOpenApi/GetDossiers',
      '/QuadraODOpenApi/GetEcritures',
      '/QuadraODOpenApi/GetExercices',
      '/QuadraODOpenApi/GetJournaux',
      '/QuadraODOpenApi/token',
    ]);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['cfeToken', 'cpaToken']);
  });

  it('answers an unknown route in the vendor shape', async () => {
    const h = setup();
    await expectQuadraError(await h.sim.app.request('/nowhere'), 404, 'NotFound', 'No route for GET /nowhere');
  });

  it('has a deterministic demo that matches its schema and prints credentials for ledgersim start', () => {
    const now = new Date(DEFAULT_START);
    const a = quadraDefinition.demo(7, now);
    expect(QuadraStateSchema.parse(a)).toEqual(a);
    expect(quadraDefinition.demo(7, now)).toEqual(a);
    expect(quadraDefinition.demo(8, now)).not.toEqual(a);
    const lines = quadraDefinition.credentials(a);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(`CPA key ${a.tenants['100001']!.cpa.key}`);
    expect(lines[0]).toContain('SAIN → container 100001-sain');
  });

  it('the demo reproduces each catalogue case by hand', async () => {
    const sim = createQuadraSimulator({ seed: 3 });
    const firm = sim.store.data.tenants['100001']!;
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      sim.app.request(path, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      });
    const cpa = (
      (await (await post('/QuadraODOpenApi/token', tokenForm(firm.cpa.key, firm.cpa.secret))).json()) as {
        access_token: string;
      }
    ).access_token;
    const call = (method: string, dossier: string) =>
      sim.app.request(`/QuadraODOpenApi/${method}?dossier=${dossier}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${cpa}` },
      });
    expect((await call('GetComptes', 'SAIN')).status).toBe(200);
    await expectQuadraError(
      await call('GetComptes', 'SANSEXO'),
      422,
      'AccountingPeriodNotOpen',
      renderMessage('QDR-PERIOD-NOT-OPEN', { file: 'SANSEXO' }),
    );
    await expectQuadraError(
      await call('GetComptes', 'INCOMPLET'),
      422,
      'IncompleteFile',
      renderMessage('QDR-INCOMPLETE-FILE', { file: 'INCOMPLET' }),
    );
    const cfe = (
      (await (
        await post(
          '/CFE/token',
          new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: firm.cfe.key,
            client_secret: firm.cfe.secret,
          }).toString(),
        )
      ).json()) as { access_token: string }
    ).access_token;
    await expectQuadraError(
      await sim.app.request('/CFE/V1/getsastoken/CLEFCFE', { headers: { authorization: `Bearer ${cfe}` } }),
      404,
      'ContainerNotFoundInSicSettings',
      'ContainerNotFoundInSicSettings',
    );
    const noPortal = sim.store.data.tenants['100002']!;
    await expectQuadraError(
      await post('/QuadraODOpenApi/token', tokenForm(noPortal.cpa.key, noPortal.cpa.secret)),
      403,
      'CollaborativePortalAccessRequired',
    );
    const notActivated = sim.store.data.tenants['100003']!;
    const cfe3 = (
      (await (
        await post(
          '/CFE/token',
          new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: notActivated.cfe.key,
            client_secret: notActivated.cfe.secret,
          }).toString(),
        )
      ).json()) as { access_token: string }
    ).access_token;
    await expectQuadraError(
      await sim.app.request('/CFE/V1/getsastoken/SAIN', { headers: { authorization: `Bearer ${cfe3}` } }),
      403,
      'CfeKeyNotActivated',
    );
    // ATTENTE: a file waits; opening the dossier imports it, the supplier account without label.
    const opened = await sim.app.request('/__admin/actions/open-dossier', {
      method: 'POST',
      body: JSON.stringify({ sicCode: '100001', dossier: 'ATTENTE' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(opened.status).toBe(200);
    sim.clock.advance(5 * 60_000);
    await sim.settled();
    const ecritures = (await (await call('GetEcritures', 'ATTENTE')).json()) as { Ecritures: unknown[] };
    expect(ecritures.Ecritures).toHaveLength(3);
    expect(sim.store.data.tenants['100001']!.dossiers.ATTENTE!.accounts['0DUPONT']).toMatchObject({
      label: '',
      type: 'F',
    });
  });

  it('keeps what it acknowledged across a restart with a data directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-quadra-'));
    try {
      const clock = createVirtualClock({ start: DEFAULT_START });
      const open = () =>
        openFileStore({ dir, name: 'quadra', schema: QuadraStateSchema, initial: () => setupState(), fsync: false });
      const first = createQuadraSimulator({ clock, store: await open() });
      const firm = first.store.data.tenants['500001']!;
      const cfe = (
        (await (
          await first.app.request('/CFE/token', {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({
              grant_type: 'client_credentials',
              client_id: firm.cfe.key,
              client_secret: firm.cfe.secret,
            }).toString(),
          })
        ).json()) as { access_token: string }
      ).access_token;
      const sas = (await (
        await first.app.request('/CFE/V1/getsastoken/MAIN', { headers: { authorization: `Bearer ${cfe}` } })
      ).json()) as { containerName: string; sasToken: string };
      const put = await first.app.request(`/CFE/blob/${sas.containerName}/input/A.TXT?${sas.sasToken}`, {
        method: 'PUT',
        headers: { 'x-ms-blob-type': 'BlockBlob' },
        body: asciiFile(purchaseLines()),
      });
      expect(put.status).toBe(201);
      await first.close();
      const second = createQuadraSimulator({ clock, store: await open() });
      expect(Object.keys(second.store.data.tenants['500001']!.dossiers.MAIN!.container.blobs)).toEqual(['input/A.TXT']);
      expect(
        (await second.app.request('/CFE/V1/getsastoken/MAIN', { headers: { authorization: `Bearer ${cfe}` } })).status,
      ).toBe(200);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

function setupState() {
  return JSON.parse(setup().stateSnapshot());
}
