import fc from 'fast-check';
import type { z } from 'zod';
import {
  AdminErrorSchema,
  type RequestParts,
  type RouteSpec,
  type World,
  type WorldOptions,
  WORLDS,
  TENANTS,
} from './worlds.js';

/**
 * Bad input, property-based: each run picks a route (a vendor route from `/openapi.json`, or an
 * `/__admin` route), starts from a valid request for it and breaks one part: the JSON (malformed,
 * truncated, wrong root), one field (wrong type, missing, unknown, huge, unicode and control
 * characters, negative or enormous amounts, impossible dates), a path or query parameter, a
 * header, the content type, or the size (one byte over the limit). The answer must be a 2xx (the
 * input happened to be valid) or a 4xx in the vendor's error shape (the kit's own on `/__admin`),
 * never a 5xx; after a 4xx the state must be byte-identical to before; after a 2xx, the work the
 * simulator does later on the clock (a day of it) must not fail on what it accepted.
 */

const DAY_MS = 86_400_000;

/** The body limit of the fuzzed simulators: small, so that "over the limit" stays cheap. */
export const FUZZ_BODY_LIMIT = 64 * 1024;

const IMPOSSIBLE_DATES = [
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '0000-00-00',
  '9999-99-99',
  '2026-3-1',
  '-000001-01-01',
  '+275760-09-14',
  '2026-03-10T25:61:00Z',
  '31/12/2026',
  '2026-02-29',
];
const TRICKY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u0007\u001b[31m',
  '\r\n\r\nX-Injected: 1',
  '\u202eevil',
  '\ud800',
  '😀'.repeat(40),
  'é'.repeat(300),
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '../../etc/passwd',
  '%00',
  '%2F..%2F',
  '<script>',
  "' OR 1=1 --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection probe, sent as is
  '${7*7}',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e999',
];
const AMOUNTS = [
  -1,
  -0.01,
  -1e15,
  0,
  1e-9,
  0.001,
  0.1 + 0.2,
  1e15,
  1e21,
  1e308,
  -1e308,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  // biome-ignore lint/correctness/noPrecisionLoss: more digits than a double holds, on purpose
  123456789.123456789,
];

/** A hostile value for one field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...TRICKY_STRINGS),
  fc.constantFrom(...IMPOSSIBLE_DATES),
  fc.constantFrom(...AMOUNTS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(1_000, 20_000, 60_000).map((n) => 'x'.repeat(n)),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }),
);

export type Breakage =
  | { kind: 'valid' }
  | { kind: 'replace-field'; pick: number; value: unknown }
  | { kind: 'delete-field'; pick: number }
  | { kind: 'unknown-field'; pick: number; name: string; value: unknown }
  | { kind: 'wrong-root'; value: unknown }
  | { kind: 'malformed-json'; cut: number; garbage: string }
  | { kind: 'over-limit' }
  | { kind: 'content-type'; value: string }
  | { kind: 'path-param'; pick: number; value: string }
  | { kind: 'query-param'; pick: number; value: string }
  | { kind: 'unknown-query'; name: string; value: string }
  | { kind: 'drop-query'; pick: number }
  | { kind: 'header'; pick: number; value: string }
  | { kind: 'method'; value: string };

const printable = fc.oneof(
  fc.constantFrom(...TRICKY_STRINGS),
  fc.constantFrom(...IMPOSSIBLE_DATES),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('-5', '0', '1e9', '99999999999999999999', '1.5', 'x'.repeat(5000)),
);

export const breakage: fc.Arbitrary<Breakage> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'valid' as const }) },
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('replace-field' as const), pick: fc.nat(), value: hostileValue }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete-field' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('unknown-field' as const),
      pick: fc.nat(),
      name: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'extra', '$where', ''), fc.string({ maxLength: 10 })),
      value: hostileValue,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wrong-root' as const), value: hostileValue }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('malformed-json' as const),
      cut: fc.nat(),
      garbage: fc.constantFrom('', '}', ',', '{', '"', '\u0000', 'NaN', '//', "'"),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'over-limit' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('content-type' as const),
      value: fc.constantFrom(
        'text/plain',
        'application/xml',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        '',
        'application/x-www-form-urlencoded',
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('path-param' as const), pick: fc.nat(), value: printable }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('query-param' as const), pick: fc.nat(), value: printable }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('unknown-query' as const),
      name: fc.constantFrom('__proto__', 'extra', 'limit', 'take', 'filter', 'skip'),
      value: printable,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop-query' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('header' as const),
      pick: fc.nat(),
      value: fc.oneof(
        printable.filter((v) => /^[\t\x20-\x7e]*$/.test(v)),
        fc.constant('x'.repeat(10_000)),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('method' as const),
      value: fc.constantFrom('DELETE', 'PATCH', 'PUT', 'POST', 'GET', 'OPTIONS'),
    }),
  },
);

const asText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined'));

/** Every path to a value inside a JSON value (objects and arrays), the root excluded. */
function jsonPaths(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    for (const [k, v] of Object.entries(value)) {
      const path = [...prefix, Array.isArray(value) ? Number(k) : k];
      out.push(path);
      jsonPaths(v, path, out);
    }
  }
  return out;
}

