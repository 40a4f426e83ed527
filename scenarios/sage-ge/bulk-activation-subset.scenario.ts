import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE } from './common.js';

const active = (file: string, equals: boolean) => ({
  expect: 'vendor-state' as const,
  path: ['files', file, 'connectorActive'],
  equals,
});

/**
 * Seed 000, bulk activation: "click on Multi-file Marketplace - Select all relevant files - Click on
 * Activate Files". A firm with three files, Qonto activated on none: the accountant selects F1 and
 * F2 only. Those two are activated (and their fiscal years synchronized); F3, not selected, stays
 * off. The hub links F1 and its entries post.
 */
export default defineScenario({
  id: 'sage-ge/bulk-activation-subset',
  title: 'Multi-file Marketplace on a firm with three files: two selected are activated, the third stays off',
  vendor: 'sage-ge',
  covers: ['SGE-BULK-ACTIVATION'],
  given: { vendor: { preset: 'three-files-inactive' } },
  steps: [
    { do: 'check', expect: [active('F1', false), active('F2', false), active('F3', false)] },
    { do: 'vendor-action', action: 'bulk-activate', input: { fileId: null, fileIds: ['F1', 'F2'] } },
    ...linkAndSend(PURCHASE),
    ...openAndSync,
  ],
  expect: [
    active('F1', true),
    active('F2', true),
    active('F3', false),
    // Activation synchronized the fiscal years of the files that never had them.
    {
      expect: 'vendor-state',
      path: ['files', 'F2', 'marketplaceFiscalYears', 'at'],
      equals: '2026-03-16T09:00:00.000Z',
    },
    { expect: 'vendor-state', path: ['files', 'F3', 'marketplaceFiscalYears', 'at'], equals: null },
    { expect: 'vendor-file', connected: true, problem: null },
    { expect: 'status', entry: 'P1', is: 'posted' },
  ],
  verifiedAgainstVendor: false,
});
