import type { AccountState, DossierState, FirmState, JournalState, PeriodState } from '../state/schema.js';

/**
 * Builders for Quadra state: tests, scenarios and the demo seed all start from these, changing
 * only what their case is about. Everything is explicit: no randomness, no clock.
 */

/** A French PCG chart as Quadra holds it: 8-character numbers, the default collectives 40100000 / 41100000. */
export const PCG_ACCOUNTS: readonly Pick<AccountState, 'number' | 'label' | 'type' | 'collective'>[] = [
  { number: '10100000', label: 'Capital', type: 'G', collective: '' },
  { number: '21830000', label: 'Matériel de bureau et informatique', type: 'G', collective: '' },
  { number: '37000000', label: 'Stocks de marchandises', type: 'G', collective: '' },
  { number: '40100000', label: 'Fournisseurs', type: 'G', collective: '' },
  { number: '41100000', label: 'Clients', type: 'G', collective: '' },
  { number: '42100000', label: 'Personnel - rémunérations dues', type: 'G', collective: '' },
  { number: '44566000', label: 'TVA déductible sur autres biens et services', type: 'G', collective: '' },
  { number: '44571000', label: 'TVA collectée', type: 'G', collective: '' },
  { number: '47100000', label: "Compte d'attente", type: 'G', collective: '' },
  { number: '51200000', label: 'Banque', type: 'G', collective: '' },
  { number: '60640000', label: 'Fournitures administratives', type: 'G', collective: '' },
  { number: '61350000', label: 'Locations mobilières', type: 'G', collective: '' },
  { number: '62260000', label: 'Honoraires', type: 'G', collective: '' },
  { number: '62510000', label: 'Voyages et déplacements', type: 'G', collective: '' },
  { number: '62700000', label: 'Services bancaires', type: 'G', collective: '' },
  { number: '64100000', label: 'Rémunérations du personnel', type: 'G', collective: '' },
  { number: '70600000', label: 'Prestations de services', type: 'G', collective: '' },
  { number: '70700000', label: 'Ventes de marchandises', type: 'G', collective: '' },
];

/** Journal codes as Quadra firms use them (`AN` = à-nouveaux). */
export const JOURNALS: readonly Pick<JournalState, 'code' | 'label'>[] = [
  { code: 'AC', label: 'Achats' },
  { code: 'VT', label: 'Ventes' },
  { code: 'BQ', label: 'Banque' },
  { code: 'OD', label: 'Opérations diverses' },
  { code: 'AN', label: 'À-nouveaux' },
  // A 3-character code, written at 111 (QC Windows); its first two characters still go at 10.
  { code: 'NDF', label: 'Notes de frais' },
];

/**
 * The journal codes the five public Quadra exporters write (conformance/quadra/README.md), for the
 * demo dossiers: without them every real exporter's file is refused whole. The code is the one
 * the import reads: the 3 characters at 111 when filled, else the 2 at 10.
 */
export const EXPORTER_JOURNALS: readonly Pick<JournalState, 'code' | 'label'>[] = [
  // Dolibarr's default accounting journals (VT, AC, BQ, OD, AN above), plus expense reports and inventory.
  { code: 'ER', label: 'Notes de frais (Dolibarr)' },
  { code: 'INV', label: 'Factures clients (Odoo INV) / inventaire (Dolibarr)' },
  // The Odoo module writes the journal code cut to 3 characters at 111: BILL, MISC, BNK1, CSH1, EXCH, CABA.
  { code: 'BIL', label: 'Factures fournisseurs (Odoo BILL)' },
  { code: 'MIS', label: 'Opérations diverses (Odoo MISC)' },
  { code: 'BNK', label: 'Banque (Odoo BNK1)' },
  { code: 'CSH', label: 'Caisse (Odoo CSH1)' },
  { code: 'STJ', label: 'Valorisation des stocks (Odoo STJ)' },
  { code: 'EXC', label: 'Différences de change (Odoo EXCH)' },
  // Odoo in French names the sales journal FAC and the purchase journal FACTU: both arrive as FAC.
  { code: 'FAC', label: 'Factures (Odoo FAC / FACTU)' },
  // caerp's journal codes are set per installation; VTE / ACH are common 3-character codes.
  { code: 'VTE', label: 'Ventes (caerp)' },
  { code: 'ACH', label: 'Achats (caerp)' },
  // excel-to-quadra's example configuration posts to OS (opérations de situation).
  { code: 'OS', label: 'Opérations de situation (excel-to-quadra)' },
];

/** The calendar-year period `year`. */
export const calendarPeriod = (year: number, status: PeriodState['status'] = 'open'): PeriodState => ({
  id: `EX${year}`,
  start: `${year}-01-01`,
  end: `${year}-12-31`,
  status,
});

export interface DossierOverrides extends Partial<Omit<DossierState, 'periods' | 'code'>> {
  periods?: PeriodState[];
}

/**
 * A healthy dossier: last year closed and this year open, the PCG chart, the journals open, the
 * CFE key recorded in Quadra's settings, an empty container, a 5-minute import delay.
 */
export function buildDossier(
  code: string,
  year: number,
  cfeKey: string | null,
  overrides: DossierOverrides = {},
): DossierState {
  const { periods = [calendarPeriod(year - 1, 'closed'), calendarPeriod(year)], ...rest } = overrides;
  return {
    code,
    name: `Dossier ${code}`,
    cfeKeyInSettings: cfeKey,
    periods: Object.fromEntries(periods.map((p) => [p.id, p])),
    accounts: Object.fromEntries(PCG_ACCOUNTS.map((a) => [a.number, { ...a, autoCreated: false }])),
    journals: Object.fromEntries(JOURNALS.map((j) => [j.code, { ...j, status: 'open' as const }])),
    container: { blobs: {}, sas: {} },
    imports: {},
    entries: {},
    importDelayMinutes: 5,
    lastOpenedAt: null,
    nextImportSeq: 1,
    nextEntryId: 1,
    ...rest,
  };
}

export interface FirmOverrides extends Partial<Omit<FirmState, 'dossiers' | 'sicCode'>> {
  dossiers?: DossierState[];
}

/** A firm with portal access and activated CFE; its keys derive from the SIC code. */
export function buildFirm(sicCode: string, overrides: FirmOverrides = {}): FirmState {
  const { dossiers = [], ...rest } = overrides;
  return {
    sicCode,
    name: `Cabinet ${sicCode}`,
    portalAccess: true,
    cpa: { key: `CPA-${sicCode}-KEY`, secret: `cpa-secret-${sicCode}` },
    cfe: { key: `CFE-${sicCode}-KEY`, secret: `cfe-secret-${sicCode}`, activated: true },
    tokens: {},
    dossiers: Object.fromEntries(dossiers.map((d) => [d.code, d])),
    ...rest,
  };
}

/** The CFE key a firm built with `buildFirm(sicCode)` uses, for its dossiers' settings. */
export const defaultCfeKey = (sicCode: string) => `CFE-${sicCode}-KEY`;
