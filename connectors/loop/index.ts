import { z } from 'zod';
import { entryForWireCode } from '../../contracts/catalogue/index.js';
import type { AccountingEntry, Journal as HubJournal, ReferenceData, ThirdParty } from '../../contracts/hub/model.js';
import {
  AUX_CODE_MAX,
  CompteSchema,
  DESCRIPTION_MAX,
  EcritureComptableSchema,
  ECRITURE_COMPTABLE_MAX,
  ImportJsonResponseSchema,
  ImportStatusSchema,
  JOURNAL_TYPES,
  JournalSchema,
  LOOP_API,
  LOOP_HEADERS,
  LoopErrorBodySchema,
  TiersSchema,
  type EcritureImport,
  type ImportJsonRequest,
  type ImportStatus,
  type LigneImport,
  type Tiers,
  type TiersImport,
} from '../../contracts/loop/wire.js';
import { DossiersResponseSchema } from '../../contracts/loop/wire.js';
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
  type VendorFile,
  IMMEDIATE_READ_BACK,
} from '../types.js';

export const LoopCredentialsSchema = z.object({
  /** The public part of the key from Loop Hub (`x-apikey` before the colon). */
  apiKey: z.string().min(1),
  /** The client secret (`x-apikey` after the colon). */
  apiSecret: z.string().min(1),
  /** The firm's Loop code. */
  domain: z.string().min(1),
  /** The Azure APIM subscription key (`Ocp-Apim-Subscription-Key`). */
  subscriptionKey: z.string().min(1),
});
export type LoopCredentials = z.infer<typeof LoopCredentialsSchema>;

export interface LoopConnectorOptions extends ConnectorOptions<LoopCredentials> {
  /**
   * Own choice: how long (on the injected clock) after an ambiguous `importJson` (dropped
   * connection, timeout, 5xx other than 503, garbled answer) Loop is given to process a request
   * that may have reached it, before the entries are sent again if Loop shows no trace of them.
   */
  importSettleMs?: number;
  /** Per-attempt HTTP timeout (the HTTP client's default otherwise). */
  timeoutMs?: number;
  /** Entries per `importJson` request (Loop accepts up to 1000). */
  batchSize?: number;
  /** Own choice: at most this many bytes of JSON per `importJson` request (attachments weigh); 4 MiB by default. */
  maxRequestBytes?: number;
}

export const DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;

export const DEFAULT_IMPORT_SETTLE_MS = 15 * 60_000;

/** Cuts to `max` Unicode code points, as Loop counts them (LOOP-DESCRIPTION-35, LOOP-AUX-CODE-17). */
export const cut = (text: string, max: number): string => [...text].slice(0, max).join('');

/** Turns a Loop error body into a rejection; the catalogue id comes from `code`, never from the text. */
export function classifyLoopError(status: number, body: unknown, text: string): ConnectorError {
  const parsed = LoopErrorBodySchema.safeParse(body);
  if (!parsed.success)
    return {
      kind: 'contract-violation',
      status,
      message: `HTTP ${status} with an answer that is not a Loop error`,
      body: text.slice(0, 500),
    };
  return {
    kind: 'vendor-rejection',
    status,
    code: parsed.data.code,
    message: parsed.data.message,
    catalogueId: entryForWireCode('loop', parsed.data.code)?.id,
  };
}

/**
 * Own choice: the identifier of one send of an entry, `#AAAAA#` (the hub's tracking code, as in
 * Sage GE) and `#AAAAA-N#` for the Nth deliberate send. It travels in `refPiece`, the only field
 * of an imported entry that `EcritureComptable` can be filtered on and that Loop keeps as sent,
 * after the document number (cut so that the whole fits Loop's 35 characters).
 */
export function sendMarker(trackingCode: string, attempt: number): string {
  return attempt > 1 ? `#${trackingCode}-${attempt}#` : `#${trackingCode}#`;
}

export function refPieceOf(entry: AccountingEntry, marker: string): string {
  const room = 35 - marker.length - 1;
  const documentNumber = cut((entry.documentNumber ?? '').trim(), Math.max(room, 0)).trim();
  return documentNumber ? `${documentNumber} ${marker}` : marker;
}

