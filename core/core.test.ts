import { describe, expect, it } from 'vitest';
import { createLiveClock, createVirtualClock, nextNight, HOUR } from './clock.js';
import { parseDuration } from './duration.js';
import { createRandom } from './random.js';
import { manualRealTime } from './test-support.js';

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
  it('gives the same sequence and the same names for the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const draw = (r: ReturnType<typeof createRandom>) => [
      r.next(),
      r.string(8),
      r.names.companyName(),
      r.names.fullName(),
      r.names.email(),
    ];
    expect(draw(a)).toEqual(draw(b));
    expect(createRandom(43).string(12)).not.toBe(createRandom(42).string(12));
    const names = (seed: number) => Array.from({ length: 5 }, () => createRandom(seed).names.companyName());
    expect(names(43)).not.toEqual(names(42));
  });

  it('draws names from a stream of their own: asking for one never moves the keys and identifiers drawn after it', () => {
    const plain = createRandom(42);
    const named = createRandom(42);
    named.names.companyName();
    named.names.email();
    expect([named.next(), named.string(40)]).toEqual([plain.next(), plain.string(40)]);
    // ...and the names follow the seed alone, whatever was drawn before them.
    const late = createRandom(42);
    for (let i = 0; i < 100; i++) late.next();
    expect(late.names.fullName()).toBe(createRandom(42).names.fullName());
    expect(late.names).toBe(late.names); // one name stream per generator: its sequence goes on
  });

  it('writes e-mail addresses a schema accepts: lower case, no accents, no spaces', () => {
    const random = createRandom(7);
    for (let i = 0; i < 200; i++) expect(random.names.email()).toMatch(/^[a-z]+\.[a-z]+\d{0,2}@[a-z]+\.[a-z]+$/);
  });
});

describe('the live clock (ledgersim start): virtual = real + offset', () => {
  it('runs with real time from where it starts; set and advance move the offset', () => {
    const time = manualRealTime(Date.parse('2030-01-01T00:00:00Z'));
    const clock = createLiveClock({ start: '2026-03-16T09:00:00Z', real: time.real });
    expect(clock.mode).toBe('live');
    time.pass(90_000);
    expect(clock.now().toISOString()).toBe('2026-03-16T09:01:30.000Z');
    clock.advance(12 * HOUR);
    time.pass(1_000);
    expect(clock.now().toISOString()).toBe('2026-03-16T21:01:31.000Z');
    clock.set('2026-01-01T00:00:00Z');
    time.pass(1_000);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:01.000Z');
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });

  it('wakes its listeners when an instant asked for is reached, with one timer for the earliest, and none when nothing is due', () => {
    const time = manualRealTime();
    const clock = createLiveClock({ start: '2026-03-16T09:00:00Z', real: time.real });
    const woken: string[] = [];
    clock.onChange((now) => woken.push(now.toISOString()));
    expect(time.pending()).toBe(0);
    clock.wakeAt(Date.parse('2026-03-16T09:10:00Z'));
    clock.wakeAt(Date.parse('2026-03-16T09:01:00Z'));
    expect(time.pending()).toBe(1);
    time.pass(59_000);
    expect(woken).toEqual([]);
    time.pass(1_000);
    expect(woken).toEqual(['2026-03-16T09:01:00.000Z']);
    time.pass(9 * 60_000);
    expect(woken).toEqual(['2026-03-16T09:01:00.000Z', '2026-03-16T09:10:00.000Z']);
    expect(time.pending()).toBe(0);
  });

  it('fires at once what a move of the clock has passed, and stops with dispose', () => {
    const time = manualRealTime();
    const clock = createLiveClock({ start: '2026-03-16T09:00:00Z', real: time.real });
    const woken: string[] = [];
    clock.onChange((now) => woken.push(now.toISOString()));
    clock.wakeAt(Date.parse('2026-03-17T02:00:00Z'));
    clock.advance(24 * HOUR);
    expect(woken).toEqual(['2026-03-17T09:00:00.000Z']);
    expect(time.pending()).toBe(0); // reached by the move: nothing left to wait for
    clock.wakeAt(Date.parse('2026-03-18T00:00:00Z'));
    clock.dispose();
    expect(time.pending()).toBe(0);
  });

  it('a frozen clock ignores wake-ups: it moves only when told', () => {
    const clock = createVirtualClock({ start: '2026-03-16T09:00:00Z' });
    const woken: string[] = [];
    clock.onChange((now) => woken.push(now.toISOString()));
    clock.wakeAt(Date.parse('2026-03-16T09:00:01Z'));
    expect(clock.mode).toBe('frozen');
    expect(woken).toEqual([]);
  });
});
