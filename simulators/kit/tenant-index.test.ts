import { describe, expect, it } from 'vitest';
import { del, set } from '../../core/changes.js';
import { createMemoryStore } from '../../core/store.js';
import { createCredentialIndex, createDueIndex } from './tenant-index.js';

type Tenant = { key: string; due?: number };
const storeOf = (tenants: Record<string, Tenant>) =>
  createMemoryStore<{ tenants: Record<string, Tenant> }>({ tenants });

describe('credential index', () => {
  it('follows every write: a tenant added, a credential changed, a tenant deleted, the state replaced', async () => {
    const store = storeOf({ a: { key: 'ka' }, b: { key: 'kb' } });
    const index = createCredentialIndex(store, (t) => [t.key]);
    expect(index.find('kb')?.id).toBe('b');
    await store.commit([set(['tenants', 'c'], { key: 'kc' })]);
    expect(index.find('kc')?.id).toBe('c');
    await store.commit([set(['tenants', 'b', 'key'], 'kb2')]);
    expect(index.find('kb')).toBeUndefined();
    expect(index.find('kb2')?.tenant).toBe(store.data.tenants.b);
    await store.commit([del(['tenants', 'a'])]);
    expect(index.find('ka')).toBeUndefined();
    await store.replace({ tenants: { z: { key: 'ka' } } });
    expect(index.find('ka')?.id).toBe('z');
    expect(index.find('kc')).toBeUndefined();
    await store.commit([set(['tenants'], { y: { key: 'ky' } })]);
    expect(index.find('ky')?.id).toBe('y');
    expect(index.find('ka')).toBeUndefined();
  });

  it('a credential two tenants share goes to the first in the state, as a scan would, until the first lets it go', async () => {
    const store = storeOf({ a: { key: 'same' }, b: { key: 'same' } });
    const index = createCredentialIndex(store, (t) => [t.key]);
    expect(index.find('same')?.id).toBe('a');
    await store.commit([set(['tenants', 'b', 'key'], 'same')]);
    expect(index.find('same')?.id).toBe('a');
    await store.commit([set(['tenants', 'a', 'key'], 'other')]);
    expect(index.find('same')?.id).toBe('b');
  });

  it("`only` refuses a tie that `find` settles by the order; `holders` names every holder, in the state's order", async () => {
    const store = storeOf({ b: { key: 'same' }, a: { key: 'same' }, c: { key: 'kc' } });
    const index = createCredentialIndex(store, (t) => [t.key]);
    expect(index.holders('same')).toEqual(['b', 'a']);
    expect(index.find('same')?.id).toBe('b');
    expect(index.only('same')).toBeUndefined();
    expect(index.only('kc')?.id).toBe('c');
    expect(index.holders('none')).toEqual([]);
    await store.commit([del(['tenants', 'b'])]);
    expect(index.only('same')?.tenant).toBe(store.data.tenants.a);
  });

  it('names no inherited key: toString is no tenant', () => {
    const index = createCredentialIndex(storeOf({ a: { key: 'ka' } }), (t) => [t.key]);
    expect(index.find('toString')).toBeUndefined();
    expect(index.find('__proto__')).toBeUndefined();
  });
});

describe('due index', () => {
  it('answers the tenants with work due and the next instant, after every write', async () => {
    const store = storeOf({ a: { key: 'ka' }, b: { key: 'kb', due: 200 }, c: { key: 'kc', due: 100 } });
    const index = createDueIndex(store, (t) => t.due);
    expect(index.dueTenants(50)).toEqual([]);
    expect(index.nextDue(50)).toBe(100);
    expect(index.dueTenants(250)).toEqual(['b', 'c']); // the state's order
    await store.commit([set(['tenants', 'c', 'due'], undefined)]);
    expect(index.dueTenants(250)).toEqual(['b']);
    await store.commit([set(['tenants', 'a', 'due'], 300)]);
    expect(index.nextDue(250)).toBe(300);
    await store.commit([del(['tenants', 'a'])]);
    expect(index.nextDue(250)).toBeUndefined();
    await store.replace({ tenants: { d: { key: 'kd', due: 10 } } });
    expect(index.dueTenants(10)).toEqual(['d']);
  });
});
