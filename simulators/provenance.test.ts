import { describe, expect, it } from 'vitest';
import { applyProvenance, renderProvenanceTable } from './kit/provenance.js';
import { expectedReadme, PROVENANCE, wireFacts } from './provenance.js';
import { VENDORS } from '../vendors/index.js';

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Every place of a served document that must carry `x-provenance`, with what it carries. */
function annotated(document: Json): { where: string; value: Json | undefined }[] {
  const out: { where: string; value: Json | undefined }[] = [];
  const walk = (schema: Json | undefined, where: string) => {
    if (!schema) return;
    // A rule's branches (`x-constraint`: debit or credit) restate fields listed already.
    for (const alt of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
      if (!alt['x-constraint']) walk(alt, where);
    for (const [name, child] of Object.entries<Json>(schema.properties ?? {})) {
      out.push({ where: `${where}.${name}`, value: child['x-provenance'] });
      walk(child, `${where}.${name}`);
    }
    if (schema.items) walk(schema.items, `${where}[]`);
  };
  for (const [path, ops] of Object.entries<Json>(document.paths)) {
    if (path.startsWith('/__admin') || path === '/openapi.json') continue;
    for (const method of METHODS) {
      const op = ops[method];
      if (!op) continue;
      const route = `${method.toUpperCase()} ${path}`;
      out.push({ where: route, value: op['x-provenance'] });
      for (const p of op.parameters ?? []) out.push({ where: `${route} ${p.in}.${p.name}`, value: p['x-provenance'] });
      for (const c of Object.values<Json>(op.requestBody?.content ?? {})) walk(c.schema, `${route} request.body`);
      for (const [status, r] of Object.entries<Json>(op.responses))
        if (/^2/.test(status))
          for (const c of Object.values<Json>(r.content ?? {})) walk(c.schema, `${route} response.body`);
    }
  }
  return out;
}

it('covers every registered vendor, each with the map its simulator serves', async () => {
  // From the registry: a vendor's map hangs on its simulator definition, so none is forgotten here.
  expect(PROVENANCE.map((p) => p.name)).toEqual([...VENDORS.ids]);
  for (const p of PROVENANCE) expect(p.map).toBe(VENDORS.get(p.name).simulator.definition.provenance);
});

describe.each(PROVENANCE.map((p) => p.name))('the provenance of %s', (name) => {
  it('marks every operation, parameter and field of /openapi.json, and every route by an entry of its own', async () => {
    const { document } = await wireFacts(name);
    const places = annotated(document);
    expect(places.length).toBeGreaterThan(10);
    for (const { where, value } of places) {
      expect(value, where).toBeDefined();
      expect(
        ['confirmed', 'inferred', 'own'],
        `${where} has no provenance (add it to contracts/${name}/provenance.ts)`,
      ).toContain(value!.status);
      if (value!.status !== 'own') expect(value!.source, where).toBeTruthy();
    }
    for (const { where, value } of places.filter((p) => !p.where.includes(' ', p.where.indexOf(' ') + 1)))
      expect(value!.from, `${where}: a route needs an entry of its own`).toBe(where);
  });

  it('names only routes and parts the simulator serves (a renamed route leaves no stale entry)', async () => {
    const { document } = await wireFacts(name);
    const map = PROVENANCE.find((p) => p.name === name)!.map;
    const served = annotated(document).map((p) => p.where);
    for (const key of Object.keys(map.facts).filter((k) => /^(GET|PUT|POST|DELETE|PATCH) /.test(k))) {
      expect(
        served.some(
          (where) =>
            where === key || where.startsWith(`${key}.`) || where.startsWith(`${key}[]`) || where.startsWith(`${key} `),
        ),
        `${key} matches nothing served`,
      ).toBe(true);
    }
  });

  it('has its README table generated from the same data (run `npm run provenance` when this fails)', async () => {
    const { current, expected } = await expectedReadme(name);
    expect(current).toBe(expected);
  });
});

describe('the provenance walk', () => {
  it('reports a route without an entry as missing, in /openapi.json and in the table, and lets parts inherit', () => {
    const document = {
      paths: {
        '/x': {
          get: {
            summary: 'x',
            responses: {
              200: {
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      properties: {
                        a: { type: 'string' },
                        b: { type: 'array', items: { type: 'object', properties: { c: { type: 'integer' } } } },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        '/y': { get: { summary: 'y', responses: {} } },
      },
    };
    const map = {
      vendor: 'loop' as const,
      defaults: { field: { status: 'own' as const }, wireCode: { status: 'own' as const } },
      facts: {
        'GET /x': { kind: 'route' as const, provenance: { status: 'confirmed' as const, source: 'page X' } },
        'GET /x response.body.b[]': {
          kind: 'field' as const,
          provenance: { status: 'inferred' as const, source: 'by analogy' },
        },
        'limit z': {
          kind: 'limit' as const,
          what: '35 characters',
          provenance: { status: 'confirmed' as const, source: 'help' },
        },
      },
    };
    const { document: out, facts } = applyProvenance(document, map);
    expect(out.paths['/y'].get['x-provenance']).toEqual({ status: 'missing', from: 'none' });
    const schema = out.paths['/x'].get.responses[200].content['application/json'].schema;
    expect(schema.properties.a['x-provenance']).toEqual({ status: 'own', from: 'default' });
    expect(schema.properties.b.items.properties.c['x-provenance']).toEqual({
      status: 'inferred',
      source: 'by analogy',
      from: 'GET /x response.body.b[]',
    });
    expect(out['x-provenance']['limit z']).toMatchObject({ kind: 'limit', status: 'confirmed', source: 'help' });
    expect(document.paths['/x'].get).not.toHaveProperty('x-provenance'); // the served document is a copy
    const table = renderProvenanceTable(facts);
    expect(table).toContain('| `GET /y` y | route |  | **missing** |');
    expect(table).toContain(
      '| `GET /x response.body.b[].c` | field | integer | inferred (by analogy) ← `GET /x response.body.b[]` |',
    );
    expect(table).toMatch(/1 MISSING\.$/);
  });
});
