import { z } from 'zod';
import {
  AmountSchema,
  IsoDateSchema,
  InstantSchema,
  RESERVED_KEY_MESSAGE,
  codeString,
  isStorableKey,
  textString,
  toCents,
} from '../common/primitives.js';
import { LOOP_MESSAGES } from './messages.js';

/**
 * Cegid Loop public API wire contracts, in Loop's own field names (vendor-facts.md §3).
 *
 * Confirmed [C]: the base path `/loop-api-publiques/`, the `Ocp-Apim-Subscription-Key` and
 * `x-apikey: <key>:<secret>` headers, the read routes and their query parameters (`codeDossier`,
 * `filter`, `sort`, `skip`, `take`, `select`), the fields of accounts, journals, third parties and
 * sections, the `importJson` envelope and its `{ accountingImportRequestId }` answer.
 *
 * Simulator's own choice (marked on each schema): the header carrying the firm's domain, one item of
 * `ecritures`, the `EcritureComptable` row, the import status route and its values, the error body.
 */

export const LOOP_API = '/loop-api-publiques';

/**
 * Headers of every call: the subscription key and `x-apikey` [C] (GetStart.html, Compte.html...).
 * `x-domain` is the simulator's own, optional header: Loop's public docs name no domain header and
 * the key already says which firm calls; when sent it must name the key's firm.
 */
export const LOOP_HEADERS = {
  subscriptionKey: 'ocp-apim-subscription-key',
  apiKey: 'x-apikey',
  domain: 'x-domain',
} as const;

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * Loop's error body (simulator's own choice): `statusCode` and `message` as Azure APIM (the gateway
 * in front of the Loop public API) answers, plus the error `code` and, for validation errors, the
 * offending fields.
 */
export const LoopErrorBodySchema = z.object({
  statusCode: z.number().int(),
  code: z.string(),
  message: z.string(),
  errors: z.array(z.object({ champ: z.string(), message: z.string() })).optional(),
});
export type LoopErrorBody = z.infer<typeof LoopErrorBodySchema>;

// ---------------------------------------------------------------------------------------------
// Reference data (GET routes)

/** A required string whose absence answers Loop's own "n'est pas spécifié" message. */
const required = (message: string, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? message : undefined) })
    .min(1, message)
    .max(max)
    .regex(/^[^\u0000-\u001f\u007f]+$/, 'caractères de contrôle interdits');

/**
 * The pages write paging with quotes (`?skip="{number}"`, `?take="{number}"`: ParametreComptable.html,
 * ParameterJournal.html, agence.html...): a number in matching double or single quotes reads as the
 * number (confirmed form); an empty pair of quotes stays refused.
 */
