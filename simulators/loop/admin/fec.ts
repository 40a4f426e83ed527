import type { Hono } from 'hono';
import { writeFec, type FecRecord } from '../../../contracts/fec/write.js';
import type { Store } from '../../../core/store.js';
import { fecRouter } from '../../kit/fec-route.js';
import type { KitEnv } from '../../kit/vendor-error.js';
import { own, type FolderState, type LoopState } from '../state/schema.js';

/**
 * The FEC of what a Loop folder's books hold: its entry lines (`GET /EcritureComptable`), by entry
 * number and line, with the folder's journal, account and third-party names. Loop exports a FEC
 * of its own; its exact layout is not public, so this one follows the 18 fields of A47 A-1.
 */
export function folderFec(folder: FolderState, separator: '\t' | '|' = '\t'): string {
  const records: FecRecord[] = [];
  const lines = Object.values(folder.ecritures).sort(
    (a, b) => a.numeroEcriture - b.numeroEcriture || a.ligne - b.ligne,
  );
  for (const e of lines) {
    const tiers = e.compteAuxiliaire ? own(folder.tiers, e.compteAuxiliaire) : undefined;
    records.push({
      journalCode: e.journalCode,
      journalLib: own(folder.journaux, e.journalCode)?.libelle ?? e.journalCode,
      ecritureNum: String(e.numeroEcriture),
      ecritureDate: e.datePiece,
      compteNum: e.compteNumero,
      compteLib: own(folder.comptes, e.compteNumero)?.libelle ?? '',
      compAuxNum: e.compteAuxiliaire ?? '',
      compAuxLib: tiers ? (tiers.raisonSociale ?? [tiers.prenom, tiers.nom].filter(Boolean).join(' ')) : '',
      pieceRef: e.refPiece,
      pieceDate: e.datePiece,
      ecritureLib: e.libelle,
      debit: Math.round(e.debit * 100),
      credit: Math.round(e.credit * 100),
      validDate: e.dateCreation,
    });
  }
  return writeFec(records, separator);
}

/** `GET /__admin/files/:domain/:folder/fec[?separator=pipe]`, mounted with the vendor actions. */
export function loopFecRouter(store: Store<LoopState>): Hono<KitEnv> {
  return fecRouter(
    (domain, code, separator) => {
      const firm = own(store.data.tenants, domain);
      const folder = firm ? own(firm.folders, code) : undefined;
      return folder ? folderFec(folder, separator) : undefined;
    },
    { tenant: 'firm', file: 'folder' },
  );
}
