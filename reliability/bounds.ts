import { connect } from 'node:net';
import { serveApp } from '../simulators/kit/serve.js';
import { sageWorld } from './worlds.js';

/**
 * Resource bounds: the request journal keeps a bounded number of records with bounded bodies, and
 * a client that sends its request slowly, or never finishes it, is cut off by the server's request
 * timeout while every other client is served as usual.
 */

export interface SlowClientFigures {
  /** The server's request timeout (ms). */
  requestTimeoutMs: number;
  /** How long the stalled connection was held before the server cut it (ms). */
  heldMs: number;
  /** What the server answered on it (a 408, or nothing before closing). */
  answer: string;
  /** How long a normal request took meanwhile (ms). */
  otherRequestMs: number;
  otherRequestStatus: number;
  /** The statuses the simulator's request journal recorded for the stalled request (none when it never reached a handler). */
  recordedStatuses: number[];
}

/**
 * Opens a raw loopback socket, sends the headers (or the headers and part of the body) and then
 * nothing; resolves when the server closes the connection, or after `giveUpMs`.
 */
export async function slowClient(options: {
  requestTimeoutMs: number;
  stall: 'headers' | 'body';
  giveUpMs?: number;
}): Promise<SlowClientFigures> {
  const world = await sageWorld();
  const server = await serveApp(world.sim.app.fetch, { port: 0, requestTimeoutMs: options.requestTimeoutMs });
  const giveUp = options.giveUpMs ?? options.requestTimeoutMs + 5_000;
  const port = server.port;
  const socket = connect({ host: '127.0.0.1', port });
  try {
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const started = Date.now();
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => {});
    const closed = new Promise<number>((resolve) => {
      socket.once('close', () => resolve(Date.now() - started));
      setTimeout(() => resolve(-1), giveUp).unref();
    });
    const seenBefore = world.sim.journal.list({ limit: 1 })[0]?.seq ?? 0;
    const head =
      'POST /api/v1/files/afile/entries HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer GE-ENT-A-RELIABILITY-0001\r\nContent-Type: application/json\r\n';
    if (options.stall === 'headers')
      socket.write(head); // the blank line never comes
    else socket.write(`${head}Content-Length: 100000\r\n\r\n{"kind":"purchase","journalCode":`); // the body never ends
    // Another client meanwhile: served at once.
    const t = Date.now();
    const other = await fetch(`${server.url}/__admin/health`);
    const otherRequestMs = Date.now() - t;
    await other.text();
    const heldMs = await closed;
    // The handler ends once its body read fails; a request stalled in its headers never reaches one.
    const recorded = () =>
      world.sim.journal.list({ path: '/api/v1/files/afile/entries', since: seenBefore }).map((r) => r.status);
    for (let waited = 0; waited < 1_000 && recorded().length === 0; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const recordedStatuses = recorded();
    return {
      requestTimeoutMs: options.requestTimeoutMs,
      heldMs,
      answer: answer.split('\r\n')[0] ?? '',
      otherRequestMs,
      otherRequestStatus: other.status,
      recordedStatuses,
    };
  } finally {
    socket.destroy();
    await server.close();
    await world.sim.close();
  }
}
