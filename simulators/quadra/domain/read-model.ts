import { journalCodeOf } from './journal-code.js';
import type { Compte, Ecriture, Exercice } from '../../../contracts/quadra/wire.js';
import type { AccountState, DossierState, EntryState, FirmState, JournalState, PeriodState } from '../state/schema.js';
import { containerNameOf } from './container.js';

/** The one place where the simulator's state maps to the CPA answers (Quadra's table vocabulary). */

export const toExercice = (period: PeriodState): Exercice => ({
  Id: period.id,
  DebutExercice: period.start,
  FinExercice: period.end,
  Statut: period.status === 'open' ? 'Ouvert' : 'Cloture',
});

const byStart = (a: PeriodState, b: PeriodState) => a.start.localeCompare(b.start);

export const toDossier = (firm: FirmState, dossier: DossierState) => {
  const open = Object.values(dossier.periods)
    .filter((p) => p.status === 'open')
    .sort(byStart)
    .at(-1);
  return {
    CodeDossier: dossier.code,
    RaisonSociale: dossier.name,
    ExerciceOuvert: open ? toExercice(open) : null,
    Conteneur: containerNameOf(firm, dossier),
  };
};

export const toExercices = (dossier: DossierState): Exercice[] =>
  Object.values(dossier.periods).sort(byStart).map(toExercice);

export const toCompte = (account: AccountState): Compte => ({
  Numero: account.number,
  Type: account.type,
  Intitule: account.label,
  Collectif: account.collective,
});

export const toJournal = (journal: JournalState) => ({
  Code: journal.code,
  Libelle: journal.label,
  Statut: journal.status === 'open' ? ('Ouvert' as const) : ('Verrouille' as const),
});

const euros = (cents: number) => Math.round(cents) / 100;

export function toEcriture(entry: EntryState): Ecriture {
  const r = entry.record;
  return {
    NumUniq: entry.id,
    CodeJournal: journalCodeOf(r),
    DateEcriture: r.date,
    Folio: r.folio,
    LigneFolio: entry.lineNumber,
    NumeroCompte: r.account,
    Libelle: r.longLabel || r.label,
    MontantTenuDebit: r.direction === 'D' ? euros(r.amountCents) : 0,
    MontantTenuCredit: r.direction === 'C' ? euros(r.amountCents) : 0,
    NumeroPiece: r.pieceNumber || r.pieceNumber8 || r.pieceNumber5,
    DateEcheance: r.dueDate,
    CodeDevise: r.currency,
    RefImage: r.attachment,
    DateImport: entry.visibleAt,
  };
}
