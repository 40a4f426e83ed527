import { z } from 'zod';
import { VendorIdSchema } from './common/vendor-ids.js';

/**
 * Where each wire fact of a simulator comes from: confirmed by a public source (named), inferred
 * (reasoned from sources, with the reasoning's source), or the simulator's own choice. One map per
 * vendor (`contracts/<vendor>/provenance.ts`) is read by the OpenAPI generation (`x-provenance`)
 * and by `npm run provenance`, which writes the table in each simulator's README: neither can say
 * something the other does not.
 *
 * Keys:
 * - a route: `GET /loop-api-publiques/compte` (the OpenAPI path, `{param}` style);
 * - a part of a route: `GET /loop-api-publiques/compte response.body[].numero`,
 *   `POST /loop-api-publiques/importJson request.body.data.contexte.from`, `... query.filter`,
 *   `... header.x-ms-blob-type`, `... path.fileId`; `*` in place of the route covers every route;
 * - anything else is named freely by its kind: `header Ocp-Apim-Subscription-Key`,
 *   `limit description 35`, `shape error body`.
 * A part without its own entry takes the nearest entry above it (`response.body[]`, then
 * `response.body`, `response`), then the same under `*`, then the vendor's default for fields.
 */
export const ProvenanceSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('confirmed'), source: z.string().min(1) }).strict(),
  z.object({ status: z.literal('inferred'), source: z.string().min(1) }).strict(),
  z.object({ status: z.literal('own'), why: z.string().min(1).optional() }).strict(),
]);
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const FactKindSchema = z.enum(['route', 'header', 'field', 'type', 'limit', 'message', 'shape']);
export type FactKind = z.infer<typeof FactKindSchema>;

export const FactSchema = z
  .object({
    kind: FactKindSchema,
    /** What the fact says, for the README (a route's purpose, a limit's value). */
    what: z.string().min(1).optional(),
    provenance: ProvenanceSchema,
  })
  .strict();
export type Fact = z.infer<typeof FactSchema>;

export const VendorProvenanceSchema = z
  .object({
    vendor: VendorIdSchema,
    /** What a field, parameter or wire code without an entry of its own is. */
    defaults: z.object({ field: ProvenanceSchema, wireCode: ProvenanceSchema }).strict(),
    facts: z.record(z.string(), FactSchema),
  })
  .strict();
export type VendorProvenance = z.infer<typeof VendorProvenanceSchema>;

/** Shorthands for the maps. */
export const confirmed = (source: string): Provenance => ({ status: 'confirmed', source });
export const inferred = (source: string): Provenance => ({ status: 'inferred', source });
export const own = (why?: string): Provenance => (why ? { status: 'own', why } : { status: 'own' });

export interface Resolved {
  provenance: Provenance;
  /** The key the provenance was found under (`default` for the vendor's default). */
  from: string;
}

/** The provenance of a part of a route (`response.body[].numero`), by the nearest entry above it. */
export function resolvePart(map: VendorProvenance, route: string, part: string): Resolved {
  for (const owner of [route, '*']) {
    let p = part;
    for (;;) {
      const key = `${owner} ${p}`;
      const fact = map.facts[key];
      if (fact) return { provenance: fact.provenance, from: key };
      const cut = Math.max(p.lastIndexOf('.'), p.endsWith('[]') ? p.length - 2 : -1);
      if (cut <= 0) break;
      p = p.slice(0, cut);
    }
  }
  return { provenance: map.defaults.field, from: 'default' };
}

/** How a provenance reads in a table cell and in `x-provenance`. */
export function describeProvenance(p: Provenance): string {
  switch (p.status) {
    case 'confirmed':
      return `confirmed (${p.source})`;
    case 'inferred':
      return `inferred (${p.source})`;
    case 'own':
      return p.why ? `simulator's own choice (${p.why})` : "simulator's own choice";
  }
}
