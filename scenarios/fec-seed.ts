import type { FecFiscalYear, FecReferenceData } from '../contracts/fec/parse.js';
import { JOURNAL_TYPES } from '../contracts/loop/wire.js';
import type { FirmState as LoopFirm } from '../simulators/loop/state/schema.js';
import type { FiscalYearState } from '../simulators/kit/fiscal-year.js';
import { buildCompte, buildJournal, buildTiers } from '../simulators/loop/seed/builders.js';
import type { FirmState as QuadraFirm, PeriodState } from '../simulators/quadra/state/schema.js';
import type { EntityState, JournalState } from '../simulators/sage-ge/state/schema.js';

/**
 * The customer's reference data (from their FEC) laid over a scenario's vendor state, so the
 * rejection replays on their own chart of accounts, subsidiary accounts, journals and fiscal
 * year, for each vendor. The scenario's own accounts, journals and fiscal years stay (its steps
 * need them), with the FEC's labels where the numbers are the same; what the scenario set on them
 * (locked, collective, closed) is kept. The FEC's fiscal year joins the vendor's years as a closed
 * one when it overlaps none of them (a FEC is the export of a year's books; the scenario decides
 * which years are open, since that is what the documented case turns on), and is named as kept
 * out when it overlaps one: the summary says which.
 */

const SAGE_JOURNAL_TYPES: [RegExp, JournalState['type']][] = [
  [/^(HA|AC|ACH)/i, 'purchase'],
  [/^(VT|VE|VEN)/i, 'sales'],
  [/^(BQ|BA|BK)/i, 'bank'],
  [/^(CA|CAI)/i, 'cash'],
  [/^(NDF|NF)/i, 'expense-report'],
];

const LOOP_JOURNAL_TYPES: [RegExp, number][] = [
  [/^(HA|AC|ACH)/i, JOURNAL_TYPES.achat],
  [/^(VT|VE|VEN)/i, JOURNAL_TYPES.vente],
  [/^(BQ|BA|BK)/i, JOURNAL_TYPES.banque],
  [/^(CA|CAI)/i, JOURNAL_TYPES.caisse],
  [/^(AN|OUV|RAN)/i, JOURNAL_TYPES.aNouveau],
];

interface YearLike {
  id: string;
  start: string;
  end: string;
}

/** Where the FEC's fiscal year goes among the vendor's: added (closed) unless it overlaps one. */
function placeFiscalYear(own: readonly YearLike[], fy: FecFiscalYear, noun: string): { add: boolean; note: string } {
  const span = `${fy.start} → ${fy.end} (from the ${fy.from})`;
  const same = own.find((y) => y.start === fy.start && y.end === fy.end);
  if (same) return { add: false, note: `${noun} ${span} is the scenario's ${same.id}, kept as the scenario has it` };
  const overlapping = own.find((y) => y.start <= fy.end && fy.start <= y.end);
  if (overlapping)
    return {
      add: false,
      note: `${noun} ${span} overlaps the scenario's ${overlapping.id} (${overlapping.start} → ${overlapping.end}): the scenario's kept`,
    };
  return { add: true, note: `${noun} ${span} added, closed` };
}

const fecYearId = (prefix: string, fy: FecFiscalYear) => `${prefix}${fy.end.replace(/-/g, '')}`;

/**
 * Sage GE's and Loop's fiscal years (one state shape, `simulators/kit/fiscal-year.ts`) with the
 * FEC's added, closed, where it fits among them; what became of it goes to the notes.
 */
function withFecFiscalYear(
  own: Record<string, FiscalYearState>,
  fy: FecFiscalYear,
  notes: string[],
): Record<string, FiscalYearState> {
  const placed = placeFiscalYear(Object.values(own), fy, 'fiscal year');
  notes.push(placed.note);
  if (!placed.add) return { ...own };
  const id = fecYearId('FEC', fy);
  return { ...own, [id]: { id, start: fy.start, end: fy.end, status: 'closed', chartComplete: true } };
}

function seedSageGe(tenant: EntityState, fileId: string, ref: FecReferenceData, notes: string[]): EntityState {
  const file = tenant.files[fileId];
  if (!file) return tenant;
  const accounts = { ...file.accounts };
  for (const a of ref.accounts) {
    const own = accounts[a.number];
    accounts[a.number] = own
      ? { ...own, label: a.label || own.label, collective: own.collective || a.collective }
      : { number: a.number, label: a.label || a.number, collective: a.collective, locked: false, autoCreated: false };
  }
  const subsidiaryAccounts = { ...file.subsidiaryAccounts };
  for (const s of ref.subsidiaryAccounts)
    subsidiaryAccounts[s.code] ??= { code: s.code, label: s.label || s.code, collectiveAccount: s.collectiveAccount };
  const journals = { ...file.journals };
  for (const j of ref.journals) {
    const own = journals[j.code];
    journals[j.code] = own
      ? { ...own, label: j.label || own.label }
      : {
          code: j.code,
          label: j.label || j.code,
          type: SAGE_JOURNAL_TYPES.find(([re]) => re.test(j.code))?.[1] ?? 'misc',
          locked: false,
          autoNumbering: { enabled: false, prefix: j.code, next: 1 },
        };
  }
  const fiscalYears = withFecFiscalYear(file.fiscalYears, ref.fiscalYear, notes);
  return {
    ...tenant,
    files: { ...tenant.files, [fileId]: { ...file, accounts, subsidiaryAccounts, journals, fiscalYears } },
  };
}

// Quadra's account numbers are 8 characters at most (QDR-ACCOUNT-8-CHARS) and its journal codes 3.
const QUADRA_ACCOUNT_MAX = 8;
const QUADRA_JOURNAL_MAX = 3;

