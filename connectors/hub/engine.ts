import { renderMessage } from '../../contracts/catalogue/index.js';
import type { CatalogueId } from '../../contracts/catalogue/schema.js';
import type { AccountingEntry, ClientFile, ReferenceData, SyncFrequency, SyncStatus, VendorId } from '../../contracts/hub/model.js';
import { set } from '../../core/changes.js';
import { DAY, nextNight, type VirtualClock } from '../../core/clock.js';
import { createRandom, type SeededRandom } from '../../core/random.js';
import { createMemoryStore, type Store } from '../../core/store.js';
import { failure, success, type Connector, type ConnectorError, type EntryFate, type Result, type VendorFile } from '../types.js';
import { emptyHubState, type Connection, type HubEntry, type HubState, type Link } from './state.js';

export interface HubEngineOptions {
  clock: VirtualClock;
  /** Builds the connector of a vendor connection (the hub never knows it talks to a simulator). */
  connectorFor(connection: Connection): Connector;
  store?: Store<HubState>;
  /** Seeds the tracking codes. */
  seed?: number;
  /** The daily run, "once a day in the evening" (UTC hour, default 20). */
  eveningHourUtc?: number;
  /** The nightly run: resends and Quadra's nightly checks (UTC hour, default 2). */
  nightHourUtc?: number;
}

export interface SyncReport {
  sent: number;
  posted: number;
  failed: number;
  pending: number;
}

const TRACKING_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const WEEK = 7 * DAY;

/**
 * The hub's sync engine: client files linked to vendor files, reference data, and entries moving
 * through to-verify → pending → synchronizing → posted | sync-failed | failed-check, or excluded.
 * Every state change goes through its store; every time comes from the clock.
 */
