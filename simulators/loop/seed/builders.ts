import {
  JOURNAL_TYPES,
  TIERS_TYPES,
  type Compte,
  type Reference,
  type EcritureComptable,
  type Journal,
  type Section,
  type Tiers,
  type TiersType,
} from '../../../contracts/loop/wire.js';
import { stableRevisionId, stableUuid } from '../domain/ids.js';
import type { ApiKeyState, FirmState, FiscalYearState, FolderState } from '../state/schema.js';

/**
 * Builders for Cegid Loop state: tests, scenarios and the demo seed all start from these, changing
 * only what their case is about. Everything is explicit: no randomness, no clock (uuids are
 * derived from what they name).
 */

/** A French PCG chart of accounts as a small folder has it: [numero, libelle, collectif, lettrable]. */
export const PCG_COMPTES: readonly [string, string, boolean, boolean][] = [
  ['401000', 'Fournisseurs', true, true],
  ['411000', 'Clients', true, true],
  ['421000', 'Personnel - rémunérations dues', true, true],
  ['445660', 'TVA déductible sur autres biens et services', false, false],
  ['445710', 'TVA collectée', false, false],
  ['467000', 'Autres comptes débiteurs ou créditeurs', true, true],
  ['471000', "Compte d'attente", false, true],
  ['512000', 'Banque', false, false],
  ['606400', 'Fournitures administratives', false, false],
  ['613500', 'Locations mobilières', false, false],
  ['622600', 'Honoraires', false, false],
  ['625100', 'Voyages et déplacements', false, false],
  ['627000', 'Services bancaires', false, false],
  ['641000', 'Rémunérations du personnel', false, false],
  ['706000', 'Prestations de services', false, false],
  ['707000', 'Ventes de marchandises', false, false],
];

export function buildCompte(
  folderCode: string,
  numero: string,
  libelle: string,
  overrides: Partial<Compte> = {},
): Compte {
  return {
    objectId: stableUuid('compte', folderCode, numero),
    revisionId: stableRevisionId('compte', folderCode, numero),
    numero,
    libelle,
    type: Number(numero[0]) >= 1 && Number(numero[0]) <= 7 ? Number(numero[0]) : 4,
    collectif: false,
    lettrable: false,
    pointable: numero.startsWith('512'),
    centralisable: false,
    analytique: numero.startsWith('6') || numero.startsWith('7'),
    ferme: false,
    comptecontrepartie: null,
    compteBanque: numero.startsWith('512') ? numero : null,
    tva: numero.startsWith('4456') || numero.startsWith('4457') ? numero : null,
    ...overrides,
  };
}

/** A reference as Loop's examples write it; no target is `{ objectId: null, description: [""] }`. */
export const reference = (objectId: string | null, code: string): Reference => ({ objectId, description: [code] });

/** The journals of a folder: [code, libelle, type]. */
export const JOURNAUX: readonly [string, string, number][] = [
  ['AC', 'Achats', JOURNAL_TYPES.achat],
  ['VE', 'Ventes', JOURNAL_TYPES.vente],
  ['BQ', 'Banque', JOURNAL_TYPES.banque],
  ['OD', 'Opérations diverses', JOURNAL_TYPES.od],
  ['AN', 'À-nouveaux', JOURNAL_TYPES.aNouveau],
];

export function buildJournal(
  folderCode: string,
  code: string,
  libelle: string,
  type: number,
  overrides: Partial<Journal> = {},
): Journal {
  return {
    objectId: stableUuid('journal', folderCode, code),
    revisionId: stableRevisionId('journal', folderCode, code),
    code,
    libelle,
    type,
    compteContrepartie:
      type === JOURNAL_TYPES.banque
        ? reference(stableUuid('compte', folderCode, '512000'), '512000')
        : reference(null, ''),
    typeContrepartie: type === JOURNAL_TYPES.banque ? 2 : 1,
    repriseDateOp: false,
    ferme: false,
    ...overrides,
  };
}

const COLLECTIF_OF: Record<TiersType, string> = { 0: '411000', 1: '401000', 2: '421000', 4: '467000' };

export function buildTiers(
  folderCode: string,
  code: string,
  type: TiersType,
  name: string,
  overrides: Partial<Tiers> = {},
): Tiers {
  const person = type === TIERS_TYPES.salarie;
  const [prenom, ...nom] = name.split(' ');
  return {
    objectId: stableUuid('tiers', folderCode, code),
    code,
    type,
    nature: person ? 1 : 2,
    prenom: person ? (prenom ?? null) : null,
    nom: person ? nom.join(' ') || null : null,
    raisonSociale: person ? null : name,
    nomUsuel: null,
    lettrable: true,
    compteContrepartie: COLLECTIF_OF[type],
    SIRET: null,
    telephone: null,
    email: null,
    adr: null,
    rib: null,
    actif: true,
    validation: true,
    soumisTva: !person,
    ...overrides,
  };
}

export function buildSection(folderCode: string, code: string, description: string, axe: string): Section {
  return {
    objectId: stableUuid('section', folderCode, code),
    revisionId: stableRevisionId('section', folderCode, code),
    code,
    description,
    ferme: false,
    axe,
  };
}

