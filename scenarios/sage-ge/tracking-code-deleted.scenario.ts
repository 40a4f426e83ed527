import { defineScenario } from '../load.js';
import { linkAndSend, PURCHASE } from './common.js';

export default defineScenario({
  id: 'sage-ge/tracking-code-deleted',
  title:
    "A user deletes the #AAAAA# code from an entry's GE comment before the hub verified it: the hub cannot confirm its creation, and it stays synchronizing until the code is back",
  vendor: 'sage-ge',
  covers: ['SGE-TRACKING-CODE'],
  steps: [
    ...linkAndSend(PURCHASE),
    { do: 'open-file' },
    // The accountant rewrites the comment in GE, and the code goes with it.
    {
      do: 'vendor-action',
      action: 'edit-entry',
      input: { entryId: '{{vendorRef:P1}}', comment: 'Fournitures mars, vu avec le client' },
    },
    { do: 'synchronize' },
    { do: 'advance-clock', to: 'next-night' },
  ],
  // GE holds the entry, once; the hub, which finds its entries by their code, cannot say so.
  expect: [
    { expect: 'status', entry: 'P1', is: 'synchronizing' },
    { expect: 'vendor-entry', entry: 'P1', state: 'posted' },
    { expect: 'vendor-entry-count', count: 1 },
    { expect: 'requests', method: 'POST', path: '/entries', count: 1 },
  ],
  remedy: {
    // Seed 000: "Do not delete it": the code written back in the comment.
    steps: [
      {
        do: 'vendor-action',
        action: 'edit-entry',
        input: { entryId: '{{vendorRef:P1}}', comment: 'Fournitures mars, vu avec le client #{{trackingCode:P1}}#' },
      },
      // The hub looks for an entry it could not find again the next night.
      { do: 'advance-clock', to: 'next-night' },
    ],
    expect: [
      { expect: 'status', entry: 'P1', is: 'posted' },
      { expect: 'vendor-entry', entry: 'P1', state: 'posted', trackingCode: true },
      { expect: 'vendor-entry-count', count: 1 },
    ],
  },
  verifiedAgainstVendor: false,
});
