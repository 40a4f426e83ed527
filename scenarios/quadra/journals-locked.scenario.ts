import { defineScenario } from '../load.js';
import { linkAndSend, openAndReadBack, resendAndPost } from './common.js';

const journal = (code: string, status: 'open' | 'locked') => ({
  do: 'vendor-action' as const,
  action: 'set-journal-status',
  input: { journal: code, status },
});

/**
 * Seed 003's prerequisites: each dossier needs "Open journals". The purchase journal AC is locked
 * in Quadra (the others open, so the dossier's reference data is served): the import of the
 * uploaded file refuses its line on AC, and the hub shows Quadra's catalogued message. AC opened,
 * the entry marked verified is uploaded again and posts.
 */
export default defineScenario({
  id: 'quadra/journals-locked',
  title: 'The purchase journal locked in Quadra: the imported line is refused; the journal opened, the entry posts',
  vendor: 'quadra',
  covers: ['QDR-INCOMPLETE-FILE'],
  given: { vendor: { actions: [{ action: 'set-journal-status', input: { journal: 'AC', status: 'locked' } }] } },
  steps: [...linkAndSend({ id: 'P1', kind: 'purchase', date: '2026-03-10' }), ...openAndReadBack],
  expect: [
    {
      expect: 'status',
      entry: 'P1',
      is: 'sync-failed',
      catalogueId: 'QDR-INCOMPLETE-FILE',
      variant: 1,
      params: { line: '1', journal: 'AC', file: 'D1' },
    },
    { expect: 'vendor-entry-count', state: 'posted', count: 0 },
  ],
  remedy: {
    steps: [journal('AC', 'open'), ...resendAndPost('P1').steps],
    expect: resendAndPost('P1').expect,
  },
  verifiedAgainstVendor: false,
});
