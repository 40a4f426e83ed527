import { own } from '../../../core/own.js';
import { z } from 'zod';
import { IsoDateSchema } from '../../../contracts/common/primitives.js';
import { DossierCodeSchema } from '../../../contracts/quadra/wire.js';
import { conflict, defineAction, notFound, ok, type ActionResult, type VendorAction } from '../../kit/actions.js';
import type { Change } from '../../../core/changes.js';
import type { SeededRandom } from '../../../core/random.js';
import { openDossier } from '../domain/imports.js';
import { journalCodeOf } from '../domain/journal-code.js';
import { buildDossier } from '../seed/builders.js';
import { writes, type AccountState, type DossierState, type FirmState, type QuadraState } from '../state/schema.js';

/**
 * What a person does in Cegid Life or in Quadra, as admin actions under `/__admin/actions/<name>`.
 * Each one names the seed step it stands for.
 */

const FirmInput = z.object({ sicCode: z.string().min(1) }).strict();
const DossierInput = FirmInput.extend({ dossier: DossierCodeSchema }).strict();
type DossierInputT = z.infer<typeof DossierInput>;

function findFirm(state: QuadraState, sicCode: string): FirmState | ActionResult {
  const firm = own(state.tenants, sicCode);
  return firm ?? notFound(`No firm with SIC code ${sicCode}`);
}
function findDossier(
  state: QuadraState,
  input: DossierInputT,
): { firm: FirmState; dossier: DossierState } | ActionResult {
  const firm = findFirm(state, input.sicCode);
  if (isResult(firm)) return firm;
  const dossier = own(firm.dossiers, input.dossier);
  return dossier ? { firm, dossier } : notFound(`No dossier ${input.dossier} for SIC code ${input.sicCode}`);
}
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

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** The actions; key regeneration draws from the simulator's seeded generator. */
export function quadraActions(random: SeededRandom): VendorAction<QuadraState>[] {
  return [
    defineAction({
      name: 'open-dossier',
      description:
        'Open the dossier in Quadra: the files waiting in its CFE container are imported, visible after the import delay (QDR-IMPORT-ON-OPEN)',
      input: DossierInput,
      run(state, input, now) {
        const found = findDossier(state, input);
        if (isResult(found)) return found;
        const result = openDossier(found.firm, found.dossier, now);
        if (!result.ok) return conflict(result.rejection.id);
        // A live clock wakes when the imported entries are due to show.
        return ok(
          result.value,
          result.changes,
          result.value.imported.map((imp) => Date.parse(imp.visibleAt)),
        );
      },
    }),
    defineAction({
      name: 'set-import-delay',
      description: 'How many minutes after the opening the imported entries appear ("a few minutes")',
      input: once('set-import-delay', () =>
        DossierInput.extend({
          minutes: z
            .number()
            .int()
            .min(0)
            .max(24 * 60),
        }),
      ),
      run(state, input) {
        const found = findDossier(state, input);
        if (isResult(found)) return found;
        return ok({ importDelayMinutes: input.minutes }, [
          writes.dossier(input.sicCode, input.dossier).set(['importDelayMinutes'], input.minutes),
        ]);
      },
    }),
    defineAction({
      name: 'set-portal-access',
      description: "Grant or revoke the firm's access to the Cegid Collaborative Portal (QDR-CPA-NO-PORTAL)",
      input: once('set-portal-access', () => FirmInput.extend({ granted: z.boolean() })),
      run(state, input) {
        const firm = findFirm(state, input.sicCode);
        if (isResult(firm)) return firm;
        return ok({ portalAccess: input.granted }, [writes.firm(firm.sicCode).set(['portalAccess'], input.granted)]);
      },
    }),
    defineAction({
      name: 'regenerate-cpa-key',
      description:
        'Generate a new CPA API key and secret in Cegid Life (shown once); tokens of the old key stop working (QDR-CPA-AUTH for the old key)',
      input: FirmInput,
      run(state, input) {
        const firm = findFirm(state, input.sicCode);
        if (isResult(firm)) return firm;
        const cpa = { key: `CPA-${random.string(24, KEY_ALPHABET)}`, secret: random.string(40, KEY_ALPHABET) };
        return ok(cpa, [writes.firm(firm.sicCode).set(['cpa'], cpa)]);
      },
    }),
    defineAction({
      name: 'regenerate-cfe-key',
      description:
        'Generate a new CFE API key and secret in Cegid Life (Administration > User Management > API Keys); Quadra\'s settings keep the old key until "update-quadra-settings" (QDR-CONTAINER-NOT-FOUND)',
      input: FirmInput,
      run(state, input) {
        const firm = findFirm(state, input.sicCode);
        if (isResult(firm)) return firm;
        const cfe = {
          key: `CFE-${random.string(24, KEY_ALPHABET)}`,
          secret: random.string(40, KEY_ALPHABET),
          activated: firm.cfe.activated,
        };
        return ok({ key: cfe.key, secret: cfe.secret }, [writes.firm(firm.sicCode).set(['cfe'], cfe)]);
      },
    }),
    defineAction({
      name: 'validate-cfe-activation',
      description:
        'The last step of the CFE procedure in the Quadra guide: validate (or undo) the activation of the CFE key (QDR-CFE-NOT-ACTIVATED)',
      input: once('validate-cfe-activation', () => FirmInput.extend({ activated: z.boolean().default(true) })),
      run(state, input) {
        const firm = findFirm(state, input.sicCode);
        if (isResult(firm)) return firm;
        return ok({ activated: input.activated }, [
          writes.firm(firm.sicCode).set(['cfe', 'activated'], input.activated),
        ]);
      },
    }),
    defineAction({
      name: 'update-quadra-settings',
      description:
        'Enter the CFE key in Quadra (Tools > API Keys > Cegid File Exchange) for one dossier or all of them; by default the key now in Cegid Life (QDR-CONTAINER-NOT-FOUND remedy)',
      input: once('update-quadra-settings', () =>
        FirmInput.extend({
          dossier: DossierCodeSchema.optional(),
          cfeKey: z.string().min(1).nullable().optional(),
        }),
      ),
      run(state, input) {
        const firm = findFirm(state, input.sicCode);
        if (isResult(firm)) return firm;
        const codes = input.dossier ? [input.dossier] : Object.keys(firm.dossiers);
        const missing = codes.filter((code) => !Object.hasOwn(firm.dossiers, code));
        if (missing.length) return notFound(`No dossier ${missing.join(', ')} for SIC code ${firm.sicCode}`);
        const key = input.cfeKey === undefined ? firm.cfe.key : input.cfeKey;
        return ok(
          { dossiers: codes, cfeKeyInSettings: key },
          codes.map((code) => writes.dossier(firm.sicCode, code).set(['cfeKeyInSettings'], key)),
        );
      },
    }),
    defineAction({
      name: 'create-dossier',
      description:
        'Create a new dossier in Quadra (this year\'s period open, the PCG chart, the journals open): the firm\'s four codes serve it as they are (seed 003, "valid for all your current and future files")',
      input: once('create-dossier', () =>
        FirmInput.extend({ dossier: DossierCodeSchema, name: z.string().min(1).max(60).optional() }),
      ),
      run(state, input, now) {
        const firm = findFirm(state, input.sicCode);
        if (isResult(firm)) return firm;
        if (Object.hasOwn(firm.dossiers, input.dossier)) return conflict(`The dossier ${input.dossier} exists`);
        // Own choice: Quadra's settings hold one CFE key for the installation, the one its other dossiers record.
        const cfeKey = Object.values(firm.dossiers)[0]?.cfeKeyInSettings ?? null;
        const dossier = buildDossier(input.dossier, now.getUTCFullYear(), cfeKey, {
          ...(input.name ? { name: input.name } : {}),
        });
        return ok({ dossier: dossier.code, cfeKeyInSettings: cfeKey }, [
          writes.firm(firm.sicCode).set(['dossiers', dossier.code], dossier),
        ]);
      },
    }),
    defineAction({
      name: 'open-period',
      description:
        'Create and open an accounting period (Period Management); the previous period must be closed first (QDR-PERIOD-NOT-OPEN)',
      input: once('open-period', () =>
        DossierInput.extend({
          start: IsoDateSchema,
          end: IsoDateSchema,
          id: z.string().min(1).max(40).optional(),
        }),
      ),
      run(state, input) {
        const found = findDossier(state, input);
        if (isResult(found)) return found;
        if (input.end < input.start) return { ok: false, status: 400, message: 'A period ends after it starts' };
        const periods = Object.values(found.dossier.periods);
        const stillOpen = periods.find((p) => p.status === 'open' && p.start < input.start);
        if (stillOpen)
          return conflict(
            `Close the previous period ${stillOpen.id} (${stillOpen.start} to ${stillOpen.end}) before opening a new one`,
          );
        const overlap = periods.find((p) => p.start <= input.end && input.start <= p.end && p.id !== input.id);
        if (overlap) return conflict(`The period overlaps ${overlap.id} (${overlap.start} to ${overlap.end})`);
        const id = input.id ?? `EX${input.start.slice(0, 4)}`;
        const period = { id, start: input.start, end: input.end, status: 'open' as const };
        return ok(period, [writes.dossier(input.sicCode, input.dossier).set(['periods', id], period)]);
      },
    }),
    defineAction({
      name: 'close-period',
      description: 'Close an accounting period: entries dated in it are refused from then on',
      input: once('close-period', () => DossierInput.extend({ periodId: z.string().min(1) })),
      run(state, input) {
        const found = findDossier(state, input);
        if (isResult(found)) return found;
        const period = own(found.dossier.periods, input.periodId);
        if (!period) return notFound(`No period ${input.periodId} in dossier ${input.dossier}`);
        return ok({ ...period, status: 'closed' }, [
          writes.dossier(input.sicCode, input.dossier).set(['periods', input.periodId, 'status'], 'closed'),
        ]);
      },
    }),
    defineAction({
      name: 'set-journal-status',
      description: 'Open (creating it if needed) or lock a journal (QDR-INCOMPLETE-FILE when none is open)',
      input: once('set-journal-status', () =>
        DossierInput.extend({
          journal: z.string().regex(/^[A-Za-z0-9]{1,3}$/),
          status: z.enum(['open', 'locked']),
          label: z.string().max(30).optional(),
        }),
      ),
      run(state, input) {
        const found = findDossier(state, input);
        if (isResult(found)) return found;
        const existing = own(found.dossier.journals, input.journal);
        if (!existing && input.status === 'locked')
          return notFound(`No journal ${input.journal} in dossier ${input.dossier}`);
        const journal = {
          code: input.journal,
          label: input.label ?? existing?.label ?? input.journal,
          status: input.status,
        };
        return ok(journal, [writes.dossier(input.sicCode, input.dossier).set(['journals', input.journal], journal)]);
      },
    }),
    defineAction({
      name: 'upsert-account',
      description: 'Create an account in the chart, or complete its label (the QDR-NO-LABELS remedy)',
      input: once('upsert-account', () =>
        DossierInput.extend({
          number: z.string().regex(/^[0-9A-Za-z-]{1,8}$/, 'at most 8 letters, digits or "-" (as an import takes them)'),
          label: z.string().max(30),
          type: z.enum(['G', 'C', 'F']).optional(),
          collective: z
            .string()
            .regex(/^[0-9]{0,8}$/)
            .optional(),
        }),
      ),
      run(state, input) {
        const found = findDossier(state, input);
        if (isResult(found)) return found;
        const existing = own(found.dossier.accounts, input.number);
        const account: AccountState = {
          number: input.number,
          type: input.type ?? existing?.type ?? 'G',
          label: input.label,
          collective: input.collective ?? existing?.collective ?? '',
          ...(existing?.alphaKey ? { alphaKey: existing.alphaKey } : {}),
          autoCreated: false,
        };
        return ok(account, [writes.dossier(input.sicCode, input.dossier).set(['accounts', input.number], account)]);
      },
    }),
    defineAction({
      name: 'delete-account',
      description: 'Remove an account from the chart (to make it incomplete: QDR-INCOMPLETE-FILE)',
      input: once('delete-account', () => DossierInput.extend({ number: z.string().min(1).max(8) })),
      run(state, input) {
        const found = findDossier(state, input);
        if (isResult(found)) return found;
        if (!Object.hasOwn(found.dossier.accounts, input.number))
          return notFound(`No account ${input.number} in dossier ${input.dossier}`);
        const changes: Change[] = [writes.dossier(input.sicCode, input.dossier).del(['accounts', input.number])];
        return ok({ deleted: input.number }, changes);
      },
    }),
    defineAction({
      name: 'delete-entries',
      description:
        'Delete imported entries in Quadra, as a person does in the entry screen: every line of the journal, on that date or with that piece number when given (an entry the hub sent then stays "not found")',
      input: once('delete-entries', () =>
        DossierInput.extend({
          journal: z.string().min(1).max(3),
          date: IsoDateSchema.optional(),
          piece: z.string().min(1).max(10).optional(),
        }),
      ),
      run(state, input) {
        const found = findDossier(state, input);
        if (isResult(found)) return found;
        const doomed = Object.entries(found.dossier.entries).filter(
          ([, entry]) =>
            journalCodeOf(entry.record) === input.journal &&
            (input.date === undefined || entry.record.date === input.date) &&
            (input.piece === undefined ||
              [entry.record.pieceNumber, entry.record.pieceNumber8, entry.record.pieceNumber5].some(
                (p) => p.trim() === input.piece,
              )),
        );
        if (doomed.length === 0)
          return notFound(
            `No imported entry in journal ${input.journal} of dossier ${input.dossier}${input.date ? ` on ${input.date}` : ''}${input.piece ? ` with piece number ${input.piece}` : ''}`,
          );
        return ok(
          { deletedLines: doomed.length },
          doomed.map(([key]) => writes.dossier(input.sicCode, input.dossier).del(['entries', key])),
        );
      },
    }),
  ];
}
