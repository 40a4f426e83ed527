import { describe, expect, it } from 'vitest';
import type { SageFile } from '../../../contracts/sage-ge/wire.js';
import {
  ENTITY,
  FILE,
  OTHER_FILE,
  OTHER_SECRETS,
  entryBody,
  expectRejection,
  expectSageError,
  setup,
  type Harness,
} from '../test-support.js';

const listFiles = async (h: Harness) => {
  const res = await h.request('/api/v1/files');
  expect(res.status).toBe(200);
  return (await res.json()) as { entity: { id: string; name: string }; files: SageFile[] };
};

/** Every vendor route a connector calls, with a valid request for the main file. */
const vendorCalls = (h: Harness, fileId = FILE) => [
  () => h.request('/api/v1/files'),
  () => h.request(h.api(fileId, 'fiscal-years')),
  () => h.request(h.api(fileId, 'accounts')),
  () => h.request(h.api(fileId, 'subsidiary-accounts')),
  () => h.request(h.api(fileId, 'journals')),
  () => h.request(h.api(fileId, 'third-parties')),
  () =>
    h.request(h.api(fileId, 'third-parties'), {
      method: 'PUT',
      json: {
        thirdParties: [{ type: 'supplier', name: 'Acme', subsidiaryAccount: 'FACME', collectiveAccount: '401000' }],
      },
    }),
  () => h.request(h.api(fileId, 'entries'), { method: 'POST', json: entryBody() }),
  () => h.request(h.api(fileId, 'entries')),
];

