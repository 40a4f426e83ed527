import { SECRET_HEADERS } from '../contracts/common/secret-headers.js';
import type { Body } from './recording.js';

/**
 * What a recording must never hold: credentials in headers, in query strings (SAS signatures), in
 * URLs inside bodies, and in JSON or form bodies (by property name anywhere, or by JSON path).
 * Each distinct secret becomes one placeholder, `~redacted-N~`, everywhere it appears, so that the
 * replay can still tell that the token a response issued is the one a later request sends.
 */

/** Headers whose whole value is a credential (an `Authorization` keeps its scheme). */
export const DEFAULT_REDACTED_HEADERS = SECRET_HEADERS;

/** Property names (JSON and form fields, query parameters) whose value is a secret, any case, anywhere. */
export const DEFAULT_REDACTED_KEYS = [
  'password',
  'passwd',
  'pwd',
  'client_secret',
  'clientSecret',
  'secret',
  'access_token',
  'accessToken',
  'refresh_token',
  'refreshToken',
  'id_token',
  'token',
  'api_key',
  'apiKey',
  'x-apikey',
  'subscription-key',
  'subscription_key',
  'assertion',
  'client_assertion',
  // Azure SAS: the signature is the credential; the other SAS fields (expiry, permissions) are not.
  'sig',
];

export interface RedactionOptions {
  /** More header names (any case). */
  headers?: readonly string[];
  /** More property names (any case). */
  keys?: readonly string[];
  /** JSON paths in bodies, dotted, `[]` for every element of an array: `credentials.pin`, `items[].secret`. */
  paths?: readonly string[];
}

export interface Redactor {
  headers(headers: Record<string, string>): Record<string, string>;
  query(query: [string, string][]): [string, string][];
  body(body: Body | null): Body | null;
  /** Every placeholder handed out, with the first place it was seen. */
  placeholders(): Map<string, string>;
}

export const PLACEHOLDER = /~redacted-\d+~/g;
export const isPlaceholder = (value: string) => /^~redacted-\d+~$/.test(value);

export function createRedactor(options: RedactionOptions = {}): Redactor {
  const headerNames = new Set([...DEFAULT_REDACTED_HEADERS, ...(options.headers ?? [])].map((h) => h.toLowerCase()));
  const keys = new Set([...DEFAULT_REDACTED_KEYS, ...(options.keys ?? [])].map((k) => k.toLowerCase()));
  const paths = new Set(options.paths ?? []);
  const bySecret = new Map<string, string>();
  const seenAt = new Map<string, string>();

  const placeholder = (secret: string, where: string): string => {
    if (secret === '' || isPlaceholder(secret)) return secret;
    let ph = bySecret.get(secret);
    if (!ph) {
      ph = `~redacted-${bySecret.size + 1}~`;
      bySecret.set(secret, ph);
      seenAt.set(ph, where);
    }
    return ph;
  };

  // A secret in a URL written inside a string (a SAS upload URL in a JSON answer, a Location header).
  const keyAlternation = [...keys].map((k) => k.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|');
  const inUrl = new RegExp(`([?&](?:${keyAlternation})=)([^&#\\s"'<>]+)`, 'gi');
  const scrubString = (value: string, where: string) =>
    value.replace(inUrl, (_, prefix: string, secret: string) => prefix + placeholder(secret, where));

  const walk = (value: unknown, path: string, where: string): unknown => {
    if (typeof value === 'string') return scrubString(value, where);
    if (Array.isArray(value)) return value.map((item) => walk(item, `${path}[]`, where));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        const secret = keys.has(key.toLowerCase()) || paths.has(childPath);
        out[key] = secret ? redactLeaf(child, `${where} ${childPath}`) : walk(child, childPath, where);
      }
      return out;
    }
    return value;
  };
  // A secret object (a key pair, a token answer) keeps its shape: each of its values is replaced.
  // A number becomes a placeholder string; parity does not count that as a change of type.
  const redactLeaf = (value: unknown, where: string): unknown => {
    if (value === null || value === undefined || typeof value === 'boolean') return value;
    if (Array.isArray(value)) return value.map((item) => redactLeaf(item, where));
    if (typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactLeaf(v, `${where}.${k}`)]));
    return placeholder(String(value), where);
  };

  return {
    headers(headers) {
      const out: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) {
        const lower = name.toLowerCase();
        if (!headerNames.has(lower)) {
          out[lower] = scrubString(value, `header ${lower}`);
          continue;
        }
        const scheme = lower.endsWith('authorization') ? /^([A-Za-z][\w-]*)\s+(\S.*)$/.exec(value) : null;
        out[lower] = scheme
          ? `${scheme[1]} ${placeholder(scheme[2]!, `header ${lower}`)}`
          : placeholder(value, `header ${lower}`);
      }
      return out;
    },
    query(query) {
      return query.map(([name, value]) => [
        name,
        keys.has(name.toLowerCase()) ? placeholder(value, `query ${name}`) : scrubString(value, `query ${name}`),
      ]);
    },
    body(body) {
      if (!body) return body;
      switch (body.kind) {
        case 'json':
          return { kind: 'json', value: walk(body.value, '', 'body') };
        case 'form':
          return {
            kind: 'form',
            value: body.value.map(([name, value]) => [
              name,
              keys.has(name.toLowerCase()) || paths.has(name)
                ? placeholder(value, `form ${name}`)
                : scrubString(value, `form ${name}`),
            ]),
          };
        case 'text':
          return { kind: 'text', value: scrubString(body.value, 'body') };
        case 'base64':
          return body;
      }
    },
    placeholders: () => new Map(seenAt),
  };
}
