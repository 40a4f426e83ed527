import { CATALOGUE_IDS, type CatalogueEntry, type CatalogueId, type Vendor } from './schema.js';
import { sageGeCatalogue } from './sage-ge.js';
import { quadraCatalogue } from './quadra.js';
import { loopCatalogue } from './loop.js';
import { hubCatalogue } from './hub.js';

export * from './schema.js';
export * from './rejection.js';
import { identify, matchMessage } from './match.js';
export {
  identify,
  matchMessage,
  normalize,
  SURE_CONFIDENCE,
  SURE_MARGIN,
  type Identification,
  type MessageMatch,
} from './match.js';

/**
 * Every catalogue entry. The entries are typed against the schema where they are written
 * (`satisfies`); catalogue.test.ts also parses them with it. At load only the cheap invariants
 * are checked: one entry per id, no two wire codes alike per vendor.
 */
export const catalogue: readonly CatalogueEntry[] = [
  ...sageGeCatalogue,
  ...quadraCatalogue,
  ...loopCatalogue,
  ...hubCatalogue,
];

const byId = new Map<CatalogueId, CatalogueEntry>(catalogue.map((entry) => [entry.id, entry]));
const missing = CATALOGUE_IDS.filter((id) => !byId.has(id));
if (missing.length > 0 || byId.size !== catalogue.length) {
  throw new Error(
    `the rejection catalogue must have exactly one entry per id; missing: ${missing.join(', ') || 'none'}`,
  );
}

const wireCodes = catalogue.filter((e) => e.wire).map((e) => `${e.vendor}:${e.wire!.code}`);
if (new Set(wireCodes).size !== wireCodes.length)
  throw new Error('two catalogue entries of one vendor share a wire code');

export function getEntry(id: CatalogueId): CatalogueEntry {
  return byId.get(id)!;
}

export function entriesFor(vendor: Vendor): CatalogueEntry[] {
  return catalogue.filter((entry) => entry.vendor === vendor);
}

/** The names of the `{placeholders}` in a message template. */
export function templateParams(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/**
 * The vendor's message for a rejection, with its varying parts filled in. A missing parameter is
 * a bug in the rule that emitted the rejection, so it throws rather than printing `{account}`.
 */
export function renderMessage(
  id: CatalogueId,
  params: Record<string, string> = {},
  variant = 0,
  lang: 'en' | 'fr' = 'en',
): string {
  const entry = getEntry(id);
  const message = entry.messages[variant];
  if (!message) throw new RangeError(`${id} has no message #${variant}`);
  const template = lang === 'fr' ? (message.fr ?? message.en) : message.en;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new RangeError(`${id}: no value for {${name}}`);
    return value;
  });
}

/** Finds the catalogue entry whose wire code a vendor answered with (connectors classify by code, never by text). */
export function entryForWireCode(vendor: Vendor, code: string): CatalogueEntry | undefined {
  return catalogue.find((entry) => entry.vendor === vendor && entry.wire?.code === code);
}

/** Which catalogue entries a customer's message may be, best first (see `matchMessage`). */
export function lookupMessage(text: string, options?: { minScore?: number }) {
  return matchMessage(text, catalogue, options);
}

/** The catalogue entry a customer's message is, or the candidates when the matcher is not sure (see `identify`). */
export function identifyMessage(text: string) {
  return identify(text, catalogue);
}
