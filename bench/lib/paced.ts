import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { LoadOptions, LoadResult } from './load.js';

/**
 * An open-loop client at a fixed rate, as wrk2 measures a tail: request i is due at
 * `start + i / rate`, sent on the first free connection, and its latency runs from the moment it
 * was found due (the next timer tick), so a server pause counts for every request that fell due
 * during it (no coordinated omission), and no request waits behind a burst that was never due.
 *
 * autocannon's `overallRate` is not that: each connection sends back to back until it has made its
 * share of the second, then idles until the next second, so the answers of the burst queue behind
 * each other as at saturation; its coordinated-omission correction then assumes one request every
 * `ceil(1 / rate)` = 1 ms per connection and adds synthetic samples for every answer over 1 ms.
 *
 * The client writes a prepared HTTP/1.1 request and reads the answer's head and its
 * Content-Length (or chunked) body on raw sockets, as autocannon does, so that it costs a few
 * microseconds per request and its own pauses stay small beside the server's.
 */
export async function paced(options: LoadOptions & { rate: number }): Promise<LoadResult> {
  const url = new URL(options.url);
  const port = Number(url.port || 80);
  const lines = [
    `POST ${url.pathname}${url.search} HTTP/1.1`,
    `host: ${url.host}`,
    'content-type: application/json',
    `content-length: ${Buffer.byteLength(options.body)}`,
    ...Object.entries(options.headers).map(([name, value]) => `${name}: ${value}`),
  ];
  const wire = Buffer.from(`${lines.join('\r\n')}\r\n\r\n${options.body}`);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  const counts = { non2xx: 0, errors: 0, timeouts: 0 };
  const waiting: number[] = []; // due instants of requests with no free connection yet
  const free: Connection[] = [];
  const start = performance.now();
  const end = start + options.durationSeconds * 1000;
  let sent = 0;
  let busy = 0;

  interface Connection {
    socket: Socket;
    due: number;
    buffered: Buffer;
  }

  const dispatch = (connection: Connection) => {
    const due = waiting.shift();
    if (due === undefined) {
      free.push(connection);
      return;
    }
    busy += 1;
    connection.due = due;
    connection.buffered = Buffer.alloc(0);
    connection.socket.write(wire);
  };

  const open = () =>
    new Promise<Connection>((resolve, reject) => {
      const socket = connect({ host: url.hostname, port, noDelay: true });
      const connection: Connection = { socket, due: 0, buffered: Buffer.alloc(0) };
      socket.once('connect', () => resolve(connection));
      socket.once('error', reject);
      socket.on('data', (chunk: Buffer) => {
        connection.buffered = connection.buffered.length ? Buffer.concat([connection.buffered, chunk]) : chunk;
        const status = complete(connection.buffered);
        if (status === null) return;
        latencies.push(performance.now() - connection.due);
        if (status < 200 || status >= 300) counts.non2xx += 1;
        busy -= 1;
        dispatch(connection);
      });
    });
  const connections = await Promise.all(Array.from({ length: options.connections }, open));
  for (const connection of connections) {
    connection.socket.on('error', () => {
      counts.errors += 1;
    });
  }
  free.push(...connections);

  // Timers fire about once a millisecond: each tick queues every request whose instant has come.
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      // A request counts from the tick that found it due, not from its exact instant: the timer's
      // own lateness (up to a millisecond, more when this process pauses) is the client's, not the
      // server's. A request that then waits for a free connection keeps waiting on the clock.
      while (start + sent * interval <= Math.min(now, end)) {
        waiting.push(now);
        sent += 1;
      }
      while (waiting.length > 0 && free.length > 0) dispatch(free.pop()!);
      if (now >= end && waiting.length === 0 && busy === 0) resolve();
      else if (now >= end + 10_000) {
        counts.timeouts += waiting.length + busy;
        resolve();
      } else setTimeout(tick, now >= end ? 5 : 0);
    };
    tick();
  });
  for (const connection of connections) connection.socket.destroy();

  latencies.sort((a, b) => a - b);
  const at = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    requestsPerSecond: latencies.length / options.durationSeconds,
    p50: at(0.5),
    p99: at(0.99),
    max: round(latencies.at(-1) ?? 0),
    total: latencies.length,
    ...counts,
  };
}

const HEAD_END = Buffer.from('\r\n\r\n');
const CHUNKED_END = Buffer.from('\r\n0\r\n\r\n');

/** The status of a complete answer in `buffer`, or null while more bytes are expected. */
function complete(buffer: Buffer): number | null {
  const headEnd = buffer.indexOf(HEAD_END);
  if (headEnd < 0) return null;
  const head = buffer.toString('latin1', 0, headEnd);
  const status = Number(head.slice(9, 12));
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) return buffer.length >= headEnd + 4 + Number(length[1]) ? status : null;
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    const bodyStart = headEnd + 4;
    // an empty chunked body is the last chunk alone
    if (buffer.length - bodyStart === 5 && buffer.toString('latin1', bodyStart) === '0\r\n\r\n') return status;
    return buffer.lastIndexOf(CHUNKED_END) >= bodyStart - 2 ? status : null;
  }
  return status; // no body
}

const round = (ms: number) => Math.round(ms * 100) / 100;
