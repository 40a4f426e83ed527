import { z } from 'zod';
import { entryForWireCode, renderMessage } from '../../contracts/catalogue/index.js';
import type { AccountingEntry, Journal, ReferenceData } from '../../contracts/hub/model.js';
import { encodeQuadraFile, entryLine, type QuadraEntryLine, type Truncation } from '../../contracts/quadra/ascii.js';
import { isWindows1252 } from '../../contracts/quadra/windows-1252.js';
import {
  BlobListSchema,
  CFE_API,
  CFE_IMPORTED_FOLDER,
  CFE_INPUT_FOLDER,
  CFE_REJECTED_FOLDER,
  GetComptesResponseSchema,
  GetDossiersResponseSchema,
  GetEcrituresResponseSchema,
  GetExercicesResponseSchema,
  GetJournauxResponseSchema,
  QUADRA_OD_API,
  QuadraErrorBodySchema,
  RejectionReportSchema,
  reportNameOf,
  SasResponseSchema,
  TokenResponseSchema,
  type RejectionReport,
  type SasResponse,
  type TokenResponse,
} from '../../contracts/quadra/wire.js';
import { createHttpClient, type HttpRequest } from '../http.js';
import {
  failure,
  success,
  type Connector,
  type ConnectorError,
  type ConnectorModule,
  type ConnectorOptions,
  type EntryFate,
  type PushNote,
  type PushItem,
  type PushOutcome,
  type PushReceipt,
  type ReadBackPolicy,
  type Result,
} from '../types.js';

/**
 * The hub's Cegid Quadra connector (seed 003): reference data and the read-back through the CPA
 * API (Quadra On Demand Open API), entries written as Quadra ASCII and dropped into the dossier's
 * CFE (Cegid File Exchange) container, where Quadra picks them up when a person opens the dossier.
 * Errors are classified by the vendor's code (`error`), never by its text.
 */

export const QuadraCredentialsSchema = z.object({
  /** The CPA API key and its secret (Cegid Life, Collaborative Portal). */
  cpaKey: z.string().min(1),
  cpaSecret: z.string().min(1),
  /** The CFE API key and its secret (Cegid Life > Administration > User Management > API Keys, service Cegid File Exchange). */
  cfeKey: z.string().min(1),
  cfeSecret: z.string().min(1),
  /** The firm's SIC code: informative only (the keys name the firm); sent as `X-TenantID` to CFE, as Cegid RFE does. */
  sicCode: z.string().optional(),
  /** The GUID Cegid issues to a validated vendor (`vendor_name` of the CPA token request). */
  vendorName: z.string().optional(),
});
export type QuadraCredentials = z.infer<typeof QuadraCredentialsSchema>;

export interface QuadraConnectorOptions extends ConnectorOptions<QuadraCredentials> {
  /** CFE's base URL when it is not the CPA's (the real services live on different hosts). */
  cfeBaseUrl?: string;
  /** The caller identification of the CPA token request. */
  application?: { name: string; version: string };
}

/** Own choice: the hub's vendor GUID when the credentials carry none (a real one is issued by Cegid). */
export const DEFAULT_VENDOR_NAME = '6f1c2b0e-9d4a-4e51-8a37-2c5d0b7e4f10';
const DEFAULT_APPLICATION = { name: 'ledgersim Accounting Hub', version: '0.1.0' };

const HOUR = 3_600_000;
/**
 * Seed 003 (QDR-RETRY-NIGHTS): the hub reads the entries back 12 hours after sending, then on 3
 * consecutive nights; an entry still missing while a later batch was posted is "Failed check"
 * (QDR-FAILED-CHECK).
 */
export const QUADRA_READ_BACK_POLICY: ReadBackPolicy = {
  firstCheckAfterMs: 12 * HOUR,
  notFoundRetryNights: 3,
  resendWhenNotFound: true,
  whenRetriesRunOut: {
    catalogueId: 'QDR-FAILED-CHECK',
    message: renderMessage('QDR-FAILED-CHECK'),
    onlyIfLaterBatchPosted: true,
  },
};
/** Quadra keeps 8 characters of an account number (QDR-ACCOUNT-8-CHARS). */
export const ACCOUNT_MAX = 8;
/** Own choice: a SAS is asked for one hour, enough for a batch or a read-back. */
const SAS_MINUTES = 60;

