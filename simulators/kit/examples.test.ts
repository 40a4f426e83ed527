import { describe, expect, it } from 'vitest';
import { createLoopSimulator } from '../loop/index.js';
import { createQuadraSimulator } from '../quadra/index.js';
import { createSageGeSimulator } from '../sage-ge/index.js';

/**
 * Every operation of every simulator's `/openapi.json` has an example request that the server
 * accepts (2xx) on its demo state, and the document's `links` are enough to chain them: a value
 * no example can hold (an entry id, an import id, a container) comes from the answer of the
 * operation that links to it, as a stateful API tester would take it. Bearer tokens and the SAS
 * query string are the vendors' own auth: taken from the token and `getsastoken` answers.
 */
const ORIGIN = 'http://127.0.0.1';

type Param = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; example?: string };
type Link = { operationRef: string; parameters?: Record<string, string> };
type Op = {
  parameters?: Param[];
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, { links?: Record<string, Link> }>;
};
type Doc = { paths: Record<string, Record<string, Op>> };
type Done = Map<string, { params: Record<string, string>; body: unknown; response: unknown; headers: Headers }>;

const refToKey = (ref: string) => {
  const [, path, method] = /^#\/paths\/(.+)\/([a-z]+)$/.exec(ref) ?? [];
  if (!path || !method) throw new Error(`not an operation reference: ${ref}`);
  return `${method.toUpperCase()} ${path.replace(/~1/g, '/').replace(/~0/g, '~')}`;
};

const pointer = (value: unknown, ptr: string): unknown =>
  ptr
    .split('/')
    .slice(1)
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], value);

/** A link parameter's runtime expression, evaluated on the operation it starts from. */
function evaluate(expression: string, from: { params: Record<string, string>; body: unknown; response: unknown }) {
  if (expression.startsWith('$response.body#'))
    return pointer(from.response, expression.slice('$response.body#'.length));
  if (expression.startsWith('$request.body#')) return pointer(from.body, expression.slice('$request.body#'.length));
  const param = /^\$request\.(path|query|header)\.(.+)$/.exec(expression);
  if (param) return from.params[param[2]!];
  return expression;
}

interface Walk {
  app: { request: (url: string, init?: RequestInit) => Response | Promise<Response> };
  /** The operation's auth headers, or undefined while what they need (a token) is not there yet. */
  auth(key: string, done: Done): Record<string, string> | undefined;
  /** Extra query string (the SAS), or undefined while not there yet. */
  query?(key: string, done: Done): string | undefined;
  /** Whether the operation can run yet besides its parameters (the vendor's own order), and what to do before it. */
  ready?(key: string, done: Done, all: string[]): boolean;
  before?(key: string): Promise<void>;
}

