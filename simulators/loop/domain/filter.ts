/**
 * Loop's `filter` query parameter: JS-style expressions, as Loop's public pages write them
 * (`numero=="60100000"`, `code==="ACH"`, `codeLettrage != null && ...`, `datePiece >="AAAA-MM-JJ"`).
 * Parsed by a small tokenizer and grammar, then evaluated over plain records: nothing is ever
 * evaluated as code.
 *
 *   filter     := or
 *   or         := and ( ( "||" | "or" ) and )*
 *   and        := unary ( ( "&&" | "and" ) unary )*
 *   unary      := "(" or ")" | comparison
 *   comparison := field op literal | literal op field
 *   op         := "==" | "===" | "!=" | "!==" | ">=" | "<=" | ">" | "<" | "="
 *   field      := name ( "." name )*
 *   literal    := 'text' | "text" | number | true | false | null | undefined
 *
 * Confirmed by the pages: `==`, `===`, `!=` (agence.html: "use javascript notation for equality :
 * either == or === or !="), `&&` (EcritureComptable.html's example), `>=` on `datePiece`
 * (EcritureComptable.html: `==\"AAAA-MM-JJ\" ou >=\"AAAA-MM-JJ`), `== null` / `!= null`.
 * The simulator's own choices, being JavaScript notation too: `!==`, `<=`, `>`, `<`, `||`,
 * parentheses, a single `=` read as `==`, and the words `and`/`or`; a string left unterminated at
 * the very end of the filter, a single word, runs to the end (the EcritureComptable.html table itself writes
 * `>="AAAA-MM-JJ` without its closing quote).
 *
 * `==` and `!=` compare as JavaScript's loose equality does on these literals (`4 == "4"`,
 * `null == undefined`); `===` and `!==` strictly. Ordering compares numbers numerically and text by
 * code point (so ISO dates in order); anything else (null, booleans, objects) is never ordered.
 * A `YYYY-MM-DD` field compared with an ISO date-time literal is compared with that literal's date.
 */

export type Literal = string | number | boolean | null | undefined;
export type ComparisonOp = '==' | '===' | '!=' | '!==' | '>=' | '<=' | '>' | '<';
export interface Comparison {
  field: string[];
  op: ComparisonOp;
  value: Literal;
}
export type FilterExpr = { kind: 'compare'; comparison: Comparison } | { kind: 'and' | 'or'; items: FilterExpr[] };
export interface Filter {
  expr: FilterExpr;
  /** Every comparison of the filter, in source order (to check their field names). */
  comparisons: Comparison[];
}

export class FilterSyntaxError extends Error {}

type Token =
  | { kind: 'name'; text: string; at: number }
  | { kind: 'op'; text: ComparisonOp; at: number }
  | { kind: 'and' | 'or' | 'open' | 'close' | 'dot'; at: number }
  | { kind: 'literal'; value: Literal; at: number };

const MAX_COMPARISONS = 50;
const MAX_DEPTH = 20;

