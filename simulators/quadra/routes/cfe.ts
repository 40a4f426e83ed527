import { own } from '../../../core/own.js';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  CFE_API,
  CFE_BLOB,
  CFE_TOKEN_SECONDS,
  CfeTokenRequestSchema,
  DossierCodeSchema,
  SasQuerySchema,
  SasResponseSchema,
  TokenResponseSchema,
} from '../../../contracts/quadra/wire.js';
import type { SimulatorKit } from '../../kit/simulator-kit.js';
import { rejectionResponse } from '../../kit/vendor-error.js';
import { issueSas } from '../domain/container.js';
import { firmByKey, issueToken, tokenExists } from '../domain/tokens.js';
import { cfeAuth, cfeNotActivated, containerNotFound } from '../rules/index.js';
import { currentFirm, freshToken, type QuadraRouteDeps } from './access.js';
import { cfeErrors, cfeSecurity, json, tokenErrors } from './openapi-helpers.js';
import { declareRoute } from '../../kit/route.js';

/**
 * Cegid File Exchange (every route here is the simulator's own choice, after Cegid RFE):
 * `POST /CFE/token` with the CFE key and secret (QDR-CFE-AUTH), then
 * `GET /CFE/V1/getsastoken/{dossier}` for a SAS URL to the dossier's container, which needs the
 * activation step (QDR-CFE-NOT-ACTIVATED) and the key in use recorded in the dossier's Quadra
 * settings (QDR-CONTAINER-NOT-FOUND, `ContainerNotFoundInSicSettings`).
 */
export function cfeRoutes(kit: SimulatorKit, deps: QuadraRouteDeps) {
  const router = kit.router();
  declareRoute(
    router,
    createRoute({
      method: 'post',
      path: `${CFE_API}/token`,
      summary: "CFE token from the CFE API key and secret (simulator's own choice)",
      request: {
        body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: CfeTokenRequestSchema } } },
      },
      responses: { 200: json(TokenResponseSchema, 'A bearer token'), ...tokenErrors },
    }),
    async (c) => {
      const form = c.req.valid('form');
      const found = firmByKey(deps.credentials, 'cfe', form.client_id);
      const auth = cfeAuth(found, form.client_secret);
      if (!auth.ok) return rejectionResponse(c, auth.rejection);
      const firm = found!;
      c.set('tenantId', firm.sicCode);
      const token = freshToken(deps, 'cfe_', (t) => tokenExists(deps.credentials, t));
      const result = issueToken(firm, 'cfe', token, CFE_TOKEN_SECONDS, deps.clock.now());
      if (!result.ok) return rejectionResponse(c, result.rejection);
      await deps.store.commit(result.changes);
      c.header('Cache-Control', 'no-store');
      return c.json(result.value, 200);
    },
  );

  declareRoute(
    router,
    createRoute({
      method: 'get',
      path: `${CFE_API}/V1/getsastoken/{dossier}`,
      summary:
        "A SAS token for the dossier's container (shape of Cegid RFE's getsastoken; route: simulator's own choice)",
      security: cfeSecurity,
      request: { params: z.object({ dossier: DossierCodeSchema }), query: SasQuerySchema },
      responses: {
        200: json(SasResponseSchema, 'Where to upload: {blobServiceUri}/{containerName}/input/{file}?{sasToken}'),
        ...cfeErrors,
      },
    }),
    async (c) => {
      const firm = currentFirm(c, deps.store);
      const activated = cfeNotActivated(firm);
      if (!activated.ok) return rejectionResponse(c, activated.rejection);
      const code = c.req.valid('param').dossier;
      const dossier = own(firm.dossiers, code);
      const container = containerNotFound(dossier, firm.cfe.key);
      if (!container.ok) return rejectionResponse(c, container.rejection);
      const query = c.req.valid('query');
      const sig = deps.random.string(43, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
      const result = issueSas(
        firm,
        dossier!,
        {
          sig,
          permissions: query.AccessMode === 'Read' ? 'r' : 'rw',
          minutes: query['Minutes-To-Live'] ?? 60,
          blobServiceUri: `${new URL(c.req.url).origin}${CFE_BLOB}`,
        },
        deps.clock.now(),
      );
      if (!result.ok) return rejectionResponse(c, result.rejection);
      await deps.store.commit(result.changes);
      return c.json(result.value, 200);
    },
  );
  return router;
}
