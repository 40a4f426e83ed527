import type { CatalogueId } from '../contracts/catalogue/schema.js';
import type { Scenario } from '../contracts/scenario/schema.js';

/**
 * The customer's case replayed: the values read from their message (account, years, journal,
 * folder, collaborator...) put in place of the scenario's own example values.
 *
 * The scenario's own value for a parameter is the one its expectations give the matched entry
 * (`{ catalogueId, params: { account: '401000' } }`); every string of the scenario equal to it
 * (an entry line's account, a vendor action's input, the expectation itself) takes the
 * customer's value. A value the scenario has no example of cannot be substituted, and is said so.
 */
export interface Substitution {
  name: string;
  from: string;
  to: string;
}
export interface NotSubstituted {
  name: string;
  value: string;
  why: string;
}
export interface Replay {
  scenario: Scenario;
  substituted: Substitution[];
  notSubstituted: NotSubstituted[];
}

/** The params the scenario's expectations (and checks inside its steps) give the entry. */
function ownValues(scenario: Scenario, id: CatalogueId): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.catalogueId === id && record.params && typeof record.params === 'object') {
        for (const [k, v] of Object.entries(record.params as Record<string, unknown>))
          if (typeof v === 'string' && !(k in out)) out[k] = v;
      }
      Object.values(record).forEach(visit);
    }
  };
  visit(scenario);
  return out;
}

function replaceStrings(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value === from ? to : value;
  if (Array.isArray(value)) return value.map((v) => replaceStrings(v, from, to));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v, from, to)]));
  return value;
}

/** Years as the vendor writes them in a message: "2019, 2020" from "2019 et 2020" or "2019/2020". */
function canonical(name: string, value: string): string {
  if (name === 'years' || name === 'year' || name === 'fiscalYear')
    return (value.match(/\d{4}/g) ?? [value]).join(', ');
  return value.trim();
}

export function withCustomerValues(scenario: Scenario, id: CatalogueId, params: Record<string, string>): Replay {
  const own = ownValues(scenario, id);
  let replayed: unknown = scenario;
  const substituted: Substitution[] = [];
  const notSubstituted: NotSubstituted[] = [];
  for (const [name, raw] of Object.entries(params)) {
    const value = canonical(name, raw);
    const from = own[name];
    if (from === undefined)
      notSubstituted.push({ name, value, why: `the scenario ${scenario.id} has no ${name} of its own to replace` });
    else if (from === value) continue;
    else {
      replayed = replaceStrings(replayed, from, value);
      substituted.push({ name, from, to: value });
    }
  }
  return { scenario: replayed as Scenario, substituted, notSubstituted };
}
