/**
 * Loop's `filter` query parameter: JS-style expressions (`numero == "401000"`, `type === 4`,
 * `codeJournal != null`, joined with `&&`). Parsed by a small tokenizer and grammar, then
 * evaluated over plain records: nothing is ever evaluated as code.
 *
 *   filter     := comparison ( "&&" comparison )*
 *   comparison := field op literal | literal op field
 *   op         := "==" | "===" | "!=" | "!=="
 *   field      := name ( "." name )*
 *   literal    := 'text' | "text" | number | true | false | null | undefined
 *
 * `==` and `!=` compare as JavaScript's loose equality does on these literals (`4 == "4"`,
 * `null == undefined`); `===` and `!==` strictly. `||`, parentheses and functions are not part of
 * the documented syntax and are refused.
 */

export type Literal = string | number | boolean | null | undefined;
export type ComparisonOp = '==' | '===' | '!=' | '!==';
export interface Comparison {
  field: string[];
  op: ComparisonOp;
  value: Literal;
}
export interface Filter {
  comparisons: Comparison[];
}

export class FilterSyntaxError extends Error {}

type Token =
  | { kind: 'name'; text: string; at: number }
  | { kind: 'op'; text: ComparisonOp; at: number }
  | { kind: 'and'; at: number }
  | { kind: 'dot'; at: number }
  | { kind: 'literal'; value: Literal; at: number };

const MAX_COMPARISONS = 50;

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
    const op = /^(===|!==|==|!=)/.exec(rest);
    if (op) {
      tokens.push({ kind: 'op', text: op[1] as ComparisonOp, at });
      i += op[1]!.length;
      continue;
    }
    if (rest.startsWith('&&')) {
      tokens.push({ kind: 'and', at });
      i += 2;
      continue;
    }
    if (ch === '.') {
      tokens.push({ kind: 'dot', at });
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
      if (j >= source.length) throw new FilterSyntaxError(`chaîne non terminée à la position ${at}`);
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
      if (text === 'true' || text === 'false') tokens.push({ kind: 'literal', value: text === 'true', at });
      else if (text === 'null') tokens.push({ kind: 'literal', value: null, at });
      else if (text === 'undefined') tokens.push({ kind: 'literal', value: undefined, at });
      else tokens.push({ kind: 'name', text, at });
      i += text.length;
      continue;
    }
    if (rest.startsWith('||')) throw new FilterSyntaxError(`l'opérateur || n'est pas pris en charge (position ${at}) ; seuls ==, ===, !=, !== et && le sont`);
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
    if (token?.kind !== 'op') throw new FilterSyntaxError(`opérateur ==, ===, != ou !== attendu ${where()}`);
    pos += 1;
    return token.text;
  };
  const parseLiteral = (): Literal => {
    const token = peek();
    if (token?.kind !== 'literal') throw new FilterSyntaxError(`valeur attendue (texte entre guillemets, nombre, true, false ou null) ${where()}`);
    pos += 1;
    return token.value;
  };

  const comparisons: Comparison[] = [];
  for (;;) {
    if (peek()?.kind === 'literal') {
      const value = parseLiteral();
      const op = parseOp();
      comparisons.push({ field: parseField(), op, value });
    } else {
      const field = parseField();
      const op = parseOp();
      comparisons.push({ field, op, value: parseLiteral() });
    }
    if (comparisons.length > MAX_COMPARISONS) throw new FilterSyntaxError(`au plus ${MAX_COMPARISONS} comparaisons`);
    const next = peek();
    if (!next) break;
    if (next.kind !== 'and') throw new FilterSyntaxError(`&& attendu ${where()}`);
    pos += 1;
  }
  return { comparisons };
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
  const toNumber = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'string' ? (v.trim() === '' ? 0 : Number(v)) : Number(v));
  return toNumber(a) === toNumber(b);
}

export function matches(filter: Filter, record: unknown): boolean {
  return filter.comparisons.every(({ field, op, value }) => {
    const actual = valueAt(record, field);
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
  });
}
