import { VENDOR_DISPLAY_NAMES, type VendorId } from '../common/vendor-ids.js';
import type { CatalogueEntry, CatalogueId } from './schema.js';

/**
 * Matching what a customer pasted to its catalogue entry: right, or says it is not sure.
 *
 * Customers paste the vendor's message (English or French, other values, other case, accents or
 * not, ’ or ', small typos, inside a whole e-mail), a hub status or tab name, or describe a
 * symptom in their own words. Three readings, each scored 0..1:
 * - a message template, aligned in order with the text; each `{parameter}` takes only a token of
 *   its own kind (an account number, a year or a list of years, a date, a journal code, a name in
 *   the message's own delimiters) and never "the rest of the sentence";
 * - a status or tab name, aligned the same way;
 * - a symptom phrase, whose content words (or their synonyms) must all be present, in any order.
 * Templates too short to identify an entry alone (one word and a parameter, such as
 * "Compte {account}", or two words) score only when they are nearly the whole text.
 */
export interface MessageMatch {
  id: CatalogueId;
  entry: CatalogueEntry;
  via: 'message' | 'status' | 'symptom';
  /** Which of the entry's messages (or status names, or symptom phrases) matched. */
  variant: number;
  lang: 'en' | 'fr';
  /** The varying parts read from the customer's text, as the customer wrote them. */
  params: Record<string, string>;
  /** 0..1: the share of the template's weight found in order, less the penalties. */
  confidence: number;
  /** Kept for callers of the earlier matcher: the same as `confidence`. */
  score: number;
  /** The words of the text that matched, and `name=value` for each parameter read. */
  evidence: string[];
  /** How many content words and parameters the matched form has: the more, the more specific. */
  specificity: number;
  /** Indices of the text's words that matched (to tell whether one match contains another). */
  at: number[];
  /**
   * The negation word the customer put on the message's predicate ("not", "n'...pas", "no longer"),
   * when the message itself does not have it: the text says the entry is not the case.
   */
  negatedBy?: string;
  /**
   * The customer's own denial, elsewhere in the text, of what the vendor's message says, when the
   * text also quotes that message undenied ("le journal n'est pas verrouillé, pourtant : « Le
   * journal ... est verrouillé »"): the vendor did show it; the customer disputes its cause.
   */
  disputedBy?: string;
}

export interface Identification {
  /** The entry, when the best candidate is confident and clearly ahead of the next one. */
  sure?: MessageMatch;
  /** Every candidate, best first (one per entry). */
  candidates: MessageMatch[];
  /** Why the answer is not sure, when it is not. */
  unsureBecause?: string;
}

/** A confident answer needs at least this confidence... */
export const SURE_CONFIDENCE = 0.8;
/** ...and this lead over the next entry (unless it is much more specific, see `identify`). */
export const SURE_MARGIN = 0.15;

/** Lower case, accents removed, ’ as ', every run of non-alphanumerics a single space. */
export function normalize(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .toLowerCase();
}

// --- tokens -------------------------------------------------------------------------------------

interface Token {
  /** Folded word (lower case, no accents). */
  w: string;
  stem: string;
  raw: string;
  start: number;
  end: number;
  /** The delimited span ("...", «...», (...), [...], '...') the token is in, or -1. */
  group: number;
  /** Whether the token starts its group. */
  opens: boolean;
  /** Whether its group is in parentheses or brackets: a part of a name ("GUERIN ET GARNIER (NORD)"), not a quotation. */
  paren: boolean;
  /** A sentence break (. : ; ! ? or a new line) follows the token. */
  brk: boolean;
  /** Index of the compound ("m.petit", "2026-12-03", "401-DUPONT") the token belongs to. */
  compound: number;
}

const DELIMITED =
  /"([^"\n]{1,100})"|“([^”\n]{1,100})”|«([^»\n]{1,100})»|\(([^()\n]{1,100})\)|\[([^\]\n]{1,100})\]|(?<![\p{L}\p{N}])['‘’]([^'‘’\n]{1,100})['’](?![\p{L}\p{N}])/gu;

