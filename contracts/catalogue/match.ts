import type { CatalogueEntry, CatalogueId } from './schema.js';

/**
 * Matching a message a customer saw to its catalogue entry. Customers paste what they saw: with
 * other account numbers, years, folder and collaborator names, other case and spacing, quotes,
 * a missing parenthesis, part of the sentence, or the vendor's French original.
 */
export interface MessageMatch {
  id: CatalogueId;
  entry: CatalogueEntry;
  /** Which of the entry's messages matched. */
  variant: number;
  lang: 'en' | 'fr';
  /** The varying parts read from the customer's text (normalized: lower case, no punctuation). */
  params: Record<string, string>;
  /** 1 for a whole-message match; below 1, the share of the message's words found. */
  score: number;
}

/** Lower case, accents removed, every run of non-alphanumerics a single space. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

interface CompiledTemplate {
  entry: CatalogueEntry;
  variant: number;
  lang: 'en' | 'fr';
  regex: RegExp;
  params: string[];
  words: string[];
  /** For the last clauses of a message only (a paste without its lead-in): the share of the message's words they hold. */
  share?: number;
}

/** Where a message's later clauses start: after ": " or ". " (a lead-in such as Loop's "An error occurred during the JSON import request: "). */
const CLAUSE_BREAK = /[:.] +(?=\S)/g;
/** A trailing clause is matched on its own only with at least this many words of its own. */
const MIN_CLAUSE_WORDS = 4;

const ELLIPSIS = /\.\.\.|…/g;

function compile(entry: CatalogueEntry, variant: number, lang: 'en' | 'fr', template: string): CompiledTemplate {
  const params: string[] = [];
  // Split on placeholders and ellipses; literal pieces are normalized like the customer's text.
  const pieces = template.replace(ELLIPSIS, ' {…} ').split(/(\{\w+\}|\{…\})/);
  let source = '';
  const words: string[] = [];
  for (const piece of pieces) {
    const param = /^\{(\w+)\}$/.exec(piece);
    if (param) {
      params.push(param[1]!);
      // Word boundaries around a varying part: "Account {account}" must not match "accounting".
      source += '\\b ?(.+?) ?\\b';
    } else if (piece === '{…}') {
      source += '\\b ?(?:.*?) ?\\b';
    } else {
      const literal = normalize(piece);
      if (literal) {
        words.push(...literal.split(' '));
        source += literal.replace(/ /g, ' ');
      }
    }
  }
  // A trailing parameter would match a single character lazily: make the end of text the anchor.
  source = source.replace(/ \?\(\.\+\?\) \?\\b$/, ' ?(.+)');
  return { entry, variant, lang, regex: new RegExp(`(?:^| )${source.trim()}(?: |$)`), params, words };
}

/** The message, and each of its trailing clauses long enough to stand alone. */
function compileWithClauses(entry: CatalogueEntry, variant: number, lang: 'en' | 'fr', template: string): CompiledTemplate[] {
  const whole = compile(entry, variant, lang, template);
  const out = [whole];
  for (const breakAt of template.matchAll(CLAUSE_BREAK)) {
    const clause = compile(entry, variant, lang, template.slice(breakAt.index + breakAt[0].length));
    if (clause.words.length >= MIN_CLAUSE_WORDS) out.push({ ...clause, share: clause.words.length / Math.max(whole.words.length, 1) });
  }
  return out;
}

let compiledCache: CompiledTemplate[] | undefined;
let compiledFor: readonly CatalogueEntry[] | undefined;

function compileAll(entries: readonly CatalogueEntry[]): CompiledTemplate[] {
  if (compiledCache && compiledFor === entries) return compiledCache;
  const out: CompiledTemplate[] = [];
  for (const entry of entries) {
    entry.messages.forEach((message, variant) => {
      out.push(...compileWithClauses(entry, variant, 'en', message.en));
      if (message.fr) out.push(...compileWithClauses(entry, variant, 'fr', message.fr));
    });
  }
  compiledCache = out;
  compiledFor = entries;
  return out;
}

/**
 * Every entry whose message matches the text, best first. A whole-message match scores 1 plus a
 * small bonus for longer templates (the more specific wins); the message's last clauses matched
 * without their lead-in score 0.9 and up, by the share of the message they hold (their varying
 * parts are read too); otherwise an entry scores the share of its message's words present in the
 * text, kept when at least `minScore` (default 0.6).
 */
export function matchMessage(text: string, entries: readonly CatalogueEntry[], options: { minScore?: number } = {}): MessageMatch[] {
  const minScore = options.minScore ?? 0.6;
  const haystack = normalize(text);
  if (!haystack) return [];
  const haystackWords = new Set(haystack.split(' '));
  const best = new Map<CatalogueId, MessageMatch>();
  for (const template of compileAll(entries)) {
    let score = 0;
    const params: Record<string, string> = {};
    const match = template.regex.exec(haystack);
    if (match) {
      template.params.forEach((name, i) => (params[name] = (match[i + 1] ?? '').trim()));
      score = template.share === undefined ? 1 + Math.min(template.words.length, 50) / 1000 : 0.9 + 0.09 * template.share;
    } else if (template.share === undefined && template.words.length >= 2) {
      const distinct = [...new Set(template.words)];
      const found = distinct.filter((w) => haystackWords.has(w)).length;
      const ratio = found / distinct.length;
      // A short fragment of a long message must still be mostly that message's words.
      const coverage = found / haystackWords.size;
      if (ratio >= minScore || (found >= 3 && coverage >= 0.8)) score = Math.max(ratio, coverage * 0.9);
    }
    if (score === 0) continue;
    const previous = best.get(template.entry.id);
    if (!previous || previous.score < score) {
      best.set(template.entry.id, { id: template.entry.id, entry: template.entry, variant: template.variant, lang: template.lang, params, score });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}