function containers(value: unknown): (string | number)[][] {
  const out: (string | number)[][] = [[]];
  for (const p of jsonPaths(value)) {
    let v: any = value;
    for (const k of p) v = v[k];
    if (v && typeof v === 'object' && !Array.isArray(v)) out.push(p);
  }
  return out;
}

function at(root: any, path: (string | number)[]): any {
  let v = root;
  for (const k of path) v = v?.[k];
  return v;
}

/** Applies one breakage to a valid request. */
export function breakRequest(route: RouteSpec, valid: RequestParts, b: Breakage, limit: number): RequestParts {
  const parts: RequestParts = structuredClone({
    ...valid,
    body: valid.body instanceof Uint8Array ? undefined : valid.body,
  });
  if (valid.body instanceof Uint8Array) parts.body = valid.body;
  const _isJson = (route.bodyType ?? '').includes('json');
  const isObjectBody =
    parts.body !== undefined && typeof parts.body === 'object' && !(parts.body instanceof Uint8Array);
  switch (b.kind) {
    case 'valid':
      return parts;
    case 'replace-field':
    case 'delete-field': {
      if (!isObjectBody) {
        if (route.bodyType) parts.body = b.kind === 'replace-field' ? JSON.stringify(b.value) : '';
        return parts;
      }
      const paths = jsonPaths(parts.body);
      if (paths.length === 0) return parts;
      const path = paths[b.pick % paths.length]!;
      const parent = at(parts.body, path.slice(0, -1));
      const key = path[path.length - 1]!;
      const formRoute = route.bodyType === 'application/x-www-form-urlencoded';
      if (b.kind === 'delete-field') {
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
      } else parent[key] = formRoute ? asText(b.value) : b.value;
      return parts;
    }
    case 'unknown-field': {
      if (!isObjectBody) return parts;
      const cs = containers(parts.body);
      const target = at(parts.body, cs[b.pick % cs.length]!);
      Object.defineProperty(target, b.name, {
        value: route.bodyType === 'application/x-www-form-urlencoded' ? asText(b.value) : b.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return parts;
    }
    case 'wrong-root':
      if (route.bodyType) parts.body = asText(b.value);
      return parts;
    case 'malformed-json': {
      const text = typeof parts.body === 'string' ? parts.body : JSON.stringify(parts.body ?? {});
      parts.body = text.slice(0, text.length ? b.cut % text.length : 0) + b.garbage;
      if (!route.bodyType) parts.bodyType = 'application/json';
      return parts;
    }
    case 'over-limit': {
      // Valid JSON (padded with spaces) one byte over the limit: only the size is wrong.
      const text =
        parts.body instanceof Uint8Array
          ? new TextDecoder().decode(parts.body)
          : typeof parts.body === 'string'
            ? parts.body
            : JSON.stringify(parts.body ?? {});
      parts.body = text + ' '.repeat(Math.max(0, limit + 1 - Buffer.byteLength(text)));
      parts.bodyType = route.bodyType ?? 'application/json';
      return parts;
    }
    case 'content-type':
      parts.headers['content-type'] = b.value;
      if (parts.body === undefined) parts.body = '{}';
      return parts;
    case 'path-param': {
      const names = Object.keys(parts.path);
      if (names.length) parts.path[names[b.pick % names.length]!] = b.value;
      return parts;
    }
    case 'query-param': {
      const names = [...new Set([...Object.keys(parts.query), ...route.query.map((q) => q.name)])];
      if (names.length) parts.query[names[b.pick % names.length]!] = b.value;
      return parts;
    }
    case 'unknown-query':
      parts.query[b.name] = b.value;
      return parts;
    case 'drop-query': {
      const names = Object.keys(parts.query);
      if (names.length) delete parts.query[names[b.pick % names.length]!];
      return parts;
    }
    case 'header': {
      const names = Object.keys(parts.headers).filter((h) => h !== 'content-type');
      if (names.length) parts.headers[names[b.pick % names.length]!] = b.value;
      return parts;
    }
    case 'method':
      parts.method = b.value;
      if (b.value === 'GET' || b.value === 'OPTIONS') parts.body = undefined;
      return parts;
  }
}

/** The `/__admin` routes of the kit (ledgersim's own), with a valid body to break. */
export function adminRoutes(world: World, actions: string[]): { route: RouteSpec; valid: RequestParts }[] {
  const r = (
    method: string,
    template: string,
    body?: unknown,
    query: Record<string, string> = {},
  ): { route: RouteSpec; valid: RequestParts } => ({
    route: {
      method,
      template,
      pathParams: [],
      query: Object.keys(query).map((name) => ({ name, required: false })),
      headers: [],
      bodyType: body === undefined ? undefined : 'application/json',
    },
    valid: {
      method,
      path: {},
      query,
      headers: {},
      body,
      bodyType: body === undefined ? undefined : 'application/json',
    },
  });
  const tenantId = Object.keys(world.sim.store.data.tenants)[0]!;
  const state = JSON.parse(world.initial);
  return [
    r('PUT', '/__admin/state', state),
    r('PUT', `/__admin/tenants/${tenantId}`, state.tenants[tenantId]),
    r('PUT', '/__admin/tenants/NEW-TENANT', state.tenants[tenantId]),
    r('DELETE', '/__admin/tenants/NO-SUCH-TENANT'),
    r('POST', '/__admin/seed', { seed: 7 }),
    r('POST', '/__admin/clock', { advance: '1h' }),
    r('POST', '/__admin/clock', { set: '2026-03-17T09:00:00Z' }),
    r('GET', '/__admin/requests', undefined, { method: 'POST', path: '/x', status: '400', since: '0', limit: '10' }),
    r('POST', '/__admin/faults', { path: '/nowhere/*', kind: 'status', status: 503, times: 1, probability: 0.5 }),
    r('GET', '/__admin/tenants/NO-SUCH-TENANT'),
    ...actions.map((name) => r('POST', `/__admin/actions/${name}`, world.actionInput('A'))),
  ];
}

const BODY_KINDS = new Set([
  'replace-field',
  'delete-field',
  'unknown-field',
  'wrong-root',
  'malformed-json',
  'over-limit',
  'content-type',
]);

/** Whether a breakage means anything on a route (a body breakage on a route with a body...). */
function applies(route: RouteSpec, b: Breakage): boolean {
  if (BODY_KINDS.has(b.kind)) return !!route.bodyType;
  if (b.kind === 'path-param') return route.pathParams.length > 0;
  if (b.kind === 'query-param' || b.kind === 'drop-query') return route.query.length > 0;
  if (b.kind === 'header')
    return (
      route.headers.length > 0 ||
      route.template.startsWith('/api') ||
      route.template.startsWith('/loop') ||
      route.template.startsWith('/Quadra')
    );
  return true;
}

/**
 * The property one answer must hold: never a 5xx; a 4xx is JSON in the expected error shape (or
 * the vendor's) and changed nothing; what was accepted on a vendor route does not break the work
 * done a day later on the clock (Loop's import service, Quadra's imports). Gives what broke, if
 * anything. Moves the clock after a vendor 2xx: the caller restores the world.
 */
async function answerViolation(
  world: World,
  answer: { status: number; text: string; stateBefore: string; schema: z.ZodType<unknown>; vendorRoute: boolean },
): Promise<string | undefined> {
  const { status, text } = answer;
  if (status >= 500) return `a ${status}`;
  if (status >= 400) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return 'an error answer that is not JSON';
    }
    if (!answer.schema.safeParse(body).success && !world.errorSchema.safeParse(body).success)
      return 'an error answer not in the expected shape';
    if (JSON.stringify(world.sim.store.data) !== answer.stateBefore) return 'a refused request changed the state';
    return undefined;
  }
  if (!answer.vendorRoute) return undefined;
  const failuresBefore = world.sim.tickFailures();
  world.sim.clock.advance(DAY_MS);
  await world.sim.settled();
  return world.sim.tickFailures() !== failuresBefore
    ? "accepted, then it broke the simulator's work on the clock (a tick failed)"
    : undefined;
}

