import type { RealTime } from './clock.js';
import { faultyFileLayer, nodeFileLayer, type FileLayer } from './file-layer.js';

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

/**
 * `faultyFileLayer` whose fsyncs can also be held, so that a request arrives while a commit is
 * between its write and its fsync; `control.failing` then fails the fsyncs only (an I/O error
 * after the bytes reached the file: the commit is undone).
 */
export function heldFileLayer(base: FileLayer = nodeFileLayer) {
  const faulty = faultyFileLayer(base);
  let held: Promise<void> | undefined;
  let release: (() => void) | undefined;
  const control = Object.assign(faulty.control, {
    syncOnly: true,
    /** fsyncs waiting on the hold now. */
    waiting: 0,
    hold() {
      held = new Promise<void>((resolve) => (release = resolve));
    },
    release() {
      held = undefined;
      release?.();
    },
  });
  const layer: FileLayer = {
    ...faulty.layer,
    async open(path, flags) {
      const file = await faulty.layer.open(path, flags);
      return {
        ...file,
        async datasync() {
          if (held) {
            control.waiting += 1;
            await held;
            control.waiting -= 1;
          }
          await file.datasync();
        },
      };
    },
  };
  return { layer, control };
}
