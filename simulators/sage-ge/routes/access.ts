import { own } from '../../../core/own.js';
import type { Context, MiddlewareHandler } from 'hono';
import type { Store } from '../../../core/store.js';
import type { VirtualClock } from '../../../core/clock.js';
import type { CredentialIndex } from '../../kit/tenant-index.js';
import { fail, refuse, rejectionResponse, type KitEnv } from '../../kit/vendor-error.js';
import {
  apiRightsMissing,
  configurationProblem,
  entityConnectorInactive,
  fileConnectorInactive,
} from '../rules/index.js';
import type { EntityState, FileState, SageGeState } from '../state/schema.js';

export interface SageRouteDeps {
  store: Store<SageGeState>;
  clock: VirtualClock;
  /** The kit's index of `credentialKeys` (the GE identifier → its entity). */
  credentials: CredentialIndex<EntityState>;
}

/**
 * Authentication: `Authorization: Bearer <GE identifier>` (the simulator's own choice; the real
 * GE API's auth is not public). The identifier picks the firm entity, the tenant; then the
 * entity-level prerequisites: API rights, connector activated on the entity.
 */
export function authenticate({ credentials }: SageRouteDeps): MiddlewareHandler<KitEnv> {
  // An index, not a scan: with 10,000 entities every request would otherwise read them all.
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match)
      return fail({
        status: 401,
        code: 'Unauthorized',
        message: 'Missing GE identifier: send Authorization: Bearer <GE identifier>',
      });
    const entity = credentials.find(match[1]!)?.tenant;
    if (!entity) return fail({ status: 401, code: 'Unauthorized', message: 'Unknown GE identifier' });
    c.set('tenantId', entity.id);
    const rights = apiRightsMissing(entity);
    if (!rights.ok) return rejectionResponse(c, rights.rejection);
    const connector = entityConnectorInactive(entity);
    if (!connector.ok) refuse(connector.rejection);
    await next();
  };
}

export function currentEntity(c: Context<KitEnv>, store: Store<SageGeState>): EntityState {
  return store.data.tenants[c.get('tenantId')]!;
}

export interface FileAccess {
  /** Listing a disconnected file is allowed (it shows as disconnected); using it is not. */
  allowDisconnected?: boolean;
  /** The fiscal-years route reports the configuration problem instead of failing on it. */
  allowConfigurationProblem?: boolean;
}

/** The file of the request's entity; else the vendor error is raised. Another entity's file is a 404. */
export function resolveFile(
  c: Context<KitEnv>,
  deps: SageRouteDeps,
  fileId: string,
  access: FileAccess = {},
): { entity: EntityState; file: FileState } {
  const entity = currentEntity(c, deps.store);
  const file = own(entity.files, fileId);
  if (!file) return fail({ status: 404, code: 'FileNotFound', message: `No file ${fileId} in this entity` });
  if (!access.allowDisconnected) {
    const connector = fileConnectorInactive(file);
    if (!connector.ok) refuse(connector.rejection);
  }
  if (!access.allowConfigurationProblem) {
    const problem = configurationProblem(file, deps.clock.now());
    if (!problem.ok) refuse(problem.rejection);
  }
  return { entity, file };
}
