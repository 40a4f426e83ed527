import {
  AccountingEntrySchema,
  ClientFileSchema,
  type AccountingEntry,
  type ClientFile,
  type ReferenceData,
  type SyncFrequency,
} from '../../contracts/hub/model.js';
import { set } from '../../core/changes.js';
import type { VirtualClock } from '../../core/clock.js';
import { createRandom } from '../../core/random.js';
import { createMemoryStore, type Store } from '../../core/store.js';
import { success, type Connector, type Result, type VendorFile } from '../types.js';
import { createHubContext, notFound } from './context.js';
import { readBackDue } from './read-back.js';
import { runScheduler } from './schedule.js';
import { sendPending } from './send.js';
import {
  emptyHubState,
  type Connection,
  type ConnectionCredentials,
  type HubEntry,
  type HubState,
  type Link,
} from './state.js';

export interface HubEngineOptions {
  clock: VirtualClock;
  /** Builds the connector of a vendor connection (the hub never knows it talks to a simulator). */
  connectorFor(connection: Connection): Connector;
  store?: Store<HubState>;
  /** Seeds the tracking codes. */
  seed?: number;
  /** The daily run, "once a day in the evening" (UTC hour, default 20). */
  eveningHourUtc?: number;
  /** The nightly run: resends and the read-back retries (UTC hour, default 2). */
  nightHourUtc?: number;
}

export interface SyncReport {
  sent: number;
  posted: number;
  failed: number;
  pending: number;
}

/** An entry the hub refuses to hold: it does not match `AccountingEntrySchema`. */
export class InvalidEntryError extends Error {
  constructor(
    readonly entryId: unknown,
    readonly issues: readonly { path: PropertyKey[]; message: string }[],
  ) {
    super(
      `entry ${typeof entryId === 'string' ? entryId : '(no id)'} refused: ${issues.map((i) => `${i.path.map(String).join('.') || '(entry)'}: ${i.message}`).join('; ')}`,
    );
    this.name = 'InvalidEntryError';
  }
}

const TRACKING_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The id of a client file the wizard creates from a vendor file: stable, so a second Confirm finds it. */
export const clientFileIdFor = (connectionId: string, vendorFileId: string): string =>
  `${connectionId}-${vendorFileId.replace(/[^A-Za-z0-9-]/g, '_')}`;

/** Entries come from the hub's generators and the accountant's edits: checked before they are kept. */
function validEntry(entry: unknown): AccountingEntry {
  const parsed = AccountingEntrySchema.safeParse(entry);
  if (!parsed.success) throw new InvalidEntryError((entry as { id?: unknown } | null)?.id, parsed.error.issues);
  return parsed.data;
}

/**
 * The hub's sync engine: client files linked to vendor files, reference data, and entries moving
 * through to-verify → pending → synchronizing → posted | sync-failed | failed-check, or excluded.
 * Every state change goes through its store; every time comes from the clock. It never names a
 * vendor: what differs (when to read back, what a missing entry means) is the connector's.
 * Pieces: `context.ts` (shared helpers), `send.ts`, `read-back.ts`, `schedule.ts`.
 */
