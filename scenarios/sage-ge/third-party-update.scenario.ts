import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE } from './common.js';

const nameInGe = (name: string) => ({
  expect: 'vendor-state' as const,
  path: ['files', 'F1', 'thirdParties', 'FBUREAU', 'name'],
  equals: name,
});

export default defineScenario({
  id: 'sage-ge/third-party-update',
  title: "A third party renamed in GE by hand is updated to the hub's name when its next entry is sent",
  vendor: 'sage-ge',
  covers: ['SGE-THIRD-PARTY-UPSERT'],
  steps: [
    ...linkAndSend(PURCHASE),
    ...openAndSync,
    { do: 'check', expect: [nameInGe('Bureau Vallée')] },
    { do: 'vendor-action', action: 'rename-third-party', input: { code: 'FBUREAU', name: 'BV ancien nom' } },
    { do: 'check', expect: [nameInGe('BV ancien nom')] },
    { do: 'add-entry', entry: { id: 'P2', kind: 'purchase', date: '2026-03-11' } },
    { do: 'mark-verified', entries: ['P2'] },
    ...openAndSync,
  ],
  expect: [{ expect: 'status', entry: 'P2', is: 'posted' }, nameInGe('Bureau Vallée')],
  verifiedAgainstVendor: false,
});
