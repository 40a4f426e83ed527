import { journalCodeOf } from '../../simulators/quadra/domain/journal-code.js';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getEntry, renderMessage } from '../../contracts/catalogue/index.js';
import type { AccountingEntry } from '../../contracts/hub/model.js';
import { decodeQuadraFile } from '../../contracts/quadra/ascii.js';
import { del } from '../../core/changes.js';
import { createVirtualClock, HOUR, nextNight } from '../../core/clock.js';
import { faultMix } from '../../simulators/kit/faults.js';
import { reachSimulator } from './reach-simulator.js';
import { createQuadraSimulator, type QuadraSimulator } from '../../simulators/quadra/index.js';
import {
  buildDossier,
  buildFirm,
  defaultCfeKey,
  type DossierOverrides,
} from '../../simulators/quadra/seed/builders.js';
import type { EntryState } from '../../simulators/quadra/state/schema.js';
import { createHubEngine, type HubEngine } from '../../connectors/hub/engine.js';
import { bankEntry, expenseReportEntry, purchaseEntry, salesEntry } from '../../connectors/hub/entry-builders.js';
import {
  createQuadraConnector,
  encodeEntryFile,
  QuadraCredentialsSchema,
  fileNameOf,
  pieceNumberOf,
  toQuadraLines,
  type QuadraCredentials,
} from '../../connectors/quadra/index.js';

const START = '2026-03-16T09:00:00.000Z';
const BASE = 'https://quadra.connector.test';
const SIC = '500001';
const DOSSIER = 'MAIN';
const DATE = '2026-03-10';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** What the accountant enters in the wizard: the four codes of the firm built by `buildFirm(SIC)`. */
const CREDENTIALS: QuadraCredentials = {
  cpaKey: `CPA-${SIC}-KEY`,
  cpaSecret: `cpa-secret-${SIC}`,
  cfeKey: defaultCfeKey(SIC),
  cfeSecret: `cfe-secret-${SIC}`,
  sicCode: SIC,
};

/**
 * The hub's four entries, on the dossier's journals (Quadra's sales journal is VT; the expense
 * report's NDF is a 3-character journal, written at column 111).
 */
const fourEntries = (): AccountingEntry[] => [
  purchaseEntry({ id: 'P1', clientFileId: 'C1', date: DATE }),
  salesEntry({ id: 'S1', clientFileId: 'C1', date: DATE, journal: 'VT' }),
  expenseReportEntry({ id: 'N1', clientFileId: 'C1', date: DATE }),
  bankEntry({ id: 'B1', clientFileId: 'C1', date: DATE, label: 'Prélèvement SEPA Bureau Vallée facture mars 2026' }),
];

interface World {
  sim: QuadraSimulator;
  hub: HubEngine;
  clock: ReturnType<typeof createVirtualClock>;
  baseUrl: string;
  connectionId: string;
  action(name: string, body?: object): Promise<any>;
  openDossier(): Promise<void>;
  /** Moves the shared virtual clock, lets the simulator publish, then runs the hub's scheduler. */
  advance(ms: number): Promise<void>;
  untilNight(): Promise<void>;
  send(entry: AccountingEntry): Promise<void>;
  /** The dossier's visible entries, grouped by piece number: piece → lines. */
  quadraEntries(): Map<string, EntryState[]>;
  requests(path: string): number;
  close(): Promise<void>;
}

