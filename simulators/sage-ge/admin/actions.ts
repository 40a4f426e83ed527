import { own } from '../../../core/own.js';
import { z } from 'zod';
import { defineAction, notFound, ok, type ActionResult, type VendorAction } from '../../kit/actions.js';
import type { Change } from '../../../core/changes.js';
import { editEntry, openAccounting, toEntryStatus } from '../domain/entries.js';
import { covers } from '../domain/fiscal-years.js';
import { FiscalYearActionInput, setFiscalYear } from '../../kit/fiscal-year.js';
import { isStorableKey, RESERVED_KEY_MESSAGE } from '../../../contracts/common/primitives.js';
import { writes, type AccountState, type EntityState, type FileState, type SageGeState } from '../state/schema.js';

/**
 * What a person does in Sage GE's UI, as admin actions under `/__admin/actions/<name>`. Each one
 * names the seed step it stands for.
 */

/**
 * Entity-level actions also accept (and ignore) a fileId, so a caller can name its file
 * everywhere; one that names no file of the entity is refused all the same.
 */
const EntityInput = z.object({ entityId: z.string().min(1), fileId: z.string().optional() }).strict();
const FileInput = z.object({ entityId: z.string().min(1), fileId: z.string().min(1) }).strict();

type Found = { entity: EntityState; file: FileState };
function findFile(state: SageGeState, input: { entityId: string; fileId: string }): Found | ActionResult {
  const entity = own(state.tenants, input.entityId);
  if (!entity) return notFound(`No entity ${input.entityId}`);
  const file = own(entity.files, input.fileId);
  if (!file) return notFound(`No file ${input.fileId} in entity ${input.entityId}`);
  return { entity, file };
}
/** An entity-level action's entity; a fileId it is given (and ignores) must still name one of its files. */
function findEntity(state: SageGeState, entityId: string, fileId?: string): EntityState | ActionResult {
  const entity = own(state.tenants, entityId);
  if (!entity) return notFound(`No entity ${entityId}`);
  if (fileId !== undefined && fileId !== '' && !own(entity.files, fileId))
    return notFound(`No file ${fileId} in entity ${entityId}`);
  return entity;
}
/** Journal codes the file does not have, as the refusal names them. */
function unknownJournals(file: FileState, codes: readonly string[] | undefined): ActionResult | undefined {
  const unknown = (codes ?? []).filter((code) => !own(file.journals, code));
  return unknown.length ? notFound(`No journal ${unknown.join(', ')}`) : undefined;
}
const isResult = (x: unknown): x is ActionResult => typeof x === 'object' && x !== null && 'ok' in x;

/** Takes the Marketplace's fiscal-year snapshot, as "Resynchronize fiscal years" does. */
const resyncChanges = (entity: EntityState, file: FileState, now: Date): Change[] => [
  writes
    .file(entity.id, file.id)
    .set(['marketplaceFiscalYears'], { at: now.toISOString(), fiscalYears: Object.values(file.fiscalYears) }),
];

