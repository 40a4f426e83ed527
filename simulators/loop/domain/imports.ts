import { getEntry, renderMessage } from '../../../contracts/catalogue/index.js';
import { LOOP_MESSAGES } from '../../../contracts/loop/messages.js';
import { createHash } from 'node:crypto';
import {
  TIERS_TYPES,
  type EcritureComptable,
  type EcritureImport,
  type ImportEcritureResult,
  type ImportJsonRequest,
  type ImportStatus,
  type PieceJointeImport,
  type Tiers,
  type TiersImport,
} from '../../../contracts/loop/wire.js';
import { toCents } from '../../../contracts/common/primitives.js';
import type { Change } from '../../../core/changes.js';
import { done, type DomainResult } from '../../kit/domain-result.js';
import { rejectionError } from '../../kit/vendor-error.js';
import { collaboratorNoAccess, fiscalYearLabel } from '../rules/index.js';
import {
  own,
  writes,
  type ApiKeyState,
  type FirmState,
  type FolderState,
  type ImportState,
  type LoopState,
  type StoredPieceJointe,
} from '../state/schema.js';
import { stableUuid } from './ids.js';

/**
 * `importJson` is asynchronous (EcritureComptableImport.html: "after insertion an internal service
 * picks the request up"): the request is queued with a due time (now + the firm's processing
 * delay), and processed when the virtual clock reaches it. Processing decides each entry: the mass
 * rejection when the connector is not activated on the folder, else per-entry checks, and the
 * integrated entries become `EcritureComptable` rows whose `ecritureOrigine` is the request id.
 */

/** The request id: uuid-shaped, derived from the firm and its import counter. */
export const importRequestId = (firm: FirmState, seq: number) => stableUuid('importJson', firm.domain, String(seq));