/** One hub entry as an item of `data.ecritures`: descriptions cut to 35, auxiliary codes to 17. */
export function toLoopEcriture(entry: AccountingEntry, refPiece: string): EcritureImport {
  const lignes: LigneImport[] = [];
  for (const line of entry.lines) {
    // Loop wants a debit or a credit per line: a two-sided line is netted, an empty one dropped.
    const net = line.debit - line.credit;
    if (net === 0) continue;
    lignes.push({
      compteNumero: line.generalAccount,
      ...(line.subsidiaryAccount ? { compteAuxiliaire: cut(line.subsidiaryAccount, AUX_CODE_MAX) } : {}),
      ...(line.label ? { libelle: cut(line.label, DESCRIPTION_MAX) } : {}),
      debit: net > 0 ? net / 100 : 0,
      credit: net < 0 ? -net / 100 : 0,
    });
  }
  const piecesJointes = entry.attachments.map((a) => ({
    nomFichier: a.fileName,
    typeMime: a.contentType,
    contenuBase64: a.content,
  }));
  return {
    journalCode: entry.journal,
    datePiece: entry.postingDate,
    refPiece,
    libelle: cut(entry.label, DESCRIPTION_MAX),
    lignes,
    ...(piecesJointes.length ? { piecesJointes } : {}),
  };
}

/** The collective account and Loop type of each kind of hub third party. */
const TIERS_OF_KIND: Record<ThirdParty['kind'], { type: TiersImport['type']; compteContrepartie: string }> = {
  supplier: { type: 'fournisseur', compteContrepartie: '401000' },
  customer: { type: 'client', compteContrepartie: '411000' },
  employee: { type: 'salarie', compteContrepartie: '421000' },
  other: { type: 'divers', compteContrepartie: '467000' },
};

/** One hub third party as an item of `data.tiers`: its code cut to 17 as on the entries' lines. */
export function toLoopTiers(thirdParty: ThirdParty): TiersImport {
  return {
    code: cut(thirdParty.subsidiaryAccount, AUX_CODE_MAX),
    ...TIERS_OF_KIND[thirdParty.kind],
    raisonSociale: cut(thirdParty.name, 100),
    ...(thirdParty.siret ? { SIRET: thirdParty.siret } : {}),
    ...(thirdParty.email ? { email: thirdParty.email } : {}),
  };
}

/**
 * The hub's third parties that the entries' lines use and Loop does not have yet (not among the
 * auxiliary accounts pulled from it): sent in the same import, so that Loop creates them named
 * rather than as a bare code. Those Loop has are left as the firm keeps them.
 */
export function newThirdPartiesOf(ecritures: readonly EcritureImport[], referenceData: ReferenceData): TiersImport[] {
  const inLoop = new Set(referenceData.subsidiaryAccounts.map((s) => s.code));
  const hubs = new Map(referenceData.thirdParties.map((t) => [cut(t.subsidiaryAccount, AUX_CODE_MAX), t]));
  const used = new Set(
    ecritures.flatMap((e) => e.lignes.flatMap((l) => (l.compteAuxiliaire ? [l.compteAuxiliaire] : []))),
  );
  return [...used].flatMap((code) => {
    const thirdParty = hubs.get(code);
    return thirdParty && !inLoop.has(code) ? [toLoopTiers(thirdParty)] : [];
  });
}

