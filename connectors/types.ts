import type { z } from 'zod';
import type { CatalogueId } from '../contracts/catalogue/schema.js';
import type { AccountingEntry, ReferenceData, ThirdParty, VendorId } from '../contracts/hub/model.js';

/**
 * What can go wrong talking to a vendor, as data:
 *  - transport: the request did not get a usable answer (network error, timeout, 5xx, 429);
 *  - vendor-rejection: the vendor refused, with its code and exact message, and the catalogue id
 *    found from the code (never from the text);
 *  - contract-violation: the vendor answered something that does not match its contract.
 */
export type ConnectorError =
  | { kind: 'transport'; message: string; status?: number; retryable: boolean }
  | { kind: 'vendor-rejection'; status: number; code: string; message: string; catalogueId?: CatalogueId }
  | { kind: 'contract-violation'; message: string; status: number; body: string }
  /** The hub's own: the connection, link or file asked for does not exist (nothing was sent). */
  | { kind: 'not-found'; message: string; what: 'connection' | 'link' | 'entry' | 'reference-data' };

export type Result<T> = { ok: true; value: T } | { ok: false; error: ConnectorError };
export const success = <T>(value: T): Result<T> => ({ ok: true, value });
export const failure = (error: ConnectorError): Result<never> => ({ ok: false, error });

/** A file (dossier, folder) of the accounting software, as the wizard's table lists it. */
export interface VendorFile {
  id: string;
  name: string;
  /** The connector is usable on it (Sage GE: the file-level Marketplace box). */
  connected: boolean;
  /** A configuration problem the vendor reports for it (Sage GE's red triangle). */
  problem?: { catalogueId?: CatalogueId; code: string; message: string };
}

/** What the hub keeps of one push, to read the entry's fate back later. */
export interface PushReceipt {
  entryId: string;
  /** The vendor's reference: Sage GE entry id, Quadra batch file, Loop import request id. */
  vendorRef: string;
  /** The line that identifies the entry in the vendor (Sage GE tracking code, Quadra piece number...). */
  marker?: string;
  /**
   * The document number the entry was sent with, when the vendor names its rejections by it
   * (Sage GE: the technical number of an entry without attachment, seed 000).
   */
  documentNumber?: string;
  /**
   * What the connector had to change in the entry to send it, for the accountant to see (Quadra:
   * account numbers cut to 8 characters, QDR-ACCOUNT-8-CHARS).
   */
  notes?: PushNote[];
}

export interface PushNote {
  catalogueId?: CatalogueId;
  message: string;
}

/**
 * When and how the hub reads an entry's fate back, and what it concludes when the vendor never
 * shows it: the engine follows it without knowing the vendor.
 */
export interface ReadBackPolicy {
  /** 0: read back right after sending (a status route); else this long after sending. */
  readonly firstCheckAfterMs: number;
  /** After the first check finds nothing, how many nights the hub looks again. */
  readonly notFoundRetryNights: number;
  /**
   * What the nights running out means. Absent: nothing, the entry stays synchronizing and is
   * looked for every night. `onlyIfLaterBatchPosted`: only when an entry of the same or a later
   * batch of the file was posted since (else the vendor may simply not have imported yet).
   */
  readonly whenRetriesRunOut?: {
    readonly catalogueId: CatalogueId;
    readonly message: string;
    readonly onlyIfLaterBatchPosted: boolean;
  };
  /**
   * A missing entry goes back to pending sending and is sent again on each of the retry nights
   * (Quadra, seed 003: "they remain pending sending and a new attempt is made for 3 consecutive
   * nights"). Absent: it stays synchronizing and is only looked for.
   */
  readonly resendWhenNotFound?: boolean;
}

export type EntryFate =
  /** Accepted by the vendor's front door, not processed yet (Sage cloud queue, Loop import running). */
  | { state: 'in-progress' }
  | { state: 'posted'; documentNumber?: string }
  | { state: 'rejected'; code: string; message: string; catalogueId?: CatalogueId }
  /** The read-back did not find it (the policy says what then). */
  | { state: 'not-found' };

