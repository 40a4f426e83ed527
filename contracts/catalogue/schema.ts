import { z } from 'zod';
import { VENDOR_IDS } from '../common/vendor-ids.js';

/**
 * The rejection catalogue: every documented vendor rejection or behaviour, with a stable id.
 * It is the single source for the simulators (to emit), the connectors (to classify), the CLI
 * (to look up a customer's message) and the docs.
 */

export const CATALOGUE_IDS = [
  // Sage GE (seeds 000 and 002)
  'SGE-API-RIGHTS-MISSING',
  'SGE-ENTITY-CONNECTOR-INACTIVE',
  'SGE-FILE-CONNECTOR-INACTIVE',
  'SGE-BULK-ACTIVATION',
  'SGE-FY-NOT-COVERING-TODAY',
  'SGE-FY-OPEN-RULES',
  'SGE-FY-INCOMPLETE',
  'SGE-REFDATA-PULL',
  'SGE-THIRD-PARTY-UPSERT',
  'SGE-PCG-AUTOCREATE',
  'SGE-BANK-LABEL-30',
  'SGE-BANK-ONE-ATTACHMENT',
  'SGE-TRACKING-CODE',
  'SGE-TECHNICAL-DOCNUMBER',
  'SGE-AUTONUMBER',
  'SGE-JOURNAL-LOCKED',
  'SGE-ANALYTIC-AXIS-MISSING',
  'SGE-ANALYTIC-ALLOCATION',
  'SGE-COLLECTIVE-ACCOUNT',
  'SGE-ACCOUNT-LOCKED',
  'SGE-FY-NOT-LAST-TWO',
  'SGE-IMPORT-CURSOR-LOCKED',
  'SGE-STUCK-ACCOUNTING-NOT-OPENED',
  'SGE-STUCK-MARKETPLACE-DEACTIVATED',
  'SGE-STUCK-ADMIN-CERT-EXPIRED',
  'SGE-OTHER-ERROR',
  'SGE-FY-NOT-OPEN-PENDING',
  'SGE-FIRST-CONNECTION-BATCHES',
  // Cegid Quadra (seed 003)
  'QDR-CPA-AUTH',
  'QDR-CPA-NO-PORTAL',
  'QDR-CFE-AUTH',
  'QDR-CFE-NOT-ACTIVATED',
  'QDR-CONTAINER-NOT-FOUND',
  'QDR-PERIOD-NOT-OPEN',
  'QDR-INCOMPLETE-FILE',
  'QDR-NO-LABELS',
  'QDR-ACCOUNT-8-CHARS',
  'QDR-IMPORT-ON-OPEN',
  'QDR-READBACK-POSTED',
  'QDR-RETRY-NIGHTS',
  'QDR-FAILED-CHECK',
  // Cegid Loop (seed 004)
  'LOOP-AUTH',
  'LOOP-FOLDER-NOT-ASSOCIATED',
  'LOOP-INCOMPLETE-FOLDER',
  'LOOP-REFDATA-PULL',
  'LOOP-DESCRIPTION-35',
  'LOOP-AUX-CODE-17',
  'LOOP-COLLABORATOR-NO-ACCESS',
  'LOOP-FOLDER-UNKNOWN',
  // The hub itself (seed 001, and the hub parts of the others)
  'HUB-FILE-ASSOCIATION',
  'HUB-REFDATA-ON-LINK',
  'HUB-REFRESH-REFDATA',
  'HUB-WEEKLY-ACCOUNT-SYNC',
  'HUB-SYNC-REALTIME',
  'HUB-SYNC-DAILY',
  'HUB-SYNC-MANUAL',
  'HUB-SYNC-FAILED',
  'HUB-MARK-VERIFIED-RESEND',
  'HUB-EXCLUDE-ENTRY',
  'HUB-DISABLE-INTEGRATION',
  'HUB-EDIT-CREDENTIALS',
] as const;

export const CatalogueIdSchema = z.enum(CATALOGUE_IDS);
export type CatalogueId = z.infer<typeof CatalogueIdSchema>;

/** Who shows the behaviour: one of the vendors, or the hub itself. */
export const VendorSchema = z.enum([...VENDOR_IDS, 'hub']);
export type Vendor = z.infer<typeof VendorSchema>;

/**
 * One message the vendor shows, as a template: `{name}` marks a varying part (an account
 * number, a year list, a folder or collaborator name). `documented` says whether the text is the
 * vendor's own, word for word from a seed or a public source, or the simulator's own wording
 * where the seeds describe the situation but quote no message.
 */
export const CatalogueMessageSchema = z.object({
  en: z.string().min(1),
  /**
   * The French form, as a French accountant reads it on the vendor's screen. Our translation
   * unless `frDocumented` says a public source quotes it word for word (the seeds quote none).
   */
  fr: z.string().min(1),
  /** Whether the English text is the vendor's own, quoted from a seed. */
  documented: z.boolean(),
  /** Whether the French text is quoted from a public source; absent or false: our translation. */
  frDocumented: z.boolean().optional(),
});
export type CatalogueMessage = z.infer<typeof CatalogueMessageSchema>;

export const CatalogueEntrySchema = z.object({
  id: CatalogueIdSchema,
  vendor: VendorSchema,
  /**
   * rejection: the vendor refuses something with a message;
   * stuck: nothing is refused but nothing moves until a person acts in the vendor's UI;
   * behaviour: a documented transformation or flow (truncation, auto-numbering, read-back...).
   */
  kind: z.enum(['rejection', 'stuck', 'behaviour']),
  title: z.string().min(1),
  /** The number the vendor's help article gives the error ("Error 4"), where it has one. */
  errorNumber: z.number().int().positive().optional(),
  /** The messages a customer may see; several when the article lists variants (Sage GE error 9). */
  messages: z.array(CatalogueMessageSchema),
  /** How the simulator answers on the wire: HTTP status and the vendor-side error code. */
  wire: z
    .object({
      status: z.number().int().min(200).max(599),
      code: z.string().min(1),
    })
    .optional(),
  /**
   * The hub's status or tab names that show this case ("Synchronization Failed", "Failed check"),
   * in both languages; the French is our translation of the English help centre.
   */
  status: z.array(z.object({ en: z.string().min(1), fr: z.string().min(1) })).optional(),
  /**
   * How a customer describes it in their own words ("stuck synchronizing", "labels cut at 35
   * characters"), in both languages: what makes an entry without a message reachable.
   */
  symptoms: z.array(z.object({ en: z.string().min(1), fr: z.string().min(1) })).optional(),
  /** What causes it, from the seed. */
  cause: z.string().min(1),
  /** What the documentation says to do, step by step; empty when nothing is to be done. */
  remedy: z.array(z.string().min(1)),
  /** The scenario that reproduces it (scenarios/<vendor>/<id>). */
  scenarioId: z.string().min(1),
  /** Where the behaviour is documented: the seed file and its section. */
  source: z.object({ seed: z.string().regex(/^00[0-4]$/), section: z.string().min(1) }),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>;
