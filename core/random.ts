import type { Faker } from '@faker-js/faker';
// The French entry point loads fr, en and base only: the package's main entry loads every locale
// (about 150 ms of start-up for nothing).
import { faker as frenchFaker } from '@faker-js/faker/locale/fr';

const FakerClass = frenchFaker.constructor as new (options: { locale: Faker['rawDefinitions'] }) => Faker;

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
  /** A faker seeded from the same seed, French first. */
  readonly faker: Faker;
}

export function createRandom(seed: number): SeededRandom {
  // mulberry32: tiny, fast, good enough for test data and fault decisions.
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Built on first use: most generators (a simulator's faults, tokens, a scenario's simulator)
  // never ask for it, and building one costs about as much as the rest of a simulator.
  let faker: Faker | undefined;
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
    get faker() {
      if (!faker) {
        faker = new FakerClass({ locale: frenchFaker.rawDefinitions });
        faker.seed(seed);
      }
      return faker;
    },
  };
}
