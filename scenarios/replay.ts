import type { CatalogueId } from '../contracts/catalogue/schema.js';
import type { Scenario } from '../contracts/scenario/schema.js';

/**
 * The customer's case replayed: the values read from their message (account, years, journal,
 * folder, collaborator...) put in place of the scenario's own example values.
 *
 * The scenario's own value for a parameter is the one its expectations give the matched entry
 * (`{ catalogueId, params: { account: '401000' } }`). A value the scenario has no example of
 * cannot be substituted, and is said so.
 *
 * An identifier (account, journal, folder, file, auxiliary code, collaborator) is exchanged with
 * the customer's everywhere the run uses it: in the scenario's data, and, through `atRunTime`, in
 * what the run builds (the vendor state from its preset, chart and journal keys included; the
 * vendor file the hub links to; the hub's entries from the shared builders). It is an exchange,
 * not a replacement: when the customer's value is already in the state (their 622600 is in the
 * preset's chart beside the scenario's 606400), the two trade places, so no key collides and
 * the state stays the one the scenario describes under other names. Years, dates and line
 * numbers are not identities: only the scenario's own strings equal to them are replaced.
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
  /**
   * The same exchange for what the run builds itself (`runScenario`'s `customerValues`): absent
   * when no identifier was substituted.
   */
  atRunTime?: <T>(value: T) => T;
}

/** Parameters that name a thing in the vendor's state: exchanged in the state too, keys included. */
const IDENTIFIERS = new Set(['account', 'journal', 'folder', 'file', 'code', 'collaborator']);

/** Whether a scenario's expectation (or a check inside its steps) names the entry. */
interface Mention {
  params: Record<string, string>;
  variant: number;
}

function mentions(scenario: Scenario, id: CatalogueId): Mention[] {
  const out: Mention[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.catalogueId === id) {
        const params: Record<string, string> = {};
        if (record.params && typeof record.params === 'object')
          for (const [k, v] of Object.entries(record.params as Record<string, unknown>))
            if (typeof v === 'string') params[k] = v;
        out.push({ params, variant: typeof record.variant === 'number' ? record.variant : 0 });
      }
      Object.values(record).forEach(visit);
    }
  };
  visit(scenario);
  return out;
}

/** The params the scenario's expectations (and checks inside its steps) give the entry. */
function ownValues(scenario: Scenario, id: CatalogueId): Record<string, string> {
  const out: Record<string, string> = {};
  for (const mention of mentions(scenario, id))
    for (const [k, v] of Object.entries(mention.params)) if (!(k in out)) out[k] = v;
  return out;
}

/**
 * The scenario that best reproduces a match: among those covering the entry, the one that shows
 * the very message the customer saw (its variant) and can replay the most of the values read from it; the
 * entry's own scenario, then the plainest (fewest steps), between equals. "Le journal HA du dossier X est fermé." is the closed
 * journal's scenario, not the incomplete chart's, though both are LOOP-INCOMPLETE-FOLDER. A
 * disputed match (the customer quotes the message and denies its cause) prefers another scenario
 * of the entry's own, when there is one.
 */
export function scenarioFor(
  match: {
    id: CatalogueId;
    entry: { scenarioId: string };
    via?: string;
    variant?: number;
    params: Record<string, string>;
    /** The customer denies, in their own words, what the quoted message says (see `MessageMatch`). */
    disputedBy?: string;
  },
  scenarios: readonly Scenario[],
): Scenario | undefined {
  let best: Scenario | undefined;
  let bestScore = -1;
  for (const scenario of scenarios) {
    const own = scenario.id === match.entry.scenarioId;
    if (!own && !scenario.covers.includes(match.id)) continue;
    const found = mentions(scenario, match.id);
    if (!own && found.length === 0) continue;
    let score = own ? 0.2 : 0;
    // The customer denies the cause the entry's own scenario shows: another scenario whose subject
    // is the same entry shows another documented cause (error 1's fiscal year not opened in GE).
    if (match.disputedBy && !own && scenario.covers[0] === match.id) score += 10;
    const sameMessage = match.via === 'message' && found.some((m) => m.variant === (match.variant ?? 0));
    if (sameMessage) score += 1;
    const values = ownValues(scenario, match.id);
    // A value the scenario already shows as the customer wrote it needs no replay: it does not count.
    score +=
      2 *
      Object.entries(match.params).filter(([name, v]) => name in values && values[name] !== canonical(name, v)).length;
    score -= Math.min(scenario.steps.length, 99) / 1000;
    if (score > bestScore) {
      best = scenario;
      bestScore = score;
    }
  }
  return best;
}

function replaceStrings(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value === from ? to : value;
  if (Array.isArray(value)) return value.map((v) => replaceStrings(v, from, to));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v, from, to)]));
  return value;
}

/** Every string and every key found in `exchange` takes its other value; the rest is copied. */
function exchangeDeep(value: unknown, exchange: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return exchange.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => exchangeDeep(v, exchange));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [exchange.get(k) ?? k, exchangeDeep(v, exchange)]));
  return value;
}

