import type { Change } from '../../core/changes.js';
import type { Store } from '../../core/store.js';

type Tenants<T> = { tenants: Record<string, T> };

/**
 * The tenants a store's changes touched since the last `take`: a commit names them by its paths
 * (`['tenants', id, ...]`); a replace, an undone commit or a change to `tenants` itself touches all.
 * Indexes built on it re-read those tenants only, so their cost is that of the writes, not of the
 * number of tenants.
 */
function watchTenants(store: Store<Tenants<unknown>>) {
  let all = true;
  const touched = new Set<string>();
  const unsubscribe = store.onApplied((changes: readonly Change[] | undefined) => {
    if (all) return;
    if (!changes) return void (all = true);
    for (const { path } of changes) {
      if (path[0] !== 'tenants') continue;
      if (path.length < 2) return void (all = true);
      touched.add(path[1]!);
    }
  });
  return {
    /** What changed since the last call: every tenant, or these ones. */
    take(): { all: true } | { all: false; ids: string[] } {
      if (all) {
        all = false;
        touched.clear();
        return { all: true };
      }
      const ids = [...touched];
      touched.clear();
      return { all: false, ids };
    },
    dispose: unsubscribe,
  };
}

const ownTenant = <T>(store: Store<Tenants<T>>, id: string): T | undefined =>
  Object.hasOwn(store.data.tenants, id) ? store.data.tenants[id] : undefined;

export interface CredentialIndex<T> {
  /** The tenant a credential picks, or undefined: one map look-up, whatever the number of tenants. */
  find(key: string): { id: string; tenant: T } | undefined;
  dispose(): void;
}

/**
 * Credential → tenant, kept in step with the store. Two tenants sharing a credential are refused
 * by the admin plane (409); should a loaded state still hold one, the first tenant in the state's
 * order keeps it, as a scan in that order would have answered.
 */
export function createCredentialIndex<T>(
  store: Store<Tenants<T>>,
  keysOf: (tenant: T) => readonly string[],
): CredentialIndex<T> {
  const watch = watchTenants(store as Store<Tenants<unknown>>);
  const byKey = new Map<string, string>();
  const keysById = new Map<string, readonly string[]>();
  let shared = false;

  const rebuild = () => {
    byKey.clear();
    keysById.clear();
    shared = false;
    for (const [id, tenant] of Object.entries(store.data.tenants)) {
      const keys = keysOf(tenant);
      keysById.set(id, keys);
      for (const key of keys) {
        if (byKey.has(key)) shared = true;
        else byKey.set(key, id);
      }
    }
  };
  const refresh = () => {
    const changed = watch.take();
    // A shared credential's owner depends on the tenants' order: only a full pass decides it.
    if (changed.all || shared) return rebuild();
    for (const id of changed.ids) {
      for (const key of keysById.get(id) ?? []) if (byKey.get(key) === id) byKey.delete(key);
      keysById.delete(id);
      const tenant = ownTenant(store, id);
      if (!tenant) continue;
      const keys = keysOf(tenant);
      keysById.set(id, keys);
      for (const key of keys) {
        if (byKey.has(key)) shared = true;
        else byKey.set(key, id);
      }
    }
    if (shared) rebuild();
  };

  return {
    find(key) {
      refresh();
      const id = byKey.get(key);
      const tenant = id === undefined ? undefined : ownTenant(store, id);
      return id === undefined || tenant === undefined ? undefined : { id, tenant };
    },
    dispose: watch.dispose,
  };
}

export interface DueIndex {
  /** The tenants whose earliest pending work is due at `nowMs`, in the state's order. */
  dueTenants(nowMs: number): string[];
  /** When the earliest work due after `nowMs` falls due, if any. */
  nextDue(nowMs: number): number | undefined;
  dispose(): void;
}

/**
 * Each tenant's earliest pending work, kept in step with the store: a clock move looks at the
 * tenants with something due and at nothing else, so advancing the clock over 10,000 idle tenants
 * costs what is due, not the number of tenants. `earliestOf` answers a tenant's earliest pending
 * instant (ms), or undefined when it has none.
 */
export function createDueIndex<T>(store: Store<Tenants<T>>, earliestOf: (tenant: T) => number | undefined): DueIndex {
  const watch = watchTenants(store as Store<Tenants<unknown>>);
  /** Tenants with pending work and its earliest instant; few, whatever the number of tenants. */
  const earliest = new Map<string, number>();

  const index = (id: string) => {
    const tenant = ownTenant(store, id);
    const at = tenant === undefined ? undefined : earliestOf(tenant);
    if (at === undefined) earliest.delete(id);
    else earliest.set(id, at);
  };
  const refresh = () => {
    const changed = watch.take();
    if (changed.all) {
      earliest.clear();
      for (const id of Object.keys(store.data.tenants)) index(id);
    } else for (const id of changed.ids) index(id);
  };

  return {
    dueTenants(nowMs) {
      refresh();
      const due: string[] = [];
      for (const [id, at] of earliest) if (at <= nowMs) due.push(id);
      if (due.length < 2) return due;
      // The state's order, as a scan of every tenant would have visited them.
      const order = new Map(Object.keys(store.data.tenants).map((id, i) => [id, i]));
      return due.sort((a, b) => order.get(a)! - order.get(b)!);
    },
    nextDue(nowMs) {
      refresh();
      let next: number | undefined;
      for (const at of earliest.values()) if (at > nowMs && (next === undefined || at < next)) next = at;
      return next;
    },
    dispose: watch.dispose,
  };
}
