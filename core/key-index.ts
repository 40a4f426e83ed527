import type { Change } from './changes.js';

/**
 * The keys of the state's big objects (one ledger's entries), kept as commits change them. Listing
 * an object's keys is one step that cannot be split: `Object.keys` of 1,000,000 keys held the
 * event loop ~1 s on a busy machine, in every compaction and every streamed admin read. A `Set`
 * is iterated a slice at a time instead, live: a key added meanwhile is reached, a key deleted
 * meanwhile is skipped (the snapshot's log records, replayed over it, settle the rest).
 *
 * Objects are indexed when first listed with at least `big` keys (the state is walked once when
 * the store opens), and each commit and each undo updates the indexed objects along its paths.
 */
export interface KeyIndex {
  /** The object's keys: its live set when it is big, else a list taken now. */
  keysOf(value: object): Iterable<string>;
  /** Whether the object is indexed (big): its keys are then listed a slice at a time. */
  isBig(value: object): boolean;
  /** Indexes every big object under `root` (at open: one walk, before anything is served). */
  walk(root: unknown): void;
  /**
   * Indexes those of `collections` that are big, with the keys given (the loader's, exact),
   * without walking or listing anything. A big object it did not name is indexed when first listed.
   */
  adopt(collections: Iterable<readonly [object, readonly string[]]>): void;
  /** After `changes` were applied to `root`, or undone: each indexed holder along their paths follows. */
  follow(root: unknown, changes: readonly Change[]): void;
}

/** An object with this many keys or more is indexed. */
export const BIG_OBJECT_KEYS = 4096;

export function createKeyIndex(options: { big?: number; list?: (value: object) => string[] } = {}): KeyIndex {
  const big = options.big ?? BIG_OBJECT_KEYS;
  const list = options.list ?? Object.keys;
  const sets = new WeakMap<object, Set<string>>();
  let any = false;
  const keysOf = (value: object): Iterable<string> => {
    const known = sets.get(value);
    if (known) return known;
    const keys = list(value);
    if (keys.length >= big && !Array.isArray(value)) {
      sets.set(value, new Set(keys));
      any = true;
    }
    return keys;
  };
  return {
    keysOf,
    isBig: (value) => sets.has(value),
    adopt(collections) {
      for (const [value, keys] of collections) {
        if (keys.length < big || Array.isArray(value) || sets.has(value)) continue;
        sets.set(value, new Set(keys));
        any = true;
      }
    },
    walk(root) {
      const stack: unknown[] = [root];
      while (stack.length > 0) {
        const value = stack.pop();
        if (value === null || typeof value !== 'object') continue;
        if (Array.isArray(value)) {
          for (const item of value) if (item !== null && typeof item === 'object') stack.push(item);
          continue;
        }
        for (const key of keysOf(value)) {
          const child = (value as Record<string, unknown>)[key];
          if (child !== null && typeof child === 'object') stack.push(child);
        }
      }
    },
    follow(root, changes) {
      if (!any) return; // no big object yet: a commit costs nothing more
      for (const change of changes) {
        let node = root as Record<string, unknown> | undefined;
        for (const key of change.path) {
          if (node === null || typeof node !== 'object') break;
          const keys = sets.get(node);
          if (keys) {
            if (Object.hasOwn(node, key)) keys.add(key);
            else keys.delete(key);
          }
          node = node[key] as Record<string, unknown> | undefined;
        }
      }
    },
  };
}
