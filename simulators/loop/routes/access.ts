import type { Context, MiddlewareHandler } from 'hono';
import { LOOP_HEADERS } from '../../../contracts/loop/wire.js';
import type { VirtualClock } from '../../../core/clock.js';
import type { Store } from '../../../core/store.js';
import type { CredentialIndex } from '../../kit/tenant-index.js';
import { refuse, rejectionResponse, type KitEnv } from '../../kit/vendor-error.js';
import { auth, folderNotAssociated, folderUnknown, type LoopCredentials } from '../rules/index.js';
import type { ApiKeyState, FirmState, FolderState, LoopState } from '../state/schema.js';

export interface LoopRouteDeps {
  store: Store<LoopState>;
  clock: VirtualClock;
  /** The kit's index of `credentialKeys`: subscription key and API key → the firm. */
  credentials: CredentialIndex<FirmState>;
}

const credentialsOf = (c: Context): LoopCredentials => ({
  subscriptionKey: c.req.header(LOOP_HEADERS.subscriptionKey),
  apiKey: c.req.header(LOOP_HEADERS.apiKey),
  domain: c.req.header(LOOP_HEADERS.domain),
});

/**
 * Authentication (LOOP-AUTH): `Ocp-Apim-Subscription-Key` and `x-apikey: <key>:<secret>`, the two
 * headers GetStart.html names; the key picks the firm, the tenant. `x-domain` (the simulator's own
 * header) is optional and must then name that firm. Nothing of another firm is reachable after this.
 */
export function authenticate({ store, credentials: firms }: LoopRouteDeps): MiddlewareHandler<KitEnv> {
  return async (c, next) => {
    const credentials = credentialsOf(c);
    // The request journal attributes a refused request to the firm whose domain it names.
    if (credentials.domain && Object.hasOwn(store.data.tenants, credentials.domain))
      c.set('tenantId', credentials.domain);
    const result = auth(store.data, firms, credentials);
    if (!result.ok) return rejectionResponse(c, result.rejection);
    c.set('tenantId', result.firm.domain);
    await next();
  };
}

/**
 * Loop's docs write `Content-Type: application-json` (sic, vendor-facts.md §3.1): a connector
 * copying them is understood, as if it had sent `application/json`.
 */
export const acceptDocumentedContentType: MiddlewareHandler<KitEnv> = async (c, next) => {
  const type = c.req.header('content-type');
  if (type && /^\s*application-json\b/i.test(type)) {
    const headers = new Headers(c.req.raw.headers);
    headers.set('content-type', type.replace(/application-json/i, 'application/json'));
    c.req.raw = new Request(c.req.raw, { headers });
  }
  await next();
};

/** The firm and API key of an authenticated request. */
export function currentCaller(
  c: Context<KitEnv>,
  { store, credentials }: Pick<LoopRouteDeps, 'store' | 'credentials'>,
): { firm: FirmState; key: ApiKeyState } {
  const result = auth(store.data, credentials, credentialsOf(c));
  if (!result.ok) throw new Error('currentCaller called on an unauthenticated request');
  return { firm: result.firm, key: result.key };
}

/**
 * The folder a request names; else the error is raised: a code the firm does not have (another
 * firm's, or one archived, included) is LOOP-FOLDER-UNKNOWN; one of the firm's folders not
 * associated with the key is LOOP-FOLDER-NOT-ASSOCIATED.
 */
export function resolveFolder(
  c: Context<KitEnv>,
  deps: Pick<LoopRouteDeps, 'store' | 'credentials'>,
  code: string,
): { firm: FirmState; key: ApiKeyState; folder: FolderState } {
  const { firm, key } = currentCaller(c, deps);
  const unknown = folderUnknown(firm, code);
  if (!unknown.ok) refuse(unknown.rejection);
  const folder = firm.folders[code]!;
  const associated = folderNotAssociated(key, folder);
  if (!associated.ok) refuse(associated.rejection);
  return { firm, key, folder };
}
