import type { EntryTemplate, Expectation, Step } from '../../contracts/scenario/schema.js';

/** Shared pieces of the hub scenarios (run against Sage GE, whose queue makes each state visible). */

export const PURCHASE: EntryTemplate = { id: 'P1', kind: 'purchase', date: '2026-03-10' };

export const openAndSync: Step[] = [{ do: 'open-file' }, { do: 'synchronize' }];

/** An entry the vendor refuses: the purchase journal is locked in Sage GE. */
export const lockJournal: Step = {
  do: 'vendor-action',
  action: 'set-journal-lock',
  input: { journal: 'AC', locked: true },
};
export const unlockJournal: Step = {
  do: 'vendor-action',
  action: 'set-journal-lock',
  input: { journal: 'AC', locked: false },
};

/** Close 2025 in GE and resynchronize: the vendor's reference data changes. */
export const closeLastYear: Step[] = [
  { do: 'vendor-action', action: 'set-fiscal-year', input: { fiscalYearId: 'FY2025', status: 'closed' } },
  { do: 'vendor-action', action: 'resync-fiscal-years' },
];

/** A general account and a supplier's subsidiary account created in GE after the file was linked. */
export const createInGe: Step[] = [
  { do: 'vendor-action', action: 'upsert-account', input: { account: '618800', label: 'Abonnements divers' } },
  {
    do: 'vendor-action',
    action: 'upsert-subsidiary-account',
    input: { code: 'FNOUVEAU', label: 'Nouveau fournisseur', collectiveAccount: '401000' },
  },
];
export const notInHubYet: Expectation = {
  expect: 'reference-data',
  noAccount: '618800',
  noSubsidiaryAccount: 'FNOUVEAU',
};
export const inHub: Expectation = {
  expect: 'reference-data',
  account: { number: '618800', label: 'Abonnements divers' },
  subsidiaryAccount: 'FNOUVEAU',
};

/**
 * A purchase whose expense line carries an analytic allocation in the hub (two sections of one
 * axis): seed 000, "Analytical plans and codes: not supported at this stage", so no vendor gets it.
 */
export const WITH_ANALYTICS: EntryTemplate = {
  id: 'A1',
  kind: 'purchase',
  date: '2026-03-10',
  lines: [
    {
      generalAccount: '606400',
      debit: 10_000,
      credit: 0,
      analytics: [
        { axis: 'AXE1', section: 'SECA@AXE1', amount: 6_000 },
        { axis: 'AXE1', section: 'SECB@AXE1', amount: 4_000 },
      ],
    },
    { generalAccount: '445660', debit: 2_000, credit: 0 },
    { generalAccount: '401000', subsidiaryAccount: 'FBUREAU', debit: 0, credit: 12_000 },
  ],
};
