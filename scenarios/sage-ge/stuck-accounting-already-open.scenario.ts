import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE } from './common.js';

/**
 * Seed 002, solution 1: "If you were already in the folder's accounting, close it and reopen it."
 * GE injects the Sage cloud's entries when the accounting opens, not while a person works in it:
 * an entry sent while the accounting is open waits in the cloud, and clicking Accounting again
 * from inside changes nothing. Closed and reopened, the entry is injected and reads back posted.
 */
export default defineScenario({
  id: 'sage-ge/stuck-accounting-already-open',
  title: 'Stuck synchronizing: sent while the accounting was open in GE; closing and reopening it injects the entry',
  vendor: 'sage-ge',
  covers: ['SGE-STUCK-ACCOUNTING-NOT-OPENED'],
  // A person opened the file's accounting this morning and is still in it.
  given: { vendor: { actions: [{ action: 'open-accounting', input: { stay: true } }] } },
  steps: [...linkAndSend(PURCHASE), ...openAndSync],
  expect: [
    { expect: 'status', entry: 'P1', is: 'synchronizing' },
    { expect: 'vendor-entry', entry: 'P1', state: 'queued' },
    {
      expect: 'vendor-state',
      path: ['files', 'F1', 'accountingSession', 'openedAt'],
      equals: '2026-03-16T09:00:00.000Z',
    },
  ],
  remedy: {
    steps: [{ do: 'vendor-action', action: 'close-accounting' }, ...openAndSync],
    expect: [
      { expect: 'status', entry: 'P1', is: 'posted' },
      { expect: 'vendor-entry', entry: 'P1', state: 'posted' },
      // A visit: opened, injected, left.
      { expect: 'vendor-state', path: ['files', 'F1', 'accountingSession'], equals: null },
    ],
  },
  verifiedAgainstVendor: false,
});
