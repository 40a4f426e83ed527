import { AsyncLocalStorage } from 'node:async_hooks';
import type { VirtualClock } from './clock.js';

/**
 * Per-tenant time lines over one server clock. A shared server serves many users: a scenario run
 * with `--against` needs "three nights later" for its own tenant without moving the time of the
 * others. Each tenant may have an offset over the server's clock (virtual = server + offset);
 * a tenant without one shows the server's time. A live server clock keeps every tenant flowing
 * with real time, each from where its own line was set, except a tenant whose line is frozen
 * (`freeze`): a scenario is defined on a frozen time line, so its tenant's time stands at an
 * instant and moves only when set or advanced, whatever the server's clock does.
 */

/** The time of every tenant at one instant of the server's clock: what work due on the clock is judged by. */
export interface TenantTime {
  /** The server's virtual time, in epoch ms. */
  readonly baseMs: number;
  /** The tenant's offset over the server's clock (0 for a tenant with no time line of its own). */
  offsetMs(tenantId: string): number;
  /** Whether the tenant's line stands still: its work falls due only when its line is moved. */
  frozen(tenantId: string): boolean;
  /** The tenant's virtual time, in epoch ms. */
  nowMs(tenantId: string): number;
  now(tenantId: string): Date;
}

/**
 * The clock a simulator's routes read: the time of the tenant the request is about (once its
 * credentials named it), the server's otherwise. Moving it (`set`, `advance`) moves the server's
 * clock, as `/__admin/clock` does; `forTenant(id)` moves one tenant's line only.
 */
export interface TenantClocks extends VirtualClock {
  /** The server's clock, shared with the other simulators of the process. */
  readonly base: VirtualClock;
  /** Runs `fn` with `current` naming the request's tenant whenever the clock is read inside it. */
  scope<T>(current: () => string | undefined, fn: () => T): T;
  /** One tenant's clock: reads and moves that tenant's line only (a frozen line stays frozen). */
  forTenant(tenantId: string): VirtualClock;
  /** Sets a tenant's line at `at` and freezes it there: it moves only when set or advanced. */
  freeze(tenantId: string, at: Date | string | number): void;
  /** Whether the tenant's line is frozen. */
  isFrozen(tenantId: string): boolean;
  /** The tenants with a line of their own, and their offsets (a frozen line's as of now). */
  offsets(): ReadonlyMap<string, number>;
  /** Whether any tenant has a line of its own: asked on every request, so it builds nothing. */
  hasLines(): boolean;
  /** Whether this tenant has a line of its own. */
  hasLine(tenantId: string): boolean;
  /** Forgets a tenant's line (the tenant is gone): its id, reused, starts on the server's time. */
  drop(tenantId: string): void;
  /** Every tenant's time, now. */
  time(): TenantTime;
}

const isTenantClocks = (clock: VirtualClock): clock is TenantClocks =>
  typeof (clock as Partial<TenantClocks>).forTenant === 'function';

