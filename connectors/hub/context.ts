import type { CatalogueId } from '../../contracts/catalogue/schema.js';
import type { SyncStatus } from '../../contracts/hub/model.js';
import { set } from '../../core/changes.js';
import type { VirtualClock } from '../../core/clock.js';
import type { SeededRandom } from '../../core/random.js';
import type { Store } from '../../core/store.js';
import { failure, type Connector, type ConnectorError, type Result } from '../types.js';
import type { Connection, HubEntry, HubState, Link } from './state.js';

/** A linked file ready to sync: its link, its connection and that connection's connector. */
export interface FileContext {
  link: Link;
  connection: Connection;
  connector: Connector;
}

/** What the engine's pieces share: the store, the clock, and the small helpers over them. */
export interface HubContext {
  readonly clock: VirtualClock;
  readonly store: Store<HubState>;
  readonly random: SeededRandom;
  /** The nightly run's UTC hour (resends, the read-back retries). */
  readonly nightHour: number;
  readonly eveningHour: number;
  now(): string;
  state(): HubState;
  put(path: string[], value: unknown): Promise<void>;
  /** Moves an entry to a status, with its history line (`note`: what else to show on it). */
  setStatus(entryId: string, status: SyncStatus, extra?: Partial<HubEntry>, note?: string): Promise<void>;
  fileContext(clientFileId: string): FileContext | undefined;
  connectorOf(connection: Connection): Connector;
  /** One task at a time per key: two clicks on Synchronize never send an entry twice. */
  exclusive<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export function createHubContext(input: {
  clock: VirtualClock;
  store: Store<HubState>;
  random: SeededRandom;
  nightHour: number;
  eveningHour: number;
  connectorFor(connection: Connection): Connector;
}): HubContext {
  const { clock, store } = input;
  const connectors = new Map<string, { credentials: string; connector: Connector }>();
  const locks = new Map<string, Promise<unknown>>();
  const state = () => store.data;
  const now = () => clock.now().toISOString();
  const put = (path: string[], value: unknown) => store.commit([set(path, value)]);

  function connectorOf(connection: Connection): Connector {
    // Rebuilt when the credentials change ("Edit API connection"), so the old keys are never used again.
    const key = JSON.stringify(connection.credentials);
    const cached = connectors.get(connection.id);
    if (cached && cached.credentials === key) return cached.connector;
    const connector = input.connectorFor(connection);
    connectors.set(connection.id, { credentials: key, connector });
    return connector;
  }

  return {
    clock,
    store,
    random: input.random,
    nightHour: input.nightHour,
    eveningHour: input.eveningHour,
    now,
    state,
    put,
    async setStatus(entryId, status, extra = {}, note) {
      const record = state().entries[entryId]!;
      const message = note ?? ('message' in status ? status.message : 'reason' in status ? status.reason : undefined);
      const history = [...record.history, { at: now(), status: status.status, ...(message ? { message } : {}) }].slice(
        -50,
      );
      await put(['entries', entryId], { ...record, ...extra, status, history });
    },
    fileContext(clientFileId) {
      const link = state().links[clientFileId];
      if (!link) return undefined;
      const connection = state().connections[link.connectionId];
      if (!connection) return undefined;
      return { link, connection, connector: connectorOf(connection) };
    },
    connectorOf,
    exclusive(key, task) {
      const previous = locks.get(key) ?? Promise.resolve();
      const next = previous.then(task, task);
      locks.set(
        key,
        next.catch(() => undefined),
      );
      return next;
    },
  };
}

/** The hub's own "no such thing" (a connection, a link...): its own kind, never a transport error. */
export const notFound = (
  what: Extract<ConnectorError, { kind: 'not-found' }>['what'],
  message: string,
): Result<never> => failure({ kind: 'not-found', what, message });

/**
 * An entry's `lastError` while it waits to be sent again: the kind of failure and its message. A
 * vendor's rejection is never one (it is the entry's "Synchronization failed" status).
 */
export const describeError = (error: Exclude<ConnectorError, { kind: 'vendor-rejection' }>) =>
  `${error.kind}: ${error.message}`;

/** HUB-SYNC-FAILED: a rejected entry shows "Synchronization failed" with the vendor's exact message. */
export const rejectionStatus = (at: string, error: { message: string; catalogueId?: CatalogueId }): SyncStatus => ({
  status: 'sync-failed',
  at,
  message: error.message,
  ...(error.catalogueId ? { catalogueId: error.catalogueId } : {}),
});
