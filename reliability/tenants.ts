import {
  MARKERS,
  TENANTS,
  WORLDS,
  other,
  type RequestParts,
  type RouteSpec,
  type TenantKey,
  type World,
} from './worlds.js';

/**
 * The tenants and credentials matrix: every vendor route (from `/openapi.json`) × each tenant as
 * the victim × (no credentials, wrong credentials, an expired token where the vendor has tokens,
 * the other tenant's valid credentials on the victim's ids). Each answer is recorded with its
 * status, its vendor error code, whether its body is in the vendor's shape, whether the state
 * stayed the same, and any marker string of the victim found in it.
 */

export type Variant = 'none' | 'wrong' | 'expired' | 'other-tenant';

export interface MatrixCell {
  simulator: string;
  route: string;
  victim: TenantKey;
  variant: Variant;
  status: number;
  code?: string;
  shapeOk: boolean;
  stateUnchanged: boolean;
  /** The victim's marker strings found in the answer (body or headers): must be empty. */
  leaked: string[];
  /** Whether the route names ids of the victim (a file, a dossier, a container, a folder, an import). */
  namesVictimIds: boolean;
}

const CREDENTIAL_HEADERS = /^(authorization|ocp-apim-subscription-key|x-apikey|x-domain)$/i;
const SAS_PARAMS = ['sv', 'sr', 'sp', 'se', 'sig'];

/** The request of a route as `victim`, with its credentials replaced according to the variant. */
function withCredentials(world: World, route: RouteSpec, victim: TenantKey, variant: Variant): RequestParts {
  const parts = world.valid(route, victim);
  const creds = world.credentials(route, victim);
  const strip = () => {
    for (const h of Object.keys(parts.headers)) if (CREDENTIAL_HEADERS.test(h)) delete parts.headers[h];
    for (const q of Object.keys(creds.query ?? {})) delete parts.query[q];
    if (creds.body && parts.body && typeof parts.body === 'object')
      for (const k of ['client_id', 'client_secret']) delete (parts.body as Record<string, string>)[k];
  };
  switch (variant) {
    case 'none':
      strip();
      break;
    case 'wrong':
      for (const h of Object.keys(parts.headers))
        if (CREDENTIAL_HEADERS.test(h))
          parts.headers[h] =
            h.toLowerCase() === 'authorization'
              ? 'Bearer wrong-credentials-0000000000'
              : h.toLowerCase() === 'x-apikey'
                ? 'wrong-key:wrong-secret'
                : `${parts.headers[h]}-wrong`;
      if (creds.query) parts.query.sig = 'd3JvbmcgU0FTIHNpZ25hdHVyZQ==';
      if (creds.body && parts.body && typeof parts.body === 'object')
        (parts.body as Record<string, string>).client_secret = 'wrong-secret';
      break;
    case 'expired':
      // The caller advances the clock past the token's life; the credentials are the victim's own.
      break;
    case 'other-tenant': {
      strip();
      const theirs = world.credentials(route, other(victim));
      Object.assign(parts.headers, theirs.headers ?? {});
      Object.assign(parts.query, theirs.query ?? {});
      if (theirs.body && parts.body && typeof parts.body === 'object')
        Object.assign(parts.body as Record<string, string>, {
          client_id: theirs.body.client_id,
          client_secret: theirs.body.client_secret,
        });
      break;
    }
  }
  return parts;
}

/** Whether a route's request carries ids of the tenant (path parameters, or an id in the query). */
function namesIds(route: RouteSpec): boolean {
  if (route.bodyType?.includes('json')) return true; // Loop's importJson names its folder in the body
  return (
    route.pathParams.length > 0 ||
    route.query.some((q) => q.required && !SAS_PARAMS.includes(q.name) && q.name !== 'restype' && q.name !== 'comp')
  );
}

/** Vendors whose credentials are tokens with a lifetime: how far to move the clock to expire them. */
const TOKEN_LIFE_MS: Partial<Record<string, number>> = { quadra: 11 * 3_600_000 };