export function createHubEngine(options: HubEngineOptions) {
  const { clock } = options;
  const store = options.store ?? createMemoryStore<HubState>(emptyHubState());
  const ctx = createHubContext({
    clock,
    store,
    random: createRandom(options.seed ?? 1),
    eveningHour: options.eveningHourUtc ?? 20,
    nightHour: options.nightHourUtc ?? 2,
    connectorFor: options.connectorFor,
  });
  const { state, put, now } = ctx;

  function newTrackingCode(): string {
    for (;;) {
      const code = ctx.random.string(5, TRACKING_ALPHABET);
      if (!state().trackingCodes[code]) return code;
    }
  }

  /** Reads back what is due, then (`send`) sends what is pending (`'resends'`: only what was sent before); one run at a time per file. */
  function synchronizeFile(clientFileId: string, mode: { send: boolean | 'resends'; at?: Date }): Promise<SyncReport> {
    return ctx.exclusive(clientFileId, async () => {
      const file = ctx.fileContext(clientFileId);
      const report: SyncReport = { sent: 0, posted: 0, failed: 0, pending: 0 };
      // HUB-DISABLE-INTEGRATION: a disabled connection or an inactive file is neither sent nor read back.
      if (!file?.connection.enabled || !file.link.active) return report;
      const at = mode.at ?? clock.now();
      await readBackDue(ctx, clientFileId, file, at);
      if (mode.send) {
        report.sent = await sendPending(ctx, clientFileId, file, mode.send === 'resends' ? 'resends' : 'all');
        if (report.sent > 0 && file.connector.readBackPolicy.firstCheckAfterMs === 0)
          await readBackDue(ctx, clientFileId, file, clock.now());
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

  /** Pulls the file's reference data from its vendor and keeps it (HUB-REFDATA-ON-LINK, HUB-REFRESH-REFDATA). */
  async function pullInto(clientFileId: string): Promise<Result<ReferenceData>> {
    const file = ctx.fileContext(clientFileId);
    if (!file) return notFound('link', `no vendor file linked to ${clientFileId}`);
    const data = await file.connector.pullReferenceData(file.link.vendorFileId);
    if (data.ok) await put(['referenceData', clientFileId], data.value);
    return data;
  }

  const engine = {
    store,
    /** The wizard's first step: a vendor connection with its credentials, checked before saving. */
    async connect(input: {
      vendor: string;
      credentials: ConnectionCredentials;
      frequency?: SyncFrequency;
      weeklyAccountSync?: boolean;
    }): Promise<Result<Connection>> {
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
      await store.commit([
        set(['connections', id], connection),
        set(['counters', 'connection'], state().counters.connection + 1),
      ]);
      return success(connection);
    },
    /** HUB-EDIT-CREDENTIALS, "Edit API connection": new keys, checked before they replace the old ones. */
    async editCredentials(connectionId: string, credentials: ConnectionCredentials): Promise<Result<void>> {
      const connection = state().connections[connectionId];
      if (!connection) return notFound('connection', `no connection ${connectionId}`);
      const auth = await options.connectorFor({ ...connection, credentials }).authenticate();
      if (!auth.ok) return auth;
      await put(['connections', connectionId, 'credentials'], credentials);
      return success(undefined);
    },
    /** HUB-DISABLE-INTEGRATION, "Disable integration / API connection": nothing is sent or read back until enabled again. */
    async setIntegrationEnabled(connectionId: string, enabled: boolean): Promise<Result<void>> {
      if (!state().connections[connectionId]) return notFound('connection', `no connection ${connectionId}`);
      await put(['connections', connectionId, 'enabled'], enabled);
      return success(undefined);
    },
    /** HUB-SYNC-REALTIME / HUB-SYNC-DAILY / HUB-SYNC-MANUAL: when validated entries are sent. */
    async setFrequency(connectionId: string, frequency: SyncFrequency): Promise<Result<void>> {
      if (!state().connections[connectionId]) return notFound('connection', `no connection ${connectionId}`);
      await put(['connections', connectionId, 'frequency'], frequency);
      return success(undefined);
    },
    /** HUB-FILE-ASSOCIATION, the wizard's table: the vendor's files, to associate with client files (or skip). */
    listVendorFiles(connectionId: string): Promise<Result<VendorFile[]>> {
      const connection = state().connections[connectionId];
      if (!connection) return Promise.resolve(notFound('connection', `no connection ${connectionId}`));
      return ctx.connectorOf(connection).listFiles();
    },
    /**
     * HUB-FILE-ASSOCIATION then HUB-REFDATA-ON-LINK: associates a client file with a vendor file and
     * pulls its reference data; the hub's own third parties of the file are sent at once (the
     * initial connection sends them without entries).
     */
    async linkFile(input: {
      clientFile: ClientFile;
      connectionId: string;
      vendorFileId: string;
      vendorFileName?: string;
      thirdParties?: ReferenceData['thirdParties'];
    }): Promise<Result<ReferenceData>> {
      const connection = state().connections[input.connectionId];
      if (!connection) return notFound('connection', `no connection ${input.connectionId}`);
      const link: Link = {
        clientFileId: input.clientFile.id,
        vendor: connection.vendor,
        vendorFileId: input.vendorFileId,
        vendorFileName: input.vendorFileName ?? input.vendorFileId,
        active: true,
        linkedAt: now(),
        connectionId: connection.id,
      };
      await store.commit([
        set(['clientFiles', input.clientFile.id], input.clientFile),
        set(['links', input.clientFile.id], link),
      ]);
      const pulled = await pullInto(input.clientFile.id);
      if (!pulled.ok || !input.thirdParties?.length) return pulled;
      for (const thirdParty of input.thirdParties) await engine.addThirdParty(input.clientFile.id, thirdParty);
      const sent = await ctx.connectorOf(connection).pushThirdParties(input.vendorFileId, input.thirdParties);
      return sent.ok ? success(state().referenceData[input.clientFile.id]!) : sent;
    },
    /** A client file the accountant already has in the hub (the left side of the wizard's table). */
    async addClientFile(clientFile: ClientFile): Promise<void> {
      await put(['clientFiles', clientFile.id], ClientFileSchema.parse(clientFile));
    },
    /**
     * The wizard's table, confirmed: each association made links a client file of the hub to a file
     * of the vendor; every other vendor file the connection sees becomes a new client file, named as
     * in the vendor (seeds 000 and 004: "the creation of your client files in Qonto"). Confirm with
     * no association is the "skip this step". Every file comes in inactive: the Status column of the
     * next screen activates the integration on each (`setFileActive`). Vendor files linked already
     * are left as they are. Nothing is saved when an association names a file that does not exist.
     */
    async confirmFileTable(input: {
      connectionId: string;
      associations?: readonly { clientFileId: string; vendorFileId: string }[];
    }): Promise<Result<Link[]>> {
      const connection = state().connections[input.connectionId];
      if (!connection) return notFound('connection', `no connection ${input.connectionId}`);
      const listed = await ctx.connectorOf(connection).listFiles();
      if (!listed.ok) return listed;
      const associations = input.associations ?? [];
      const byVendorFile = new Map<string, string>();
      for (const { clientFileId, vendorFileId } of associations) {
        if (!state().clientFiles[clientFileId]) return notFound('link', `no client file ${clientFileId}`);
        if (!listed.value.some((f) => f.id === vendorFileId))
          return notFound('link', `the vendor lists no file ${vendorFileId}`);
        if (byVendorFile.has(vendorFileId) || [...byVendorFile.values()].includes(clientFileId))
          return notFound('link', `${clientFileId} and ${vendorFileId} are each associated once at most`);
        byVendorFile.set(vendorFileId, clientFileId);
      }
      const alreadyLinked = new Set(
        Object.values(state().links)
          .filter((l) => l.connectionId === connection.id)
          .map((l) => l.vendorFileId),
      );
      const changes = [];
      const links: Link[] = [];
      for (const vendorFile of listed.value) {
        if (alreadyLinked.has(vendorFile.id)) continue;
        let clientFileId = byVendorFile.get(vendorFile.id);
        if (!clientFileId) {
          clientFileId = clientFileIdFor(connection.id, vendorFile.id);
          changes.push(set(['clientFiles', clientFileId], { id: clientFileId, name: vendorFile.name }));
        }
        const link: Link = {
          clientFileId,
          vendor: connection.vendor,
          vendorFileId: vendorFile.id,
          vendorFileName: vendorFile.name,
          active: false,
          linkedAt: now(),
          connectionId: connection.id,
        };
        links.push(link);
        changes.push(set(['links', clientFileId], link));
      }
      if (changes.length) await store.commit(changes);
      return success(links);
    },
    /**
     * The Status column: activate or deactivate the integration on one file. A file activated for
     * the first time retrieves its reference data (HUB-REFDATA-ON-LINK) and stays inactive when the
     * vendor refuses it; in real time, what was validated meanwhile is sent at once.
     */
    async setFileActive(clientFileId: string, active: boolean): Promise<Result<void>> {
      if (!state().links[clientFileId]) return notFound('link', `no vendor file linked to ${clientFileId}`);
      if (active && !state().referenceData[clientFileId]) {
        const pulled = await pullInto(clientFileId);
        if (!pulled.ok) return pulled;
      }
      await put(['links', clientFileId, 'active'], active);
      const file = ctx.fileContext(clientFileId);
      if (active && file?.connection.frequency === 'realtime') await synchronizeFile(clientFileId, { send: true });
      return success(undefined);
    },
    /** HUB-REFRESH-REFDATA, "Refresh accounting data" for a file. */
    refreshReferenceData: pullInto,
    /** A third party created in the hub: kept in the file's data and sent with the entries that use it. */
    async addThirdParty(clientFileId: string, thirdParty: ReferenceData['thirdParties'][number]) {
      const data = state().referenceData[clientFileId];
      if (!data) throw new RangeError(`no reference data for ${clientFileId}: link the file first`);
      const thirdParties = [
        ...data.thirdParties.filter((t) => t.subsidiaryAccount !== thirdParty.subsidiaryAccount),
        thirdParty,
      ];
      await put(['referenceData', clientFileId, 'thirdParties'], thirdParties);
    },
    /** A new entry generated by the hub: it waits for review. An entry that is not valid is refused (`InvalidEntryError`). */
    async addEntry(input: AccountingEntry): Promise<HubEntry> {
      const entry = validEntry(input);
      if (state().entries[entry.id]) throw new RangeError(`entry ${entry.id} exists already`);
      const trackingCode = newTrackingCode();
      const record: HubEntry = {
        entry,
        status: { status: 'to-verify' },
        trackingCode,
        attempt: 0,
        readBackMisses: 0,
        history: [{ at: now(), status: 'to-verify' }],
      };
      await store.commit([set(['entries', entry.id], record), set(['trackingCodes', trackingCode], entry.id)]);
      return record;
    },
    /** Replaces an entry's content (the accountant corrects it) before marking it verified; checked like a new one. */
    async editEntry(input: AccountingEntry) {
      const entry = validEntry(input);
      if (!state().entries[entry.id]) throw new RangeError(`no entry ${entry.id}`);
      await put(['entries', entry.id, 'entry'], entry);
    },
    /**
     * HUB-MARK-VERIFIED-RESEND, "Mark as verified": the entry is ready and, after a rejection, will
     * be sent again as a new attempt. HUB-SYNC-REALTIME: a first validation goes at once; a resend
     * waits, whatever the frequency, for the Synchronize button or (unless manual) the night run:
     * seed 002, "resent at the next click on the Synchronize button ... or automatically the
     * following night, depending on your automatic sending settings".
     */
    async markVerified(entryId: string): Promise<void> {
      const record = state().entries[entryId];
      if (!record) throw new RangeError(`no entry ${entryId}`);
      const resend = record.status.status === 'sync-failed' || record.status.status === 'failed-check';
      await ctx.setStatus(
        entryId,
        { status: 'pending' },
        {
          attempt: resend ? record.attempt + 1 : record.attempt,
          receipt: undefined,
          readBackMisses: 0,
          checkAfter: undefined,
          resendDue: undefined,
          nightResends: undefined,
        },
      );
      const file = ctx.fileContext(record.entry.clientFileId);
      if (!resend && file?.connection.frequency === 'realtime')
        await synchronizeFile(record.entry.clientFileId, { send: true });
    },
    /** HUB-EXCLUDE-ENTRY, "Exclude": the entry will never be sent. */
    async exclude(entryId: string) {
      if (!state().entries[entryId]) throw new RangeError(`no entry ${entryId}`);
      await ctx.setStatus(entryId, { status: 'excluded', at: now() });
    },
    /** The Synchronize button (HUB-SYNC-MANUAL): sends what is pending and reads back what was sent. */
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
    /** Runs what fell due on the virtual clock since the last run (see `schedule.ts`). */
    runScheduler: () => runScheduler(ctx, { synchronizeFile, pullInto }),
    entry: (entryId: string): HubEntry | undefined => state().entries[entryId],
    entries: (clientFileId: string): HubEntry[] =>
      Object.values(state().entries).filter((r) => r.entry.clientFileId === clientFileId),
  };
  return engine;
}

export type HubEngine = ReturnType<typeof createHubEngine>;
