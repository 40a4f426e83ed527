import { createRoute } from '@hono/zod-openapi';
import { CPA_TOKEN_SECONDS, CpaTokenRequestSchema, QUADRA_OD_API, TokenResponseSchema } from '../../../contracts/quadra/wire.js';
import type { SimulatorKit } from '../../kit/simulator-kit.js';
import { rejectionResponse } from '../../kit/vendor-error.js';
import { firmByKey, issueToken, tokenExists } from '../domain/tokens.js';
import { cpaAuth, cpaNoPortal } from '../rules/index.js';
import { freshToken, type QuadraRouteDeps } from './access.js';
import { json, tokenErrors } from './openapi-helpers.js';
import { declareRoute } from '../../kit/route.js';

/**
 * `POST /QuadraODOpenApi/token` [C]: client credentials, form-encoded, a 10-hour token.
 * `client_id` is the CPA API key and `client_secret` its secret (QDR-CPA-AUTH); the firm needs
 * Collaborative Portal access (QDR-CPA-NO-PORTAL).
 */
export function cpaTokenRoutes(kit: SimulatorKit, deps: QuadraRouteDeps) {
  const router = kit.router();
  declareRoute(
    router,
    createRoute({
      method: 'post',
      path: `${QUADRA_OD_API}/token`,
      summary: 'Quadra On Demand Open API token (client_credentials; confirmed)',
      request: { body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: CpaTokenRequestSchema } } } },
      responses: { 200: json(TokenResponseSchema, 'A bearer token valid 10 hours'), ...tokenErrors },
    }),
    async (c) => {
      const form = c.req.valid('form');
      const found = firmByKey(deps.store.data, 'cpa', form.client_id);
      const auth = cpaAuth(found, form.client_secret);
      if (!auth.ok) return rejectionResponse(c, auth.rejection);
      const firm = found!;
      c.set('tenantId', firm.sicCode);
      const portal = cpaNoPortal(firm);
      if (!portal.ok) return rejectionResponse(c, portal.rejection);
      const token = freshToken(deps, 'qod_', (t) => tokenExists(deps.store.data, t));
      const result = issueToken(firm, 'cpa', token, CPA_TOKEN_SECONDS, deps.clock.now());
      if (!result.ok) return rejectionResponse(c, result.rejection);
      await deps.store.commit(result.changes);
      c.header('Cache-Control', 'no-store');
      return c.json(result.value, 200);
    },
  );
  return router;
}
