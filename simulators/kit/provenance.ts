import type { CatalogueEntry } from '../../contracts/catalogue/schema.js';
import {
  describeProvenance,
  resolvePart,
  type FactKind,
  type Provenance,
  type VendorProvenance,
} from '../../contracts/provenance.js';

/**
 * The provenance map of a vendor applied to what the simulator really serves: `/openapi.json`
 * gets `x-provenance` on every operation, parameter and field, and the README's table is built
 * from the same walk, so a route, parameter or field added to the code shows up in both.
 */

type Json = Record<string, any>;

/** `x-provenance` as it appears in the document: the provenance and the key it was found under. */
export type XProvenance = (Provenance | { status: 'missing' }) & { from: string };

export interface WireFact {
  /** `GET /compte`, `GET /compte query.filter`, `header x-apikey`, `message LOOP-...`. */
  fact: string;
  kind: FactKind;
  /** The type as served: `string (uuid)`, `integer`, `enum: a, b`, `string ≤ 35`... */
  type: string;
  what?: string;
  provenance: XProvenance;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const isVendorPath = (path: string) => !path.startsWith('/__admin') && path !== '/openapi.json';

function typeOf(schema: Json | undefined): string {
  if (!schema) return '';
  if (schema.enum) return `enum: ${schema.enum.map(String).join(', ')}`;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.map(typeOf).filter(Boolean).join(' or ');
  let type = Array.isArray(schema.type)
    ? schema.type.join(' or ')
    : (schema.type ?? (schema.properties ? 'object' : ''));
  if (schema.nullable) type += ' or null';
  const extras = [
    schema.format,
    // Short patterns say what a value is (`^\d{14}$`); the long ones only keep control characters out.
    schema.pattern && schema.pattern.length <= 20 ? `pattern ${schema.pattern}` : undefined,
    schema.maxLength !== undefined ? `≤ ${schema.maxLength} chars` : undefined,
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : undefined,
    schema.maximum !== undefined ? `≤ ${schema.maximum}` : undefined,
    schema.maxItems !== undefined ? `≤ ${schema.maxItems} items` : undefined,
  ].filter(Boolean);
  return extras.length ? `${type} (${extras.join(', ')})` : type;
}

function routeProvenance(map: VendorProvenance, route: string): XProvenance {
  const fact = map.facts[route];
  return fact ? { ...fact.provenance, from: route } : { status: 'missing', from: 'none' };
}

function partProvenance(map: VendorProvenance, route: string, part: string): XProvenance {
  const { provenance, from } = resolvePart(map, route, part);
  return { ...provenance, from };
}

/** Walks a JSON schema's properties and items, annotating each and reporting it. */
function walkSchema(schema: Json | undefined, part: string, visit: (schema: Json, part: string) => void) {
  if (!schema || typeof schema !== 'object') return;
  // A rule over fields already listed (debit or credit: `strict.ts`) adds no field of its own.
  for (const alternative of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    if (!alternative?.['x-constraint']) walkSchema(alternative, part, visit);
  for (const [name, child] of Object.entries<Json>(schema.properties ?? {})) {
    visit(child, `${part}.${name}`);
    walkSchema(child, `${part}.${name}`, visit);
  }
  if (schema.items) walkSchema(schema.items, `${part}[]`, visit);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
    walkSchema(schema.additionalProperties, `${part}.*`, visit);
}

/**
 * Annotates a copy of the document and lists its wire facts, in the document's order. Only the
 * vendor's routes: `/__admin` is ledgersim's own control plane.
 */
export function applyProvenance(document: Json, map: VendorProvenance): { document: Json; facts: WireFact[] } {
  const doc = structuredClone(document);
  const facts: WireFact[] = [];
  for (const [path, operations] of Object.entries<Json>(doc.paths ?? {})) {
    if (!isVendorPath(path)) continue;
    for (const method of METHODS) {
      const op = operations[method];
      if (!op) continue;
      const route = `${method.toUpperCase()} ${path}`;
      op['x-provenance'] = routeProvenance(map, route);
      facts.push({
        fact: route,
        kind: 'route',
        type: '',
        what: map.facts[route]?.what ?? op.summary,
        provenance: op['x-provenance'],
      });
      for (const parameter of op.parameters ?? []) {
        const part = `${parameter.in}.${parameter.name}`;
        parameter['x-provenance'] = partProvenance(map, route, part);
        facts.push({
          fact: `${route} ${part}`,
          kind: parameter.in === 'header' ? 'header' : 'field',
          type: typeOf(parameter.schema),
          provenance: parameter['x-provenance'],
        });
      }
      const bodies: [string, Json | undefined][] = Object.values<Json>(op.requestBody?.content ?? {}).map((c) => [
        'request.body',
        c.schema,
      ]);
      for (const [status, response] of Object.entries<Json>(op.responses ?? {})) {
        if (!/^2\d\d$/.test(status)) continue; // error answers share the vendor's error shape, a fact of its own
        for (const content of Object.values<Json>(response.content ?? {}))
          bodies.push(['response.body', content.schema]);
      }
      const seen = new Set<string>();
      for (const [root, schema] of bodies) {
        if (schema) schema['x-provenance'] = partProvenance(map, route, root);
        walkSchema(schema, root, (child, part) => {
          child['x-provenance'] = partProvenance(map, route, part);
          if (seen.has(part)) return;
          seen.add(part);
          facts.push({
            fact: `${route} ${part}`,
            kind: 'field',
            type: typeOf(child),
            provenance: child['x-provenance'],
          });
        });
      }
    }
  }
  // A catalogue entry's message or wire code is listed by `messageFacts`, which reads its explicit fact.
  const free = Object.entries(map.facts).filter(
    ([key]) =>
      !/^(GET|PUT|POST|DELETE|PATCH|\*)[ ]/.test(key) && !/^(message|wire) [A-Z]+-[A-Z0-9-]+( #\d+)?$/.test(key),
  );
  doc['x-provenance'] = Object.fromEntries(
    free.map(([key, fact]) => [
      key,
      { kind: fact.kind, ...(fact.what ? { what: fact.what } : {}), ...fact.provenance },
    ]),
  );
  for (const [key, fact] of free)
    facts.push({
      fact: key,
      kind: fact.kind,
      type: '',
      what: fact.what,
      provenance: { ...fact.provenance, from: key },
    });
  return { document: doc, facts };
}

/** The catalogue's messages and wire codes of a vendor, as wire facts: documented wording is confirmed by its seed. */
export function messageFacts(map: VendorProvenance, entries: readonly CatalogueEntry[]): WireFact[] {
  const facts: WireFact[] = [];
  for (const entry of entries) {
    entry.messages.forEach((message, i) => {
      const key = `message ${entry.id}${entry.messages.length > 1 ? ` #${i + 1}` : ''}`;
      const explicit = map.facts[key];
      const provenance: Provenance =
        explicit?.provenance ??
        (message.documented
          ? { status: 'confirmed', source: `seeds/${entry.source.seed}, ${entry.source.section}` }
          : { status: 'own', why: 'wording: the seed describes the case but quotes no message' });
      facts.push({
        fact: key,
        kind: 'message',
        type: '',
        what: message.en,
        provenance: { ...provenance, from: explicit ? key : `catalogue ${entry.id}` },
      });
    });
    if (entry.wire) {
      const key = `wire ${entry.id}`;
      const explicit = map.facts[key];
      facts.push({
        fact: key,
        kind: 'shape',
        type: `${entry.wire.status} ${entry.wire.code}`,
        provenance: { ...(explicit?.provenance ?? map.defaults.wireCode), from: explicit ? key : 'default' },
      });
    }
  }
  return facts;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The README table (between the provenance markers). */
export function renderProvenanceTable(facts: readonly WireFact[]): string {
  const lines = ['| wire fact | kind | type / value | provenance |', '|---|---|---|---|'];
  for (const f of facts) {
    const p = f.provenance;
    const said = p.status === 'missing' ? '**missing**' : describeProvenance(p);
    const inherited = p.from !== f.fact && p.from !== 'none' ? ` ← \`${p.from}\`` : '';
    const value = [f.type, f.what && f.kind !== 'route' && f.kind !== 'field' ? f.what : undefined]
      .filter(Boolean)
      .join(': ');
    const fact = f.kind === 'route' && f.what ? `\`${f.fact}\` ${f.what}` : `\`${f.fact}\``;
    lines.push(`| ${cell(fact)} | ${f.kind} | ${cell(value)} | ${cell(said + inherited)} |`);
  }
  const count = (status: string) => facts.filter((f) => f.provenance.status === status).length;
  lines.push(
    '',
    `${facts.length} wire facts: ${count('confirmed')} confirmed, ${count('inferred')} inferred, ${count('own')} the simulator's own choice${count('missing') ? `, ${count('missing')} MISSING` : ''}.`,
  );
  return lines.join('\n');
}

export const PROVENANCE_START =
  '<!-- provenance:start (generated by `npm run provenance` from contracts/<vendor>/provenance.ts; do not edit) -->';
export const PROVENANCE_END = '<!-- provenance:end -->';

/** The README with its table replaced (or appended as a section when it has none yet). */
export function withProvenanceTable(readme: string, table: string): string {
  const start = readme.indexOf(PROVENANCE_START);
  const end = readme.indexOf(PROVENANCE_END);
  const block = `${PROVENANCE_START}\n${table}\n${PROVENANCE_END}`;
  if (start >= 0 && end > start) return readme.slice(0, start) + block + readme.slice(end + PROVENANCE_END.length);
  const intro = [
    '## Provenance of every wire fact',
    '',
    'Each route, parameter, header, field, type, limit and message the simulator serves, and where it',
    'comes from: **confirmed** by a public source (named), **inferred** from sources, or the',
    "**simulator's own choice**. A confirmed field is confirmed in name and type; where the simulator's",
    "type is not the source's, the field is marked its own. A part without an entry of its own takes",
    'the entry named after `←`.',
    'The same data gives `x-provenance` in `/openapi.json`; edit `contracts/<vendor>/provenance.ts`',
    'and run `npm run provenance`.',
    '',
  ].join('\n');
  return `${readme.replace(/\n*$/, '\n')}\n${intro}${block}\n`;
}
