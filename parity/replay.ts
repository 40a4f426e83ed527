import { compareAnswers, type Difference } from './compare.js';
import { decodeBody, encodeBody, type Body, type Exchange, type Recording } from './recording.js';
import { PLACEHOLDER } from './redact.js';

/**
 * The replay: each recorded request, in the recorded order, sent to the simulator with what the
 * simulator gave in place of what the vendor gave (the token it issued, the ids it created,
 * learned by reading both answers side by side), and the simulator's secrets in place of the
 * redacted ones (`secrets`). Each answer is compared with the recorded one.
 */

export interface ReplayTarget {
  /** Sends one request (a URL path with its query) to the simulator. */
  send(path: string, init: { method: string; headers: Headers; body?: Uint8Array }): Promise<Response>;
  /** Called before each exchange with its recorded instant (moves a virtual clock forward). */
  before?(at: Date): Promise<void>;
}

export interface ReplayOptions {
  /** What to send for each redacted placeholder (`~redacted-1~` → the simulator's credential). */
  secrets?: Record<string, string>;
}

export interface ReplayResult {
  replayed: number;
  differences: Difference[];
  /** recorded value → the simulator's, learned during the replay (ids, tokens). */
  learned: Map<string, string>;
}

/** Placeholders the requests send that neither the secrets nor an earlier answer can fill, with where. */
export function unfilledPlaceholders(recording: Recording, secrets: Record<string, string> = {}): Map<string, string> {
  const issued = new Set<string>();
  const missing = new Map<string, string>();
  for (const exchange of recording.exchanges) {
    for (const [where, text] of requestStrings(exchange)) {
      for (const ph of text.match(PLACEHOLDER) ?? []) {
        if (!(ph in secrets) && !issued.has(ph) && !missing.has(ph))
          missing.set(ph, `#${exchange.seq} ${exchange.request.method} ${exchange.request.path}, ${where}`);
      }
    }
    // A placeholder in an answer is something the vendor issued: the replay learns the simulator's.
    const answer = JSON.stringify(exchange.response ?? {});
    for (const ph of answer.match(PLACEHOLDER) ?? []) issued.add(ph);
  }
  return missing;
}

function* requestStrings(exchange: Exchange): Generator<[string, string]> {
  const { request } = exchange;
  yield ['path', request.path];
  for (const [name, value] of request.query) yield [`query ${name}`, value];
  for (const [name, value] of Object.entries(request.headers)) yield [`header ${name}`, value];
  if (request.body) yield ['body', JSON.stringify(request.body.value)];
}

/** Keys whose differing values are the same thing named by each side (an id, a reference, a token). */
const IDENTIFYING_KEY = /^(id|uuid|guid|ref|key|token)$|(Id|_id|ID|Ref|_ref|Uuid|Guid|Key|_key|Token|_token)$/;

/**
 * Learns what the simulator says in place of one recorded string: the whole string (an id, a
 * token), each placeholder inside it (`Bearer ~redacted-3~`, `...&sig=~redacted-4~`), and each
 * parameter of a query string or URL (a SAS's `se` and `sig`, which later requests send one by one).
 */
const URL_OR_QUERY = /^(https?:\/\/\S*\?\S*=|\??[\w.-]+=[^&\s]*(&[\w.-]+=[^&\s]*)+$)/;

function learnString(a: string, b: string, key: string, learned: Map<string, string>, inQuery = false) {
  if (a === b) return;
  const placeholders = a.match(PLACEHOLDER) ?? [];
  if (inQuery || placeholders.length || IDENTIFYING_KEY.test(key)) learned.set(a, b);
  if (placeholders.length) {
    const pattern = new RegExp(
      `^${a
        .split(PLACEHOLDER)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('(.+?)')}$`,
    );
    const match = pattern.exec(b);
    if (match) placeholders.forEach((ph, i) => learned.set(ph, match[i + 1]!));
  }
  if (URL_OR_QUERY.test(a) && URL_OR_QUERY.test(b)) {
    const params = (text: string) => new URLSearchParams(text.includes('?') ? text.slice(text.indexOf('?') + 1) : text);
    const pa = params(a);
    const pb = params(b);
    for (const [name, value] of pa) {
      const other = pb.get(name);
      if (other !== null && other !== value) learnString(value, other, name, learned, true);
    }
  }
}