/** Turns a Quadra / CFE error body into a rejection: the catalogue id comes from `error`, never from the text. */
export function classifyQuadraError(status: number, body: unknown, text: string): ConnectorError {
  const parsed = QuadraErrorBodySchema.safeParse(body);
  if (!parsed.success)
    return {
      kind: 'contract-violation',
      status,
      message: `HTTP ${status} with an answer that is not a Quadra error`,
      body: text.slice(0, 500),
    };
  const { error: code, error_description: message } = parsed.data;
  return { kind: 'vendor-rejection', status, code, message, catalogueId: entryForWireCode('quadra', code)?.id };
}

// ---------------------------------------------------------------------------------------------
// Entries as Quadra ASCII
// ---------------------------------------------------------------------------------------------

/**
 * The piece number that identifies an entry in Quadra (M line 149/10, the read-back's
 * `NumeroPiece`). Own choice: the hub's tracking code between `#`, as the hub does for Sage GE;
 * it stays the same across resends, so whichever file Quadra imported, the entry is found.
 */
export const pieceNumberOf = (trackingCode: string): string => `#${trackingCode}#`;

/**
 * The CFE file of one send of one entry. Own choice: one file per entry, because Quadra imports a
 * file all or nothing, and one refused entry must not take its batch down with it; the name is
 * the entry id (escaped to what a blob name may hold) and the hub's attempt number, so a resend of
 * the same attempt lands on the same name and replaces it (an upload is idempotent by name).
 */
export function fileNameOf(entryId: string, attempt: number): string {
  return `${escapeId(entryId)}.A${attempt}.txt`;
}
const escapeId = (id: string) =>
  id.replace(/[^A-Za-z0-9-]/g, (ch) => `_${ch.codePointAt(0)!.toString(16).padStart(2, '0')}`);
const FILE_NAME = /^(.+)\.A(\d+)\.txt$/;

/** Text Quadra can store: Windows-1252 (anything else becomes `?`), no control characters, cut to the field, no trailing space. */
function quadraText(value: string | undefined, width: number): string {
  const chars = Array.from(value ?? '').map((ch) =>
    /[\u0000-\u001f\u007f]/.test(ch) ? ' ' : isWindows1252(ch) ? ch : '?',
  );
  return chars.slice(0, width).join('').trimEnd();
}

/** Letters and digits only: what the format's code fields (accounts, journals) hold. */
const quadraCode = (value: string) => value.replace(/[^A-Za-z0-9]/g, '');

/**
 * The account of one line: its subsidiary (auxiliary) account when it has one, Quadra keeping
 * auxiliaries in the same chart; else the general account. Own choice: a general account of
 * fewer than 8 digits that the dossier's chart does not hold as such is padded with zeros to 8
 * (`606400` → `60640000`), the way Quadra numbers its general accounts (vendor-facts §1.5).
 * Longer numbers are cut to 8 by the codec (QDR-ACCOUNT-8-CHARS), which reports the cut.
 */
export function quadraAccountOf(
  line: AccountingEntry['lines'][number],
  referenceData: Pick<ReferenceData, 'accounts'>,
): string {
  if (line.subsidiaryAccount) return quadraCode(line.subsidiaryAccount);
  const number = quadraCode(line.generalAccount);
  if (referenceData.accounts.some((a) => a.number === number)) return number;
  return /^\d{1,7}$/.test(number) ? number.padEnd(ACCOUNT_MAX, '0') : number;
}

/**
 * The 8.3 names of an entry's supporting documents, as position 182 holds them and as they are
 * shipped beside the ASCII file in the CFE container (vendor-facts §1.6: Dolibarr names them after
 * the piece, iDocus after the position). Own choice: the hub's tracking code and the document's
 * rank (`ABCDE001.pdf`), unique in the dossier and the same on every resend. One name per M line:
 * an entry keeps as many documents as it has lines.
 */