function tokenize(text: string): { tokens: Token[]; groups: { start: number; end: number }[] } {
  const groups: { start: number; end: number; paren: boolean }[] = [];
  for (const m of text.matchAll(DELIMITED))
    groups.push({ start: m.index + 1, end: m.index + m[0].length - 1, paren: /[([]/.test(m[0][0]!) });
  const tokens: Token[] = [];
  let compound = -1;
  let openedGroup = -1;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    const prev = tokens[tokens.length - 1];
    const gap = prev ? text.slice(prev.end, start) : ' ';
    if (prev) prev.brk = (/[.:;!?\n]/.test(gap) && !/^[.@_/-]$/.test(gap)) || /\n/.test(gap);
    if (!prev || !/^[.@_/\\-]$/.test(gap)) compound += 1;
    const g = groups.findIndex((s) => start >= s.start && end <= s.end);
    const w = fold(m[0]);
    tokens.push({
      w,
      stem: stem(w),
      raw: m[0],
      start,
      end,
      group: g,
      opens: g >= 0 && g !== openedGroup,
      paren: g >= 0 && groups[g]!.paren,
      brk: false,
      compound,
    });
    if (g >= 0) openedGroup = g;
  }
  return { tokens, groups };
}

/** A crude stemmer for both languages: plurals, French feminine and participle endings, English -ed/-ing. */
function stem(w: string): string {
  if (w.length <= 3 || /\d/.test(w)) return w;
  let s = w;
  for (const suffix of ['ements', 'ement', 'ations', 'ation', 'ings', 'ing', 'ees', 'ee', 'es', 'ed', 's', 'e']) {
    if (s.endsWith(suffix) && s.length - suffix.length >= 4) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  return s;
}

/** Damerau-Levenshtein distance, stopping early beyond `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}

/** Same word, give or take a plural, an accent, a feminine ending or one typo (two in a long word). Numbers match exactly. */
function sameWord(literal: { w: string; stem: string }, token: Token): boolean {
  if (literal.w === token.w || literal.stem === token.stem) return true;
  if (/\d/.test(literal.w) || /\d/.test(token.w)) return false;
  const len = Math.min(literal.w.length, token.w.length);
  if (len < 5) return false;
  return distance(literal.w, token.w, len >= 9 ? 2 : 1) <= (len >= 9 ? 2 : 1);
}

// --- weights ------------------------------------------------------------------------------------

/** Words that say little on their own; negations are not among them ("not", "pas", "aucun"). */
const STOPWORDS = new Set(
  (
    'a an the of to is are be been was in on at or and for this that with by from as it its my our your we i you their there has have had will would can do does ' +
    'le la les l de du des d un une est sont en au aux et ou pour ce cet cette ces dans sur par avec se s il elle on nous vous je j mon ma mes notre nos votre vos qui que qu y a ete etre'
  ).split(' '),
);
/** Words of a greeting or a signature, and support's own vocabulary: never evidence. */
const NOISE = new Set(
  'bonjour hello hi merci thanks thank cordialement regards best bien madame monsieur please svp stp'.split(' '),
);

const weightOf = (w: string) => (STOPWORDS.has(w) ? 0.35 : 1);
const isContent = (w: string) => !STOPWORDS.has(w) && !NOISE.has(w);

/**
 * Synonyms customers use for the words of the symptom phrases (English and French, folded):
 * a symptom word is found when any word of its class is.
 */
const SYNONYMS: string[][] = [
  [
    'stuck',
    'blocked',
    'bloque',
    'bloquee',
    'bloquees',
    'bloques',
    'remain',
    'remains',
    'stay',
    'stays',
    'restent',
    'reste',
    'still',
    'toujours',
    'coince',
    'coincees',
  ],
  [
    'synchronizing',
    'synchronising',
    'synchronization',
    'synchronisation',
    'sync',
    'synchro',
    'syncing',
    'synchronize',
    'synchronise',
    'synchroniser',
    'synchronisee',
    'synchronisees',
  ],
  [
    'cut',
    'truncated',
    'truncate',
    'tronque',
    'tronquee',
    'tronquees',
    'tronques',
    'coupe',
    'coupee',
    'coupees',
    'coupes',
    'shortened',
    'limited',
    'limite',
    'limitee',
    'limitees',
    'raccourci',
    'raccourcis',
  ],
  ['label', 'labels', 'libelle', 'libelles', 'description', 'descriptions', 'wording', 'intitule', 'intitules'],
  ['characters', 'caracteres', 'chars', 'character', 'caractere', 'car'],
  ['entry', 'entries', 'ecriture', 'ecritures', 'transaction', 'transactions'],
  ['file', 'files', 'folder', 'folders', 'dossier', 'dossiers'],
  ['account', 'accounts', 'compte', 'comptes'],
  [
    'attachment',
    'attachments',
    'piece',
    'pieces',
    'justificatif',
    'justificatifs',
    'receipt',
    'receipts',
    'document',
    'documents',
  ],
  ['created', 'creates', 'create', 'cree', 'creee', 'crees', 'creees', 'creation', 'creer'],
  ['sent', 'send', 'sending', 'envoi', 'envoye', 'envoyee', 'envoyees', 'envoyes', 'envoyer', 'partent', 'part'],
  [
    'resent',
    'resend',
    'renvoye',
    'renvoyee',
    'renvoyees',
    'renvoyer',
    'retried',
    'retry',
    'renvoi',
    'relance',
    'relancees',
  ],
  ['disconnected', 'deconnecte', 'deconnectee', 'offline', 'hors'],
  ['deactivated', 'disabled', 'desactive', 'desactivee', 'inactive', 'inactif'],
  ['activate', 'activated', 'activer', 'active', 'activee', 'enable'],
  [
    'retrieved',
    'pulled',
    'imported',
    'recupere',
    'recuperee',
    'recuperes',
    'recuperees',
    'remonte',
    'remontes',
    'importe',
    'importes',
    'retrieve',
    'recuperer',
    'fetched',
  ],
  ['chart', 'plan'],
  ['third', 'tiers'],
  ['parties', 'tiers'],
  ['pending', 'attente', 'waiting'],
  ['open', 'opened', 'ouvert', 'ouverte', 'ouverts', 'ouvre', 'ouvrir', 'ouverture', 'opening'],
  ['fiscal', 'exercice', 'exercices'],
  ['year', 'years', 'exercice', 'exercices'],
  ['label', 'libelle', 'name', 'nom'],
  ['no', 'without', 'sans', 'aucun', 'aucune', 'missing', 'manque', 'vide', 'empty'],
  ['first', 'premier', 'premiere', 'only', 'seule', 'seul', 'one', 'une'],
  ['night', 'nights', 'nuit', 'nuits'],
  ['hours', 'heures', 'h'],
  ['posted', 'comptabilisee', 'comptabilisees', 'comptabilise', 'comptabilises'],
  ['number', 'numero', 'num', 'no'],
  ['automatic', 'automatically', 'automatique', 'automatiquement', 'auto'],
  ['numbering', 'numbered', 'numerotation', 'numerote', 'numerotee'],
  ['technical', 'technique'],
  ['identifier', 'identifiant', 'id'],
  ['comment', 'commentaire', 'comments', 'commentaires'],
  ['code', 'codes'],
  ['bank', 'banque', 'bancaire', 'bancaires'],
  ['weekly', 'week', 'semaine', 'hebdomadaire', 'semaines'],
  ['daily', 'quotidienne', 'quotidien', 'jour', 'day'],
  ['evening', 'soir'],
  ['manual', 'manually', 'manuelle', 'manuel', 'manuellement'],
  ['realtime', 'real', 'temps', 'immediately', 'immediatement'],
  ['frequency', 'frequence'],
  ['exclude', 'excluded', 'exclure', 'exclue', 'exclu'],
  ['invoice', 'invoices', 'facture', 'factures'],
  ['old', 'ancienne', 'ancien', 'anciennes', 'vieille'],
  ['verified', 'verify', 'verifiee', 'verifie', 'verifiees', 'verifier', 'verification', 'check'],
  ['failed', 'echec', 'failure', 'echoue', 'erreur'],
  ['rejected', 'rejetee', 'rejetees', 'rejete', 'rejetes', 'rejets', 'rejet', 'rejections', 'refused', 'refusees'],
  ['all', 'toutes', 'tous', 'every', 'massive', 'masse'],
  ['associate', 'associated', 'associer', 'association', 'link', 'lier', 'associe', 'rattacher'],
  ['refresh', 'rafraichir', 'actualiser', 'refreshed'],
  ['disable', 'desactiver', 'deactivate', 'couper'],
  ['edit', 'modifier', 'change', 'changer'],
  ['connection', 'connexion'],
  ['keys', 'key', 'cle', 'cles'],
  ['triangle'],
  ['red', 'rouge'],
  ['marketplace', 'market'],
  ['multi', 'multiple', 'plusieurs'],
  ['appear', 'appears', 'apparaissent', 'apparait', 'show', 'arrive', 'arrived', 'arrivent', 'visible'],
  ['auxiliary', 'auxiliaire', 'auxiliaires', 'subsidiary'],
  ['reference', 'referentiel', 'reference'],
  ['data', 'donnees'],
  ['tab', 'onglet'],
  ['twelve', '12'],
];
const synonymsOf = new Map<string, Set<string>>();
for (const group of SYNONYMS) {
  for (const word of group) {
    const set = synonymsOf.get(word) ?? new Set<string>([word]);
    for (const other of group) set.add(other);
    synonymsOf.set(word, set);
  }
}

// --- forms --------------------------------------------------------------------------------------

type ParamKind = 'account' | 'years' | 'date' | 'number' | 'journal' | 'code' | 'name' | 'text';

const KIND_OF: Record<string, ParamKind> = {
  account: 'account',
  years: 'years',
  year: 'years',
  fiscalYear: 'years',
  date: 'date',
  line: 'number',
  journal: 'journal',
  code: 'code',
  batch: 'code',
  description: 'text',
};

type Element = { lit: string; stem: string; weight: number } | { param: string; kind: ParamKind; weight: number };

interface Form {
  entry: CatalogueEntry;
  via: MessageMatch['via'];
  variant: number;
  lang: 'en' | 'fr';
  elements: Element[];
  total: number;
  /** Content words plus parameters. */
  specificity: number;
  /** One word and a parameter, or two words: must be nearly the whole text. */
  short: boolean;
  /** For each element, the next literal after it (what bounds a free name). */
  nextLiteral: (Element | undefined)[];
  /** Below 1 for a part of a message (its last clauses). */
  factor?: number;
}

const ELLIPSIS = /\.\.\.|…/g;
/** Where a message's later clauses start: after ": " or ". ". */
const CLAUSE_BREAK = /[:.] +(?=\S)/g;
const MIN_CLAUSE_WORDS = 5;

function compileForm(
  entry: CatalogueEntry,
  via: Form['via'],
  variant: number,
  lang: 'en' | 'fr',
  template: string,
): Form {
  const elements: Element[] = [];
  for (const piece of template.replace(ELLIPSIS, ' ').split(/(\{\w+\})/)) {
    const param = /^\{(\w+)\}$/.exec(piece);
    if (param) elements.push({ param: param[1]!, kind: KIND_OF[param[1]!] ?? 'name', weight: 1 });
    else
      for (const w of normalize(piece).split(' ').filter(Boolean))
        elements.push({ lit: w, stem: stem(w), weight: weightOf(w) });
  }
  const content = elements.filter((e) => 'lit' in e && isContent(e.lit)).length;
  const params = elements.filter((e) => 'param' in e).length;
  // A vendor code such as ContainerNotFoundInSicSettings identifies its entry alone, however short.
  const code = elements.length === 1 && 'lit' in elements[0]! && elements[0].lit.length >= 15;
  return {
    entry,
    via,
    variant,
    lang,
    elements,
    total: elements.reduce((s, e) => s + e.weight, 0),
    specificity: content + params,
    short: content + params <= 2 && !code,
    nextLiteral: elements.map((_, i) => elements.slice(i + 1).find((e) => 'lit' in e)),
  };
}

let compiledCache: Form[] | undefined;
let compiledFor: readonly CatalogueEntry[] | undefined;

function compileAll(entries: readonly CatalogueEntry[]): Form[] {
  if (compiledCache && compiledFor === entries) return compiledCache;
  const out: Form[] = [];
  for (const entry of entries) {
    entry.messages.forEach((message, variant) => {
      for (const [lang, template] of [
        ['en', message.en],
        ['fr', message.fr],
      ] as const) {
        out.push(compileForm(entry, 'message', variant, lang, template));
        // A paste without the message's lead-in ("An error occurred during the JSON import request: "):
        // its last clauses, when they have words enough of their own, count a little less than the whole.
        for (const at of template.matchAll(CLAUSE_BREAK)) {
          const clause = compileForm(entry, 'message', variant, lang, template.slice(at.index + at[0].length));
          if (clause.specificity >= MIN_CLAUSE_WORDS) out.push({ ...clause, factor: 0.92 });
        }
      }
    });
    // The help article's error number ("Sage GE error 4", "erreur 4"), where one entry alone has it.
    if (
      entry.errorNumber &&
      entries.filter((e) => e.vendor === entry.vendor && e.errorNumber === entry.errorNumber).length === 1
    ) {
      out.push(
        compileForm(entry, 'status', -1, 'en', `Sage GE error ${entry.errorNumber}`),
        compileForm(entry, 'status', -1, 'fr', `Sage GE erreur ${entry.errorNumber}`),
      );
    }
    if (entry.wire) out.push(compileForm(entry, 'status', -1, 'en', entry.wire.code));
    (entry.status ?? []).forEach((status, variant) => {
      out.push(
        compileForm(entry, 'status', variant, 'en', status.en),
        compileForm(entry, 'status', variant, 'fr', status.fr),
      );
    });
    (entry.symptoms ?? []).forEach((symptom, variant) => {
      out.push(
        compileForm(entry, 'symptom', variant, 'en', symptom.en),
        compileForm(entry, 'symptom', variant, 'fr', symptom.fr),
      );
    });
  }
  compiledCache = out;
  compiledFor = entries;
  return out;
}

// --- parameters ---------------------------------------------------------------------------------

const MONTHS = new Set(
  'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);
const isYear = (w: string) => /^(19|20)\d\d$/.test(w);
const YEAR_JOIN = new Set(['and', 'et', 'to', 'a', 'au', 'ou', 'or']);

/** The lengths (in tokens) a parameter of this kind can take at token `j`; the next literal bounds a free name. */
function spans(kind: ParamKind, tokens: Token[], j: number, nextLiteral: Element | undefined): number[] {
  const t = tokens[j];
  if (!t) return [];
  const inGroup = () => {
    let k = j;
    while (k < tokens.length && tokens[k]!.group === t.group) k++;
    return k - j;
  };
  const midCompound = j > 0 && tokens[j - 1]!.compound === t.compound;
  // Where the word starting at `x` ends: its compound, or, after the first word, a whole part in parentheses.
  const unitEnd = (x: number) => {
    const u = tokens[x]!;
    let k = x + 1;
    if (x > j && u.opens && u.paren) while (k < tokens.length && tokens[k]!.group === u.group) k++;
    else while (k < tokens.length && tokens[k]!.compound === u.compound) k++;
    return k;
  };
  switch (kind) {
    case 'account':
      // An account number starts with a digit (PCG class) and may carry letters (401DUPONT).
      return /^\d[\da-z]{2,19}$/.test(t.w) ? [1] : [];
    case 'years': {
      if (!isYear(t.w)) return [];
      let k = j + 1;
      let last = j + 1;
      while (k < tokens.length && k - j < 12) {
        if (isYear(tokens[k]!.w)) last = ++k;
        else if (YEAR_JOIN.has(tokens[k]!.w)) k++;
        else break;
      }
      return [last - j];
    }
    case 'date': {
      const w = tokens.slice(j, j + 3).map((x) => x.w);
      if (w.length === 3 && w.every((x) => /^\d{1,4}$/.test(x)) && (isYear(w[0]!) || isYear(w[2]!))) return [3];
      if (w.length === 3 && /^\d{1,2}$/.test(w[0]!) && MONTHS.has(w[1]!) && isYear(w[2]!)) return [3];
      return [];
    }
    case 'number':
      return /^\d{1,7}$/.test(t.w) ? [1] : [];
    case 'journal':
      if (t.opens) return [inGroup()];
      return /^[a-z0-9]{1,6}$/.test(t.w) && !STOPWORDS.has(t.w) ? [1] : [];
    case 'code': {
      if (t.opens) return [inGroup()];
      // A code is its whole compound ("F-DURAND-2026"), never its tail.
      if (midCompound) return [];
      const k = unitEnd(j);
      return tokens[k - 1]!.end - t.start >= 2 ? [k - j] : [];
    }
    case 'text':
    case 'name': {
      // In the message's own delimiters: exactly the delimited span.
      if (t.opens) return [inGroup()];
      // A name is its whole compound: "s.martin@expert-compta.fr", never "martin@expert-compta.fr".
      if (midCompound) return [];
      const joined = tokens[j + 1]?.compound === t.compound;
      if (isContent(t.w) === false && kind === 'name' && !/\d/.test(t.w) && t.raw !== t.raw.toUpperCase() && !joined)
        return [];
      // Counted in words: a compound, or a part in parentheses after a name, is one.
      const max = kind === 'text' ? 12 : 5;
      const out: number[] = [];
      if (nextLiteral) {
        // Bounded by the template's next word: the alignment picks the length where it follows.
        for (let x = j, words = 0; x < tokens.length && words < max; words++) {
          // "VAL FOLDER isn't closed": a denial is the customer's, never part of a name.
          const w = tokens[x]!;
          if (NEGATIONS.has(w.w) && w.raw !== w.raw.toUpperCase()) break;
          x = unitEnd(x);
          out.push(x - j);
          if (tokens[x - 1]!.brk) break;
        }
        return out;
      }
      // Last in the template: one compound ("m.petit", "000123"), or a run of capitals (BOULANGERIE
      // MARTIN SAS), with a part in parentheses that starts with a capital ("GUERIN ET GARNIER (NORD)").
      out.push(unitEnd(j) - j);
      if (caps(t)) {
        let c = j;
        for (let words = 0; c < tokens.length && words < max; words++) {
          const x = tokens[c]!;
          if (c > j && (tokens[c - 1]!.brk || !caps(x))) break;
          c = unitEnd(c);
        }
        if (c - j > out[0]!) out.push(c - j);
      }
      return out;
    }
  }
}

// --- negation ---------------------------------------------------------------------------------

/**
 * Words that deny a predicate, folded and split as the tokenizer splits them ("isn't" is "isn" "t",
 * "n'est" is "n" "est"). "no" and "plus" are not among them: "no journal is open" and "plus de 35
 * caractères" state facts; "no longer" and "n'est plus" are caught by "longer" after "no" and by "n".
 */
const NEGATIONS = new Set(
  'not never anymore cannot isn aren wasn weren doesn don didn hasn haven hadn wouldn couldn shouldn ne pas jamais nullement guere'.split(
    ' ',
  ),
);
const APOSTROPHE = /['’]/;

/** Whether the text's word `x` denies: one of `NEGATIONS`, "n'" (n'est, n'a), "-n't" (can't, won't), or "longer" in "no longer". */
function isNegation(text: string, tokens: readonly Token[], x: number): boolean {
  const t = tokens[x]!;
  if (t.w === 'ne') return !restricts(text, tokens, x);
  if (NEGATIONS.has(t.w)) return true;
  if (t.w === 'n') return APOSTROPHE.test(text[t.end] ?? '') && !restricts(text, tokens, x);
  if (t.w === 't') return APOSTROPHE.test(text[t.start - 1] ?? '') && /n$/.test(tokens[x - 1]?.w ?? '');
  return t.w === 'longer' && tokens[x - 1]?.w === 'no';
}

/** What completes a French "ne" into a denial: "ne ... pas", "n'... jamais", "n'... aucun". */
const DENIAL_PARTNERS = new Set('pas jamais point guere nullement rien personne aucun aucune ni'.split(' '));
/** How far after "ne" its "que" may come: "on ne voit que", "il n'y en a plus que", "ne sont affichés que". */
const RESTRICTION_REACH = 5;

/**
 * Whether the "ne" (or "n'") at `x` is the restrictive "ne ... que", "only" ("on ne voit que le
 * début", "il ne reste plus que", "n'en voit que"): a "que" in its clause before any partner that
 * makes it a denial. "Plus" there means "only ... now" when right before the "que" ("ne voit plus
 * que"), and "no longer" otherwise: "Ce n'est plus le cas que X", "Il n'est plus vrai que X" deny X.
 */
function restricts(text: string, tokens: readonly Token[], x: number): boolean {
  for (let y = x + 1; y < tokens.length && y - x <= RESTRICTION_REACH; y++) {
    const w = tokens[y]!.w;
    if (DENIAL_PARTNERS.has(w)) return false;
    if (w === 'que' || w === 'qu') return !tokens.slice(x + 1, y - 1).some((u) => u.w === 'plus');
    if (tokens[y]!.brk || text.slice(tokens[y]!.end, tokens[y + 1]?.start ?? tokens[y]!.end).includes(','))
      return false;
  }
  return false;
}

/** After a matched message, a negation this many words on in the same sentence still denies it ("is locked anymore"). */
const NEGATION_REACH = 2;

/**
 * The negation word the text puts inside (or just after) a matched message that the message does
 * not have, if any. A message that has its own negation ("does not have access") keeps it when
 * written another way ("doesn't have access"): the text's negation stands for the message's.
 */
function negationIn(
  form: Form,
  text: string,
  tokens: readonly Token[],
  matched: readonly number[],
): string | undefined {
  if (matched.length === 0) return undefined;
  const framing = denialBefore(text, tokens, Math.min(...matched));
  if (framing) return framing;
  const own = form.elements.filter((e) => 'lit' in e && (NEGATIONS.has(e.lit) || e.lit === 'n')).length;
  const ownFound = matched.filter((x) => isNegation(text, tokens, x)).length;
  if (own > ownFound) return undefined;
  const first = matched[0]!;
  let last = matched[matched.length - 1]!;
  for (let k = 0; k < NEGATION_REACH && last + 1 < tokens.length && !tokens[last]!.brk; k++) last++;
  for (let x = first; x <= last; x++) if (!matched.includes(x) && isNegation(text, tokens, x)) return tokens[x]!.raw;
  return undefined;
}

/** Words that only carry a denial to its predicate: "n'EST pas", "IS not", "n'A jamais ÉTÉ". */
const AUXILIARIES = new Set('est sont a ont ete etait is are was were been be has have had t'.split(' '));

/**
 * The customer's denial, outside the matched message, of one of its words ("le journal HA
 * n'est pas verrouillé", "it isn't locked"), as written: the first word the negation bears on,
 * past auxiliaries and its partner ("pas"), is a word of the message.
 */
function disputeOf(form: Form, text: string, tokens: readonly Token[], matched: readonly number[]): string | undefined {
  const words = form.elements.filter((e): e is Extract<Element, { lit: string }> => 'lit' in e && isContent(e.lit));
  for (let x = 0; x < tokens.length; x++) {
    if (matched.includes(x) || !isNegation(text, tokens, x)) continue;
    for (let y = x + 1; y < tokens.length && y - x <= 4 && !tokens[y - 1]!.brk; y++) {
      const t = tokens[y]!;
      if (AUXILIARIES.has(t.w) || isNegation(text, tokens, y)) continue;
      if (!matched.includes(y) && words.some((e) => same(e, t))) return text.slice(tokens[x]!.start, t.end);
      break;
    }
  }
  return undefined;
}

/** Before a matched message, a negation this many words back in the same clause frames it as denied ("It's not true that...", "Ce n'est plus le cas que le ...": seven words). A complaint written without a comma may then be answered unsure: the lesser harm. */
const FRAMING_REACH = 8;
/** A question about the message is not a denial of it: "I don't understand why account X is locked". */
/** A contrast opens another clause: "le journal n'est pas verrouillé MAIS nos ventes sont refusées avec « ... »". */
const CONTRAST = new Set('mais pourtant cependant toutefois neanmoins but yet however though although'.split(' '));
const ASKING = new Set('why how pourquoi comment understand comprends comprend comprenons explain explique'.split(' '));

/**
 * The negation that frames a message from before it, in its own clause ("It's not true that
 * account X is locked", "Ce n'est pas vrai que...", "We no longer see '...'", "On n'a jamais eu
 * « ... »"), if any. A comma or a sentence break ends the clause ("We can't post, account X is
 * locked" complains, it does not deny), and so does a question word.
 */
function denialBefore(text: string, tokens: readonly Token[], first: number): string | undefined {
  for (let x = first - 1; x >= 0 && first - x <= FRAMING_REACH; x--) {
    const t = tokens[x]!;
    if (t.brk || text.slice(t.end, tokens[x + 1]!.start).includes(',')) return undefined;
    if (ASKING.has(t.w) || CONTRAST.has(t.w)) return undefined;
    if (!isNegation(text, tokens, x)) continue;
    // The word as written: "don't", "n'est", not their halves.
    if (t.w === 't' && x > 0) return text.slice(tokens[x - 1]!.start, t.end);
    if (t.w === 'n' && tokens[x + 1]) return text.slice(t.start, tokens[x + 1]!.end);
    return t.raw;
  }
  return undefined;
}

const caps = (x: Token) => /[\p{Lu}\p{N}]/u.test(x.raw) && x.raw === x.raw.toUpperCase();

// --- alignment ----------------------------------------------------------------------------------

const sameCache = new Map<string, boolean>();
function same(el: { lit: string; stem: string }, token: Token): boolean {
  const key = `${el.lit} ${token.w}`;
  let v = sameCache.get(key);
  if (v === undefined) {
    v = sameWord({ w: el.lit, stem: el.stem }, token);
    if (sameCache.size > 50_000) sameCache.clear();
    sameCache.set(key, v);
  }
  return v;
}

/**
 * How much a value read for a parameter is worth as evidence: a name in delimiters, in capitals or
 * with digits is a name; lower-case words where a name should be are weak evidence. Longer spans
 * win ties, so "ATELIER NOIR" is read whole.
 */
function paramQuality(kind: ParamKind, tokens: Token[], j: number, k: number): number {
  const bonus = k / 1000;
  if (kind !== 'name' && kind !== 'text' && kind !== 'code') return 1 + bonus;
  const t = tokens[j]!;
  if (t.opens) return 1 + bonus;
  const span = tokens.slice(j, j + k);
  // What a part in parentheses after the name says does not make it less of a name.
  const named = (x: Token) => /\d/.test(x.raw) || x.raw === x.raw.toUpperCase() || (x.paren && x.group !== t.group);
  if (span.every(named)) return 1 + bonus;
  return 0.6 + bonus;
}

/** An extra word inside a matched message costs this much of one word's weight. */
const INSERTION = 0.3;
/** At most this many extra words in a row inside a matched message. */
const MAX_GAP = 3;

interface Aligned {
  score: number;
  matched: number[];
  params: Record<string, [number, number]>;
  first: number;
  last: number;
}

/** The best in-order alignment of a form's elements with the text's tokens (a local alignment: the message may be anywhere in an e-mail). */
function align(form: Form, tokens: Token[]): Aligned | undefined {
  const n = form.elements.length;
  const m = tokens.length;
  const W = m + 1;
  const score = new Float64Array((n + 1) * W).fill(-Infinity);
  // back: 0 start, 1 literal, 2 skip element, 3 insertion, 4+k param of length k; -2, -3 a word written
  // joined or split, -4 "not" contracted
  const back = new Int32Array((n + 1) * W);
  const gap = new Int32Array((n + 1) * W);
  // Local at both ends: the alignment may start at any word of the message and of the text (a
  // partial paste), and end anywhere; only what is missing in between counts against it.
  score.fill(0);
  const set = (ii: number, jj: number, v: number, how: number, g = 0) => {
    const at = ii * W + jj;
    if (v > score[at]!) {
      score[at] = v;
      back[at] = how;
      gap[at] = g;
    }
  };
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = score[i * W + j]!;
      if (here === -Infinity) continue;
      if (i > 0 && i < n && j < m && gap[i * W + j]! < MAX_GAP && !NOISE.has(tokens[j]!.w))
        set(i, j + 1, here - INSERTION, 3, gap[i * W + j]! + 1);
      if (i === n) continue;
      const el = form.elements[i]!;
      if ('lit' in el) {
        if (j < m && same(el, tokens[j]!)) set(i + 1, j + 1, here + el.weight, 1);
        // "market place" written "marketplace", and the other way round.
        const after = form.elements[i + 1];
        if (j < m && after && 'lit' in after && tokens[j]!.w === el.lit + after.lit)
          set(i + 2, j + 1, here + el.weight + after.weight, -2);
        if (j + 1 < m && el.lit === tokens[j]!.w + tokens[j + 1]!.w) set(i + 1, j + 2, here + el.weight, -3);
        // "does not" written "doesn't" (tokens "doesn" "t"), "is not" written "isn't".
        if (
          j + 1 < m &&
          after &&
          'lit' in after &&
          after.lit === 'not' &&
          tokens[j]!.w === `${el.lit}n` &&
          tokens[j + 1]!.w === 't'
        )
          set(i + 2, j + 2, here + el.weight + after.weight, -4);
      } else {
        const next = form.nextLiteral[i];
        for (const k of spans(el.kind, tokens, j, next))
          set(i + 1, j + k, here + el.weight * paramQuality(el.kind, tokens, j, k), 4 + k);
      }
      // A word of the message missing from the text counts against it (half its weight).
      set(i + 1, j, here - el.weight / 2, 2);
    }
  }
  let bestAt = 0;
  for (let at = 0; at < score.length; at++) if (score[at]! > score[bestAt]!) bestAt = at;
  if (score[bestAt]! <= 0) return undefined;
  const bestJ = bestAt % W;
  const matched: number[] = [];
  const params: Aligned['params'] = {};
  let i = Math.floor(bestAt / W);
  let j = bestJ;
  let first = bestJ;
  while (i > 0) {
    const how = back[i * W + j]!;
    if (how === 1) {
      matched.push(j - 1);
      first = j - 1;
      i--;
      j--;
    } else if (how === -2) {
      matched.push(j - 1);
      first = j - 1;
      i -= 2;
      j--;
    } else if (how === -3) {
      matched.push(j - 2, j - 1);
      first = j - 2;
      i--;
      j -= 2;
    } else if (how === -4) {
      matched.push(j - 2, j - 1);
      first = j - 2;
      i -= 2;
      j -= 2;
    } else if (how === 2) i--;
    else if (how === 3) j--;
    else if (how >= 4) {
      const k = how - 4;
      const el = form.elements[i - 1]!;
      if ('param' in el) params[el.param] = [j - k, j];
      for (let x = j - k; x < j; x++) matched.push(x);
      first = j - k;
      i--;
      j -= k;
    } else break;
  }
  return { score: score[bestAt]!, matched: matched.sort((a, b) => a - b), params, first, last: bestJ };
}

/** Cheap check before the alignment: at least one literal of the form is in the text. */
function mayMatch(form: Form, tokens: Token[]): boolean {
  return form.elements.some((e) => 'lit' in e && isContent(e.lit) && tokens.some((t) => same(e, t)));
}

/** Symptom phrases: every content word (or a synonym) present, in any order. */
function symptomScore(form: Form, text: string, tokens: Token[]): { confidence: number; matched: number[] } {
  const content = form.elements.filter((e): e is Extract<Element, { lit: string }> => 'lit' in e && isContent(e.lit));
  if (content.length < 2) return { confidence: 0, matched: [] };
  const matched = new Set<number>();
  const at = content.map((el) => {
    const alternatives = [...(synonymsOf.get(el.lit) ?? [el.lit])].map((w) => ({ w, stem: stem(w) }));
    return tokens.findIndex((t) => alternatives.some((a) => sameWord(a, t)));
  });
  for (const x of at) if (x >= 0) matched.add(x);
  // A length limit ("cut at 35 characters") is the article's knowledge, not always the
  // customer's: when the text has neither its number nor its unit, the rest of the symptom
  // describes it, a little less surely, if it says truncation for sure (see `truncationSaid`);
  // a unit with another number contradicts it.
  const quantity = content.findIndex((el) => /^\d+$/.test(el.lit));
  const unit = content[quantity + 1];
  const unitless =
    quantity >= 0 &&
    unit !== undefined &&
    synonymsOf.get('characters')!.has(unit.lit) &&
    at[quantity]! < 0 &&
    at[quantity + 1]! < 0 &&
    truncationSaid(text, tokens, content, at)
      ? 1
      : 0;
  const left = unitless ? content.length - 2 : content.length;
  const found = at.filter((x) => x >= 0).length;
  // Every word of the symptom is needed: a symptom is its words together.
  const ratio = left >= 2 ? found / left : found / content.length;
  // Between two whole symptoms, the one with more words ranks first.
  return {
    confidence: ratio === 1 ? 0.9 - unitless * 0.05 + Math.min(left, 8) / 100 : (found / content.length) * 0.7,
    matched: [...matched].sort((a, b) => a - b),
  };
}

/** Words that say a text was cut short and nothing else ("cut" and "coupé" also say "interrupted"). */
const TRUNCATED = new Set(
  'truncated truncate truncation tronque tronquee tronquees tronques troncature shortened raccourci raccourcis'.split(
    ' ',
  ),
);
/** Words that say only a part is seen: "on ne voit que le début", "only the first words". */
const PART_SEEN = new Set('debut beginning start premiers premieres first only seulement'.split(' '));
/** Words that make the next noun a complement of another ("l'accès AUX comptes", "the sync OF labels"). */
const OF = new Set('de des du d aux au of to for from avec with sur'.split(' '));

/**
 * Whether a length-limit symptom without its quantity still says the text is truncated: its
 * subject (the symptom's first word) comes before its cut word in one clause and is not a
 * complement of another noun, and the cut word means only truncation, or the text says only a
 * part is seen. "L'accès aux comptes est coupé dans Quadra", "On a coupé la synchro des libellés"
 * are not truncated accounts or labels.
 */
function truncationSaid(
  text: string,
  tokens: readonly Token[],
  content: readonly { lit: string }[],
  at: readonly number[],
): boolean {
  const cut = content.findIndex((el) => synonymsOf.get('cut')!.has(el.lit));
  const subject = at[0]!;
  const verb = at[cut]!;
  if (cut <= 0 || subject < 0 || verb < 0 || subject > verb) return false;
  if (subject > 0 && OF.has(tokens[subject - 1]!.w)) return false;
  for (let x = subject; x < verb; x++) if (tokens[x]!.brk) return false;
  if (TRUNCATED.has(tokens[verb]!.w)) return true;
  return tokens.some((t, x) => PART_SEEN.has(t.w) || ((t.w === 'ne' || t.w === 'n') && restricts(text, tokens, x)));
}

/** Typed values anywhere in the text, for a match by status or symptom (the customer's account, years). */
function valuesIn(tokens: Token[], form: Form): Record<string, string> {
  const own = new Set(form.elements.flatMap((e) => ('lit' in e ? [e.lit] : [])));
  const out: Record<string, string> = {};
  const account = tokens.find((t) => /^\d{3,}[\da-z]*$/.test(t.w) && t.w.length >= 4 && !isYear(t.w) && !own.has(t.w));
  if (account) out.account = account.raw;
  const years = tokens.filter((t) => isYear(t.w)).map((t) => t.raw);
  if (years.length) out.years = [...new Set(years)].join(', ');
  return out;
}

/**
 * Every entry the text may be, best first, one candidate per entry, with its confidence and the
 * evidence for it.
 */
export function matchMessage(
  text: string,
  entries: readonly CatalogueEntry[],
  options: { minScore?: number } = {},
): MessageMatch[] {
  const minScore = options.minScore ?? 0.45;
  const { tokens, groups } = tokenize(text.slice(0, 20_000));
  if (tokens.length === 0) return [];
  const contentTokens = tokens.filter((t) => isContent(t.w)).length;
  const written = languageOf(tokens);
  const best = new Map<string, MessageMatch>();
  // The vendor's message written out whole and not denied is what the vendor showed: it stands
  // for its entry even when another form (a symptom in the customer's words) is denied.
  const verbatim = new Map<CatalogueId, { match: MessageMatch; form: Form }>();
  for (const form of compileAll(entries)) {
    let confidence = 0;
    let matched: number[] = [];
    let params: Record<string, string> = {};
    if (form.via === 'symptom') {
      ({ confidence, matched } = symptomScore(form, text, tokens));
      if (confidence > 0) params = valuesIn(tokens, form);
    } else {
      if (!mayMatch(form, tokens)) continue;
      const aligned = align(form, tokens);
      if (!aligned) continue;
      confidence = (Math.max(0, aligned.score) / form.total) * (form.factor ?? 1);
      matched = aligned.matched;
      for (const [name, [from, to]] of Object.entries(aligned.params)) {
        const last = tokens[to - 1]!;
        // A name ending with a part in parentheses keeps its closing one: "GUERIN ET GARNIER (NORD)".
        const closes = last.group >= 0 && last.group !== tokens[from]!.group && groups[last.group]!.end === last.end;
        params[name] = text.slice(tokens[from]!.start, last.end + (closes ? 1 : 0));
      }
      const missingParam = form.elements.some((e) => 'param' in e && !(e.param in params));
      if (missingParam) confidence *= 0.9;
      if (form.short) {
        // Too short to identify an entry alone: only when it is (nearly) the whole text.
        const outside = tokens.reduce(
          (n, t, x) => (matched.includes(x) || NOISE.has(t.w) ? n : n + (STOPWORDS.has(t.w) ? 0.5 : 1)),
          0,
        );
        confidence *= 0.5 ** outside;
      }
      if (form.via === 'status' && confidence > 0) params = valuesIn(tokens, form);
    }
    // A long form that matched only a few words is not evidence of anything.
    const matchedContent = matched.filter((x) => isContent(tokens[x]!.w)).length;
    if (matchedContent === 0 && contentTokens > 0) confidence = Math.min(confidence, 0.3);
    if (confidence < minScore) continue;
    // Only what a vendor answers (a rejection, or an error on the wire) is a claim a customer can
    // deny ("Account 401000 is locked"); a behaviour or a stuck state is described by its symptoms,
    // which customers put in the negative ("le plan comptable n'a pas été récupéré", "ne fait rien").
    // So is a behaviour that states its fault with a cut word ("account numbers truncated to 8
    // characters"): "n'est pas tronqué" denies it, where a wanted outcome that did not happen ("le
    // plan comptable n'a pas été récupéré") is its symptom.
    const claim =
      form.entry.kind === 'rejection' ||
      form.entry.wire !== undefined ||
      form.elements.some((e) => 'lit' in e && synonymsOf.get('cut')!.has(e.lit));
    const negatedBy = claim ? negationIn(form, text, tokens, matched) : undefined;
    const evidence = [...matched.map((x) => tokens[x]!.raw), ...Object.entries(params).map(([k, v]) => `${k}=${v}`)];
    const key = `${form.entry.id} ${form.lang}`;
    const previous = best.get(key);
    const candidate: MessageMatch = {
      id: form.entry.id,
      entry: form.entry,
      via: form.via,
      variant: form.variant,
      lang: form.lang,
      params,
      confidence,
      score: confidence,
      evidence,
      specificity: form.specificity,
      at: matched,
      ...(negatedBy ? { negatedBy } : {}),
    };
    if (!previous || rank(candidate) > rank(previous)) best.set(key, candidate);
    if (!negatedBy && form.via === 'message' && confidence >= VERBATIM) {
      const other = verbatim.get(form.entry.id);
      if (!other || rank(candidate) > rank(other.match)) verbatim.set(form.entry.id, { match: candidate, form });
    }
  }
  // One candidate per entry: the best form, unless the customer's own language has one nearly as good.
  const perEntry = new Map<CatalogueId, MessageMatch>();
  // The vendor's message written out whole and not denied is what the vendor showed: it stands
  // for its entry even when another form (a symptom in the customer's words) is denied.

  for (const candidate of best.values()) {
    const other = perEntry.get(candidate.id);
    if (!other) perEntry.set(candidate.id, candidate);
    else {
      const [mine, theirs] = candidate.lang === written ? [candidate, other] : [other, candidate];
      const preferred =
        written && mine.lang === written && rank(mine) >= rank(theirs) - LANGUAGE_SLACK
          ? mine
          : rank(candidate) > rank(other)
            ? candidate
            : other;
      perEntry.set(candidate.id, preferred);
    }
  }
  for (const [id, { match, form }] of verbatim) {
    const chosen = perEntry.get(id)!;
    if (chosen !== match && !chosen.negatedBy) continue;
    const denial = disputeOf(form, text, tokens, match.at);
    perEntry.set(id, denial ? { ...match, disputedBy: denial } : match);
  }
  return [...perEntry.values()].sort((a, b) => rank(b) - rank(a));
}

/** A message form matched this well is the vendor's text written out (give or take "des" for "d'"), not the customer's paraphrase. */
const VERBATIM = 0.8;

/** Confidence first; between equals, the more specific form (a message over a status name). */
const rank = (m: MessageMatch) => m.confidence + Math.min(m.specificity, 20) / 1000;

// Words that say which language a text is in: a symptom or status with a synonym in each language
// ("certificat" / "certificate") matches both forms equally, and the explanation must then be in
// the customer's language, not the first one tried.
const FRENCH_WORDS = new Set(
  'le la les des du de est sont ne pas sur dans une un au aux et ou pour avec que qui nous vous mes nos bonjour merci depuis toutes tous ecritures compte dossier exercice erreur rejet rejetee rejetees bloquees tronques coupes'.split(
    ' ',
  ),
);
const ENGLISH_WORDS = new Set(
  'the is are not of to in and or for with on at by my our we you hello hi thanks since all entries account file folder fiscal year error rejected stuck cut'.split(
    ' ',
  ),
);

/** How much less a form in the customer's language may score and still be the one answered. */
const LANGUAGE_SLACK = 0.05;

/** The language the customer wrote in, when their words say it; accents count for French. */
function languageOf(tokens: readonly Token[]): 'en' | 'fr' | undefined {
  let fr = 0;
  let en = 0;
  for (const t of tokens) {
    if (FRENCH_WORDS.has(t.w) || /[àâçéèêëîïôûùüÿœ]/i.test(t.raw)) fr++;
    if (ENGLISH_WORDS.has(t.w)) en++;
  }
  return fr > en ? 'fr' : en > fr ? 'en' : undefined;
}

/**
 * The entry the text is, or none when the matcher is not sure: the best candidate must reach
 * `SURE_CONFIDENCE` and lead the next entry by `SURE_MARGIN`, unless both are confident and the
 * best is a message at least three words or values more specific (an e-mail quoting the vendor's
 * message under the hub's "Synchronization Failed" status is the vendor's message).
 */
export function identify(text: string, entries: readonly CatalogueEntry[]): Identification {
  const all = matchMessage(text, entries, { minScore: 0.3 });
  // A customer who names their software has said whose entry it is: another vendor's never competes.
  const named = vendorsNamedIn(text);
  const fits = (m: MessageMatch) =>
    named.size === 0 || m.entry.vendor === 'hub' || named.has(m.entry.vendor as VendorId);
  const pool = all.filter(fits);
  const candidates = [...pool, ...all.filter((m) => !fits(m))];
  const passedOver = all[0] && !fits(all[0]) ? all[0] : undefined;
  const unsure = (because: string): Identification => ({
    candidates,
    unsureBecause: passedOver
      ? `the text names ${[...named].map((v) => VENDOR_DISPLAY_NAMES[v]).join(' or ')}, and ${passedOver.id} is ${VENDOR_DISPLAY_NAMES[passedOver.entry.vendor as VendorId]}'s; among the named vendor's entries, ${because}`
      : because,
  });
  const [best, next] = pool;
  if (!best) return unsure('nothing in the catalogue resembles this text');
  // "Account 606400 is not locked": the customer names the entry it is not.
  if (best.negatedBy) return unsure(`the text denies what ${best.id} says ("${best.negatedBy}")`);
  if (best.confidence < SURE_CONFIDENCE)
    return unsure(`the best candidate matches only ${Math.round(best.confidence * 100)}%`);
  if (next && best.confidence - next.confidence < SURE_MARGIN) {
    // The best explains every word the next one does, and more: the next is a part of it.
    const contains =
      best.confidence >= 0.95 && best.specificity > next.specificity && next.at.every((x) => best.at.includes(x));
    // Two whole symptoms: the one that says two things more ("...and the marketplace is deactivated") is the case.
    const moreSpecificSymptom =
      best.via === 'symptom' &&
      best.confidence >= 0.9 &&
      best.specificity >= next.specificity + 2 &&
      ownEvidence(next, best, text).length < 2;
    const subsumes =
      contains || moreSpecificSymptom || (best.via === 'message' && best.specificity >= next.specificity + 3);
    if (!subsumes) return unsure(`${best.id} and ${next.id} match about as well`);
  }
  // The text says two things, each an entry of the vendor's ("tronqués à 8 caractères et sans
  // libellé"): both are the answer, so neither alone is.
  const also = pool.find(
    (m) =>
      m !== best &&
      m.entry.vendor === best.entry.vendor &&
      m.via !== 'status' &&
      !m.negatedBy &&
      m.confidence >= ALSO_DESCRIBED &&
      ownEvidence(m, best, text).length >= 2,
  );
  if (also)
    return {
      candidates: [best, also, ...candidates.filter((m) => m !== best && m !== also)],
      unsureBecause: `the text describes two entries, ${best.id} and ${also.id}, which alone explains "${ownEvidence(also, best, text).join(' ')}"`,
    };
  return { sure: best, candidates };
}

/** A second entry named this surely, on words of its own, is described too. */
const ALSO_DESCRIBED = 0.5;

/** The vendors' names say whose entry it is, not which: never an entry's own evidence. */
const VENDOR_WORDS = new Set('sage ge generation experts quadra quadracompta quadrapi quadratus loop cegid'.split(' '));

/** The content words of the text that `m` matched and `other` did not: what only `m` explains. */
function ownEvidence(m: MessageMatch, other: MessageMatch, text: string): string[] {
  const { tokens } = tokenize(text.slice(0, 20_000));
  return m.at
    .filter((x) => !other.at.includes(x))
    .map((x) => tokens[x]!)
    .filter(
      (t) =>
        t && isContent(t.w) && !VENDOR_WORDS.has(t.w) && !NEGATIONS.has(t.w) && t.w.length > 1 && !/^\d+$/.test(t.w),
    )
    .map((t) => t.raw);
}

/**
 * How customers name each vendor's software, on folded text, whole words only ("quadrant",
 * "présage" are not names). "Cegid" alone is either Cegid product; "Cegid Life" is Quadra's portal
 * but also said of Loop's, so it stays both.
 */
const VENDOR_NAMES: { pattern: RegExp; vendors: readonly VendorId[] }[] = [
  { pattern: /\bsage\b|\bgeneration experts?\b/, vendors: ['sage-ge'] },
  { pattern: /\bquadra(?:compta|pi)?\b|\bquadratus\b/, vendors: ['quadra'] },
  { pattern: /\bloop\b/, vendors: ['loop'] },
  { pattern: /\bcegid\b(?! (?:quadra|loop)\b)/, vendors: ['quadra', 'loop'] },
];

/** The vendors a text names, if any. */
export function vendorsNamedIn(text: string): Set<VendorId> {
  const folded = normalize(text);
  const named = new Set<VendorId>();
  for (const { pattern, vendors } of VENDOR_NAMES) if (pattern.test(folded)) for (const v of vendors) named.add(v);
  return named;
}
