import autocannon from 'autocannon';
import { paced } from './paced.js';

export interface LoadOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
  /** Requests per second over all connections, sent open-loop by `paced()`; saturating (autocannon) when absent. */
  rate?: number;
}

export interface LoadResult {
  /** Mean of the per-second request counts (autocannon's `requests.average`). */
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** The slowest answer of the run (ms): a stall shows here, not in p99. */
  max: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** POSTs the same body for a while, in this process: at a fixed rate with `paced()`, else as fast as autocannon can. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  if (options.rate) return paced({ ...options, rate: options.rate });
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: options.body,
    connections: options.connections,
    duration: options.durationSeconds,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
