export { own } from '../../../core/own.js';
import { LOOP_STATE_VERSION } from './migrate.js';
import { changesOf } from '../../../core/changes.js';
import { z } from 'zod';
import { FiscalYearStateSchema, type FiscalYearState } from '../../kit/fiscal-year.js';
import { InstantSchema } from '../../../contracts/common/primitives.js';
import {
  CompteSchema,
  EcritureComptableSchema,
  ImportEcritureResultSchema,
  ImportJsonRequestSchema,
  ImportStatutSchema,
  JournalSchema,
  SectionSchema,
  TiersSchema,
} from '../../../contracts/loop/wire.js';

/**
 * The whole persisted state of the Cegid Loop simulator. Tenants are firms (cabinets), keyed by
 * their domain (the firm's Loop code): a request's domain picks one, and nothing outside it is
 * ever visible. Reference data is kept as Loop's own records (the wire shapes), because the read
 * routes filter, sort and select on Loop's field names.
 */

export { FiscalYearStateSchema, type FiscalYearState };

/** An attachment as the simulator keeps it: its metadata, not its bytes (own choice, as in Sage GE). */
export const StoredPieceJointeSchema = z.object({
  nomFichier: z.string(),
  typeMime: z.string(),
  /** Size in bytes, and SHA-256 of the bytes (hex). */
  taille: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type StoredPieceJointe = z.infer<typeof StoredPieceJointeSchema>;

/** One `importJson` request, from its arrival to its processing by Loop's import service. */
export const ImportStateSchema = z.object({
  /** The `accountingImportRequestId` answered to the caller. */
  id: z.string(),
  /** Arrival order within the firm: due imports are processed in this order. */
  seq: z.number().int(),
  /** The folder (codeIbs) it imports into. */
  codeIbs: z.string(),
  /** The API key that sent it, and the Loop collaborator that key acts as (named in LOOP-COLLABORATOR-NO-ACCESS). */
  apiKey: z.string(),
  collaborateur: z.string(),
  receivedAt: InstantSchema,
  /** When Loop's import service picks it up (receivedAt + the firm's processing delay). */
  dueAt: InstantSchema,
  statut: ImportStatutSchema,
  processedAt: InstantSchema.nullable(),
  /** The import-level error (the mass rejection). */
  message: z.string().nullable(),
  /** The request as received, each entry's `piecesJointes` taken out (their metadata is below). */
  request: ImportJsonRequestSchema,
  /** The attachments of each item of `data.ecritures`, by index. */
  piecesJointes: z.array(z.array(StoredPieceJointeSchema)).default([]),
  /** One result per item of `data.ecritures`, filled at processing. */
  results: z.array(ImportEcritureResultSchema),
});
export type ImportState = z.infer<typeof ImportStateSchema>;

/** A client folder (dossier) of the firm, as Loop holds it. */
export const FolderStateSchema = z.object({
  /** The code dossier: `codeDossier` of the read routes, `codeIbs` of the imports. */
  code: z.string(),
  /** The folder name ([FOLDER_NAME] in LOOP-COLLABORATOR-NO-ACCESS). */
  name: z.string(),
  siret: z.string().nullable(),
  /** Folder portfolio, "Action" column: the Qonto connector (formerly "Regate by Qonto") activated on the folder. */
  connectorActive: z.boolean(),
  /** fiscal year id → fiscal year. */
  fiscalYears: z.record(z.string(), FiscalYearStateSchema),
  /** numero → general account (`GET /compte`). */
  comptes: z.record(z.string(), CompteSchema),
  /** code → journal (`GET /journal`); `ferme` = closed. */
  journaux: z.record(z.string(), JournalSchema),
  /** code → third party of any type (`GET /tiersClient`, `/tiersFournisseur`, `/tiersSalarie`, `/tiersDivers`). */
  tiers: z.record(z.string(), TiersSchema),
  /** code → analytic section (`GET /section`). */
  sections: z.record(z.string(), SectionSchema),
  /** objectId → entry line (`GET /EcritureComptable`). */
  ecritures: z.record(z.string(), EcritureComptableSchema),
  /** The next entry number Loop gives. */
  nextNumeroEcriture: z.number().int().min(1),
  /** numeroEcriture → the attachments imported with that entry. */
  piecesJointes: z.record(z.string(), z.array(StoredPieceJointeSchema)).default({}),
  /**
   * Archived in Loop (simulator's own choice of how a folder leaves the domain): the API no longer
   * finds it, "Le dossier X n'existe pas sur le domaine." (LOOP-FOLDER-UNKNOWN). Absent: not archived.
   */
  archived: z.boolean().optional(),
});
export type FolderState = z.infer<typeof FolderStateSchema>;

/** An API key, generated in CegidLife and declared in Loop Hub. */
export const ApiKeyStateSchema = z.object({
  /** The name given in Loop Hub ("QONTO"). */
  name: z.string(),
  /** The public part (x-apikey before the colon). */
  key: z.string(),
  /** The client secret (x-apikey after the colon). */
  secret: z.string(),
  /** APIKey Standard (P04448) or Advanced/Cabinet (P04454). */
  service: z.enum(['standard', 'advanced']),
  /** The Loop collaborator the key acts as. */
  collaborateur: z.string(),
  /** Loop Hub, edit key > "Check the folders to publish": code dossier → true. Only these are visible to the key. */
  folders: z.record(z.string(), z.literal(true)),
  createdAt: InstantSchema,
});
export type ApiKeyState = z.infer<typeof ApiKeyStateSchema>;

export const FirmStateSchema = z.object({
  /** The firm's Loop code: the "Domain" the hub asks for. */
  domain: z.string().regex(/^[A-Za-z0-9._-]{1,80}$/),
  name: z.string(),
  /** The Azure APIM subscription key (`Ocp-Apim-Subscription-Key`). */
  subscriptionKey: z.string(),
  /** key → API key. */
  apiKeys: z.record(z.string(), ApiKeyStateSchema),
  /** code dossier → folder. */
  folders: z.record(z.string(), FolderStateSchema),
  /** accountingImportRequestId → import request. */
  imports: z.record(z.string(), ImportStateSchema),
  /**
   * What the folder portfolio's "Action" column calls the Qonto connector: a firm that installed it
   * as Regate still sees its old name (seed 004). Absent: "Qonto".
   */
  connectorLabel: z.enum(['Qonto', 'Regate by Qonto']).optional(),
  /**
   * collaborator → the folders assigned to them ("Granting access rights to a collaborator and
   * Assigning access to client folders", seed 004). A collaborator not listed reaches every folder
   * of the firm (own choice: Loop's default rights are not public).
   */
  collaboratorAccess: z.record(z.string(), z.object({ folders: z.record(z.string(), z.literal(true)) })).optional(),
  /** How long Loop's import service takes to pick up a request, in milliseconds of the virtual clock. */
  importDelayMs: z.number().int().min(0),
  nextImportSeq: z.number().int().min(1),
});
export type FirmState = z.infer<typeof FirmStateSchema>;

export const LoopStateSchema = z.object({
  /**
   * The format's version (`state/migrate.ts`): a file without it is read as version 1 and migrated
   * when loaded. Optional so that a state built in memory (tests, worlds) need not name it.
   */
  version: z.literal(LOOP_STATE_VERSION).optional(),
  /** domain → firm. */
  tenants: z.record(z.string(), FirmStateSchema),
});
export type LoopState = z.infer<typeof LoopStateSchema>;

export const emptyLoopState = (): LoopState => ({ version: LOOP_STATE_VERSION, tenants: {} });

/** Where changes write, typed from the state (`changesOf`): a scope per firm, folder and API key. */
const state = changesOf<LoopState>();
export const writes = {
  firm: (domain: string) => state.at('tenants', domain),
  folder: (domain: string, code: string) => state.at('tenants', domain, 'folders', code),
  apiKey: (domain: string, key: string) => state.at('tenants', domain, 'apiKeys', key),
};
