import type { z } from 'zod';
import { FaultRuleSchema } from '../../contracts/common/faults.js';
import type { Context, MiddlewareHandler } from 'hono';
import type { SeededRandom } from '../../core/random.js';
import { vendorError, type KitEnv } from './vendor-error.js';

export { FaultRuleSchema };

/**
 * Fault injection, seeded: what a flaky vendor does to a connector. A rule matches requests by
 * method and path pattern (`*` matches one path segment, `**` any number) and fires for its next
 * `times` matching requests, or with a probability decided by the seeded generator.
 */
export type FaultRuleInput = z.input<typeof FaultRuleSchema>;

/** Armed rules are checked on every request: at most this many at once (`POST /__admin/faults` refuses more). */
export const MAX_FAULT_RULES = 1000;
export type FaultRule = z.infer<typeof FaultRuleSchema> & { id: number; remaining?: number };

export interface FaultInjector {
  /** How many rules are armed. */
  readonly size: number;
  add(rule: FaultRuleInput): FaultRule;
  list(): FaultRule[];
  /** Disarms one rule; false when none has that id (fired its `times`, or never armed). */
  remove(id: number): boolean;
  clear(): void;
  /** The rule that fires for this request, if any (consumes one of its `times`). */
  decide(method: string, path: string): FaultRule | undefined;
}

export function createFaultInjector(random: SeededRandom): FaultInjector {
  let rules: FaultRule[] = [];
  let nextId = 1;
  return {
    get size() {
      return rules.length;
    },
    add(input) {
      const parsed = FaultRuleSchema.parse(input);
      const rule: FaultRule = { ...parsed, id: nextId++, remaining: parsed.times };
      rules.push(rule);
      return rule;
    },
    list: () => rules.map((r) => ({ ...r })),
    remove(id) {
      const before = rules.length;
      rules = rules.filter((r) => r.id !== id);
      return rules.length < before;
    },
    clear() {
      rules = [];
    },
    decide(method, path) {
      for (const rule of rules) {
        if (rule.method && rule.method !== method) continue;
        if (!matchPath(rule.path, path)) continue;
        if (rule.probability !== undefined && random.next() >= rule.probability) continue;
        if (rule.remaining !== undefined) {
          rule.remaining -= 1;
          if (rule.remaining <= 0) rules = rules.filter((r) => r !== rule);
        }
        return rule;
      }
      return undefined;
    },
  };
}

/**
 * Each pattern's expression, built once: every armed rule is matched against every request.
 * Bounded, since a journal query's path pattern comes from the client.
 */
const compiled = new Map<string, RegExp>();

export function matchPath(pattern: string, path: string): boolean {
  let expression = compiled.get(pattern);
  if (!expression) {
    const source = pattern
      .split('**')
      .map((part) => part.split('*').map(escapeRegExp).join('[^/]*'))
      .join('.*');
    expression = new RegExp(`^${source}$`);
    if (compiled.size >= MAX_FAULT_RULES) compiled.clear();
    compiled.set(pattern, expression);
  }
  return expression.test(path);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

const STATUS_CODES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  500: 'InternalError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/**
 * A flaky vendor at an overall fault rate (5xx, dropped connections, garbled bodies, 429s,
 * latency), as the reliability suite and the connectors' exactly-once tests inject it: the kit checks rules in order, each with its own
 * probability, so each rule's probability is conditional on the ones before not firing.
 */
export function faultMix(rate: number): FaultRuleInput[] {
  const mix: [FaultRuleInput, number][] = [
    [{ kind: 'status', status: 503 }, 0.25],
    [{ kind: 'status', status: 500 }, 0.1],
    [{ kind: 'drop' }, 0.2],
    [{ kind: 'malformed' }, 0.15],
    [{ kind: 'rate-limit', retryAfterSeconds: 1 }, 0.15],
    [{ kind: 'latency', latencyMs: 5 }, 0.15],
  ];
  let taken = 0;
  return mix.map(([rule, share]) => {
    const p = (rate * share) / (1 - taken);
    taken += rate * share;
    return { ...rule, path: '**', probability: Math.min(1, p) };
  });
}

/** Header set on a response that the transport must turn into a dropped connection. */
export const DROP_HEADER = 'x-ledgersim-drop';

export function faultMiddleware(faults: FaultInjector): MiddlewareHandler<KitEnv> {
  return async (c, next) => {
    if (faults.size === 0 || c.req.path.startsWith('/__admin')) return next();
    const rule = faults.decide(c.req.method, c.req.path);
    if (!rule) return next();
    const label = `${rule.kind}#${rule.id}`;
    (c.set as (key: string, value: string) => void)('fault', label); // the journal reads it here
    switch (rule.kind) {
      case 'latency':
        await new Promise((resolve) => setTimeout(resolve, rule.latencyMs ?? 1000));
        await next();
        c.res.headers.set('x-ledgersim-fault', label);
        return;
      case 'status': {
        const status = rule.status ?? 503;
        return tag(
          vendorError(c, {
            status,
            code: STATUS_CODES[status] ?? `Http${status}`,
            message: `Injected fault: the service answered ${status}`,
          }),
          label,
        );
      }
      case 'rate-limit': {
        const res = vendorError(c, { status: 429, code: 'TooManyRequests', message: 'Too many requests: retry later' });
        res.headers.set('retry-after', String(rule.retryAfterSeconds ?? 1));
        return tag(res, label);
      }
      case 'malformed':
        return tag(
          new Response('{"status":"acc', { status: 200, headers: { 'content-type': 'application/json' } }),
          label,
        );
      case 'drop':
        return drop(c, label);
    }
  };
}

function tag(res: Response, label: string): Response {
  res.headers.set('x-ledgersim-fault', label);
  return res;
}

/** Over a real socket, destroy it; in-process, mark the answer so the msw bridge fails the fetch. */
function drop(c: Context, label: string): Response {
  const incoming = (c.env as { incoming?: { socket?: { destroy(): void } } } | undefined)?.incoming;
  incoming?.socket?.destroy();
  return new Response(null, { status: 502, headers: { [DROP_HEADER]: '1', 'x-ledgersim-fault': label } });
}
