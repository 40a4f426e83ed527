import { z } from 'zod';
import { TIERS_TYPES } from '../../../contracts/loop/wire.js';
import { defineAction, notFound, ok, conflict, type ActionResult, type VendorAction } from '../../kit/actions.js';
import type { Change } from '../../../core/changes.js';
import { parseDuration } from '../../../core/duration.js';
import { FiscalYearActionInput, setFiscalYear } from '../../kit/fiscal-year.js';
import { KEY_ALPHABET, SECRET_ALPHABET, stableString } from '../domain/ids.js';
import { buildCompte, buildTiers } from '../seed/builders.js';
import { own, writes, type ApiKeyState, type FirmState, type FolderState, type LoopState } from '../state/schema.js';

/**
 * What a person does in CegidLife, Loop Hub and Loop, as admin actions under
 * `/__admin/actions/<name>`. Each one names the step of seed 004 it stands for.
 */

const FirmInput = z.object({ domain: z.string().min(1) }).strict();
const FolderInput = FirmInput.extend({ folder: z.string().min(1) });
const KeyFoldersInput = FirmInput.extend({
  key: z.string().min(1),
  folders: z.array(z.string().min(1)).min(1).max(1000),
});

const isResult = (x: unknown): x is ActionResult => typeof x === 'object' && x !== null && 'ok' in x;

/**
 * Each action's input schema, built on first use and then shared: a simulator is created per
 * scenario and per test, and building these zod schemas (`extend` copies the whole shape) was most
 * of the simulator's creation. The actions themselves stay per simulator (they close over its
 * generator or its key index); their schemas hold no state.
 */
const inputSchemas = new Map<string, z.ZodType>();
function once<T extends z.ZodType>(action: string, build: () => T): T {
  let schema = inputSchemas.get(action) as T | undefined;
  if (!schema) inputSchemas.set(action, (schema = build()));
  return schema;
}

function findFirm(state: LoopState, domain: string): FirmState | ActionResult {
  return own(state.tenants, domain) ?? notFound(`No firm with domain ${domain}`);
}
function findFolder(
  state: LoopState,
  input: { domain: string; folder: string },
): { firm: FirmState; folder: FolderState } | ActionResult {
  const firm = findFirm(state, input.domain);
  if (isResult(firm)) return firm;
  const folder = own(firm.folders, input.folder);
  return folder ? { firm, folder } : notFound(`No folder ${input.folder} in firm ${input.domain}`);
}
function findKey(
  state: LoopState,
  input: { domain: string; key: string },
): { firm: FirmState; key: ApiKeyState } | ActionResult {
  const firm = findFirm(state, input.domain);
  if (isResult(firm)) return firm;
  const key = own(firm.apiKeys, input.key);
  return key ? { firm, key } : notFound(`No API key ${input.key} in firm ${input.domain}`);
}

/** Who holds an API key value, across every firm (an index kept in step with the store). */
export interface ApiKeyHolders {
  holders(key: string): string[];
}

/**
 * The actions over a store whose API keys `apiKeys` indexes: generate-api-key asks it whether a
 * value is taken instead of reading every firm's keys (10,000 firms on a shared server).
 */
