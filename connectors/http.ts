import type { z } from 'zod';
import { failure, success, type ConnectorError, type Result } from './types.js';

export interface HttpRequest<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  body?: string | Uint8Array;
  /** The contract of a 2xx answer (`null` for no body). */
  schema: z.ZodType<T> | null;
  /**
   * Safe to send again after an ambiguous failure (a GET, or a write the vendor deduplicates):
   * only such requests are retried after a dropped connection, a timeout or a garbled answer.
   */
  idempotent: boolean;
}

export interface HttpClientOptions {
  baseUrl: string;
  fetch: typeof fetch;
  /** Turns a 4xx answer into the vendor's rejection (parsed with the vendor's error contract). */
  classify(status: number, body: unknown, text: string): ConnectorError;
  sleep?: (ms: number) => Promise<void>;
  maxRetries?: number;
  /** Per-attempt timeout (default 15 s). */
  timeoutMs?: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The connectors' one HTTP path: JSON or form bodies, contract parsing of every answer, and
 * retries with exponential backoff for what is worth retrying (network errors, timeouts, 5xx,
 * 429 with its Retry-After), only when the request is safe to repeat.
 */
export function createHttpClient(options: HttpClientOptions) {
  const sleep = options.sleep ?? realSleep;
  const maxRetries = options.maxRetries ?? 5;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const base = options.baseUrl.replace(/\/+$/, '');

  async function once<T>(req: HttpRequest<T>): Promise<Result<T> & { retryAfterMs?: number }> {
    const url = new URL(base + req.path);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    let body: string | Uint8Array | undefined = req.body;
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.json);
    } else if (req.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(req.form).toString();
    }
    let res: Response;
    let text: string;
    try {
      res = await options.fetch(url, {
        method: req.method,
        headers,
        body: body as RequestInit['body'],
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await res.text();
    } catch (error) {
      return failure({
        kind: 'transport',
        message: `${req.method} ${req.path}: ${(error as Error).message}`,
        retryable: true,
      });
    }
    // A network error surfaced as a response (Response.error(): type "error", status 0).
    if (res.type === 'error' || res.status === 0)
      return failure({ kind: 'transport', message: `${req.method} ${req.path}: network error`, retryable: true });
    if (res.status === 429 || res.status >= 500) {
      const retryAfter = Number(res.headers.get('retry-after'));
      return {
        ...failure({
          kind: 'transport',
          status: res.status,
          message: `${req.method} ${req.path}: HTTP ${res.status}`,
          retryable: true,
        }),
        retryAfterMs: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined,
      };
    }
    let parsed: unknown;
    if (text.length > 0) {
      try {
        parsed = JSON.parse(text);
      } catch {
        return failure({
          kind: 'contract-violation',
          status: res.status,
          message: `${req.method} ${req.path}: the answer is not JSON`,
          body: text.slice(0, 500),
        });
      }
    }
    if (res.status >= 400) return failure(options.classify(res.status, parsed, text));
    if (req.schema === null) return success(undefined as T);
    const checked = req.schema.safeParse(parsed);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      return failure({
        kind: 'contract-violation',
        status: res.status,
        message: `${req.method} ${req.path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
        body: text.slice(0, 500),
      });
    }
    return success(checked.data);
  }

  return {
    async request<T>(req: HttpRequest<T>): Promise<Result<T>> {
      let attempt = 0;
      for (;;) {
        const result = await once(req);
        if (result.ok) return result;
        const { error } = result;
        const retryable =
          // A 429 or 503 means the request was not taken in: safe to send again even when not idempotent.
          (error.kind === 'transport' &&
            error.retryable &&
            (req.idempotent || error.status === 429 || error.status === 503)) ||
          (error.kind === 'contract-violation' && req.idempotent && error.status < 300);
        if (!retryable || attempt >= maxRetries) return { ok: false, error: result.error };
        attempt += 1;
        const backoff = Math.min(2000, 25 * 2 ** attempt);
        await sleep(result.retryAfterMs ?? backoff);
      }
    },
  };
}
