import { SAGE_GE_SECOND_FILE } from '../../vendors/sage-ge.js';
import { defineScenario } from '../load.js';

export default defineScenario({
  id: 'hub/wizard-associate',
  title:
    "The wizard's table: a client file of the hub associated with a vendor file keeps its own name; the vendor's other file becomes a new client file; the hub's other file stays unlinked",
  vendor: 'sage-ge',
  covers: ['HUB-FILE-ASSOCIATION'],
  given: { vendor: { preset: 'two-files' } },
  steps: [
    {
      do: 'wizard',
      clientFiles: [
        { id: 'C1', name: 'SARL Dupuis (hub)' },
        { id: 'C7', name: 'Garage Petit' },
      ],
      associate: { C1: 'F1' },
    },
  ],
  expect: [
    { expect: 'client-files', count: 3 },
    { expect: 'client-files', file: { clientFile: 'C1', vendorFile: 'F1', name: 'SARL Dupuis (hub)', active: false } },
    { expect: 'client-files', file: { vendorFile: SAGE_GE_SECOND_FILE, name: 'Boulangerie Martin', active: false } },
    { expect: 'client-files', file: { clientFile: 'C7', linked: false } },
  ],
  remedy: {
    // Activating one line of the Status column, then turning it off again: nothing more is pulled.
    steps: [
      { do: 'set-file-status', active: true },
      { do: 'check', expect: [{ expect: 'requests', method: 'GET', path: '/accounts', count: 1 }] },
      { do: 'set-file-status', active: false },
      { do: 'set-file-status', active: true },
    ],
    expect: [
      { expect: 'client-files', file: { clientFile: 'C1', active: true, pulled: true } },
      { expect: 'reference-data', journal: 'AC' },
      { expect: 'requests', method: 'GET', path: '/accounts', count: 1 },
    ],
  },
  verifiedAgainstVendor: false,
});
