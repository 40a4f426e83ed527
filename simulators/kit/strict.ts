import { z } from 'zod';

type Json = Record<string, any>;

/**
 * The document's request bodies as strict as the server: @hono/zod-openapi keeps one `pattern` per
 * string, so a field with two (`codeString(13).regex(/^\d+$/)`: no control characters, and digits
 * only) was documented as any string of 1 to 13 characters, and a client built from the document
 * sent bodies the server refused. zod's own JSON Schema keeps every pattern (an `allOf`); the ones
 * the document lacks are added beside the field, where they are found.
 */
export function addMissingPatterns(document: Json, definitions: readonly { type: string; route?: Json }[]): Json {
  const doc = structuredClone(document);
  for (const definition of definitions) {
    if (definition.type !== 'route' || !definition.route) continue;
    const route = definition.route;
    const schema = route.request?.body?.content?.['application/json']?.schema;
    const target = doc.paths?.[route.path]?.[route.method]?.requestBody?.content?.['application/json']?.schema;
    if (!(schema instanceof z.ZodType) || !target) continue;
    let full: Json;
    try {
      full = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as Json;
    } catch {
      continue;
    }
    merge(target, full);
  }
  return doc;
}

function merge(node: Json | undefined, full: Json | undefined): void {
  if (!node || !full || typeof node !== 'object' || typeof full !== 'object') return;
  const patterns = (full.allOf ?? [])
    .filter((part: Json) => typeof part?.pattern === 'string')
    .map((part: Json) => part.pattern as string);
  const missing = patterns.filter(
    (pattern: string) =>
      pattern !== node.pattern && !(node.allOf ?? []).some((part: Json) => part?.pattern === pattern),
  );
  if (missing.length) node.allOf = [...(node.allOf ?? []), ...missing.map((pattern: string) => ({ pattern }))];
  for (const [key, child] of Object.entries<Json>(full.properties ?? {})) merge(node.properties?.[key], child);
  merge(node.items, full.items);
  for (const key of ['anyOf', 'oneOf'] as const)
    (full[key] ?? []).forEach((child: Json, i: number) => merge(node[key]?.[i], child));
}