async function walk(w: Walk): Promise<{ sent: string[]; all: string[]; links: number }> {
  const doc = (await (await w.app.request(`${ORIGIN}/openapi.json`)).json()) as Doc;
  const ops = new Map<string, Op>();
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) ops.set(`${method.toUpperCase()} ${path}`, op);
  const incoming = new Map<string, { from: string; link: Link }[]>();
  let links = 0;
  for (const [key, op] of ops)
    for (const response of Object.values(op.responses))
      for (const link of Object.values(response.links ?? {})) {
        if (!link.operationRef.startsWith('#')) continue; // into the admin plane's document: followed below
        const to = refToKey(link.operationRef);
        expect(ops.has(to), `${key} links to ${to}`).toBe(true);
        incoming.set(to, [...(incoming.get(to) ?? []), { from: key, link }]);
        links += 1;
      }
  const all = [...ops.keys()];
  const done: Done = new Map();
  const sent: string[] = [];
  for (let pass = 0; pass < all.length + 1 && done.size < all.length; pass += 1) {
    for (const [key, op] of ops) {
      if (done.has(key)) continue;
      if (w.ready && !w.ready(key, done, all)) continue;
      const values: Record<string, string> = {};
      for (const p of op.parameters ?? []) if (p.example !== undefined) values[p.name] = p.example;
      for (const { from, link } of incoming.get(key) ?? []) {
        const source = done.get(from);
        if (!source) continue;
        for (const [name, expression] of Object.entries(link.parameters ?? {})) {
          const value = evaluate(expression, source);
          if (value !== undefined) values[name] = String(value);
        }
      }
      const missing = (op.parameters ?? []).filter(
        (p) => p.required && values[p.name] === undefined && !(w.query && p.in === 'query'),
      );
      const auth = w.auth(key, done);
      const extraQuery = w.query ? w.query(key, done) : '';
      if (missing.length || !auth || extraQuery === undefined) continue;
      await w.before?.(key);
      const [method, path] = key.split(' ') as [string, string];
      let url = path;
      const query = new URLSearchParams();
      const headers: Record<string, string> = { ...auth };
      for (const p of op.parameters ?? []) {
        const value = values[p.name];
        if (value === undefined) continue;
        if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(value));
        else if (p.in === 'query') query.set(p.name, value);
        else headers[p.name] = value;
      }
      const qs = [query.toString(), extraQuery].filter(Boolean).join('&');
      let body: string | undefined;
      const [type, content] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      if (type && content) {
        expect(content.example, `${key}: an example body`).toBeDefined();
        headers['content-type'] = type;
        body =
          type === 'application/json'
            ? JSON.stringify(content.example)
            : type === 'application/x-www-form-urlencoded'
              ? new URLSearchParams(content.example as Record<string, string>).toString()
              : String(content.example);
      }
      const res = await w.app.request(`${ORIGIN}${url}${qs ? `?${qs}` : ''}`, { method, headers, body });
      const text = await res.text();
      expect(res.status, `${key}: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(200);
      expect(res.status, `${key}: ${text.slice(0, 300)}`).toBeLessThan(300);
      let response: unknown = text;
      try {
        response = JSON.parse(text);
      } catch {}
      done.set(key, { params: values, body: content?.example, response, headers: res.headers });
      sent.push(key);
    }
  }
  await followAdminLinks(w.app, ops, done);
  return { sent, all, links };
}

/**
 * Every link from a vendor operation into the admin plane's document names an operation that
 * document has, with parameters it takes, and, followed from the example's answer (the runtime
 * expression evaluated on it), is answered 200 about the very tenant the credentials named.
 */
async function followAdminLinks(app: Walk['app'], ops: Map<string, Op>, done: Done): Promise<void> {
  const adminDoc = (await (await app.request(`${ORIGIN}/__admin/openapi.json`)).json()) as {
    servers: { url: string }[];
    paths: Record<string, Record<string, Op> & { parameters?: Param[] }>;
  };
  let followed = 0;
  for (const [key, op] of ops) {
    const answer = done.get(key)!;
    for (const response of Object.values(op.responses))
      for (const [name, link] of Object.entries(response.links ?? {})) {
        if (link.operationRef.startsWith('#')) continue;
        const [document, fragment] = link.operationRef.split('#') as [string, string];
        expect(new URL(document, `${ORIGIN}/openapi.json`).href, `${key} ${name}`).toBe(
          `${ORIGIN}/__admin/openapi.json`,
        );
        const [, path, method] = /^\/paths\/(.+)\/([a-z]+)$/.exec(decodeURIComponent(fragment)) ?? [];
        const adminPath = path!.replace(/~1/g, '/').replace(/~0/g, '~');
        const target = adminDoc.paths[adminPath]?.[method!] as Op | undefined;
        expect(target, `${key} ${name} → ${method} ${adminPath}`).toBeDefined();
        const declared = [...(adminDoc.paths[adminPath]!.parameters ?? []), ...(target!.parameters ?? [])];
        const values: Record<string, string> = {};
        for (const [param, expression] of Object.entries(link.parameters ?? {})) {
          const where = declared.find((p) => p.name === param);
          expect(where, `${key} ${name}: ${param} is a parameter of ${method} ${adminPath}`).toBeDefined();
          const header = /^\$response\.header\.(.+)$/.exec(expression)?.[1];
          expect(header, expression).toBeDefined();
          const value = answer.headers.get(header!);
          expect(value, `${key} answered no ${header}`).toBeTruthy();
          values[param] = value!;
        }
        let url = adminPath;
        const query = new URLSearchParams();
        for (const p of declared)
          if (values[p.name] !== undefined) {
            if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(values[p.name]!));
            else query.set(p.name, values[p.name]!);
          }
        const base = new URL(adminDoc.servers[0]!.url).pathname;
        const res = await app.request(`${ORIGIN}${base}${url}${query.size ? `?${query}` : ''}`, {
          method: method!.toUpperCase(),
        });
        const text = await res.text();
        expect(res.status, `${key} ${name}: ${text.slice(0, 200)}`).toBe(200);
        if (name === 'adminTenantRequests')
          expect((JSON.parse(text) as { requests: { tenantId?: string }[] }).requests.length).toBeGreaterThan(0);
        if (name === 'adminTenantClock') expect(JSON.parse(text)).toMatchObject({ tenantId: values.tenantId });
        followed += 1;
      }
  }
  // Each success answer of each operation links to the three reads of its tenant.
  const successes = [...ops.values()].flatMap((op) => Object.keys(op.responses).filter((s) => /^2/.test(s)));
  expect(followed).toBe(successes.length * 3);
}

describe('every operation has an example the server accepts, chained by the document’s links', () => {
  it('sage-ge', async () => {
    const sim = createSageGeSimulator();
    const entity = Object.values(sim.store.data.tenants)[0]!;
    const { sent, all, links } = await walk({
      app: sim.app,
      auth: () => ({ authorization: `Bearer ${entity.geIdentifier}` }),
    });
    expect(sent.sort()).toEqual(all.sort());
    expect(links).toBeGreaterThanOrEqual(6);
  });

  it('loop', async () => {
    const sim = createLoopSimulator();
    const firm = Object.values(sim.store.data.tenants)[0]!;
    const key = Object.values(firm.apiKeys)[0]!;
    const { sent, all } = await walk({
      app: sim.app,
      auth: () => ({
        'Ocp-Apim-Subscription-Key': firm.subscriptionKey,
        'x-apikey': `${key.key}:${key.secret}`,
        'x-domain': firm.domain,
      }),
    });
    expect(sent.sort()).toEqual(all.sort());
  });

  it('quadra', async () => {
    const sim = createQuadraSimulator();
    const firm = Object.values(sim.store.data.tenants)[0]!;
    const token = (done: Done, key: string) =>
      (done.get(key)?.response as { access_token?: string } | undefined)?.access_token;
    const SAS = 'GET /CFE/V1/getsastoken/{dossier}';
    const ARCHIVE = 'GET /CFE/blob/{container}/archive/{status}/{fileName}';
    const { sent, all } = await walk({
      app: sim.app,
      auth(key, done): Record<string, string> | undefined {
        if (key.endsWith('/token')) return {};
        const bearer = key.includes('/QuadraODOpenApi/')
          ? token(done, 'POST /QuadraODOpenApi/token')
          : key.includes('/CFE/V1/')
            ? token(done, 'POST /CFE/token')
            : '';
        return bearer === undefined ? undefined : bearer ? { authorization: `Bearer ${bearer}` } : {};
      },
      query(key, done) {
        if (!key.includes('/CFE/blob/')) return '';
        return (done.get(SAS)?.response as { sasToken?: string } | undefined)?.sasToken;
      },
      // The archive holds a file once the dossier is opened in Quadra (an admin action): last.
      ready: (key, done, all) => key !== ARCHIVE || done.size === all.length - 1,
      async before(key) {
        if (key !== ARCHIVE) return;
        const res = await sim.app.request(`${ORIGIN}/__admin/actions/open-dossier`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ sicCode: firm.sicCode, dossier: Object.keys(firm.dossiers)[0] }),
        });
        expect(res.status, await res.clone().text()).toBe(200);
      },
    });
    expect(sent.sort()).toEqual(all.sort());
  });
});