/** Splits entries into requests of at most `count` entries and `bytes` bytes of JSON (a heavier entry goes alone). */
export function chunksOf<T>(items: readonly T[], weigh: (item: T) => number, count: number, bytes: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const weight = weigh(item);
    if (current.length > 0 && (current.length >= count || size + weight > bytes)) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += weight;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

const JOURNAL_TYPE: Record<number, HubJournal['type']> = {
  [JOURNAL_TYPES.achat]: 'purchase',
  [JOURNAL_TYPES.od]: 'misc',
  [JOURNAL_TYPES.aNouveau]: 'opening',
  [JOURNAL_TYPES.banque]: 'bank',
  [JOURNAL_TYPES.caisse]: 'cash',
  [JOURNAL_TYPES.ecartDeChange]: 'misc',
  [JOURNAL_TYPES.regularisation]: 'misc',
  [JOURNAL_TYPES.vente]: 'sales',
};

/** The third-party routes and the hub's kind for each. */
const TIERS_ROUTES = [
  ['tiersClient', 'customer'],
  ['tiersFournisseur', 'supplier'],
  ['tiersSalarie', 'employee'],
  ['tiersDivers', 'other'],
] as const;

/** Loop answers bare arrays; its docs also show `{ "data": [...] }` (vendor-facts.md §3.2): both are read. */
const listOf = <T extends z.ZodType>(schema: T) =>
  z.union([z.array(schema), z.object({ data: z.array(schema) }).transform((o) => o.data)]) as z.ZodType<z.infer<T>[]>;

const nameOf = (t: Tiers) => t.raisonSociale ?? t.nomUsuel ?? ([t.prenom, t.nom].filter(Boolean).join(' ') || t.code);

/** A filter literal, quoted for Loop's `filter` syntax. */
const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

const PAGE = 500;

export function createLoopConnector(options: LoopConnectorOptions): Connector {
  const http = createHttpClient({
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    classify: classifyLoopError,
    sleep: options.sleep,
    maxRetries: options.maxRetries,
    timeoutMs: options.timeoutMs,
  });
  const { credentials, clock } = options;
  const settleMs = options.importSettleMs ?? DEFAULT_IMPORT_SETTLE_MS;
  const batchSize = Math.min(Math.max(options.batchSize ?? 200, 1), 1000);
  const maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const headers = () => ({
    [LOOP_HEADERS.subscriptionKey]: credentials.subscriptionKey,
    [LOOP_HEADERS.apiKey]: `${credentials.apiKey}:${credentials.apiSecret}`,
    [LOOP_HEADERS.domain]: credentials.domain,
  });
  const get = <T>(route: string, query: Record<string, string | number | undefined>, schema: z.ZodType<T>) =>
    http.request({ method: 'GET', path: `${LOOP_API}/${route}`, query, headers: headers(), schema, idempotent: true });

  /** Every record of a read route, page by page. */
  async function all<T>(route: string, fileId: string, schema: z.ZodType<T>, sort: string): Promise<Result<T[]>> {
    const rows: T[] = [];
    for (let skip = 0; ; skip += PAGE) {
      const page = await get(route, { codeDossier: fileId, sort, skip, take: PAGE }, listOf(schema));
      if (!page.ok) return page;
      rows.push(...page.value);
      if (page.value.length < PAGE) return success(rows);
    }
  }

  /** The import that integrated an entry sent with this `refPiece`, if Loop has integrated it. */
  async function integratedBy(fileId: string, refPiece: string): Promise<Result<string | undefined>> {
    // EcritureComptable needs a filter on ecritureOrigine: `!= "SAISIE"` keeps imported lines only.
    const rows = await get(
      'EcritureComptable',
      {
        codeDossier: fileId,
        filter: `ecritureOrigine != "SAISIE" && refPiece == ${quote(refPiece)}`,
        take: ECRITURE_COMPTABLE_MAX,
      },
      listOf(EcritureComptableSchema),
    );
    if (!rows.ok) return rows;
    return success(rows.value[0]?.ecritureOrigine);
  }

  /** The folders associated with the key in Loop Hub (`GET /dossiers`, the simulator's own choice of route). */
  const associatedFolders = () =>
    http.request({
      method: 'GET',
      path: `${LOOP_API}/dossiers`,
      headers: headers(),
      schema: DossiersResponseSchema,
      idempotent: true,
    });

  function fatesOf(status: ImportStatus, receipts: readonly PushReceipt[]): EntryFate[] {
    return receipts.map((receipt) => {
      const result = status.ecritures.find((e) => e.refPiece === receipt.marker);
      if (!result || result.statut === 'EnAttente' || status.statut === 'EnAttente') return { state: 'in-progress' };
      if (result.statut === 'Integree')
        return {
          state: 'posted',
          ...(result.numeroEcriture !== null ? { documentNumber: String(result.numeroEcriture) } : {}),
        };
      const code = result.erreurs[0]?.code ?? 'ImportRejected';
      const message =
        result.erreurs.length > 0
          ? [...new Set(result.erreurs.map((e) => e.message))].join('; ')
          : (status.message ?? '');
      return { state: 'rejected', code, message, catalogueId: entryForWireCode('loop', code)?.id };
    });
  }

  return {
    vendor: 'loop',
    readBackPolicy: IMMEDIATE_READ_BACK,

    async authenticate() {
      const res = await associatedFolders();
      return res.ok ? success(undefined) : res;
    },

    async listFiles() {
      const res = await associatedFolders();
      if (!res.ok) return res;
      // A folder whose connector is not activated is listed, but everything sent to it would be
      // refused (LOOP-COLLABORATOR-NO-ACCESS): it shows disconnected.
      return success(
        res.value.data.map((f): VendorFile => ({ id: f.codeDossier, name: f.nom, connected: f.connecteurActif })),
      );
    },

    async pullReferenceData(fileId) {
      const comptes = await all('compte', fileId, CompteSchema, 'numero');
      if (!comptes.ok) return comptes;
      const journaux = await all('journal', fileId, JournalSchema, 'code');
      if (!journaux.ok) return journaux;
      const tiers: { kind: (typeof TIERS_ROUTES)[number][1]; t: Tiers }[] = [];
      for (const [route, kind] of TIERS_ROUTES) {
        const rows = await all(route, fileId, TiersSchema, 'code');
        if (!rows.ok) return rows;
        tiers.push(...rows.value.map((t) => ({ kind, t })));
      }
      const data: ReferenceData = {
        accounts: comptes.value.map((c) => ({ number: c.numero, label: c.libelle, collective: c.collectif })),
        subsidiaryAccounts: tiers.map(({ t }) => ({
          code: t.code,
          label: nameOf(t),
          collectiveAccount: t.compteContrepartie,
        })),
        thirdParties: tiers.map(({ kind, t }) => ({
          id: t.code,
          kind,
          name: nameOf(t),
          subsidiaryAccount: t.code,
          ...(t.SIRET && /^\d{14}$/.test(t.SIRET) ? { siret: t.SIRET } : {}),
          ...(t.email ? { email: t.email } : {}),
        })),
        journals: journaux.value.map((j) => ({
          code: j.code,
          label: j.libelle,
          type: JOURNAL_TYPE[j.type] ?? 'misc',
          state: j.ferme ? ('locked' as const) : ('open' as const),
        })),
        // Loop's public API has no fiscal-year route (vendor-facts.md §3.2): none are pulled.
        fiscalYears: [],
        pulledAt: clock.now().toISOString(),
      };
      return success(data);
    },

    async pushThirdParties(fileId, thirdParties) {
      // JSON import "can carry tiers" [C]: an import of the third parties alone (fields our own
      // choice), queued before the entries that use them. Loop creates or updates each by its
      // code, so sending again is harmless.
      if (thirdParties.length === 0) return success(undefined);
      const tiers = [
        ...new Map(thirdParties.map((t) => [cut(t.subsidiaryAccount, AUX_CODE_MAX), toLoopTiers(t)])).values(),
      ];
      const body: ImportJsonRequest = { codeIbs: fileId, data: { ecritures: [], tiers } };
      const res = await http.request({
        method: 'POST',
        path: `${LOOP_API}/importJson`,
        headers: headers(),
        json: body,
        schema: ImportJsonResponseSchema,
        idempotent: true,
      });
      return res.ok ? success(undefined) : res;
    },

    canSend() {
      // Loop checks journals, fiscal years and accounts itself, entry by entry, with its own
      // messages; its public API gives no fiscal years to check against beforehand.
      return { ok: true };
    },

    async pushEntries(fileId, batch, referenceData) {
      const results: PushOutcome[] = [];
      const toSend: { entryId: string; marker: string; ecriture: EcritureImport }[] = [];
      const now = clock.now().getTime();

      // 1. Never import an entry twice: look for a trace of this send in Loop before sending it.
      for (const { entry, attempt, trackingCode, unconfirmedSince } of batch) {
        const marker = refPieceOf(entry, sendMarker(trackingCode, attempt));
        const found = await integratedBy(fileId, marker);
        if (!found.ok) {
          results.push({ ...failure(found.error), entryId: entry.id });
          continue;
        }
        if (found.value) {
          results.push({ ok: true, value: { entryId: entry.id, vendorRef: found.value, marker }, entryId: entry.id });
          continue;
        }
        // Own choice: a send whose answer was lost (the hub hands back since when) is not sent again
        // before Loop has had time to process it and show it to the look-up above.
        const since = unconfirmedSince === undefined ? Number.NaN : Date.parse(unconfirmedSince);
        if (now - since < settleMs) {
          results.push({
            ...failure({
              kind: 'transport',
              retryable: false,
              message: `an earlier send of ${marker} got no answer; waiting until ${new Date(since + settleMs).toISOString()} for Loop to process it before sending again`,
            }),
            entryId: entry.id,
            unconfirmedSince,
          });
          continue;
        }
        toSend.push({ entryId: entry.id, marker, ecriture: toLoopEcriture(entry, marker) });
      }

      // 2. Send the rest, in imports of `batchSize` entries and `maxRequestBytes` at most.
      for (const chunk of chunksOf(toSend, (c) => JSON.stringify(c.ecriture).length, batchSize, maxRequestBytes)) {
        const dates = chunk.map((c) => c.ecriture.datePiece).sort();
        const tiers = newThirdPartiesOf(
          chunk.map((c) => c.ecriture),
          referenceData,
        );
        const body: ImportJsonRequest = {
          codeIbs: fileId,
          data: {
            contexte: { from: dates[0]!, to: dates.at(-1)! },
            options: { multiPeriode: false },
            ecritures: chunk.map((c) => c.ecriture),
            ...(tiers.length ? { tiers } : {}),
          },
        };
        const res = await http.request({
          method: 'POST',
          path: `${LOOP_API}/importJson`,
          headers: headers(),
          json: body,
          schema: ImportJsonResponseSchema,
          // importJson is not idempotent: only 429 and 503 (not taken in) are retried by the client.
          idempotent: false,
        });
        if (res.ok) {
          for (const c of chunk)
            results.push({
              ok: true,
              value: { entryId: c.entryId, vendorRef: res.value.accountingImportRequestId, marker: c.marker },
              entryId: c.entryId,
            });
          continue;
        }
        const { error } = res;
        // Loop refused the request (4xx): nothing was queued; each entry of it carries the refusal
        // (per entry, so that entries found in Loop above keep their receipts).
        if (error.kind === 'vendor-rejection') {
          for (const c of chunk) results.push({ ...failure(error), entryId: c.entryId });
          continue;
        }
        // 429 / 503 after the client's retries: not taken in, safe to send again later.
        const takenIn = !(error.kind === 'transport' && (error.status === 429 || error.status === 503));
        const unconfirmed = takenIn ? { unconfirmedSince: new Date(now).toISOString() } : {};
        for (const c of chunk) results.push({ ...failure(error), entryId: c.entryId, ...unconfirmed });
      }
      // The engine matches results by entry id; keep the batch's order for readability.
      const order = new Map(batch.map(({ entry }, index) => [entry.id, index]));
      return success(results.sort((a, b) => order.get(a.entryId)! - order.get(b.entryId)!));
    },

    async readBack(_fileId, receipts) {
      // The import status answers for the whole firm: one call per import, whatever the folder.
      const statuses = new Map<string, Result<ImportStatus>>();
      for (const id of new Set(receipts.map((r) => r.vendorRef))) {
        statuses.set(id, await get('getstatus', { accountingImportRequestId: id }, ImportStatusSchema));
      }
      const fates: EntryFate[] = [];
      for (const receipt of receipts) {
        const status = statuses.get(receipt.vendorRef)!;
        if (status.ok) {
          fates.push(...fatesOf(status.value, [receipt]));
          continue;
        }
        // An import Loop does not know (any more): its answer, so that "mark as verified" resends it
        // (the resend looks for a trace of it first).
        if (status.error.kind === 'vendor-rejection' && status.error.status === 404) {
          fates.push({
            state: 'rejected',
            code: status.error.code,
            message: status.error.message,
            ...(status.error.catalogueId ? { catalogueId: status.error.catalogueId } : {}),
          });
          continue;
        }
        return failure(status.error);
      }
      return success(fates);
    },
  };
}

/** Cegid Loop for the vendor registry: the import's status is read back at once. */
export const loopConnectorModule: ConnectorModule<LoopCredentials> = {
  vendor: 'loop',
  credentialsSchema: LoopCredentialsSchema,
  readBackPolicy: IMMEDIATE_READ_BACK,
  create: createLoopConnector,
};
