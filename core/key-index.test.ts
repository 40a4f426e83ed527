import { describe, expect, it } from 'vitest';
import { del, set } from './changes.js';
import { applyChanges } from './changes.js';
import { createKeyIndex } from './key-index.js';

const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, { i }]));

describe('the key index', () => {
  it('indexes the big objects it walks to, and only those', () => {
    const state = { tenants: { a: { entries: many(50) }, b: { entries: many(5) } } };
    const index = createKeyIndex({ big: 50 });
    index.walk(state);
    expect(index.isBig(state.tenants.a.entries)).toBe(true);
    expect(index.isBig(state.tenants.b.entries)).toBe(false);
    expect(index.isBig(state.tenants)).toBe(false);
  });

  it('follows commits and their undoing: its keys are always the object keys', () => {
    const state = { tenants: { a: { entries: many(50) } } } as { tenants: Record<string, { entries: object }> };
    const index = createKeyIndex({ big: 50 });
    index.walk(state);
    const entries = state.tenants.a!.entries;
    const changes = [set(['tenants', 'a', 'entries', 'new'], { i: -1 }), del(['tenants', 'a', 'entries', 'k3'])];
    applyChanges(state, changes);
    index.follow(state, changes);
    expect([...index.keysOf(entries)].sort()).toEqual(Object.keys(entries).sort());
    expect([...index.keysOf(entries)]).toContain('new');
    expect([...index.keysOf(entries)]).not.toContain('k3');
    // undone: the values put back, then followed
    (entries as Record<string, unknown>).k3 = { i: 3 };
    delete (entries as Record<string, unknown>).new;
    index.follow(state, changes);
    expect([...index.keysOf(entries)].sort()).toEqual(Object.keys(entries).sort());
  });

  it('a listing in progress reaches keys added meanwhile and skips keys deleted meanwhile', () => {
    const state = { e: many(60) };
    const index = createKeyIndex({ big: 50 });
    index.walk(state);
    const seen: string[] = [];
    for (const key of index.keysOf(state.e)) {
      seen.push(key);
      if (key === 'k0') {
        const changes = [set(['e', 'late'], { i: 99 }), del(['e', 'k59'])];
        applyChanges(state, changes);
        index.follow(state, changes);
      }
    }
    expect(seen).toContain('late');
    expect(seen).not.toContain('k59');
  });
});
