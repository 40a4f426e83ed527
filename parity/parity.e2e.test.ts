import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { createHubEngine } from '../connectors/hub/engine.js';
import { purchaseEntry } from '../connectors/hub/entry-builders.js';
import { createSageGeConnector } from '../connectors/sage-ge/index.js';
import { createVirtualClock } from '../core/clock.js';
import { serveApp, type RunningServer } from '../simulators/kit/serve.js';
import { createSageGeSimulator } from '../simulators/sage-ge/index.js';
import { readRecording } from './recording.js';
import { startRecorder } from './record.js';
import { capture } from '../cli/test-support.js';

/**
 * The parity harness end to end: a second ledgersim plays the vendor, deliberately changed in
 * three ways (an error message, a status, a field's type); a real connector session goes through
 * `record` to it; `parity` against an unchanged simulator must then find exactly those three
 * differences, and none once they are listed as known.
 */

const START = '2026-03-16T09:00:00.000Z';
const SEED = 1;
const CHANGED_MESSAGE = 'Jeton invalide ou expiré';

/** The three changes the "vendor" makes to the simulator's answers. */
function changedVendor(fetch: (request: Request) => Response | Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    const res = await fetch(request);
    const text = await res.text();
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    if (res.status === 401) {
      const body = JSON.parse(text) as { $message: string }[];
      body[0]!.$message = CHANGED_MESSAGE;
      return new Response(JSON.stringify(body), { status: 401, headers });
    }
    if (request.method === 'POST' && /\/entries$/.test(path) && res.status === 202)
      return new Response(text, { status: 201, headers });
    if (request.method === 'GET' && /\/fiscal-years$/.test(path)) {
      const body = JSON.parse(text) as { synchronizedAt: string | null };
      body.synchronizedAt = body.synchronizedAt === null ? START : null;
      return new Response(JSON.stringify(body), { status: res.status, headers });
    }
    return new Response(text, { status: res.status, headers });
  };
}

let dir: string;
let recording: string;
let geIdentifier: string;
/** The changed "vendor", still running: replaying against it must find no difference at all. */
let vendorUrl: string;
const servers: RunningServer[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ledgersim-parity-'));
  recording = join(dir, 'session.jsonl');
  const clock = createVirtualClock({ start: START });
  const vendor = createSageGeSimulator({ clock, seed: SEED });
  const entity = Object.values(vendor.store.data.tenants)[0]!;
  geIdentifier = entity.geIdentifier;
  const fileId = Object.keys(entity.files).find((id) => id === 'healthy') ?? Object.keys(entity.files)[0]!;
  const upstream = await serveApp(changedVendor(vendor.app.fetch), { port: 0 });
  servers.push(upstream);
  const recorder = await startRecorder({ upstream: upstream.url, port: 0, out: recording, now: () => clock.nowMs() });

  const hub = createHubEngine({
    clock,
    connectorFor: (connection) =>
      createSageGeConnector({
        baseUrl: recorder.url,
        fetch: globalThis.fetch,
        credentials: { geIdentifier: connection.credentials.geIdentifier! },
        clock,
        sleep: async () => {},
      }),
  });
  // A session as a developer's connector has it: a wrong identifier first, then the right one.
  const wrong = await hub.connect({
    vendor: 'sage-ge',
    credentials: { geIdentifier: 'WRONG-IDENTIFIER-0000000000000000000000' },
  });
  expect(wrong.ok).toBe(false);
  const connection = await hub.connect({ vendor: 'sage-ge', credentials: { geIdentifier } });
  if (!connection.ok) throw new Error(JSON.stringify(connection.error));
  const linked = await hub.linkFile({
    clientFile: { id: 'C1', name: 'Client 1' },
    connectionId: connection.value.id,
    vendorFileId: fileId,
  });
  if (!linked.ok) throw new Error(JSON.stringify(linked.error));
  await hub.addEntry(purchaseEntry({ id: 'P1', clientFileId: 'C1', date: '2026-03-10' }));
  await hub.markVerified('P1');
  clock.advance(60_000);
  await hub.synchronize('C1');
  await recorder.close();
  vendorUrl = upstream.url;
});