describe('Sage GE access: credentials, API rights and the Marketplace connector', () => {
  describe('credentials (the GE identifier)', () => {
    it('refuses a request without the GE identifier, or with an unknown one, with 401 and no change', async () => {
      const h = setup();
      const variants: Record<string, string>[] = [
        {},
        { authorization: 'Bearer not-a-known-identifier-000' },
        { authorization: 'Basic Zm9vOmJhcg==' },
        { authorization: 'Bearer' },
      ];
      for (const headers of variants) {
        for (const call of [
          () => h.request(h.api(FILE, 'entries'), { method: 'POST', json: entryBody(), headers, as: null }),
          () => h.request('/api/v1/files', { headers, as: null }),
        ]) {
          const before = h.stateSnapshot();
          await expectSageError(await call(), 401, 'Unauthorized');
          expect(h.stateSnapshot()).toBe(before);
        }
      }
    });

    it('follows the admin plane: a new entity is reachable at once, a changed identifier leaves the old one unknown (401)', async () => {
      const h = setup();
      const admin = (path: string, init: { method: string; body?: unknown }) =>
        h.sim.app.request(`/__admin${path}`, {
          method: init.method,
          headers: { 'content-type': 'application/json' },
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
        });
      const entity = structuredClone(h.sim.store.data.tenants[ENTITY]!);
      const oldIdentifier = entity.geIdentifier;
      const moved = { ...entity, id: 'ENT-C', geIdentifier: 'GE-ENT-C-0000000000000001' };
      expect((await admin('/tenants/ENT-C', { method: 'PUT', body: moved })).status).toBe(200);
      const c = await h.request('/api/v1/files', {
        headers: { authorization: `Bearer ${moved.geIdentifier}` },
        as: null,
      });
      expect(((await c.json()) as { entity: { id: string } }).entity.id).toBe('ENT-C');
      expect(
        (
          await admin(`/tenants/${ENTITY}`, {
            method: 'PUT',
            body: { ...entity, geIdentifier: 'GE-ENT-A-0000000000000009' },
          })
        ).status,
      ).toBe(200);
      await expectSageError(
        await h.request('/api/v1/files', { headers: { authorization: `Bearer ${oldIdentifier}` }, as: null }),
        401,
        'Unauthorized',
      );
      expect(
        (await h.request('/api/v1/files', { headers: { authorization: 'Bearer GE-ENT-A-0000000000000009' }, as: null }))
          .status,
      ).toBe(200);
      expect((await admin('/tenants/ENT-C', { method: 'DELETE' })).status).toBe(200);
      await expectSageError(
        await h.request('/api/v1/files', { headers: { authorization: `Bearer ${moved.geIdentifier}` }, as: null }),
        401,
        'Unauthorized',
      );
    });

    it('picks the entity by its identifier: each firm sees only its files', async () => {
      const h = setup();
      const a = await listFiles(h);
      expect(a.entity).toEqual({ id: ENTITY, name: `Cabinet ${ENTITY}` });
      expect(a.files.map((f) => f.id)).toEqual([FILE]);
      const b = (await (await h.request('/api/v1/files', { as: 'ENT-B' })).json()) as { files: SageFile[] };
      expect(b.files.map((f) => f.id)).toEqual([OTHER_FILE]);
    });
  });

  describe("another entity's file", () => {
    it("is a 404 indistinguishable from a file that does not exist, on every route, with no byte of the other firm's data", async () => {
      const h = setup();
      const unknown = 'no-such-file';
      const other = vendorCalls(h, OTHER_FILE).slice(1);
      const missing = vendorCalls(h, unknown).slice(1);
      for (let i = 0; i < other.length; i++) {
        const before = h.stateSnapshot();
        const { text } = await expectSageError(await other[i]!(), 404, 'FileNotFound');
        for (const secret of OTHER_SECRETS) expect(text).not.toContain(secret);
        const { text: missingText } = await expectSageError(await missing[i]!(), 404, 'FileNotFound');
        expect(text.replaceAll(OTHER_FILE, '<id>')).toBe(missingText.replaceAll(unknown, '<id>'));
        expect(h.stateSnapshot()).toBe(before);
      }
    });

    it("does not reveal another file's entries by id", async () => {
      const h = setup();
      const pushed = await h.push(entryBody(), { as: 'ENT-B', fileId: OTHER_FILE });
      expect(pushed.status).toBe(202);
      await expectSageError(await h.request(h.api(OTHER_FILE, `entries/${pushed.body.id}`)), 404, 'FileNotFound');
      // The same entry id in A's own file is simply not there.
      await expectSageError(await h.request(h.api(FILE, `entries/${pushed.body.id}`)), 404, 'EntryNotFound');
    });
  });

  describe('SGE-API-RIGHTS-MISSING', () => {
    it('refuses every vendor route with 403 and the catalogue message, changing nothing, until the right is signed', async () => {
      const h = setup({ entity: { apiRights: false } });
      for (const call of vendorCalls(h)) {
        const before = h.stateSnapshot();
        await expectRejection(await call(), 'SGE-API-RIGHTS-MISSING', { entity: `Cabinet ${ENTITY}` });
        expect(h.stateSnapshot()).toBe(before);
      }
      expect((await h.action('set-api-rights', { entityId: ENTITY, granted: true })).status).toBe(200);
      expect((await h.push(entryBody())).status).toBe(202);
    });
  });

  describe('SGE-ENTITY-CONNECTOR-INACTIVE', () => {
    it('refuses every vendor route with 403 while "Regate / Qonto" is not activated on the entity', async () => {
      const h = setup();
      await h.action('set-marketplace', { entityId: ENTITY, active: false });
      for (const call of vendorCalls(h)) {
        const before = h.stateSnapshot();
        await expectRejection(await call(), 'SGE-ENTITY-CONNECTOR-INACTIVE', { entity: `Cabinet ${ENTITY}` });
        expect(h.stateSnapshot()).toBe(before);
      }
      await h.action('set-marketplace', { entityId: ENTITY, active: true });
      expect((await h.push(entryBody())).status).toBe(202);
    });

    it('checks the API rights before the connector', async () => {
      const h = setup({ entity: { apiRights: false, connectorActive: false } });
      await expectRejection(await h.request('/api/v1/files'), 'SGE-API-RIGHTS-MISSING', {
        entity: `Cabinet ${ENTITY}`,
      });
    });
  });

  describe('SGE-FILE-CONNECTOR-INACTIVE', () => {
    it('lists the file as disconnected and refuses to read its data, with no change', async () => {
      const h = setup({ file: { connectorActive: false } });
      expect((await listFiles(h)).files[0]).toMatchObject({ id: FILE, connector: 'disconnected' });
      const name = h.file().name;
      for (const call of vendorCalls(h).slice(1, 6)) {
        const before = h.stateSnapshot();
        await expectRejection(await call(), 'SGE-FILE-CONNECTOR-INACTIVE', { file: name });
        expect(h.stateSnapshot()).toBe(before);
      }
      // Its entries remain readable: the connector polls the fate of what it already sent.
      expect((await h.request(h.api(FILE, 'entries'))).status).toBe(200);
    });

    it('still takes entries and their third parties into the Sage cloud (seed 002, error 8), where they wait', async () => {
      const h = setup({ file: { connectorActive: false } });
      const [put, post] = vendorCalls(h).slice(6, 8);
      expect((await put!()).status).toBe(200);
      expect((await post!()).status).toBe(202);
      expect(Object.keys(h.file().cloudQueue)).toHaveLength(1);
    });

    it("turns green once the box is checked again in the file's Marketplace", async () => {
      const h = setup({ file: { connectorActive: false } });
      expect((await h.action('set-marketplace', { entityId: ENTITY, fileId: FILE, active: true })).status).toBe(200);
      expect((await listFiles(h)).files[0]!.connector).toBe('connected');
      expect((await h.push(entryBody())).status).toBe(202);
    });
  });

  describe('SGE-BULK-ACTIVATION', () => {
    const never = { at: null, fiscalYears: [] };
    it('activates Qonto on every file at once, synchronizing the fiscal years of files never synchronized', async () => {
      const h = setup({
        file: { connectorActive: false, marketplaceFiscalYears: never },
        extraFiles: {
          second: { connectorActive: false, marketplaceFiscalYears: never },
          third: { connectorActive: false },
        },
      });
      const before = await listFiles(h);
      expect(before.files.map((f) => f.connector)).toEqual(['disconnected', 'disconnected', 'disconnected']);
      expect((await h.request(h.api('second', 'journals'))).status).toBe(403);
      const res = await h.action('bulk-activate', { entityId: ENTITY });
      expect(res).toEqual({
        status: 200,
        body: { ok: true, action: 'bulk-activate', result: { activated: [FILE, 'second', 'third'] } },
      });
      const after = await listFiles(h);
      expect(after.files.map((f) => [f.connector, f.configuration.status])).toEqual([
        ['connected', 'ok'],
        ['connected', 'ok'],
        ['connected', 'ok'],
      ]);
      for (const fileId of [FILE, 'second', 'third']) expect((await h.push(entryBody(), { fileId })).status).toBe(202);
    });

    it('activates only the selected files, and refuses an unknown one without activating any', async () => {
      const h = setup({ file: { connectorActive: false }, extraFiles: { second: { connectorActive: false } } });
      const before = h.stateSnapshot();
      expect((await h.action('bulk-activate', { entityId: ENTITY, fileIds: ['second', OTHER_FILE] })).status).toBe(404);
      expect(h.stateSnapshot()).toBe(before);
      expect((await h.action('bulk-activate', { entityId: ENTITY, fileIds: ['second'] })).status).toBe(200);
      expect((await listFiles(h)).files.map((f) => f.connector)).toEqual(['disconnected', 'connected']);
    });
  });
});
