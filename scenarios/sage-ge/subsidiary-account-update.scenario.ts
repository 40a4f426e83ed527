import type { Expectation } from '../../contracts/scenario/schema.js';
import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE } from './common.js';

const subsidiaryInGe = (label: string): Expectation => ({
  expect: 'vendor-state',
  path: ['files', 'F1', 'subsidiaryAccounts', 'FBUREAU'],
  equals: { code: 'FBUREAU', label, collectiveAccount: '401000' },
});

export default defineScenario({
  id: 'sage-ge/subsidiary-account-update',
  title: "A subsidiary account renamed in GE by hand is updated to the hub's name when its next entry is sent",
  vendor: 'sage-ge',
  covers: ['SGE-THIRD-PARTY-UPSERT'],
  steps: [
    ...linkAndSend(PURCHASE),
    ...openAndSync,
    { do: 'check', expect: [subsidiaryInGe('Bureau Vallée')] },
    {
      do: 'vendor-action',
      action: 'upsert-subsidiary-account',
      input: { code: 'FBUREAU', label: 'BV compte ancien' },
    },
    { do: 'check', expect: [subsidiaryInGe('BV compte ancien')] },
    { do: 'add-entry', entry: { id: 'P2', kind: 'purchase', date: '2026-03-11' } },
    { do: 'mark-verified', entries: ['P2'] },
    ...openAndSync,
  ],
  expect: [{ expect: 'status', entry: 'P2', is: 'posted' }, subsidiaryInGe('Bureau Vallée')],
  verifiedAgainstVendor: false,
});