/** `a < b` read from the other side: `"2024-01-01" <= datePiece` is `datePiece >= "2024-01-01"`. */
const MIRROR: Record<ComparisonOp, ComparisonOp> = {
  '==': '==',
  '===': '===',
  '!=': '!=',
  '!==': '!==',
  '>=': '<=',
  '<=': '>=',
  '>': '<',
  '<': '>',
};

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const at = i + 1;
    const rest = source.slice(i);
    const op = /^(===|!==|==|!=|>=|<=|>|<|=)/.exec(rest);
    if (op) {
      const text = op[1] === '=' ? '==' : (op[1] as ComparisonOp);
      tokens.push({ kind: 'op', text, at });
      i += op[1]!.length;
      continue;
    }
    if (rest.startsWith('&&') || rest.startsWith('||')) {
      tokens.push({ kind: rest.startsWith('&&') ? 'and' : 'or', at });
      i += 2;
      continue;
    }
    const single = ({ '.': 'dot', '(': 'open', ')': 'close' } as const)[ch as '.' | '(' | ')'];
    if (single) {
      tokens.push({ kind: single, at });
      i += 1;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let text = '';
      let j = i + 1;
      for (; j < source.length && source[j] !== ch; j++) {
        if (source[j] === '\\') {
          j += 1;
          if (j >= source.length) break;
        }
        text += source[j];
      }
      // Unterminated: accepted only as the filter's last token and a single word (the documented
      // `>="AAAA-MM-JJ`), so that nothing of a following comparison is swallowed.
      if (j >= source.length) {
        const word = text.trimEnd();
        if (!/^[^\s"'&|()]+$/.test(word)) throw new FilterSyntaxError(`chaîne non terminée à la position ${at}`);
        tokens.push({ kind: 'literal', value: word, at });
        break;
      }
      tokens.push({ kind: 'literal', value: text, at });
      i = j + 1;
      continue;
    }
    const number = /^-?\d+(\.\d+)?(?![\w$])/.exec(rest);
    if (number) {
      tokens.push({ kind: 'literal', value: Number(number[0]), at });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_$][\w$]*/.exec(rest);
    if (name) {
      const text = name[0];
      const word = text.toLowerCase();
      if (text === 'true' || text === 'false') tokens.push({ kind: 'literal', value: text === 'true', at });
      else if (text === 'null') tokens.push({ kind: 'literal', value: null, at });
      else if (text === 'undefined') tokens.push({ kind: 'literal', value: undefined, at });
      else if (word === 'and' || word === 'or') tokens.push({ kind: word, at });
      else tokens.push({ kind: 'name', text, at });
      i += text.length;
      continue;
    }
    throw new FilterSyntaxError(`caractère inattendu « ${ch} » à la position ${at}`);
  }
  return tokens;
}

/** Parses a filter; throws FilterSyntaxError with a message for the caller. */
export function parseFilter(source: string): Filter {
  const tokens = tokenize(source);
  if (tokens.length === 0) throw new FilterSyntaxError('le filtre est vide');
  let pos = 0;
  const peek = () => tokens[pos];
  const where = () => (peek() ? `à la position ${peek()!.at}` : 'en fin de filtre');
  const comparisons: Comparison[] = [];

  const parseField = (): string[] => {
    const first = peek();
    if (first?.kind !== 'name') throw new FilterSyntaxError(`nom de champ attendu ${where()}`);
    pos += 1;
    const field = [first.text];
    while (peek()?.kind === 'dot') {
      pos += 1;
      const next = peek();
      if (next?.kind !== 'name') throw new FilterSyntaxError(`nom de champ attendu après « . » ${where()}`);
      field.push(next.text);
      pos += 1;
    }
    return field;
  };
  const parseOp = (): ComparisonOp => {
    const token = peek();
    if (token?.kind !== 'op')
      throw new FilterSyntaxError(`opérateur ==, ===, !=, !==, >=, <=, > ou < attendu ${where()}`);
    pos += 1;
    return token.text;
  };
  const parseLiteral = (): Literal => {
    const token = peek();
    if (token?.kind !== 'literal')
      throw new FilterSyntaxError(`valeur attendue (texte entre guillemets, nombre, true, false ou null) ${where()}`);
    pos += 1;
    return token.value;
  };
  const parseComparison = (): FilterExpr => {
    let comparison: Comparison;
    if (peek()?.kind === 'literal') {
      const value = parseLiteral();
      const op = parseOp();
      comparison = { field: parseField(), op: MIRROR[op], value };
    } else {
      const field = parseField();
      const op = parseOp();
      comparison = { field, op, value: parseLiteral() };
    }
    comparisons.push(comparison);
    if (comparisons.length > MAX_COMPARISONS) throw new FilterSyntaxError(`au plus ${MAX_COMPARISONS} comparaisons`);
    return { kind: 'compare', comparison };
  };
  const parseUnary = (depth: number): FilterExpr => {
    if (peek()?.kind !== 'open') return parseComparison();
    if (depth >= MAX_DEPTH) throw new FilterSyntaxError(`au plus ${MAX_DEPTH} parenthèses imbriquées`);
    pos += 1;
    const inner = parseOr(depth + 1);
    if (peek()?.kind !== 'close') throw new FilterSyntaxError(`« ) » attendue ${where()}`);
    pos += 1;
    return inner;
  };
  const parseJoined = (kind: 'and' | 'or', next: () => FilterExpr): FilterExpr => {
    const items = [next()];
    while (peek()?.kind === kind) {
      pos += 1;
      items.push(next());
    }
    return items.length === 1 ? items[0]! : { kind, items };
  };
  const parseAnd = (depth: number) => parseJoined('and', () => parseUnary(depth));
  const parseOr = (depth: number): FilterExpr => parseJoined('or', () => parseAnd(depth));

  const expr = parseOr(0);
  if (peek()) throw new FilterSyntaxError(`&&, || ou fin de filtre attendu ${where()}`);
  return { expr, comparisons };
}

