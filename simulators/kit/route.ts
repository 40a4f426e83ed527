import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { z } from 'zod';
import { vendorError, type KitEnv } from './vendor-error.js';

/** A validation failure, in the vendor's error shape: one issue per field, `body.lines.0.debit`-style paths. */
export function validationFailure(c: Context<KitEnv>, target: string, error: z.ZodError): Response {
  const issues = error.issues.map((issue) => ({
    path: [target === 'json' ? 'body' : target, ...issue.path].filter((part) => part !== undefined && part !== '').join('.'),
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

export interface RouteSpec<P, Q, H, B> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI style: `/api/v1/files/{fileId}/entries`. */
  path: string;
  summary: string;
  security?: Record<string, string[]>[];
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** An object schema; its keys are the (lower-case) header names read. */
  headers?: z.ZodType<H>;
  /** A JSON body (required when given). */
  body?: z.ZodType<B>;
  responses: Record<number, unknown>;
}

export interface RouteInput<P, Q, H, B> {
  params: P;
  query: Q;
  headers: H;
  body: B;
}

/**
 * A vendor route on the hot path: documented in `/openapi.json` like the others, but validated
 * synchronously in one pass (zod-openapi's validators parse each part asynchronously, through
 * hono's validator, which costs a large share of a fast route's time). Same error shape.
 */
export function route<P = undefined, Q = undefined, H = undefined, B = undefined>(
  router: OpenAPIHono<KitEnv>,
  spec: RouteSpec<P, Q, H, B>,
  handler: (c: Context<KitEnv>, input: RouteInput<P, Q, H, B>) => Response | Promise<Response>,
): void {
  router.openAPIRegistry.registerPath({
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    ...(spec.security ? { security: spec.security } : {}),
    request: {
      ...(spec.params ? { params: spec.params as never } : {}),
      ...(spec.query ? { query: spec.query as never } : {}),
      ...(spec.headers ? { headers: spec.headers as never } : {}),
      ...(spec.body ? { body: { required: true, content: { 'application/json': { schema: spec.body } } } } : {}),
    },
    responses: spec.responses as never,
  });
  const headerNames = spec.headers ? Object.keys((spec.headers as unknown as { shape: Record<string, unknown> }).shape) : [];
  const honoPath = spec.path.replace(/\{(\w+)\}/g, ':$1');
  router.on(spec.method.toUpperCase(), honoPath, async (c) => {
    const input = { params: undefined, query: undefined, headers: undefined, body: undefined } as RouteInput<P, Q, H, B>;
    if (spec.params) {
      const parsed = spec.params.safeParse(c.req.param());
      if (!parsed.success) return validationFailure(c, 'param', parsed.error);
      input.params = parsed.data;
    }
    if (spec.query) {
      const parsed = spec.query.safeParse(c.req.query());
      if (!parsed.success) return validationFailure(c, 'query', parsed.error);
      input.query = parsed.data;
    }
    if (spec.headers) {
      const raw: Record<string, string | undefined> = {};
      for (const name of headerNames) raw[name] = c.req.header(name);
      const parsed = spec.headers.safeParse(raw);
      if (!parsed.success) return validationFailure(c, 'header', parsed.error);
      input.headers = parsed.data;
    }
    if (spec.body) {
      const type = c.req.header('content-type');
      const text = await c.req.text();
      if (type ? !/^application\/([\w.+-]*\+)?json\b/i.test(type.trim()) : text.length > 0) {
        return vendorError(c, { status: 415, code: 'UnsupportedMediaType', message: 'Unsupported Media Type: send application/json' });
      }
      let value: unknown;
      try {
        value = text.length ? JSON.parse(text) : undefined;
      } catch {
        return vendorError(c, { status: 400, code: 'MalformedJson', message: 'Malformed JSON in the request body' });
      }
      const parsed = spec.body.safeParse(value);
      if (!parsed.success) return validationFailure(c, 'json', parsed.error);
      input.body = parsed.data;
    }
    return handler(c, input);
  });
}