export function attachmentNamesOf(entry: AccountingEntry, trackingCode: string, lineCount: number): string[] {
  return entry.attachments.slice(0, lineCount).map((a, i) => {
    const ext = /\.(pdf|png|jpe?g|tiff?)$/i.exec(a.fileName)?.[1]?.toLowerCase();
    const fromType = a.contentType === 'image/png' ? 'png' : a.contentType === 'image/jpeg' ? 'jpg' : 'pdf';
    return `${trackingCode.slice(0, 5)}${String(i + 1).padStart(3, '0')}.${(ext ?? fromType).slice(0, 3)}`;
  });
}

/** What of the file's reference data writing an entry needs: its chart, and its journals when pulled. */
export type QuadraReferenceData = Pick<ReferenceData, 'accounts'> & Partial<Pick<ReferenceData, 'journals'>>;

/**
 * The M lines of one entry: the dossier's journal (`quadraJournalOf`) at 10 (2 characters,
 * mandatory) and 111 (3), the date, labels at 22 (20) and 117 (30), direction and cents, the piece
 * number at 149, the document number at 100 when it fits its 8 characters, the entry's supporting
 * documents at 182, one per line from the first (`attachmentNamesOf`). No account labels: the
 * format cannot carry them (QDR-NO-LABELS), so no C records are written.
 */
export function toQuadraLines(
  entry: AccountingEntry,
  trackingCode: string,
  referenceData: QuadraReferenceData,
): QuadraEntryLine[] {
  const lines = toQuadraLinesWithoutAttachments(entry, trackingCode, referenceData);
  const names = attachmentNamesOf(entry, trackingCode, lines.length);
  return lines.map((line, i) => (names[i] ? { ...line, attachment: names[i] } : line));
}

/**
 * The dossier's journal an entry is written on. Seed 001: the file's journal codes are pulled from
 * the accounting software and are the working base the hub generates entries on; the hub's own
 * default code for a kind (a sale on `VE`) is not necessarily the dossier's (`VT`). So a journal
 * the dossier has is kept as it is (open or locked: Quadra says when it is locked); one it does not
 * have is mapped by kind to the dossier's journal of that type (`journalTypeOf`), the first open one
 * in Quadra's order, else the first locked one. Own choice: with no journal of the kind, or no
 * journals pulled, the code goes as it is and Quadra's import names it (QDR-INCOMPLETE-FILE).
 */
export function quadraJournalOf(
  entry: Pick<AccountingEntry, 'journal' | 'kind'>,
  referenceData: Partial<Pick<ReferenceData, 'journals'>>,
): string {
  const code = quadraCode(entry.journal);
  const journals = referenceData.journals ?? [];
  if (journals.length === 0 || journals.some((j) => j.code === code)) return code;
  const ofKind = journals.filter((j) => j.type === entry.kind);
  return (ofKind.find((j) => j.state === 'open') ?? ofKind[0])?.code ?? code;
}

function toQuadraLinesWithoutAttachments(
  entry: AccountingEntry,
  trackingCode: string,
  referenceData: QuadraReferenceData,
): QuadraEntryLine[] {
  const journal = quadraCode(quadraJournalOf(entry, referenceData));
  const documentNumber = quadraText(entry.documentNumber, 8);
  return entry.lines.flatMap((line) => {
    const common = {
      account: quadraAccountOf(line, referenceData),
      journal: journal.slice(0, 2),
      journal3: journal.slice(0, 3),
      date: entry.postingDate,
      label: quadraText(line.label ?? entry.label, 20),
      longLabel: quadraText(line.label ?? entry.label, 30),
      pieceNumber: pieceNumberOf(trackingCode),
      pieceNumber8: documentNumber === (entry.documentNumber ?? '') ? documentNumber : '',
      currency: 'EUR',
    };
    const lines: QuadraEntryLine[] = [];
    if (line.debit > 0 || line.credit === 0)
      lines.push(entryLine({ ...common, direction: 'D', amountCents: line.debit }));
    if (line.credit > 0) lines.push(entryLine({ ...common, direction: 'C', amountCents: line.credit }));
    return lines;
  });
}

