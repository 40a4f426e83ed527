import { defineScenario } from '../load.js';
import { openAndReadBack, posted } from './common.js';

/** A sale as the hub generates it: on the hub's own sales journal code, VE. */
const SALE = { id: 'V1', kind: 'sales', date: '2026-03-10' } as const;

/**
 * Written from seed 003 by an outside tester (issue 18), with seed 001: the file's journal codes
 * are pulled from the software and are the working base of the entries. The dossier's sales
 * journal is VT and it has no VE: the hub writes the sale on VT, and says so in the entry's
 * history; Quadra imports it. A journal the dossier has is sent as it is (`quadra/journals-locked`).
 */
export default defineScenario({
  id: 'quadra/sales-journal',
  title: "A sale on the hub's own sales journal goes on the dossier's sales journal, and posts",
  vendor: 'quadra',
  covers: ['QDR-IMPORT-ON-OPEN'],
  steps: [
    { do: 'link-file' },
    { do: 'check', expect: [{ expect: 'reference-data', journal: 'VT' }] },
    { do: 'add-entry', entry: SALE },
    { do: 'mark-verified' },
    ...openAndReadBack,
  ],
  expect: [
    ...posted('V1'),
    { expect: 'vendor-state', path: ['dossiers', 'D1', 'entries', '1', 'record', 'journal'], equals: 'VT' },
  ],
  verifiedAgainstVendor: false,
});
