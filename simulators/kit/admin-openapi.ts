import { z } from 'zod';
import { FaultRuleSchema } from '../../contracts/common/faults.js';
import type { SimulatorKitOptions } from './simulator-kit.js';

/**
 * The `/__admin` control plane's own OpenAPI document (`/__admin/openapi.json`): ledgersim's plane,
 * not the vendor's API, so it is kept out of `/openapi.json`. Bodies are generated from the very zod
 * schemas the handlers parse with, so the document is exactly as strict as the plane.
 */
/**
 * How far one move goes: at most about 300 years (10^13 ms), so that no run of moves reaches the
 * last instant a Date holds, and written so that the document says exactly what `parseDuration`
 * takes (a duration the pattern lets through always parses: the document is as strict as the plane).
 */
const MAX_ADVANCE_MS = 10 ** 13;
const DURATION = /^(?:next-night|\d{1,13}|(?:\d{1,4}(?:ms|s|m|h|d|w)){1,3})$/;
export const ClockBodySchema = z.union([
  z.object({ set: z.iso.datetime({ offset: true }) }).strict(),
  z
    .object({
      advance: z.union([
        z.number().int().min(0).max(MAX_ADVANCE_MS),
        z
          .string()
          .regex(DURATION, 'not a duration: use e.g. 90s, 12h, 3d, 1w, 1h30m, a number of milliseconds, or next-night'),
      ]),
    })
    .strict(),
]);
export const SeedBodySchema = z
  .object({
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
  })
  .strict();
export const RequestsQuerySchema = z.object({
  method: z.string().optional(),
  path: z.string().optional(),
  status: z.coerce.number().int().optional(),
  tenantId: z.string().optional(),
  since: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});

type Json = Record<string, any>;

/** A zod schema as an OpenAPI 3.0 schema, as the handler reads its input. */
function schemaOf(schema: z.ZodType): Json {
  try {
    const { $schema: _, ...json } = z.toJSONSchema(schema, {
      target: 'openapi-3.0',
      io: 'input',
      unrepresentable: 'any',
    }) as Json;
    return json;
  } catch {
    // A schema zod cannot express (a refinement over the whole state): documented as an object.
    return { type: 'object' };
  }
}

