import { z } from 'zod';
import { AmountSchema, IsoDateSchema, InstantSchema, codeString, textString } from '../common/primitives.js';

/**
 * Sage GE wire contracts. Sage GE's API is not public (vendor-facts.md §4: endpoints, payloads,
 * auth and error codes are unknown), so every shape here is the simulator's own choice, modelled
 * on what the hub needs and on the Sage house style for errors (an array of `$severity`,
 * `$dataCode`, `$message`, as Sage's accounting APIs answer). Field names are the connector's
 * view of GE: entities, files, fiscal years, accounts, subsidiary accounts, journals, entries.
 */

export const SAGE_GE_API = '/api/v1';

/** Sage's error body: an array of messages. */
export const SageErrorBodySchema = z.array(
  z.object({
    $severity: z.enum(['error', 'warning']),
    $dataCode: z.string(),
    $message: z.string(),
    /** The offending field, for validation errors. */
    $source: z.string().optional(),
  }),
);
export type SageErrorBody = z.infer<typeof SageErrorBodySchema>;

export const FileIdParamSchema = z.object({ fileId: codeString(40) });
export const EntryIdParamSchema = z.object({ fileId: codeString(40), entryId: codeString(40) });

export const ConfigurationStatusSchema = z.object({
  /** `problem` is the red triangle of the hub's Integration page. */
  status: z.enum(['ok', 'problem']),
  problem: z.object({ code: z.string(), message: z.string() }).optional(),
});

export const FileSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  /** The file-level Marketplace box: `disconnected` when unchecked. */
  connector: z.enum(['connected', 'disconnected']),
  configuration: ConfigurationStatusSchema,
});
export type SageFile = z.infer<typeof FileSchema>;
export const FileListSchema = z.object({
  entity: z.object({ id: z.string(), name: z.string() }),
  files: z.array(FileSchema),
});

export const FiscalYearSchema = z.object({
  id: z.string(),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  status: z.enum(['open', 'closed']),
});
/** The fiscal years as the Marketplace last synchronized them, with the configuration check. */
export const FiscalYearListSchema = z.object({
  fiscalYears: z.array(FiscalYearSchema),
  synchronizedAt: InstantSchema.nullable(),
  configuration: ConfigurationStatusSchema,
});

export const AccountSchema = z.object({
  number: z.string(),
  label: z.string(),
  collective: z.boolean(),
  locked: z.boolean(),
});
export const AccountListSchema = z.object({ fiscalYearId: z.string(), accounts: z.array(AccountSchema) });

export const SubsidiaryAccountSchema = z.object({
  code: codeString(17),
  label: textString(60),
  collectiveAccount: codeString(13).regex(/^\d+$/, 'digits only'),
});
export const SubsidiaryAccountListSchema = z.object({ subsidiaryAccounts: z.array(SubsidiaryAccountSchema) });

export const JournalSchema = z.object({
  code: z.string(),
  label: z.string(),
  type: z.enum(['purchase', 'sales', 'bank', 'cash', 'misc', 'expense-report']),
  locked: z.boolean(),
  /** Numbering applied when an entry's document number is empty. */
  autoNumbering: z.object({ enabled: z.boolean(), prefix: z.string(), next: z.number().int() }),
});
export const JournalListSchema = z.object({ journals: z.array(JournalSchema) });

export const ThirdPartySchema = z
  .object({
    type: z.enum(['customer', 'supplier', 'employee']),
    name: textString(60).min(1),
    /** The subsidiary account code the third party is booked on. */
    subsidiaryAccount: codeString(17),
    collectiveAccount: codeString(13).regex(/^\d+$/, 'digits only'),
    siret: z
      .string()
      .regex(/^\d{14}$/, '14 digits')
      .optional(),
    email: z.email().max(120).optional(),
  })
  .strict();
export type SageThirdParty = z.infer<typeof ThirdPartySchema>;
export const ThirdPartyUpsertRequestSchema = z
  .object({ thirdParties: z.array(ThirdPartySchema).min(1).max(500) })
  .strict();
export const ThirdPartyListSchema = z.object({ thirdParties: z.array(ThirdPartySchema) });
export const UpsertResultSchema = z.object({ created: z.number().int(), updated: z.number().int() });

export const AnalyticAllocationSchema = z
  .object({ axis: codeString(10), section: codeString(20), amount: AmountSchema })
  .strict();

export const EntryLineSchema = z
  .object({
    accountNumber: codeString(13).regex(/^\d+$/, 'digits only'),
    subsidiaryAccount: codeString(17).optional(),
    label: textString(60).optional(),
    debit: AmountSchema,
    credit: AmountSchema,
    analytics: z.array(AnalyticAllocationSchema).max(20).optional(),
  })
  .strict()
  .refine((line) => (line.debit === 0) !== (line.credit === 0), { message: 'a line has either a debit or a credit' });

export const AttachmentSchema = z
  .object({
    fileName: codeString(120),
    contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
    /** The file, base64-encoded. */
    contentBase64: z
      .string()
      .max(4_000_000)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
  })
  .strict();

export const EntryKindSchema = z.enum(['purchase', 'sales', 'expense-report', 'bank']);

export const EntryPushRequestSchema = z
  .object({
    kind: EntryKindSchema,
    journalCode: codeString(6),
    postingDate: IsoDateSchema,
    documentDate: IsoDateSchema,
    /** Empty: GE numbers the document with the journal's automatic numbering. */
    documentNumber: textString(20),
    /** GE keeps 30 characters of a bank entry's label (the hub puts the full label in the comment). */
    label: textString(200).min(1),
    /** The hub's `#AAAAA#` tracking code lives here. */
    comment: textString(1000),
    lines: z.array(EntryLineSchema).min(2).max(500),
    attachments: z.array(AttachmentSchema).max(10),
  })
  .strict()
  .refine((e) => Math.round(e.lines.reduce((s, l) => s + l.debit - l.credit, 0) * 100) === 0, {
    message: 'the entry does not balance: total debit must equal total credit',
    path: ['lines'],
  });
export type EntryPushRequest = z.infer<typeof EntryPushRequestSchema>;

export const EntryStatusSchema = z.object({
  id: z.string(),
  /** queued: in the Sage cloud, waiting for the file's accounting to be opened in GE. */
  status: z.enum(['queued', 'injected', 'rejected']),
  trackingCode: z.string().nullable(),
  queuedAt: InstantSchema,
  processedAt: InstantSchema.optional(),
  /**
   * The GE document number, once injected; for a rejected entry, the number it was sent with (the
   * rejection report names it: own choice, how the hub matches a rejection to its entry).
   */
  documentNumber: z.string().optional(),
  /** The label as GE stored it (30 characters for a bank entry). */
  label: z.string().optional(),
  attachmentsKept: z.number().int().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type EntryStatus = z.infer<typeof EntryStatusSchema>;
export const EntryStatusListSchema = z.object({ entries: z.array(EntryStatusSchema) });
export const EntryListQuerySchema = z.object({
  trackingCode: z
    .string()
    .regex(/^[A-Z0-9]{5}$/)
    .optional(),
  status: z.enum(['queued', 'injected', 'rejected']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** The identifier header: the GE identifier copied from the entity's Marketplace Settings. */
export const AUTH_SCHEME = 'Bearer';
