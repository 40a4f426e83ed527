import type { Expectation, ScenarioInput, Step } from '../../contracts/scenario/schema.js';
import { LOOP_FOLDER } from '../../vendors/loop.js';
import { PURCHASE } from './common.js';

/**
 * The hub's behaviours played on Cegid Quadra and Cegid Loop, as the Sage GE ones in this folder
 * are: the hub is the same, only what makes an entry land in the vendor differs (Quadra imports
 * the CFE container when the dossier is opened and the read-back finds it 12 hours later; Loop's
 * import service picks a request up after a minute). "Sent" is asserted on the vendor's side
 * (its entries), so each scenario would fail if the hub sent too early or not at all.
 */
export type OtherVendor = 'quadra' | 'loop';

interface Profile {
  name: string;
  /** After an upload: what makes the sent entries land and the hub see them posted. */
  land: Step[];
  /** A change in the vendor's reference data, and the hub's view before and after it is pulled. */
  refChange: { steps: Step[]; before: Expectation; after: Expectation };
  /**
   * Accounts created in the vendor after linking (a general account and a subsidiary account):
   * what the weekly sync and "Refresh accounting data" must bring into the hub (seed 001).
   */
  newAccounts: { steps: Step[]; before: Expectation; after: Expectation };
  /** What the hub holds right after linking (accounts, subsidiary accounts, journal codes). */
  onLink: Expectation;
  /**
   * A rejection after linking: the steps that send `entry` and see it refused (each validation
   * followed by Synchronize, so that they send in any frequency), the status the hub then shows
   * with the vendor's catalogued message, and the fix made in the vendor before marking it verified.
   */
  reject: {
    entry: string;
    given?: { action: string; input: Record<string, unknown> }[];
    send: Step[];
    failed: Expectation;
    fix: Step[];
    uploads: { method: string; path: string; count: number };
  };
}