/** A record's value at a field path, own properties only. */
export function valueAt(record: unknown, field: readonly string[]): unknown {
  let node: unknown = record;
  for (const name of field) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, name)) return undefined;
    node = (node as Record<string, unknown>)[name];
  }
  return node;
}

/** JavaScript's `==` restricted to what a filter can hold (objects are never loosely equal to a literal). */
export function looseEquals(a: unknown, b: Literal): boolean {
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  if (typeof a === 'object') return false;
  if (typeof a === typeof b) return a === b;
  const toNumber = (v: unknown) =>
    typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'string' ? (v.trim() === '' ? 0 : Number(v)) : Number(v);
  return toNumber(a) === toNumber(b);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A date-time literal against a date field is read as its date (`datePiece >= "2024-01-01T00:00:00.000Z"`). */
function asFieldDate(actual: unknown, value: Literal): Literal {
  return typeof actual === 'string' && ISO_DATE.test(actual) && typeof value === 'string' && ISO_DATE_TIME.test(value)
    ? value.slice(0, 10)
    : value;
}

/** The order of `a` against `b`, or null when they are not ordered (JavaScript would say false). */
function order(a: unknown, b: Literal): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  const number = (v: unknown) =>
    typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  const [x, y] = [number(a), number(b)];
  return Number.isNaN(x) || Number.isNaN(y) ? null : x - y;
}

function compare(actual: unknown, op: ComparisonOp, literal: Literal): boolean {
  const value = asFieldDate(actual, literal);
  switch (op) {
    case '==':
      return looseEquals(actual, value);
    case '!=':
      return !looseEquals(actual, value);
    case '===':
      return actual === value;
    case '!==':
      return actual !== value;
  }
  const o = order(actual, value);
  if (o === null) return false;
  return op === '>=' ? o >= 0 : op === '<=' ? o <= 0 : op === '>' ? o > 0 : o < 0;
}

function evaluate(expr: FilterExpr, record: unknown): boolean {
  if (expr.kind === 'compare')
    return compare(valueAt(record, expr.comparison.field), expr.comparison.op, expr.comparison.value);
  return expr.kind === 'and'
    ? expr.items.every((item) => evaluate(item, record))
    : expr.items.some((item) => evaluate(item, record));
}

export function matches(filter: Filter, record: unknown): boolean {
  return evaluate(filter.expr, record);
}

/**
 * True when every record the filter can match is constrained by one of `fields`: a comparison on
 * such a field, an `&&` with one such operand, an `||` whose every branch is.
 */
export function constrains(expr: FilterExpr, fields: readonly string[]): boolean {
  if (expr.kind === 'compare') return expr.comparison.field.length === 1 && fields.includes(expr.comparison.field[0]!);
  return expr.kind === 'and'
    ? expr.items.some((item) => constrains(item, fields))
    : expr.items.every((item) => constrains(item, fields));
}
