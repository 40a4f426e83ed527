import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../core/clock.js';
import { VENDORS } from '../../vendors/index.js';

/**
 * A vendor action naming something that does not exist (a file, a journal, a collaborator, a
 * folder) is refused, 404 in the admin error shape, naming it, and changes nothing: an outside
 * tester's `set-collaborator-access` for a made-up collaborator was accepted and did nothing.
 *
 * Every string field of every action's input is classified here, as naming something that must
 * exist (`names`) or as a value the action sets or creates (`sets`): a new action or field fails
 * the completeness test until it is classified. The fields that name the tenant and its file (the
 * vendor adapter's `actionTarget`) are names wherever an action takes them.
 */
interface ActionCase {
  /** A valid input on the `healthy` preset's tenant, besides the tenant and file ids. */
  base: Record<string, unknown>;
  names?: string[];
  sets?: string[];
  /** A made-up value that passes the field's own pattern (default: `NOPE9`, or `['NOPE9']` for a list). */
  madeUp?: Record<string, unknown>;
  /** Why the base input cannot be accepted on the preset (what it needs comes only through the API). */
  noBase?: string;
}

const CASES: Record<string, Record<string, ActionCase>> = {
  'sage-ge': {
    'open-accounting': { base: {} },
    'close-accounting': { base: {} },
    'set-journal-lock': { base: { journal: 'AC', locked: true }, names: ['journal'] },
    'set-fiscal-year': {
      base: { fiscalYearId: 'FY2026', status: 'open', closedJournals: ['AC'] },
      names: ['closedJournals'],
      sets: ['fiscalYearId', 'start', 'end'],
    },
    'set-fiscal-year-journals': {
      base: { fiscalYearId: 'FY2025', journals: ['AC'], locked: true },
      names: ['fiscalYearId', 'journals'],
    },
    'delete-fiscal-year': { base: { fiscalYearId: 'FY2025' }, names: ['fiscalYearId'] },
    'resync-fiscal-years': { base: {} },
    'set-import-cursor-lock': { base: { periods: ['2026-01'], locked: true }, sets: ['periods'] },
    'set-marketplace': { base: { active: false } },
    'bulk-activate': { base: { fileIds: ['F1'] }, names: ['fileIds'] },
    'set-api-rights': { base: { granted: false } },
    'expire-admin-certificate': { base: {} },
    'reauthenticate-admin': { base: {} },
    'set-analytics': { base: { required: true, axes: ['AX1'] }, sets: ['axes'] },
    'set-account-lock': {
      base: { account: '606400', locked: true },
      names: ['account'],
      madeUp: { account: '999999' },
    },
    'rename-third-party': {
      base: { code: 'FOUR1', name: 'Nouveau nom' },
      names: ['code'],
      sets: ['name'],
      noBase: 'third parties come with the entries pushed through the API (actions.test.ts renames one)',
    },
    'upsert-account': { base: { account: '622700', label: 'Frais' }, sets: ['account', 'label'] },
    'upsert-subsidiary-account': {
      base: { code: 'FOUR1', label: 'Fournisseur 1', collectiveAccount: '401000' },
      names: ['collectiveAccount'],
      sets: ['code', 'label'],
      madeUp: { collectiveAccount: '999999' },
    },
    'edit-entry': {
      base: { entryId: 'ENT-000001', comment: 'x' },
      names: ['entryId'],
      sets: ['comment', 'documentNumber'],
      noBase: 'entries come only through the API (actions.test.ts edits one)',
    },
    'inject-other-error': { base: { variant: 1 } },
  },
  quadra: {
    'open-dossier': { base: {} },
    'set-import-delay': { base: { minutes: 1 } },
    'set-portal-access': { base: { granted: false } },
    'regenerate-cpa-key': { base: {} },
    'regenerate-cfe-key': { base: {} },
    'validate-cfe-activation': { base: {} },
    'update-quadra-settings': { base: { cfeKey: 'CFE-OTHER' }, sets: ['cfeKey'] },
    'create-dossier': { base: { dossier: 'D2', name: 'Nouveau' }, sets: ['dossier', 'name'] },
    'open-period': {
      base: { start: '2020-01-01', end: '2020-12-31', id: 'EX2020' },
      sets: ['start', 'end', 'id'],
    },
    'close-period': { base: { periodId: 'EX2026' }, names: ['periodId'] },
    'set-journal-status': { base: { journal: 'AC', status: 'locked' }, names: [], sets: ['journal', 'label'] },
    'upsert-account': {
      base: { number: '40100001', label: 'Fournisseur 1', type: 'F', collective: '40100000' },
      // The collective is recorded as given, as an import's M record's is (imports-publish.test.ts).
      sets: ['number', 'label', 'collective'],
    },
    'delete-account': { base: { number: '60640000' }, names: ['number'], madeUp: { number: '99999999' } },
    'delete-entries': {
      base: { journal: 'AC' },
      names: ['journal'],
      sets: ['date', 'piece'],
      madeUp: { journal: 'ZZ9' },
      noBase: 'entries come only through a CFE import (actions.test.ts deletes some)',
    },
  },
  loop: {
    'generate-api-key': {
      base: { name: 'AUTRE', folders: ['F1'], collaborateur: 'autre@cabinet' },
      names: ['folders'],
      sets: ['name', 'collaborateur'],
    },
    'revoke-api-key': { base: { key: 'KEYQONTOSCENARIO000000001' }, names: ['key'] },
    'associate-folders': { base: { key: 'KEYQONTOSCENARIO000000001', folders: ['F1'] }, names: ['key', 'folders'] },
    'dissociate-folders': { base: { key: 'KEYQONTOSCENARIO000000001', folders: ['F1'] }, names: ['key', 'folders'] },
    'set-folder-archived': { base: { archived: true } },
    'set-connector': { base: { active: false, connector: 'Qonto' }, names: ['connector'] },
    'set-connector-label': { base: { label: 'Regate by Qonto' } },
    'set-collaborator-access': { base: { collaborator: 'api.qonto@cabinet', access: false }, names: ['collaborator'] },
    'set-fiscal-year': {
      base: { fiscalYearId: '2026', status: 'open', closedJournals: ['AC'] },
      names: ['closedJournals'],
      sets: ['fiscalYearId', 'start', 'end'],
    },
    'set-journal': { base: { journal: 'AC', ferme: true }, names: ['journal'] },
    'upsert-compte': { base: { numero: '622700', libelle: 'Frais' }, sets: ['numero', 'libelle'] },
    'upsert-tiers': { base: { code: 'FOUR1', name: 'Fournisseur 1' }, sets: ['code', 'name'] },
    'set-import-delay': { base: { delay: '5m' }, sets: ['delay'] },
  },
};

