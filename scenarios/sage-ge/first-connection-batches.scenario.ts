import { defineScenario } from '../load.js';
import { openAndSync, PURCHASE, sendAndPost } from './common.js';

export default defineScenario({
  id: 'sage-ge/first-connection-batches',
  title: 'Just after the first connection, GE reports rejected third-party batches: harmless, real entries post',
  vendor: 'sage-ge',
  covers: ['SGE-FIRST-CONNECTION-BATCHES'],
  steps: [{ do: 'link-file' }, ...openAndSync],
  expect: [{ expect: 'vendor-message', catalogueId: 'SGE-FIRST-CONNECTION-BATCHES', params: { batch: 'TP-1' } }],
  remedy: {
    // "Ignore them and click OK": real entries are sent and posted, and the messages are gone.
    steps: sendAndPost(PURCHASE),
    expect: [
      { expect: 'status', entry: 'P1', is: 'posted' },
      {
        expect: 'vendor-message',
        catalogueId: 'SGE-FIRST-CONNECTION-BATCHES',
        params: { batch: 'TP-1' },
        absent: true,
      },
    ],
  },
  verifiedAgainstVendor: false,
});
