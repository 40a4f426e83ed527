import { defineScenario } from '../load.js';
import type { EntryTemplate } from '../../contracts/scenario/schema.js';
import { DATE, linkAndSend, openAndReadBack, posted } from './common.js';

/** A purchase from a supplier whose subsidiary account has 17 characters in the hub. */
const longSupplier = (id: string): EntryTemplate => ({
  id,
  kind: 'purchase',
  date: DATE,
  lines: [
    { generalAccount: '606400', debit: 10_000, credit: 0 },
    { generalAccount: '445660', debit: 2_000, credit: 0 },
    { generalAccount: '401000', subsidiaryAccount: 'FOURNISSEURBUREAU', debit: 0, credit: 12_000 },
  ],
});

export default defineScenario({
  id: 'quadra/account-8-chars',
  title: 'An account number longer than 8 characters is cut to 8 when sent; Quadra holds it under the cut number',
  vendor: 'quadra',
  covers: ['QDR-ACCOUNT-8-CHARS'],
  steps: [...linkAndSend(longSupplier('P1')), ...openAndReadBack],
  expect: [
    ...posted('P1'),
    { expect: 'vendor-state', path: ['dossiers', 'D1', 'accounts', 'FOURNISS', 'number'], equals: 'FOURNISS' },
    { expect: 'vendor-state', path: ['dossiers', 'D1', 'accounts', 'FOURNISSEURBUREAU'], exists: false },
    // No file was refused for a shifted column: the hub cut the number itself.
    { expect: 'vendor-entry-count', count: 0, state: 'rejected' },
  ],
  remedy: {
    // Create the account identically in Quadra (as it can hold it: 8 characters) before the next entries.
    steps: [
      {
        do: 'vendor-action',
        action: 'upsert-account',
        input: { number: 'FOURNISS', label: 'Fournisseur Bureau', type: 'F', collective: '40100000' },
      },
      { do: 'add-entry', entry: longSupplier('P2') },
      { do: 'mark-verified', entries: ['P2'] },
      ...openAndReadBack,
    ],
    expect: [
      ...posted('P2'),
      {
        expect: 'vendor-state',
        path: ['dossiers', 'D1', 'accounts', 'FOURNISS', 'label'],
        equals: 'Fournisseur Bureau',
      },
    ],
  },
  verifiedAgainstVendor: false,
});
