import { z } from 'zod';
import { IsoDateSchema, InstantSchema } from '../common/primitives.js';
import { CodecProblemSchema } from './ascii.js';

/**
 * Cegid Quadra wire contracts: the CPA side (Quadra On Demand Open API) and CFE (Cegid File
 * Exchange). What is confirmed (vendor-facts.md §2) and what is the simulator's own choice is
 * said on each schema; the README's coverage table repeats it.
 *
 * Confirmed [C]: `POST /QuadraODOpenApi/token`, form-encoded, `grant_type=client_credentials`,
 * `client_id`, `client_secret`, `vendor_name`, `application_name`, `application_version`;
 * 10-hour tokens; methods as `POST /QuadraODOpenApi/<METHOD>?<parameters>` with
 * `Authorization: Bearer <token>`. The CFE SAS answer (`blobServiceUri`, `containerName`,
 * `sasToken`) and the `archive/rejected` folder are confirmed for Cegid's sibling RFE [C] and
 * inferred for CFE [I].
 *
 * Simulator's own choice [U]: the method names (`GetDossiers`, `GetExercices`, `GetComptes`,
 * `GetJournaux`, `GetEcritures`) and their `dossier` parameter, every CFE route, the error body,
 * the rejection report. The JSON field names of the CPA answers are the column names of Quadra's
 * own tables (`Comptes.Numero`, `Ecritures.MontantTenuDebit`, `Dossier1.RaisonSociale`... [C]
 * nrollet/quadratools), so a connector reads Quadra's vocabulary.
 */

export const QUADRA_OD_API = '/QuadraODOpenApi';
/** The CPA token lifetime: 10 hours [C]. */
export const CPA_TOKEN_SECONDS = 10 * 3600;

/** CFE routes (simulator's own choice, after Cegid RFE's `storage/api/.../V1/getsastoken/{container}`). */
export const CFE_API = '/CFE';
export const CFE_BLOB = '/CFE/blob';
/** The CFE token lifetime (simulator's own choice: one hour, like an Azure AD token). */
export const CFE_TOKEN_SECONDS = 3600;
/** Where the dossier's container takes files in, and where Quadra moves them. */
export const CFE_INPUT_FOLDER = 'input';
export const CFE_REJECTED_FOLDER = 'archive/rejected';
export const CFE_IMPORTED_FOLDER = 'archive/imported';

// ---------------------------------------------------------------------------------------------
// Errors (simulator's own choice: the OAuth 2.0 error body of RFC 6749 §5.2, used on every route)
// ---------------------------------------------------------------------------------------------

