/**
 * The virtual clock: the only source of time for simulators and connectors. Nothing else reads
 * the wall clock, which is what makes "12 hours later" or "three nights" testable in
 * milliseconds and every timeline reproducible.
 */
export interface VirtualClock {
  /** The current virtual time. */
  now(): Date;
  /** The current virtual time in epoch milliseconds. */
  nowMs(): number;
  /** Move to an absolute instant (forwards or backwards). */
  set(to: Date | string | number): void;
  /** Move forwards by a duration in milliseconds. */
  advance(ms: number): void;
  /** Called after every set/advance, so timers on the virtual clock can fire. */
  onChange(listener: (now: Date) => void): () => void;
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
    now: () => new Date(current),
    nowMs: () => current,
    set(to) {
      current = toMs(to);
      notify();
    },
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance the clock by ${ms} ms`);
      current += ms;
      notify();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
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
