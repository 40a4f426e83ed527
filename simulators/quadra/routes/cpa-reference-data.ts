import { createRoute } from '@hono/zod-openapi';
import type { z } from 'zod';
import {
  DossierQuerySchema,
  GetComptesResponseSchema,
  GetDossiersResponseSchema,
  GetExercicesResponseSchema,
  GetJournauxResponseSchema,
  QUADRA_OD_API,
} from '../../../contracts/quadra/wire.js';
import type { SimulatorKit } from '../../kit/simulator-kit.js';
import type { Context } from 'hono';
import { refuse, type KitEnv } from '../../kit/vendor-error.js';
import type { DossierState } from '../state/schema.js';
import { toCompte, toDossier, toExercices, toJournal } from '../domain/read-model.js';
import { incompleteFile, periodNotOpen } from '../rules/index.js';
import { currentFirm, resolveDossier, type QuadraRouteDeps } from './access.js';
import { cpaErrors, cpaSecurity, json } from './openapi-helpers.js';
import { declareRoute } from '../../kit/route.js';

/**
 * The CPA methods the hub pulls reference data with (method names: simulator's own choice).
 * `GetComptes` and `GetJournaux` check the dossier's prerequisites first: an open period
 * (QDR-PERIOD-NOT-OPEN), a complete chart and open journals (QDR-INCOMPLETE-FILE).
 */
/**
 * The dossier of a reference-data read, once the hub's prerequisites hold: an open period
 * (QDR-PERIOD-NOT-OPEN), a complete chart and open journals (QDR-INCOMPLETE-FILE).
 */
function readyDossier(c: Context<KitEnv>, deps: QuadraRouteDeps, code: string): DossierState {
  const resolved = resolveDossier(c, deps.store, code);
  for (const rule of [periodNotOpen, incompleteFile]) {
    const verdict = rule(resolved.dossier);
    if (!verdict.ok) refuse(verdict.rejection);
  }
  return resolved.dossier;
}

export function cpaReferenceDataRoutes(kit: SimulatorKit, deps: QuadraRouteDeps) {
  const router = kit.router();
  const method = <R extends z.ZodType>(name: string, summary: string, response: R, description: string) =>
    createRoute({
      method: 'post',
      path: `${QUADRA_OD_API}/${name}`,
      summary: `${summary} (method name: simulator's own choice)`,
      security: cpaSecurity,
      request: { query: DossierQuerySchema },
      responses: { 200: json(response, description), ...cpaErrors },
    });

  declareRoute(
    router,
    createRoute({
      method: 'post',
      path: `${QUADRA_OD_API}/GetDossiers`,
      summary: "The dossiers of the SIC code (method name: simulator's own choice)",
      security: cpaSecurity,
      responses: { 200: json(GetDossiersResponseSchema, 'Dossiers'), ...cpaErrors },
    }),
    (c) => {
      const firm = currentFirm(c, deps.store);
      return c.json({ Dossiers: Object.values(firm.dossiers).map((d) => toDossier(firm, d)) }, 200);
    },
  );

  declareRoute(
    router,
    method('GetExercices', 'The accounting periods of a dossier', GetExercicesResponseSchema, 'Periods'),
    (c) => {
      const resolved = resolveDossier(c, deps.store, c.req.valid('query').dossier);
      return c.json({ CodeDossier: resolved.dossier.code, Exercices: toExercices(resolved.dossier) }, 200);
    },
  );

  declareRoute(
    router,
    method(
      'GetComptes',
      'The chart of accounts (general and auxiliary) of a dossier',
      GetComptesResponseSchema,
      'Accounts',
    ),
    (c) => {
      const dossier = readyDossier(c, deps, c.req.valid('query').dossier);
      const comptes = Object.values(dossier.accounts)
        .sort((a, b) => a.number.localeCompare(b.number))
        .map(toCompte);
      return c.json({ CodeDossier: dossier.code, Comptes: comptes }, 200);
    },
  );

  declareRoute(
    router,
    method('GetJournaux', 'The journals of a dossier', GetJournauxResponseSchema, 'Journals'),
    (c) => {
      const dossier = readyDossier(c, deps, c.req.valid('query').dossier);
      const journaux = Object.values(dossier.journals)
        .sort((a, b) => a.code.localeCompare(b.code))
        .map(toJournal);
      return c.json({ CodeDossier: dossier.code, Journaux: journaux }, 200);
    },
  );
  return router;
}
