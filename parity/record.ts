import { appendFileSync, writeFileSync } from 'node:fs';
import { serveApp } from '../simulators/kit/serve.js';
import { decodeBody, type Exchange, type RecordingHeader } from './recording.js';
import { createRedactor, type RedactionOptions } from './redact.js';

/** Hop-by-hop headers (RFC 9110 7.6.1) and what fetch sets itself: never forwarded, never recorded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'host',
  'content-length',
]);

export interface RecorderOptions {
  /** The vendor's (or a sandbox's) base URL; requests are forwarded under its path. */
  upstream: string;
  port: number;
  /** Loopback unless told otherwise. */
  host?: string;
  /** The JSON-lines file the exchanges are appended to (created, or truncated). */
  out: string;
  redaction?: RedactionOptions;
  /** Wall time: the recorder measures the real vendor, not a virtual clock (tests inject one). */
  now?: () => number;
  /** How requests reach the upstream (tests may inject). */
  fetch?: typeof fetch;
}

export interface RunningRecorder {
  url: string;
  port: number;
  /** Exchanges written so far. */
  count(): number;
  /** Stops listening once the exchanges in flight are written. */
  close(): Promise<void>;
}

export class UpstreamError extends Error {
  override name = 'UpstreamError';
}

/** Checks and normalises `--upstream`: http(s), no credentials in it (they would be recorded). */
export function parseUpstream(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UpstreamError(`--upstream must be an http(s) URL, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UpstreamError(`--upstream must be an http(s) URL, not "${value}"`);
  if (url.username || url.password)
    throw new UpstreamError(
      '--upstream must not carry credentials (they would end up in the recording); the connector sends its own',
    );
  if (url.search || url.hash) throw new UpstreamError('--upstream is a base URL: no query or fragment');
  return url;
}

/**
 * A recording proxy: the connector talks to it instead of the vendor; it forwards each request
 * unchanged, answers with the vendor's answer, and appends the exchange, secrets redacted, to
 * `out` as one JSON line (in arrival order; a line is written once its answer is complete).
 */
export async function startRecorder(options: RecorderOptions): Promise<RunningRecorder> {
  const upstream = parseUpstream(options.upstream);
  const base = upstream.href.replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? globalThis.fetch;
  const redactor = createRedactor(options.redaction);
  const header: RecordingHeader = {
    type: 'recording',
    version: 1,
    upstream: base,
    recordedAt: new Date(now()).toISOString(),
    redaction: {
      headers: [...(options.redaction?.headers ?? [])],
      paths: [...(options.redaction?.paths ?? [])],
      keys: [...(options.redaction?.keys ?? [])],
    },
  };
  writeFileSync(options.out, `${JSON.stringify(header)}\n`);
  let seq = 0;
  let written = 0;
  const inFlight = new Set<Promise<unknown>>();

  const handle = async (request: Request): Promise<Response> => {
    const order = ++seq;
    const startedMs = now();
    const url = new URL(request.url);
    const requestBytes = new Uint8Array(await request.arrayBuffer());
    const forwarded = new Headers();
    const requestHeaders: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      if (HOP_BY_HOP.has(name)) return;
      forwarded.set(name, value);
      requestHeaders[name] = value;
    });
    const exchange: Exchange = {
      type: 'exchange',
      seq: order,
      at: new Date(startedMs).toISOString(),
      durationMs: 0,
      request: {
        method: request.method,
        // The vendor's path (the upstream's own prefix included), as the simulator serves it.
        path: new URL(`${base}${url.pathname}`).pathname,
        query: redactor.query([...url.searchParams]),
        headers: redactor.headers(requestHeaders),
        body: redactor.body(decodeBody(requestBytes, request.headers.get('content-type') ?? undefined)),
      },
    };
    const write = () => {
      exchange.durationMs = Math.max(0, now() - startedMs);
      appendFileSync(options.out, `${JSON.stringify(exchange)}\n`);
      written += 1;
    };
    let upstreamResponse: Response;
    try {
      upstreamResponse = await doFetch(`${base}${url.pathname}${url.search}`, {
        method: request.method,
        headers: forwarded,
        body: requestBytes.length > 0 ? requestBytes : undefined,
        redirect: 'manual',
      });
    } catch (error) {
      exchange.error = `upstream unreachable: ${(error as Error).message}`;
      write();
      return new Response(JSON.stringify({ error: 'UpstreamUnreachable', message: exchange.error }), {
        status: 502,
        headers: { 'content-type': 'application/json' },
      });
    }
    // fetch has already decoded a compressed body: the encoding and length no longer apply.
    const responseBytes = new Uint8Array(await upstreamResponse.arrayBuffer());
    const responseHeaders: Record<string, string> = {};
    const back = new Headers();
    upstreamResponse.headers.forEach((value, name) => {
      if (HOP_BY_HOP.has(name) || name === 'content-encoding') return;
      back.append(name, value);
      responseHeaders[name] = value;
    });
    exchange.response = {
      status: upstreamResponse.status,
      headers: redactor.headers(responseHeaders),
      body: redactor.body(decodeBody(responseBytes, upstreamResponse.headers.get('content-type') ?? undefined)),
    };
    write();
    const nullBody = upstreamResponse.status === 204 || upstreamResponse.status === 304 || request.method === 'HEAD';
    // An answer naming the upstream's own URL (a Location, a SAS's blobServiceUri) would send the
    // connector's next request around the proxy: the connector sees the proxy's URL instead; the
    // recording keeps the vendor's.
    const own = selfUrl();
    const location = back.get('location');
    if (location?.startsWith(base)) back.set('location', own + location.slice(base.length));
    const kind = exchange.response.body?.kind;
    const bytes =
      (kind === 'json' || kind === 'text') && own
        ? new TextEncoder().encode(new TextDecoder().decode(responseBytes).split(base).join(own))
        : responseBytes;
    return new Response(nullBody ? null : bytes, {
      status: upstreamResponse.status,
      statusText: upstreamResponse.statusText,
      headers: back,
    });
  };

  let listening = '';
  const selfUrl = () => listening;
  const server = await serveApp(
    (request) => {
      const done = handle(request);
      inFlight.add(done);
      void done.finally(() => inFlight.delete(done)).catch(() => {});
      return done;
    },
    { port: options.port, hostname: options.host ?? '127.0.0.1', requestTimeoutMs: 120_000 },
  );
  listening = server.url;
  return {
    url: server.url,
    port: server.port,
    count: () => written,
    async close() {
      await Promise.allSettled([...inFlight]);
      await server.close();
    },
  };
}