/** Years as the vendor writes them in a message: "2019, 2020" from "2019 et 2020" or "2019/2020". */
function canonical(name: string, value: string): string {
  if (name === 'years' || name === 'year' || name === 'fiscalYear')
    return (value.match(/\d{4}/g) ?? [value]).join(', ');
  return value.trim();
}

const YEAR_PARAMS = new Set(['years', 'year', 'fiscalYear']);
const yearsOf = (value: string) => (value.match(/\d{4}/g) ?? []).map(Number);

/**
 * How to move the scenario's own years to the customer's: the same number of years, each moved
 * by the same difference ("2025, 2026" → "2022, 2023"). A single year of its own for several in
 * the message: moved to the latest, the others said not replayed. Otherwise why not.
 */
function yearShift(
  scenario: Scenario,
  name: string,
  from: string,
  value: string,
): { by: number; to: string; left: string[] } | { why: string } {
  const own = yearsOf(from);
  const theirs = yearsOf(value);
  if (own.length === 0 || theirs.length === 0) return { why: `${value} is not a list of years` };
  if (own.length === 1 && theirs.length > 1) {
    const latest = Math.max(...theirs);
    return { by: latest - own[0]!, to: String(latest), left: theirs.filter((y) => y !== latest).map(String) };
  }
  if (own.length !== theirs.length)
    return { why: `the scenario ${scenario.id} shows ${own.length} years (${from}), the message ${theirs.length}` };
  const by = theirs[0]! - own[0]!;
  if (theirs.some((y, i) => y - own[i]! !== by))
    return {
      why: `the scenario ${scenario.id}'s ${name} (${from}) moved by a whole number of years cannot give ${value}: they are spaced otherwise`,
    };
  return { by, to: value, left: [] };
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Every year written in the scenario moved by `by`: dates and instants (a 29 February into a
 * common year becomes the 28th), fiscal year ids ("FY2026"), years alone. Time is the scenario's
 * own start moved the same, so what the run builds from its clock (the presets' fiscal years, an
 * entry's default date) moves with it.
 */
function shiftYears(value: unknown, by: number): unknown {
  if (typeof value === 'string')
    return value
      .replace(/(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)/g, (_, y: string, m: string, d: string) => {
        const year = Number(y) + by;
        return `${year}-${m}-${m === '02' && d === '29' && !isLeap(year) ? '28' : d}`;
      })
      .replace(/(?<![\d-])((?:19|20)\d\d)(?![\d-])/g, (y) => String(Number(y) + by));
  if (Array.isArray(value)) return value.map((v) => shiftYears(v, by));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftYears(v, by)]));
  return value;
}

export function withCustomerValues(scenario: Scenario, id: CatalogueId, params: Record<string, string>): Replay {
  const own = ownValues(scenario, id);
  let replayed: unknown = scenario;
  const substituted: Substitution[] = [];
  const notSubstituted: NotSubstituted[] = [];
  const exchange = new Map<string, string>();
  let shifted = false;
  for (const [name, raw] of Object.entries(params)) {
    const value = canonical(name, raw);
    const from = own[name];
    if (from === undefined)
      notSubstituted.push({ name, value, why: `the scenario ${scenario.id} has no ${name} of its own to replace` });
    else if (from === value) continue;
    else if (YEAR_PARAMS.has(name)) {
      // Years are not identities but the scenario's time: its whole calendar moves, once.
      const shift = shifted
        ? { why: 'the scenario is already moved to the years of another value' }
        : yearShift(scenario, name, from, value);
      if ('why' in shift) {
        notSubstituted.push({ name, value, why: shift.why });
        continue;
      }
      replayed = shiftYears(replayed, shift.by);
      shifted = true;
      substituted.push({ name, from, to: shift.to });
      for (const year of shift.left)
        notSubstituted.push({
          name,
          value: year,
          why: `the scenario ${scenario.id} shows one year of its own (${from}), moved to the latest of the message's, ${shift.to}; ${year} would be another entry of the same case`,
        });
    } else if (IDENTIFIERS.has(name)) {
      // Two exchanges sharing a value would undo each other: the first one stands.
      if (exchange.has(from) || exchange.has(value)) {
        notSubstituted.push({ name, value, why: `${from} or ${value} is already exchanged for another value` });
        continue;
      }
      exchange.set(from, value).set(value, from);
      substituted.push({ name, from, to: value });
    } else {
      replayed = replaceStrings(replayed, from, value);
      substituted.push({ name, from, to: value });
    }
  }
  if (exchange.size === 0) return { scenario: replayed as Scenario, substituted, notSubstituted };
  return {
    scenario: exchangeDeep(replayed, exchange) as Scenario,
    substituted,
    notSubstituted,
    atRunTime: <T>(value: T) => exchangeDeep(value, exchange) as T,
  };
}
