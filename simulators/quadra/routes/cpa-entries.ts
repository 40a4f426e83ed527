import { createRoute } from '@hono/zod-openapi';
import { EcrituresQuerySchema, GetEcrituresResponseSchema, QUADRA_OD_API } from '../../../contracts/quadra/wire.js';
import type { SimulatorKit } from '../../kit/simulator-kit.js';
import { journalCodeOf } from '../domain/journal-code.js';
import { toEcriture } from '../domain/read-model.js';
import { resolveDossier, type QuadraRouteDeps } from './access.js';
import { cpaErrors, cpaSecurity, json } from './openapi-helpers.js';
import { declareRoute } from '../../kit/route.js';

/**
 * `GetEcritures`: the entries visible in Quadra, for the hub's read-back 12 hours after sending
 * (QDR-READBACK-POSTED). An imported file's entries show only once the dossier was opened and
 * the import delay has run out (QDR-IMPORT-ON-OPEN). Method name: simulator's own choice.
 */
export function cpaEntriesRoutes(kit: SimulatorKit, deps: QuadraRouteDeps) {
  const router = kit.router();
  declareRoute(
    router,
    createRoute({
      method: 'post',
      path: `${QUADRA_OD_API}/GetEcritures`,
      summary: "The entry lines of a dossier, by journal and date range (method name: simulator's own choice)",
      security: cpaSecurity,
      request: { query: EcrituresQuerySchema },
      responses: { 200: json(GetEcrituresResponseSchema, 'Entry lines'), ...cpaErrors },
    }),
    (c) => {
      const query = c.req.valid('query');
      const resolved = resolveDossier(c, deps.store, query.dossier);
      const now = deps.clock.now().getTime();
      const ecritures = Object.values(resolved.dossier.entries)
        .filter((e) => Date.parse(e.visibleAt) <= now)
        .filter(
          (e) =>
            (!query.journal || journalCodeOf(e.record) === query.journal) &&
            (!query.du || e.record.date >= query.du) &&
            (!query.au || e.record.date <= query.au),
        )
        .sort((a, b) => a.id - b.id)
        .map(toEcriture);
      return c.json({ CodeDossier: resolved.dossier.code, Ecritures: ecritures }, 200);
    },
  );
  return router;
}