const unquote = (value: unknown) =>
  typeof value === 'string' && /^(["'])[^"']+\1$/.test(value.trim()) ? value.trim().slice(1, -1) : value;

const skipTake = (name: string) =>
  z
    .preprocess(
      unquote,
      z.coerce
        .number({ error: LOOP_MESSAGES.skipTake(name) })
        .int(LOOP_MESSAGES.skipTake(name))
        .min(0, LOOP_MESSAGES.skipTake(name))
        .max(1_000_000, LOOP_MESSAGES.skipTake(name)),
    )
    .optional();

/**
 * The query of every read route [C]: `codeDossier` (required), `filter` (JS-style `==`, `===`,
 * `!=`, `&&`, `>=` [C]; `!==`, `<=`, `>`, `<`, `||`, parentheses own choice: domain/filter.ts),
 * `sort` (`field1&&field2:desc`), `skip`, `take`, `select` (field names separated by `,` or `&&`:
 * the separator is the simulator's own choice).
 */
export const ListQuerySchema = z
  .object({
    codeDossier: required(LOOP_MESSAGES.codeDossierMissing, 50),
    filter: z.string().max(2000).optional(),
    sort: z.string().max(500).optional(),
    skip: skipTake('skip'),
    take: skipTake('take'),
    select: z.string().max(1000).optional(),
  })
  .strict();
export type ListQuery = z.infer<typeof ListQuerySchema>;

/**
 * Loop's revision id. The pages' tables type it `string($uuid)`, every example response shows
 * `"0x0000000000017ED5"` (Compte/ParametreComptable, Journal, Section): the examples' form is kept.
 */
export const RevisionIdSchema = z.string().regex(/^0x[0-9A-F]{16}$/);

/**
 * A reference to another record as the example responses show it (`"compteContrepartie":
 * {"objectId": null, "description": [""]}`): the record's uuid (null when none) and its
 * description, here the referenced code.
 */
export const ReferenceSchema = z.object({ objectId: z.string().nullable(), description: z.array(z.string()) });
export type Reference = z.infer<typeof ReferenceSchema>;

/**
 * `GET /compte`: one general account (Compte.html [C]). Where the page's table and its example
 * disagree, the example (a real answer) wins: `type` is a number (`"type": 6`; the table says
 * `string 1-7`), `revisionId` is `0x…`. `compteBanque` is a string as both tables say (no example
 * shows it): the bank account's own number on a 512 account, else null (own choice of value).
 */
export const CompteSchema = z.object({
  objectId: z.string(),
  revisionId: RevisionIdSchema,
  numero: z.string(),
  libelle: z.string(),
  /** The PCG class, 1 to 7. */
  type: z.number().int().min(1).max(7),
  collectif: z.boolean(),
  lettrable: z.boolean(),
  pointable: z.boolean(),
  centralisable: z.boolean(),
  analytique: z.boolean(),
  /** A closed account accepts no entry. */
  ferme: z.boolean(),
  comptecontrepartie: z.string().nullable(),
  compteBanque: z.string().nullable(),
  tva: z.string().nullable(),
});
export type Compte = z.infer<typeof CompteSchema>;

/** Journal types (Journal.html [C]). */
export const JOURNAL_TYPES = {
  achat: 1,
  od: 2,
  aNouveau: 3,
  banque: 4,
  caisse: 5,
  ecartDeChange: 6,
  regularisation: 7,
  vente: 8,
} as const;

/**
 * `GET /journal`: one journal (Journal.html, ParameterJournal.html [C]; `ferme` [C] in the example,
 * how closing shows elsewhere is not public). `revisionId` as the example (`"0x0000000000004678"`);
 * `compteContrepartie` an object, as both tables and the example say; `type` and `typeContrepartie`
 * numbers as the example shows (the tables say string and boolean).
 */
export const JournalSchema = z.object({
  objectId: z.string(),
  revisionId: RevisionIdSchema,
  code: z.string(),
  libelle: z.string(),
  type: z.number().int().min(1).max(8),
  compteContrepartie: ReferenceSchema,
  /** Libre 1, À l'écriture 2, Pied de journal 3. */
  typeContrepartie: z.number().int().min(1).max(3),
  repriseDateOp: z.boolean(),
  ferme: z.boolean(),
});
export type Journal = z.infer<typeof JournalSchema>;

/** Third-party types: client 0, fournisseur 1 ([I]), salarié 2, divers 4 (tiers*.html [C]). */
export const TIERS_TYPES = { client: 0, fournisseur: 1, salarie: 2, divers: 4 } as const;
export type TiersType = (typeof TIERS_TYPES)[keyof typeof TIERS_TYPES];

/** `GET /tiersClient`, `/tiersFournisseur`, `/tiersSalarie`, `/tiersDivers`: one third party [C]. */
export const TiersSchema = z.object({
  objectId: z.string(),
  /** The auxiliary account code: 17 characters at most. */
  code: z.string(),
  type: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(4)]),
  /** Personne physique 1, morale 2. */
  nature: z.union([z.literal(1), z.literal(2)]),
  prenom: z.string().nullable(),
  nom: z.string().nullable(),
  raisonSociale: z.string().nullable(),
  nomUsuel: z.string().nullable(),
  lettrable: z.boolean(),
  /** The collective account the third party is booked under (401..., 411..., 421...). */
  compteContrepartie: z.string(),
  SIRET: z.string().nullable(),
  telephone: z.string().nullable(),
  email: z.string().nullable(),
  adr: z.object({ adresse1: z.string(), codePostal: z.string(), ville: z.string(), pays: z.string() }).nullable(),
  rib: z.object({ iban: z.string(), bic: z.string() }).nullable(),
  actif: z.boolean(),
  /** [I]: the shape of `validation` is not public. */
  validation: z.boolean(),
  soumisTva: z.boolean(),
});
export type Tiers = z.infer<typeof TiersSchema>;

