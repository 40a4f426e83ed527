import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE } from './common.js';

export default defineScenario({
  id: 'sage-ge/stuck-admin-cert-expired',
  title: "Error 8: the reference administrator's certificate expired: GE says so at each opening and injects nothing",
  vendor: 'sage-ge',
  covers: ['SGE-STUCK-ADMIN-CERT-EXPIRED'],
  steps: [
    ...linkAndSend(PURCHASE),
    { do: 'vendor-action', action: 'expire-admin-certificate', input: { fileId: null } },
    ...openAndSync,
  ],
  expect: [
    { expect: 'vendor-message', catalogueId: 'SGE-STUCK-ADMIN-CERT-EXPIRED' },
    { expect: 'status', entry: 'P1', is: 'synchronizing' },
    { expect: 'vendor-entry', entry: 'P1', state: 'queued' },
  ],
  remedy: {
    steps: [{ do: 'vendor-action', action: 'reauthenticate-admin', input: { fileId: null } }, ...openAndSync],
    expect: [
      { expect: 'vendor-message', catalogueId: 'SGE-STUCK-ADMIN-CERT-EXPIRED', absent: true },
      { expect: 'status', entry: 'P1', is: 'posted' },
    ],
  },
  verifiedAgainstVendor: false,
});
