import { describe, expect, it } from 'vitest';
import { createVirtualClock, nextNight, HOUR } from './clock.js';
import { parseDuration } from './duration.js';
import { createFaultInjector, matchPath } from './faults.js';
import { createRequestJournal } from './journal.js';
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

describe('fault rules', () => {
  it('match path patterns segment by segment', () => {
    expect(matchPath('/api/v1/files/*/entries', '/api/v1/files/F1/entries')).toBe(true);
    expect(matchPath('/api/v1/files/*/entries', '/api/v1/files/F1/x/entries')).toBe(false);
    expect(matchPath('/api/**', '/api/v1/files/F1/entries')).toBe(true);
    expect(matchPath('**', '/anything')).toBe(true);
  });

  it('fire for their next N requests, then go away', () => {
    const faults = createFaultInjector(createRandom(1));
    faults.add({ path: '/x', kind: 'status', status: 503, times: 2 });
    expect(faults.decide('GET', '/x')?.status).toBe(503);
    expect(faults.decide('GET', '/y')).toBeUndefined();
    expect(faults.decide('POST', '/x')?.status).toBe(503);
    expect(faults.decide('GET', '/x')).toBeUndefined();
    expect(faults.list()).toEqual([]);
  });

  it('fire with a seeded probability: the same seed, the same decisions', () => {
    const decisions = (seed: number) => {
      const faults = createFaultInjector(createRandom(seed));
      faults.add({ kind: 'drop', probability: 0.2 });
      return Array.from({ length: 1000 }, (): number => (faults.decide('GET', '/a') ? 1 : 0));
    };
    const first = decisions(7);
    expect(decisions(7)).toEqual(first);
    const rate = first.reduce((s, x) => s + x, 0) / first.length;
    expect(rate).toBeGreaterThan(0.15);
    expect(rate).toBeLessThan(0.25);
  });
});

describe('the request journal', () => {
  it('is bounded, newest first, filterable', () => {
    const journal = createRequestJournal({ maxRecords: 3 });
    for (let i = 0; i < 5; i++) journal.record({ at: 't', method: i % 2 ? 'GET' : 'POST', path: `/p${i}`, query: '', status: 200 + i });
    expect(journal.size).toBe(3);
    expect(journal.list().map((r) => r.path)).toEqual(['/p4', '/p3', '/p2']);
    expect(journal.list({ method: 'get' }).map((r) => r.path)).toEqual(['/p3']);
    expect(journal.list({ since: 3 }).map((r) => r.seq)).toEqual([5, 4]);
  });
});
