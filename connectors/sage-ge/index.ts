import { z } from 'zod';
import { entryForWireCode } from '../../contracts/catalogue/index.js';
import type { AccountingEntry, ReferenceData, ThirdParty } from '../../contracts/hub/model.js';
import {
  AccountListSchema,
  EntryStatusListSchema,
  EntryStatusSchema,
  FileListSchema,
  FiscalYearListSchema,
  JournalListSchema,
  SageErrorBodySchema,
  SAGE_GE_API,
  SubsidiaryAccountListSchema,
  ThirdPartyListSchema,
  UpsertResultSchema,
  type EntryPushRequest,
  type EntryStatus,
  type SageThirdParty,
} from '../../contracts/sage-ge/wire.js';
import { createHttpClient } from '../http.js';
import {
  failure,
  success,
  type Connector,
  type ConnectorError,
  type ConnectorModule,
  type ConnectorOptions,
  type EntryFate,
  type PushOutcome,
  type PushReceipt,
  type Result,
  type SendCheck,
  IMMEDIATE_READ_BACK,
} from '../types.js';

export const SageGeCredentialsSchema = z.object({
  /** The entity's identifier from Sage GE's Marketplace Settings. */
  geIdentifier: z.string().min(1),
});
export type SageGeCredentials = z.infer<typeof SageGeCredentialsSchema>;

/** Sage GE keeps 30 characters of a bank entry's label. */
export const BANK_LABEL_MAX = 30;

/** Turns a Sage error body into a rejection; the catalogue id comes from `$dataCode`, never from the text. */
export function classifySageError(status: number, body: unknown, text: string): ConnectorError {
  const parsed = SageErrorBodySchema.safeParse(body);
  if (!parsed.success || parsed.data.length === 0)
    return {
      kind: 'contract-violation',
      status,
      message: `HTTP ${status} with an answer that is not a Sage error`,
      body: text.slice(0, 500),
    };
  const first = parsed.data[0]!;
  return {
    kind: 'vendor-rejection',
    status,
    code: first.$dataCode,
    message: parsed.data.map((e) => e.$message).join('; '),
    catalogueId: entryForWireCode('sage-ge', first.$dataCode)?.id,
  };
}

/**
 * The hub's Sage GE entry, as the seeds describe it: the `#AAAAA#` tracking code in the comment
 * (SGE-TRACKING-CODE); a unique technical document number when there is no attachment
 * (SGE-TECHNICAL-DOCNUMBER; with one, the invoice number, and the PDF named after it); a bank label
 * over 30 characters kept whole in the comment (SGE-BANK-LABEL-30); a bank entry carries one
 * attachment (SGE-BANK-ONE-ATTACHMENT).
 */
export function toSageEntry(entry: AccountingEntry, trackingCode: string): EntryPushRequest {
  const comment = [
    entry.comment,
    entry.kind === 'bank' && entry.label.length > BANK_LABEL_MAX ? entry.label : undefined,
    `#${trackingCode}#`,
  ]
    .filter(Boolean)
    .join(' ');
  const hasAttachment = entry.attachments.length > 0;
  const documentNumber = hasAttachment ? (entry.documentNumber ?? '') : technicalDocumentNumber(entry.id);
  const attachments = (entry.kind === 'bank' ? entry.attachments.slice(0, 1) : entry.attachments).map((a, i) => ({
    fileName: documentNumber
      ? `${documentNumber}${i ? `-${i + 1}` : ''}.${extension(a.fileName, a.contentType)}`
      : a.fileName,
    contentType: a.contentType as 'application/pdf',
    contentBase64: a.content,
  }));
  return {
    kind: entry.kind,
    journalCode: entry.journal,
    postingDate: entry.postingDate,
    documentDate: entry.documentDate,
    documentNumber,
    label: entry.label,
    comment,
    lines: entry.lines.map((line) => ({
      accountNumber: line.generalAccount,
      ...(line.subsidiaryAccount ? { subsidiaryAccount: line.subsidiaryAccount } : {}),
      ...(line.label ? { label: line.label } : {}),
      debit: line.debit / 100,
      credit: line.credit / 100,
    })),
    attachments,
  };
}

/** A unique technical document number derived from the hub's entry id: never modified by hand. */
export const technicalDocumentNumber = (entryId: string): string =>
  `Q${entryId.replace(/[^A-Za-z0-9]/g, '').slice(-19)}`;

function extension(fileName: string, contentType: string): string {
  const fromName = /\.([A-Za-z0-9]{1,4})$/.exec(fileName)?.[1];
  return fromName ?? (contentType === 'application/pdf' ? 'pdf' : contentType === 'image/png' ? 'png' : 'jpg');
}