export async function tenantMatrix(simulator: keyof typeof WORLDS): Promise<MatrixCell[]> {
  const cells: MatrixCell[] = [];
  const variants: Variant[] = ['none', 'wrong', 'other-tenant'];
  const world = await WORLDS[simulator]();
  try {
    for (const route of world.routes) {
      for (const victim of TENANTS) {
        for (const variant of variants) cells.push(await probe(world, route, victim, variant));
      }
    }
    const life = TOKEN_LIFE_MS[simulator];
    if (life) {
      world.clock.advance(life);
      await world.sim.settled();
      world.initial = JSON.stringify(world.sim.store.data);
      for (const route of world.routes) {
        if (route.template.endsWith('/token')) continue; // a token route takes keys, not a token
        for (const victim of TENANTS) cells.push(await probe(world, route, victim, 'expired'));
      }
    }
  } finally {
    await world.sim.close();
  }
  return cells;
}

async function probe(world: World, route: RouteSpec, victim: TenantKey, variant: Variant): Promise<MatrixCell> {
  const parts = withCredentials(world, route, victim, variant);
  const before = JSON.stringify(world.sim.store.data);
  const res = await world.request(parts, route.template);
  const text = await res.text();
  const headers = [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const shapeOk = res.status < 400 || world.errorSchema.safeParse(body).success;
  const code = res.status >= 400 ? errorCode(body) : undefined;
  const stateUnchanged = JSON.stringify(world.sim.store.data) === before;
  const leaked = MARKERS[victim].filter((m) => text.includes(m) || headers.includes(m));
  if (res.status < 400 && !stateUnchanged) await world.restore();
  return {
    simulator: world.name,
    route: `${route.method} ${route.template}`,
    victim,
    variant,
    status: res.status,
    code,
    shapeOk,
    stateUnchanged,
    leaked,
    namesVictimIds: namesIds(route),
  };
}

function errorCode(body: unknown): string | undefined {
  if (Array.isArray(body)) return (body[0] as { $dataCode?: string } | undefined)?.$dataCode;
  if (body && typeof body === 'object')
    return ((body as { code?: string; error?: string }).code ?? (body as { error?: string }).error) as
      | string
      | undefined;
  return undefined;
}

/**
 * What each cell must be: never a leak, never a 5xx, always the vendor's shape; without valid
 * credentials a 401 (403 for Quadra's SAS-signed blob routes, as Azure answers; 400 when the SAS
 * parameters are missing altogether) and no change; with the other tenant's credentials on the
 * victim's ids a refusal (Loop answers an unknown folder with its documented 400) and no change;
 * on a route that names no ids, the other tenant simply sees its own data.
 */
export function cellProblem(cell: MatrixCell): string | undefined {
  if (cell.leaked.length) return `leaked ${cell.leaked.join(', ')}`;
  if (cell.status >= 500) return `a ${cell.status}`;
  if (!cell.shapeOk) return "an error not in the vendor's shape";
  const blob = cell.route.includes('/CFE/blob');
  if (cell.variant === 'other-tenant') {
    if (!cell.namesVictimIds)
      return cell.status < 400 ? undefined : `the other tenant's valid request answered ${cell.status}`;
    if (![400, 403, 404].includes(cell.status)) return `another tenant's ids answered ${cell.status}`;
    if (cell.status === 400 && cell.code !== 'FolderNotFound') return `another tenant's ids answered 400 ${cell.code}`;
  } else {
    // A token route without its form fields is OAuth's invalid_request, a 400.
    const tokenRoute = cell.route.endsWith('/token');
    const allowed = blob
      ? cell.variant === 'none'
        ? [400, 403]
        : [403]
      : tokenRoute && cell.variant === 'none'
        ? [400]
        : [401];
    if (!allowed.includes(cell.status)) return `${cell.variant} credentials answered ${cell.status} ${cell.code ?? ''}`;
  }
  if (!cell.stateUnchanged) return 'a refused request changed the state';
  return undefined;
}
