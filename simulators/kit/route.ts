import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { z } from 'zod';
import { vendorError, type KitEnv } from './vendor-error.js';

/** A validation failure, in the vendor's error shape: one issue per field, `body.lines.0.debit`-style paths. */
export function validationFailure(c: Context<KitEnv>, target: string, error: z.ZodError): Response {
  const issues = error.issues.map((issue) => ({
    path: [target === 'json' ? 'body' : target, ...issue.path]
      .filter((part) => part !== undefined && part !== '')
      .join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  return vendorError(c, {
    status: 400,
    code: 'ValidationError',
    message: first ? `Invalid request: ${first.path}: ${first.message}` : 'Invalid request',
    issues,
  });
}

/** A documented JSON answer of a route. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/** What a route's handler is given: hono's context, with `c.req.valid(...)` typed from the route's schemas. */
export type RouteContext<R extends RouteConfig> = Parameters<RouteHandler<R, KitEnv>>[0];

/** Answers a request whose input did not match the route's schemas (the kit's default: `validationFailure`). */
export type ValidationHook = (
  result: { success: boolean; error?: unknown; target?: string },
  c: Context<KitEnv>,
) => Response | undefined;

export interface RouteOptions {
  /** A simulator's own validation answer (Loop's French messages), instead of the kit's. */
  hook?: ValidationHook;
  /**
   * `sync`: a route on the hot path, validated synchronously in one pass (zod-openapi's
   * validators parse each part asynchronously, through hono's validator, which costs a large share
   * of a fast route's time). Same schemas, same document, same error shape; JSON bodies only.
   */
  validate?: 'sync';
}

/**
 * The one way to declare a vendor route: its OpenAPI description (`createRoute`: schemas and the
 * documented answers, errors included) and its handler. The handler answers plain `Response`s: a
 * vendor error's status comes from the catalogue, not from the route's typed responses, and a
 * helper that finds an error raises it (`fail`, `refuse`) rather than returning it.
 */
export function declareRoute<R extends RouteConfig>(
  router: OpenAPIHono<KitEnv>,
  config: R,
  handler: (c: RouteContext<R>) => Response | Promise<Response>,
  options: RouteOptions = {},
): void {
  if (options.validate === 'sync') {
    declareSyncRoute(router, config, handler as (c: Context<KitEnv>) => Response | Promise<Response>, options.hook);
    return;
  }
  // zod-openapi types a handler's answer against the documented responses; the answers here are
  // plain Responses (see above), which is the one thing this signature states differently.
  const openapi = router.openapi as (
    config: RouteConfig,
    handler: (c: Context<KitEnv>) => Response | Promise<Response>,
    hook?: ValidationHook,
  ) => unknown;
  openapi.call(router, config, handler as (c: Context<KitEnv>) => Response | Promise<Response>, options.hook);
}

type Part = 'param' | 'query' | 'header' | 'json';

function declareSyncRoute(
  router: OpenAPIHono<KitEnv>,
  config: RouteConfig,
  handler: (c: Context<KitEnv>) => Response | Promise<Response>,
  hook?: ValidationHook,
): void {
  router.openAPIRegistry.registerPath(config);
  const request = config.request ?? {};
  const params = request.params as z.ZodType | undefined;
  const query = request.query as z.ZodType | undefined;
  const headers = request.headers as z.ZodObject | undefined;
  const body = (request.body?.content['application/json'] as { schema?: z.ZodType } | undefined)?.schema;
  const headerNames = headers ? Object.keys(headers.shape) : [];
  // The declared headers only, in one object (no arrays of pairs per request).
  const headersOf = (c: Context<KitEnv>) => {
    const values: Record<string, string | undefined> = {};
    for (const name of headerNames) values[name] = c.req.header(name);
    return values;
  };
  const honoPath = config.path.replace(/\{(\w+)\}/g, ':$1');
  const accept = (c: Context<KitEnv>, part: Part, schema: z.ZodType, value: unknown): Response | undefined => {
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      return (
        hook?.({ success: false, error: parsed.error, target: part }, c) ?? validationFailure(c, part, parsed.error)
      );
    c.req.addValidatedData(part, parsed.data as object);
    return undefined;
  };
  router.on(config.method.toUpperCase(), honoPath, async (c) => {
    const failed =
      (params && accept(c, 'param', params, c.req.param())) ||
      (query && accept(c, 'query', query, c.req.query())) ||
      (headers && accept(c, 'header', headers, headersOf(c)));
    if (failed) return failed;
    if (body) {
      const type = c.req.header('content-type');
      const text = await c.req.text();
      if (type ? !/^application\/([\w.+-]*\+)?json\b/i.test(type.trim()) : text.length > 0) {
        return vendorError(c, {
          status: 415,
          code: 'UnsupportedMediaType',
          message: 'Unsupported Media Type: send application/json',
        });
      }
      let value: unknown;
      try {
        value = text.length ? JSON.parse(text) : undefined;
      } catch {
        return vendorError(c, { status: 400, code: 'MalformedJson', message: 'Malformed JSON in the request body' });
      }
      const bad = accept(c, 'json', body, value);
      if (bad) return bad;
    }
    return handler(c);
  });
}