/** `GET /section`: one analytic section (Section.html [C]; `code` like `SECA@AXE`). */
export const SectionSchema = z.object({
  objectId: z.string(),
  revisionId: RevisionIdSchema,
  code: z.string(),
  description: z.string(),
  ferme: z.boolean(),
  axe: z.string(),
});
export type Section = z.infer<typeof SectionSchema>;

/**
 * `GET /EcritureComptable`: one entry line (simulator's own choice of row; the filter fields
 * `codeLettrage`, `ecritureOrigine`, `journalCode`, `refPiece`, `datePiece`, `compteNumero` are
 * [C]). `ecritureOrigine` is the `accountingImportRequestId` of an imported entry, `SAISIE` for
 * one typed in Loop. `type`: 1 générale, 5 à-nouveau (Dataformat.html [C]).
 */
export const EcritureComptableSchema = z.object({
  objectId: z.string(),
  numeroEcriture: z.number().int(),
  ligne: z.number().int(),
  journalCode: z.string(),
  datePiece: IsoDateSchema,
  refPiece: z.string(),
  libelle: z.string(),
  compteNumero: z.string(),
  compteAuxiliaire: z.string().nullable(),
  debit: z.number(),
  credit: z.number(),
  codeLettrage: z.string().nullable(),
  ecritureOrigine: z.string(),
  type: z.union([z.literal(1), z.literal(5)]),
  dateCreation: InstantSchema,
});
export type EcritureComptable = z.infer<typeof EcritureComptableSchema>;

/** `EcritureComptable` answers at most 100 rows (EcritureComptable.html [C]). */
export const ECRITURE_COMPTABLE_MAX = 100;
/** Filtering `EcritureComptable` on one of these is mandatory (EcritureComptable.html [C]). */
export const ECRITURE_COMPTABLE_REQUIRED_FILTERS = ['codeLettrage', 'ecritureOrigine'] as const;

// ---------------------------------------------------------------------------------------------
// importJson (EcritureComptableImportJson.html)

/** The documented limits (Qonto help, seed 004 [C]): it is the connector's job to cut. */
export const DESCRIPTION_MAX = 35;
export const AUX_CODE_MAX = 17;

/**
 * One line of an imported entry (simulator's own choice; names from Loop's read model). The
 * contract lets long descriptions and auxiliary codes through so that Loop's own rules
 * (LOOP-DESCRIPTION-35, LOOP-AUX-CODE-17) answer them with their field-level errors.
 */
export const LigneImportSchema = z
  .object({
    compteNumero: codeString(20).regex(/^\d+$/, 'chiffres uniquement'),
    // Loop keeps third parties by this code: a name that cannot be a key is refused up front.
    compteAuxiliaire: codeString(100).refine(isStorableKey, RESERVED_KEY_MESSAGE).optional(),
    libelle: textString(500).optional(),
    debit: AmountSchema,
    credit: AmountSchema,
  })
  .strict()
  .refine((l) => (l.debit === 0) !== (l.credit === 0), { message: LOOP_MESSAGES.lineAmount });
export type LigneImport = z.infer<typeof LigneImportSchema>;

/**
 * One attachment of an imported entry. JSON import "can carry attachments" [C]; the fields are the
 * simulator's own choice (the shape is not public). Loop keeps its name, type, size and digest here.
 */
export const PieceJointeImportSchema = z
  .object({
    nomFichier: textString(255).min(1),
    typeMime: z
      .string()
      .max(100)
      .regex(/^[\w.+-]+\/[\w.+-]+$/, LOOP_MESSAGES.mimeType),
    contenuBase64: z
      .string()
      .min(1)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, LOOP_MESSAGES.base64),
  })
  .strict();
export type PieceJointeImport = z.infer<typeof PieceJointeImportSchema>;

/** One item of `data.ecritures` (simulator's own choice: the real shape is not public, vendor-facts.md §8). */
export const EcritureImportSchema = z
  .object({
    journalCode: codeString(10),
    datePiece: IsoDateSchema,
    refPiece: textString(35),
    /** The entry's description: 35 characters at most in Loop. */
    libelle: textString(500).min(1),
    lignes: z.array(LigneImportSchema).min(2).max(500),
    piecesJointes: z.array(PieceJointeImportSchema).max(10).optional(),
  })
  .strict()
  .refine((e) => e.lignes.reduce((s, l) => s + toCents(l.debit) - toCents(l.credit), 0) === 0, {
    message: LOOP_MESSAGES.unbalanced,
    path: ['lignes'],
  });
