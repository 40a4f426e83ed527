import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { createLoopSimulator } from '../loop/index.js';
import { createQuadraSimulator } from '../quadra/index.js';
import { createSageGeSimulator } from '../sage-ge/index.js';

/**
 * The admin plane's document is as strict as the plane: for every operation that takes a JSON
 * body, bodies generated from `/__admin/openapi.json` (json-schema-faker, seeded) are accepted,
 * and the same bodies broken against the document (a property it does not name, a required one
 * left out, a value of the wrong type) are refused with the admin error shape, `bad-request`,
 * never a 500, and change nothing.
 */
const ORIGIN = 'http://127.0.0.1';
type Json = Record<string, any>;
type App = { request: (url: string, init?: RequestInit) => Response | Promise<Response> };

const simulators = {
  'sage-ge': () => createSageGeSimulator(),
  quadra: () => createQuadraSimulator(),
  loop: () => createLoopSimulator(),
};

/** The operations with a JSON body: `METHOD /path` → the body's schema, dereferenced. */
async function bodies(app: App): Promise<Map<string, Json>> {
  const served = (await (await app.request(`${ORIGIN}/__admin/openapi.json`)).json()) as never;
  const doc = (await SwaggerParser.dereference(served)) as unknown as { paths: Record<string, Record<string, Json>> };
  const out = new Map<string, Json>();
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      const schema = op?.requestBody?.content?.['application/json']?.schema;
      if (schema) out.set(`${method.toUpperCase()} ${path}`, schema);
    }
  return out;
}

/** A way to break a body against its schema, when the schema says enough to break it. */
type Mutation = { name: string; apply(body: unknown, schema: Json): unknown | undefined };

/** The object branch a body follows (a union's), or the schema itself. */
function objectSchemaOf(body: unknown, schema: Json): Json | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  if (schema.type === 'object' || schema.properties) return schema;
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    const keys = Object.keys(body);
    const props = Object.keys(branch.properties ?? {});
    if ((branch.type === 'object' || branch.properties) && keys.every((k) => props.includes(k))) return branch;
  }
  return undefined;
}

const wrongTypeFor = (schema: Json): unknown => {
  const type = schema.type ?? schema.anyOf?.[0]?.type;
  return type === 'string'
    ? 42
    : type === 'number' || type === 'integer'
      ? 'forty-two'
      : type === 'boolean'
        ? 'yes'
        : type === 'array'
          ? {}
          : type === 'object'
            ? []
            : undefined;
};

const MUTATIONS: Mutation[] = [
  {
    name: 'a property the document does not name',
    apply(body, schema) {
      const object = objectSchemaOf(body, schema);
      if (object?.additionalProperties !== false) return undefined;
      return { ...(body as object), notInTheDocument: 1 };
    },
  },
  {
    name: 'a required property left out',
    apply(body, schema) {
      const object = objectSchemaOf(body, schema);
      const required = (object?.required ?? []).filter((k: string) => object!.properties?.[k]?.default === undefined);
      if (!required.length) return undefined;
      const { [required[0]]: _, ...rest } = body as Record<string, unknown>;
      return rest;
    },
  },
  {
    name: 'a value of the wrong type',
    apply(body, schema) {
      const object = objectSchemaOf(body, schema);
      if (!object) return schema.type === 'array' ? { not: 'an array' } : undefined;
      for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
        const wrong = wrongTypeFor(object.properties?.[key] ?? {});
        if (wrong !== undefined && value !== undefined) return { ...(body as object), [key]: wrong };
      }
      return undefined;
    },
  },
];

const concrete = (key: string, tenantId: string) => key.split(' ')[1]!.replace('{tenantId}', tenantId);

describe('the admin document is as strict as the admin plane', () => {
  for (const [vendor, create] of Object.entries(simulators)) {
    it(`${vendor}: generated bodies are accepted; each broken against the document is refused, bad-request, nothing changed`, async () => {
      const { generate } = await import('json-schema-faker');
      const sim = create();
      const ops = await bodies(sim.app);
      const report: string[] = [];
      const broke = new Map<string, Set<string>>();
      for (const [key, whole] of ops) {
        const [method] = key.split(' ') as [string, string];
        // Each branch of a union at the top (set or advance the clock; one fault rule or a list) on its own.
        const branches: Json[] = whole.anyOf ?? whole.oneOf ?? [whole];
        for (let seed = 1; seed <= 4 * branches.length; seed += 1) {
          const schema = branches[seed % branches.length]!;
          const tenantId = Object.keys(sim.store.data.tenants)[0] ?? 'T1';
          const send = (body: unknown) =>
            sim.app.request(`${ORIGIN}/__admin${concrete(key, tenantId)}`, {
              method,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(body),
            });
          // Every other body with every optional property filled.
          const body = await generate(schema, {
            seed,
            maxItems: 3,
            maxLength: 40,
            alwaysFakeOptionals: seed % 2 === 0,
          });
          const res = await send(body);
          const text = await res.text();
          // A vendor action's input may name a firm the state lacks or conflict with it: an answer
          // about the state (404, 409), not about the body, which passed.
          const aboutTheState = key.startsWith('POST /actions/') && (res.status === 404 || res.status === 409);
          if (res.status >= 400 && !aboutTheState)
            report.push(
              `${key} seed ${seed}: ${res.status} ${text.slice(0, 300)} for ${JSON.stringify(body).slice(0, 300)}`,
            );
          await sim.app.request(`${ORIGIN}/__admin/faults`, { method: 'DELETE' });
          for (const mutation of MUTATIONS) {
            const broken = mutation.apply(body, schema);
            if (broken === undefined) continue;
            broke.set(key, new Set([...(broke.get(key) ?? []), mutation.name]));
            const before = JSON.stringify(sim.store.data);
            const refused = await send(broken);
            const answer = await refused.text();
            if (refused.status !== 400)
              report.push(`${key} seed ${seed} ${mutation.name}: ${refused.status} ${answer.slice(0, 200)}`);
            else
              expect(JSON.parse(answer)).toMatchObject({
                error: 'bad-request',
                message: expect.stringMatching(/^Invalid body: /),
              });
            expect(JSON.stringify(sim.store.data), `${key} ${mutation.name}`).toBe(before);
          }
        }
      }
      expect(report).toEqual([]);
      // Every operation with a body was broken at least one way, and every way was tried.
      expect([...broke.keys()].sort()).toEqual([...ops.keys()].sort());
      expect(new Set([...broke.values()].flatMap((names) => [...names]))).toEqual(
        new Set(MUTATIONS.map((m) => m.name)),
      );
      expect(ops.size).toBeGreaterThanOrEqual(6);
    });
  }
});
