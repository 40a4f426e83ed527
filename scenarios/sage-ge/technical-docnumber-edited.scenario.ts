import { technicalDocumentNumber } from '../../connectors/sage-ge/index.js';
import { defineScenario } from '../load.js';
import { linkAndSend, resendAndPost } from './common.js';

/** An invoice without its PDF: GE's document number is the hub's technical number. */
const NO_PDF = { id: 'P1', kind: 'purchase', date: '2026-03-10', attachments: 0 } as const;

export default defineScenario({
  id: 'sage-ge/technical-docnumber-edited',
  title:
    'A user edits the technical document number of an entry GE rejected: the hub cannot tell the rejection is its entry until the number is put back',
  vendor: 'sage-ge',
  covers: ['SGE-TECHNICAL-DOCNUMBER', 'SGE-JOURNAL-LOCKED'],
  given: { vendor: { actions: [{ action: 'set-journal-lock', input: { journal: 'AC', locked: true } }] } },
  steps: [
    ...linkAndSend(NO_PDF),
    { do: 'open-file' },
    {
      do: 'check',
      expect: [
        { expect: 'vendor-entry', entry: 'P1', state: 'rejected', documentNumber: technicalDocumentNumber('P1') },
      ],
    },
    {
      do: 'vendor-action',
      action: 'edit-entry',
      input: { entryId: '{{vendorRef:P1}}', documentNumber: 'FA-2026-031' },
    },
    { do: 'synchronize' },
    { do: 'advance-clock', to: 'next-night' },
  ],
  // Rejected in GE, but the rejection names a number the hub never sent: nothing to show on P1.
  expect: [
    { expect: 'vendor-entry', entry: 'P1', state: 'rejected', documentNumber: 'FA-2026-031' },
    { expect: 'status', entry: 'P1', is: 'synchronizing' },
  ],
  remedy: {
    // Seed 000: "Do not modify this number: it allows Qonto to identify any rejections by Sage GE".
    steps: [
      {
        do: 'vendor-action',
        action: 'edit-entry',
        input: { entryId: '{{vendorRef:P1}}', documentNumber: technicalDocumentNumber('P1') },
      },
      // The hub looks for an entry it could not find again the next night.
      { do: 'advance-clock', to: 'next-night' },
      {
        do: 'check',
        expect: [{ expect: 'status', entry: 'P1', is: 'sync-failed', catalogueId: 'SGE-JOURNAL-LOCKED' }],
      },
      { do: 'vendor-action', action: 'set-journal-lock', input: { journal: 'AC', locked: false } },
      ...resendAndPost().steps,
    ],
    expect: [
      ...resendAndPost().expect,
      { expect: 'vendor-entry', entry: 'P1', state: 'posted', documentNumber: technicalDocumentNumber('P1') },
    ],
  },
  verifiedAgainstVendor: false,
});
