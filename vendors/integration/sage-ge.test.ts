import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getEntry, renderMessage } from '../../contracts/catalogue/index.js';
import { createVirtualClock } from '../../core/clock.js';
import { faultMix } from '../../simulators/kit/faults.js';
import { reachSimulator } from './reach-simulator.js';
import { createSageGeSimulator, type SageGeSimulator } from '../../simulators/sage-ge/index.js';
import { buildEntity, buildFile, calendarYear } from '../../simulators/sage-ge/seed/builders.js';
import { createHubEngine, type HubEngine } from '../../connectors/hub/engine.js';
import { bankEntry, expenseReportEntry, purchaseEntry, salesEntry } from '../../connectors/hub/entry-builders.js';
import { createSageGeConnector, SageGeCredentialsSchema } from '../../connectors/sage-ge/index.js';

const START = '2026-03-16T09:00:00.000Z';
const BASE = 'https://sage-ge.connector.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const THIRD_PARTIES = [
  { id: 'FBUREAU', kind: 'supplier' as const, name: 'Bureau Vallée', subsidiaryAccount: 'FBUREAU' },
  { id: 'CDUPONT', kind: 'customer' as const, name: 'Dupont SARL', subsidiaryAccount: 'CDUPONT' },
  { id: 'SMARTIN', kind: 'employee' as const, name: 'Sophie Martin', subsidiaryAccount: 'SMARTIN' },
];

interface World {
  sim: SageGeSimulator;
  hub: HubEngine;
  clock: ReturnType<typeof createVirtualClock>;
  openAccounting(): Promise<void>;
  action(name: string, body: object): Promise<void>;
}

