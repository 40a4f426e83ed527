import { defineScenario } from '../load.js';
import { DATE, firmAction, linkAndSend, nextNight, openDossier, posted, PURCHASE, sendOnly, twelveHoursLater } from './common.js';

/**
 * S1 goes to the hub's sales journal VE, which the dossier does not have: Quadra refuses its file
 * at the opening, while P1 of a later batch is imported. The firm's CFE activation is then undone
 * in Cegid Life, so the hub cannot read the refusal report: S1 is only "not found", 12 hours after
 * sending and on 3 nights, while P1 was posted: "Failed check".
 *
 * Own choice: the simulator has no other way for one entry of a dossier to stay out of sight
 * while a later one shows (opening the dossier imports every waiting file); see the report.
 */
export default defineScenario({
  id: 'quadra/failed-check',
  title: 'After 3 unsuccessful nightly checks, while a later batch was posted, the entry moves to Failed check with its message',
  vendor: 'quadra',
  covers: ['QDR-FAILED-CHECK'],
  steps: [
    ...linkAndSend({ id: 'S1', kind: 'sales', date: DATE }),
    ...sendOnly(PURCHASE),
    openDossier,
    firmAction('validate-cfe-activation', { activated: false }),
    twelveHoursLater,
    { do: 'check', expect: [{ expect: 'status', entry: 'P1', is: 'posted' }, { expect: 'status', entry: 'S1', is: 'synchronizing' }] },
    nextNight,
    nextNight,
    { do: 'check', expect: [{ expect: 'status', entry: 'S1', is: 'synchronizing' }] },
    nextNight,
  ],
  expect: [
    { expect: 'status', entry: 'S1', is: 'failed-check', catalogueId: 'QDR-FAILED-CHECK' },
    { expect: 'vendor-entry', entry: 'S1', state: 'rejected' },
  ],
  remedy: {
    // Verify the entry in Quadra: its file was refused (journal VE); the CFE activation is validated
    // again, the entry corrected to the sales journal VT and marked as verified.
    steps: [
      firmAction('validate-cfe-activation', { activated: true }),
      { do: 'edit-entry', entry: { id: 'S1', kind: 'sales', date: DATE, journal: 'VT' } },
      { do: 'mark-verified', entries: ['S1'] },
      openDossier,
      twelveHoursLater,
    ],
    expect: posted('S1'),
  },
  verifiedAgainstVendor: false,
});
