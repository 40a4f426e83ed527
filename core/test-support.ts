import type { RealTime } from './clock.js';

/** Real time driven by hand, for live-clock tests: `pass(ms)` moves it and fires the timers due. */
export function manualRealTime(start = Date.parse('2026-03-16T09:00:00Z')) {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const real: RealTime = {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
  };
  return {
    real,
    /** Timers armed and not fired yet. */
    pending: () => timers.size,
    pass(ms: number) {
      const end = now + ms;
      for (;;) {
        let first: [number, { at: number; callback: () => void }] | undefined;
        for (const entry of timers) if (entry[1].at <= end && (!first || entry[1].at < first[1].at)) first = entry;
        if (!first) break;
        timers.delete(first[0]);
        now = first[1].at;
        first[1].callback();
      }
      now = end;
    },
  };
}