/** A Sage GE simulator with one healthy file, and a hub linked to it through `baseUrl`. */
async function world(
  transport: 'msw' | 'http',
  fileOverrides: Parameters<typeof buildFile>[2] = {},
): Promise<World & { close(): Promise<void> }> {
  const clock = createVirtualClock({ start: START });
  const now = clock.now();
  const sim = createSageGeSimulator({
    clock,
    initialState: {
      tenants: {
        E1: buildEntity('E1', now, {
          geIdentifier: 'GE-IDENTIFIER-E1-0123456789',
          files: [buildFile('F1', now, fileOverrides)],
        }),
      },
    },
  });
  const { baseUrl, close } = await reachSimulator(server, sim.app, transport, BASE);
  const hub = createHubEngine({
    clock,
    connectorFor: (connection) =>
      createSageGeConnector({
        baseUrl,
        fetch: globalThis.fetch,
        credentials: SageGeCredentialsSchema.parse(connection.credentials),
        clock,
        sleep: async () => {},
      }),
  });
  const action = async (name: string, body: object) => {
    const res = await sim.app.request(`/__admin/actions/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entityId: 'E1', fileId: 'F1', ...body }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
  };
  return { sim, hub, clock, action, openAccounting: () => action('open-accounting', {}), close };
}

async function linked(w: World) {
  const connection = await w.hub.connect({
    vendor: 'sage-ge',
    credentials: { geIdentifier: 'GE-IDENTIFIER-E1-0123456789' },
  });
  if (!connection.ok) throw new Error(JSON.stringify(connection.error));
  const files = await w.hub.listVendorFiles(connection.value.id);
  expect(files.ok && files.value.map((f) => f.id)).toEqual(['F1']);
  const data = await w.hub.linkFile({
    clientFile: { id: 'C1', name: 'Client 1' },
    connectionId: connection.value.id,
    vendorFileId: 'F1',
  });
  expect(data.ok).toBe(true);
  for (const tp of THIRD_PARTIES) await w.hub.addThirdParty('C1', tp);
  return connection.value;
}

async function send(w: World, entry: Parameters<HubEngine['addEntry']>[0]) {
  await w.hub.addEntry(entry);
  await w.hub.markVerified(entry.id);
}

describe.each(['msw', 'http'] as const)('the Sage GE connector and the hub (%s)', (transport) => {
  it('links a file, pulls its reference data, and posts a purchase, a sale, an expense report and a bank entry', async () => {
    const w = await world(transport);
    try {
      await linked(w);
      const data = w.hub.store.data.referenceData.C1!;
      expect(data.accounts.find((a) => a.number === '401000')?.collective).toBe(true);
      expect(data.journals.map((j) => j.code)).toEqual(['AC', 'BQ', 'NDF', 'OD', 'VE']);
      expect(data.fiscalYears.filter((f) => f.status === 'open')).toHaveLength(2);

      const date = '2026-03-10';
      const entries = [
        purchaseEntry({ id: 'P1', clientFileId: 'C1', date }),
        salesEntry({ id: 'S1', clientFileId: 'C1', date }),
        expenseReportEntry({ id: 'N1', clientFileId: 'C1', date }),
        bankEntry({ id: 'B1', clientFileId: 'C1', date, label: 'Prélèvement SEPA Bureau Vallée facture mars 2026' }),
      ];
      for (const entry of entries) await send(w, entry);
      expect(entries.map((e) => w.hub.entry(e.id)!.status.status)).toEqual([
        'synchronizing',
        'synchronizing',
        'synchronizing',
        'synchronizing',
      ]);

      await w.openAccounting();
      await w.hub.synchronize('C1');
      expect(entries.map((e) => w.hub.entry(e.id)!.status.status)).toEqual(['posted', 'posted', 'posted', 'posted']);

      const geEntries = Object.values(w.sim.store.data.tenants.E1!.files.F1!.entries);
      expect(geEntries).toHaveLength(4);
      expect(geEntries.every((e) => e.status === 'injected')).toBe(true);
      const byTracking = new Map(geEntries.map((e) => [e.trackingCode, e]));
      for (const entry of entries) expect(byTracking.has(w.hub.entry(entry.id)!.trackingCode)).toBe(true);
      const bank = geEntries.find((e) => e.request.kind === 'bank')!;
      expect(bank.label).toBe('Prélèvement SEPA Bureau Vallée'.slice(0, 30));
      expect(bank.request.comment).toContain('Prélèvement SEPA Bureau Vallée facture mars 2026');
      expect(bank.attachmentsKept).toBe(1);
      const expense = geEntries.find((e) => e.request.kind === 'expense-report')!;
      expect(expense.request.documentNumber).toBe('QN1'); // no attachment: a technical number
      expect(Object.keys(w.sim.store.data.tenants.E1!.files.F1!.thirdParties)).toEqual(
        expect.arrayContaining(['FBUREAU', 'CDUPONT', 'SMARTIN']),
      );
    } finally {
      await w.close();
    }
  });
});

describe('rejections and remedies', () => {
  it('surfaces error 1 with its exact message and catalogue id, and posts after the remedy and "mark as verified"', async () => {
    const w = await world('msw');
    await linked(w);
    await w.action('set-journal-lock', { journal: 'AC', locked: true });
    await send(w, purchaseEntry({ id: 'P1', clientFileId: 'C1', date: '2026-03-10' }));
    await w.openAccounting();
    await w.hub.synchronize('C1');
    const failed = w.hub.entry('P1')!.status;
    expect(failed).toMatchObject({
      status: 'sync-failed',
      message: renderMessage('SGE-JOURNAL-LOCKED'),
      catalogueId: 'SGE-JOURNAL-LOCKED',
    });

    await w.action('set-journal-lock', { journal: 'AC', locked: false });
    await w.hub.markVerified('P1');
    await w.hub.synchronize(); // seed 002: a resend waits for Synchronize
    await w.openAccounting();
    await w.hub.synchronize('C1');
    expect(w.hub.entry('P1')!.status.status).toBe('posted');
    const geEntries = Object.values(w.sim.store.data.tenants.E1!.files.F1!.entries);
    expect(geEntries.map((e) => e.status)).toEqual(['rejected', 'injected']);
  });

  it('surfaces error 4 when a collective account has no subsidiary account, and posts once corrected', async () => {
    const w = await world('msw');
    await linked(w);
    const wrong = purchaseEntry({ id: 'P2', clientFileId: 'C1', date: '2026-03-10' });
    wrong.lines[2] = { generalAccount: '401000', debit: 0, credit: 12_000 };
    await send(w, wrong);
    await w.openAccounting();
    await w.hub.synchronize('C1');
    expect(w.hub.entry('P2')!.status).toMatchObject({
      status: 'sync-failed',
      message: renderMessage('SGE-COLLECTIVE-ACCOUNT', { account: '401000' }),
      catalogueId: 'SGE-COLLECTIVE-ACCOUNT',
    });
    await w.hub.editEntry(purchaseEntry({ id: 'P2', clientFileId: 'C1', date: '2026-03-10' }));
    await w.hub.markVerified('P2');
    await w.hub.synchronize();
    await w.openAccounting();
    await w.hub.synchronize('C1');
    expect(w.hub.entry('P2')!.status.status).toBe('posted');
  });

  it('takes a push on a disconnected file into the Sage cloud: synchronizing until reactivated (seed 002, error 8)', async () => {
    const w = await world('msw');
    await linked(w);
    await w.action('set-marketplace', { active: false });
    await send(w, purchaseEntry({ id: 'P3', clientFileId: 'C1', date: '2026-03-10' }));
    expect(w.hub.entry('P3')!.status).toMatchObject({ status: 'synchronizing' });
    expect(getEntry('SGE-FILE-CONNECTOR-INACTIVE').wire?.status).toBe(403);
  });

  it('holds an entry dated in a fiscal year that is not open: pending, never sent', async () => {
    const w = await world('msw', { fiscalYears: [calendarYear(2025, 'closed'), calendarYear(2026)] });
    await linked(w);
    await send(w, purchaseEntry({ id: 'OLD', clientFileId: 'C1', date: '2025-11-10' }));
    expect(w.hub.entry('OLD')!.status).toMatchObject({ status: 'pending', catalogueId: 'SGE-FY-NOT-OPEN-PENDING' });
    expect(w.sim.journal.list({ method: 'POST', path: '/entries' })).toHaveLength(0);
  });
});

describe('under faults', () => {
  it('posts every entry exactly once through 5xx, dropped connections, garbled answers and 429s', async () => {
    const w = await world('msw');
    await linked(w);
    for (const rule of faultMix(0.3)) w.sim.faults.add(rule); // 5xx, drops, garbled answers, 429s, latency
    const ids = Array.from({ length: 60 }, (_, i) => `E${i}`);
    for (const id of ids) await w.hub.addEntry(purchaseEntry({ id, clientFileId: 'C1', date: '2026-03-10' }));
    for (const id of ids) await w.hub.markVerified(id);
    await w.hub.synchronize();
    for (let round = 0; round < 10 && ids.some((id) => w.hub.entry(id)!.status.status === 'pending'); round++)
      await w.hub.synchronize('C1');
    w.sim.faults.clear();
    await w.openAccounting();
    await w.hub.synchronize('C1');
    expect(ids.filter((id) => w.hub.entry(id)!.status.status !== 'posted')).toEqual([]);
    const geEntries = Object.values(w.sim.store.data.tenants.E1!.files.F1!.entries);
    expect(geEntries).toHaveLength(60);
    expect(new Set(geEntries.map((e) => e.trackingCode)).size).toBe(60);
    expect(w.sim.journal.list({ limit: 10_000 }).filter((r) => r.fault).length).toBeGreaterThan(0);
  });
});
