import type { EntryTemplate, Expectation, Step } from '../../contracts/scenario/schema.js';

/** Shared pieces of the Sage GE scenarios: entries, and the usual sequences of steps. */

export const PURCHASE: EntryTemplate = { id: 'P1', kind: 'purchase', date: '2026-03-10' };

/** Link the file, add the entries and validate them (real-time: they are sent at once). */
export const linkAndSend = (...entries: EntryTemplate[]): Step[] => [
  { do: 'link-file' },
  ...entries.map((entry): Step => ({ do: 'add-entry', entry })),
  { do: 'mark-verified' },
];

/** Open the file's accounting in Sage GE (injection), then let the hub read the fate back. */
export const openAndSync: Step[] = [{ do: 'open-file' }, { do: 'synchronize' }];

/** The remedy's tail: mark as verified, the Synchronize button sends again (seed 002: a resend waits for it or the night); open the accounting; posted. */
export const resendAndPost = (entry = 'P1'): { steps: Step[]; expect: Expectation[] } => ({
  steps: [{ do: 'mark-verified', entries: [entry] }, { do: 'synchronize' }, ...openAndSync],
  expect: [{ expect: 'status', entry, is: 'posted' }],
});

/** "Resynchronize fiscal years" on the file's Marketplace screen. */
export const resync: Step = { do: 'vendor-action', action: 'resync-fiscal-years' };

/** Add the entries, validate them, open the accounting, read back. */
export const sendAndPost = (...entries: EntryTemplate[]): Step[] => [
  ...entries.map((entry): Step => ({ do: 'add-entry', entry })),
  { do: 'mark-verified' },
  ...openAndSync,
];

export const fiscalYear = (
  fiscalYearId: string,
  status: 'open' | 'closed',
  extra: Record<string, unknown> = {},
): Step => ({
  do: 'vendor-action',
  action: 'set-fiscal-year',
  input: { fiscalYearId, status, ...extra },
});