function seedQuadra(firm: QuadraFirm, dossierCode: string, ref: FecReferenceData, notes: string[]): QuadraFirm {
  const dossier = firm.dossiers[dossierCode];
  if (!dossier) return firm;
  const cut = (n: string) => n.slice(0, QUADRA_ACCOUNT_MAX);
  const truncated = new Set<string>();
  const accounts = { ...dossier.accounts };
  for (const a of ref.accounts) {
    const number = cut(a.number);
    if (number !== a.number) truncated.add(a.number);
    const own = accounts[number];
    accounts[number] = own
      ? { ...own, label: a.label || own.label }
      : { number, type: 'G', label: a.label, collective: '', autoCreated: false };
  }
  // A subsidiary account is an account of its own in Quadra, C (customer) under a 41 collective, F otherwise.
  for (const s of ref.subsidiaryAccounts) {
    const number = cut(s.code);
    if (number !== s.code) truncated.add(s.code);
    const own = accounts[number];
    accounts[number] = own
      ? { ...own, label: s.label || own.label }
      : {
          number,
          type: s.collectiveAccount.startsWith('41') ? 'C' : 'F',
          label: s.label,
          collective: cut(s.collectiveAccount),
          autoCreated: false,
        };
  }
  if (truncated.size)
    notes.push(
      `account numbers cut to ${QUADRA_ACCOUNT_MAX} characters as Quadra keeps them: ${[...truncated].join(', ')}`,
    );
  const journals = { ...dossier.journals };
  const tooLong: string[] = [];
  for (const j of ref.journals) {
    if (j.code.length > QUADRA_JOURNAL_MAX) {
      tooLong.push(j.code);
      continue;
    }
    const own = journals[j.code];
    journals[j.code] = own ? { ...own, label: j.label || own.label } : { code: j.code, label: j.label, status: 'open' };
  }
  if (tooLong.length)
    notes.push(
      `journals not seeded, their codes are longer than Quadra's ${QUADRA_JOURNAL_MAX} characters: ${tooLong.join(', ')}`,
    );
  const placed = placeFiscalYear(Object.values(dossier.periods), ref.fiscalYear, 'accounting period');
  notes.push(placed.note);
  const periods: Record<string, PeriodState> = { ...dossier.periods };
  if (placed.add) {
    const id = fecYearId('FEC', ref.fiscalYear);
    periods[id] = { id, start: ref.fiscalYear.start, end: ref.fiscalYear.end, status: 'closed' };
  }
  return { ...firm, dossiers: { ...firm.dossiers, [dossierCode]: { ...dossier, accounts, journals, periods } } };
}

/** Loop's third-party type from the collective account the FEC books it under (401 supplier, 421 employee...). */
function tiersType(collective: string): 0 | 1 | 2 | 4 {
  if (collective.startsWith('41')) return 0;
  if (collective.startsWith('40')) return 1;
  if (collective.startsWith('42')) return 2;
  return 4;
}

function seedLoop(firm: LoopFirm, folderCode: string, ref: FecReferenceData, notes: string[]): LoopFirm {
  const folder = firm.folders[folderCode];
  if (!folder) return firm;
  const comptes = { ...folder.comptes };
  for (const a of ref.accounts) {
    const own = comptes[a.number];
    comptes[a.number] = own
      ? { ...own, libelle: a.label || own.libelle, collectif: own.collectif || a.collective }
      : buildCompte(folderCode, a.number, a.label || a.number, { collectif: a.collective, lettrable: a.collective });
  }
  const tiers = { ...folder.tiers };
  for (const s of ref.subsidiaryAccounts)
    tiers[s.code] ??= buildTiers(folderCode, s.code, tiersType(s.collectiveAccount), s.label || s.code, {
      compteContrepartie: s.collectiveAccount,
    });
  const journaux = { ...folder.journaux };
  for (const j of ref.journals) {
    const own = journaux[j.code];
    journaux[j.code] = own
      ? { ...own, libelle: j.label || own.libelle }
      : buildJournal(
          folderCode,
          j.code,
          j.label || j.code,
          LOOP_JOURNAL_TYPES.find(([re]) => re.test(j.code))?.[1] ?? JOURNAL_TYPES.od,
        );
  }
  const fiscalYears = withFecFiscalYear(folder.fiscalYears, ref.fiscalYear, notes);
  return { ...firm, folders: { ...firm.folders, [folderCode]: { ...folder, comptes, tiers, journaux, fiscalYears } } };
}

const SEEDERS: Record<string, (tenant: never, fileId: string, ref: FecReferenceData, notes: string[]) => unknown> = {
  'sage-ge': seedSageGe,
  quadra: seedQuadra,
  loop: seedLoop,
};

export interface FecSeeding {
  seed: (tenant: unknown, fileId: string) => unknown;
  /** What the last seeding did: the counts, and what became of the fiscal year. */
  summary: (source: string) => string;
}

/** The seeding function for a vendor, or why there is none. */
export function seedFor(vendor: string, ref: FecReferenceData): FecSeeding | { unsupported: string } {
  const seeder = SEEDERS[vendor];
  if (!seeder)
    return {
      unsupported: `--fec seeds a Sage GE, Quadra or Loop state; the ${vendor} scenario ran on its own reference data`,
    };
  let notes: string[] = [];
  return {
    seed: (tenant, fileId) => {
      notes = [];
      return seeder(tenant as never, fileId, ref, notes);
    },
    summary: (source) =>
      `vendor state seeded from ${source}: ${ref.accounts.length} accounts, ${ref.subsidiaryAccounts.length} subsidiary accounts, ${ref.journals.length} journals; ${notes.join('; ')}`,
  };
}
