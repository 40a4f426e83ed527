import { createRoute } from '@hono/zod-openapi';
import {
  CPA_TOKEN_SECONDS,
  CpaTokenRequestSchema,
  QUADRA_OD_API,
  TokenResponseSchema,
} from '../../../contracts/quadra/wire.js';
import type { SimulatorKit } from '../../kit/simulator-kit.js';
import type { Context } from 'hono';
import type { z } from 'zod';
import { rejectionResponse, vendorError, type KitEnv } from '../../kit/vendor-error.js';
import { cpaClient, issueToken, tokenExists } from '../domain/tokens.js';
import { cpaAuth, cpaNoPortal } from '../rules/index.js';
import { freshToken, type QuadraRouteDeps } from './access.js';
import { json, tokenErrors } from './openapi-helpers.js';
import { declareRoute } from '../../kit/route.js';

/**
 * An invalid token request in RFC 6749 §5.2's terms, since the route is OAuth 2.0's token
 * endpoint: another grant is `unsupported_grant_type`, a scope `invalid_scope`, anything else
 * (a missing, empty or repeated parameter) `invalid_request`.
 */
function oauthRequestError(result: { success: boolean; error?: unknown; data?: unknown }, c: Context<KitEnv>) {
  if (result.success) return undefined;
  const issues = (result.error as z.ZodError).issues.map((issue) => ({
    path: ['body', ...issue.path].join('.'),
    message: issue.message,
  }));
  const first = (result.error as z.ZodError).issues[0];
  const field = String(first?.path[0] ?? '');
  // A grant that is there but not ours is unsupported; a missing one is an invalid request.
  const grant = (result.data as Record<string, unknown> | undefined)?.grant_type;
  const unsupported = field === 'grant_type' && typeof grant === 'string' && grant !== '';
  const code = unsupported ? 'unsupported_grant_type' : field === 'scope' ? 'invalid_scope' : 'invalid_request';
  const message = unsupported
    ? 'grant_type: only client_credentials is supported'
    : `Invalid request: ${issues[0]?.path ?? 'body'}: ${first?.message ?? 'invalid'}`;
  return vendorError(c, { status: 400, code, message, issues });
}

const TOKEN_FIELDS = Object.keys(CpaTokenRequestSchema.shape);

/**
 * The page names the client `client_Id` in its list and first example and `client_id` in its
 * second [C]: the endpoint is an ASP.NET (OWIN) OAuth server, whose form collection is
 * case-insensitive (inferred), so a known parameter is read whatever its case. Two spellings of one
 * name stay two values: a repeated parameter, refused as such (RFC 6749 §3.2).
 */
async function formNamesCaseInsensitive(c: Context<KitEnv>, next: () => Promise<void>) {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (c.req.method === 'POST' && type === 'application/x-www-form-urlencoded') {
    const canonical = new FormData();
    for (const [name, value] of new URLSearchParams(await c.req.text())) {
      canonical.append(TOKEN_FIELDS.find((field) => field === name.toLowerCase()) ?? name, value);
    }
    // hono's form validator reads this cache before the raw body.
    c.req.bodyCache.formData = canonical;
  }
  await next();
}

/**
 * `POST /QuadraODOpenApi/token` [C]: client credentials, form-encoded, a 10-hour token. The
 * client is the page's SIC code / key pair, or seed 003's CPA key and secret (`cpaClient`;
 * QDR-CPA-AUTH when neither matches); the firm needs Collaborative Portal access
 * (QDR-CPA-NO-PORTAL, the simulator's own code: the page defines no such refusal).
 */
export function cpaTokenRoutes(kit: SimulatorKit, deps: QuadraRouteDeps) {
  const router = kit.router();
  router.use(`${QUADRA_OD_API}/token`, formNamesCaseInsensitive);
  declareRoute(
    router,
    createRoute({
      method: 'post',
      path: `${QUADRA_OD_API}/token`,
      summary: 'Quadra On Demand Open API token (client_credentials; confirmed)',
      request: {
        body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: CpaTokenRequestSchema } } },
      },
      responses: { 200: json(TokenResponseSchema, 'A bearer token valid 10 hours'), ...tokenErrors },
    }),
    async (c) => {
      const form = c.req.valid('form');
      const { firm: found, expected } = cpaClient(deps.store.data, deps.credentials, form.client_id);
      const auth = cpaAuth(found, expected, form.client_secret);
      if (!auth.ok) return rejectionResponse(c, auth.rejection);
      const firm = found!;
      c.set('tenantId', firm.sicCode);
      const portal = cpaNoPortal(firm);
      if (!portal.ok) return rejectionResponse(c, portal.rejection);
      const token = freshToken(deps, 'qod_', (t) => tokenExists(deps.credentials, t));
      const result = issueToken(firm, 'cpa', token, CPA_TOKEN_SECONDS, deps.clock.now());
      if (!result.ok) return rejectionResponse(c, result.rejection);
      await deps.store.commit(result.changes);
      c.header('Cache-Control', 'no-store');
      return c.json(result.value, 200);
    },
    { hook: oauthRequestError },
  );
  return router;
}
