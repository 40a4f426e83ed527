import { describe, expect, it } from 'vitest';
import { createVirtualClock, nextNight, HOUR } from './clock.js';
import { parseDuration } from './duration.js';
import { createRandom } from './random.js';

describe('the virtual clock', () => {
  it('moves only when told, and tells its listeners', () => {
    const clock = createVirtualClock({ start: '2026-01-15T09:00:00Z' });
    const seen: string[] = [];
    clock.onChange((now) => seen.push(now.toISOString()));
    expect(clock.now().toISOString()).toBe('2026-01-15T09:00:00.000Z');
    clock.advance(12 * HOUR);
    clock.set('2026-02-01T00:00:00Z');
    expect(seen).toEqual(['2026-01-15T21:00:00.000Z', '2026-02-01T00:00:00.000Z']);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.set('not a date')).toThrow(RangeError);
  });

  it('finds the next night at 02:00 UTC', () => {
    expect(nextNight(new Date('2026-01-15T09:00:00Z')).toISOString()).toBe('2026-01-16T02:00:00.000Z');
    expect(nextNight(new Date('2026-01-15T01:00:00Z')).toISOString()).toBe('2026-01-15T02:00:00.000Z');
  });
});

describe('durations', () => {
  it('reads human durations', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1w')).toBe(7 * 24 * HOUR);
    expect(parseDuration(250)).toBe(250);
    expect(() => parseDuration('soon')).toThrow(/not a duration/);
  });
});

describe('the seeded generator', () => {
  it('gives the same sequence and the same faker data for the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    expect([a.next(), a.string(8), a.faker.company.name()]).toEqual([b.next(), b.string(8), b.faker.company.name()]);
    expect(createRandom(43).string(12)).not.toBe(createRandom(42).string(12));
  });
});
