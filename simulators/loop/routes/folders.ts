import { createRoute } from '@hono/zod-openapi';
import { DossiersResponseSchema, LOOP_API } from '../../../contracts/loop/wire.js';
import type { SimulatorKit } from '../../kit/simulator-kit.js';
import { currentCaller, type LoopRouteDeps } from './access.js';
import { errorResponses, json, loopHook, security } from './openapi-helpers.js';
import { declareRoute } from '../../kit/route.js';

/** The folders associated with the calling key (simulator's own choice of route): what the hub's wizard lists. */
export function foldersRoutes(kit: SimulatorKit, deps: LoopRouteDeps) {
  const router = kit.router();
  declareRoute(
    router,
    createRoute({
      method: 'get',
      path: `${LOOP_API}/dossiers`,
      summary: "The folders associated with this API key in Loop Hub (simulator's own choice of route)",
      security,
      responses: { 200: json(DossiersResponseSchema, 'The associated folders'), ...errorResponses },
    }),
    (c) => {
      const { firm, key } = currentCaller(c, deps);
      const data = Object.keys(key.folders)
        .filter((code) => Object.hasOwn(firm.folders, code) && !firm.folders[code]!.archived)
        .sort()
        .map((code) => {
          const folder = firm.folders[code]!;
          return { codeDossier: folder.code, nom: folder.name, connecteurActif: folder.connectorActive };
        });
      return c.json({ data }, 200);
    },
    { hook: loopHook },
  );
  return router;
}