/**
 * The entry's fate, once GE's copy is known to be the hub's: an injected entry by the `#AAAAA#`
 * code its comment still carries (SGE-TRACKING-CODE, "essential to verify the proper creation of
 * the entry"), a rejection by the document number the hub sent (SGE-TECHNICAL-DOCNUMBER, "it allows
 * Qonto to identify any rejections"). A user who deleted the code or edited the number leaves the
 * hub unable to tell: not found, the entry stays synchronizing and is looked for again.
 */
export function toFate(status: EntryStatus, receipt: Pick<PushReceipt, 'marker' | 'documentNumber'> = {}): EntryFate {
  if (status.status === 'queued') return { state: 'in-progress' };
  if (status.status === 'injected') {
    if (receipt.marker !== undefined && status.trackingCode !== receipt.marker) return { state: 'not-found' };
    return { state: 'posted', documentNumber: status.documentNumber };
  }
  if (
    receipt.documentNumber !== undefined &&
    status.documentNumber !== undefined &&
    status.documentNumber !== receipt.documentNumber
  )
    return { state: 'not-found' };
  const code = status.error?.code ?? 'Unknown';
  return {
    state: 'rejected',
    code,
    message: status.error?.message ?? '',
    catalogueId: entryForWireCode('sage-ge', code)?.id,
  };
}