export type EcritureImport = z.infer<typeof EcritureImportSchema>;

/** The third-party types an import names, and Loop's numeric `type` for each. */
export const TIERS_IMPORT_TYPES = [
  'client',
  'fournisseur',
  'salarie',
  'divers',
] as const satisfies readonly (keyof typeof TIERS_TYPES)[];

/**
 * One third party of `data.tiers`: JSON import "can carry tiers" [C]; the fields are the
 * simulator's own choice, after the `Tiers` read model. Loop creates it, or updates the one with
 * that code, when it processes the import, before the import's entries.
 */
export const TiersImportSchema = z
  .object({
    /** The auxiliary account code (17 characters at most: LOOP-AUX-CODE-17). */
    code: codeString(100).refine(isStorableKey, RESERVED_KEY_MESSAGE),
    type: z.enum(TIERS_IMPORT_TYPES),
    raisonSociale: textString(100).min(1),
    compteContrepartie: codeString(20).regex(/^\d+$/, 'chiffres uniquement'),
    SIRET: z
      .string()
      .regex(/^\d{14}$/, LOOP_MESSAGES.siret)
      .optional(),
    email: textString(255).optional(),
  })
  .strict();
export type TiersImport = z.infer<typeof TiersImportSchema>;

/**
 * One bound of `data.contexte`: "au format iso" [C], the page's examples being date-times
 * (`"2020-06-04T00:00:00.000Z"`). Plain `YYYY-MM-DD` dates and ISO date-times (with `Z`, an offset
 * or no zone) are accepted, and kept as sent. The page's "from" example is typed with a space before
 * each colon (`"2020-02-01T00 :00 :00.000Z"`): read as if the spaces were not there (own choice).
 */
/**
 * ISO date-times with seconds (zoned or local) or to the minute (zoned or local). zod's default
 * wants seconds when there is a zone but not without one; the page says only "au format iso", and
 * ISO 8601 allows both reduced forms, so the page wins (loosened from the default).
 */
const CONTEXTE_DATE_TIME = z.union([
  z.iso.datetime({ offset: true, local: true }),
  z.iso.datetime({ offset: true, local: true, precision: -1 }),
]);

/**
 * What `contexteDate` accepts, as one pattern, so that the document states it (a refinement would
 * not reach `/openapi.json`): zod's own ISO date and date-time patterns, a run of spaces allowed
 * before each `:` (the `(?:` groups are not colons of the text).
 */
const spacedColons = (pattern: RegExp) => pattern.source.slice(1, -1).replace(/(?<!\?):/g, '\\s*:');
export const CONTEXTE_PATTERN = new RegExp(
  `^(?:${[IsoDateSchema, ...CONTEXTE_DATE_TIME.options].map((s) => spacedColons(s._zod.pattern)).join('|')})$`,
);

const ContexteDateSchema = z.string().max(40).regex(CONTEXTE_PATTERN, LOOP_MESSAGES.contexteDate);

/**
 * The calendar date of a `contexte` bound, as written before its `T` (own choice: not shifted to
 * UTC, so `2020-06-04T00:00:00+02:00` covers the 4th); null when it is not an ISO date or date-time.
 */
export function contexteDate(text: string): string | null {
  const compact = text.replace(/\s+:/g, ':');
  if (IsoDateSchema.safeParse(compact).success) return compact;
  if (!CONTEXTE_DATE_TIME.safeParse(compact).success) return null;
  const date = compact.slice(0, 10);
  return IsoDateSchema.safeParse(date).success ? date : null;
}

/** `data.contexte` [C]: the period the import covers. */
export const ContexteSchema = z
  .object({ from: ContexteDateSchema, to: ContexteDateSchema })
  .strict()
  .refine((c) => contexteDate(c.from)! <= contexteDate(c.to)!, { message: LOOP_MESSAGES.contexteOrder });

/** `data.options` [C]; only `multiPeriode` is documented. */
export const OptionsSchema = z.object({ multiPeriode: z.boolean().optional() }).strict();