function learn(recorded: unknown, replayed: unknown, key: string, learned: Map<string, string>) {
  if (typeof recorded === 'string' || typeof recorded === 'number') {
    if (typeof replayed !== 'string' && typeof replayed !== 'number') return;
    learnString(String(recorded), String(replayed), key, learned);
    return;
  }
  if (Array.isArray(recorded) && Array.isArray(replayed)) {
    recorded.forEach((item, i) => learn(item, replayed[i], key, learned));
    return;
  }
  if (
    recorded &&
    typeof recorded === 'object' &&
    replayed &&
    typeof replayed === 'object' &&
    !Array.isArray(replayed)
  ) {
    for (const [k, v] of Object.entries(recorded)) learn(v, (replayed as Record<string, unknown>)[k], k, learned);
  }
}

function substitute(text: string, learned: ReadonlyMap<string, string>, secrets: Record<string, string>): string {
  const whole = learned.get(text);
  if (whole !== undefined) return whole;
  return text.replace(PLACEHOLDER, (ph) => secrets[ph] ?? learned.get(ph) ?? ph);
}

function substituteDeep(
  value: unknown,
  learned: ReadonlyMap<string, string>,
  secrets: Record<string, string>,
): unknown {
  if (typeof value === 'string') return substitute(value, learned, secrets);
  if (Array.isArray(value)) return value.map((v) => substituteDeep(v, learned, secrets));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteDeep(v, learned, secrets)]));
  return value;
}

function substituteBody(
  body: Body | null,
  learned: ReadonlyMap<string, string>,
  secrets: Record<string, string>,
): Body | null {
  if (!body) return body;
  switch (body.kind) {
    case 'json':
      return { kind: 'json', value: substituteDeep(body.value, learned, secrets) };
    case 'form':
      return { kind: 'form', value: body.value.map(([n, v]) => [n, substitute(v, learned, secrets)]) };
    case 'text':
      return { kind: 'text', value: body.value.replace(PLACEHOLDER, (ph) => secrets[ph] ?? learned.get(ph) ?? ph) };
    case 'base64':
      return body;
  }
}

/** The request as the simulator must receive it. */
export function replayRequest(
  exchange: Exchange,
  learned: ReadonlyMap<string, string>,
  secrets: Record<string, string> = {},
) {
  const { request } = exchange;
  const path = request.path
    .split('/')
    .map((segment) => {
      const decoded = (() => {
        try {
          return decodeURIComponent(segment);
        } catch {
          return segment;
        }
      })();
      const replaced = substitute(decoded, learned, secrets);
      return replaced === decoded ? segment : encodeURIComponent(replaced);
    })
    .join('/');
  const query = new URLSearchParams(
    request.query.map(([n, v]): [string, string] => [n, substitute(v, learned, secrets)]),
  );
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    // `Bearer <token>`: the token is looked up on its own.
    headers.set(
      name,
      value
        .split(' ')
        .map((part) => substitute(part, learned, secrets))
        .join(' '),
    );
  }
  const body = encodeBody(substituteBody(request.body, learned, secrets));
  return { path: query.size ? `${path}?${query}` : path, method: request.method, headers, body };
}

export async function replayRecording(
  recording: Recording,
  target: ReplayTarget,
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  const secrets = options.secrets ?? {};
  const learned = new Map<string, string>();
  const differences: Difference[] = [];
  let replayed = 0;
  for (const exchange of recording.exchanges) {
    const label = `${exchange.request.method} ${exchange.request.path}`;
    if (!exchange.response) continue; // the vendor never answered: nothing to compare
    await target.before?.(new Date(exchange.at));
    const request = replayRequest(exchange, learned, secrets);
    let response: Response;
    try {
      response = await target.send(request.path, {
        method: request.method,
        headers: request.headers,
        body: request.body,
      });
    } catch (error) {
      differences.push({
        seq: exchange.seq,
        request: label,
        path: 'status',
        kind: 'unreachable',
        recorded: String(exchange.response.status),
        simulator: (error as Error).message,
      });
      continue;
    }
    replayed += 1;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    const answer = {
      status: response.status,
      headers,
      body: decodeBody(bytes, response.headers.get('content-type') ?? undefined),
    };
    // Learn first: an id the vendor gave in this very answer may appear in its message.
    if (exchange.response.body?.kind === 'json' && answer.body?.kind === 'json')
      learn(exchange.response.body.value, answer.body.value, '', learned);
    for (const [name, value] of Object.entries(exchange.response.headers))
      if (/~redacted-\d+~/.test(value) && headers[name] !== undefined) learnString(value, headers[name], name, learned);
    differences.push(...compareAnswers(exchange.seq, label, exchange.response, answer, learned));
  }
  return { replayed, differences, learned };
}
