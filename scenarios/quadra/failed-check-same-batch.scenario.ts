import { defineScenario } from '../load.js';
import { GET_ECRITURES, nextNight, openDossier, resendAndPost, twelveHoursLater } from './common.js';

/** Two purchases on AC, validated together (one batch), posted on different days so that one can be deleted alone. */
const Q1 = { id: 'Q1', kind: 'purchase', date: '2026-03-10', journal: 'AC' } as const;
const Q2 = { id: 'Q2', kind: 'purchase', date: '2026-03-12', journal: 'AC' } as const;
/** Q2's ASCII file: the first send and each nightly new attempt put it into the CFE input folder. */
const Q2_UPLOADS = { expect: 'requests', method: 'PUT', path: '/**/input/Q2.A1.txt' } as const;

const remedy = resendAndPost('Q2');

/**
 * Written from seed 003 by an outside tester (issue 18): "If other entries from the same batch ...
 * have been successfully posted". Q1 and Q2 are validated in one action; in real time the hub
 * sends Q1 then Q2 at the same moment, one batch. Both are imported when the dossier is opened,
 * then Q2 is deleted in Quadra. Q2 stays pending sending, is uploaded again on the nights (the
 * dossier is not opened again), and on the third night moves to Failed check since Q1, of its
 * batch, was posted. `quadra/failed-check` is the same with a later batch.
 */
export default defineScenario({
  id: 'quadra/failed-check-same-batch',
  title:
    'An entry deleted in Quadra while the other entry of its batch is posted: pending sending for the nights, then Failed check',
  vendor: 'quadra',
  covers: ['QDR-RETRY-NIGHTS', 'QDR-FAILED-CHECK'],
  start: '2026-03-16T10:00:00.000Z',
  steps: [
    { do: 'link-file' },
    { do: 'add-entry', entry: Q1 },
    { do: 'add-entry', entry: Q2 },
    { do: 'mark-verified' },
    openDossier,
    { do: 'advance-clock', by: '10m' }, // the imports are visible
    { do: 'vendor-action', action: 'delete-entries', input: { journal: 'AC', date: Q2.date } },
    twelveHoursLater,
    {
      do: 'check',
      expect: [
        { expect: 'status', entry: 'Q1', is: 'posted' },
        { expect: 'status', entry: 'Q2', is: 'pending' },
        { ...Q2_UPLOADS, count: 1 },
      ],
    },
    nextNight,
    {
      do: 'check',
      expect: [
        { expect: 'status', entry: 'Q2', is: 'pending' },
        { ...Q2_UPLOADS, count: 2 },
      ],
    },
    nextNight,
    {
      do: 'check',
      expect: [
        { expect: 'status', entry: 'Q2', is: 'pending' },
        { ...Q2_UPLOADS, count: 3 },
      ],
    },
    nextNight,
    { do: 'advance-clock', by: '13h' },
  ],
  expect: [
    { expect: 'status', entry: 'Q1', is: 'posted' },
    { expect: 'status', entry: 'Q2', is: 'failed-check', catalogueId: 'QDR-FAILED-CHECK' },
    // Concluded on the third night: looked for, not uploaded again.
    { ...Q2_UPLOADS, count: 3 },
    { expect: 'requests', path: GET_ECRITURES, count: 4 },
    { expect: 'vendor-entry', entry: 'Q1', state: 'posted' },
  ],
  remedy: {
    // "Please verify": Q2 is not in Quadra; marked as verified, it is sent again and posts.
    steps: [...remedy.steps],
    expect: [...remedy.expect, { expect: 'vendor-entry-count', count: 2, state: 'posted' }],
  },
  verifiedAgainstVendor: false,
});
