import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE } from './common.js';

export default defineScenario({
  id: 'sage-ge/third-party-upsert',
  title: 'Third parties and subsidiary accounts are created or updated in GE when entries are sent',
  vendor: 'sage-ge',
  covers: ['SGE-THIRD-PARTY-UPSERT'],
  steps: [...linkAndSend(PURCHASE), ...openAndSync],
  expect: [
    { expect: 'status', entry: 'P1', is: 'posted' },
    { expect: 'vendor-state', path: ['files', 'F1', 'thirdParties', 'FBUREAU', 'name'], equals: 'Bureau Vallée' },
    {
      expect: 'vendor-state',
      path: ['files', 'F1', 'subsidiaryAccounts', 'FBUREAU', 'collectiveAccount'],
      equals: '401000',
    },
    { expect: 'requests', method: 'PUT', path: '/third-parties', atLeast: 2 },
  ],
  verifiedAgainstVendor: false,
});