export interface FuzzFigures {
  simulator: string;
  plane: 'vendor' | 'admin';
  tried: number;
  byStatus: Record<number, number>;
  /** Answers that broke the property (a 5xx, a wrong error shape, state changed by a 4xx). */
  violations: string[];
}

export interface FuzzOptions {
  simulator: keyof typeof WORLDS;
  plane: 'vendor' | 'admin';
  runs: number;
  seed: number;
}

/** Runs the property; throws (with fast-check's seed and counterexample) on the first violation. */
export async function fuzz(options: FuzzOptions): Promise<FuzzFigures> {
  const worldOptions: WorldOptions = { maxBodyBytes: FUZZ_BODY_LIMIT };
  const world = await WORLDS[options.simulator](worldOptions);
  const figures: FuzzFigures = {
    simulator: options.simulator,
    plane: options.plane,
    tried: 0,
    byStatus: {},
    violations: [],
  };
  const actions = (
    (await (await world.sim.app.request('/__admin/actions')).json()) as { actions: { name: string }[] }
  ).actions.map((a) => a.name);
  const targets =
    options.plane === 'vendor'
      ? world.routes.flatMap((route) =>
          TENANTS.map((t) => ({ route, valid: world.valid(route, t), schema: world.errorSchema })),
        )
      : adminRoutes(world, actions).map((x) => ({ ...x, schema: AdminErrorSchema as z.ZodType<unknown> }));
  try {
    await fc.assert(
      fc.asyncProperty(fc.nat(), breakage, async (pick, b) => {
        const applicable = targets.filter((t) => applies(t.route, b));
        const pool = applicable.length ? applicable : targets;
        const target = pool[pick % pool.length]!;
        const parts = breakRequest(target.route, target.valid, b, FUZZ_BODY_LIMIT);
        const before = JSON.stringify(world.sim.store.data);
        const res = await world.request(parts, target.route.template);
        const text = await res.text();
        figures.tried += 1;
        figures.byStatus[res.status] = (figures.byStatus[res.status] ?? 0) + 1;
        const where = `${parts.method} ${target.route.template} (${b.kind})`;
        const fail = (why: string) => {
          figures.violations.push(`${where}: ${why}`);
          throw new Error(`${where}: ${why}\nanswer: ${res.status} ${text.slice(0, 500)}`);
        };
        if (b.kind === 'over-limit' && parts.method !== 'GET' && res.status !== 413)
          fail(`over the limit, answered ${res.status}, not 413`);
        const violation = await answerViolation(world, {
          status: res.status,
          text,
          stateBefore: before,
          schema: target.schema,
          vendorRoute: options.plane === 'vendor',
        });
        if (violation) fail(violation);
        if (res.status < 400 || options.plane === 'admin') await world.restore();
      }),
      { seed: options.seed, numRuns: options.runs, endOnFailure: true },
    );
  } finally {
    await world.sim.close();
  }
  return figures;
}

