import { defineScenario } from '../load.js';
import { linkAndSend, openAndReadBack, posted } from './common.js';

/**
 * Seed 003: the four codes are "valid for all your current and future files", generated once. The
 * hub connects with them and links D1; the firm then creates a new dossier, D2, in Quadra. With the
 * same connection (no new key, no "Edit API connection"), the hub's wizard lists D2 beside D1.
 */
export default defineScenario({
  id: 'quadra/keys-all-dossiers',
  title: 'The four codes serve every dossier: a dossier created after the connection is listed with the same keys',
  vendor: 'quadra',
  covers: ['QDR-CPA-AUTH'],
  steps: [
    ...linkAndSend({ id: 'P1', kind: 'purchase', date: '2026-03-10' }),
    ...openAndReadBack,
    { do: 'vendor-action', action: 'create-dossier', input: { dossier: 'D2', name: 'Nouveau dossier' } },
  ],
  expect: [
    { expect: 'vendor-file', listed: true },
    { expect: 'vendor-file', file: 'D2', listed: true },
    ...posted('P1'),
  ],
  verifiedAgainstVendor: false,
});