/** The file's bytes, or why the format cannot carry the entry. */
export function encodeEntryFile(
  entry: AccountingEntry,
  trackingCode: string,
  referenceData: QuadraReferenceData,
): { ok: true; bytes: Uint8Array; truncated: Truncation[]; lineCount: number } | { ok: false; message: string } {
  const lines = toQuadraLines(entry, trackingCode, referenceData);
  const encoded = encodeQuadraFile(lines);
  if (encoded.ok) return { ok: true, bytes: encoded.bytes, truncated: encoded.truncated, lineCount: lines.length };
  return {
    ok: false,
    message: encoded.problems.map((p) => `line ${p.line}, column ${p.column}: ${p.message}`).join('; '),
  };
}

/**
 * QDR-ACCOUNT-8-CHARS: each account number the file holds cut, once (an account on several lines
 * is cut the same way). Own wording: the catalogue entry is a behaviour with no vendor message.
 */
export function truncationNotes(truncated: readonly Truncation[]): PushNote[] {
  const cuts = new Map(truncated.map((t) => [t.from, t.to]));
  return [...cuts].map(([from, to]) => ({
    catalogueId: 'QDR-ACCOUNT-8-CHARS',
    message: `account ${from} sent as ${to} (Quadra keeps 8 characters)`,
  }));
}

// ---------------------------------------------------------------------------------------------
// Reference data
// ---------------------------------------------------------------------------------------------

/** Quadra's default collectives (vendor-facts §1.5: `Dossier2.CollectifFrnDefaut` / `CollectifClientDefaut`). */
const SUPPLIER_COLLECTIVE = '40100000';
const CUSTOMER_COLLECTIVE = '41100000';

/**
 * Quadra's journals carry no type; the hub's do. Own choice: from the usual Quadra codes, then
 * from the journal's name, else `misc`.
 */
function journalTypeOf(code: string, label: string): Journal['type'] {
  const byCode: Record<string, Journal['type']> = {
    AC: 'purchase',
    HA: 'purchase',
    VT: 'sales',
    VE: 'sales',
    BQ: 'bank',
    CA: 'cash',
    ND: 'expense-report',
    NDF: 'expense-report',
    AN: 'opening',
    OD: 'misc',
  };
  const known = byCode[code.toUpperCase()];
  if (known) return known;
  const name = label.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (/achat/.test(name)) return 'purchase';
  if (/vente/.test(name)) return 'sales';
  if (/banque/.test(name)) return 'bank';
  if (/caisse/.test(name)) return 'cash';
  if (/frais/.test(name)) return 'expense-report';
  if (/nouveau/.test(name)) return 'opening';
  return 'misc';
}

// ---------------------------------------------------------------------------------------------
// The connector
// ---------------------------------------------------------------------------------------------

interface CachedToken {
  token: string;
  expiresAtMs: number;
}

/** A token renewed before it runs out on the injected clock, and dropped when the vendor says it is no longer valid. */
function tokenSource(clock: { now(): Date }, fetchToken: () => Promise<Result<TokenResponse>>) {
  let cached: CachedToken | undefined;
  return {
    async get(): Promise<Result<string>> {
      const now = clock.now().getTime();
      if (cached && now < cached.expiresAtMs) return success(cached.token);
      const res = await fetchToken();
      if (!res.ok) return res;
      const lifetimeMs = res.value.expires_in * 1000;
      // Own choice: renew at 90 % of the lifetime (at most 10 minutes early), never at the last second.
      cached = {
        token: res.value.access_token,
        expiresAtMs: now + lifetimeMs - Math.min(10 * 60_000, lifetimeMs / 10),
      };
      return success(cached.token);
    },
    drop() {
      cached = undefined;
    },
  };
}

/** A 401 `invalid_token` (RFC 6750): the token expired early or its key was regenerated; a new token may do. */
const isInvalidToken = (error: ConnectorError) =>
  error.kind === 'vendor-rejection' && error.status === 401 && error.code === 'invalid_token';
/** Azure's answer to a SAS that is no longer accepted. */
const isSasRefused = (error: ConnectorError) =>
  error.kind === 'vendor-rejection' && error.status === 403 && error.code === 'AuthenticationFailed';