/** `count` balanced entries typed in Loop (`ecritureOrigine` SAISIE), two lines each, dated `date`. */
export function buildEcritures(
  folderCode: string,
  count: number,
  date: string,
  createdAt: string,
  firstNumero = 1,
): EcritureComptable[] {
  const rows: EcritureComptable[] = [];
  for (let n = firstNumero; n < firstNumero + count; n++) {
    const amount = 10 + (n % 90);
    const base = {
      numeroEcriture: n,
      journalCode: 'OD',
      datePiece: date,
      refPiece: `OD${String(n).padStart(5, '0')}`,
      libelle: `Écriture ${n}`,
      compteAuxiliaire: null,
      ecritureOrigine: 'SAISIE',
      type: 1 as const,
      dateCreation: createdAt,
    };
    rows.push({
      ...base,
      objectId: stableUuid('ecriture', folderCode, String(n), '0'),
      ligne: 1,
      compteNumero: '606400',
      debit: amount,
      credit: 0,
      codeLettrage: null,
    });
    rows.push({
      ...base,
      objectId: stableUuid('ecriture', folderCode, String(n), '1'),
      ligne: 2,
      compteNumero: '471000',
      debit: 0,
      credit: amount,
      codeLettrage: n % 2 === 0 ? `L${n}` : null,
    });
  }
  return rows;
}

/** The calendar-year fiscal year `year`. */
export const calendarYear = (
  year: number,
  status: FiscalYearState['status'] = 'open',
  chartComplete = true,
): FiscalYearState => ({
  id: String(year),
  start: `${year}-01-01`,
  end: `${year}-12-31`,
  status,
  chartComplete,
});

export interface FolderOverrides extends Partial<Omit<FolderState, 'fiscalYears' | 'ecritures'>> {
  fiscalYears?: FiscalYearState[];
  ecritures?: EcritureComptable[];
}

/**
 * A healthy folder: connector activated, the previous and current calendar years open with a
 * complete chart, the PCG accounts, five open journals, one third party of each type, two sections.
 */
export function buildFolder(code: string, now: Date, overrides: FolderOverrides = {}): FolderState {
  const year = now.getUTCFullYear();
  const { fiscalYears = [calendarYear(year - 1), calendarYear(year)], ecritures = [], ...rest } = overrides;
  const tiers = [
    buildTiers(code, 'CDUPONT', TIERS_TYPES.client, 'Dupont SARL'),
    buildTiers(code, 'FBUROTIC', TIERS_TYPES.fournisseur, 'Burotic SAS'),
    buildTiers(code, 'SMARTIN', TIERS_TYPES.salarie, 'Claire Martin'),
    buildTiers(code, 'DURSSAF', TIERS_TYPES.divers, 'URSSAF'),
  ];
  const nextNumeroEcriture = ecritures.reduce((max, e) => Math.max(max, e.numeroEcriture), 0) + 1;
  return {
    code,
    name: `DOSSIER ${code}`,
    siret: null,
    connectorActive: true,
    fiscalYears: Object.fromEntries(fiscalYears.map((fy) => [fy.id, fy])),
    comptes: Object.fromEntries(
      PCG_COMPTES.map(([numero, libelle, collectif, lettrable]) => [
        numero,
        buildCompte(code, numero, libelle, { collectif, lettrable }),
      ]),
    ),
    journaux: Object.fromEntries(JOURNAUX.map(([c, libelle, type]) => [c, buildJournal(code, c, libelle, type)])),
    tiers: Object.fromEntries(tiers.map((t) => [t.code, t])),
    sections: Object.fromEntries(
      [buildSection(code, 'SECA@AXE1', 'Section A', 'AXE1'), buildSection(code, 'SECB@AXE1', 'Section B', 'AXE1')].map(
        (s) => [s.code, s],
      ),
    ),
    ecritures: Object.fromEntries(ecritures.map((e) => [e.objectId, e])),
    nextNumeroEcriture,
    ...rest,
    piecesJointes: rest.piecesJointes ?? {},
  };
}

export function buildApiKey(
  name: string,
  domain: string,
  folders: readonly string[],
  createdAt: string,
  overrides: Partial<ApiKeyState> = {},
): ApiKeyState {
  return {
    name,
    key: `KEY${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}${domain.toUpperCase().replace(/[^A-Z0-9]/g, '')}`
      .padEnd(25, '0')
      .slice(0, 25),
    secret: `secret-${name}-${domain}`,
    service: 'standard',
    collaborateur: `api.${name.toLowerCase()}@${domain.toLowerCase()}`,
    folders: Object.fromEntries(folders.map((f) => [f, true as const])),
    createdAt,
    ...overrides,
  };
}

export interface FirmOverrides extends Partial<Omit<FirmState, 'folders' | 'apiKeys'>> {
  folders?: FolderState[];
  apiKeys?: ApiKeyState[];
}

/** A firm (tenant) with a one-minute import processing delay. */
export function buildFirm(domain: string, overrides: FirmOverrides = {}): FirmState {
  const { folders = [], apiKeys = [], ...rest } = overrides;
  return {
    domain,
    name: `Cabinet ${domain}`,
    subscriptionKey: `sub-${domain}`.padEnd(32, '0'),
    apiKeys: Object.fromEntries(apiKeys.map((k) => [k.key, k])),
    folders: Object.fromEntries(folders.map((f) => [f.code, f])),
    imports: {},
    importDelayMs: 60_000,
    nextImportSeq: 1,
    ...rest,
  };
}