export const QuadraErrorBodySchema = z.object({
  /** The error code (`ContainerNotFoundInSicSettings`, `invalid_client`, `ValidationError`...). */
  error: z.string(),
  error_description: z.string(),
  /** What did not match the contract, on a validation error. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type QuadraErrorBody = z.infer<typeof QuadraErrorBodySchema>;

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

const secretString = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII, no spaces');

/**
 * CPA token request [C]: form-encoded client credentials. As the page writes it, the client is a
 * "SIC code / key pair": `client_id` = the SIC code, `client_secret` = the api_key (the CPA API
 * key) [C]. The pair seed 003 gives the hub, `client_id` = the CPA API key and `client_secret` =
 * its secret, is also taken (simulator's own choice). Unrecognised parameters are ignored (RFC
 * 6749 §3.2); `scope` is refused (`invalid_scope`: the page defines none; own choice). Refused
 * with QDR-CPA-AUTH (`invalid_client`) or QDR-CPA-NO-PORTAL (no Collaborative Portal).
 */
export const CpaTokenRequestSchema = z.object({
  grant_type: z.literal('client_credentials'),
  client_id: secretString,
  client_secret: secretString,
  /** The GUID Cegid issues to validated vendors. */
  vendor_name: z.guid(),
  application_name: z.string().min(1).max(100),
  application_version: z.string().min(1).max(40),
  scope: z
    .string()
    .refine(() => false, { message: 'no scope is defined for the Quadra On Demand Open API' })
    .optional(),
});
export type CpaTokenRequest = z.infer<typeof CpaTokenRequestSchema>;

/** CFE token request (simulator's own choice): client credentials = the CFE API key and its secret; QDR-CFE-AUTH when wrong. */
export const CfeTokenRequestSchema = z
  .object({
    grant_type: z.literal('client_credentials'),
    client_id: secretString,
    client_secret: secretString,
  })
  .strict();
export type CfeTokenRequest = z.infer<typeof CfeTokenRequestSchema>;

/** An OAuth 2.0 token answer. */
export const TokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('bearer'),
  /** Seconds: 36000 for the CPA (10 hours). */
  expires_in: z.number().int(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

// ---------------------------------------------------------------------------------------------
// CPA methods (names simulator's own choice; field names from Quadra's tables)
// ---------------------------------------------------------------------------------------------

/** A dossier code, as in Quadra's file list. */
export const DossierCodeSchema = z
  .string()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _');

export const DossierQuerySchema = z.object({ dossier: DossierCodeSchema }).strict();

export const ExerciceSchema = z.object({
  Id: z.string(),
  DebutExercice: IsoDateSchema,
  FinExercice: IsoDateSchema,
  Statut: z.enum(['Ouvert', 'Cloture']),
});
export type Exercice = z.infer<typeof ExerciceSchema>;

export const DossierSchema = z.object({
  CodeDossier: z.string(),
  RaisonSociale: z.string(),
  /** The open accounting period, or null when none is open. */
  ExerciceOuvert: ExerciceSchema.nullable(),
  /** The dossier's CFE container (simulator's own choice: the dossier code). */
  Conteneur: z.string(),
});
export const GetDossiersResponseSchema = z.object({ Dossiers: z.array(DossierSchema) });
export const GetExercicesResponseSchema = z.object({ CodeDossier: z.string(), Exercices: z.array(ExerciceSchema) });

export const CompteSchema = z.object({
  Numero: z.string().max(8),
  /** `G` general, `C` client, `F` fournisseur. */
  Type: z.enum(['G', 'C', 'F']),
  /** Empty for an account an import created (QDR-NO-LABELS). */
  Intitule: z.string(),
  /** The collective of an auxiliary account (40100000, 41100000), else empty. */
  Collectif: z.string(),
});
export type Compte = z.infer<typeof CompteSchema>;
export const GetComptesResponseSchema = z.object({ CodeDossier: z.string(), Comptes: z.array(CompteSchema) });

export const JournalSchema = z.object({
  Code: z.string(),
  Libelle: z.string(),
  Statut: z.enum(['Ouvert', 'Verrouille']),
});
export const GetJournauxResponseSchema = z.object({ CodeDossier: z.string(), Journaux: z.array(JournalSchema) });

/** `GetEcritures`: the read-back (QDR-READBACK-POSTED); entries show only after the dossier is opened (QDR-IMPORT-ON-OPEN). */
export const EcrituresQuerySchema = z
  .object({
    dossier: DossierCodeSchema,
    journal: z
      .string()
      .min(1)
      .max(3)
      .regex(/^[A-Za-z0-9]+$/)
      .optional(),
    /** Entry dates from / to, inclusive. */
    du: IsoDateSchema.optional(),
    au: IsoDateSchema.optional(),
  })
  .strict();

/** One entry line as Quadra holds it (table `Ecritures`). */
export const EcritureSchema = z.object({
  NumUniq: z.number().int(),
  CodeJournal: z.string(),
  DateEcriture: IsoDateSchema,
  Folio: z.string(),
  /** Line number within the import, in steps of 10 as Quadra numbers them. */
  LigneFolio: z.number().int(),
  NumeroCompte: z.string(),
  Libelle: z.string(),
  MontantTenuDebit: z.number(),
  MontantTenuCredit: z.number(),
  /** The piece number: 149/10, else 100/8, else 75/5 of the M line. */
  NumeroPiece: z.string(),
  DateEcheance: IsoDateSchema.nullable(),
  CodeDevise: z.string(),
  /** The attachment file name (M line position 182). */
  RefImage: z.string(),
  /** When the entry became visible in Quadra (simulator's addition, for the read-back). */
  DateImport: InstantSchema,
});
export type Ecriture = z.infer<typeof EcritureSchema>;
export const GetEcrituresResponseSchema = z.object({ CodeDossier: z.string(), Ecritures: z.array(EcritureSchema) });

// ---------------------------------------------------------------------------------------------
// CFE: SAS URL, blob upload, listing, the rejection report (all simulator's own choice)
// ---------------------------------------------------------------------------------------------

/** An Azure Blob container name: 3 to 63 lower-case letters, digits and dashes (Azure's rule). */
export const ContainerNameSchema = z
  .string()
  .min(3)
  .max(63)
  .regex(
    /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$/,
    'an Azure container name: lower-case letters, digits and single dashes',
  );
export const ContainerParamSchema = z.object({ container: ContainerNameSchema });
export const SasQuerySchema = z
  .object({
    'Minutes-To-Live': z.coerce.number().int().min(1).max(10_080).optional(),
    AccessMode: z.enum(['Read', 'ReadWrite']).optional(),
  })
  .strict();

/**
 * The SAS answer, as Cegid RFE gives it [C for RFE]. Upload URL: `{blobServiceUri}/{containerName}/input/{file}?{sasToken}`.
 * Refused with QDR-CFE-NOT-ACTIVATED, or QDR-CONTAINER-NOT-FOUND (`ContainerNotFoundInSicSettings`) when the CFE key in
 * use is not the one in the dossier's Quadra settings.
 */
export const SasResponseSchema = z.object({
  blobServiceUri: z.string(),
  containerName: z.string(),
  sasToken: z.string(),
});
export type SasResponse = z.infer<typeof SasResponseSchema>;

/** The SAS query parameters, Azure style (`sv`, `sr`, `sp`, `se`, `sig`). */
export const SasParamsSchema = z
  .object({
    sv: z.string().max(20).optional(),
    sr: z.literal('c').optional(),
    sp: z.enum(['r', 'rw']),
    se: InstantSchema,
    sig: z.string().min(1).max(100),
  })
  .strict();

/** A blob name in a folder: no path separators, no leading dot. */
export const BlobNameSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-][A-Za-z0-9._ -]*$/, 'letters, digits, . _ - and spaces; no leading dot');
export const BlobParamSchema = z.object({ container: ContainerNameSchema, fileName: BlobNameSchema });
export const ArchiveBlobParamSchema = z.object({
  container: ContainerNameSchema,
  status: z.enum(['rejected', 'imported']),
  fileName: BlobNameSchema,
});
export const ListQuerySchema = SasParamsSchema.extend({
  restype: z.literal('container'),
  comp: z.literal('list'),
  prefix: z.string().max(200).optional(),
}).strict();

export const BlobInfoSchema = z.object({
  name: z.string(),
  size: z.number().int(),
  contentType: z.string(),
  lastModified: InstantSchema,
});
export const BlobListSchema = z.object({ containerName: z.string(), blobs: z.array(BlobInfoSchema) });

/**
 * The report Quadra leaves beside a rejected file (`archive/rejected/<file>.report.json`). A
 * problem has a line and column when it is one line's; `code` is the catalogue wire code when the
 * problem is a documented rejection (AccountingPeriodNotOpen, IncompleteFile), else `InvalidFormat`
 * or `InvalidEncoding`.
 */
export const RejectionReportProblemSchema = CodecProblemSchema.partial({ line: true, column: true }).extend({
  code: z.string(),
});
export const RejectionReportSchema = z.object({
  file: z.string(),
  dossier: z.string(),
  rejectedAt: InstantSchema,
  /** Nothing of a rejected file was imported (all or nothing per file). */
  imported: z.literal(0),
  problems: z.array(RejectionReportProblemSchema).min(1),
});
export type RejectionReport = z.infer<typeof RejectionReportSchema>;
export const reportNameOf = (fileName: string) => `${fileName}.report.json`;

/**
 * A supporting document shipped beside the ASCII file (the exporters' zip of PDFs, vendor-facts
 * §1.6), named at position 182 of its M lines: an 8.3 name. Own choice: told apart from ASCII
 * files by its extension.
 */
export const isAttachmentName = (fileName: string) => /^[^/]{1,8}\.(pdf|png|jpg|jpeg|tif|tiff)$/i.test(fileName);