export const ImportJsonDataSchema = z
  .object(
    {
      contexte: ContexteSchema.optional(),
      options: OptionsSchema.optional(),
      // Absent or empty only when the import carries third parties (own choice).
      ecritures: z.array(EcritureImportSchema).max(1000).default([]),
      tiers: z.array(TiersImportSchema).max(1000).optional(),
    },
    { error: (issue) => (issue.input === undefined ? LOOP_MESSAGES.dataMissing : undefined) },
  )
  .strict()
  .superRefine((data, ctx) => {
    const ecritures = data.ecritures;
    if (ecritures.length === 0) {
      if (!data.tiers?.length)
        ctx.addIssue({ code: 'custom', message: LOOP_MESSAGES.ecrituresMissing, path: ['ecritures'] });
      return;
    }
    if (!data.contexte) {
      if (!data.options?.multiPeriode)
        ctx.addIssue({ code: 'custom', message: LOOP_MESSAGES.contexteMissing, path: ['contexte'] });
      return;
    }
    const { from, to } = data.contexte;
    const first = contexteDate(from)!;
    const last = contexteDate(to)!;
    ecritures.forEach((e, i) => {
      if (!data.options?.multiPeriode && (e.datePiece < first || e.datePiece > last)) {
        ctx.addIssue({
          code: 'custom',
          message: LOOP_MESSAGES.outsideContexte(e.datePiece, from, to),
          path: ['ecritures', i, 'datePiece'],
        });
      }
    });
  });

/** `POST /importJson` body [C]: `{ codeIbs, data: { contexte, options, ecritures } }`. */
export const ImportJsonRequestSchema = z
  .object({
    codeIbs: required(LOOP_MESSAGES.codeIbsMissing, 50),
    data: ImportJsonDataSchema,
  })
  .strict();
export type ImportJsonRequest = z.infer<typeof ImportJsonRequestSchema>;

/** `POST /importJson` answer [C]. */
export const ImportJsonResponseSchema = z.object({ accountingImportRequestId: z.string() });
export type ImportJsonResponse = z.infer<typeof ImportJsonResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Import status (simulator's own choice: route, fields and values are not public)

/**
 * `EnAttente`: queued, not yet picked up by Loop's import service; `Termine`: every entry
 * integrated; `TermineAvecErreurs`: some rejected; `Erreur`: none integrated (the mass rejection).
 */
export const ImportStatutSchema = z.enum(['EnAttente', 'Termine', 'TermineAvecErreurs', 'Erreur']);
export type ImportStatut = z.infer<typeof ImportStatutSchema>;

export const ImportErreurSchema = z.object({ code: z.string(), message: z.string(), champ: z.string().optional() });

export const ImportEcritureResultSchema = z.object({
  /** Position of the entry in `data.ecritures`. */
  index: z.number().int(),
  refPiece: z.string(),
  statut: z.enum(['EnAttente', 'Integree', 'Rejetee']),
  /** Loop's entry number, once integrated. */
  numeroEcriture: z.number().int().nullable(),
  erreurs: z.array(ImportErreurSchema),
});
export type ImportEcritureResult = z.infer<typeof ImportEcritureResultSchema>;

export const ImportStatusSchema = z.object({
  accountingImportRequestId: z.string(),
  codeIbs: z.string(),
  statut: ImportStatutSchema,
  dateDemande: InstantSchema,
  dateTraitement: InstantSchema.nullable(),
  /** The import-level error (the mass rejection), when there is one. */
  message: z.string().nullable(),
  nbEcritures: z.number().int(),
  nbEcrituresIntegrees: z.number().int(),
  nbEcrituresRejetees: z.number().int(),
  ecritures: z.array(ImportEcritureResultSchema),
});
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

/** `GET /getstatus?accountingImportRequestId=` (route name from the docs' "getstatus" [C]; the rest is ours). */
export const ImportStatusQuerySchema = z
  .object({ accountingImportRequestId: required(LOOP_MESSAGES.accountingImportRequestIdMissing, 100) })
  .strict();

/**
 * `GET /dossiers`: the folders associated with the calling API key in Loop Hub. Loop's public API
 * lists "the dossiers associated with an application key" in its collaborative-offer family, but
 * the route is not public [U]: its path and fields are the simulator's own choice.
 */
export const DossierAssocieSchema = z.object({
  codeDossier: z.string(),
  nom: z.string(),
  /** The folder portfolio's "Action" column: the Qonto connector activated on the folder. */
  connecteurActif: z.boolean(),
});
export type DossierAssocie = z.infer<typeof DossierAssocieSchema>;
export const DossiersResponseSchema = z.object({ data: z.array(DossierAssocieSchema) });