const AdminError = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: {
      type: 'string',
      enum: [
        'bad-request',
        'unauthorized',
        'forbidden',
        'not-found',
        'conflict',
        'precondition-failed',
        'payload-too-large',
        'unsupported-media-type',
      ],
    },
    message: { type: 'string' },
    issues: { type: 'array', items: {} },
  },
};
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/AdminError' } } },
});
const ok = (description: string, schema: Json, example?: unknown) => ({
  description,
  content: { 'application/json': { schema, ...(example === undefined ? {} : { example }) } },
});
const body = (schema: Json, example: unknown) => ({
  required: true,
  content: { 'application/json': { schema, example } },
});
const TENANT_ID = {
  name: 'tenantId',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,80}$' },
};
const OK = { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' } } };
const TENANT_CLOCK = {
  type: 'object',
  required: ['tenantId', 'now', 'offsetMs'],
  properties: {
    tenantId: { type: 'string' },
    now: { type: 'string', format: 'date-time' },
    offsetMs: { type: 'number', description: "The tenant's offset over the server's clock" },
    frozen: {
      type: 'boolean',
      description:
        'Present (true) when the line stands still: it moves only when moved, whatever the server clock does',
    },
  },
};

/** What the document says of a vendor action (`simulators/kit/actions.ts`). */
export interface DescribedAction {
  name: string;
  description: string;
  input: z.ZodType;
}
const served = new WeakMap<object, readonly DescribedAction[]>();

/** Called by `createActionsRouter`: the actions its router serves, for the document. */
export function describeActions(router: object, actions: readonly DescribedAction[]) {
  served.set(router, actions);
}

/** The vendor actions a router made by `createActionsRouter` serves (none for another router). */
export function actionsServedBy(router: object | undefined): readonly DescribedAction[] {
  return (router && served.get(router)) ?? [];
}

/**
 * One path per vendor action (`POST /actions/<name>`): its body is the action's input schema.
 * An input that passes the schema may still name a firm or entity the state lacks (404) or
 * conflict with it (409): those are answers about the state, not about the body.
 */
function actionPaths(actions: readonly DescribedAction[], bad: Json): Json {
  return Object.fromEntries(
    actions.map((action) => [
      `/actions/${action.name}`,
      {
        post: {
          operationId: `action_${action.name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`,
          summary: action.description,
          tags: ['vendor actions'],
          requestBody: { required: true, content: { 'application/json': { schema: schemaOf(action.input) } } },
          responses: {
            200: ok('Done', {
              type: 'object',
              required: ['ok', 'action'],
              properties: { ok: { type: 'boolean' }, action: { type: 'string' }, result: {} },
            }),
            400: bad,
            404: errorResponse('The input names something the state does not hold'),
            409: errorResponse('The state refuses the action as it stands'),
          },
        },
      },
    ]),
  );
}

export function adminOpenApiDocument<S extends { tenants: Record<string, unknown> }>(
  options: SimulatorKitOptions<S>,
  servers: { url: string; description?: string }[],
  actions: readonly DescribedAction[] = [],
): Json {
  const now = '2026-01-15T09:00:00.000Z';
  const bad = errorResponse('The body or query is not what the plane takes (the first issue is in `message`)');
  return {
    openapi: '3.0.3',
    info: {
      title: `${options.title} simulator: ledgersim admin plane`,
      version: '1.0.0',
      description:
        "ledgersim's own control plane (not the vendor's API): state, tenants, the virtual clock, the request journal and fault injection. Bodies are `application/json` only; with `ledgersim start --admin-token`, every call asks for `Authorization: Bearer <token>`.",
    },
    servers: servers.map((server) => ({ ...server, url: `${server.url}/__admin` })),
    components: {
      schemas: { AdminError },
      securitySchemes: {
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'Only when the server was started with --admin-token',
        },
      },
    },
    security: [{}, { adminToken: [] }],
    paths: {
      '/health': {
        get: {
          operationId: 'health',
          summary: 'Whether the simulator is up and its store writable',
          responses: {
            200: ok(
              'Health',
              {
                type: 'object',
                required: ['status', 'simulator', 'now', 'tenants', 'tickFailures'],
                properties: {
                  status: { type: 'string', enum: ['ok', 'read-only'] },
                  simulator: { type: 'string' },
                  now: { type: 'string', format: 'date-time' },
                  tenants: { type: 'integer' },
                  tickFailures: { type: 'integer' },
                },
              },
              { status: 'ok', simulator: options.name, now, tenants: 1, tickFailures: 0 },
            ),
          },
        },
      },
      '/state': {
        get: {
          operationId: 'getState',
          summary: 'The whole persisted state',
          responses: { 200: ok('The state', schemaOf(options.schema)) },
        },
        put: {
          operationId: 'putState',
          summary: 'Replaces the whole state',
          requestBody: body(schemaOf(options.schema), { tenants: {} }),
          responses: {
            200: ok(
              'Replaced',
              {
                type: 'object',
                required: ['ok', 'tenants'],
                properties: { ok: { type: 'boolean' }, tenants: { type: 'integer' } },
              },
              { ok: true, tenants: 0 },
            ),
            400: bad,
            409: errorResponse('Two tenants would share credentials; nothing was changed'),
          },
        },
      },
      '/tenants': {
        get: {
          operationId: 'listTenants',
          summary: 'The tenant ids',
          responses: {
            200: {
              ...ok(
                'Tenant ids',
                {
                  type: 'object',
                  required: ['tenants'],
                  properties: { tenants: { type: 'array', items: { type: 'string' } } },
                },
                { tenants: ['demo'] },
              ),
              links: {
                getFirstTenant: {
                  operationId: 'getTenant',
                  parameters: { tenantId: '$response.body#/tenants/0' },
                  description: 'Reads the first tenant listed',
                },
              },
            },
          },
        },
      },
      '/tenants/{tenantId}': {
        parameters: [TENANT_ID],
        get: {
          operationId: 'getTenant',
          summary: "One tenant's state",
          responses: { 200: ok('The tenant', schemaOf(options.tenantSchema)), 404: errorResponse('No such tenant') },
        },
        put: {
          operationId: 'putTenant',
          summary:
            'Creates or replaces one tenant; `If-None-Match: *` creates only (412 when it exists), `?now=` starts it on a time line of its own',
          parameters: [
            {
              name: 'If-None-Match',
              in: 'header',
              required: false,
              schema: { type: 'string', enum: ['*'] },
              description: 'Create only: a tenant of that id already there answers 412 and is left as it was',
            },
            {
              name: 'now',
              in: 'query',
              required: false,
              schema: { type: 'string', format: 'date-time' },
              description:
                "The tenant's own time (an offset over the server's clock, set before it exists): moving it moves nothing else",
            },
            {
              name: 'frozen',
              in: 'query',
              required: false,
              schema: { type: 'string', enum: ['true', 'false'] },
              description:
                "With `?now=`: `true` freezes the tenant's line at `now`, so that it moves only when its clock is moved (POST /tenants/{tenantId}/clock), even on a live server; what `ledgersim run --against` asks for, a scenario being defined on a frozen time line",
            },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: schemaOf(options.tenantSchema) } } },
          responses: {
            200: {
              ...ok('Stored', {
                type: 'object',
                required: ['ok', 'tenantId'],
                properties: { ok: { type: 'boolean' }, tenantId: { type: 'string' } },
              }),
              links: { getTenant: { operationId: 'getTenant', parameters: { tenantId: '$request.path.tenantId' } } },
            },
            400: bad,
            409: errorResponse('The tenant would share credentials with another; nothing was changed'),
            412: errorResponse('If-None-Match: * and the tenant exists; nothing was changed'),
          },
        },
        delete: {
          operationId: 'deleteTenant',
          summary: 'Removes one tenant',
          responses: { 200: ok('Removed', OK, { ok: true }), 404: errorResponse('No such tenant') },
        },
      },
      '/tenants/{tenantId}/clock': {
        parameters: [TENANT_ID],
        get: {
          operationId: 'getTenantClock',
          summary: "One tenant's time: the server's plus the tenant's own offset",
          responses: {
            200: ok('Its time', TENANT_CLOCK, { tenantId: 'demo', now, offsetMs: 0 }),
            404: errorResponse('No such tenant'),
          },
        },
        post: {
          operationId: 'moveTenantClock',
          summary:
            "Sets or advances one tenant's time line only (the server's clock and the other tenants are left as they are); its work falling due runs before the answer",
          requestBody: body(schemaOf(ClockBodySchema), { advance: '1d' }),
          responses: {
            200: {
              ...ok('Its time', TENANT_CLOCK),
              links: { getTenant: { operationId: 'getTenant', parameters: { tenantId: '$request.path.tenantId' } } },
            },
            400: bad,
            404: errorResponse('No such tenant'),
          },
        },
      },
      '/reset': {
        post: {
          operationId: 'reset',
          summary: 'Empties the state, the journal and the faults',
          responses: { 200: ok('Reset', OK, { ok: true }) },
        },
      },
      '/seed': {
        post: {
          operationId: 'seed',
          summary: 'Loads the demo state for a seed',
          requestBody: {
            required: false,
            content: {
              'application/json': { schema: schemaOf(SeedBodySchema), example: { seed: options.defaultSeed } },
            },
          },
          responses: {
            200: {
              ...ok('Seeded', {
                type: 'object',
                required: ['ok', 'seed', 'tenants'],
                properties: { ok: { type: 'boolean' }, seed: { type: 'integer' }, tenants: { type: 'integer' } },
              }),
              links: { listTenants: { operationId: 'listTenants' } },
            },
            400: bad,
          },
        },
      },
      '/clock': {
        get: {
          operationId: 'getClock',
          summary: 'The virtual clock',
          responses: {
            200: ok(
              'Now',
              {
                type: 'object',
                required: ['now'],
                properties: {
                  now: { type: 'string', format: 'date-time' },
                  mode: { type: 'string', enum: ['frozen', 'live'] },
                  tenants: {
                    type: 'object',
                    description: 'The tenants with a time line of their own',
                    additionalProperties: {
                      type: 'object',
                      required: ['now', 'offsetMs'],
                      properties: {
                        now: { type: 'string', format: 'date-time' },
                        offsetMs: { type: 'number' },
                        frozen: { type: 'boolean' },
                      },
                    },
                  },
                },
              },
              { now, mode: 'frozen', tenants: {} },
            ),
          },
        },
        post: {
          operationId: 'moveClock',
          summary:
            'Sets the virtual clock or moves it ahead (milliseconds, a duration such as "12h", or "next-night"); the work falling due runs before the answer',
          requestBody: body(schemaOf(ClockBodySchema), { advance: '12h' }),
          responses: {
            200: ok('Now', {
              type: 'object',
              required: ['now'],
              properties: { now: { type: 'string', format: 'date-time' } },
            }),
            400: bad,
          },
        },
      },
      '/requests': {
        get: {
          operationId: 'listRequests',
          summary: 'The request journal (latest 200 unless `limit`)',
          parameters: Object.entries((schemaOf(RequestsQuerySchema).properties ?? {}) as Json).map(
            ([name, schema]) => ({ name, in: 'query', required: false, schema }),
          ),
          responses: {
            200: ok('Requests', {
              type: 'object',
              required: ['requests'],
              properties: { requests: { type: 'array', items: { type: 'object' } } },
            }),
            400: bad,
          },
        },
        delete: {
          operationId: 'clearRequests',
          summary: 'Clears the journal',
          responses: {
            200: ok(
              'Cleared',
              { type: 'object', required: ['cleared'], properties: { cleared: { type: 'integer' } } },
              { cleared: 0 },
            ),
          },
        },
      },
      '/faults': {
        get: {
          operationId: 'listFaults',
          summary: 'The armed fault rules',
          responses: {
            200: ok('Rules', {
              type: 'object',
              required: ['faults'],
              properties: { faults: { type: 'array', items: { type: 'object' } } },
            }),
          },
        },
        post: {
          operationId: 'armFaults',
          summary: 'Arms one fault rule or several',
          requestBody: body(schemaOf(z.union([FaultRuleSchema, z.array(FaultRuleSchema).max(100)])), {
            path: '**',
            kind: 'status',
            status: 503,
            times: 1,
          }),
          responses: {
            201: {
              ...ok('Armed', {
                type: 'object',
                required: ['faults'],
                properties: { faults: { type: 'array', items: { type: 'object' } } },
              }),
              links: { listFaults: { operationId: 'listFaults' } },
            },
            400: bad,
            409: errorResponse('Too many rules armed at once'),
          },
        },
        delete: {
          operationId: 'clearFaults',
          summary: 'Disarms every rule',
          responses: { 200: ok('Disarmed', OK, { ok: true }) },
        },
      },
      '/actions': {
        get: {
          operationId: 'listActions',
          summary: 'The vendor actions (what a person does in the vendor UI), each with its input schema',
          responses: {
            200: ok('The actions', {
              type: 'object',
              required: ['actions'],
              properties: { actions: { type: 'array', items: { type: 'object' } } },
            }),
          },
        },
      },
      ...actionPaths(actions, bad),
    },
  };
}
