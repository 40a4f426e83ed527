import { changesOf } from '../../../core/changes.js';
import { z } from 'zod';
import { IsoDateSchema, InstantSchema } from '../../../contracts/common/primitives.js';
import { QuadraAccountRecordSchema, QuadraEntryLineSchema } from '../../../contracts/quadra/ascii.js';

/**
 * The whole persisted state of the Cegid Quadra simulator. Tenants are accounting firms, keyed
 * by SIC code (the firm's Cegid customer code): the CPA or CFE key in a request picks one, and
 * nothing outside it is ever visible. Collections are records keyed by id so that a change
 * touches one key, not a whole array.
 */

/** An accounting period (Quadra `Dossier1.DebutExercice/FinExercice`, closed = `PeriodeCloturee`). */
export const PeriodStateSchema = z.object({
  id: z.string(),
  start: IsoDateSchema,
  end: IsoDateSchema,
  status: z.enum(['open', 'closed']),
});
export type PeriodState = z.infer<typeof PeriodStateSchema>;

/** An account of the chart (Quadra table `Comptes`). */
export const AccountStateSchema = z.object({
  /** `Numero`: 8 characters at most (QDR-ACCOUNT-8-CHARS). */
  number: z.string().min(1).max(8),
  /** `Type`: G general, C customer, F supplier. */
  type: z.enum(['G', 'C', 'F']),
  /** `Intitule`: empty for an account an import created (QDR-NO-LABELS). */
  label: z.string(),
  /** `Collectif`: 40100000 / 41100000 for auxiliary accounts, else empty. */
  collective: z.string(),
  /** `Comptes` alpha key (clé alphabétique), as a `C` record of an import gave it. */
  alphaKey: z.string().max(7).optional(),
  /** Created by an ASCII import, waiting for a person to give it a label. */
  autoCreated: z.boolean(),
});
export type AccountState = z.infer<typeof AccountStateSchema>;

/** A journal (Quadra table `Journaux`). */
export const JournalStateSchema = z.object({
  code: z.string().min(1).max(3),
  label: z.string(),
  status: z.enum(['open', 'locked']),
});
export type JournalState = z.infer<typeof JournalStateSchema>;

/** A file in the dossier's CFE container (an Azure blob); the path is `input/<name>` or `archive/.../<name>`. */
export const BlobStateSchema = z.object({
  path: z.string(),
  contentBase64: z.string(),
  contentType: z.string(),
  size: z.number().int().min(0),
  uploadedAt: InstantSchema,
});
export type BlobState = z.infer<typeof BlobStateSchema>;

/** A SAS token the CFE handed out for the container (its `sig` is the key). */
export const SasStateSchema = z.object({ sig: z.string(), permissions: z.enum(['r', 'rw']), expiresAt: InstantSchema });

/** One entry line in Quadra (table `Ecritures`), as an import wrote it. */
export const EntryStateSchema = z.object({
  /** `NumUniq`: the line's unique number in the dossier. */
  id: z.number().int(),
  importId: z.string(),
  /** `LigneFolio`: 10, 20, 30... within its import. */
  lineNumber: z.number().int(),
  /** The M record as read from the file. */
  record: QuadraEntryLineSchema,
  visibleAt: InstantSchema,
});
export type EntryState = z.infer<typeof EntryStateSchema>;

/**
 * A file Quadra took from the container when the dossier was opened and accepted: its lines
 * become visible through the read API at `visibleAt` (the import delay later; QDR-IMPORT-ON-OPEN).
 */
export const ImportStateSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  openedAt: InstantSchema,
  visibleAt: InstantSchema,
  status: z.enum(['importing', 'imported']),
  lines: z.array(QuadraEntryLineSchema),
  /** The file's `C` records, applied to the chart at publication before its lines (labels are not taken). Absent from states saved before C records were taken. */
  accounts: z.array(QuadraAccountRecordSchema).default([]),
  /** Counts of what the import did not keep: `I` and `R` records. */
  ignored: z.object({ analytic: z.number().int(), schedules: z.number().int() }),
});
export type ImportState = z.infer<typeof ImportStateSchema>;

export const DossierStateSchema = z.object({
  /** The dossier code (Quadra's file list); also the name of its CFE container. */
  code: z.string(),
  /** `Dossier1.RaisonSociale`. */
  name: z.string(),
  /** Tools > API Keys > Cegid File Exchange in Quadra: the CFE key recorded for this dossier (null = none entered). */
  cfeKeyInSettings: z.string().nullable(),
  /** period id → accounting period. */
  periods: z.record(z.string(), PeriodStateSchema),
  /** account number → account. */
  accounts: z.record(z.string(), AccountStateSchema),
  /** journal code → journal. */
  journals: z.record(z.string(), JournalStateSchema),
  /** The CFE container: blob path → file, SAS sig → SAS token. */
  container: z.object({ blobs: z.record(z.string(), BlobStateSchema), sas: z.record(z.string(), SasStateSchema) }),
  /** import id → an accepted file and its lines. */
  imports: z.record(z.string(), ImportStateSchema),
  /** NumUniq (as a string) → entry line visible in Quadra. */
  entries: z.record(z.string(), EntryStateSchema),
  /** How long after the opening the imported entries show ("a few minutes"). */
  importDelayMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  /** When a person last opened the dossier in Quadra. */
  lastOpenedAt: InstantSchema.nullable(),
  nextImportSeq: z.number().int().min(1),
  nextEntryId: z.number().int().min(1),
});
export type DossierState = z.infer<typeof DossierStateSchema>;

/** A token the CPA or the CFE issued (the token string is the key). */
export const TokenStateSchema = z.object({
  kind: z.enum(['cpa', 'cfe']),
  /** The API key the token was issued for: regenerating the key voids it. */
  apiKey: z.string(),
  expiresAt: InstantSchema,
});
export type TokenState = z.infer<typeof TokenStateSchema>;

export const ApiKeyStateSchema = z.object({ key: z.string().min(8), secret: z.string().min(8) });

export const FirmStateSchema = z.object({
  /** The SIC code: the firm's Cegid customer code, and the tenant id. */
  sicCode: z.string(),
  name: z.string(),
  /** Access to the Cegid Collaborative Portal (QDR-CPA-NO-PORTAL without it). */
  portalAccess: z.boolean(),
  /** The CPA API key and secret generated in Cegid Life (QDR-CPA-AUTH). */
  cpa: ApiKeyStateSchema,
  /** The CFE API key and secret generated in Cegid Life (QDR-CFE-AUTH), and the Quadra guide's last step (QDR-CFE-NOT-ACTIVATED). */
  cfe: ApiKeyStateSchema.extend({ activated: z.boolean() }),
  /** token → the token's firm-side record. */
  tokens: z.record(z.string(), TokenStateSchema),
  /** dossier code → dossier. */
  dossiers: z.record(z.string(), DossierStateSchema),
});
export type FirmState = z.infer<typeof FirmStateSchema>;

export const QuadraStateSchema = z.object({
  /** SIC code → accounting firm. */
  tenants: z.record(z.string(), FirmStateSchema),
});
export type QuadraState = z.infer<typeof QuadraStateSchema>;

export const emptyQuadraState = (): QuadraState => ({ tenants: {} });

/** Where changes write, typed from the state (`changesOf`): a scope per firm and per dossier. */
const state = changesOf<QuadraState>();
export const writes = {
  firm: (sicCode: string) => state.at('tenants', sicCode),
  dossier: (sicCode: string, dossier: string) => state.at('tenants', sicCode, 'dossiers', dossier),
};
