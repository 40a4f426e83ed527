import { z } from 'zod';
import { CatalogueIdSchema } from '../../contracts/catalogue/schema.js';
import { InstantSchema } from '../../contracts/common/primitives.js';
import {
  AccountingEntrySchema,
  ClientFileSchema,
  ReferenceDataSchema,
  SyncFrequencySchema,
  SyncStatusSchema,
  VendorFileLinkSchema,
  VendorIdSchema,
} from '../../contracts/hub/model.js';

/** The hub's own persisted state (its lowdb store). */

export const ConnectionSchema = z.object({
  id: z.string(),
  /** A registered vendor's id (vendors/index.ts): the hub itself treats it as a name only. */
  vendor: VendorIdSchema,
  /**
   * What the wizard asked for (GE identifier; CPA/CFE keys and secrets; Loop key, secret, domain):
   * the vendor's connector module types and checks it with its own zod schema.
   */
  credentials: z.record(z.string(), z.string()),
  /** "Disable integration / API connection" stops every synchronization. */
  enabled: z.boolean(),
  frequency: SyncFrequencySchema,
  /** "Enable automatic synchronization of accounting accounts": once a week. */
  weeklyAccountSync: z.boolean(),
  createdAt: InstantSchema,
  lastWeeklySyncAt: InstantSchema.nullable(),
});
export type Connection = z.infer<typeof ConnectionSchema>;
export type ConnectionCredentials = Connection['credentials'];

export const LinkSchema = VendorFileLinkSchema.extend({ connectionId: z.string() });
export type Link = z.infer<typeof LinkSchema>;

export const HistoryItemSchema = z.object({ at: InstantSchema, status: z.string(), message: z.string().optional() });

export const HubEntrySchema = z.object({
  entry: AccountingEntrySchema,
  status: SyncStatusSchema,
  /** The `#AAAAA#` code that identifies the entry in the vendor. */
  trackingCode: z.string(),
  /** How many deliberate sends (a resend after "mark as verified" is a new attempt; a transport retry is not). */
  attempt: z.number().int().min(0),
  /** The last push's receipt: where to read the entry's fate back. */
  receipt: z
    .object({
      entryId: z.string(),
      vendorRef: z.string(),
      marker: z.string().optional(),
      documentNumber: z.string().optional(),
      /** What the connector changed to send it (an account number cut...). */
      notes: z.array(z.object({ catalogueId: CatalogueIdSchema.optional(), message: z.string() })).optional(),
    })
    .optional(),
  /** The batch the entry was sent in (a read-back policy may look at later batches). */
  batch: z.number().int().optional(),
  /** Read-backs since the last send that did not find the entry (the connector's read-back policy says what then). */
  readBackMisses: z.number().int().min(0),
  /**
   * Not found by the read-back, pending sending again (a policy with `resendWhenNotFound`): the
   * night run sends it once more under the same attempt, so the vendor replaces rather than adds.
   */
  resendDue: z.boolean().optional(),
  /** How many such nightly resends were made since the last deliberate send. */
  nightResends: z.number().int().min(0).optional(),
  /** When the entry's fate may next be read back. */
  checkAfter: InstantSchema.optional(),
  /** The last transport or contract error, while the entry waits to be sent again. */
  lastError: z.string().optional(),
  /** A send of the current attempt got no answer at this time: the vendor may still show it (Loop). */
  unconfirmedSince: InstantSchema.optional(),
  history: z.array(HistoryItemSchema),
});
export type HubEntry = z.infer<typeof HubEntrySchema>;

export const HubStateSchema = z.object({
  /** connection id → vendor connection (credentials, frequency). */
  connections: z.record(z.string(), ConnectionSchema),
  /** client file id → the hub's client file. */
  clientFiles: z.record(z.string(), ClientFileSchema),
  /** client file id → its vendor file (the wizard's association). */
  links: z.record(z.string(), LinkSchema),
  /** client file id → reference data pulled from the vendor. */
  referenceData: z.record(z.string(), ReferenceDataSchema),
  /** entry id → the entry and its sync status. */
  entries: z.record(z.string(), HubEntrySchema),
  /** tracking code → entry id (codes are unique). */
  trackingCodes: z.record(z.string(), z.string()),
  counters: z.object({ connection: z.number().int(), batch: z.number().int() }),
  /** The virtual time the scheduler last ran up to. */
  scheduledUpTo: InstantSchema.nullable(),
});
export type HubState = z.infer<typeof HubStateSchema>;

export const emptyHubState = (): HubState => ({
  connections: {},
  clientFiles: {},
  links: {},
  referenceData: {},
  entries: {},
  trackingCodes: {},
  counters: { connection: 0, batch: 0 },
  scheduledUpTo: null,
});
