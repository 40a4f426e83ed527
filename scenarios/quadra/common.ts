import type { EntryTemplate, Expectation, Step } from '../../contracts/scenario/schema.js';

/** Shared pieces of the Cegid Quadra scenarios: entries, and the usual sequences of steps. */

export const DATE = '2026-03-10';
/** A purchase on journal AC, to the supplier FBUREAU (an auxiliary account Quadra does not know yet). */
export const PURCHASE: EntryTemplate = { id: 'P1', kind: 'purchase', date: DATE };
/** A sale on Quadra's sales journal VT (the hub's builder says VE, which the connector maps to VT: `quadra/sales-journal`). */
export const SALE: EntryTemplate = { id: 'S1', kind: 'sales', date: DATE, journal: 'VT' };
export const GET_ECRITURES = '/QuadraODOpenApi/GetEcritures';

/** Link the dossier, add the entries and validate them (real-time: each is uploaded through CFE at once). */
export const linkAndSend = (...entries: EntryTemplate[]): Step[] => [{ do: 'link-file' }, ...sendOnly(...entries)];

export const sendOnly = (...entries: EntryTemplate[]): Step[] => [
  ...entries.map((entry): Step => ({ do: 'add-entry', entry })),
  { do: 'mark-verified', entries: entries.map((e) => e.id) },
];

/** Open the dossier in Quadra: the files waiting in its CFE container are imported, visible 5 minutes later. */
export const openDossier: Step = { do: 'open-file' };

/** The hub's read-back, 12 hours after sending. */
export const twelveHoursLater: Step = { do: 'advance-clock', by: '12h' };

export const nextNight: Step = { do: 'advance-clock', to: 'next-night' };

/** The usual end: the dossier is opened, the read-back 12 hours later finds the entries. */
export const openAndReadBack: Step[] = [openDossier, twelveHoursLater];

/** A Quadra action on the firm only (keys, portal access, CFE activation): no dossier. */
export const firmAction = (action: string, input: Record<string, unknown> = {}): Step => ({
  do: 'vendor-action',
  action,
  input: { dossier: null, ...input },
});
export const firmGiven = (action: string, input: Record<string, unknown> = {}) => ({
  action,
  input: { dossier: null, ...input },
});

/** The entry is posted in the hub and visible in Quadra. */
export const posted = (...entries: string[]): Expectation[] =>
  entries.flatMap((entry): Expectation[] => [
    { expect: 'status', entry, is: 'posted' },
    { expect: 'vendor-entry', entry, state: 'posted' },
  ]);

/** Send a new purchase after a remedy, open the dossier, read back: posted. */
export const sendAndPost = (entry: EntryTemplate = PURCHASE): { steps: Step[]; expect: Expectation[] } => ({
  steps: [...sendOnly(entry), ...openAndReadBack],
  expect: posted(entry.id),
});

/** The remedy's tail after a rejection: mark as verified, Synchronize (a new attempt is uploaded; seed 002), open the dossier, read back. */
export const resendAndPost = (...entries: string[]): { steps: Step[]; expect: Expectation[] } => ({
  steps: [{ do: 'mark-verified', entries }, { do: 'synchronize' }, ...openAndReadBack],
  expect: posted(...entries),
});