export function createSageGeConnector(options: ConnectorOptions<SageGeCredentials>): Connector {
  const http = createHttpClient({
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    classify: classifySageError,
    sleep: options.sleep,
    maxRetries: options.maxRetries,
  });
  const auth = () => ({ authorization: `Bearer ${options.credentials.geIdentifier}` });
  const file = (fileId: string) => `${SAGE_GE_API}/files/${encodeURIComponent(fileId)}`;

  /** SGE-THIRD-PARTY-UPSERT: the hub's third parties are created or updated in the file. */
  async function pushThirdParties(fileId: string, thirdParties: readonly ThirdParty[]): Promise<Result<void>> {
    if (thirdParties.length === 0) return success(undefined);
    const res = await http.request({
      method: 'PUT',
      path: `${file(fileId)}/third-parties`,
      headers: auth(),
      json: { thirdParties: thirdParties.map(toSageThirdParty) },
      schema: UpsertResultSchema,
      idempotent: true, // an upsert: sending it twice changes nothing more
    });
    return res.ok ? success(undefined) : res;
  }

  return {
    vendor: 'sage-ge',
    readBackPolicy: IMMEDIATE_READ_BACK,
    async authenticate() {
      const files = await http.request({
        method: 'GET',
        path: `${SAGE_GE_API}/files`,
        headers: auth(),
        schema: FileListSchema,
        idempotent: true,
      });
      return files.ok ? success(undefined) : files;
    },
    async listFiles() {
      const res = await http.request({
        method: 'GET',
        path: `${SAGE_GE_API}/files`,
        headers: auth(),
        schema: FileListSchema,
        idempotent: true,
      });
      if (!res.ok) return res;
      return success(
        res.value.files.map((f) => ({
          id: f.id,
          name: f.name,
          connected: f.connector === 'connected',
          ...(f.configuration.problem
            ? {
                problem: {
                  ...f.configuration.problem,
                  catalogueId: entryForWireCode('sage-ge', f.configuration.problem.code)?.id,
                },
              }
            : {}),
        })),
      );
    },
    /** SGE-REFDATA-PULL: fiscal years, journals, accounts and third parties of the file. */
    async pullReferenceData(fileId) {
      const get = <T>(path: string, schema: import('zod').ZodType<T>) =>
        http.request({ method: 'GET', path: `${file(fileId)}/${path}`, headers: auth(), schema, idempotent: true });
      const fiscalYears = await get('fiscal-years', FiscalYearListSchema);
      if (!fiscalYears.ok) return fiscalYears;
      if (fiscalYears.value.configuration.problem) {
        const problem = fiscalYears.value.configuration.problem;
        return failure({
          kind: 'vendor-rejection',
          status: 409,
          code: problem.code,
          message: problem.message,
          catalogueId: entryForWireCode('sage-ge', problem.code)?.id,
        });
      }
      const accounts = await get('accounts', AccountListSchema);
      if (!accounts.ok) return accounts;
      const subsidiaries = await get('subsidiary-accounts', SubsidiaryAccountListSchema);
      if (!subsidiaries.ok) return subsidiaries;
      const journals = await get('journals', JournalListSchema);
      if (!journals.ok) return journals;
      const thirdParties = await get('third-parties', ThirdPartyListSchema);
      if (!thirdParties.ok) return thirdParties;
      const data: ReferenceData = {
        accounts: accounts.value.accounts.map((a) => ({ number: a.number, label: a.label, collective: a.collective })),
        subsidiaryAccounts: subsidiaries.value.subsidiaryAccounts,
        thirdParties: thirdParties.value.thirdParties.map((t) => ({
          id: t.subsidiaryAccount,
          kind: t.type,
          name: t.name,
          subsidiaryAccount: t.subsidiaryAccount,
          ...(t.siret ? { siret: t.siret } : {}),
          ...(t.email ? { email: t.email } : {}),
        })),
        journals: journals.value.journals.map((j) => ({
          code: j.code,
          label: j.label,
          type: j.type,
          state: j.locked ? ('locked' as const) : ('open' as const),
        })),
        fiscalYears: fiscalYears.value.fiscalYears.map((fy) => ({
          start: fy.startDate,
          end: fy.endDate,
          status: fy.status,
        })),
        pulledAt: options.clock.now().toISOString(),
      };
      return success(data);
    },
    pushThirdParties,
    canSend(entry, referenceData): SendCheck {
      const fy = referenceData.fiscalYears.find((f) => f.start <= entry.postingDate && entry.postingDate <= f.end);
      if (fy?.status === 'open') return { ok: true };
      return {
        ok: false,
        reason: `the posting date ${entry.postingDate} is in no open fiscal year of the file`,
        catalogueId: 'SGE-FY-NOT-OPEN-PENDING',
      };
    },
    async pushEntries(fileId, batch, referenceData) {
      // Third parties and subsidiary accounts go with the entries.
      const used = new Set(
        batch.flatMap(({ entry }) =>
          entry.lines.map((l) => l.subsidiaryAccount).filter((c): c is string => Boolean(c)),
        ),
      );
      const thirdParties = referenceData.thirdParties.filter((t) => used.has(t.subsidiaryAccount));
      const upsert = await pushThirdParties(fileId, thirdParties);
      if (!upsert.ok) return upsert;
      const results: PushOutcome[] = [];
      for (const { entry, attempt, trackingCode } of batch) {
        const body = toSageEntry(entry, trackingCode);
        const res = await http.request({
          method: 'POST',
          path: `${file(fileId)}/entries`,
          headers: { ...auth(), 'idempotency-key': `${entry.id}.${attempt}` },
          json: body,
          schema: EntryStatusSchema,
          idempotent: true, // the Idempotency-Key makes a resend return the first answer
        });
        results.push(
          res.ok
            ? {
                ok: true,
                value: {
                  entryId: entry.id,
                  vendorRef: res.value.id,
                  marker: trackingCode,
                  ...(body.documentNumber ? { documentNumber: body.documentNumber } : {}),
                },
                entryId: entry.id,
              }
            : { ...res, entryId: entry.id },
        );
      }
      return success(results);
    },
    async readBack(fileId, receipts) {
      // One page of the file's entries answers most read-backs at once; the rest one by one.
      const known = new Map<string, EntryStatus>();
      if (receipts.length > 3) {
        const page = await http.request({
          method: 'GET',
          path: `${file(fileId)}/entries`,
          query: { limit: 1000 },
          headers: auth(),
          schema: EntryStatusListSchema,
          idempotent: true,
        });
        if (!page.ok) return page;
        for (const status of page.value.entries) known.set(status.id, status);
      }
      const fates: EntryFate[] = [];
      for (const receipt of receipts) {
        const cached = known.get(receipt.vendorRef);
        if (cached) {
          fates.push(toFate(cached, receipt));
          continue;
        }
        const res = await http.request({
          method: 'GET',
          path: `${file(fileId)}/entries/${encodeURIComponent(receipt.vendorRef)}`,
          headers: auth(),
          schema: EntryStatusSchema,
          idempotent: true,
        });
        if (!res.ok) {
          if (res.error.kind === 'vendor-rejection' && res.error.status === 404) {
            fates.push({ state: 'not-found' });
            continue;
          }
          return res;
        }
        fates.push(toFate(res.value, receipt));
      }
      return success(fates);
    },
  };
}

function toSageThirdParty(tp: ThirdParty): SageThirdParty {
  return {
    type: tp.kind === 'other' ? 'supplier' : tp.kind,
    name: tp.name.slice(0, 60),
    subsidiaryAccount: tp.subsidiaryAccount,
    collectiveAccount: tp.kind === 'customer' ? '411000' : tp.kind === 'employee' ? '421000' : '401000',
    ...(tp.siret ? { siret: tp.siret } : {}),
  };
}

/** Sage GE for the vendor registry: the entry's fate is read back from its status route at once. */
export const sageGeConnectorModule: ConnectorModule<SageGeCredentials> = {
  vendor: 'sage-ge',
  credentialsSchema: SageGeCredentialsSchema,
  readBackPolicy: IMMEDIATE_READ_BACK,
  create: createSageGeConnector,
};
