/**
 * The virtual clock: the only source of time for simulators and connectors. Nothing else reads
 * the wall clock, which is what makes "12 hours later" or "three nights" testable in
 * milliseconds and every timeline reproducible.
 */
/**
 * `frozen`: time moves only when told (set, advance): what tests and the scenario runner use, so
 * a timeline is the same on every run. `live`: virtual time = real time + an offset, so imports
 * finish and nights come by themselves in `ledgersim start`; set and advance move the offset.
 */
export type ClockMode = 'frozen' | 'live';

export interface VirtualClock {
  readonly mode: ClockMode;
  /** The current virtual time. */
  now(): Date;
  /** The current virtual time in epoch milliseconds. */
  nowMs(): number;
  /** Move to an absolute instant (forwards or backwards). */
  set(to: Date | string | number): void;
  /** Move forwards by a duration in milliseconds. */
  advance(ms: number): void;
  /**
   * Called after every set/advance, so timers on the virtual clock can fire; on a live clock also
   * when an instant asked for with `wakeAt` is reached as real time passes.
   */
  onChange(listener: (now: Date) => void): () => void;
  /**
   * Asks to be woken (the `onChange` listeners called) once virtual time reaches `atMs`: work due
   * on the clock (an import finishing, the next night) says when it is due. A frozen clock only
   * moves when told, and every move calls the listeners, so it ignores this. A live clock keeps
   * one real timer, for the earliest instant asked for: nothing runs while nothing is due.
   */
  wakeAt(atMs: number): void;
  /** Stops the live clock's timer (a frozen clock has none). */
  dispose(): void;
}

export interface VirtualClockOptions {
  /** Where the clock starts. */
  start: Date | string | number;
}

export function createVirtualClock(options: VirtualClockOptions): VirtualClock {
  let current = toMs(options.start);
  const listeners = new Set<(now: Date) => void>();
  const notify = () => {
    for (const listener of listeners) listener(new Date(current));
  };
  return {
    mode: 'frozen',
    now: () => new Date(current),
    nowMs: () => current,
    set(to) {
      current = toMs(to);
      notify();
    },
    advance(ms) {
      checkAdvance(ms);
      current += ms;
      notify();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    wakeAt() {},
    dispose() {},
  };
}

/** The real time and timers a live clock follows; injected so that tests drive them by hand. */
export interface RealTime {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Node's clock and timers; a timer never keeps the process alive (it is unref'd). */
export const systemRealTime: RealTime = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface LiveClockOptions {
  /** The virtual instant the clock shows now; it then runs at the speed of real time. */
  start: Date | string | number;
  real?: RealTime;
}

/** Longest delay a Node timer takes (about 24.8 days); a later wake-up is re-armed when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A clock that follows real time (virtual = real + offset); `set` and `advance` move the offset. */
export function createLiveClock(options: LiveClockOptions): VirtualClock {
  const real = options.real ?? systemRealTime;
  let offset = toMs(options.start) - real.now();
  const listeners = new Set<(now: Date) => void>();
  /** Instants asked for by wakeAt and not reached yet. */
  const wakes = new Set<number>();
  let timer: { handle: unknown; at: number } | undefined;
  const nowMs = () => real.now() + offset;

  const notify = () => {
    const now = nowMs();
    for (const at of wakes) if (at <= now) wakes.delete(at);
    for (const listener of listeners) listener(new Date(now));
    arm();
  };
  /** One timer, for the earliest instant still to come. */
  function arm() {
    let earliest = Infinity;
    for (const at of wakes) if (at < earliest) earliest = at;
    if (timer && timer.at === earliest) return;
    if (timer) real.clearTimeout(timer.handle);
    timer = undefined;
    if (earliest === Infinity) return;
    const delay = Math.min(Math.max(0, earliest - nowMs()), MAX_TIMER_MS);
    const handle = real.setTimeout(() => {
      timer = undefined;
      if (nowMs() >= earliest) notify();
      else arm();
    }, delay);
    timer = { handle, at: earliest };
  }

  return {
    mode: 'live',
    now: () => new Date(nowMs()),
    nowMs,
    set(to) {
      offset = toMs(to) - real.now();
      notify();
    },
    advance(ms) {
      checkAdvance(ms);
      offset += ms;
      notify();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    wakeAt(atMs) {
      if (!Number.isFinite(atMs)) return;
      wakes.add(atMs);
      arm();
    },
    dispose() {
      if (timer) real.clearTimeout(timer.handle);
      timer = undefined;
      wakes.clear();
    },
  };
}

function checkAdvance(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance the clock by ${ms} ms`);
}

/**
 * The one place that reads the machine's clock: the CLI starts the virtual clock at the real
 * date unless told otherwise (`--now`), so the demo data sits around the developer's today.
 */
export function systemStartTime(): Date {
  return new Date(Date.now());
}

function toMs(value: Date | string | number): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid instant: ${String(value)}`);
  return ms;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The next "night" after `now`: 02:00 UTC of the following or same day (the hub's nightly run). */
export function nextNight(now: Date, hourUtc = 2): Date {
  const night = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  if (night.getTime() <= now.getTime()) night.setUTCDate(night.getUTCDate() + 1);
  return night;
}
