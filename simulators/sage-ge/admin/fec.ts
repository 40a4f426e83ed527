import type { Hono } from 'hono';
import { writeFec, type FecRecord } from '../../../contracts/fec/write.js';
import type { Store } from '../../../core/store.js';
import { fecRouter } from '../../kit/fec-route.js';
import type { KitEnv } from '../../kit/vendor-error.js';
import type { FileState, SageGeState } from '../state/schema.js';

/**
 * The FEC of what a simulated file holds: the entries GE injected into its books (not those
 * queued in the Sage cloud or rejected), with the file's journal, account and subsidiary labels,
 * so a reproduction can be compared with the customer's own FEC.
 */
export function fileFec(file: FileState, separator: '\t' | '|' = '\t'): string {
  const records: FecRecord[] = [];
  const injected = Object.values(file.entries)
    .filter((e) => e.status === 'injected')
    .sort((a, b) => a.seq - b.seq);
  for (const entry of injected) {
    const r = entry.request;
    for (const line of r.lines) {
      records.push({
        journalCode: r.journalCode,
        journalLib: file.journals[r.journalCode]?.label ?? r.journalCode,
        ecritureNum: entry.documentNumber ?? r.documentNumber ?? entry.id,
        ecritureDate: r.postingDate,
        compteNum: line.accountNumber,
        compteLib: file.accounts[line.accountNumber]?.label ?? '',
        compAuxNum: line.subsidiaryAccount ?? '',
        compAuxLib: line.subsidiaryAccount ? (file.subsidiaryAccounts[line.subsidiaryAccount]?.label ?? '') : '',
        pieceRef: entry.documentNumber ?? r.documentNumber,
        pieceDate: r.documentDate,
        ecritureLib: line.label ?? entry.label ?? r.label,
        debit: Math.round(line.debit * 100),
        credit: Math.round(line.credit * 100),
        validDate: entry.processedAt,
      });
    }
  }
  return writeFec(records, separator);
}

/** `GET /__admin/files/:tenantId/:fileId/fec[?separator=pipe]`, mounted with the vendor actions. */
export function sageGeFecRouter(store: Store<SageGeState>): Hono<KitEnv> {
  return fecRouter(
    (tenantId, fileId, separator) => {
      const file = Object.hasOwn(store.data.tenants, tenantId)
        ? store.data.tenants[tenantId]!.files[fileId]
        : undefined;
      return file && Object.hasOwn(store.data.tenants[tenantId]!.files, fileId) ? fileFec(file, separator) : undefined;
    },
    { tenant: 'tenant', file: 'file' },
  );
}
