import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Who may talk to a served simulator or dashboard. A web page the developer visits can reach
 * loopback too: by a cross-site form or a no-preflight `fetch` (the browser sends it, the page
 * cannot read the answer but the server obeys), or by DNS rebinding (the attacker's name resolves
 * to 127.0.0.1, so the page is "same origin" and reads everything). The checks below refuse both:
 * the Host must be one of the server's own names, a cross-site `Origin` or `Sec-Fetch-Site` is
 * refused, and `/__admin` takes JSON bodies only (a form or `text/plain` cannot send one without
 * a preflight the server never answers).
 *
 * Only requests that come over a socket are checked (`serveApp` puts the access in the request's
 * env): in-process calls (`app.request`, the msw bridge, the dashboard driving a simulator) are
 * not reachable from a browser.
 */
export interface AccessOptions {
  /**
   * Host names accepted besides loopback (`localhost`, `127.0.0.1`, `[::1]`) on the bound port: a
   * container or proxy name. `name` accepts it on any port, `name:port` on that port only.
   */
  allowedHosts?: readonly string[];
  /** When set, `/__admin` asks for `Authorization: Bearer <token>` and the dashboard for a login. */
  adminToken?: string;
}

/** What a served app knows of its own address, once it listens. */
export interface ServedAccess extends AccessOptions {
  /** The interface bound (`127.0.0.1` by default). */
  hostname: string;
  port: number;
}

/** The key under which `serveApp` hands the access to the app (`c.env[ACCESS_ENV]`). */
export const ACCESS_ENV = 'ledgersimAccess';

export function servedAccess(env: unknown): ServedAccess | undefined {
  return env && typeof env === 'object'
    ? ((env as Record<string, unknown>)[ACCESS_ENV] as ServedAccess | undefined)
    : undefined;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/** True for an interface only this machine reaches. */
export function isLoopback(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** `name[:port]` (IPv6 in brackets) → lower-case name and port, or undefined if it is no host. */
function splitHost(value: string): { name: string; port?: string } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  return match ? { name: match[1]!.toLowerCase(), port: match[2] } : undefined;
}

/**
 * Whether a `Host` header names this server. A loopback name (or the bound address itself) is
 * accepted on the bound port, or with no port; any other name only when listed. DNS rebinding
 * is stopped by the name: the attacker's page always sends its own.
 */
export function hostAllowed(host: string | undefined, access: ServedAccess): boolean {
  if (!host) return false;
  // Every request asks with the same few Host values: the last verdict is kept per server.
  const memo = lastVerdicts.get(access);
  if (memo && memo.host === host && memo.port === access.port) return memo.allowed;
  const allowed = judgeHost(host, access);
  lastVerdicts.set(access, { host, port: access.port, allowed });
  return allowed;
}

const lastVerdicts = new WeakMap<ServedAccess, { host: string; port: number; allowed: boolean }>();

function judgeHost(host: string, access: ServedAccess): boolean {
  const asked = splitHost(host);
  if (!asked) return false;
  const own = String(access.port);
  const bound = splitHost(
    access.hostname.includes(':') && !access.hostname.startsWith('[') ? `[${access.hostname}]` : access.hostname,
  )?.name;
  if (
    (LOOPBACK_NAMES.has(asked.name) || (bound !== undefined && !WILDCARD.has(bound) && asked.name === bound)) &&
    (asked.port === undefined || asked.port === own)
  )
    return true;
  for (const entry of access.allowedHosts ?? []) {
    const allowed = splitHost(entry);
    if (allowed && allowed.name === asked.name && (allowed.port === undefined || allowed.port === (asked.port ?? '80')))
      return true;
  }
  return false;
}

/** Whether an `Origin` header is this server's own (any refusal of `null`, a page's opaque origin). */
export function originAllowed(origin: string, access: ServedAccess): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return hostAllowed(url.host, access);
}

/**
 * Why a request must be refused as coming from elsewhere (undefined: it may go on): its Host is
 * not ours, or a browser says it comes from another origin or site.
 */
export function foreignRequest(
  headers: { get(name: string): string | null | undefined },
  access: ServedAccess,
  checkOrigin: boolean,
): string | undefined {
  const host = headers.get('host') ?? undefined;
  if (!hostAllowed(host, access))
    return `Host "${host ?? ''}" is not this server (add it with --allowed-host if it is)`;
  if (!checkOrigin) return undefined;
  const origin = headers.get('origin');
  if (origin != null && !originAllowed(origin, access))
    return `Requests from the origin "${origin}" are refused: only this server's own pages and non-browser clients may drive it`;
  const site = headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site')
    return `A ${site} request is refused: only this server's own pages and non-browser clients may drive it`;
  return undefined;
}

/** Compares two secrets in constant time. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bearerAccepted(authorization: string | null | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return !!match && sameSecret(match[1]!, token);
}

/** The dashboard's login cookie: derived from the token, so the cookie never holds the token itself. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('ledgersim dashboard session').digest('base64url');
}

/** A body whose media type is JSON (`application/json`, `application/*+json`). */
export function isJsonType(contentType: string): boolean {
  return /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i.test(contentType.trim());
}

/** The warning printed when the servers listen beyond loopback with nothing guarding `/__admin`. */
export function exposureWarning(hostname: string, access: AccessOptions): string | undefined {
  if (isLoopback(hostname)) return undefined;
  const lines = access.adminToken
    ? []
    : [
        `WARNING: ledgersim is listening on ${hostname}, which is not loopback, and has no --admin-token.`,
        "WARNING: anyone who can reach this machine can read every tenant's credentials and reset, reseed or fault",
        'WARNING: the simulators through /__admin and the dashboard. Start with --admin-token TOKEN, or bind 127.0.0.1.',
      ];
  // Listening on every interface, the machine's own names are unknown: clients using one are refused until it is listed.
  if (WILDCARD.has(hostname.toLowerCase()) && !access.allowedHosts?.length)
    lines.push(
      `Note: only a loopback Host (or one given with --allowed-host) is accepted; requests naming this machine otherwise get 403.`,
    );
  return lines.length ? lines.join('\n') : undefined;
}