export const loopActions = (apiKeys: ApiKeyHolders): VendorAction<LoopState>[] => [
  defineAction({
    name: 'generate-api-key',
    description:
      'CegidLife > profile > "Clé API" > "Générer une clé API", then declare it in Loop Hub (Type "Partenaire") under a name such as "QONTO"; optionally check folders right away',
    input: once('generate-api-key', () =>
      FirmInput.extend({
        name: z.string().min(1).max(60),
        service: z.enum(['standard', 'advanced']).default('standard'),
        collaborateur: z.string().min(1).max(120).optional(),
        folders: z.array(z.string().min(1)).max(1000).default([]),
      }),
    ),
    run(state, input, now) {
      const firm = findFirm(state, input.domain);
      if (isResult(firm)) return firm;
      const missing = input.folders.filter((f) => !own(firm.folders, f));
      if (missing.length) return notFound(`No folder ${missing.join(', ')} in firm ${firm.domain}`);
      const salt = [firm.domain, input.name, String(Object.keys(firm.apiKeys).length), now.toISOString()];
      const apiKey: ApiKeyState = {
        name: input.name,
        key: stableString(25, KEY_ALPHABET, 'key', ...salt),
        secret: stableString(44, SECRET_ALPHABET, 'secret', ...salt),
        service: input.service,
        collaborateur:
          input.collaborateur ??
          `api.${input.name.toLowerCase().replace(/[^a-z0-9]+/g, '')}@${firm.domain.toLowerCase()}`,
        folders: Object.fromEntries(input.folders.map((f) => [f, true as const])),
        createdAt: now.toISOString(),
      };
      // Unique across firms: a call without x-domain is routed by its key alone.
      if (apiKeys.holders(apiKey.key).length > 0)
        return conflict('A key with this value already exists; generate again later');
      return ok(
        {
          ...apiKey,
          xApikey: `${apiKey.key}:${apiKey.secret}`,
          subscriptionKey: firm.subscriptionKey,
          domain: firm.domain,
        },
        [writes.firm(firm.domain).set(['apiKeys', apiKey.key], apiKey)],
      );
    },
  }),
  defineAction({
    name: 'revoke-api-key',
    description: 'Delete an API key from Loop Hub: every call made with it is refused (LOOP-AUTH)',
    input: once('revoke-api-key', () => FirmInput.extend({ key: z.string().min(1) })),
    run(state, input) {
      const found = findKey(state, input);
      if (isResult(found)) return found;
      return ok({ revoked: input.key }, [writes.firm(input.domain).del(['apiKeys', input.key])]);
    },
  }),
  defineAction({
    name: 'associate-folders',
    description:
      'Loop Hub: edit the key (pencil icon) > Next > check the folders to publish > Next > Validate (fixes LOOP-FOLDER-NOT-ASSOCIATED)',
    input: KeyFoldersInput,
    run(state, input) {
      const found = findKey(state, input);
      if (isResult(found)) return found;
      const missing = input.folders.filter((f) => !own(found.firm.folders, f));
      if (missing.length) return notFound(`No folder ${missing.join(', ')} in firm ${input.domain}`);
      return ok(
        { key: input.key, associated: input.folders },
        input.folders.map((f) => writes.apiKey(input.domain, input.key).set(['folders', f], true)),
      );
    },
  }),
  defineAction({
    name: 'dissociate-folders',
    description: 'Loop Hub: edit the key and uncheck folders (they become invisible to it: LOOP-FOLDER-NOT-ASSOCIATED)',
    input: KeyFoldersInput,
    run(state, input) {
      const found = findKey(state, input);
      if (isResult(found)) return found;
      const missing = input.folders.filter((f) => !own(found.firm.folders, f));
      if (missing.length) return notFound(`No folder ${missing.join(', ')} in firm ${input.domain}`);
      return ok(
        { key: input.key, dissociated: input.folders },
        input.folders.map((f) => writes.apiKey(input.domain, input.key).del(['folders', f])),
      );
    },
  }),
  defineAction({
    name: 'set-folder-archived',
    description:
      "Loop folder portfolio: archive a folder (it leaves the domain for the API: LOOP-FOLDER-UNKNOWN) or restore it (simulator's own choice of how a folder disappears)",
    input: once('set-folder-archived', () => FolderInput.extend({ archived: z.boolean() })),
    run(state, input) {
      const found = findFolder(state, input);
      if (isResult(found)) return found;
      const folder = writes.folder(input.domain, input.folder);
      return ok({ folder: input.folder, archived: input.archived }, [
        input.archived ? folder.set(['archived'], true) : folder.del(['archived']),
      ]);
    },
  }),
  defineAction({
    name: 'set-connector',
    description:
      'Loop folder portfolio > "Action" column: activate or deactivate the Qonto connector (possibly still named "Regate by Qonto") on a folder (fixes LOOP-COLLABORATOR-NO-ACCESS)',
    input: once('set-connector', () =>
      FolderInput.extend({
        active: z.boolean(),
        /** The connector as the user selects it in the "Action" column, by the name Loop shows. */
        connector: z.string().min(1).max(100).optional(),
      }),
    ),
    run(state, input) {
      const found = findFolder(state, input);
      if (isResult(found)) return found;
      const shown = found.firm.connectorLabel ?? 'Qonto';
      if (input.connector !== undefined && input.connector !== shown)
        return notFound(
          `No connector "${input.connector}" in the Action column of folder ${input.folder}: Loop lists it as "${shown}"`,
        );
      return ok({ folder: input.folder, connector: shown, connectorActive: input.active }, [
        writes.folder(input.domain, input.folder).set(['connectorActive'], input.active),
      ]);
    },
  }),
  defineAction({
    name: 'set-connector-label',
    description:
      'The name the folder portfolio\'s "Action" column shows for the Qonto connector in this firm: "Regate by Qonto" where it was installed under its old name (seed 004)',
    input: once('set-connector-label', () => FirmInput.extend({ label: z.enum(['Qonto', 'Regate by Qonto']) })),
    run(state, input) {
      const firm = findFirm(state, input.domain);
      if (isResult(firm)) return firm;
      return ok({ connectorLabel: input.label }, [writes.firm(input.domain).set(['connectorLabel'], input.label)]);
    },
  }),
  defineAction({
    name: 'set-collaborator-access',
    description:
      'Loop: assign a client folder to a collaborator or take it away ("Assigning access to client folders"); without a folder, every folder (granted) or none (revoked)',
    input: once('set-collaborator-access', () =>
      FirmInput.extend({
        collaborator: z.string().min(1).max(200),
        folder: z.string().min(1).optional(),
        access: z.boolean(),
      }),
    ),
    run(state, input) {
      const firm = findFirm(state, input.domain);
      if (isResult(firm)) return firm;
      if (input.folder !== undefined && !own(firm.folders, input.folder))
        return notFound(`No folder ${input.folder} in firm ${input.domain}`);
      const all = firm.collaboratorAccess ?? {};
      // The firm's collaborators the simulator knows: its keys' and those already given rights.
      const known =
        Object.values(firm.apiKeys).some((key) => key.collaborateur === input.collaborator) ||
        own(all, input.collaborator) !== undefined;
      if (!known) return notFound(`No collaborator ${input.collaborator} in firm ${input.domain}`);
      const current = own(all, input.collaborator);
      let next: { folders: Record<string, true> } | undefined;
      if (input.folder === undefined) next = input.access ? undefined : { folders: {} };
      else if (input.access) next = current ? { folders: { ...current.folders, [input.folder]: true } } : undefined;
      else {
        // Restricting a collaborator who reached every folder: all of them but this one.
        const from = current?.folders ?? Object.fromEntries(Object.keys(firm.folders).map((c) => [c, true as const]));
        const { [input.folder]: _removed, ...rest } = from;
        next = { folders: rest };
      }
      const { [input.collaborator]: _old, ...others } = all;
      const collaboratorAccess = next ? { ...others, [input.collaborator]: next } : others;
      return ok({ collaborator: input.collaborator, folders: next ? Object.keys(next.folders) : 'all' }, [
        writes.firm(input.domain).set(['collaboratorAccess'], collaboratorAccess),
      ]);
    },
  }),
  defineAction({
    name: 'set-fiscal-year',
    description:
      'Loop: add, open or close a fiscal year of a folder, say whether its chart of accounts is complete and which journals are closed in it (LOOP-INCOMPLETE-FOLDER)',
    input: once('set-fiscal-year', () =>
      FolderInput.extend({
        fiscalYearId: z.string().min(1).max(20),
        ...FiscalYearActionInput.shape,
      }),
    ),
    run(state, input) {
      const found = findFolder(state, input);
      if (isResult(found)) return found;
      const unknown = (input.closedJournals ?? []).filter((code) => !own(found.folder.journaux, code));
      if (unknown.length) return notFound(`No journal ${unknown.join(', ')} in folder ${input.folder}`);
      const fiscalYear = setFiscalYear(input.fiscalYearId, own(found.folder.fiscalYears, input.fiscalYearId), input);
      if ('ok' in fiscalYear) return fiscalYear;
      return ok(fiscalYear, [
        writes.folder(input.domain, input.folder).set(['fiscalYears', input.fiscalYearId], fiscalYear),
      ]);
    },
  }),
  defineAction({
    name: 'set-journal',
    description: 'Loop: close (ferme) or reopen a journal of a folder (no open journal: LOOP-INCOMPLETE-FOLDER)',
    input: once('set-journal', () => FolderInput.extend({ journal: z.string().min(1), ferme: z.boolean() })),
    run(state, input) {
      const found = findFolder(state, input);
      if (isResult(found)) return found;
      if (!own(found.folder.journaux, input.journal))
        return notFound(`No journal ${input.journal} in folder ${input.folder}`);
      return ok({ journal: input.journal, ferme: input.ferme }, [
        writes.folder(input.domain, input.folder).set(['journaux', input.journal, 'ferme'], input.ferme),
      ]);
    },
  }),
  defineAction({
    name: 'upsert-compte',
    description:
      'Loop: create a general account in a folder\'s chart, or rename one (a "correct the label manually" remedy); the hub sees it at its next pull (weekly sync or "Refresh accounting data")',
    input: once('upsert-compte', () =>
      FolderInput.extend({
        numero: z.string().regex(/^[0-9][0-9A-Za-z]{0,19}$/, 'an account number starts with its class digit'),
        libelle: z.string().min(1).max(100),
      }),
    ),
    run(state, input) {
      const found = findFolder(state, input);
      if (isResult(found)) return found;
      const existing = own(found.folder.comptes, input.numero);
      const compte = existing
        ? { ...existing, libelle: input.libelle }
        : buildCompte(input.folder, input.numero, input.libelle);
      return ok(compte, [writes.folder(input.domain, input.folder).set(['comptes', input.numero], compte)]);
    },
  }),
  defineAction({
    name: 'upsert-tiers',
    description:
      'Loop: create a third party (auxiliary account) in a folder, or rename one, as a user does in Loop; the hub sees it at its next pull',
    input: once('upsert-tiers', () =>
      FolderInput.extend({
        code: z.string().regex(/^[A-Za-z0-9]{1,17}$/, 'an auxiliary code: 17 letters or digits at most'),
        name: z.string().min(1).max(35),
        type: z.enum(['client', 'fournisseur', 'salarie', 'divers']).optional(),
      }),
    ),
    run(state, input) {
      const found = findFolder(state, input);
      if (isResult(found)) return found;
      const existing = own(found.folder.tiers, input.code);
      const type = input.type ? TIERS_TYPES[input.type] : (existing?.type ?? TIERS_TYPES.fournisseur);
      const tiers = {
        ...buildTiers(input.folder, input.code, type, input.name),
        ...(existing ? { objectId: existing.objectId } : {}),
      };
      return ok(tiers, [writes.folder(input.domain, input.folder).set(['tiers', input.code], tiers)]);
    },
  }),
  defineAction({
    name: 'set-import-delay',
    description:
      'How long Loop\'s import service takes to pick up an importJson request (milliseconds or "90s", "5m"...), on the virtual clock',
    input: once('set-import-delay', () =>
      FirmInput.extend({
        delay: z.union([
          z
            .number()
            .int()
            .min(0)
            .max(30 * 86_400_000),
          z.string().min(1).max(20),
        ]),
      }),
    ),
    run(state, input) {
      const firm = findFirm(state, input.domain);
      if (isResult(firm)) return firm;
      let ms: number;
      try {
        ms = Math.round(parseDuration(input.delay));
      } catch (error) {
        return { ok: false, status: 400, message: (error as Error).message };
      }
      return ok({ importDelayMs: ms }, [writes.firm(firm.domain).set(['importDelayMs'], ms)] satisfies Change[]);
    },
  }),
];
