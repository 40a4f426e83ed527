import { describe, expect, it } from 'vitest';
import { createFaultInjector, matchPath } from './faults.js';
import { createRequestJournal } from './journal.js';
import { createRandom } from '../../core/random.js';

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
    for (let i = 0; i < 5; i++)
      journal.record({ at: 't', method: i % 2 ? 'GET' : 'POST', path: `/p${i}`, query: '', status: 200 + i });
    expect(journal.size).toBe(3);
    expect(journal.list().map((r) => r.path)).toEqual(['/p4', '/p3', '/p2']);
    expect(journal.list({ method: 'get' }).map((r) => r.path)).toEqual(['/p3']);
    expect(journal.list({ since: 3 }).map((r) => r.seq)).toEqual([5, 4]);
  });
});
