import { own } from '../../../core/own.js';
import type { Hono } from 'hono';
import { writeFec, type FecRecord } from '../../../contracts/fec/write.js';
import type { Store } from '../../../core/store.js';
import { fecRouter } from '../../kit/fec-route.js';
import type { KitEnv } from '../../kit/vendor-error.js';
import type { DossierState, QuadraState } from '../state/schema.js';

/**
 * The FEC of what a Quadra dossier's books hold: the entry lines its imports published (table
 * `Ecritures`), in their order, with the dossier's journal and account labels. An M record names
 * one account, general or auxiliary: an auxiliary account (type C or F) is written under its
 * collective with its code in CompAuxNum, as a FEC wants it. Quadra's own FEC export is not
 * public: the numbering (EcritureNum = the import and the piece number) is the simulator's choice.
 */
export function dossierFec(dossier: DossierState, separator: '\t' | '|' = '\t'): string {
  const records: FecRecord[] = [];
  const lines = Object.values(dossier.entries).sort((a, b) => a.id - b.id);
  for (const entry of lines) {
    const r = entry.record;
    const account = dossier.accounts[r.account];
    const auxiliary = account && account.type !== 'G' && account.collective ? account : undefined;
    // The piece number, by Quadra's priority of its piece-number fields (vendor-facts §1.2).
    const piece = r.pieceNumber || r.pieceNumber8 || r.pieceNumber5;
    const cents = Math.abs(r.amountCents);
    records.push({
      journalCode: r.journal,
      journalLib: dossier.journals[r.journal]?.label ?? r.journal,
      ecritureNum: `${entry.importId}/${piece || entry.lineNumber}`,
      ecritureDate: r.date,
      compteNum: auxiliary ? auxiliary.collective : r.account,
      compteLib: auxiliary ? (dossier.accounts[auxiliary.collective]?.label ?? '') : (account?.label ?? ''),
      compAuxNum: auxiliary ? r.account : '',
      compAuxLib: auxiliary ? auxiliary.label : '',
      pieceRef: piece || entry.importId,
      pieceDate: r.date,
      ecritureLib: r.longLabel || r.label,
      debit: r.direction === 'D' ? cents : 0,
      credit: r.direction === 'C' ? cents : 0,
      validDate: entry.visibleAt,
    });
  }
  return writeFec(records, separator);
}

/** `GET /__admin/files/:sicCode/:dossier/fec[?separator=pipe]`, mounted with the vendor actions. */
export function quadraFecRouter(store: Store<QuadraState>): Hono<KitEnv> {
  return fecRouter(
    (sicCode, code, separator) => {
      const firm = own(store.data.tenants, sicCode);
      const dossier = firm && own(firm.dossiers, code);
      return dossier ? dossierFec(dossier, separator) : undefined;
    },
    { tenant: 'firm', file: 'dossier' },
  );
}