/** What the simulator keeps of an attachment: its name, type, size and digest (own choice, as Sage GE). */
function storedPieceJointe(piece: PieceJointeImport): StoredPieceJointe {
  const bytes = Buffer.from(piece.contenuBase64, 'base64');
  return {
    nomFichier: piece.nomFichier,
    typeMime: piece.typeMime,
    taille: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

export function queueImport(
  firm: FirmState,
  key: ApiKeyState,
  request: ImportJsonRequest,
  now: Date,
): DomainResult<{ accountingImportRequestId: string }> {
  const seq = firm.nextImportSeq;
  const id = importRequestId(firm, seq);
  // The attachments' bytes are not kept: the request is stored without them, their metadata beside it.
  const piecesJointes = request.data.ecritures.map((e) => (e.piecesJointes ?? []).map(storedPieceJointe));
  const stored: ImportJsonRequest = {
    ...request,
    data: { ...request.data, ecritures: request.data.ecritures.map(({ piecesJointes: _, ...e }) => e) },
  };
  const entry: ImportState = {
    id,
    seq,
    codeIbs: request.codeIbs,
    apiKey: key.key,
    collaborateur: key.collaborateur,
    receivedAt: now.toISOString(),
    dueAt: new Date(now.getTime() + firm.importDelayMs).toISOString(),
    statut: 'EnAttente',
    processedAt: null,
    message: null,
    request: stored,
    piecesJointes,
    results: request.data.ecritures.map((e, index) => ({
      index,
      refPiece: e.refPiece,
      statut: 'EnAttente',
      numeroEcriture: null,
      erreurs: [],
    })),
  };
  return done({ accountingImportRequestId: id }, [
    writes.firm(firm.domain).set(['imports', id], entry),
    writes.firm(firm.domain).set(['nextImportSeq'], seq + 1),
  ]);
}

/**
 * The imports due at `now`, oldest first, across the firms named (every firm unless told: the
 * simulator's tick names only those its due index says have something due).
 */
export function dueImports(
  state: LoopState,
  now: Date,
  tenantIds: Iterable<string> = Object.keys(state.tenants),
): { domain: string; id: string }[] {
  const due: { domain: string; id: string; dueAt: string; seq: number }[] = [];
  for (const tenantId of tenantIds) {
    const firm = own(state.tenants, tenantId);
    if (!firm) continue;
    for (const imp of Object.values(firm.imports)) {
      if (imp.statut === 'EnAttente' && Date.parse(imp.dueAt) <= now.getTime())
        due.push({ domain: firm.domain, id: imp.id, dueAt: imp.dueAt, seq: imp.seq });
    }
  }
  return due.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.seq - b.seq).map(({ domain, id }) => ({ domain, id }));
}

/** When the firm's earliest import still waiting falls due, if it has one (what the due index keeps). */
export function earliestImportDue(firm: FirmState): number | undefined {
  let earliest: number | undefined;
  for (const imp of Object.values(firm.imports)) {
    if (imp.statut !== 'EnAttente') continue;
    const at = Date.parse(imp.dueAt);
    if (earliest === undefined || at < earliest) earliest = at;
  }
  return earliest;
}

type Erreur = ImportEcritureResult['erreurs'][number];

/** Per-entry checks at processing time (simulator's own messages: Loop's are not public). */
function checkEcriture(folder: FolderState, ecriture: EcritureImport): Erreur[] {
  const journal = own(folder.journaux, ecriture.journalCode);
  if (!journal)
    return [
      {
        code: 'UnknownJournal',
        message: LOOP_MESSAGES.journalUnknown(ecriture.journalCode, folder.code),
        champ: 'journalCode',
      },
    ];
  // Seed 004's prerequisite "Open journals" is LOOP-INCOMPLETE-FOLDER: a closed journal is reported
  // with that entry's wire code and its closed-journal message (variant 1), not a message of our own.
  // Closed in the folder, or only in the fiscal year of the entry's date: either way no open journal for it.
  const closedInYear = Object.values(folder.fiscalYears).some(
    (fy) => fy.start <= ecriture.datePiece && ecriture.datePiece <= fy.end && fy.closedJournals?.includes(journal.code),
  );
  if (journal.ferme || closedInYear)
    return [
      {
        code: getEntry('LOOP-INCOMPLETE-FOLDER').wire!.code,
        message: renderMessage('LOOP-INCOMPLETE-FOLDER', { journal: journal.code, folder: folder.code }, 1),
        champ: 'journalCode',
      },
    ];
  const inOpenYear = Object.values(folder.fiscalYears).some(
    (fy) => fy.status === 'open' && fy.start <= ecriture.datePiece && ecriture.datePiece <= fy.end,
  );
  if (!inOpenYear) {
    // No public source words this refusal: it is seed 004's prerequisite again (each open fiscal
    // year with open journals; a year not open has none), so the catalogued LOOP-INCOMPLETE-FOLDER
    // message naming the entry's fiscal year, not a wording of our own that reproduce cannot match.
    const year = Object.values(folder.fiscalYears).find(
      (fy) => fy.start <= ecriture.datePiece && ecriture.datePiece <= fy.end,
    );
    return [
      {
        code: getEntry('LOOP-INCOMPLETE-FOLDER').wire!.code,
        message: renderMessage('LOOP-INCOMPLETE-FOLDER', {
          folder: folder.code,
          fiscalYear: year ? fiscalYearLabel(year) : ecriture.datePiece.slice(0, 4),
        }),
        champ: 'datePiece',
      },
    ];
  }
  const erreurs: Erreur[] = [];
  ecriture.lignes.forEach((ligne, l) => {
    const compte = own(folder.comptes, ligne.compteNumero);
    if (!compte)
      erreurs.push({
        code: 'UnknownAccount',
        message: LOOP_MESSAGES.accountUnknown(ligne.compteNumero, folder.code),
        champ: `lignes.${l}.compteNumero`,
      });
    else if (compte.ferme)
      erreurs.push({
        code: 'AccountClosed',
        message: LOOP_MESSAGES.accountClosed(ligne.compteNumero),
        champ: `lignes.${l}.compteNumero`,
      });
  });
  return erreurs;
}

/**
 * A third party the import carries: created as it says, or, when its code exists, only its name,
 * SIRET and e-mail updated (own choice: its type and collective account, which bookings depend
 * on, stay as the firm set them).
 */
function importedTiers(folderCode: string, existing: Tiers | undefined, tiers: TiersImport): Tiers {
  const base = existing ?? {
    ...newTiers(folderCode, tiers.code, tiers.compteContrepartie),
    type: TIERS_TYPES[tiers.type],
  };
  return {
    ...base,
    raisonSociale: tiers.raisonSociale,
    ...(tiers.SIRET !== undefined ? { SIRET: tiers.SIRET } : {}),
    ...(tiers.email !== undefined ? { email: tiers.email } : {}),
  };
}

/** A third party Loop creates for an unknown auxiliary code, typed by its collective account. */
function newTiers(folderCode: string, code: string, collectif: string): Tiers {
  const type = collectif.startsWith('401')
    ? TIERS_TYPES.fournisseur
    : collectif.startsWith('411')
      ? TIERS_TYPES.client
      : collectif.startsWith('421')
        ? TIERS_TYPES.salarie
        : TIERS_TYPES.divers;
  return {
    objectId: stableUuid('tiers', folderCode, code),
    code,
    type,
    nature: 2,
    prenom: null,
    nom: null,
    raisonSociale: code,
    nomUsuel: null,
    lettrable: true,
    compteContrepartie: collectif,
    SIRET: null,
    telephone: null,
    email: null,
    adr: null,
    rib: null,
    actif: true,
    validation: true,
    soumisTva: true,
  };
}

/** Loop's import service processing one queued request. */
export function processImport(firm: FirmState, imp: ImportState, now: Date): DomainResult<ImportState> {
  const inFirm = writes.firm(firm.domain);
  const processedAt = now.toISOString();
  const folder = own(firm.folders, imp.codeIbs);
  const ecritures = imp.request.data.ecritures;

  const rejectAll = (message: string, erreur: Erreur): DomainResult<ImportState> => {
    const result: ImportState = {
      ...imp,
      statut: 'Erreur',
      processedAt,
      message,
      results: ecritures.map((e, index) => ({
        index,
        refPiece: e.refPiece,
        statut: 'Rejetee',
        numeroEcriture: null,
        erreurs: [erreur],
      })),
    };
    return done(result, [inFirm.set(['imports', imp.id], result)]);
  };

  if (!folder)
    return rejectAll(LOOP_MESSAGES.folderGone(imp.codeIbs), {
      code: 'FolderNotFound',
      message: LOOP_MESSAGES.folderGone(imp.codeIbs),
    });
  const access = collaboratorNoAccess(folder, imp.collaborateur, own(firm.collaboratorAccess ?? {}, imp.collaborateur));
  if (!access.ok) {
    const error = rejectionError(access.rejection);
    return rejectAll(error.message, { code: error.code, message: error.message });
  }

  const changes: Change[] = [];
  const createdTiers = new Set<string>();
  // The import's third parties first, so that its entries find them.
  for (const tiers of imp.request.data.tiers ?? []) {
    createdTiers.add(tiers.code);
    changes.push(
      writes
        .folder(firm.domain, folder.code)
        .set(['tiers', tiers.code], importedTiers(folder.code, own(folder.tiers, tiers.code), tiers)),
    );
  }
  let numero = folder.nextNumeroEcriture;
  const results: ImportEcritureResult[] = ecritures.map((ecriture, index) => {
    const erreurs = checkEcriture(folder, ecriture);
    if (erreurs.length > 0)
      return { index, refPiece: ecriture.refPiece, statut: 'Rejetee', numeroEcriture: null, erreurs };
    const numeroEcriture = numero++;
    ecriture.lignes.forEach((ligne, l) => {
      const row: EcritureComptable = {
        objectId: stableUuid('ecriture', folder.code, String(numeroEcriture), String(l)),
        numeroEcriture,
        ligne: l + 1,
        journalCode: ecriture.journalCode,
        datePiece: ecriture.datePiece,
        refPiece: ecriture.refPiece,
        libelle: ligne.libelle ?? ecriture.libelle,
        compteNumero: ligne.compteNumero,
        compteAuxiliaire: ligne.compteAuxiliaire ?? null,
        debit: toCents(ligne.debit) / 100,
        credit: toCents(ligne.credit) / 100,
        codeLettrage: null,
        ecritureOrigine: imp.id,
        type: 1,
        dateCreation: processedAt,
      };
      changes.push(writes.folder(firm.domain, folder.code).set(['ecritures', row.objectId], row));
      const aux = ligne.compteAuxiliaire;
      if (aux !== undefined && !own(folder.tiers, aux) && !createdTiers.has(aux)) {
        createdTiers.add(aux);
        changes.push(
          writes.folder(firm.domain, folder.code).set(['tiers', aux], newTiers(folder.code, aux, ligne.compteNumero)),
        );
      }
    });
    const pieces = imp.piecesJointes[index] ?? [];
    if (pieces.length > 0)
      changes.push(writes.folder(firm.domain, folder.code).set(['piecesJointes', String(numeroEcriture)], pieces));
    return { index, refPiece: ecriture.refPiece, statut: 'Integree', numeroEcriture, erreurs: [] };
  });
  changes.push(writes.folder(firm.domain, folder.code).set(['nextNumeroEcriture'], numero));
  const integrated = results.filter((r) => r.statut === 'Integree').length;
  const result: ImportState = {
    ...imp,
    statut: integrated === results.length ? 'Termine' : integrated === 0 ? 'Erreur' : 'TermineAvecErreurs',
    processedAt,
    results,
  };
  changes.push(inFirm.set(['imports', imp.id], result));
  return done(result, changes);
}

/** The import as the status route shows it. */
export function toImportStatus(imp: ImportState): ImportStatus {
  const count = (statut: ImportEcritureResult['statut']) => imp.results.filter((r) => r.statut === statut).length;
  return {
    accountingImportRequestId: imp.id,
    codeIbs: imp.codeIbs,
    statut: imp.statut,
    dateDemande: imp.receivedAt,
    dateTraitement: imp.processedAt,
    message: imp.message,
    nbEcritures: imp.results.length,
    nbEcrituresIntegrees: count('Integree'),
    nbEcrituresRejetees: count('Rejetee'),
    ecritures: imp.results,
  };
}