export const sageGeActions: VendorAction<SageGeState>[] = [
  defineAction({
    name: 'open-accounting',
    description:
      "Open the file's accounting in GE (the Accounting button): injects the entries waiting in the Sage cloud",
    input: FileInput.extend({
      /** The person stays in the accounting (a session left open); by default they open it, and leave. */
      stay: z.boolean().default(false),
    }),
    run(state, input, now) {
      const found = findFile(state, input);
      if (isResult(found)) return found;
      const { value, changes } = openAccounting(found.entity, found.file, now);
      if (input.stay && !found.file.accountingSession)
        changes.push(
          writes.file(input.entityId, input.fileId).set(['accountingSession'], { openedAt: now.toISOString() }),
        );
      return ok(value, changes);
    },
  }),
  defineAction({
    name: 'close-accounting',
    description: "Close the file's accounting in GE (leave it): the next opening injects what the Sage cloud holds",
    input: FileInput,
    run(state, input) {
      const found = findFile(state, input);
      if (isResult(found)) return found;
      return ok({ wasOpen: found.file.accountingSession !== null }, [
        writes.file(input.entityId, input.fileId).set(['accountingSession'], null),
      ]);
    },
  }),
  defineAction({
    name: 'set-journal-lock',
    description: 'Lock (read-only) or open a journal',
    input: FileInput.extend({ journal: z.string().min(1), locked: z.boolean() }),
    run(state, input) {
      const found = findFile(state, input);
      if (isResult(found)) return found;
      if (!Object.hasOwn(found.file.journals, input.journal)) return notFound(`No journal ${input.journal}`);
      return ok({ journal: input.journal, locked: input.locked }, [
        writes.file(input.entityId, input.fileId).set(['journals', input.journal, 'locked'], input.locked),
      ]);
    },
  }),
  defineAction({
    name: 'set-fiscal-year',
    description:
      'Open, close or create a fiscal year (Year Menu > Fiscal Year Period), and name the journals closed in it; the Marketplace sees it after "resync-fiscal-years"',
    input: FileInput.extend({
      fiscalYearId: z.string().min(1).refine(isStorableKey, RESERVED_KEY_MESSAGE),
      ...FiscalYearActionInput.shape,
    }),
    run(state, input) {
      const found = findFile(state, input);
      if (isResult(found)) return found;
      const unknown = unknownJournals(found.file, input.closedJournals);
      if (unknown) return unknown;
      const existing = own(found.file.fiscalYears, input.fiscalYearId);
      const fiscalYear = setFiscalYear(input.fiscalYearId, existing, input);
      if ('ok' in fiscalYear) return fiscalYear;
      return ok(fiscalYear, [
        writes.file(input.entityId, input.fileId).set(['fiscalYears', input.fiscalYearId], fiscalYear),
      ]);
    },
  }),
  defineAction({
    name: 'set-fiscal-year-journals',
    description:
      'Close or open journals (all of the file\'s when none named) in one fiscal year only; the Marketplace sees it after "resync-fiscal-years"',
    input: FileInput.extend({
      fiscalYearId: z.string().min(1),
      journals: z.array(z.string().min(1)).min(1).optional(),
      locked: z.boolean(),
    }),
    run(state, input) {
      const found = findFile(state, input);
      if (isResult(found)) return found;
      const fy = Object.hasOwn(found.file.fiscalYears, input.fiscalYearId)
        ? found.file.fiscalYears[input.fiscalYearId]!
        : undefined;
      if (!fy) return notFound(`No fiscal year ${input.fiscalYearId}`);
      const named = input.journals ?? Object.keys(found.file.journals);
      const unknown = unknownJournals(found.file, named);
      if (unknown) return unknown;
      const before = new Set(fy.closedJournals ?? []);
      for (const code of named) input.locked ? before.add(code) : before.delete(code);
      const closedJournals = [...before].sort();
      return ok({ fiscalYearId: fy.id, closedJournals }, [
        writes.file(input.entityId, input.fileId).set(['fiscalYears', fy.id], { ...fy, closedJournals }),
      ]);
    },
  }),
  defineAction({
    name: 'delete-fiscal-year',
    description:
      'Delete a fiscal year that holds no posted entry (Year Menu): its dates fall in no fiscal year of GE, so no journal is open for them (error 1); the Marketplace sees it after "resync-fiscal-years"',
    input: FileInput.extend({ fiscalYearId: z.string().min(1) }),
    run(state, input) {
      const found = findFile(state, input);
      if (isResult(found)) return found;
      const fy = Object.hasOwn(found.file.fiscalYears, input.fiscalYearId)
        ? found.file.fiscalYears[input.fiscalYearId]!
        : undefined;
      if (!fy) return notFound(`No fiscal year ${input.fiscalYearId}`);
      // GE keeps a year its entries were booked in (simulator's own choice of guard).
      const booked = Object.values(found.file.entries).some(
        (e) => e.status === 'injected' && covers(fy, e.request.postingDate),
      );
      if (booked) return { ok: false, status: 409, message: `The fiscal year ${input.fiscalYearId} holds entries` };
      return ok({ deleted: input.fiscalYearId }, [
        writes.file(input.entityId, input.fileId).del(['fiscalYears', input.fiscalYearId]),
      ]);
    },
  }),
  defineAction({
    name: 'resync-fiscal-years',
    description: 'Click "Resynchronize fiscal years" on the file\'s Marketplace screen',
    input: FileInput,
    run(state, input, now) {
      const found = findFile(state, input);
      if (isResult(found)) return found;
      return ok({ fiscalYears: Object.keys(found.file.fiscalYears) }, resyncChanges(found.entity, found.file, now));
    },
  }),
  defineAction({
    name: 'set-import-cursor-lock',
    description: 'Lock or unlock months in Utilities > Import Cursor Settings > Lock tab',
    input: FileInput.extend({
      periods: z.array(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')).min(1),
      locked: z.boolean(),
    }),
    run(state, input) {
      const found = findFile(state, input);
      if (isResult(found)) return found;
      const changes: Change[] = input.periods.map((p) =>
        input.locked
          ? writes.file(input.entityId, input.fileId).set(['importCursorLocks', p], true)
          : writes.file(input.entityId, input.fileId).del(['importCursorLocks', p]),
      );
      return ok({ periods: input.periods, locked: input.locked }, changes);
    },
  }),
  defineAction({
    name: 'set-marketplace',
    description: 'Activate or deactivate "Regate / Qonto" in the Marketplace of the entity (no fileId) or of one file',
    input: z
      .object({ entityId: z.string().min(1), fileId: z.string().min(1).optional(), active: z.boolean() })
      .strict(), // no fileId: the entity's Marketplace
    run(state, input, now) {
      if (!input.fileId) {
        const entity = findEntity(state, input.entityId);
        if (isResult(entity)) return entity;
        return ok({ entity: entity.id, active: input.active }, [
          writes.entity(entity.id).set(['connectorActive'], input.active),
        ]);
      }
      const found = findFile(state, { entityId: input.entityId, fileId: input.fileId });
      if (isResult(found)) return found;
      const changes = [writes.file(input.entityId, input.fileId).set(['connectorActive'], input.active)];
      // Activation synchronizes the fiscal years when the Marketplace never has.
      if (input.active && found.file.marketplaceFiscalYears.at === null)
        changes.push(...resyncChanges(found.entity, found.file, now));
      return ok({ file: input.fileId, active: input.active }, changes);
    },
  }),
  defineAction({
    // SGE-BULK-ACTIVATION
    name: 'bulk-activate',
    description: 'Multi-file Marketplace: select files (all when fileIds is absent) and click Activate Files',
    input: EntityInput.extend({ fileIds: z.array(z.string().min(1)).optional() }),
    run(state, input, now) {
      const entity = findEntity(state, input.entityId, input.fileId);
      if (isResult(entity)) return entity;
      const ids = input.fileIds ?? Object.keys(entity.files);
      const missing = ids.filter((id) => !Object.hasOwn(entity.files, id));
      if (missing.length) return notFound(`No file ${missing.join(', ')} in entity ${entity.id}`);
      const changes: Change[] = [];
      for (const id of ids) {
        const file = entity.files[id]!;
        changes.push(writes.file(entity.id, id).set(['connectorActive'], true));
        if (file.marketplaceFiscalYears.at === null) changes.push(...resyncChanges(entity, file, now));
      }
      return ok({ activated: ids }, changes);
    },
  }),
  defineAction({
    name: 'set-api-rights',
    description: "Sign (or withdraw) the API usage right with Sage's sales department",
    input: EntityInput.extend({ granted: z.boolean() }),
    run(state, input) {
      const entity = findEntity(state, input.entityId, input.fileId);
      if (isResult(entity)) return entity;
      return ok({ apiRights: input.granted }, [writes.entity(entity.id).set(['apiRights'], input.granted)]);
    },
  }),
  defineAction({
    name: 'expire-admin-certificate',
    description: 'The GE Connector security certificate of the reference administrator expires now',
    input: EntityInput,
    run(state, input, now) {
      const entity = findEntity(state, input.entityId, input.fileId);
      if (isResult(entity)) return entity;
      return ok({ certificateExpiresAt: now.toISOString() }, [
        writes.entity(entity.id).set(['referenceAdministrator', 'certificateExpiresAt'], now.toISOString()),
      ]);
    },
  }),
  defineAction({
    name: 'reauthenticate-admin',
    description:
      'Processes > GE Connector > Reference Administrator > Authenticate Reference Administrator Account (a new certificate, valid one year)',
    input: EntityInput,
    run(state, input, now) {
      const entity = findEntity(state, input.entityId, input.fileId);
      if (isResult(entity)) return entity;
      const expires = new Date(now.getTime() + 365 * 86_400_000).toISOString();
      return ok({ certificateExpiresAt: expires }, [
        writes.entity(entity.id).set(['referenceAdministrator', 'certificateExpiresAt'], expires),
      ]);
    },
  }),
  defineAction({
    name: 'set-analytics',
    description: 'Require analytics on imported entries (errors 2 and 3), or allow entries without analytical data',
    input: FileInput.extend({
      required: z.boolean(),
      axes: z.array(z.string().min(1)).optional(),
      missing: z.enum(['axis', 'allocation']).optional(),
    }),
    run(state, input) {
      const found = findFile(state, input);
      if (isResult(found)) return found;
      const analytics = {
        required: input.required,
        axes: input.axes ?? found.file.analytics.axes,
        missing: input.missing ?? found.file.analytics.missing,
      };
      return ok(analytics, [writes.file(input.entityId, input.fileId).set(['analytics'], analytics)]);
    },
  }),
  defineAction({
    name: 'set-account-lock',
    description: 'Lock or unlock a general account (error 5)',
    input: FileInput.extend({ account: z.string().regex(/^\d+$/), locked: z.boolean() }),
    run(state, input) {
      const found = findFile(state, input);
      if (isResult(found)) return found;
      if (!found.file.accounts[input.account]) return notFound(`No account ${input.account}`);
      return ok({ account: input.account, locked: input.locked }, [
        writes.file(input.entityId, input.fileId).set(['accounts', input.account, 'locked'], input.locked),
      ]);
    },
  }),
  defineAction({
    name: 'rename-third-party',
    description:
      "Rename a third party in GE, as a user does by hand: the hub's next send of an entry for it updates it back",
    input: FileInput.extend({ code: z.string().min(1), name: z.string().min(1).max(100) }),
    run(state, input) {
      const found = findFile(state, input);
      if (isResult(found)) return found;
      if (!Object.hasOwn(found.file.thirdParties, input.code)) return notFound(`No third party ${input.code}`);
      return ok({ code: input.code, name: input.name }, [
        writes.file(input.entityId, input.fileId).set(['thirdParties', input.code, 'name'], input.name),
      ]);
    },
  }),
  defineAction({
    name: 'upsert-account',
    description:
      'Create a general account in the chart, or rename one (the "manually correct the label" remedy of an auto-created "Compte <number>"); the hub sees it at its next pull (weekly sync or "Refresh accounting data")',
    input: FileInput.extend({
      account: z.string().regex(/^\d{3,20}$/),
      label: z.string().min(1).max(100),
      collective: z.boolean().optional(),
    }),
    run(state, input) {
      const found = findFile(state, input);
      if (isResult(found)) return found;
      const existing = own(found.file.accounts, input.account);
      // A renamed account is no longer the connector's "Compte <number>": a person named it.
      const account: AccountState = {
        number: input.account,
        label: input.label,
        collective: input.collective ?? existing?.collective ?? false,
        locked: existing?.locked ?? false,
        autoCreated: false,
      };
      return ok(account, [writes.file(input.entityId, input.fileId).set(['accounts', input.account], account)]);
    },
  }),
  defineAction({
    name: 'upsert-subsidiary-account',
    description:
      'Create a subsidiary account under a collective account, or rename one, as a user does in GE; the hub sees it at its next pull',
    input: FileInput.extend({
      code: z.string().regex(/^[A-Za-z0-9]{1,17}$/),
      label: z.string().min(1).max(100),
      collectiveAccount: z
        .string()
        .regex(/^\d{3,20}$/)
        .optional(),
    }),
    run(state, input) {
      const found = findFile(state, input);
      if (isResult(found)) return found;
      const existing = own(found.file.subsidiaryAccounts, input.code);
      const collectiveAccount = input.collectiveAccount ?? existing?.collectiveAccount;
      if (!collectiveAccount) return notFound(`A new subsidiary account ${input.code} needs its collectiveAccount`);
      if (!Object.hasOwn(found.file.accounts, collectiveAccount)) return notFound(`No account ${collectiveAccount}`);
      const subsidiary = { code: input.code, label: input.label, collectiveAccount };
      return ok(subsidiary, [
        writes.file(input.entityId, input.fileId).set(['subsidiaryAccounts', input.code], subsidiary),
      ]);
    },
  }),
  defineAction({
    name: 'edit-entry',
    description:
      "Edit an entry in GE by hand: its comment (where the hub's #AAAAA# code is) or its document number (the hub's technical number when it sent no attachment), what seed 000 asks users not to do",
    input: FileInput.extend({
      entryId: z.string().min(1),
      comment: z.string().max(1000).optional(),
      documentNumber: z.string().max(40).optional(),
    }),
    run(state, input) {
      const found = findFile(state, input);
      if (isResult(found)) return found;
      const entry = own(found.file.entries, input.entryId);
      if (!entry) return notFound(`No entry ${input.entryId} in file ${input.fileId}`);
      const edited = editEntry(entry, { comment: input.comment, documentNumber: input.documentNumber });
      return ok(toEntryStatus(edited), [writes.file(input.entityId, input.fileId).set(['entries', entry.id], edited)]);
    },
  }),
  defineAction({
    name: 'inject-other-error',
    description:
      "The next N injected entries fail with one of error 9's messages (0 Object reference not set, 1 String or binary data would be truncated, 2 Record not found, 3 The document is not settled)",
    input: FileInput.extend({
      variant: z.number().int().min(0).max(3),
      count: z.number().int().min(1).max(10_000).default(1),
    }),
    run(state, input) {
      const found = findFile(state, input);
      if (isResult(found)) return found;
      const pending = { variant: input.variant, remaining: input.count };
      return ok(pending, [writes.file(input.entityId, input.fileId).set(['pendingOtherErrors'], pending)]);
    },
  }),
];
