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
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, { message: 'at most two decimals' });

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