async function world(transport: 'msw' | 'http', dossier: DossierOverrides = {}): Promise<World> {
  const clock = createVirtualClock({ start: START });
  const firm = buildFirm(SIC, { dossiers: [buildDossier(DOSSIER, 2026, defaultCfeKey(SIC), dossier)] });
  const sim = createQuadraSimulator({ clock, initialState: { tenants: { [SIC]: firm } } });
  const reached = await reachSimulator(server, sim.app, transport, BASE);
  const baseUrl = reached.baseUrl;
  const close = async () => {
    await reached.close();
    await sim.close();
  };
  const hub = createHubEngine({
    clock,
    connectorFor: (connection) =>
      createQuadraConnector({
        baseUrl,
        fetch: globalThis.fetch,
        credentials: QuadraCredentialsSchema.parse(connection.credentials),
        clock,
        sleep: async () => {},
      }),
  });
  await hub.runScheduler();
  const action = async (name: string, body: object = {}) => {
    const res = await sim.app.request(`/__admin/actions/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sicCode: SIC, ...body }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { result: unknown }).result;
  };
  const advance = async (ms: number) => {
    clock.advance(ms);
    await sim.settled();
    await hub.runScheduler();
  };
  return {
    sim,
    hub,
    clock,
    baseUrl,
    connectionId: '',
    action,
    openDossier: async () => void (await action('open-dossier', { dossier: DOSSIER })),
    advance,
    untilNight: () => advance(nextNight(clock.now()).getTime() - clock.nowMs()),
    async send(entry) {
      await hub.addEntry(entry);
      await hub.markVerified(entry.id);
    },
    quadraEntries() {
      const groups = new Map<string, EntryState[]>();
      for (const e of Object.values(sim.store.data.tenants[SIC]!.dossiers[DOSSIER]!.entries))
        groups.set(e.record.pieceNumber, [...(groups.get(e.record.pieceNumber) ?? []), e]);
      return groups;
    },
    requests: (path) => sim.journal.list({ path, limit: 10_000 }).length,
    close,
  };
}

async function linked(w: World, credentials: QuadraCredentials = CREDENTIALS) {
  const connection = await w.hub.connect({ vendor: 'quadra', credentials: { ...credentials } });
  if (!connection.ok) throw new Error(JSON.stringify(connection.error));
  w.connectionId = connection.value.id;
  const files = await w.hub.listVendorFiles(connection.value.id);
  expect(files.ok && files.value.map((f) => f.id)).toEqual([DOSSIER]);
  const data = await w.hub.linkFile({
    clientFile: { id: 'C1', name: 'Client 1' },
    connectionId: connection.value.id,
    vendorFileId: DOSSIER,
  });
  expect(data.ok, JSON.stringify(data)).toBe(true);
  return connection.value;
}

const statuses = (w: World, ids: readonly string[]) => ids.map((id) => w.hub.entry(id)!.status.status);

describe.each(['msw', 'http'] as const)('the Quadra connector and the hub (%s)', (transport) => {
  it('links a dossier, pulls its reference data, and posts a purchase, a sale, an expense report and a bank entry once the dossier is opened and the 12-hour read-back runs', async () => {
    const w = await world(transport);
    try {
      await linked(w);
      const data = w.hub.store.data.referenceData.C1!;
      expect(data.accounts.find((a) => a.number === '40100000')).toMatchObject({
        label: 'Fournisseurs',
        collective: true,
      });
      expect(data.accounts.find((a) => a.number === '60640000')?.collective).toBe(false);
      expect(data.journals.map((j) => [j.code, j.type, j.state])).toEqual([
        ['AC', 'purchase', 'open'],
        ['AN', 'opening', 'open'],
        ['BQ', 'bank', 'open'],
        ['NDF', 'expense-report', 'open'],
        ['OD', 'misc', 'open'],
        ['VT', 'sales', 'open'],
      ]);
      expect(data.fiscalYears).toEqual([
        { start: '2025-01-01', end: '2025-12-31', status: 'closed' },
        { start: '2026-01-01', end: '2026-12-31', status: 'open' },
      ]);

      const entries = fourEntries();
      const ids = entries.map((e) => e.id);
      for (const entry of entries) await w.send(entry);
      expect(statuses(w, ids)).toEqual(['synchronizing', 'synchronizing', 'synchronizing', 'synchronizing']);
      expect(w.hub.entry('P1')!.receipt).toMatchObject({
        vendorRef: fileNameOf('P1', 1),
        marker: pieceNumberOf(w.hub.entry('P1')!.trackingCode),
      });
      // Four files wait in the dossier's CFE container, one per entry, each entry's PDF beside its
      // file under the 8.3 name its lines carry at 182 (the expense report has none).
      const withPdf = entries.filter((e) => e.attachments.length > 0).map((e) => e.id);
      const pdfName = (id: string) => `${w.hub.entry(id)!.trackingCode}001.pdf`;
      expect(Object.keys(w.sim.store.data.tenants[SIC]!.dossiers[DOSSIER]!.container.blobs).sort()).toEqual(
        [...ids.map((id) => `input/${fileNameOf(id, 1)}`), ...withPdf.map((id) => `input/${pdfName(id)}`)].sort(),
      );

      // Nothing is read back before 12 hours.
      await w.advance(HOUR);
      expect(w.requests('/GetEcritures')).toBe(0);
      await w.openDossier();
      await w.advance(10 * HOUR);
      expect(statuses(w, ids)).toEqual(['synchronizing', 'synchronizing', 'synchronizing', 'synchronizing']);
      expect(w.requests('/GetEcritures')).toBe(0);

      await w.advance(HOUR); // 12 hours after sending
      expect(statuses(w, ids)).toEqual(['posted', 'posted', 'posted', 'posted']);
      expect(w.requests('/GetEcritures')).toBe(1);
      // The CPA token was older than 10 hours: the read-back asked for a new one instead of being refused.
      expect(w.sim.journal.list({ status: 401, limit: 100 })).toEqual([]);

      // Quadra holds exactly those four entries, found by their piece numbers, balanced, with no duplicate.
      const quadra = w.quadraEntries();
      expect([...quadra.keys()].sort()).toEqual(ids.map((id) => pieceNumberOf(w.hub.entry(id)!.trackingCode)).sort());
      for (const entry of entries) {
        const lines = quadra.get(pieceNumberOf(w.hub.entry(entry.id)!.trackingCode))!;
        expect(lines).toHaveLength(entry.lines.length);
        const signed = lines.reduce(
          (sum, l) => sum + (l.record.direction === 'D' ? l.record.amountCents : -l.record.amountCents),
          0,
        );
        expect(signed).toBe(0);
        expect(new Set(lines.map((l) => journalCodeOf(l.record)))).toEqual(new Set([entry.journal]));
      }
      const purchase = quadra.get(pieceNumberOf(w.hub.entry('P1')!.trackingCode))!;
      expect(purchase.map((l) => l.record.account)).toEqual(['60640000', '44566000', 'FBUREAU']);
      expect(purchase[0]!.record.pieceNumber8).toBe('FA-P1');
      expect(purchase.map((l) => l.record.attachment)).toEqual([pdfName('P1'), '', '']);
      // Taken in with the file: the document its line names is in the dossier, byte for byte.
      const shipped =
        w.sim.store.data.tenants[SIC]!.dossiers[DOSSIER]!.container.blobs[`archive/imported/${pdfName('P1')}`]!;
      expect(shipped.contentBase64).toBe(entries.find((e) => e.id === 'P1')!.attachments[0]!.content);
      const bank = quadra.get(pieceNumberOf(w.hub.entry('B1')!.trackingCode))!;
      expect(bank[0]!.record.longLabel).toBe('Prélèvement SEPA Bureau Vallée'.slice(0, 30));
      // Accounts Quadra did not know are created without a label (QDR-NO-LABELS).
      const accounts = w.sim.store.data.tenants[SIC]!.dossiers[DOSSIER]!.accounts;
      expect(accounts.FBUREAU).toMatchObject({ label: '', autoCreated: true });
      expect(accounts['62570000']).toMatchObject({ label: '', autoCreated: true });
    } finally {
      await w.close();
    }
  });
});

describe('the read-back', () => {
  it('re-checks an entry that never shows up on 3 nights, then moves it to "Failed check" because a later batch was posted', async () => {
    const w = await world('msw');
    try {
      await linked(w);
      await w.send(purchaseEntry({ id: 'LOST', clientFileId: 'C1', date: DATE }));
      // The file never reaches Quadra's import (own test setup: it is gone from the container).
      await w.sim.store.commit([
        del(['tenants', SIC, 'dossiers', DOSSIER, 'container', 'blobs', `input/${fileNameOf('LOST', 1)}`]),
      ]);
      await w.advance(HOUR);
      await w.send(salesEntry({ id: 'LATER', clientFileId: 'C1', date: DATE, journal: 'VT' }));
      expect(w.hub.entry('LATER')!.batch).toBeGreaterThan(w.hub.entry('LOST')!.batch!);
      await w.openDossier();

      await w.advance(11 * HOUR); // LOST: 12 hours after sending
      expect(w.hub.entry('LOST')!).toMatchObject({ status: { status: 'pending' }, readBackMisses: 1 });
      await w.advance(HOUR); // LATER: 12 hours after sending
      expect(w.hub.entry('LATER')!.status.status).toBe('posted');

      for (let night = 1; night <= 2; night++) {
        await w.untilNight();
        expect(w.hub.entry('LOST')!).toMatchObject({ status: { status: 'pending' }, readBackMisses: 1 + night });
      }
      await w.untilNight(); // the third night
      expect(w.hub.entry('LOST')!.status).toMatchObject({
        status: 'failed-check',
        message: renderMessage('QDR-FAILED-CHECK'),
        catalogueId: 'QDR-FAILED-CHECK',
      });
    } finally {
      await w.close();
    }
  });

  it('keeps an entry synchronizing after the 3 nights when nothing later was posted (the dossier is never opened)', async () => {
    const w = await world('msw');
    try {
      await linked(w);
      await w.send(purchaseEntry({ id: 'P1', clientFileId: 'C1', date: DATE }));
      await w.advance(12 * HOUR);
      for (let night = 0; night < 4; night++) await w.untilNight();
      expect(w.hub.entry('P1')!).toMatchObject({ status: { status: 'pending' } });
      expect(w.hub.entry('P1')!.readBackMisses).toBeGreaterThanOrEqual(4);
      expect(w.quadraEntries().size).toBe(0);
      // Opening it at last: the next night finds the entry.
      await w.openDossier();
      await w.untilNight();
      expect(w.hub.entry('P1')!.status.status).toBe('posted');
    } finally {
      await w.close();
    }
  });

  it('reports a file Quadra refused with its report: the exact message and catalogue id; posted after the remedy and "mark as verified"', async () => {
    const w = await world('msw');
    try {
      await linked(w);
      await w.action('set-journal-status', { dossier: DOSSIER, journal: 'AC', status: 'locked' });
      await w.send(purchaseEntry({ id: 'P1', clientFileId: 'C1', date: DATE }));
      await w.openDossier();
      await w.advance(12 * HOUR);
      expect(w.hub.entry('P1')!.status).toMatchObject({
        status: 'sync-failed',
        catalogueId: 'QDR-INCOMPLETE-FILE',
        message: renderMessage('QDR-INCOMPLETE-FILE', { line: '1', journal: 'AC', file: DOSSIER }, 1),
      });

      await w.action('set-journal-status', { dossier: DOSSIER, journal: 'AC', status: 'open' });
      await w.hub.markVerified('P1');
      await w.hub.synchronize(); // seed 002: a resend waits for Synchronize
      expect(w.hub.entry('P1')!.receipt?.vendorRef).toBe(fileNameOf('P1', 2));
      await w.openDossier();
      await w.advance(12 * HOUR);
      expect(w.hub.entry('P1')!.status.status).toBe('posted');
      expect(w.quadraEntries().size).toBe(1);
    } finally {
      await w.close();
    }
  });
});

describe('tokens', () => {
  it('renews the CPA token before its 10 hours run out on the injected clock, and the CFE token before its hour', async () => {
    const w = await world('msw');
    try {
      const connector = createQuadraConnector({
        baseUrl: w.baseUrl,
        fetch: globalThis.fetch,
        credentials: CREDENTIALS,
        clock: w.clock,
        sleep: async () => {},
      });
      expect(await connector.authenticate()).toEqual({ ok: true, value: undefined });
      expect([w.requests('/QuadraODOpenApi/token'), w.requests('/CFE/token')]).toEqual([1, 1]);
      w.clock.advance(9 * HOUR);
      expect((await connector.listFiles()).ok).toBe(true);
      expect(w.requests('/QuadraODOpenApi/token')).toBe(1);
      w.clock.advance(HOUR - 60_000); // one minute before the 10 hours
      expect((await connector.listFiles()).ok).toBe(true);
      expect(w.requests('/QuadraODOpenApi/token')).toBe(2);
      expect(await connector.authenticate()).toEqual({ ok: true, value: undefined });
      expect(w.requests('/CFE/token')).toBe(2);
      expect(w.sim.journal.list({ status: 401, limit: 100 })).toEqual([]);
    } finally {
      await w.close();
    }
  });

  it("asks for a new token when the vendor voids one (the CPA key regenerated), and surfaces the key's refusal", async () => {
    const w = await world('msw');
    try {
      const connector = createQuadraConnector({
        baseUrl: w.baseUrl,
        fetch: globalThis.fetch,
        credentials: CREDENTIALS,
        clock: w.clock,
        sleep: async () => {},
      });
      expect((await connector.listFiles()).ok).toBe(true);
      await w.action('regenerate-cpa-key');
      expect(await connector.listFiles()).toMatchObject({
        ok: false,
        error: { kind: 'vendor-rejection', status: 401, code: 'invalid_client', catalogueId: 'QDR-CPA-AUTH' },
      });
      expect(w.sim.journal.list({ status: 401, limit: 100 }).map((r) => r.path)).toEqual([
        '/QuadraODOpenApi/token',
        '/QuadraODOpenApi/GetDossiers',
      ]);
    } finally {
      await w.close();
    }
  });
});

describe('rejections and remedies', () => {
  it('surfaces ContainerNotFoundInSicSettings with its code and catalogue id; after regenerating the CFE key, matching it in Quadra and "Edit API connection", the entry posts', async () => {
    const w = await world('msw', { cfeKeyInSettings: 'CFE-OLD-KEY-0001' });
    try {
      await linked(w);
      const connector = createQuadraConnector({
        baseUrl: w.baseUrl,
        fetch: globalThis.fetch,
        credentials: CREDENTIALS,
        clock: w.clock,
        sleep: async () => {},
      });
      const refData = w.hub.store.data.referenceData.C1!;
      const direct = await connector.pushEntries(
        DOSSIER,
        [{ entry: purchaseEntry({ id: 'X', clientFileId: 'C1', date: DATE }), attempt: 1, trackingCode: 'XXXXX' }],
        refData,
      );
      expect(direct).toMatchObject({
        ok: false,
        error: {
          kind: 'vendor-rejection',
          status: 404,
          code: 'ContainerNotFoundInSicSettings',
          catalogueId: 'QDR-CONTAINER-NOT-FOUND',
        },
      });

      await w.send(purchaseEntry({ id: 'P1', clientFileId: 'C1', date: DATE }));
      expect(w.hub.entry('P1')!.status).toMatchObject({
        status: 'sync-failed',
        catalogueId: 'QDR-CONTAINER-NOT-FOUND',
        message: renderMessage('QDR-CONTAINER-NOT-FOUND'),
      });
      expect(getEntry('QDR-CONTAINER-NOT-FOUND').wire?.code).toBe('ContainerNotFoundInSicSettings');

      // The remedy: regenerate the CFE key in Cegid Life, enter it in Quadra's settings, then in the hub.
      const regenerated = (await w.action('regenerate-cfe-key')) as { key: string; secret: string };
      await w.action('update-quadra-settings', { dossier: DOSSIER });
      const edited = await w.hub.editCredentials(w.connectionId, {
        ...CREDENTIALS,
        cfeKey: regenerated.key,
        cfeSecret: regenerated.secret,
      });
      expect(edited.ok).toBe(true);
      await w.hub.markVerified('P1');
      await w.hub.synchronize();
      expect(w.hub.entry('P1')!.status.status).toBe('synchronizing');
      await w.openDossier();
      await w.advance(12 * HOUR);
      expect(w.hub.entry('P1')!.status.status).toBe('posted');
    } finally {
      await w.close();
    }
  });

  it('refuses wrong keys at the wizard with the CPA or the CFE code', async () => {
    const w = await world('msw');
    try {
      const cpa = await w.hub.connect({ vendor: 'quadra', credentials: { ...CREDENTIALS, cpaSecret: 'wrong-secret' } });
      expect(cpa).toMatchObject({
        ok: false,
        error: {
          kind: 'vendor-rejection',
          code: 'invalid_client',
          catalogueId: 'QDR-CPA-AUTH',
          message: renderMessage('QDR-CPA-AUTH'),
        },
      });
      const cfe = await w.hub.connect({ vendor: 'quadra', credentials: { ...CREDENTIALS, cfeSecret: 'wrong-secret' } });
      expect(cfe).toMatchObject({
        ok: false,
        error: {
          kind: 'vendor-rejection',
          code: 'InvalidCfeCredentials',
          catalogueId: 'QDR-CFE-AUTH',
          message: renderMessage('QDR-CFE-AUTH'),
        },
      });
    } finally {
      await w.close();
    }
  });

  it('refuses to pull the reference data of a dossier with no open period, with its code', async () => {
    const w = await world('msw');
    try {
      await w.action('close-period', { dossier: DOSSIER, periodId: 'EX2026' });
      const connection = await w.hub.connect({ vendor: 'quadra', credentials: { ...CREDENTIALS } });
      expect(connection.ok).toBe(true);
      const data = await w.hub.linkFile({
        clientFile: { id: 'C1', name: 'Client 1' },
        connectionId: connection.ok ? connection.value.id : '',
        vendorFileId: DOSSIER,
      });
      expect(data).toMatchObject({
        ok: false,
        error: {
          code: 'AccountingPeriodNotOpen',
          catalogueId: 'QDR-PERIOD-NOT-OPEN',
          message: renderMessage('QDR-PERIOD-NOT-OPEN', { file: DOSSIER }),
        },
      });
    } finally {
      await w.close();
    }
  });
});

describe('the ASCII the connector writes', () => {
  it('cuts accounts to 8 characters, pads short PCG numbers, writes no labels of accounts, and keeps the piece number', () => {
    const entry = purchaseEntry({
      id: 'P1',
      clientFileId: 'C1',
      date: DATE,
      supplier: 'FOURNISSEURDUPONT',
      account: '6064',
    });
    const encoded = encodeEntryFile(entry, 'ABCDE', { accounts: [] });
    if (!encoded.ok) throw new Error(encoded.message);
    expect(encoded.truncated).toEqual([{ line: 3, field: 'account', from: 'FOURNISSEURDUPONT', to: 'FOURNISS' }]);
    const decoded = decodeQuadraFile(encoded.bytes);
    expect(decoded.ok).toBe(true);
    expect(decoded.records.map((r) => r.record.type)).toEqual(['M', 'M', 'M']);
    expect(
      decoded.records.map((r) =>
        r.record.type === 'M' ? [r.record.account, r.record.direction, r.record.amountCents, r.record.pieceNumber] : [],
      ),
    ).toEqual([
      ['60640000', 'D', 10_000, '#ABCDE#'],
      ['44566000', 'D', 2_000, '#ABCDE#'],
      ['FOURNISS', 'C', 12_000, '#ABCDE#'],
    ]);
    expect(decoded.lineEnding).toBe('CRLF');
  });

  it("reports each account number it cut (QDR-ACCOUNT-8-CHARS) in the push receipt, which the hub keeps in the entry's history", async () => {
    const w = await world('msw');
    try {
      await linked(w);
      await w.send(purchaseEntry({ id: 'P1', clientFileId: 'C1', date: DATE, supplier: 'FOURNISSEURDUPONT' }));
      const record = w.hub.entry('P1')!;
      expect(record.status.status).toBe('synchronizing');
      expect(record.receipt?.notes).toEqual([
        {
          catalogueId: getEntry('QDR-ACCOUNT-8-CHARS').id,
          message: 'account FOURNISSEURDUPONT sent as FOURNISS (Quadra keeps 8 characters)',
        },
      ]);
      expect(record.history.at(-1)).toMatchObject({
        status: 'synchronizing',
        message: 'QDR-ACCOUNT-8-CHARS: account FOURNISSEURDUPONT sent as FOURNISS (Quadra keeps 8 characters)',
      });
      // An entry with nothing cut carries no note.
      await w.send(purchaseEntry({ id: 'P2', clientFileId: 'C1', date: DATE }));
      expect(w.hub.entry('P2')!.receipt?.notes).toBeUndefined();
    } finally {
      await w.close();
    }
  });

  it('keeps a number the dossier holds as such, and writes Windows-1252 text only', () => {
    const entry = {
      ...purchaseEntry({ id: 'P1', clientFileId: 'C1', date: DATE, account: '6064' }),
      label: 'Café ☕ et 🥐 — œuvre',
    };
    const lines = toQuadraLines(entry, 'ABCDE', {
      accounts: [{ number: '6064', label: 'Fournitures', collective: false }],
    });
    expect(lines[0]!.account).toBe('6064');
    expect(lines[0]!.longLabel).toBe('Café ? et ? — œuvre');
    expect(encodeEntryFile(entry, 'ABCDE', { accounts: [] }).ok).toBe(true);
  });
});

describe('under faults', () => {
  it('posts every entry exactly once through 5xx, dropped connections, 429s and garbled answers', async () => {
    const w = await world('msw');
    try {
      await linked(w);
      for (const rule of faultMix(0.3)) w.sim.faults.add(rule); // 5xx, drops, garbled answers, 429s, latency
      const ids = Array.from({ length: 40 }, (_, i) => `E${i}`);
      for (const id of ids) await w.hub.addEntry(purchaseEntry({ id, clientFileId: 'C1', date: DATE }));
      for (const id of ids) await w.hub.markVerified(id);
      await w.hub.synchronize();
      for (let round = 0; round < 10 && ids.some((id) => w.hub.entry(id)!.status.status === 'pending'); round++)
        await w.hub.synchronize('C1');
      expect(ids.filter((id) => w.hub.entry(id)!.status.status !== 'synchronizing')).toEqual([]);
      await w.openDossier();
      // The read-back runs under faults too: a failed one is tried again by the next run.
      await w.advance(12 * HOUR);
      for (let night = 0; night < 3 && ids.some((id) => w.hub.entry(id)!.status.status !== 'posted'); night++)
        await w.untilNight();
      w.sim.faults.clear();
      expect(ids.filter((id) => w.hub.entry(id)!.status.status !== 'posted')).toEqual([]);
      const quadra = w.quadraEntries();
      expect(quadra.size).toBe(40);
      for (const lines of quadra.values()) expect(lines).toHaveLength(3);
      expect(w.sim.journal.list({ limit: 10_000 }).filter((r) => r.fault).length).toBeGreaterThan(0);
    } finally {
      await w.close();
    }
  });
});
