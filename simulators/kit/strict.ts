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

/**
 * A rule of a request body that zod checks with a refinement (which @hono/zod-openapi cannot
 * write into the document), written in by hand where JSON Schema can say it, else named in
 * `x-rules` so that a generator or a reader knows it: what the server checks, the document says.
 */
export type DocumentRule = (document: Json) => void;

const bodySchemaOf = (document: Json, key: string, contentType = 'application/json'): Json => {
  const [method, path] = key.split(' ') as [string, string];
  const schema = document.paths?.[path]?.[method.toLowerCase()]?.requestBody?.content?.[contentType]?.schema;
  if (!schema) throw new Error(`No ${contentType} body for ${key} in the document`);
  return schema;
};

/** The schema at a path of property names under a body, through arrays' items; throws when the document has none. */
function nodeAt(body: Json, key: string, path: readonly string[]): Json {
  let node = body;
  for (const name of path) {
    if (node?.type === 'array') node = node.items;
    node = node?.properties?.[name];
    if (!node) throw new Error(`${key}: no ${path.join('.')} in the body's schema`);
  }
  return node;
}

/**
 * Rules of one body written where they apply: a JSON Schema fragment merged into the field
 * (`schema`), or a sentence naming what JSON Schema cannot say (`rule`, into that node's
 * `x-rules`). `path`: property names from the body, through arrays' items (`[]` is the body).
 */
export interface FieldRule {
  path: readonly string[];
  schema?: Json;
  rule?: string;
}

export function fieldRules(key: string, rules: readonly FieldRule[], contentType = 'application/json'): DocumentRule {
  return (document) => {
    const body = bodySchemaOf(document, key, contentType);
    for (const { path, schema, rule } of rules) {
      const node = nodeAt(body, key, path);
      if (schema) Object.assign(node, structuredClone(schema));
      if (rule) node['x-rules'] = [...(node['x-rules'] ?? []), rule];
    }
  };
}

/**
 * Each line has a debit or a credit, not both and not neither (a `oneOf` on the line), and the
 * entry balances (named in `x-rules`: JSON Schema cannot sum). `lines`: the path of properties to
 * the array of lines (`['lines']`, `['data', 'ecritures', 'lignes']` through arrays' items).
 */
export function debitOrCreditRule(
  key: string,
  lines: string[],
  fields = { debit: 'debit', credit: 'credit' },
): DocumentRule {
  return (document) => {
    let node = bodySchemaOf(document, key);
    let entry = node;
    for (const name of lines) {
      entry = node;
      node = node.properties?.[name];
      if (node?.type === 'array' && name !== lines[lines.length - 1]) node = node.items;
      if (!node) throw new Error(`${key}: no ${lines.join('.')} in the body's schema`);
    }
    const line = node.items;
    if (!line?.properties?.[fields.debit] || !line.properties[fields.credit])
      throw new Error(`${key}: the lines have no ${fields.debit}/${fields.credit}`);
    const positive = { minimum: 0.01 };
    const zero = { maximum: 0 };
    // `x-constraint`: the branches restate fields of the line, they are no fields of their own.
    line.oneOf = [
      { 'x-constraint': true, properties: { [fields.debit]: positive, [fields.credit]: zero } },
      { 'x-constraint': true, properties: { [fields.debit]: zero, [fields.credit]: positive } },
    ];
    line.description = `${line.description ? `${line.description} ` : ''}Either a ${fields.debit} or a ${fields.credit}, not both.`;
    const rule = `balanced: the sum of ${lines[lines.length - 1]}[].${fields.debit} equals the sum of ${lines[lines.length - 1]}[].${fields.credit} (to the cent)`;
    entry['x-rules'] = [...(entry['x-rules'] ?? []), rule];
  };
}

/**
 * The body limit every route shares, on each request body: a body the schema allows (a thousand
 * entries of five hundred lines) can be larger than the server takes, and is refused with 413.
 */
export function bodySizeRule(maxBodyBytes: number): DocumentRule {
  return (document) => {
    for (const operations of Object.values<Json>(document.paths ?? {}))
      for (const operation of Object.values<Json>(operations)) {
        const body = operation?.requestBody;
        if (!body) continue;
        body['x-rules'] = [
          ...(body['x-rules'] ?? []),
          `size: the request body is at most ${maxBodyBytes} bytes (413 PayloadTooLarge beyond)`,
        ];
      }
  };
}
