import { changesOf } from '../../../core/changes.js';
import { z } from 'zod';
import { FiscalYearStateSchema, type FiscalYearState } from '../../kit/fiscal-year.js';
import { InstantSchema } from '../../../contracts/common/primitives.js';
import { RejectionSchema } from '../../../contracts/catalogue/rejection.js';
import { EntryPushRequestSchema, ThirdPartySchema } from '../../../contracts/sage-ge/wire.js';

/**
 * The whole persisted state of the Sage GE simulator. Tenants are firm entities: the GE
 * identifier in a request's credentials picks one, and nothing outside it is ever visible.
 * Collections are records keyed by id so that a change touches one key, not a whole array.
 */

export { FiscalYearStateSchema, type FiscalYearState };

export const AccountStateSchema = z.object({
  number: z.string(),
  label: z.string(),
  collective: z.boolean(),
  /** Error 5: "Account xxx is locked". */
  locked: z.boolean(),
  /** Created by an entry push (labelled "Compte <number>"), to be corrected by hand. */
  autoCreated: z.boolean().default(false),
});
export type AccountState = z.infer<typeof AccountStateSchema>;

export const JournalStateSchema = z.object({
  code: z.string(),
  label: z.string(),
  type: z.enum(['purchase', 'sales', 'bank', 'cash', 'misc', 'expense-report']),
  /** Error 1: locked or read-only. */
  locked: z.boolean(),
  autoNumbering: z.object({ enabled: z.boolean(), prefix: z.string(), next: z.number().int().min(1) }),
});
export type JournalState = z.infer<typeof JournalStateSchema>;

export const SubsidiaryAccountStateSchema = z.object({
  code: z.string(),
  label: z.string(),
  collectiveAccount: z.string(),
});

/**
 * An attachment as the simulator keeps it: what GE shows of it, not its bytes (a 4 MB PDF per
 * entry would make the state, its memory and its file grow for nothing a test reads).
 */
export const StoredAttachmentSchema = z.object({
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int().min(0),
  sha256: z.string(),
});

/** The pushed entry as stored: the request, attachments kept as metadata. */
export const StoredEntryRequestSchema = z.object({
  ...EntryPushRequestSchema.shape,
  attachments: z.array(StoredAttachmentSchema),
});
export type StoredEntryRequest = z.infer<typeof StoredEntryRequestSchema>;

/** An entry as GE holds it: queued in the Sage cloud, then injected or rejected. */
export const EntryStateSchema = z.object({
  id: z.string(),
  /** Push order within the file: the cloud queue is injected in this order. */
  seq: z.number().int(),
  status: z.enum(['queued', 'injected', 'rejected']),
  queuedAt: InstantSchema,
  processedAt: InstantSchema.optional(),
  trackingCode: z.string().nullable(),
  request: StoredEntryRequestSchema,
  documentNumber: z.string().optional(),
  label: z.string().optional(),
  attachmentsKept: z.number().int().optional(),
  rejection: RejectionSchema.optional(),
});
export type EntryState = z.infer<typeof EntryStateSchema>;

export const FileStateSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  /** The file-level Marketplace box ("Regate / Qonto" activated on the file). */
  connectorActive: z.boolean(),
  /** fiscal year id → fiscal year, as they are in GE now. */
  fiscalYears: z.record(z.string(), FiscalYearStateSchema),
  /** What the Marketplace last synchronized ("Resynchronize fiscal years"): what the API reports. */
  marketplaceFiscalYears: z.object({ at: InstantSchema.nullable(), fiscalYears: z.array(FiscalYearStateSchema) }),
  /** account number → general account (the chart of accounts). */
  accounts: z.record(z.string(), AccountStateSchema),
  /** subsidiary code → subsidiary account. */
  subsidiaryAccounts: z.record(z.string(), SubsidiaryAccountStateSchema),
  /** subsidiary code → third party booked on it. */
  thirdParties: z.record(z.string(), ThirdPartySchema),
  /** journal code → journal. */
  journals: z.record(z.string(), JournalStateSchema),
  /** Errors 2 and 3: GE expects analytics on entries. */
  analytics: z.object({
    required: z.boolean(),
    axes: z.array(z.string()),
    /**
     * How GE refuses an entry without analytics: error 2 when its axes allow no on-the-fly
     * creation (`axis`), error 3 when it requires a full allocation on each axis (`allocation`).
     */
    missing: z.enum(['axis', 'allocation']).default('axis'),
  }),
  /** Error 7: months (`YYYY-MM`) locked in Utilities > Import Cursor Settings > Lock tab. */
  importCursorLocks: z.record(z.string(), z.literal(true)),
  /** Error 9: the next N injected entries fail with one of the four "other" messages. */
  pendingOtherErrors: z
    .object({ variant: z.number().int().min(0).max(3), remaining: z.number().int().min(0) })
    .nullable(),
  /** entry id → entry. */
  entries: z.record(z.string(), EntryStateSchema),
  /** entry id → true, for the entries waiting in the Sage cloud. */
  cloudQueue: z.record(z.string(), z.literal(true)),
  /** Idempotency-Key → entry id: a retried push returns the first answer. */
  idempotencyKeys: z.record(z.string(), z.string()),
  /** Third-party batches sent before any entry (first connection): rejected, harmlessly, at the next opening. */
  pendingThirdPartyBatches: z.record(z.string(), z.object({ id: z.string(), count: z.number().int() })),
  nextEntrySeq: z.number().int().min(1),
  /**
   * A person working in the file's accounting now (null: nobody). GE injects the Sage cloud queue
   * when the accounting opens, not while it stays open: seed 002, "If you were already in the
   * folder's accounting, close it and reopen it". Absent from states saved before it existed.
   */
  accountingSession: z.object({ openedAt: InstantSchema }).nullable().default(null),
});
export type FileState = z.infer<typeof FileStateSchema>;

export const EntityStateSchema = z.object({
  id: z.string(),
  name: z.string(),
  siren: z.string(),
  /** The credential: the entity's identifier from Marketplace Settings (a long string). */
  geIdentifier: z.string().min(16),
  /** The right to use the API, signed with Sage's sales department. */
  apiRights: z.boolean(),
  /** "Regate / Qonto" activated in the entity's Marketplace. */
  connectorActive: z.boolean(),
  /** The GE Connector reference administrator and the expiry of its security certificate. */
  referenceAdministrator: z.object({ name: z.string(), email: z.string(), certificateExpiresAt: InstantSchema }),
  /** file id → file. */
  files: z.record(z.string(), FileStateSchema),
});
export type EntityState = z.infer<typeof EntityStateSchema>;

export const SageGeStateSchema = z.object({
  /** entity id → firm entity. */
  tenants: z.record(z.string(), EntityStateSchema),
});
export type SageGeState = z.infer<typeof SageGeStateSchema>;

export const emptySageGeState = (): SageGeState => ({ tenants: {} });

/** Where changes write, typed from the state (`changesOf`): a scope per entity and per file. */
const state = changesOf<SageGeState>();
export const writes = {
  entity: (entityId: string) => state.at('tenants', entityId),
  file: (entityId: string, fileId: string) => state.at('tenants', entityId, 'files', fileId),
};
