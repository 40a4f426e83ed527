import type { CatalogueId } from '../../contracts/catalogue/schema.js';
import type { AccountingEntry, ReferenceData } from '../../contracts/hub/model.js';
import { createVirtualClock, type VirtualClock } from '../../core/clock.js';
import { createHubEngine, type HubEngine } from '../hub/engine.js';
import { purchaseEntry } from '../hub/entry-builders.js';
import {
  failure,
  success,
  type Connector,
  type ConnectorError,
  type EntryFate,
  type PushReceipt,
  type ReadBackPolicy,
  type VendorFile,
} from '../types.js';

/**
 * The hub engine's tests share this vendor in memory (`connectors/hub/*.test.ts`). It lives outside
 * `connectors/hub/` so that mutation testing, which mutates that folder, leaves the test double alone.
 */

export const START = '2026-03-16T09:00:00.000Z';
export const CLIENT = { id: 'C1', name: 'Boulangerie Martin' };
export const REFERENCE: Omit<ReferenceData, 'pulledAt'> = {
  accounts: [],
  subsidiaryAccounts: [],
  thirdParties: [],
  journals: [],
  fiscalYears: [],
};
/** A rejection the fake vendor answers with, under a real catalogue id so the engine can carry it. */
export const REJECTION = {
  code: 'R1',
  message: 'Journal HA is locked',
  catalogueId: 'SGE-JOURNAL-LOCKED' as CatalogueId,
};

/**
 * A vendor in memory: what it received, what it decided, and switches for the test. No vendor's
 * code: the engine must work on the `Connector` interface alone.
 */
export function fakeVendor(
  clock: VirtualClock,
  policy: ReadBackPolicy = { firstCheckAfterMs: 0, notFoundRetryNights: 0 },
) {
  const vendor = {
    secret: 'good',
    pushes: [] as { entryId: string; attempt: number; trackingCode: string; notFoundAtReadBack?: true }[],
    pulls: 0,
    /** entryId → what the read-back finds. */
    fates: new Map<string, EntryFate>(),
    /** What a push answers for an entry (default: accepted, fate "posted"; `unanswered`: a transport error, maybe taken in). */
    onPush: (_entry: AccountingEntry): 'accept' | 'reject' | 'lost' | 'unanswered' => 'accept',
    notes: [] as NonNullable<PushReceipt['notes']>,
    /** Each `pushEntries` call: the vendor file, and each entry with the `unconfirmedSince` it came with. */
    pushCalls: [] as { file: string; entries: { id: string; unconfirmedSince?: string }[] }[],
    /** When set, a whole `pushEntries` call fails with it (nothing is taken in). */
    batchFailure: undefined as ConnectorError | undefined,
    /** Each `readBack` call: the vendor file and the entries asked for. */
    reads: [] as { file: string; entryIds: string[] }[],
    /** When set, a `readBack` call fails with it. */
    readFailure: undefined as ConnectorError | undefined,
    /** The files `listFiles` answers, and when set, the failure it answers instead. */
    files: [{ id: 'V1', name: 'Vendor file', connected: true }] as VendorFile[],
    listFailure: undefined as ConnectorError | undefined,
    /** When set, `pullReferenceData` fails with it. */
    pullFailure: undefined as ConnectorError | undefined,
    connector(credentials: Record<string, string>): Connector {
      return {
        vendor: 'fake',
        readBackPolicy: policy,
        authenticate: async () =>
          credentials.secret === vendor.secret
            ? success(undefined)
            : failure({ kind: 'vendor-rejection', status: 401, code: 'AUTH', message: 'bad secret' }),
        listFiles: async () => (vendor.listFailure ? failure(vendor.listFailure) : success(vendor.files)),
        pullReferenceData: async () => {
          if (vendor.pullFailure) return failure(vendor.pullFailure);
          vendor.pulls += 1;
          return success({ ...REFERENCE, pulledAt: clock.now().toISOString() });
        },
        pushThirdParties: async () => success(undefined),
        canSend: (entry) => (entry.label.includes('HOLD') ? { ok: false, reason: 'held by the vendor' } : { ok: true }),
        pushEntries: async (file, items) => {
          vendor.pushCalls.push({
            file,
            entries: items.map((i) => ({
              id: i.entry.id,
              ...(i.unconfirmedSince ? { unconfirmedSince: i.unconfirmedSince } : {}),
            })),
          });
          if (vendor.batchFailure) return failure(vendor.batchFailure);
          return success(
            items.map(({ entry, attempt, trackingCode, notFoundAtReadBack }) => {
              vendor.pushes.push({
                entryId: entry.id,
                attempt,
                trackingCode,
                ...(notFoundAtReadBack ? { notFoundAtReadBack } : {}),
              });
              const verdict = vendor.onPush(entry);
              if (verdict === 'reject')
                return { ...failure({ kind: 'vendor-rejection', status: 400, ...REJECTION }), entryId: entry.id };
              if (verdict === 'unanswered')
                return {
                  ...failure({ kind: 'transport', message: 'socket hang up', retryable: true }),
                  entryId: entry.id,
                  unconfirmedSince: clock.now().toISOString(),
                };
              vendor.fates.set(
                entry.id,
                verdict === 'lost' ? { state: 'not-found' } : { state: 'posted', documentNumber: `DOC-${entry.id}` },
              );
              return {
                ok: true as const,
                value: {
                  entryId: entry.id,
                  vendorRef: `REF-${entry.id}-${attempt}`,
                  ...(vendor.notes.length ? { notes: vendor.notes } : {}),
                },
                entryId: entry.id,
              };
            }),
          );
        },
        readBack: async (file, receipts) => {
          vendor.reads.push({ file, entryIds: receipts.map((r) => r.entryId) });
          if (vendor.readFailure) return failure(vendor.readFailure);
          return success(receipts.map((r) => vendor.fates.get(r.entryId) ?? { state: 'not-found' }));
        },
      };
    },
  };
  return vendor;
}

export async function setUp(options: { frequency?: 'realtime' | 'daily' | 'manual'; policy?: ReadBackPolicy } = {}) {
  const clock = createVirtualClock({ start: START });
  const vendor = fakeVendor(clock, options.policy);
  const hub = createHubEngine({ clock, connectorFor: (connection) => vendor.connector(connection.credentials) });
  const connection = await hub.connect({
    vendor: 'fake',
    credentials: { secret: 'good' },
    frequency: options.frequency ?? 'realtime',
  });
  if (!connection.ok) throw new Error('connect failed');
  const linked = await hub.linkFile({ clientFile: CLIENT, connectionId: connection.value.id, vendorFileId: 'V1' });
  if (!linked.ok) throw new Error('link failed');
  const advance = async (ms: number) => {
    clock.advance(ms);
    await hub.runScheduler();
  };
  return { clock, vendor, hub, connectionId: connection.value.id, advance };
}

export const entry = (id: string, extra: Partial<AccountingEntry> = {}): AccountingEntry => ({
  ...purchaseEntry({ id, clientFileId: CLIENT.id, date: '2026-03-10' }),
  ...extra,
});
export const statusOf = (hub: HubEngine, id: string) => hub.entry(id)?.status.status;
