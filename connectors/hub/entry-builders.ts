import type { AccountingEntry, Attachment } from '../../contracts/hub/model.js';

/**
 * Builders for the hub's entries, shared by tests and scenarios: a purchase, a sale, an expense
 * report and a bank entry as the hub generates them (amounts in cents, PCG accounts).
 */

export const PDF: Attachment = {
  fileName: 'facture.pdf',
  contentType: 'application/pdf',
  content: Buffer.from('%PDF-1.4 demo').toString('base64'),
};

interface Base {
  id: string;
  clientFileId: string;
  date: string;
  /** Total amount including VAT, in cents. */
  amount?: number;
}

const vat = (ttc: number) => {
  const ht = Math.round(ttc / 1.2);
  return { ht, tva: ttc - ht };
};

export function purchaseEntry(
  input: Base & {
    supplier?: string;
    account?: string;
    journal?: string;
    attachments?: Attachment[];
    documentNumber?: string;
  },
): AccountingEntry {
  const ttc = input.amount ?? 12_000;
  const { ht, tva } = vat(ttc);
  return {
    id: input.id,
    clientFileId: input.clientFileId,
    kind: 'purchase',
    journal: input.journal ?? 'AC',
    postingDate: input.date,
    documentDate: input.date,
    documentNumber: input.documentNumber ?? `FA-${input.id}`,
    label: 'Fournitures de bureau',
    lines: [
      { generalAccount: input.account ?? '606400', debit: ht, credit: 0 },
      { generalAccount: '445660', debit: tva, credit: 0 },
      { generalAccount: '401000', subsidiaryAccount: input.supplier ?? 'FBUREAU', debit: 0, credit: ttc },
    ],
    attachments: input.attachments ?? [PDF],
  };
}

export function salesEntry(input: Base & { customer?: string; journal?: string }): AccountingEntry {
  const ttc = input.amount ?? 36_000;
  const { ht, tva } = vat(ttc);
  return {
    id: input.id,
    clientFileId: input.clientFileId,
    kind: 'sales',
    journal: input.journal ?? 'VE',
    postingDate: input.date,
    documentDate: input.date,
    documentNumber: `FV-${input.id}`,
    label: 'Prestation de conseil',
    lines: [
      { generalAccount: '411000', subsidiaryAccount: input.customer ?? 'CDUPONT', debit: ttc, credit: 0 },
      { generalAccount: '706000', debit: 0, credit: ht },
      { generalAccount: '445710', debit: 0, credit: tva },
    ],
    attachments: [PDF],
  };
}

export function expenseReportEntry(input: Base & { employee?: string }): AccountingEntry {
  const ttc = input.amount ?? 4_850;
  return {
    id: input.id,
    clientFileId: input.clientFileId,
    kind: 'expense-report',
    journal: 'NDF',
    postingDate: input.date,
    documentDate: input.date,
    label: 'Déjeuner client',
    lines: [
      { generalAccount: '625700', debit: ttc, credit: 0 },
      { generalAccount: '421000', subsidiaryAccount: input.employee ?? 'SMARTIN', debit: 0, credit: ttc },
    ],
    attachments: [],
  };
}

export function bankEntry(input: Base & { label?: string; attachments?: Attachment[] }): AccountingEntry {
  const amount = input.amount ?? 12_000;
  return {
    id: input.id,
    clientFileId: input.clientFileId,
    kind: 'bank',
    journal: 'BQ',
    postingDate: input.date,
    documentDate: input.date,
    documentNumber: `RB-${input.id}`,
    label: input.label ?? 'Prélèvement fournisseur bureau',
    lines: [
      { generalAccount: '401000', subsidiaryAccount: 'FBUREAU', debit: amount, credit: 0 },
      { generalAccount: '512000', debit: 0, credit: amount },
    ],
    attachments: input.attachments ?? [PDF],
  };
}