export function createHubEngine(options: HubEngineOptions) {
  const { clock } = options;
  const store = options.store ?? createMemoryStore<HubState>(emptyHubState());
  const random: SeededRandom = createRandom(options.seed ?? 1);
  const eveningHour = options.eveningHourUtc ?? 20;
  const nightHour = options.nightHourUtc ?? 2;
  const connectors = new Map<string, { credentials: string; connector: Connector }>();
  const locks = new Map<string, Promise<unknown>>();

  const now = () => clock.now().toISOString();
  const state = () => store.data;
  const put = (path: string[], value: unknown) => store.commit([set(path, value)]);

  function connectorOf(connection: Connection): Connector {
    const key = JSON.stringify(connection.credentials);
    const cached = connectors.get(connection.id);
    if (cached && cached.credentials === key) return cached.connector;
    const connector = options.connectorFor(connection);
    connectors.set(connection.id, { credentials: key, connector });
    return connector;
  }

  /** One synchronization at a time per file: two clicks never send an entry twice. */
  function exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = locks.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    locks.set(key, next.catch(() => undefined));
    return next;
  }

  async function setStatus(entryId: string, status: SyncStatus, extra: Partial<HubEntry> = {}) {
    const record = state().entries[entryId]!;
    const message = 'message' in status ? status.message : 'reason' in status ? status.reason : undefined;
    const history = [...record.history, { at: now(), status: status.status, ...(message ? { message } : {}) }].slice(-50);
    await put(['entries', entryId], { ...record, ...extra, status, history });
  }

  function newTrackingCode(): string {
    for (;;) {
      const code = random.string(5, TRACKING_ALPHABET);
      if (!state().trackingCodes[code]) return code;
    }
  }

  function fileContext(clientFileId: string): { link: Link; connection: Connection; connector: Connector } | undefined {
    const link = state().links[clientFileId];
    if (!link) return undefined;
    const connection = state().connections[link.connectionId];
    if (!connection) return undefined;
    return { link, connection, connector: connectorOf(connection) };
  }

  const rejectionStatus = (error: { code: string; message: string; catalogueId?: CatalogueId }): SyncStatus => ({
    status: 'sync-failed',
    at: now(),
    message: error.message,
    ...(error.catalogueId ? { catalogueId: error.catalogueId } : {}),
  });
  const describe = (error: ConnectorError) => (error.kind === 'vendor-rejection' ? `${error.code}: ${error.message}` : `${error.kind}: ${error.message}`);

  async function applyFate(clientFileId: string, entryId: string, fate: EntryFate, at: Date, policy: Connector['readBackPolicy']) {
    const record = state().entries[entryId]!;
    switch (fate.state) {
      case 'posted':
        return setStatus(entryId, { status: 'posted', postedAt: now(), vendorRef: record.receipt?.vendorRef, ...(fate.documentNumber ? { documentNumber: fate.documentNumber } : {}) }, { checkAfter: undefined });
      case 'rejected':
        return setStatus(entryId, rejectionStatus(fate), { checkAfter: undefined });
      case 'in-progress':
        return put(['entries', entryId, 'checkAfter'], at.toISOString());
      case 'not-found': {
        const notFound = record.notFound + 1;
        // The first check (12 hours after sending) and then one per night, N nights.
        if (notFound > policy.notFoundRetryNights && laterEntryPosted(clientFileId, record)) {
          return setStatus(entryId, { status: 'failed-check', at: now(), message: renderMessage('QDR-FAILED-CHECK'), catalogueId: 'QDR-FAILED-CHECK' }, { notFound, checkAfter: undefined });
        }
        return store.commit([
          set(['entries', entryId, 'notFound'], notFound),
          set(['entries', entryId, 'checkAfter'], nextNight(at, nightHour).toISOString()),
        ]);
      }
    }
  }

  /** Quadra: "if other entries from the same batch or subsequent batches have been successfully posted". */
  function laterEntryPosted(clientFileId: string, record: HubEntry): boolean {
    return Object.values(state().entries).some(
      (other) => other.entry.clientFileId === clientFileId && other !== record && other.status.status === 'posted' && (other.batch ?? 0) >= (record.batch ?? 0),
    );
  }

  async function readBackDue(clientFileId: string, at: Date): Promise<void> {
    const ctx = fileContext(clientFileId);
    if (!ctx) return;
    const due = Object.values(state().entries).filter(
      (r) => r.entry.clientFileId === clientFileId && r.status.status === 'synchronizing' && r.receipt && (!r.checkAfter || Date.parse(r.checkAfter) <= at.getTime()),
    );
    if (due.length === 0) return;
    const fates = await ctx.connector.readBack(ctx.link.vendorFileId, due.map((r) => r.receipt!));
    if (!fates.ok) return; // a transport failure: the next run reads them back
    for (const [i, record] of due.entries()) await applyFate(clientFileId, record.entry.id, fates.value[i]!, at, ctx.connector.readBackPolicy);
  }

  async function sendPending(clientFileId: string, ctx: { link: Link; connector: Connector }): Promise<number> {
    const referenceData = state().referenceData[clientFileId];
    if (!referenceData) return 0;
    const pending = Object.values(state().entries).filter((r) => r.entry.clientFileId === clientFileId && r.status.status === 'pending');
    const sendable: HubEntry[] = [];
    for (const record of pending) {
      const check = ctx.connector.canSend(record.entry, referenceData);
      if (check.ok) sendable.push(record);
      else if (record.status.status !== 'pending' || record.status.reason !== check.reason) {
        await setStatus(record.entry.id, { status: 'pending', reason: check.reason, ...(check.catalogueId ? { catalogueId: check.catalogueId } : {}) });
      }
    }
    if (sendable.length === 0) return 0;
    const batch = state().counters.batch + 1;
    await put(['counters', 'batch'], batch);
    // An entry whose previous send may have reached the vendor keeps its attempt number, so the
    // vendor recognizes the resend; only a deliberate resend (after a rejection) is a new attempt.
    const items = sendable.map((r) => ({ entry: r.entry, attempt: Math.max(r.attempt, 1), trackingCode: r.trackingCode, ...(r.unconfirmedSince ? { unconfirmedSince: r.unconfirmedSince } : {}) }));
    const result = await ctx.connector.pushEntries(ctx.link.vendorFileId, items, referenceData);
    if (!result.ok) {
      for (const record of sendable) {
        if (result.error.kind === 'vendor-rejection') await setStatus(record.entry.id, rejectionStatus(result.error), { attempt: Math.max(record.attempt, 1) });
        else await put(['entries', record.entry.id, 'lastError'], describe(result.error));
      }
      return 0;
    }
    let sent = 0;
    for (const item of result.value) {
      const record = state().entries[item.entryId]!;
      const attempt = Math.max(record.attempt, 1);
      if (item.ok) {
        sent += 1;
        await setStatus(
          item.entryId,
          { status: 'synchronizing', sentAt: now(), vendorRef: item.value.vendorRef, attempts: attempt },
          { attempt, receipt: item.value, batch, notFound: 0, checkAfter: new Date(clock.nowMs() + ctx.connector.readBackPolicy.firstCheckAfterMs).toISOString(), lastError: undefined, unconfirmedSince: undefined },
        );
      } else if (item.error.kind === 'vendor-rejection') {
        await setStatus(item.entryId, rejectionStatus(item.error), { attempt, unconfirmedSince: undefined });
      } else {
        await put(['entries', item.entryId, 'lastError'], describe(item.error));
        // Kept with the entry (not in the connector's memory), so a restarted hub still holds it back.
        if (item.unconfirmedSince) await put(['entries', item.entryId, 'unconfirmedSince'], item.unconfirmedSince);
      }
    }
    return sent;
  }

  async function synchronizeFile(clientFileId: string, mode: { send: boolean; at?: Date }): Promise<SyncReport> {
    return exclusive(clientFileId, async () => {
      const ctx = fileContext(clientFileId);
      const report: SyncReport = { sent: 0, posted: 0, failed: 0, pending: 0 };
      if (!ctx || !ctx.connection.enabled || !ctx.link.active) return report;
      const at = mode.at ?? clock.now();
      await readBackDue(clientFileId, at);
      if (mode.send) {
        report.sent = await sendPending(clientFileId, ctx);
        if (report.sent > 0 && ctx.connector.readBackPolicy.firstCheckAfterMs === 0) await readBackDue(clientFileId, clock.now());
      }
      for (const record of Object.values(state().entries)) {
        if (record.entry.clientFileId !== clientFileId) continue;
        if (record.status.status === 'posted') report.posted += 1;
        if (record.status.status === 'sync-failed' || record.status.status === 'failed-check') report.failed += 1;
        if (record.status.status === 'pending') report.pending += 1;
      }
      return report;
    });
  }

  function linkedFiles(filter: (connection: Connection) => boolean): string[] {
    return Object.values(state().links)
      .filter((link) => {
        const connection = state().connections[link.connectionId];
        return connection && connection.enabled && link.active && filter(connection);
      })
      .map((link) => link.clientFileId);
  }

  async function pullInto(clientFileId: string): Promise<Result<ReferenceData>> {
    const ctx = fileContext(clientFileId);
    if (!ctx) return failure({ kind: 'transport', message: `no vendor file linked to ${clientFileId}`, retryable: false });
    const data = await ctx.connector.pullReferenceData(ctx.link.vendorFileId);
    if (data.ok) await put(['referenceData', clientFileId], data.value);
    return data;
  }

  const engine = {
    store,
    /** The wizard's first step: a vendor connection with its credentials, checked before saving. */
    async connect(input: { vendor: VendorId; credentials: Record<string, string>; frequency?: SyncFrequency; weeklyAccountSync?: boolean }): Promise<Result<Connection>> {
      const id = `CONN-${state().counters.connection + 1}`;
      const connection: Connection = {
        id,
        vendor: input.vendor,
        credentials: input.credentials,
        enabled: true,
        frequency: input.frequency ?? 'realtime',
        weeklyAccountSync: input.weeklyAccountSync ?? true,
        createdAt: now(),
        lastWeeklySyncAt: now(),
      };
      const auth = await options.connectorFor(connection).authenticate();
      if (!auth.ok) return auth;
      await store.commit([set(['connections', id], connection), set(['counters', 'connection'], state().counters.connection + 1)]);
      return success(connection);
    },
    /** "Edit API connection": new keys, checked before they replace the old ones. */
    async editCredentials(connectionId: string, credentials: Record<string, string>): Promise<Result<void>> {
      const connection = state().connections[connectionId];
      if (!connection) return failure({ kind: 'transport', message: `no connection ${connectionId}`, retryable: false });
      const auth = await options.connectorFor({ ...connection, credentials }).authenticate();
      if (!auth.ok) return auth;
      await put(['connections', connectionId, 'credentials'], credentials);
      return success(undefined);
    },
    /** "Disable integration / API connection": nothing is sent or read back until enabled again. */
    async setIntegrationEnabled(connectionId: string, enabled: boolean) {
      await put(['connections', connectionId, 'enabled'], enabled);
    },
    async setFrequency(connectionId: string, frequency: SyncFrequency) {
      await put(['connections', connectionId, 'frequency'], frequency);
    },
    /** The wizard's table: the vendor's files, to associate with client files (or skip). */
    listVendorFiles(connectionId: string): Promise<Result<VendorFile[]>> {
      const connection = state().connections[connectionId];
      if (!connection) return Promise.resolve(failure({ kind: 'transport', message: `no connection ${connectionId}`, retryable: false }));
      return connectorOf(connection).listFiles();
    },
    /**
     * Associates a client file with a vendor file and pulls its reference data; the hub's own third
     * parties of the file are sent at once (the initial connection sends them without entries).
     */
    async linkFile(input: { clientFile: ClientFile; connectionId: string; vendorFileId: string; vendorFileName?: string; thirdParties?: ReferenceData['thirdParties'] }): Promise<Result<ReferenceData>> {
      const connection = state().connections[input.connectionId];
      if (!connection) return failure({ kind: 'transport', message: `no connection ${input.connectionId}`, retryable: false });
      const link: Link = {
        clientFileId: input.clientFile.id,
        vendor: connection.vendor,
        vendorFileId: input.vendorFileId,
        vendorFileName: input.vendorFileName ?? input.vendorFileId,
        active: true,
        linkedAt: now(),
        connectionId: connection.id,
      };
      await store.commit([set(['clientFiles', input.clientFile.id], input.clientFile), set(['links', input.clientFile.id], link)]);
      const pulled = await pullInto(input.clientFile.id);
      if (!pulled.ok || !input.thirdParties?.length) return pulled;
      for (const thirdParty of input.thirdParties) await engine.addThirdParty(input.clientFile.id, thirdParty);
      const sent = await connectorOf(connection).pushThirdParties(input.vendorFileId, input.thirdParties);
      return sent.ok ? success(state().referenceData[input.clientFile.id]!) : sent;
    },
    /** The Status column: activate or deactivate the integration on one file. */
    async setFileActive(clientFileId: string, active: boolean) {
      await put(['links', clientFileId, 'active'], active);
    },
    /** "Refresh accounting data" for a file. */
    refreshReferenceData: pullInto,
    /** A third party created in the hub: kept in the file's data and sent with the entries that use it. */
    async addThirdParty(clientFileId: string, thirdParty: ReferenceData['thirdParties'][number]) {
      const data = state().referenceData[clientFileId];
      if (!data) throw new RangeError(`no reference data for ${clientFileId}: link the file first`);
      const thirdParties = [...data.thirdParties.filter((t) => t.subsidiaryAccount !== thirdParty.subsidiaryAccount), thirdParty];
      await put(['referenceData', clientFileId, 'thirdParties'], thirdParties);
    },
    /** A new entry generated by the hub: it waits for review. */
    async addEntry(entry: AccountingEntry): Promise<HubEntry> {
      const trackingCode = newTrackingCode();
      const record: HubEntry = { entry, status: { status: 'to-verify' }, trackingCode, attempt: 0, notFound: 0, history: [{ at: now(), status: 'to-verify' }] };
      await store.commit([set(['entries', entry.id], record), set(['trackingCodes', trackingCode], entry.id)]);
      return record;
    },
    /** Replaces an entry's content (the accountant corrects it) before marking it verified. */
    async editEntry(entry: AccountingEntry) {
      await put(['entries', entry.id, 'entry'], entry);
    },
    /**
     * "Mark as verified": the entry is ready and, after a rejection, will be sent again as a new
     * attempt. In real-time mode it goes at once; otherwise at the next sync.
     */
    async markVerified(entryId: string): Promise<void> {
      const record = state().entries[entryId];
      if (!record) throw new RangeError(`no entry ${entryId}`);
      const resend = record.status.status === 'sync-failed' || record.status.status === 'failed-check';
      await setStatus(entryId, { status: 'pending' }, { attempt: resend ? record.attempt + 1 : record.attempt, receipt: undefined, notFound: 0, checkAfter: undefined });
      const ctx = fileContext(record.entry.clientFileId);
      if (ctx?.connection.frequency === 'realtime') await synchronizeFile(record.entry.clientFileId, { send: true });
    },
    /** "Exclude": the entry will never be sent. */
    async exclude(entryId: string) {
      await setStatus(entryId, { status: 'excluded', at: now() });
    },
    /** The Synchronize button: sends what is pending and reads back what was sent. */
    async synchronize(clientFileId?: string): Promise<SyncReport> {
      const files = clientFileId ? [clientFileId] : Object.keys(state().links);
      const total: SyncReport = { sent: 0, posted: 0, failed: 0, pending: 0 };
      for (const id of files) {
        const r = await synchronizeFile(id, { send: true });
        total.sent += r.sent;
        total.posted += r.posted;
        total.failed += r.failed;
        total.pending += r.pending;
      }
      return total;
    },
    /**
     * Runs what fell due on the virtual clock since the last run: the daily evening sends, the
     * nightly resends and read-back checks, the weekly account sync, the delayed read-backs.
     */
    async runScheduler(): Promise<void> {
      const end = clock.nowMs();
      let from = state().scheduledUpTo ? Date.parse(state().scheduledUpTo!) : end;
      for (;;) {
        const evening = nextAt(from, eveningHour);
        const night = nextAt(from, nightHour);
        const t = Math.min(evening, night);
        if (t > end) break;
        const at = new Date(t);
        if (t === evening) for (const id of linkedFiles((c) => c.frequency === 'daily')) await synchronizeFile(id, { send: true, at });
        if (t === night) {
          for (const id of linkedFiles((c) => c.frequency !== 'manual')) await synchronizeFile(id, { send: true, at });
          for (const id of linkedFiles((c) => c.frequency === 'manual')) await synchronizeFile(id, { send: false, at });
        }
        from = t;
      }
      for (const connection of Object.values(state().connections)) {
        if (!connection.enabled || !connection.weeklyAccountSync) continue;
        const last = connection.lastWeeklySyncAt ? Date.parse(connection.lastWeeklySyncAt) : 0;
        if (end - last < WEEK) continue;
        for (const link of Object.values(state().links)) if (link.connectionId === connection.id && link.active) await pullInto(link.clientFileId);
        await put(['connections', connection.id, 'lastWeeklySyncAt'], new Date(end).toISOString());
      }
      for (const id of linkedFiles(() => true)) await synchronizeFile(id, { send: false });
      await put(['scheduledUpTo'], new Date(end).toISOString());
    },
    entry: (entryId: string): HubEntry | undefined => state().entries[entryId],
    entries: (clientFileId: string): HubEntry[] => Object.values(state().entries).filter((r) => r.entry.clientFileId === clientFileId),
  };
  return engine;
}

export type HubEngine = ReturnType<typeof createHubEngine>;

/** The first instant strictly after `fromMs` at `hour`:00 UTC. */
function nextAt(fromMs: number, hour: number): number {
  const d = new Date(fromMs);
  const candidate = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour);
  return candidate > fromMs ? candidate : candidate + DAY;
}
