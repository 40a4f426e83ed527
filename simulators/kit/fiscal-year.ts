import { z } from 'zod';
import { IsoDateSchema } from '../../contracts/common/primitives.js';

/**
 * A fiscal year as Sage GE and Loop keep it: dates, open or closed, and whether its chart of
 * accounts is complete ("each open fiscal year must include a complete chart of accounts",
 * seeds 000 and 004: SGE-FY-INCOMPLETE, LOOP-INCOMPLETE-FOLDER).
 */
export const FiscalYearStateSchema = z.object({
  id: z.string(),
  start: IsoDateSchema,
  end: IsoDateSchema,
  status: z.enum(['open', 'closed']),
  chartComplete: z.boolean(),
  /**
   * Journal codes closed in this fiscal year only ("each open fiscal year must include ... open
   * journals", seed 000: SGE-FY-INCOMPLETE, SGE-JOURNAL-LOCKED). Absent: none.
   */
  closedJournals: z.array(z.string()).optional(),
});
export type FiscalYearState = z.infer<typeof FiscalYearStateSchema>;

/**
 * The fields of Sage GE's and Loop's `set-fiscal-year` action besides the file and the year's id
 * (each vendor names those its own way, with its own key rules).
 */
export const FiscalYearActionInput = z.object({
  start: IsoDateSchema.optional(),
  end: IsoDateSchema.optional(),
  status: z.enum(['open', 'closed']),
  chartComplete: z.boolean().optional(),
  /** Journal codes closed in this fiscal year only (seeds 000 and 004: each open fiscal year needs open journals). */
  closedJournals: z.array(z.string().min(1)).optional(),
});
export type FiscalYearActionInput = z.infer<typeof FiscalYearActionInput>;

/**
 * The fiscal year after the action: a new one needs its dates; an existing one keeps what the
 * input leaves out. An empty `closedJournals` is stored as the field's absence ("none"), so the
 * two spellings of "no journal closed" never differ in the state.
 */
export function setFiscalYear(
  id: string,
  existing: FiscalYearState | undefined,
  input: FiscalYearActionInput,
): FiscalYearState | { ok: false; status: 400; message: string } {
  const start = input.start ?? existing?.start;
  const end = input.end ?? existing?.end;
  if (!start || !end) return { ok: false, status: 400, message: 'A new fiscal year needs start and end' };
  if (end < start) return { ok: false, status: 400, message: 'A fiscal year ends after it starts' };
  const closedJournals = input.closedJournals ?? existing?.closedJournals;
  return {
    id,
    start,
    end,
    status: input.status,
    chartComplete: input.chartComplete ?? existing?.chartComplete ?? true,
    ...(closedJournals?.length ? { closedJournals } : {}),
  };
}
