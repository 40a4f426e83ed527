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
function watchTenants(store: Store<Tenants<unknown>>) {
  let all = true;
  // An array, not a Set: a push touches its one tenant, so the same id comes in runs (kept once
  // per run); a repeat further on is only looked at twice. Emptied in place, nothing allocated
  // per request (a Set's `clear` allocates its table anew).
  const touched: string[] = [];
  const unsubscribe = store.onApplied((changes: readonly Change[] | undefined) => {
    if (all) return;
    if (!changes) return void (all = true);
    for (const { path } of changes) {
      if (path[0] !== 'tenants') continue;
      if (path.length < 2) return void (all = true);
      if (touched[touched.length - 1] !== path[1]) touched.push(path[1]!);
    }
  });
  return {
    /**
     * What changed since the last call: true for every tenant (the caller re-reads them all),
     * else false once `visit` has seen each tenant touched.
     */
    take(visit: (id: string) => void): boolean {
      if (all) {
        all = false;
        touched.length = 0;
        return true;
      }
      // Nearly every request asks with nothing written since: nothing allocated for it.
      for (let i = 0; i < touched.length; i++) visit(touched[i]!);
      touched.length = 0;
      return false;
    },
    dispose: unsubscribe,
  };
}

const sameKeys = (a: readonly string[], b: readonly string[]) => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

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
  const learn = (id: string, keys: readonly string[]) => {
    keysById.set(id, keys);
    for (const key of keys) {
      const ids = byKey.get(key);
      if (ids) ids.add(id);
      else byKey.set(key, new Set([id]));
    }
  };
  /**
   * A tenant written to: nearly always its credentials are what they were (a push), and then
   * nothing in the index changes; forgetting and learning them again made a new Set per
   * credential per write, young objects held by the index's old maps.
   */
  const update = (id: string) => {
    const tenant = ownTenant(store, id);
    const known = keysById.get(id);
    if (tenant === undefined) {
      if (known) forget(id);
      return;
    }
    const keys = keysOf(tenant);
    if (known && sameKeys(known, keys)) return;
    forget(id);
    learn(id, keys);
  };
  const refresh = () => {
    if (!watch.take(update)) return;
    byKey.clear();
    keysById.clear();
    for (const id of Object.keys(store.data.tenants)) {
      const tenant = ownTenant(store, id);
      if (tenant !== undefined) learn(id, keysOf(tenant));
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
    if (!watch.take(index)) return;
    earliest.clear();
    for (const id of Object.keys(store.data.tenants)) index(id);
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
