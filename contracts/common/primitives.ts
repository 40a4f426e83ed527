import { z } from 'zod';

/** A calendar date `YYYY-MM-DD` that exists (no 31 February). */
export const IsoDateSchema = z.iso.date();
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** An instant with its offset, as the virtual clock prints it. */
export const InstantSchema = z.iso.datetime({ offset: true });

/** A non-negative amount in euros with at most two decimals, below a trillion. */
export const AmountSchema = z
  .number()
  .finite()
  .min(0)
  .max(999_999_999_999.99)
  // Round-tripped through cents, not compared with a fixed tolerance: above ten billion the
  // float error of n * 100 passed 1e-6, and 668530517490.58 was refused as having three decimals.
  .refine((n) => Math.round(n * 100) / 100 === n, { message: 'at most two decimals' })
  // The refinement is invisible to JSON Schema: documented, so a client built from /openapi.json sends cents.
  .meta({ multipleOf: 0.01 });

/** Integer cents from a euro amount, without floating-point drift. */
export const toCents = (amount: number): number => Math.round(amount * 100);

/** A short identifier-like string: no control characters. */
export const codeString = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[^\u0000-\u001f\u007f]+$/, 'no control characters');

/** Free text without control characters other than tab and line breaks. */
export const textString = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'no control characters');

/**
 * Names that can never be a key of the state (they would reach an object's prototype). The
 * store refuses them in any path; a client's value that becomes a record key (an
 * Idempotency-Key, a subsidiary account code, a fiscal-year id) is checked with this first, so
 * such a request is a validation error in the vendor's shape, not a 500.
 */
/** Names a store cannot key by (an object's own machinery); the documents list them as refused. */
export const RESERVED_KEY_NAMES = ['__proto__', 'prototype', 'constructor'] as const;
const RESERVED_KEYS = new Set<string>(RESERVED_KEY_NAMES);
export const isStorableKey = (key: string): boolean => !RESERVED_KEYS.has(key);
export const RESERVED_KEY_MESSAGE = 'this name is reserved';
