import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE } from './common.js';

export default defineScenario({
  id: 'sage-ge/entity-connector-inactive',
  title: 'The Regate / Qonto connector is not activated on the firm entity: the connection is refused',
  vendor: 'sage-ge',
  covers: ['SGE-ENTITY-CONNECTOR-INACTIVE'],
  given: { vendor: { actions: [{ action: 'set-marketplace', input: { fileId: null, active: false } }] } },
  steps: [{ do: 'link-file' }],
  expect: [{ expect: 'step-error', catalogueId: 'SGE-ENTITY-CONNECTOR-INACTIVE' }],
  remedy: {
    steps: [
      { do: 'vendor-action', action: 'set-marketplace', input: { fileId: null, active: true } },
      ...linkAndSend(PURCHASE),
      ...openAndSync,
    ],
    expect: [{ expect: 'status', entry: 'P1', is: 'posted' }],
  },
  verifiedAgainstVendor: false,
});
