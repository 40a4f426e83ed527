import { own } from '../../../core/own.js';
import type { Context, MiddlewareHandler } from 'hono';
import type { VirtualClock } from '../../../core/clock.js';
import { tenantNow } from '../../../core/tenant-clock.js';
import type { SeededRandom } from '../../../core/random.js';
import type { Store } from '../../../core/store.js';
import { fail, rejectionResponse, vendorError, type KitEnv } from '../../kit/vendor-error.js';
import type { FirmIndex } from '../domain/credentials.js';
import { resolveToken, type TokenKind } from '../domain/tokens.js';
import { cpaNoPortal } from '../rules/index.js';
import type { DossierState, FirmState, QuadraState } from '../state/schema.js';

export interface QuadraRouteDeps {
  store: Store<QuadraState>;
  clock: VirtualClock;
  /** Tokens and SAS signatures come from the seeded generator. */
  random: SeededRandom;
  /** The kit's index of `credentialKeys`: keys, tokens and containers → their firm. */
  credentials: FirmIndex;
}

/**
 * Bearer authentication for the CPA methods (`kind: 'cpa'`) and the CFE routes (`kind: 'cfe'`).
 * The token picks the firm, the tenant; a CPA call also needs the Collaborative Portal access
 * (QDR-CPA-NO-PORTAL), checked on every call since it can be withdrawn after the token is issued.
 */
export function bearer(deps: QuadraRouteDeps, kind: TokenKind, except?: string): MiddlewareHandler<KitEnv> {
  return async (c, next) => {
    if (except && c.req.path === except) return next();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!match) return unauthorized(c, 'Missing bearer token: send Authorization: Bearer <access_token>');
    // The token's expiry is judged by its firm's time (a tenant's own time line on a shared server).
    const check = resolveToken(deps.credentials, kind, match[1]!, (firm) => tenantNow(deps.clock, firm.sicCode));
    if (!check.ok) return unauthorized(c, check.reason);
    c.set('tenantId', check.firm.sicCode);
    if (kind === 'cpa') {
      const portal = cpaNoPortal(check.firm);
      if (!portal.ok) return rejectionResponse(c, portal.rejection);
    }
    await next();
  };
}

/** RFC 6750: a 401 on a protected resource names the scheme and the error. */
function unauthorized(c: Context<KitEnv>, message: string): Response {
  const response = vendorError(c, { status: 401, code: 'invalid_token', message });
  response.headers.set('WWW-Authenticate', 'Bearer error="invalid_token"');
  return response;
}

export const currentFirm = (c: Context<KitEnv>, store: Store<QuadraState>): FirmState =>
  store.data.tenants[c.get('tenantId')]!;

/** The dossier of the request's firm; else a 404 is raised: another firm's dossier is no different from one that does not exist. */
export function resolveDossier(
  c: Context<KitEnv>,
  store: Store<QuadraState>,
  code: string,
): { firm: FirmState; dossier: DossierState } {
  const firm = currentFirm(c, store);
  const dossier = own(firm.dossiers, code);
  if (!dossier)
    return fail({ status: 404, code: 'DossierNotFound', message: `No dossier ${code} for SIC code ${firm.sicCode}` });
  return { firm, dossier };
}

/** A fresh random string that no token of any firm uses yet. */
export function freshToken(deps: QuadraRouteDeps, prefix: string, taken: (candidate: string) => boolean): string {
  for (;;) {
    const candidate = `${prefix}${deps.random.string(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`;
    if (!taken(candidate)) return candidate;
  }
}
