import type { EntryTemplate, Step } from '../../contracts/scenario/schema.js';

/** Shared pieces of the hub scenarios (run against Sage GE, whose queue makes each state visible). */

export const PURCHASE: EntryTemplate = { id: 'P1', kind: 'purchase', date: '2026-03-10' };

export const openAndSync: Step[] = [{ do: 'open-file' }, { do: 'synchronize' }];

/** An entry the vendor refuses: the purchase journal is locked in Sage GE. */
export const lockJournal: Step = {
  do: 'vendor-action',
  action: 'set-journal-lock',
  input: { journal: 'AC', locked: true },
};
export const unlockJournal: Step = {
  do: 'vendor-action',
  action: 'set-journal-lock',
  input: { journal: 'AC', locked: false },
};

/** Close 2025 in GE and resynchronize: the vendor's reference data changes. */
export const closeLastYear: Step[] = [
  { do: 'vendor-action', action: 'set-fiscal-year', input: { fiscalYearId: 'FY2025', status: 'closed' } },
  { do: 'vendor-action', action: 'resync-fiscal-years' },
];