const ORIGIN = 'http://127.0.0.1';
const TENANT = 'T1';
const NOW = '2026-03-16T09:00:00.000Z';
type Json = Record<string, any>;

/** A property that holds a name or a free text (a string, or a list of them), not an enum. */
const isText = (schema: Json): boolean =>
  (schema.type === 'string' && !schema.enum) ||
  (schema.type === 'array' && isText(schema.items ?? {})) ||
  (schema.anyOf ?? []).some((branch: Json) => isText(branch));

async function world(vendorId: string) {
  const vendor = VENDORS.get(vendorId as never);
  const clock = createVirtualClock({ start: NOW });
  const sim = vendor.simulator.create({ clock, initialState: 'empty' });
  const tenant = vendor.testing.presets.healthy!(TENANT, new Date(NOW)) as never;
  const put = await sim.app.request(`${ORIGIN}/__admin/tenants/${TENANT}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(tenant),
  });
  expect(put.status, await put.clone().text()).toBeLessThan(300);
  const target = vendor.testing.actionTarget(TENANT, vendor.testing.fileId(tenant));
  const send = (action: string, body: unknown) =>
    sim.app.request(`${ORIGIN}/__admin/actions/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const listing = (await (await sim.app.request(`${ORIGIN}/__admin/actions`)).json()) as {
    actions: { name: string; input: Json }[];
  };
  return { sim, target, send, actions: listing.actions };
}

describe('vendor actions naming something that does not exist', () => {
  for (const vendorId of Object.keys(CASES)) {
    const cases = CASES[vendorId]!;

    it(`${vendorId}: every action and every text field of its input is classified`, async () => {
      const { actions, target } = await world(vendorId);
      expect(Object.keys(cases).sort()).toEqual(actions.map((a) => a.name).sort());
      for (const action of actions) {
        const c = cases[action.name]!;
        const texts = Object.entries(action.input.properties ?? {})
          .filter(([, schema]) => isText(schema as Json))
          .map(([key]) => key)
          .sort();
        const classified = [...(c.names ?? []), ...(c.sets ?? []), ...Object.keys(target)].filter((k) =>
          Object.hasOwn(action.input.properties ?? {}, k),
        );
        expect([...new Set(classified)].sort(), action.name).toEqual(texts);
      }
    });

    for (const [action, c] of Object.entries(cases)) {
      it(`${vendorId} ${action}: each name made up is refused (404, nothing changed); the real ones are accepted`, async () => {
        const { sim, target, send, actions } = await world(vendorId);
        const properties = actions.find((a) => a.name === action)!.input.properties as Json;
        const base = {
          ...Object.fromEntries(Object.entries(target).filter(([k]) => Object.hasOwn(properties, k))),
          ...c.base,
        };
        // A target key the action creates (Quadra's create-dossier) is one it sets.
        const targets = Object.keys(target).filter((k) => Object.hasOwn(properties, k) && !c.sets?.includes(k));
        const names = [...targets, ...(c.names ?? [])];
        for (const field of names) {
          const madeUp = c.madeUp?.[field] ?? (properties[field]?.type === 'array' ? ['NOPE9'] : 'NOPE9');
          const before = JSON.stringify(sim.store.data);
          const res = await send(action, { ...base, [field]: madeUp });
          const body = (await res.json()) as Json;
          expect({ field, status: res.status, error: body.error }).toEqual({
            field,
            status: 404,
            error: 'not-found',
          });
          expect(body.message, `${action} ${field}`).toContain(String(Array.isArray(madeUp) ? madeUp[0] : madeUp));
          expect(JSON.stringify(sim.store.data), `${action} ${field} changed the state`).toBe(before);
        }
        if (c.noBase) return;
        const res = await send(action, base);
        expect(res.status, `${action} ${JSON.stringify(base)}: ${await res.clone().text()}`).toBe(200);
      });
    }
  }
});