/** One entry to send, as the hub hands it to `pushEntries`. */
export interface PushItem {
  entry: AccountingEntry;
  attempt: number;
  trackingCode: string;
  /** An earlier send of this attempt got no answer at this time (`PushOutcome.unconfirmedSince`). */
  unconfirmedSince?: string;
  /**
   * The nightly new attempt at an entry the read-back did not find (`resendWhenNotFound`): whatever
   * an earlier send of this attempt left in the vendor is not there, so it is sent again even when
   * the vendor took that send in (Quadra: a file imported, then its entry deleted in Quadra).
   */
  notFoundAtReadBack?: true;
}

/** What became of one entry of a `pushEntries` call. */
export type PushOutcome = Result<PushReceipt> & {
  entryId: string;
  /**
   * Not sent, or sent without a usable answer, while the vendor may have taken an earlier or this
   * send in and may still process it: since when. The hub keeps it with the entry and hands it
   * back with the entry's next send, so that even a restarted hub does not send the entry again
   * before the vendor had time to show it (Loop).
   */
  unconfirmedSince?: string;
};

/** Why an entry may not be sent now (it stays pending in the hub). */
export type SendCheck = { ok: true } | { ok: false; reason: string; catalogueId?: CatalogueId };

/** One interface for every vendor: the sync engine never knows which vendor it drives. */
export interface Connector {
  readonly vendor: VendorId;
  /**
   * When the hub reads an entry's fate back: right away (Sage GE's status route, Loop's import
   * status), or, for Quadra, 12 hours after sending, then again on N nights when not found.
   */
  readonly readBackPolicy: ReadBackPolicy;
  /** Checks the credentials (and gets a token where the vendor uses one). */
  authenticate(): Promise<Result<void>>;
  listFiles(): Promise<Result<VendorFile[]>>;
  pullReferenceData(fileId: string): Promise<Result<ReferenceData>>;
  pushThirdParties(fileId: string, thirdParties: readonly ThirdParty[]): Promise<Result<void>>;
  /** Whether an entry can be sent at all given the file's reference data (Sage GE: open fiscal year). */
  canSend(entry: AccountingEntry, referenceData: ReferenceData): SendCheck;
  /**
   * Sends entries; `attempt` is the hub's send number for each entry (1 for the first send, 2 after
   * "mark as verified"...): the same entry and attempt is never created twice by the vendor.
   * A per-entry failure is in the array; a failure of the whole call is the Result's error.
   */
  pushEntries(
    fileId: string,
    entries: readonly PushItem[],
    referenceData: ReferenceData,
  ): Promise<Result<PushOutcome[]>>;
  /** Reads back the fate of pushed entries, in the same order. */
  readBack(fileId: string, receipts: readonly PushReceipt[]): Promise<Result<EntryFate[]>>;
}

export interface ConnectorOptions<C> {
  baseUrl: string;
  fetch: typeof fetch;
  credentials: C;
  clock: { now(): Date };
  /** How to wait between retries (real time by default; tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
  /** Retries for transport errors (default 5). */
  maxRetries?: number;
}

/**
 * What the vendor registry (`vendors/`) knows of a vendor's connector: its credentials, typed and
 * checked by their own zod schema (what the wizard asks for), how to build it, and its read-back
 * policy (the same one the connector carries), so nothing above it names a vendor.
 */
export interface ConnectorModule<C extends Record<string, string | undefined> = Record<string, string | undefined>> {
  readonly vendor: string;
  readonly credentialsSchema: z.ZodType<C>;
  readonly readBackPolicy: ReadBackPolicy;
  create(options: ConnectorOptions<C>): Connector;
}

/** Entry fates are read right after sending; a missing entry is looked for again, never concluded. */
export const IMMEDIATE_READ_BACK: ReadBackPolicy = { firstCheckAfterMs: 0, notFoundRetryNights: 0 };
