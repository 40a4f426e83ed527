import { z } from 'zod';
import { CatalogueIdSchema } from './schema.js';

/**
 * A rule's verdict when it refuses something: errors are data. One function
 * (`rejectionError` in the simulator kit) turns it into the vendor's wire error.
 */
export const RejectionSchema = z.object({
  id: CatalogueIdSchema,
  /** Values for the message template's `{placeholders}`. */
  params: z.record(z.string(), z.string()),
  /** Which of the entry's messages, when it has several (Sage GE error 9). */
  variant: z.number().int().min(0).optional(),
});
export type Rejection = z.infer<typeof RejectionSchema>;

export type RuleResult = { ok: true } | { ok: false; rejection: Rejection };

export const accept: RuleResult = { ok: true };
export function reject(
  id: Rejection['id'],
  params: Record<string, string> = {},
  variant?: number,
): RuleResult & { ok: false } {
  return { ok: false, rejection: variant === undefined ? { id, params } : { id, params, variant } };
}