export const PROFILES: Record<OtherVendor, Profile> = {
  quadra: {
    name: 'Cegid Quadra',
    land: [{ do: 'open-file' }, { do: 'advance-clock', by: '12h' }],
    // The accountant renames an account in Quadra's chart (the "correct the label manually" remedy).
    refChange: {
      steps: [
        {
          do: 'vendor-action',
          action: 'upsert-account',
          input: { number: '60640000', label: 'Petit equipement bureau' },
        },
      ],
      before: { expect: 'reference-data', account: { number: '60640000', label: 'Fournitures administratives' } },
      after: { expect: 'reference-data', account: { number: '60640000', label: 'Petit equipement bureau' } },
    },
    // A general account and a supplier's auxiliary account created in Quadra's chart.
    newAccounts: {
      steps: [
        {
          do: 'vendor-action',
          action: 'upsert-account',
          input: { number: '61880000', label: 'Abonnements divers', type: 'G' },
        },
        {
          do: 'vendor-action',
          action: 'upsert-account',
          input: { number: '0NOUVFO', label: 'Nouveau fournisseur', type: 'F', collective: '40100000' },
        },
      ],
      before: { expect: 'reference-data', noAccount: '61880000', noSubsidiaryAccount: '0NOUVFO' },
      after: {
        expect: 'reference-data',
        account: { number: '61880000', label: 'Abonnements divers' },
        subsidiaryAccount: '0NOUVFO',
      },
    },
    onLink: {
      expect: 'reference-data',
      account: { number: '40100000', label: 'Fournisseurs' },
      journal: 'AC',
      openFiscalYears: 1,
    },
    // Quadra refuses nothing on the way in: its rejection is the nightly check's. S1 and a later
    // purchase are imported, someone deletes S1 in Quadra; 3 nights later S1 is "Failed check".
    reject: {
      entry: 'S1',
      send: [
        { do: 'add-entry', entry: { id: 'S1', kind: 'sales', date: '2026-03-10', journal: 'VT' } },
        { do: 'mark-verified', entries: ['S1'] },
        { do: 'synchronize' },
        { do: 'add-entry', entry: PURCHASE },
        { do: 'mark-verified', entries: ['P1'] },
        { do: 'synchronize' },
        { do: 'open-file' },
        { do: 'advance-clock', by: '10m' },
        { do: 'vendor-action', action: 'delete-entries', input: { journal: 'VT' } },
        { do: 'advance-clock', by: '12h' },
        { do: 'advance-clock', to: 'next-night' },
        { do: 'advance-clock', to: 'next-night' },
        { do: 'advance-clock', to: 'next-night' },
      ],
      failed: { expect: 'status', entry: 'S1', is: 'failed-check', catalogueId: 'QDR-FAILED-CHECK' },
      fix: [],
      // Each entry is one ASCII file put in the CFE container's input folder (its PDF goes beside it):
      // S1 and P1, then S1 again on the first two nights (the third night concludes Failed check).
      uploads: { method: 'PUT', path: '/**/input/*.txt', count: 4 },
    },
  },
  loop: {
    name: 'Cegid Loop',
    land: [{ do: 'advance-clock', by: '2m' }],
    // The accountant renames an account in the folder's chart in Loop.
    refChange: {
      steps: [
        {
          do: 'vendor-action',
          action: 'upsert-compte',
          input: { folder: LOOP_FOLDER, numero: '625700', libelle: 'Receptions clients' },
        },
      ],
      before: { expect: 'reference-data', account: { number: '625700', label: 'Réceptions' } },
      after: { expect: 'reference-data', account: { number: '625700', label: 'Receptions clients' } },
    },
    // A general account in the folder's chart and a supplier (auxiliary account) created in Loop.
    newAccounts: {
      steps: [
        {
          do: 'vendor-action',
          action: 'upsert-compte',
          input: { folder: LOOP_FOLDER, numero: '618800', libelle: 'Abonnements divers' },
        },
        {
          do: 'vendor-action',
          action: 'upsert-tiers',
          input: { folder: LOOP_FOLDER, code: 'FNOUVEAU', name: 'Nouveau fournisseur', type: 'fournisseur' },
        },
      ],
      before: { expect: 'reference-data', noAccount: '618800', noSubsidiaryAccount: 'FNOUVEAU' },
      after: {
        expect: 'reference-data',
        account: { number: '618800', label: 'Abonnements divers' },
        subsidiaryAccount: 'FNOUVEAU',
      },
    },
    onLink: {
      expect: 'reference-data',
      account: { number: '401000', label: 'Fournisseurs', collective: true },
      journal: 'AC',
      subsidiaryAccount: 'FBUROTIC',
    },
    // The open fiscal year's chart is incomplete: Loop refuses the import (422).
    reject: {
      entry: 'P1',
      given: [
        {
          action: 'set-fiscal-year',
          input: { folder: LOOP_FOLDER, fiscalYearId: '2026', status: 'open', chartComplete: false },
        },
      ],
      send: [
        { do: 'add-entry', entry: PURCHASE },
        { do: 'mark-verified', entries: ['P1'] },
        { do: 'synchronize' },
        { do: 'advance-clock', by: '2m' },
      ],
      failed: {
        expect: 'status',
        entry: 'P1',
        is: 'sync-failed',
        catalogueId: 'LOOP-INCOMPLETE-FOLDER',
        params: { folder: LOOP_FOLDER, fiscalYear: '2026' },
      },
      fix: [
        {
          do: 'vendor-action',
          action: 'set-fiscal-year',
          input: { folder: LOOP_FOLDER, fiscalYearId: '2026', status: 'open', chartComplete: true },
        },
      ],
      // Linking imports the third parties once; then the refused entry's one import.
      uploads: { method: 'POST', path: '/loop-api-publiques/importJson', count: 2 },
    },
  },
};

const sent = (count: number): Expectation => ({ expect: 'vendor-entry-count', count });
const postedP1: Expectation[] = [
  { expect: 'status', entry: 'P1', is: 'posted' },
  { expect: 'vendor-entry', entry: 'P1', state: 'posted' },
];
const addAndValidate: Step[] = [{ do: 'add-entry', entry: PURCHASE }, { do: 'mark-verified' }];

type Behaviour = (vendor: OtherVendor, p: Profile) => Omit<ScenarioInput, 'id' | 'vendor' | 'verifiedAgainstVendor'>;

