import { own } from '../../core/own.js';
import type { Change } from '../../core/changes.js';
import type { Store } from '../../core/store.js';
import { sharedTime, type TenantTime } from '../../core/tenant-clock.js';

type Tenants<T> = { tenants: Record<string, T> };

/**
 * The tenants a store's changes touched since the last `take`: a commit names them by its paths
 * (`['tenants', id, ...]`); a replace, an undone commit or a change to `tenants` itself touches all.
 * Indexes built on it re-read those tenants only, so their cost is that of the writes, not of the
 * number of tenants.
 */
const UNCHANGED = { all: false, ids: [] } as const;

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
    take(): { all: true } | { all: false; ids: readonly string[] } {
      if (all) {
        all = false;
        touched.clear();
        return { all: true };
      }
      // Nearly every request asks with nothing written since: nothing allocated for it.
      if (touched.size === 0) return UNCHANGED;
      const ids = [...touched];
      touched.clear();
      return { all: false, ids };
    },
    dispose: unsubscribe,
  };
}

const ownTenant = <T>(store: Store<Tenants<T>>, id: string): T | undefined => own(store.data.tenants, id);

export interface CredentialIndex<T> {
  /**
   * The tenant a credential picks, or undefined: one map look-up, whatever the number of tenants.
   * Should two tenants hold it (a loaded state the admin plane did not check), the first in the
   * state's order answers, as a scan in that order would have.
   */
  find(key: string): { id: string; tenant: T } | undefined;
  /** The one tenant holding the credential; undefined when none does, or when several do (a tie is refused, not guessed). */
  only(key: string): { id: string; tenant: T } | undefined;
  /** Every tenant holding the credential, in the state's order. */
  holders(key: string): string[];
  dispose(): void;
}

/**
 * Credential → tenants, kept in step with the store: a write re-reads the tenants it touched, a
 * replace re-reads them all, so a changed, removed or replaced credential is seen by the next
 * look-up. Two tenants sharing a credential are refused by the admin plane (409).
 */
export function createCredentialIndex<T>(
  store: Store<Tenants<T>>,
  keysOf: (tenant: T) => readonly string[],
): CredentialIndex<T> {
  const watch = watchTenants(store as Store<Tenants<unknown>>);
  /** Nearly always one holder; a Set so that a tie costs nothing until it is asked about. */
  const byKey = new Map<string, Set<string>>();
  const keysById = new Map<string, readonly string[]>();

  const forget = (id: string) => {
    for (const key of keysById.get(id) ?? []) {
      const ids = byKey.get(key);
      ids?.delete(id);
      if (ids?.size === 0) byKey.delete(key);
    }
    keysById.delete(id);
  };
  const learn = (id: string) => {
    const tenant = ownTenant(store, id);
    if (tenant === undefined) return;
    const keys = keysOf(tenant);
    keysById.set(id, keys);
    for (const key of keys) {
      const ids = byKey.get(key);
      if (ids) ids.add(id);
      else byKey.set(key, new Set([id]));
    }
  };
  const refresh = () => {
    const changed = watch.take();
    if (changed.all) {
      byKey.clear();
      keysById.clear();
      for (const id of Object.keys(store.data.tenants)) learn(id);
    } else
      for (const id of changed.ids) {
        forget(id);
        learn(id);
      }
  };
  const holders = (key: string): string[] => {
    refresh();
    const ids = byKey.get(key);
    if (!ids) return [];
    if (ids.size === 1) return [...ids];
    // A tie: the state's order, as a scan would have met them (rare, so paid only here).
    return Object.keys(store.data.tenants).filter((id) => ids.has(id));
  };
  const answer = (id: string | undefined) => {
    const tenant = id === undefined ? undefined : ownTenant(store, id);
    return id === undefined || tenant === undefined ? undefined : { id, tenant };
  };

  return {
    find(key) {
      refresh();
      const ids = byKey.get(key);
      if (ids === undefined) return undefined;
      // One holder (always, but for a loaded state the admin plane did not check): no array for it.
      return answer(ids.size === 1 ? ids.values().next().value : holders(key)[0]);
    },
    only(key) {
      const ids = holders(key);
      return ids.length === 1 ? answer(ids[0]) : undefined;
    },
    holders,
    dispose: watch.dispose,
  };
}

export interface DueIndex {
  /**
   * The tenants whose earliest pending work is due, each judged by its own time (a number: one
   * time for all), in the state's order.
   */
  dueTenants(time: number | TenantTime): string[];
  /**
   * When the earliest work not yet due falls due, as an instant of the server's clock (what its
   * `wakeAt` takes: a tenant ahead of the server reaches its instant that much sooner), if any.
   */
  nextDue(time: number | TenantTime): number | undefined;
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
    dueTenants(time) {
      refresh();
      const t = typeof time === 'number' ? sharedTime(time) : time;
      const due: string[] = [];
      for (const [id, at] of earliest) if (at <= t.nowMs(id)) due.push(id);
      if (due.length < 2) return due;
      // The state's order, as a scan of every tenant would have visited them.
      const order = new Map(Object.keys(store.data.tenants).map((id, i) => [id, i]));
      return due.sort((a, b) => order.get(a)! - order.get(b)!);
    },
    nextDue(time) {
      refresh();
      const t = typeof time === 'number' ? sharedTime(time) : time;
      let next: number | undefined;
      for (const [id, at] of earliest) {
        // A frozen line's work falls due when the line is moved (that move ticks): no wake-up.
        if (t.frozen(id)) continue;
        const offset = t.offsetMs(id);
        if (at <= t.baseMs + offset) continue;
        if (next === undefined || at - offset < next) next = at - offset;
      }
      return next;
    },
    dispose: watch.dispose,
  };
}