/** Wraps a server clock (a clock that already is one is returned as it is). */
export function createTenantClocks(base: VirtualClock): TenantClocks {
  if (isTenantClocks(base)) return base;
  /** Tenant id → its offset over the server's clock (a line that flows with it). */
  const offsets = new Map<string, number>();
  /** Tenant id → the instant its frozen line stands at (epoch ms). */
  const frozen = new Map<string, number>();
  const scopes = new AsyncLocalStorage<() => string | undefined>();
  const listeners = new Set<(now: Date) => void>();
  const offsetMs = (tenantId: string | undefined) => {
    if (tenantId === undefined) return 0;
    const at = frozen.get(tenantId);
    return at === undefined ? (offsets.get(tenantId) ?? 0) : at - base.nowMs();
  };
  const hasLines = () => offsets.size > 0 || frozen.size > 0;
  const currentTenant = () => (hasLines() ? scopes.getStore()?.() : undefined);
  /** The request's tenant; read only when some tenant has a line of its own (the common case costs nothing). */
  const currentOffset = () => (hasLines() ? offsetMs(currentTenant()) : 0);
  /** A frozen line's work falls due when its line is moved (every move notifies): no timer for it. */
  const wakeOn = (tenantId: string | undefined, atMs: number) => {
    if (tenantId !== undefined && frozen.has(tenantId)) return;
    base.wakeAt(atMs - offsetMs(tenantId));
  };
  const notify = () => {
    const now = base.now();
    for (const listener of listeners) listener(now);
  };

  const forTenant = (tenantId: string): VirtualClock => ({
    mode: base.mode,
    now: () => new Date(base.nowMs() + offsetMs(tenantId)),
    nowMs: () => base.nowMs() + offsetMs(tenantId),
    set(to) {
      const ms = toMs(to);
      if (frozen.has(tenantId)) frozen.set(tenantId, ms);
      else {
        const offset = ms - base.nowMs();
        if (offset === 0) offsets.delete(tenantId);
        else offsets.set(tenantId, offset);
      }
      notify();
    },
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance the clock by ${ms} ms`);
      const at = frozen.get(tenantId);
      if (at !== undefined) frozen.set(tenantId, at + ms);
      else offsets.set(tenantId, offsetMs(tenantId) + ms);
      notify();
    },
    onChange(listener) {
      listeners.add(listener);
      const off = base.onChange(listener);
      return () => {
        listeners.delete(listener);
        off();
      };
    },
    wakeAt: (atMs) => wakeOn(tenantId, atMs),
    dispose() {},
  });

  const freeze = (tenantId: string, at: Date | string | number) => {
    const ms = toMs(at);
    offsets.delete(tenantId);
    frozen.set(tenantId, ms);
    notify();
  };

  return {
    base,
    get mode() {
      return base.mode;
    },
    now: () => new Date(base.nowMs() + currentOffset()),
    nowMs: () => base.nowMs() + currentOffset(),
    set: (to) => base.set(to),
    advance: (ms) => base.advance(ms),
    onChange(listener) {
      listeners.add(listener);
      const off = base.onChange(listener);
      return () => {
        listeners.delete(listener);
        off();
      };
    },
    // An instant on the request's tenant's line, asked for from inside its request (an import queued).
    wakeAt: (atMs) => wakeOn(currentTenant(), atMs),
    dispose: () => base.dispose(),
    scope: (current, fn) => scopes.run(current, fn),
    forTenant,
    freeze,
    isFrozen: (tenantId) => frozen.has(tenantId),
    hasLines,
    hasLine: (tenantId) => offsets.has(tenantId) || frozen.has(tenantId),
    offsets() {
      if (frozen.size === 0) return offsets;
      const all = new Map(offsets);
      const baseMs = base.nowMs();
      for (const [id, at] of frozen) all.set(id, at - baseMs);
      return all;
    },
    drop(tenantId) {
      offsets.delete(tenantId);
      frozen.delete(tenantId);
    },
    time() {
      const baseMs = base.nowMs();
      const snapshot = new Map(offsets);
      for (const [id, at] of frozen) snapshot.set(id, at - baseMs);
      const still = new Set(frozen.keys());
      const off = (tenantId: string) => snapshot.get(tenantId) ?? 0;
      return {
        baseMs,
        offsetMs: off,
        frozen: (tenantId) => still.has(tenantId),
        nowMs: (tenantId) => baseMs + off(tenantId),
        now: (tenantId) => new Date(baseMs + off(tenantId)),
      };
    },
  };
}

/** A tenant's time, read before its request names it (a token that picks its firm). */
export function tenantNow(clock: VirtualClock, tenantId: string): Date {
  return isTenantClocks(clock) ? clock.forTenant(tenantId).now() : clock.now();
}

/** The time of every tenant of a plain clock: the clock's own, for all. */
export function sharedTime(nowMs: number): TenantTime {
  return { baseMs: nowMs, offsetMs: () => 0, frozen: () => false, nowMs: () => nowMs, now: () => new Date(nowMs) };
}

function toMs(value: Date | string | number): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid instant: ${String(value)}`);
  return ms;
}