const BEHAVIOURS = {
  'sync-realtime': (_v, p) => ({
    title: `Real-time on ${p.name}: an entry is sent as soon as it is validated`,
    covers: ['HUB-SYNC-REALTIME'],
    given: { hub: { frequency: 'realtime', weeklyAccountSync: true } },
    steps: [{ do: 'link-file' }, ...addAndValidate],
    expect: [{ expect: 'status', entry: 'P1', is: 'synchronizing' }, sent(1)],
    remedy: { steps: p.land, expect: postedP1 },
  }),
  'sync-daily': (_v, p) => ({
    title: `Daily on ${p.name}: validated entries wait for the evening run`,
    covers: ['HUB-SYNC-DAILY'],
    given: { hub: { frequency: 'daily', weeklyAccountSync: true } },
    steps: [{ do: 'link-file' }, ...addAndValidate, { do: 'advance-clock', by: '2h' }],
    expect: [{ expect: 'status', entry: 'P1', is: 'pending' }, sent(0)],
    remedy: {
      steps: [
        { do: 'advance-clock', to: 'next-evening' },
        { do: 'check', expect: [{ expect: 'status', entry: 'P1', is: 'synchronizing' }, sent(1)] },
        ...p.land,
      ],
      expect: postedP1,
    },
  }),
  'sync-manual': (_v, p) => ({
    title: `Manual on ${p.name}: nothing is sent until the Synchronize button, not even at night`,
    covers: ['HUB-SYNC-MANUAL'],
    given: { hub: { frequency: 'manual', weeklyAccountSync: true } },
    steps: [{ do: 'link-file' }, ...addAndValidate, { do: 'advance-clock', by: '2d' }],
    expect: [{ expect: 'status', entry: 'P1', is: 'pending' }, sent(0)],
    remedy: { steps: [{ do: 'synchronize' }, { do: 'check', expect: [sent(1)] }, ...p.land], expect: postedP1 },
  }),
  'disable-integration': (_v, p) => ({
    title: `"Disable integration" on ${p.name} stops every synchronization until it is enabled again`,
    covers: ['HUB-DISABLE-INTEGRATION'],
    steps: [
      { do: 'link-file' },
      { do: 'set-integration', enabled: false },
      ...addAndValidate,
      { do: 'synchronize' },
      { do: 'advance-clock', to: 'next-night' },
    ],
    expect: [{ expect: 'status', entry: 'P1', is: 'pending' }, sent(0)],
    remedy: { steps: [{ do: 'set-integration', enabled: true }, { do: 'synchronize' }, ...p.land], expect: postedP1 },
  }),
  'edit-credentials': (_v, p) => ({
    title: `Wrong keys are refused by ${p.name}; "Edit API connection" with the right ones connects`,
    covers: ['HUB-EDIT-CREDENTIALS'],
    steps: [{ do: 'link-file', credentials: 'wrong' }],
    expect: [{ expect: 'step-error' }, { expect: 'reference-data', pulled: false }],
    remedy: {
      steps: [
        { do: 'edit-credentials' },
        { do: 'check', expect: [{ expect: 'step-error', none: true }] },
        ...addAndValidate,
        ...p.land,
      ],
      expect: [{ expect: 'reference-data', pulled: true }, ...postedP1],
    },
  }),
  'file-association': (_v, p) => ({
    title: `The wizard lists ${p.name}'s files; associating one with a client file links them`,
    covers: ['HUB-FILE-ASSOCIATION'],
    steps: [
      { do: 'check', expect: [{ expect: 'reference-data', pulled: false }] },
      { do: 'link-file' },
      ...addAndValidate,
      ...p.land,
    ],
    expect: [
      { expect: 'vendor-file', connected: true, problem: null },
      { expect: 'reference-data', pulled: true },
      ...postedP1,
    ],
  }),
  'refresh-refdata': (_v, p) => ({
    title: `"Refresh accounting data" retrieves what changed in ${p.name} at once`,
    covers: ['HUB-REFRESH-REFDATA'],
    given: { hub: { frequency: 'realtime', weeklyAccountSync: false } },
    steps: [{ do: 'link-file' }, ...p.refChange.steps],
    expect: [p.refChange.before],
    remedy: { steps: [{ do: 'refresh-reference-data' }], expect: [p.refChange.after] },
  }),
  'weekly-account-sync': (_v, p) => ({
    title: `With automatic account sync on, ${p.name}'s reference data is pulled again once a week`,
    covers: ['HUB-WEEKLY-ACCOUNT-SYNC'],
    given: { hub: { frequency: 'realtime', weeklyAccountSync: true } },
    steps: [
      { do: 'link-file' },
      ...p.refChange.steps,
      { do: 'advance-clock', by: '6d' },
      { do: 'check', expect: [p.refChange.before] },
      { do: 'advance-clock', by: '1d' },
    ],
    expect: [p.refChange.after],
  }),
  'weekly-account-sync-off': (_v, p) => ({
    title: `With automatic account sync off, ${p.name}'s changes wait for "Refresh accounting data", however many weeks pass`,
    covers: ['HUB-WEEKLY-ACCOUNT-SYNC'],
    given: { hub: { frequency: 'realtime', weeklyAccountSync: false } },
    steps: [{ do: 'link-file' }, ...p.refChange.steps, { do: 'advance-clock', by: '15d' }],
    expect: [p.refChange.before],
    remedy: { steps: [{ do: 'refresh-reference-data' }], expect: [p.refChange.after] },
  }),
  'new-accounts-weekly': (_v, p) => ({
    title: `Accounts created in ${p.name} after linking reach the hub with the weekly sync, on the 7th day`,
    covers: ['HUB-WEEKLY-ACCOUNT-SYNC'],
    given: { hub: { frequency: 'realtime', weeklyAccountSync: true } },
    steps: [
      { do: 'link-file' },
      ...p.newAccounts.steps,
      { do: 'advance-clock', by: '6d' },
      { do: 'check', expect: [p.newAccounts.before] },
      { do: 'advance-clock', by: '1d' },
    ],
    expect: [p.newAccounts.after],
  }),
  'new-accounts-refresh': (_v, p) => ({
    title: `Accounts created in ${p.name} after linking reach the hub at once with "Refresh accounting data"`,
    covers: ['HUB-REFRESH-REFDATA'],
    given: { hub: { frequency: 'realtime', weeklyAccountSync: false } },
    steps: [{ do: 'link-file' }, ...p.newAccounts.steps, { do: 'advance-clock', by: '1d' }],
    expect: [p.newAccounts.before],
    remedy: { steps: [{ do: 'refresh-reference-data' }], expect: [p.newAccounts.after] },
  }),
  'refdata-on-link': (_v, p) => ({
    title: `Linking a ${p.name} file retrieves its chart of accounts, subsidiary accounts and journal codes`,
    covers: ['HUB-REFDATA-ON-LINK'],
    steps: [{ do: 'check', expect: [{ expect: 'reference-data', pulled: false }] }, { do: 'link-file' }],
    expect: [p.onLink],
  }),
  'sync-failed': (_v, p) => ({
    title: `An entry ${p.name} rejects shows its failed status with ${p.name}'s exact message`,
    covers: ['HUB-SYNC-FAILED'],
    ...(p.reject.given ? { given: { vendor: { actions: p.reject.given } } } : {}),
    steps: [{ do: 'link-file' }, ...p.reject.send],
    expect: [p.reject.failed],
  }),
  'mark-verified-resend': (_v, p) => ({
    title: `On ${p.name}, marked as verified after a fix, a rejected entry is resent the following night`,
    covers: ['HUB-MARK-VERIFIED-RESEND'],
    given: {
      hub: { frequency: 'daily', weeklyAccountSync: true },
      ...(p.reject.given ? { vendor: { actions: p.reject.given } } : {}),
    },
    steps: [{ do: 'link-file' }, ...p.reject.send],
    expect: [p.reject.failed],
    remedy: {
      steps: [
        ...p.reject.fix,
        { do: 'mark-verified', entries: [p.reject.entry] },
        { do: 'check', expect: [{ expect: 'status', entry: p.reject.entry, is: 'pending' }] },
        { do: 'advance-clock', to: 'next-night' },
        { do: 'check', expect: [{ expect: 'status', entry: p.reject.entry, is: 'synchronizing' }] },
        ...p.land,
      ],
      expect: [
        { expect: 'status', entry: p.reject.entry, is: 'posted' },
        { expect: 'vendor-entry', entry: p.reject.entry, state: 'posted' },
      ],
    },
  }),
  'exclude-entry': (_v, p) => ({
    title: `On ${p.name}, an excluded entry is never sent again`,
    covers: ['HUB-EXCLUDE-ENTRY'],
    ...(p.reject.given ? { given: { vendor: { actions: p.reject.given } } } : {}),
    steps: [
      { do: 'link-file' },
      ...p.reject.send,
      { do: 'check', expect: [p.reject.failed] },
      { do: 'check', expect: [{ expect: 'requests', ...p.reject.uploads }] },
      { do: 'exclude', entry: p.reject.entry },
      ...p.reject.fix,
      { do: 'synchronize' },
      { do: 'advance-clock', to: 'next-night' },
      ...p.land,
    ],
    // The fix would let it post: it stays out because it is excluded, not because it would fail.
    expect: [
      { expect: 'status', entry: p.reject.entry, is: 'excluded' },
      { expect: 'requests', ...p.reject.uploads },
    ],
  }),
} satisfies Record<string, Behaviour>;

export type HubBehaviour = keyof typeof BEHAVIOURS;

/** `hub/<vendor>-<behaviour>`: the scenario of one hub behaviour on one vendor. */
export function hubOn(vendor: OtherVendor, behaviour: HubBehaviour): ScenarioInput {
  const body = BEHAVIOURS[behaviour](vendor, PROFILES[vendor]);
  return { id: `hub/${vendor}-${behaviour}`, vendor, ...body, verifiedAgainstVendor: false } as ScenarioInput;
}
