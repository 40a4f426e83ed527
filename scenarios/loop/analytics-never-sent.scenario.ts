import { WITH_ANALYTICS } from '../hub/common.js';
import { defineScenario } from '../load.js';
import { letLoopImport, linkAndSend, noFieldRefusal } from './common.js';

export default defineScenario({
  id: 'loop/analytics-never-sent',
  title:
    "An entry with analytic allocations in the hub reaches Loop's JSON import without them: the integration sends no analytics",
  vendor: 'loop',
  covers: ['HUB-SYNC-REALTIME'],
  steps: [...linkAndSend(WITH_ANALYTICS), letLoopImport],
  expect: [
    { expect: 'status', entry: 'A1', is: 'posted' },
    { expect: 'vendor-entry', entry: 'A1', state: 'posted', analytics: 0 },
    noFieldRefusal,
  ],
  verifiedAgainstVendor: false,
});