afterAll(async () => {
  for (const server of servers) await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('ledgersim record', () => {
  it('wrote every exchange of the session in order, with the GE identifiers redacted', async () => {
    const text = await readFile(recording, 'utf8');
    expect(text).not.toContain(geIdentifier);
    expect(text).not.toContain('WRONG-IDENTIFIER');
    const { header, exchanges } = readRecording(recording);
    expect(header.recordedAt).toBe(START);
    expect(exchanges.map((e) => e.seq)).toEqual(exchanges.map((_, i) => i + 1));
    expect(exchanges[0]!.response!.status).toBe(401);
    expect(exchanges.some((e) => e.request.method === 'POST' && e.response!.status === 201)).toBe(true);
    const tokens = new Set(exchanges.map((e) => e.request.headers.authorization));
    expect(tokens.size).toBe(2); // the wrong one and the right one, each its own placeholder
    for (const token of tokens) expect(token).toMatch(/^Bearer ~redacted-\d+~$/);
  });
});

describe('ledgersim parity', () => {
  const secretsFor = async (file: string) => {
    const { exchanges } = readRecording(recording);
    const placeholder = (i: number) => exchanges[i]!.request.headers.authorization!.slice('Bearer '.length);
    const right = exchanges.findIndex((e) => e.response!.status !== 401);
    await writeFile(
      file,
      JSON.stringify({
        [placeholder(0)]: 'WRONG-IDENTIFIER-0000000000000000000000',
        [placeholder(right)]: geIdentifier,
      }),
    );
  };

  it('refuses to replay while a redacted credential has no replacement (exit 2), naming it', async () => {
    const c = capture();
    expect(await main(['parity', recording, '--vendor', 'sage-ge', '--secrets', join(dir, 'none.json')], c.io)).toBe(2);
    await writeFile(join(dir, 'empty.json'), '{}');
    const d = capture();
    expect(await main(['parity', recording, '--vendor', 'sage-ge', '--secrets', join(dir, 'empty.json')], d.io)).toBe(
      2,
    );
    expect(d.err()).toMatch(/"~redacted-1~": first sent at #1 GET \/api\/v1\/files, header authorization/);
  });

  it('in-process, reports exactly the three injected differences and exits 1', async () => {
    await secretsFor(join(dir, 'session.secrets.json'));
    const c = capture();
    expect(await main(['parity', recording, '--vendor', 'sage-ge', '--seed', String(SEED), '--json'], c.io)).toBe(1);
    const report = JSON.parse(c.out()) as {
      unexpected: number;
      differences: { request: string; path: string; kind: string; recorded?: string; simulator?: string }[];
    };
    const found = report.differences.map(({ request, path, kind, recorded, simulator }) => ({
      request: request.replace(/\/files\/[^/]+\//, '/files/F/'),
      path,
      kind,
      recorded,
      simulator,
    }));
    expect(found).toEqual([
      {
        request: 'GET /api/v1/files',
        path: 'body[].$message',
        kind: 'value',
        recorded: CHANGED_MESSAGE,
        simulator: expect.any(String),
      },
      {
        request: 'GET /api/v1/files/F/fiscal-years',
        path: 'body.synchronizedAt',
        kind: 'type',
        recorded: expect.any(String),
        simulator: expect.any(String),
      },
      { request: 'POST /api/v1/files/F/entries', path: 'status', kind: 'status', recorded: '201', simulator: '202' },
    ]);
    expect(found[0]!.simulator).not.toBe(CHANGED_MESSAGE);
    expect(found[1]!.recorded).not.toBe(found[1]!.simulator);
    expect(report.unexpected).toBe(3);
  });

  it('with the three listed as known differences, exits 0 and says the recording may verify a scenario; against a running simulator too', async () => {
    await secretsFor(join(dir, 'session.secrets.json'));
    await writeFile(
      join(dir, 'session.known.json'),
      JSON.stringify({
        differences: [
          {
            request: 'GET /api/v1/files',
            path: 'body[].$message',
            note: 'the vendor words it in French (test change)',
          },
          {
            request: 'GET /api/v1/files/*/fiscal-years',
            path: 'body.synchronizedAt',
            kind: 'type',
            note: 'test change',
          },
          { request: 'POST /api/v1/files/*/entries', path: 'status', note: 'the vendor answers 201 (test change)' },
        ],
      }),
    );
    const c = capture();
    expect(await main(['parity', recording, '--vendor', 'sage-ge'], c.io)).toBe(0);
    expect(c.out()).toMatch(/3 difference\(s\): 3 known, 0 unexpected/);
    expect(c.out()).toContain("verifiedAgainstVendor: '2026-03-16'");

    const clock = createVirtualClock({ start: START });
    const reference = createSageGeSimulator({ clock, seed: 7 });
    const running = await serveApp(reference.app.fetch, { port: 0 });
    servers.push(running);
    const d = capture();
    expect(await main(['parity', recording, '--against', running.url, '--seed', String(SEED)], d.io)).toBe(0);
    expect(d.out()).toMatch(/3 difference\(s\): 3 known, 0 unexpected/);
  });

  it('finds no difference at all replaying against the "vendor" itself (the normalisation hides nothing it should not need to)', async () => {
    await secretsFor(join(dir, 'session.secrets.json'));
    await writeFile(join(dir, 'no-known.json'), JSON.stringify({ differences: [] }));
    const c = capture();
    expect(
      await main(
        ['parity', recording, '--against', vendorUrl, '--seed', String(SEED), '--known', join(dir, 'no-known.json')],
        c.io,
      ),
    ).toBe(0);
    expect(c.out()).toMatch(/10 of 10 exchange\(s\)/);
    expect(c.out()).toMatch(/0 difference\(s\): 0 known, 0 unexpected/);
  });

  it('refuses bad usage with exit 2', async () => {
    expect(await main(['parity'], capture().io)).toBe(2);
    expect(await main(['parity', recording], capture().io)).toBe(2);
    expect(await main(['parity', join(dir, 'missing.jsonl'), '--vendor', 'sage-ge'], capture().io)).toBe(2);
    expect(await main(['parity', recording, '--vendor', 'xero'], capture().io)).toBe(2);
    expect(await main(['record', '--port', '0'], capture().io)).toBe(2);
    expect(await main(['record', '--upstream', 'http://user:pw@127.0.0.1:1', '--port', '0'], capture().io)).toBe(2);
  });
});
