import { describe, expect, it } from 'vitest';
import { getEntry, renderMessage, type CatalogueId } from '../../../contracts/catalogue/index.js';
import type { EntryStatus, SageFile } from '../../../contracts/sage-ge/wire.js';
import { createVirtualClock } from '../../../core/clock.js';
import { createSageGeSimulator } from '../index.js';
import { SageGeStateSchema } from '../state/schema.js';
import { START, entryBody, expectRejectedEntry, expectRejection } from '../test-support.js';
import { sageGeDemoState } from './demo.js';

/** The demo a developer gets from `ledgersim start`: each catalogue case on its own file. */
function demo(seed = 1) {
  const sim = createSageGeSimulator({ clock: createVirtualClock({ start: START }), seed });
  const entity = (id: string) => sim.store.data.tenants[id]!;
  const as = (entityId: string) => ({ authorization: `Bearer ${entity(entityId).geIdentifier}` });
  const get = (entityId: string, path: string) => sim.app.request(path, { headers: as(entityId) });
  const push = async (entityId: string, fileId: string, body = entryBody()) => {
    const res = await sim.app.request(`/api/v1/files/${fileId}/entries`, {
      method: 'POST',
      headers: { ...as(entityId), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { res, body: (await res.clone().json()) as EntryStatus };
  };
  const open = async (entityId: string, fileId: string) => {
    const res = await sim.app.request('/__admin/actions/open-accounting', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entityId, fileId }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { result: { messages: string[]; blockedBy?: string } }).result;
  };
  const fate = async (entityId: string, fileId: string, body = entryBody()) => {
    const pushed = await push(entityId, fileId, body);
    expect(pushed.res.status).toBe(202);
    await open(entityId, fileId);
    return (await (await get(entityId, `/api/v1/files/${fileId}/entries/${pushed.body.id}`)).json()) as EntryStatus;
  };
  return { sim, entity, get, push, open, fate };
}

describe('the Sage GE demo seed', () => {
  it('is a valid state, and the same seed gives the same firms and identifiers', () => {
    const now = new Date(START);
    const a = sageGeDemoState(3, now);
    expect(SageGeStateSchema.safeParse(a).success).toBe(true);
    expect(sageGeDemoState(3, now)).toEqual(a);
    expect(sageGeDemoState(4, now).tenants['ENT-1']!.geIdentifier).not.toBe(a.tenants['ENT-1']!.geIdentifier);
    expect(Object.keys(a.tenants)).toEqual(['ENT-1', 'ENT-2', 'ENT-3']);
  });

  it("shows each file's connector and configuration as its case says", async () => {
    const d = demo();
    const res = await d.get('ENT-1', '/api/v1/files');
    expect(res.status).toBe(200);
    const files = ((await res.json()) as { files: SageFile[] }).files;
    const byId = Object.fromEntries(files.map((f) => [f.id, f]));
    const name = (id: string) => d.entity('ENT-1').files[id]!.name;
    const problem = (id: CatalogueId, params: Record<string, string>) => ({
      status: 'problem',
      problem: { code: getEntry(id).wire!.code, message: renderMessage(id, params) },
    });
    for (const id of [
      'healthy',
      'journal-locked',
      'analytics',
      'account-locked',
      'three-open-years',
      'import-cursor',
      'other-error',
    ]) {
      expect(byId[id], id).toMatchObject({ connector: 'connected', configuration: { status: 'ok' } });
    }
    expect(byId.disconnected!.connector).toBe('disconnected');
    expect(byId['fy-not-today']!.configuration).toEqual(
      problem('SGE-FY-NOT-COVERING-TODAY', { file: name('fy-not-today'), date: '2026-03-16' }),
    );
    expect(byId['fy-open-rules']!.configuration).toEqual(
      problem('SGE-FY-OPEN-RULES', { file: name('fy-open-rules'), years: '2024, 2025, 2026' }),
    );
    expect(byId['fy-incomplete']!.configuration).toEqual(
      problem('SGE-FY-INCOMPLETE', { file: name('fy-incomplete'), year: '2026' }),
    );
  });

  it('lets a developer hit each injection rejection by hand', async () => {
    const d = demo();
    expect((await d.fate('ENT-1', 'healthy')).status).toBe('injected');
    expectRejectedEntry(await d.fate('ENT-1', 'journal-locked'), 'SGE-JOURNAL-LOCKED');
    expectRejectedEntry(await d.fate('ENT-1', 'analytics'), 'SGE-ANALYTIC-AXIS-MISSING');
    expectRejectedEntry(await d.fate('ENT-1', 'account-locked'), 'SGE-ACCOUNT-LOCKED', { account: '606400' });
    expectRejectedEntry(
      await d.fate('ENT-1', 'three-open-years', entryBody({ postingDate: '2024-05-02', documentDate: '2024-05-02' })),
      'SGE-FY-NOT-LAST-TWO',
      { years: '2024' },
    );
    expectRejectedEntry(await d.fate('ENT-1', 'import-cursor'), 'SGE-IMPORT-CURSOR-LOCKED');
    expectRejectedEntry(await d.fate('ENT-1', 'other-error'), 'SGE-OTHER-ERROR', {}, 0);
  });

  it('has a disconnected file, an expired certificate and a firm without API rights', async () => {
    const d = demo();
    await expectRejection(await d.get('ENT-1', '/api/v1/files/disconnected/journals'), 'SGE-FILE-CONNECTOR-INACTIVE', {
      file: d.entity('ENT-1').files.disconnected!.name,
    });
    expect((await d.push('ENT-2', 'cert-expired')).res.status).toBe(202);
    const report = await d.open('ENT-2', 'cert-expired');
    expect(report).toMatchObject({
      messages: [renderMessage('SGE-STUCK-ADMIN-CERT-EXPIRED')],
      blockedBy: 'SGE-STUCK-ADMIN-CERT-EXPIRED',
    });
    await expectRejection(await d.get('ENT-3', '/api/v1/files'), 'SGE-API-RIGHTS-MISSING', {
      entity: d.entity('ENT-3').name,
    });
  });

  it('gives every demo file the PCG collectives, the five journals and third parties', () => {
    const state = sageGeDemoState(1, new Date(START));
    for (const entity of Object.values(state.tenants)) {
      for (const file of Object.values(entity.files)) {
        expect(
          Object.values(file.accounts)
            .filter((a) => a.collective)
            .map((a) => a.number),
          file.id,
        ).toEqual(['401000', '411000', '421000']);
        expect(Object.keys(file.journals).sort(), file.id).toEqual(['AC', 'BQ', 'NDF', 'OD', 'VE']);
        expect(Object.keys(file.thirdParties).length, file.id).toBe(6);
        for (const tp of Object.values(file.thirdParties))
          expect(file.subsidiaryAccounts[tp.subsidiaryAccount]?.collectiveAccount).toBe(tp.collectiveAccount);
      }
    }
  });
});