export interface ReservedNameFigures {
  tried: number;
  accepted: number;
  violations: string[];
}

/**
 * Every string field of every vendor route's valid body, set in turn to each name that cannot be
 * a key of the state (`__proto__`, `constructor`, `prototype`): the answer is a 2xx or a 4xx in the
 * vendor's shape, a refusal changes nothing, and what was accepted does not break the work done a
 * day later on the clock. Deterministic and exhaustive, where the random fuzz would rarely put one
 * of these names in the one field that becomes a key.
 */
export async function reservedNameSweep(simulator: keyof typeof WORLDS): Promise<ReservedNameFigures> {
  const world = await WORLDS[simulator]({ maxBodyBytes: FUZZ_BODY_LIMIT });
  const figures: ReservedNameFigures = { tried: 0, accepted: 0, violations: [] };
  try {
    for (const route of world.routes) {
      const valid = world.valid(route, TENANTS[0]);
      if (!valid.body || typeof valid.body !== 'object' || valid.body instanceof Uint8Array) continue;
      const paths = jsonPaths(valid.body);
      for (const [pick, path] of paths.entries()) {
        if (typeof at(valid.body, path) !== 'string') continue;
        for (const name of ['__proto__', 'constructor', 'prototype']) {
          const parts = breakRequest(route, valid, { kind: 'replace-field', pick, value: name }, FUZZ_BODY_LIMIT);
          const where = `${parts.method} ${route.template} ${path.join('.')} = ${name}`;
          const before = JSON.stringify(world.sim.store.data);
          const res = await world.request(parts, route.template);
          figures.tried += 1;
          if (res.status < 400) figures.accepted += 1;
          const violation = await answerViolation(world, {
            status: res.status,
            text: await res.text(),
            stateBefore: before,
            schema: world.errorSchema,
            vendorRoute: true,
          });
          if (violation) figures.violations.push(`${where}: ${violation}`);
          await world.restore();
        }
      }
    }
  } finally {
    await world.sim.close();
  }
  return figures;
}

/** A body over the default limit (5 MiB), once per simulator: 413 in the vendor's shape. */
export async function overDefaultLimit(
  simulator: keyof typeof WORLDS,
): Promise<{ status: number; body: unknown; shapeOk: boolean; unchanged: boolean }> {
  const world = await WORLDS[simulator]();
  try {
    const route = world.routes.find((r) => r.bodyType)!;
    const parts = breakRequest(route, world.valid(route, 'A'), { kind: 'over-limit' }, 5 * 1024 * 1024);
    const before = JSON.stringify(world.sim.store.data);
    const res = await world.request(parts, route.template);
    const body = await res.json();
    return {
      status: res.status,
      body,
      shapeOk: world.errorSchema.safeParse(body).success,
      unchanged: JSON.stringify(world.sim.store.data) === before,
    };
  } finally {
    await world.sim.close();
  }
}
