import { LOOP_FOLDER } from '../../vendors/loop.js';
import { defineScenario } from '../load.js';
import { folderAction, letLoopImport, linkAndSend, posted } from './common.js';

const year2025 = (closedJournals: string[]) => ({
  folder: LOOP_FOLDER,
  fiscalYearId: '2025',
  status: 'open',
  closedJournals,
});

/**
 * Seed 004: "verify that each open fiscal year in Cegid Loop includes ... Open journals". 2025 and
 * 2026 are open; the purchase journal is open in 2026 but closed in 2025. The 2026 purchase
 * integrates; the 2025 one is refused with LOOP-INCOMPLETE-FOLDER's closed-journal message. AC
 * opened in 2025, the entry marked verified integrates.
 */
export default defineScenario({
  id: 'loop/fy-journal-closed',
  title:
    'The purchase journal closed in one open fiscal year (2025) only: its 2025 entry is refused, 2026 posts; reopened, it posts',
  vendor: 'loop',
  covers: ['LOOP-INCOMPLETE-FOLDER'],
  given: { vendor: { actions: [{ action: 'set-fiscal-year', input: year2025(['AC']) }] } },
  steps: [
    ...linkAndSend(
      { id: 'P1', kind: 'purchase', date: '2026-03-10' },
      { id: 'P2025', kind: 'purchase', date: '2025-11-20' },
    ),
    letLoopImport,
  ],
  expect: [
    ...posted('P1'),
    {
      expect: 'status',
      entry: 'P2025',
      is: 'sync-failed',
      catalogueId: 'LOOP-INCOMPLETE-FOLDER',
      variant: 1,
      params: { journal: 'AC', folder: LOOP_FOLDER },
    },
    { expect: 'vendor-entry', entry: 'P2025', state: 'rejected' },
    // The journal itself is open in the folder.
    { expect: 'vendor-state', path: ['folders', LOOP_FOLDER, 'journaux', 'AC', 'ferme'], equals: false },
  ],
  remedy: {
    steps: [
      folderAction('set-fiscal-year', year2025([])),
      { do: 'mark-verified', entries: ['P2025'] },
      { do: 'synchronize' },
      letLoopImport,
    ],
    expect: posted('P2025'),
  },
  verifiedAgainstVendor: false,
});