export function createQuadraConnector(options: QuadraConnectorOptions): Connector {
  const { credentials, clock } = options;
  const httpOptions = {
    fetch: options.fetch,
    classify: classifyQuadraError,
    sleep: options.sleep,
    maxRetries: options.maxRetries,
  };
  const cpaHttp = createHttpClient({ baseUrl: options.baseUrl, ...httpOptions });
  const cfeHttp = options.cfeBaseUrl ? createHttpClient({ baseUrl: options.cfeBaseUrl, ...httpOptions }) : cpaHttp;
  const blobClients = new Map<string, ReturnType<typeof createHttpClient>>();
  const blobHttp = (uri: string) => {
    let client = blobClients.get(uri);
    if (!client) blobClients.set(uri, (client = createHttpClient({ baseUrl: uri, ...httpOptions })));
    return client;
  };
  const application = options.application ?? DEFAULT_APPLICATION;
  const cfeHeaders: Record<string, string> = credentials.sicCode ? { 'X-TenantID': credentials.sicCode } : {};

  const cpaToken = tokenSource(clock, () =>
    cpaHttp.request({
      method: 'POST',
      path: `${QUADRA_OD_API}/token`,
      form: {
        grant_type: 'client_credentials',
        client_id: credentials.cpaKey,
        client_secret: credentials.cpaSecret,
        vendor_name: credentials.vendorName ?? DEFAULT_VENDOR_NAME,
        application_name: application.name,
        application_version: application.version,
      },
      schema: TokenResponseSchema,
      idempotent: true, // asking for a token twice only gives two tokens
    }),
  );
  const cfeToken = tokenSource(clock, () =>
    cfeHttp.request({
      method: 'POST',
      path: `${CFE_API}/token`,
      headers: cfeHeaders,
      form: { grant_type: 'client_credentials', client_id: credentials.cfeKey, client_secret: credentials.cfeSecret },
      schema: TokenResponseSchema,
      idempotent: true,
    }),
  );

  /** A request with a bearer token; one new token and one more try when the token is refused. */
  async function withToken<T>(
    source: ReturnType<typeof tokenSource>,
    client: ReturnType<typeof createHttpClient>,
    build: (token: string) => HttpRequest<T>,
  ): Promise<Result<T>> {
    for (let attempt = 0; ; attempt++) {
      const token = await source.get();
      if (!token.ok) return token;
      const res = await client.request(build(token.value));
      if (res.ok || attempt > 0 || !isInvalidToken(res.error)) return res;
      source.drop();
    }
  }

  /** A CPA method: `POST /QuadraODOpenApi/<method>?<parameters>`, a read (safe to repeat). */
  const cpa = <T>(method: string, query: Record<string, string>, schema: z.ZodType<T>) =>
    withToken(cpaToken, cpaHttp, (token) => ({
      method: 'POST',
      path: `${QUADRA_OD_API}/${method}`,
      query,
      headers: { authorization: `Bearer ${token}` },
      schema,
      idempotent: true,
    }));

  const sas = (dossier: string, mode: 'Read' | 'ReadWrite'): Promise<Result<SasResponse>> =>
    withToken<SasResponse>(cfeToken, cfeHttp, (token) => ({
      method: 'GET',
      path: `${CFE_API}/V1/getsastoken/${encodeURIComponent(dossier)}`,
      query: { 'Minutes-To-Live': SAS_MINUTES, AccessMode: mode },
      headers: { authorization: `Bearer ${token}`, ...cfeHeaders },
      schema: SasResponseSchema,
      idempotent: true,
    }));

  /** A blob request with the SAS's query parameters; a refused SAS is renewed once. */
  async function blob<T>(
    dossier: string,
    mode: 'Read' | 'ReadWrite',
    current: { sas: SasResponse },
    build: (sas: SasResponse) => Omit<HttpRequest<T>, 'query'> & { query?: Record<string, string> },
  ): Promise<Result<T>> {
    for (let attempt = 0; ; attempt++) {
      const req = build(current.sas);
      const res = await blobHttp(current.sas.blobServiceUri).request({
        ...req,
        query: { ...req.query, ...Object.fromEntries(new URLSearchParams(current.sas.sasToken)) },
      });
      if (res.ok || attempt > 0 || !isSasRefused(res.error)) return res;
      const renewed = await sas(dossier, mode);
      if (!renewed.ok) return res;
      current.sas = renewed.value;
    }
  }
  const list = (dossier: string, mode: 'Read' | 'ReadWrite', current: { sas: SasResponse }, prefix?: string) =>
    blob(dossier, mode, current, (s) => ({
      method: 'GET',
      path: `/${s.containerName}`,
      query: { restype: 'container', comp: 'list', ...(prefix ? { prefix } : {}) },
      schema: BlobListSchema,
      idempotent: true,
    }));

  /**
   * The reports of refused files among `fileNames`. Best effort (own choice): when CFE cannot be
   * read, the entries are only "not found" and the next night looks again.
   */
  async function rejectionReports(
    dossier: string,
    fileNames: readonly string[],
  ): Promise<Map<string, RejectionReport>> {
    const reports = new Map<string, RejectionReport>();
    const first = await sas(dossier, 'Read');
    if (!first.ok) return reports;
    const current = { sas: first.value };
    const listed = await list(dossier, 'Read', current, `${CFE_REJECTED_FOLDER}/`);
    if (!listed.ok) return reports;
    const present = new Set(listed.value.blobs.map((b) => b.name));
    for (const fileName of new Set(fileNames)) {
      const path = `${CFE_REJECTED_FOLDER}/${reportNameOf(fileName)}`;
      if (!present.has(path)) continue;
      const report = await blob<RejectionReport>(dossier, 'Read', current, (s) => ({
        method: 'GET',
        path: `/${s.containerName}/${path}`,
        schema: RejectionReportSchema,
        idempotent: true,
      }));
      if (report.ok) reports.set(fileName, report.value);
    }
    return reports;
  }

  /** A refused file's fate: the first problem that is a documented rejection, else the first problem, with Quadra's exact message. */
  function rejectedFate(report: RejectionReport): EntryFate {
    const documented = report.problems.find((p) => entryForWireCode('quadra', p.code));
    const problem = documented ?? report.problems[0]!;
    return {
      state: 'rejected',
      code: problem.code,
      message: problem.message,
      catalogueId: entryForWireCode('quadra', problem.code)?.id,
    };
  }

  return {
    vendor: 'quadra',
    readBackPolicy: QUADRA_READ_BACK_POLICY,

    /** The wizard's check of the four codes: a CPA token and a CFE token. */
    async authenticate() {
      const cpaOk = await cpaToken.get();
      if (!cpaOk.ok) return cpaOk;
      const cfeOk = await cfeToken.get();
      return cfeOk.ok ? success(undefined) : cfeOk;
    },

    async listFiles() {
      const res = await cpa('GetDossiers', {}, GetDossiersResponseSchema);
      if (!res.ok) return res;
      // Own choice: the four codes are valid for every dossier of the firm (seed 003), so each is usable.
      return success(res.value.Dossiers.map((d) => ({ id: d.CodeDossier, name: d.RaisonSociale, connected: true })));
    },

    async pullReferenceData(fileId) {
      const query = { dossier: fileId };
      const periods = await cpa('GetExercices', query, GetExercicesResponseSchema);
      if (!periods.ok) return periods;
      const accounts = await cpa('GetComptes', query, GetComptesResponseSchema);
      if (!accounts.ok) return accounts;
      const journals = await cpa('GetJournaux', query, GetJournauxResponseSchema);
      if (!journals.ok) return journals;
      const comptes = accounts.value.Comptes;
      const auxiliaries = comptes.filter((c) => c.Type !== 'G');
      const collectives = new Set([
        SUPPLIER_COLLECTIVE,
        CUSTOMER_COLLECTIVE,
        ...auxiliaries.map((c) => c.Collectif).filter(Boolean),
      ]);
      const collectiveOf = (c: (typeof comptes)[number]) =>
        c.Collectif || (c.Type === 'C' ? CUSTOMER_COLLECTIVE : SUPPLIER_COLLECTIVE);
      const data: ReferenceData = {
        accounts: comptes
          .filter((c) => c.Type === 'G')
          .map((c) => ({ number: c.Numero, label: c.Intitule, collective: collectives.has(c.Numero) })),
        subsidiaryAccounts: auxiliaries.map((c) => ({
          code: c.Numero,
          label: c.Intitule,
          collectiveAccount: collectiveOf(c),
        })),
        // Quadra's auxiliary accounts are its third parties (Type C client, F fournisseur).
        thirdParties: auxiliaries.map((c) => ({
          id: c.Numero,
          kind: c.Type === 'C' ? ('customer' as const) : ('supplier' as const),
          name: c.Intitule || c.Numero,
          subsidiaryAccount: c.Numero,
        })),
        journals: journals.value.Journaux.map((j) => ({
          code: j.Code,
          label: j.Libelle,
          type: journalTypeOf(j.Code, j.Libelle),
          state: j.Statut === 'Ouvert' ? ('open' as const) : ('locked' as const),
        })),
        fiscalYears: periods.value.Exercices.map((e) => ({
          start: e.DebutExercice,
          end: e.FinExercice,
          status: e.Statut === 'Ouvert' ? ('open' as const) : ('closed' as const),
        })),
        pulledAt: clock.now().toISOString(),
      };
      return success(data);
    },

    /**
     * Own choice: nothing to send. The Quadra format cannot carry account labels (QDR-NO-LABELS):
     * a subsidiary account Quadra does not know is created, without its label, by the first entry
     * that uses it.
     */
    async pushThirdParties() {
      return success(undefined);
    },

    /**
     * Own choice: no hub-side hold. The seed names none for Quadra; an entry Quadra cannot take
     * (a closed period, a locked journal) comes back with Quadra's own report.
     */
    canSend() {
      return { ok: true };
    },

    async pushEntries(fileId, batch, referenceData) {
      const first = await sas(fileId, 'ReadWrite');
      if (!first.ok) return first;
      const current = { sas: first.value };
      // What the container already holds of these entries, so that a resend never makes a second
      // copy: a file still waiting in `input/` is replaced, one already imported is not sent again.
      const listed = await list(fileId, 'ReadWrite', current);
      if (!listed.ok) return listed;
      const known = new Map<string, { folder: 'input' | 'imported'; fileName: string; attempt: number }[]>();
      for (const { name } of listed.value.blobs) {
        const folder = name.startsWith(`${CFE_INPUT_FOLDER}/`)
          ? 'input'
          : name.startsWith(`${CFE_IMPORTED_FOLDER}/`)
            ? 'imported'
            : undefined;
        if (!folder) continue;
        const fileName = name.slice(name.lastIndexOf('/') + 1);
        const match = FILE_NAME.exec(fileName);
        if (!match) continue;
        known.set(match[1]!, [...(known.get(match[1]!) ?? []), { folder, fileName, attempt: Number(match[2]) }]);
      }

      // A new attempt at an entry an earlier attempt of which was imported: Quadra may hold it
      // (a night's upload imported after its Failed check), and a second file would be a second
      // copy. Its pieces are read once for the batch; unreadable, nothing is sent this time.
      const earlierImported = (item: PushItem) =>
        !item.notFoundAtReadBack &&
        (known.get(escapeId(item.entry.id)) ?? []).some((p) => p.folder === 'imported' && p.attempt !== item.attempt);
      let held = new Set<string>();
      if (batch.some(earlierImported)) {
        const ecritures = await cpa('GetEcritures', { dossier: fileId }, GetEcrituresResponseSchema);
        if (!ecritures.ok) return ecritures;
        held = new Set(ecritures.value.Ecritures.map((e) => e.NumeroPiece));
      }

      const results: PushOutcome[] = [];
      for (const item of batch) {
        const { entry, attempt, trackingCode, notFoundAtReadBack } = item;
        const marker = pieceNumberOf(trackingCode);
        const previous = known.get(escapeId(entry.id)) ?? [];
        // This attempt was imported already (its answer was lost): not sent twice; nor is a new
        // attempt (after "Failed check") at an entry Quadra holds again. Otherwise a new attempt is
        // sent even when an earlier one was imported, and so is the nightly new attempt at an entry
        // the read-back did not find: it was imported, then deleted in Quadra (seed 003's "a new
        // attempt is made"; README).
        const imported =
          (!notFoundAtReadBack && previous.find((p) => p.folder === 'imported' && p.attempt === attempt)) ||
          (earlierImported(item) && held.has(marker)
            ? previous.filter((p) => p.folder === 'imported').sort((a, b) => b.attempt - a.attempt)[0]
            : undefined);
        if (imported) {
          results.push({
            ok: true,
            value: { entryId: entry.id, vendorRef: imported.fileName, marker },
            entryId: entry.id,
          });
          continue;
        }
        const encoded = encodeEntryFile(entry, trackingCode, referenceData);
        if (!encoded.ok) {
          // Own choice: what the format cannot carry is refused as Quadra's report would (InvalidFormat); resending would not help.
          results.push({
            ...failure({ kind: 'vendor-rejection', status: 400, code: 'InvalidFormat', message: encoded.message }),
            entryId: entry.id,
          });
          continue;
        }
        // The supporting documents first, beside where the ASCII file goes: Quadra must never find
        // the file without the documents its lines name.
        const names = attachmentNamesOf(entry, trackingCode, encoded.lineCount);
        let shipped: Result<unknown> = success(undefined);
        for (const [i, name] of names.entries()) {
          const attachment = entry.attachments[i]!;
          shipped = await blob(fileId, 'ReadWrite', current, (s) => ({
            method: 'PUT',
            path: `/${s.containerName}/${CFE_INPUT_FOLDER}/${encodeURIComponent(name)}`,
            headers: { 'x-ms-blob-type': 'BlockBlob', 'content-type': attachment.contentType },
            body: new Uint8Array(Buffer.from(attachment.content, 'base64')),
            schema: null,
            idempotent: true, // replaced by name, like the ASCII file
          }));
          if (!shipped.ok) break;
        }
        if (!shipped.ok) {
          results.push({ ...(shipped as Extract<typeof shipped, { ok: false }>), entryId: entry.id });
          continue;
        }
        const waiting = previous.filter((p) => p.folder === 'input').sort((a, b) => b.attempt - a.attempt)[0];
        const fileName = waiting?.fileName ?? fileNameOf(entry.id, attempt);
        const uploaded = await blob(fileId, 'ReadWrite', current, (s) => ({
          method: 'PUT',
          path: `/${s.containerName}/${CFE_INPUT_FOLDER}/${encodeURIComponent(fileName)}`,
          headers: { 'x-ms-blob-type': 'BlockBlob', 'content-type': 'text/plain; charset=windows-1252' },
          body: encoded.bytes,
          schema: null,
          idempotent: true, // Put Blob replaces a blob of the same name
        }));
        const journal = quadraJournalOf(entry, referenceData);
        const notes = [
          ...(journal === quadraCode(entry.journal)
            ? []
            : [{ message: `journal ${entry.journal} sent as ${journal}, the dossier's ${entry.kind} journal` }]),
          ...truncationNotes(encoded.truncated),
        ];
        results.push(
          uploaded.ok
            ? {
                ok: true,
                value: { entryId: entry.id, vendorRef: fileName, marker, ...(notes.length ? { notes } : {}) },
                entryId: entry.id,
              }
            : { ...uploaded, entryId: entry.id },
        );
      }
      return success(results);
    },

    async readBack(fileId, receipts) {
      const ecritures = await cpa('GetEcritures', { dossier: fileId }, GetEcrituresResponseSchema);
      if (!ecritures.ok) return ecritures;
      const pieces = new Set(ecritures.value.Ecritures.map((e) => e.NumeroPiece));
      const isPosted = (r: PushReceipt) => r.marker !== undefined && pieces.has(r.marker);
      const missing = receipts.filter((r) => !isPosted(r));
      const reports =
        missing.length > 0
          ? await rejectionReports(
              fileId,
              missing.map((r) => r.vendorRef),
            )
          : new Map<string, RejectionReport>();
      return success(
        receipts.map((r): EntryFate => {
          if (isPosted(r)) return { state: 'posted' };
          const report = reports.get(r.vendorRef);
          return report ? rejectedFate(report) : { state: 'not-found' };
        }),
      );
    },
  };
}

/** Cegid Quadra for the vendor registry: read back 12 hours after sending, then on 3 nights. */
export const quadraConnectorModule: ConnectorModule<QuadraCredentials> = {
  vendor: 'quadra',
  credentialsSchema: QuadraCredentialsSchema,
  readBackPolicy: QUADRA_READ_BACK_POLICY,
  create: createQuadraConnector,
};
