import { createFrenchNames, type FrenchNames } from './french-names.js';

/**
 * The seeded generator: the only source of randomness. The same seed gives the same demo data,
 * ids and fault decisions.
 */
export interface SeededRandom {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** A string of `length` characters from `alphabet`. */
  string(length: number, alphabet?: string): string;
  /** French names (firms, people, e-mail addresses) from a stream of their own, seeded from the same seed. */
  readonly names: FrenchNames;
}

/** mulberry32: tiny, fast, good enough for test data and fault decisions. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Keeps the names' stream apart from the main one (a stream from the seed itself would repeat its draws). */
const NAMES_STREAM = 0x9e3779b9;

export function createRandom(seed: number): SeededRandom {
  const next = mulberry32(seed);
  // A stream of their own, as the faker that drew them had: asking for a name never moves the
  // main stream, so the demo's keys and identifiers are what they were, and the names follow the
  // seed alone, whatever was drawn before them.
  let names: FrenchNames | undefined;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    seed,
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    string: (length, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') =>
      Array.from({ length }, () => alphabet[int(0, alphabet.length - 1)]).join(''),
    get names() {
      names ??= createFrenchNames(mulberry32((seed ^ NAMES_STREAM) >>> 0));
      return names;
    },
  };
}
