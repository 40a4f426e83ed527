import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  CompteSchema,
  ECRITURE_COMPTABLE_MAX,
  EcritureComptableSchema,
  JournalSchema,
  ListQuerySchema,
  LOOP_API,
  SectionSchema,
  TIERS_TYPES,
  TiersSchema,
} from '../../../contracts/loop/wire.js';
import type { SimulatorKit } from '../../kit/simulator-kit.js';
import { fail } from '../../kit/vendor-error.js';
import { applyListQuery } from '../domain/query.js';
import { ecritureFilterRequired } from '../rules/index.js';
import type { FolderState } from '../state/schema.js';
import { resolveFolder, type LoopRouteDeps } from './access.js';
import { errorResponses, json, loopHook, security } from './openapi-helpers.js';
import { declareRoute } from '../../kit/route.js';

interface ListRoute {
  path: string;
  summary: string;
  schema: z.ZodObject;
  /** The folder's records, in Loop's natural order. */
  rows(folder: FolderState): object[];
  maxTake?: number;
  /** The route's own precondition on the parsed filter (EcritureComptable's mandatory filter). */
  requireFilter?: boolean;
}

const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a).localeCompare(key(b));
const tiersOfType = (type: number) => (folder: FolderState) =>
  Object.values(folder.tiers)
    .filter((t) => t.type === type)
    .sort(byKey((t) => t.code));

/** The reference-data routes the hub pulls for each associated folder (LOOP-REFDATA-PULL). Bare JSON arrays, as Section.html shows. */
const LIST_ROUTES: readonly ListRoute[] = [
  {
    path: 'compte',
    summary: 'The general chart of accounts (Compte.html)',
    schema: CompteSchema,
    rows: (f) => Object.values(f.comptes).sort(byKey((a) => a.numero)),
  },
  {
    path: 'journal',
    summary: 'The journals; type 1 Achat … 8 Vente (Journal.html)',
    schema: JournalSchema,
    rows: (f) => Object.values(f.journaux).sort(byKey((j) => j.code)),
  },
  {
    path: 'tiersClient',
    summary: 'Customer third parties, type 0 (tiersClient.html)',
    schema: TiersSchema,
    rows: tiersOfType(TIERS_TYPES.client),
  },
  {
    path: 'tiersFournisseur',
    summary: 'Supplier third parties, type 1 (route name inferred by analogy)',
    schema: TiersSchema,
    rows: tiersOfType(TIERS_TYPES.fournisseur),
  },
  {
    path: 'tiersSalarie',
    summary: 'Employee third parties, type 2 (tiersSalarie.html)',
    schema: TiersSchema,
    rows: tiersOfType(TIERS_TYPES.salarie),
  },
  {
    path: 'tiersDivers',
    summary: 'Miscellaneous third parties, type 4 (tiersDivers.html)',
    schema: TiersSchema,
    rows: tiersOfType(TIERS_TYPES.divers),
  },
  {
    path: 'section',
    summary: 'Analytic sections (Section.html)',
    schema: SectionSchema,
    rows: (f) => Object.values(f.sections).sort(byKey((s) => s.code)),
  },
  {
    path: 'EcritureComptable',
    summary: `Entry lines: at most ${ECRITURE_COMPTABLE_MAX}, and a filter on codeLettrage or ecritureOrigine is mandatory (EcritureComptable.html)`,
    schema: EcritureComptableSchema,
    rows: (f) => Object.values(f.ecritures).sort((a, b) => a.numeroEcriture - b.numeroEcriture || a.ligne - b.ligne),
    maxTake: ECRITURE_COMPTABLE_MAX,
    requireFilter: true,
  },
];

export function referenceDataRoutes(kit: SimulatorKit, deps: LoopRouteDeps) {
  const router = kit.router();
  for (const route of LIST_ROUTES) {
    const fields = Object.keys(route.schema.shape);
    declareRoute(
      router,
      createRoute({
        method: 'get',
        path: `${LOOP_API}/${route.path}`,
        summary: route.summary,
        security,
        request: { query: ListQuerySchema },
        responses: {
          200: json(z.array(route.schema), 'The records (only the `select`ed fields when `select` is given)'),
          ...errorResponses,
        },
      }),
      (c) => {
        const query = c.req.valid('query');
        const resolved = resolveFolder(c, deps, query.codeDossier);
        const result = applyListQuery(route.rows(resolved.folder), query, { fields, maxTake: route.maxTake });
        if (!result.ok) return fail({ status: 400, code: result.error.code, message: result.error.message });
        const filtered = route.requireFilter ? ecritureFilterRequired(result.filter) : { ok: true as const };
        if (!filtered.ok) return fail(filtered.refusal);
        return c.json(result.rows, 200);
      },
      { hook: loopHook },
    );
  }
  return router;
}
