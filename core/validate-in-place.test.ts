import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateInPlace } from './validate-in-place.js';

const Entry = z.object({ id: z.string(), amount: z.number().min(0), note: z.string().default('') });
const State = z.object({
  tenants: z.record(
    z.string(),
    z.object({ entries: z.record(z.string(), Entry), strict: z.object({ a: z.number() }).strict().optional() }),
  ),
});

describe('validating a state in place', () => {
  it('gives the same result as parse, in the same objects, defaults applied and unknown keys dropped', () => {
    const kept = { id: 'e2', amount: 1, note: 'n' };
    const value = { tenants: { t1: { entries: { e1: { id: 'e1', amount: 3, extra: true }, e2: kept }, unknown: 1 } } };
    const root = value.tenants;
    const result = validateInPlace(State, value);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).toEqual(
      State.parse({ tenants: { t1: { entries: { e1: { id: 'e1', amount: 3 }, e2: { ...kept } } } } }),
    );
    expect(value.tenants).toBe(root); // no second copy of the records
    expect(value.tenants.t1.entries.e2).toBe(kept); // an entry the parse did not change is the one loaded
  });

  it('keeps the loaded objects below a refined schema when parsing them changes nothing, and takes the parsed copy when it does', () => {
    const Balanced = z
      .object({ debit: z.number(), credit: z.number(), memo: z.string().default('') })
      .refine((l) => l.debit === l.credit, 'unbalanced');
    const Ledger = z.object({ lines: z.record(z.string(), Balanced) });
    const unchanged = { debit: 5, credit: 5, memo: 'x' };
    const defaulted = { debit: 2, credit: 2 };
    const value = { lines: { a: unchanged, b: defaulted } };
    const result = validateInPlace(Ledger, value);
    expect(result.ok).toBe(true);
    expect(value.lines.a).toBe(unchanged);
    expect(value.lines.b).not.toBe(defaulted);
    expect(value.lines.b).toEqual({ debit: 2, credit: 2, memo: '' });
    expect(validateInPlace(Ledger, { lines: { c: { debit: 1, credit: 2, memo: '' } } })).toEqual({
      ok: false,
      issue: { path: ['lines', 'c'], message: 'unbalanced' },
    });
  });

  it('reports the first issue with its full path, like parse', () => {
    const bad = { tenants: { t1: { entries: { e1: { id: 'e1', amount: -1 } } } } };
    const result = validateInPlace(State, bad);
    expect(result).toEqual({
      ok: false,
      issue: { path: ['tenants', 't1', 'entries', 'e1', 'amount'], message: expect.stringMatching(/>=0/) },
    });
    const strict = validateInPlace(State, { tenants: { t1: { entries: {}, strict: { a: 1, b: 2 } } } });
    expect(strict.ok).toBe(false);
    expect(!strict.ok && strict.issue.path).toEqual(['tenants', 't1', 'strict']);
  });

  it('keeps the unknown keys of a loose object, as parse does (they were dropped at load)', () => {
    const Loose = z.object({ entries: z.record(z.string(), z.looseObject({ id: z.string() })) });
    const value = { entries: { e1: { id: 'e1', label: 'kept', lines: [{ debit: 1 }] } } };
    const result = validateInPlace(Loose, value);
    expect(result.ok).toBe(true);
    expect(value).toEqual(Loose.parse(structuredClone(value)));
    expect(value.entries.e1.label).toBe('kept');
    const Typed = z.object({ id: z.string() }).catchall(z.number());
    expect(validateInPlace(Typed, { id: 'x', n: 'not a number' }).ok).toBe(false);
  });
});
