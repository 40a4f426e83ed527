import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulators, type StartedSimulators } from '../start.js';

const MIB = 1024 * 1024;

/**
 * Streams `total` bytes of body to a loopback server (declared with Content-Length, or chunked
 * with none), generated as it goes so that the sender holds one 64 KiB chunk; stops once the
 * server answers or closes. Resolves with the status line's code and how much was sent.
 */
async function pushHuge(
  base: string,
  path: string,
  options: { total: number; chunked: boolean; headers: Record<string, string> },
): Promise<{ status: number; sent: number }> {
  const url = new URL(base);
  const socket = connect({ host: url.hostname, port: Number(url.port) });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let answer = '';
  let done = false;
  const finished = new Promise<void>((resolve) => {
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n\r\n')) {
        done = true;
        resolve();
      }
    });
    socket.on('close', () => {
      done = true;
      resolve();
    });
    socket.on('error', () => {});
  });
  const headers = {
    host: url.host,
    ...options.headers,
    ...(options.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(options.total) }),
  };
  socket.write(
    `POST ${path} HTTP/1.1\r\n${Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}\r\n`,
  );
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const framed = options.chunked
    ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')])
    : chunk;
  let sent = 0;
  while (sent < options.total && !done) {
    sent += chunk.length;
    if (!socket.write(framed)) await Promise.race([new Promise((resolve) => socket.once('drain', resolve)), finished]);
  }
  if (!done && options.chunked) socket.write('0\r\n\r\n');
  await finished;
  socket.destroy();
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0), sent };
}

/** The highest RSS seen while `work` runs, above what it was before (bytes). */
async function rssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, growth: peak - before };
  } finally {
    clearInterval(sampler);
  }
}

describe('body limits are enforced while reading, over a real loopback socket', () => {
  let running: StartedSimulators;
  let sage: string;
  let identifier: string;

  beforeAll(async () => {
    running = await startSimulators({ portBase: 0, only: ['sage-ge'], seed: 1, warn: () => {} });
    sage = running.simulators[0]!.url;
    const state = running.simulators[0]!.simulator.store.data as { tenants: Record<string, { geIdentifier: string }> };
    identifier = Object.values(state.tenants)[0]!.geIdentifier;
  });
  afterAll(() => running.close());

  // Each body is 100 MiB; the limit is 5 MiB. The server holds at most the limit, so the process
  // (sender and server alike) grows by far less than one body.
  const cases = [
    { name: 'a vendor route, Content-Length declared', path: '/api/v1/files/F1/entries', chunked: false, auth: true },
    { name: 'a vendor route, chunked with no length', path: '/api/v1/files/F1/entries', chunked: true, auth: true },
    {
      name: 'a vendor route without credentials, chunked',
      path: '/api/v1/files/F1/entries',
      chunked: true,
      auth: false,
    },
    { name: '/__admin/state, Content-Length declared', path: '/__admin/state', chunked: false, auth: false },
    { name: '/__admin/state, chunked', path: '/__admin/state', chunked: true, auth: false },
  ];
  it.each(cases)(
    'answers a 100 MiB body on $name with an early 413 (or the refusal that comes first), holding far less than the body',
    async ({ path, chunked, auth }) => {
      const headers = {
        'content-type': 'application/json',
        ...(auth ? { authorization: `Bearer ${identifier}` } : {}),
      };
      const { result, growth } = await rssGrowth(() =>
        pushHuge(sage, path.replace('F1', 'any'), { total: 100 * MIB, chunked, headers }),
      );
      expect(auth || path.startsWith('/__admin') ? [413] : [401, 413]).toContain(result.status);
      expect(growth).toBeLessThan(40 * MIB);
      // The journal keeps the refusal, not the body.
      const last = running.simulators[0]!.simulator.journal.list({ limit: 1 })[0]!;
      expect(last.status).toBe(result.status);
      expect((last.requestBody ?? '').length).toBeLessThan(64 * 1024);
    },
  );

  it('refuses a 50 MiB dashboard form before reading it, declared or chunked, and moves nothing', async () => {
    const base = running.dashboard!.url;
    const before = running.clock.now().toISOString();
    for (const chunked of [false, true]) {
      const { result, growth } = await rssGrowth(() =>
        pushHuge(base, '/clock', {
          total: 50 * MIB,
          chunked,
          headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
        }),
      );
      expect(result.status).toBe(413);
      expect(result.sent).toBeLessThan(50 * MIB);
      expect(growth).toBeLessThan(40 * MIB);
    }
    expect(running.clock.now().toISOString()).toBe(before);
  });
});
