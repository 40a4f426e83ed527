import type { EntryTemplate, Expectation, Step } from '../../contracts/scenario/schema.js';
import { LOOP_FOLDER } from '../../vendors/loop.js';

/** Shared pieces of the Cegid Loop scenarios: entries, and the usual sequences of steps. */

export const DATE = '2026-03-10';
export const PURCHASE: EntryTemplate = { id: 'P1', kind: 'purchase', date: DATE };
export const SALE: EntryTemplate = { id: 'S1', kind: 'sales', date: DATE };
export const IMPORT_JSON = '/loop-api-publiques/importJson';

/** Link the folder, add the entries and validate them (real-time: they are sent at once). */
export const linkAndSend = (...entries: EntryTemplate[]): Step[] => [
  { do: 'link-file' },
  ...entries.map((entry): Step => ({ do: 'add-entry', entry })),
  { do: 'mark-verified' },
];

/**
 * Loop's import service picks an `importJson` request up after a minute of virtual time; moving
 * the clock lets it run, then the hub's scheduler reads each import's status back.
 */
export const letLoopImport: Step = { do: 'advance-clock', by: '2m' };

/** A Loop action on the scenario's folder (named, though the runner fills it in where the action takes one). */
export const folderAction = (action: string, input: Record<string, unknown> = {}): Step => ({
  do: 'vendor-action',
  action,
  input: { folder: LOOP_FOLDER, ...input },
});

/** The entry is posted in the hub and integrated by Loop. */
export const posted = (...entries: string[]): Expectation[] =>
  entries.flatMap((entry): Expectation[] => [
    { expect: 'status', entry, is: 'posted' },
    { expect: 'vendor-entry', entry, state: 'posted' },
  ]);

/** Loop never had to refuse a description or an auxiliary code: the hub cut them. */
export const noFieldRefusal: Expectation = {
  expect: 'requests',
  method: 'POST',
  path: IMPORT_JSON,
  status: 400,
  count: 0,
};

/** The remedy's tail: mark as verified, the Synchronize button sends again (seed 002), Loop integrates it. */
export const resendAndPost = (...entries: string[]): { steps: Step[]; expect: Expectation[] } => ({
  steps: [{ do: 'mark-verified', ...(entries.length ? { entries } : {}) }, { do: 'synchronize' }, letLoopImport],
  expect: posted(...(entries.length ? entries : ['P1'])),
});
