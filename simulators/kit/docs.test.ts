import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { createLoopSimulator } from '../loop/index.js';
import { createQuadraSimulator } from '../quadra/index.js';
import { createSageGeSimulator } from '../sage-ge/index.js';
import { DOCS_CSP, swaggerUiDir } from './docs.js';

const simulators = {
  'sage-ge': () => createSageGeSimulator(),
  quadra: () => createQuadraSimulator(),
  loop: () => createLoopSimulator(),
};
const ORIGIN = 'http://127.0.0.1:4101';

describe('/docs and the OpenAPI documents', () => {
  for (const [vendor, create] of Object.entries(simulators)) {
    describe(vendor, () => {
      it("every route, /docs's included, fits hono's RegExpRouter (the TrieRouter it falls back to costs every request more)", async () => {
        const app = create().app;
        await app.request(`${ORIGIN}/docs/init.js`); // the router is chosen at the first request
        expect((app.router as { name: string }).name).toBe('SmartRouter + RegExpRouter');
      });

      it('/ sends a browser to /docs', async () => {
        const res = await create().app.request(`${ORIGIN}/`);
        expect(res.status).toBe(302);
        expect(res.headers.get('location')).toBe('/docs');
      });

      it('/docs loads Swagger UI from the simulator itself, under a CSP that allows nothing else', async () => {
        const app = create().app;
        const res = await app.request(`${ORIGIN}/docs`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-security-policy')).toBe(DOCS_CSP);
        const html = await res.text();
        // Every script and stylesheet is a path on this origin: nothing is fetched from a CDN.
        const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map(([, ref]) => ref!);
        expect(refs.length).toBeGreaterThanOrEqual(4);
        for (const ref of refs) expect(ref).toMatch(/^\/docs\//);
        for (const ref of refs) {
          const asset = await app.request(`${ORIGIN}${ref}`);
          expect(asset.status, ref).toBe(200);
          if (ref !== '/docs/init.js')
            expect(
              Buffer.from(await asset.arrayBuffer()).equals(
                readFileSync(join(swaggerUiDir(), ref.slice('/docs/'.length))),
              ),
              ref,
            ).toBe(true);
        }
        const init = await (await app.request(`${ORIGIN}/docs/init.js`)).text();
        expect(init).toContain("url: '/openapi.json'");
        expect(init).toContain("url: '/__admin/openapi.json'");
      });

      it('/docs serves only the files the page loads, not the rest of the package', async () => {
        const app = create().app;
        for (const path of [
          '/docs/package.json',
          '/docs/index.html',
          '/docs/..%2Fpackage.json',
          '/docs/swagger-ui.js.map',
        ]) {
          expect((await app.request(`${ORIGIN}${path}`)).status, path).toBe(404);
        }
      });

      it('/openapi.json is valid OpenAPI 3, names the server it was reached at, and keeps x-provenance', async () => {
        const res = await create().app.request(`${ORIGIN}/openapi.json`);
        const doc = (await res.json()) as {
          servers: { url: string }[];
          paths: Record<string, Record<string, { 'x-provenance'?: unknown }>>;
        };
        expect(doc.servers.map((server) => server.url)).toEqual([ORIGIN]);
        const other = (await (await create().app.request('http://localhost:9999/openapi.json')).json()) as typeof doc;
        expect(other.servers.map((server) => server.url)).toEqual(['http://localhost:9999']);
        const operations = Object.values(doc.paths).flatMap((ops) => Object.values(ops));
        expect(operations.length).toBeGreaterThan(0);
        for (const op of operations) expect(op['x-provenance']).toBeDefined();
        await SwaggerParser.validate(structuredClone(doc) as never);
      });

      it('/__admin/openapi.json is a separate, valid OpenAPI 3 document of the admin plane', async () => {
        const res = await create().app.request(`${ORIGIN}/__admin/openapi.json`);
        expect(res.status).toBe(200);
        const doc = (await res.json()) as { servers: { url: string }[]; paths: Record<string, unknown> };
        expect(doc.servers.map((server) => server.url)).toEqual([`${ORIGIN}/__admin`]);
        for (const path of [
          '/health',
          '/state',
          '/tenants',
          '/tenants/{tenantId}',
          '/reset',
          '/seed',
          '/clock',
          '/requests',
          '/faults',
          '/actions',
        ])
          expect(doc.paths).toHaveProperty([path]);
        // Every vendor action the plane serves is a path of its own, with its input as the body.
        const listed = (await (await create().app.request(`${ORIGIN}/__admin/actions`)).json()) as {
          actions: { name: string }[];
        };
        expect(listed.actions.length).toBeGreaterThan(0);
        for (const { name } of listed.actions) expect(doc.paths).toHaveProperty([`/actions/${name}`]);
        await SwaggerParser.validate(structuredClone(doc) as never);
        const vendorDoc = (await (await create().app.request(`${ORIGIN}/openapi.json`)).json()) as {
          paths: Record<string, unknown>;
        };
        expect(Object.keys(vendorDoc.paths).filter((path) => path.startsWith('/__admin'))).toEqual([]);
      });

      it("the admin document's examples are accepted by the admin plane", async () => {
        const app = create().app;
        const doc = (await (await app.request(`${ORIGIN}/__admin/openapi.json`)).json()) as {
          paths: Record<
            string,
            Record<string, { requestBody?: { content: { 'application/json': { example?: unknown } } } }>
          >;
        };
        let sent = 0;
        for (const [path, ops] of Object.entries(doc.paths)) {
          for (const [method, op] of Object.entries(ops)) {
            const example = op.requestBody?.content['application/json'].example;
            if (example === undefined) continue;
            // A path's tenant is one of the demo's (an earlier example may have emptied the state).
            await app.request(`${ORIGIN}/__admin/seed`, { method: 'POST' });
            const { tenants } = (await (await app.request(`${ORIGIN}/__admin/tenants`)).json()) as {
              tenants: string[];
            };
            const res = await app.request(`${ORIGIN}/__admin${path.replace('{tenantId}', tenants[0]!)}`, {
              method: method.toUpperCase(),
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(example),
            });
            expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
            sent += 1;
          }
        }
        expect(sent).toBeGreaterThanOrEqual(4);
      });
    });
  }
});

describe("the vendor documents' examples", () => {
  type Op = {
    parameters?: { name: string; in: string; example?: string }[];
    requestBody?: { content: { 'application/json'?: { example?: unknown } } };
  };
  /** Sends every example request of a document with a tenant's credentials; answers what was sent. */
  async function sendExamples(
    app: { request: (url: string, init: RequestInit) => Response | Promise<Response> },
    headers: Record<string, string>,
  ) {
    const doc = (await (await app.request(`${ORIGIN}/openapi.json`, {})).json()) as {
      paths: Record<string, Record<string, Op>>;
    };
    const sent: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const example = op.requestBody?.content['application/json']?.example;
        if (example === undefined) continue;
        let url = path;
        const extra: Record<string, string> = {};
        for (const parameter of op.parameters ?? []) {
          if (parameter.in === 'path')
            url = url.replace(`{${parameter.name}}`, encodeURIComponent(parameter.example ?? ''));
          if (parameter.in === 'header' && parameter.example !== undefined) extra[parameter.name] = parameter.example;
        }
        const res = await app.request(`${ORIGIN}${url}`, {
          method: method.toUpperCase(),
          headers: { ...headers, ...extra, 'content-type': 'application/json' },
          body: JSON.stringify(example),
        });
        expect(res.status, `${method.toUpperCase()} ${path}: ${await res.clone().text()}`).toBeGreaterThanOrEqual(200);
        expect(res.status, `${method.toUpperCase()} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
        sent.push(`${method.toUpperCase()} ${path}`);
      }
    }
    return sent;
  }

  it('sage-ge: each write operation has an example request, and the demo state accepts it', async () => {
    const sim = createSageGeSimulator();
    const entity = Object.values(sim.store.data.tenants)[0]!;
    const sent = await sendExamples(sim.app, { authorization: `Bearer ${entity.geIdentifier}` });
    expect(sent.sort()).toEqual(['POST /api/v1/files/{fileId}/entries', 'PUT /api/v1/files/{fileId}/third-parties']);
  });
});

describe('the documents are as strict as the server', () => {
  it('sage-ge: third-party bodies generated from the documented schema (json-schema-faker, seeded) are all accepted', async () => {
    const { generate } = await import('json-schema-faker');
    const sim = createSageGeSimulator();
    const entity = Object.values(sim.store.data.tenants)[0]!;
    const doc = (await SwaggerParser.dereference(
      (await (await sim.app.request(`${ORIGIN}/openapi.json`)).json()) as never,
    )) as unknown as {
      paths: Record<string, Record<string, { requestBody: { content: { 'application/json': { schema: object } } } }>>;
    };
    const schema =
      doc.paths['/api/v1/files/{fileId}/third-parties']!.put!.requestBody.content['application/json'].schema;
    for (let seed = 1; seed <= 25; seed += 1) {
      const body = await generate(schema as never, { seed });
      const res = await sim.app.request(`${ORIGIN}/api/v1/files/healthy/third-parties`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${entity.geIdentifier}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, `seed ${seed}: ${JSON.stringify(body)} -> ${await res.clone().text()}`).toBe(200);
    }
  });
});
