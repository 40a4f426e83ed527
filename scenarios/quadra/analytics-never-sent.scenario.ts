import { WITH_ANALYTICS } from '../hub/common.js';
import { defineScenario } from '../load.js';
import { linkAndSend, openAndReadBack } from './common.js';

export default defineScenario({
  id: 'quadra/analytics-never-sent',
  title:
    'An entry with analytic allocations in the hub reaches Quadra without I records: the integration sends no analytics',
  vendor: 'quadra',
  covers: ['HUB-SYNC-REALTIME'],
  steps: [
    ...linkAndSend(WITH_ANALYTICS),
    // In the CFE container, before Quadra reads it: the file itself holds no analytic record.
    { do: 'check', expect: [{ expect: 'vendor-entry', entry: 'A1', state: 'queued', analytics: 0 }] },
    ...openAndReadBack,
  ],
  expect: [
    { expect: 'status', entry: 'A1', is: 'posted' },
    { expect: 'vendor-entry', entry: 'A1', state: 'posted', analytics: 0 },
  ],
  verifiedAgainstVendor: false,
});
