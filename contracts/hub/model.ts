import { z } from 'zod';
import { CatalogueIdSchema } from '../catalogue/schema.js';
import { IsoDateSchema, InstantSchema } from '../common/primitives.js';

/**
 * The hub's domain model: what an accounting hub knows of its client files, their link to a
 * vendor file, their reference data, and the entries it syncs with their status. Vendor wire
 * shapes map to and from these in one place per connector.
 */

/**
 * The id of a vendor the hub is connected to. The hub's model does not list the vendors: the
 * registry (`vendors/index.ts`) does, and narrows this to its own enum (`VendorIdSchema` there).
 */
export const VendorIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'a vendor id: lowercase letters, digits and dashes');
export type VendorId = z.infer<typeof VendorIdSchema>;

export const ClientFileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  siren: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
});
export type ClientFile = z.infer<typeof ClientFileSchema>;

/** The wizard's table: a client file associated (or not) with a file of the accounting software. */
export const VendorFileLinkSchema = z.object({
  clientFileId: z.string().min(1),
  vendor: VendorIdSchema,
  /** The vendor's own id of the file (Sage GE file, Quadra dossier, Loop folder code). */
  vendorFileId: z.string().min(1),
  vendorFileName: z.string(),
  /** The Status column: the integration is active on this file. */
  active: z.boolean(),
  linkedAt: InstantSchema,
});
export type VendorFileLink = z.infer<typeof VendorFileLinkSchema>;

export const GeneralAccountSchema = z.object({
  number: z.string().min(1),
  label: z.string(),
  /** A collective account (401, 411, 421...) needs a subsidiary account on every line. */
  collective: z.boolean(),
});
export type GeneralAccount = z.infer<typeof GeneralAccountSchema>;

export const ThirdPartyKindSchema = z.enum(['customer', 'supplier', 'employee', 'other']);

export const SubsidiaryAccountSchema = z.object({
  code: z.string().min(1),
  label: z.string(),
  /** The collective account it hangs under (401..., 411..., 421...). */
  collectiveAccount: z.string().min(1),
});
export type SubsidiaryAccount = z.infer<typeof SubsidiaryAccountSchema>;

export const ThirdPartySchema = z.object({
  id: z.string().min(1),
  kind: ThirdPartyKindSchema,
  name: z.string().min(1),
  subsidiaryAccount: z.string().min(1),
  siret: z
    .string()
    .regex(/^\d{14}$/)
    .optional(),
  email: z.string().optional(),
});
export type ThirdParty = z.infer<typeof ThirdPartySchema>;

export const JournalTypeSchema = z.enum(['purchase', 'sales', 'bank', 'cash', 'expense-report', 'misc', 'opening']);
export const JournalSchema = z.object({
  code: z.string().min(1),
  label: z.string(),
  type: JournalTypeSchema,
  state: z.enum(['open', 'locked']),
});
export type Journal = z.infer<typeof JournalSchema>;

export const FiscalYearSchema = z.object({
  start: IsoDateSchema,
  end: IsoDateSchema,
  status: z.enum(['open', 'closed']),
});
export type FiscalYear = z.infer<typeof FiscalYearSchema>;

export const ReferenceDataSchema = z.object({
  accounts: z.array(GeneralAccountSchema),
  subsidiaryAccounts: z.array(SubsidiaryAccountSchema),
  thirdParties: z.array(ThirdPartySchema),
  journals: z.array(JournalSchema),
  fiscalYears: z.array(FiscalYearSchema),
  pulledAt: InstantSchema,
});
export type ReferenceData = z.infer<typeof ReferenceDataSchema>;

export const EntryKindSchema = z.enum(['purchase', 'sales', 'expense-report', 'bank']);
export type EntryKind = z.infer<typeof EntryKindSchema>;

export const AnalyticAllocationSchema = z.object({
  axis: z.string().min(1),
  section: z.string().min(1),
  /** In cents. */
  amount: z.number().int().min(0),
});

export const EntryLineSchema = z.object({
  generalAccount: z.string().min(1),
  subsidiaryAccount: z.string().min(1).optional(),
  label: z.string().optional(),
  /** In cents. */
  debit: z.number().int().min(0),
  /** In cents. */
  credit: z.number().int().min(0),
  analytics: z.array(AnalyticAllocationSchema).optional(),
});
export type EntryLine = z.infer<typeof EntryLineSchema>;

export const AttachmentSchema = z.object({
  fileName: z.string().min(1),
  contentType: z.string().min(1),
  /** The file's bytes, base64. */
  content: z.string(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const AccountingEntrySchema = z
  .object({
    id: z.string().min(1),
    clientFileId: z.string().min(1),
    kind: EntryKindSchema,
    journal: z.string().min(1),
    postingDate: IsoDateSchema,
    documentDate: IsoDateSchema,
    /** Empty: the vendor numbers it (Sage GE auto-numbering) or the connector puts a technical number. */
    documentNumber: z.string().optional(),
    label: z.string().min(1),
    comment: z.string().optional(),
    lines: z.array(EntryLineSchema).min(2),
    attachments: z.array(AttachmentSchema),
  })
  .refine((e) => e.lines.reduce((s, l) => s + l.debit, 0) === e.lines.reduce((s, l) => s + l.credit, 0), {
    message: 'an entry must balance: total debit = total credit',
    path: ['lines'],
  });
export type AccountingEntry = z.infer<typeof AccountingEntrySchema>;

/** Where an entry stands, as the hub's Accounting page shows it. */
export const SyncStatusSchema = z.discriminatedUnion('status', [
  /** Not sent, and not sendable yet (e.g. its posting date is in a fiscal year that is not open). */
  z.object({ status: z.literal('pending'), reason: z.string().optional(), catalogueId: CatalogueIdSchema.optional() }),
  /** Waiting for the accountant to review and mark as verified. */
  z.object({ status: z.literal('to-verify') }),
  /** Sent; the vendor has not confirmed it yet (Sage cloud queue, Quadra read-back pending, Loop import running). */
  z.object({
    status: z.literal('synchronizing'),
    sentAt: InstantSchema,
    vendorRef: z.string().optional(),
    attempts: z.number().int().min(1),
  }),
  z.object({
    status: z.literal('posted'),
    postedAt: InstantSchema,
    vendorRef: z.string().optional(),
    documentNumber: z.string().optional(),
  }),
  /** The vendor rejected it: its exact message, shown when hovering "Synchronization failed". */
  z.object({
    status: z.literal('sync-failed'),
    at: InstantSchema,
    message: z.string(),
    catalogueId: CatalogueIdSchema.optional(),
  }),
  /** Quadra: not found after the read-back and three nights, while later entries were posted. */
  z.object({
    status: z.literal('failed-check'),
    at: InstantSchema,
    message: z.string(),
    catalogueId: CatalogueIdSchema.optional(),
  }),
  z.object({ status: z.literal('excluded'), at: InstantSchema }),
]);
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
export type SyncStatusName = SyncStatus['status'];

export const SyncFrequencySchema = z.enum(['realtime', 'daily', 'manual']);
export type SyncFrequency = z.infer<typeof SyncFrequencySchema>;
