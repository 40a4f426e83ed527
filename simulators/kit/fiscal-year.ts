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
