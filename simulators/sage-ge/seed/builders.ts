import type { EntryPushRequest } from '../../../contracts/sage-ge/wire.js';
import type { AccountState, EntityState, FileState, FiscalYearState, JournalState } from '../state/schema.js';

/**
 * Builders for Sage GE state: tests, scenarios and the demo seed all start from these, changing
 * only what their case is about. Everything is explicit: no randomness, no clock.
 */

/** A French PCG chart of accounts, as a small firm's GE file has it (6-digit accounts). */
export const PCG_ACCOUNTS: readonly Pick<AccountState, 'number' | 'label' | 'collective'>[] = [
  { number: '401000', label: 'Fournisseurs', collective: true },
  { number: '411000', label: 'Clients', collective: true },
  { number: '421000', label: 'Personnel - rémunérations dues', collective: true },
  { number: '445660', label: 'TVA déductible sur autres biens et services', collective: false },
  { number: '445710', label: 'TVA collectée', collective: false },
  { number: '471000', label: "Compte d'attente", collective: false },
  { number: '512000', label: 'Banque', collective: false },
  { number: '606400', label: 'Fournitures administratives', collective: false },
  { number: '613500', label: 'Locations mobilières', collective: false },
  { number: '622600', label: 'Honoraires', collective: false },
  { number: '625100', label: 'Voyages et déplacements', collective: false },
  { number: '625700', label: 'Réceptions', collective: false },
  { number: '627000', label: 'Services bancaires', collective: false },
  { number: '641000', label: 'Rémunérations du personnel', collective: false },
  { number: '706000', label: 'Prestations de services', collective: false },
  { number: '707000', label: 'Ventes de marchandises', collective: false },
];

export const JOURNALS: readonly Pick<JournalState, 'code' | 'label' | 'type'>[] = [
  { code: 'AC', label: 'Achats', type: 'purchase' },
  { code: 'VE', label: 'Ventes', type: 'sales' },
  { code: 'BQ', label: 'Banque', type: 'bank' },
  { code: 'OD', label: 'Opérations diverses', type: 'misc' },
  { code: 'NDF', label: 'Notes de frais', type: 'expense-report' },
];

/** The calendar-year fiscal year `year`. */
export const calendarYear = (
  year: number,
  status: FiscalYearState['status'] = 'open',
  chartComplete = true,
): FiscalYearState => ({
  id: `FY${year}`,
  start: `${year}-01-01`,
  end: `${year}-12-31`,
  status,
  chartComplete,
});

export interface FileOverrides extends Partial<Omit<FileState, 'fiscalYears'>> {
  /** The fiscal years; the Marketplace snapshot is taken from them unless `marketplaceFiscalYears` is given. */
  fiscalYears?: FiscalYearState[];
}

/**
 * A healthy file: connector active, the previous and current calendar years open and
 * synchronized, the PCG chart, the five journals open with auto-numbering, no analytics.
 */
export function buildFile(id: string, now: Date, overrides: FileOverrides = {}): FileState {
  const year = now.getUTCFullYear();
  const fiscalYears = overrides.fiscalYears ?? [calendarYear(year - 1), calendarYear(year)];
  const { fiscalYears: _ignored, ...rest } = overrides;
  return {
    id,
    code:
      id
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '')
        .slice(0, 8) || 'FILE',
    name: `File ${id}`,
    connectorActive: true,
    fiscalYears: Object.fromEntries(fiscalYears.map((fy) => [fy.id, fy])),
    marketplaceFiscalYears: { at: now.toISOString(), fiscalYears },
    accounts: Object.fromEntries(PCG_ACCOUNTS.map((a) => [a.number, { ...a, locked: false, autoCreated: false }])),
    subsidiaryAccounts: {},
    thirdParties: {},
    journals: Object.fromEntries(
      JOURNALS.map((j) => [j.code, { ...j, locked: false, autoNumbering: { enabled: true, prefix: j.code, next: 1 } }]),
    ),
    analytics: { required: false, axes: [], missing: 'axis' },
    importCursorLocks: {},
    pendingOtherErrors: null,
    entries: {},
    cloudQueue: {},
    idempotencyKeys: {},
    pendingThirdPartyBatches: {},
    nextEntrySeq: 1,
    accountingSession: null,
    ...rest,
  };
}

export interface EntityOverrides extends Partial<Omit<EntityState, 'files'>> {
  files?: FileState[];
}

/** A firm entity with API rights, the connector active and a valid reference administrator. */
export function buildEntity(id: string, now: Date, overrides: EntityOverrides = {}): EntityState {
  const { files = [], ...rest } = overrides;
  return {
    id,
    name: `Cabinet ${id}`,
    siren: '123456789',
    geIdentifier: `GE-${id}-0000000000000000`,
    apiRights: true,
    connectorActive: true,
    referenceAdministrator: {
      name: 'Administrateur de référence',
      email: 'admin@example.test',
      certificateExpiresAt: new Date(now.getTime() + 365 * 86_400_000).toISOString(),
    },
    files: Object.fromEntries(files.map((f) => [f.id, f])),
    ...rest,
  };
}

/**
 * A valid push body (the wire's entry) on AC: a purchase of 120.00 with its VAT, the supplier on
 * the collective 401000. Override any field.
 */
export function purchaseEntryBody(overrides: Partial<EntryPushRequest> = {}): EntryPushRequest {
  return {
    kind: 'purchase',
    journalCode: 'AC',
    postingDate: '2026-03-10',
    documentDate: '2026-03-09',
    documentNumber: 'FAC-2026-001',
    label: 'Fournitures de bureau',
    comment: 'Facture fournisseur #AAAAA#',
    lines: [
      { accountNumber: '606400', debit: 100, credit: 0 },
      { accountNumber: '445660', debit: 20, credit: 0 },
      { accountNumber: '401000', subsidiaryAccount: 'F00001', credit: 120, debit: 0 },
    ],
    attachments: [],
    ...overrides,
  };
}

/** What turns a purchase body into a bank entry on BQ: a card payment of 42.50. */
export function bankOverrides(overrides: Partial<EntryPushRequest> = {}): Partial<EntryPushRequest> {
  return {
    kind: 'bank',
    journalCode: 'BQ',
    documentNumber: '',
    label: 'Paiement carte',
    lines: [
      { accountNumber: '627000', debit: 42.5, credit: 0 },
      { accountNumber: '512000', debit: 0, credit: 42.5 },
    ],
    ...overrides,
  };
}
