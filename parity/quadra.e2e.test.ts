import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { createHubEngine } from '../connectors/hub/engine.js';
import { purchaseEntry } from '../connectors/hub/entry-builders.js';
import { createQuadraConnector, type QuadraCredentials } from '../connectors/quadra/index.js';
import { createVirtualClock } from '../core/clock.js';
import { serveApp, type RunningServer } from '../simulators/kit/serve.js';
import { createQuadraSimulator } from '../simulators/quadra/index.js';
import { encodeBody, readRecording } from './recording.js';
import { startRecorder } from './record.js';
import { unfilledPlaceholders } from './replay.js';

/**
 * The parity loop on the vendor with the most secrets on the wire: Quadra's CPA and CFE tokens
 * (form-encoded client secrets), a SAS for the upload and a windows-1252 file. Recorded through
 * `record` from an unchanged Quadra simulator, a replay must find no difference at all: every
 * secret redacted, then followed (the tokens and the SAS the replay's simulator issued).
 */

const START = '2026-03-16T09:00:00.000Z';
let dir: string;
let recording: string;
let credentials: QuadraCredentials;
let upstream: RunningServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ledgersim-parity-quadra-'));
  recording = join(dir, 'quadra.jsonl');
  const clock = createVirtualClock({ start: START });
  const vendor = createQuadraSimulator({ clock, seed: 1 });
  const firm = vendor.store.data.tenants['100001']!;
  credentials = {
    cpaKey: firm.cpa.key,
    cpaSecret: firm.cpa.secret,
    cfeKey: firm.cfe.key,
    cfeSecret: firm.cfe.secret,
    sicCode: firm.sicCode,
  };
  upstream = await serveApp(vendor.app.fetch, { port: 0 });
  const recorder = await startRecorder({ upstream: upstream.url, port: 0, out: recording, now: () => clock.nowMs() });
  const hub = createHubEngine({
    clock,
    connectorFor: (connection) =>
      createQuadraConnector({
        baseUrl: recorder.url,
        fetch: globalThis.fetch,
        credentials: connection.credentials as unknown as QuadraCredentials,
        clock,
        sleep: async () => {},
      }),
  });
  const connection = await hub.connect({ vendor: 'quadra', credentials: { ...credentials } });
  if (!connection.ok) throw new Error(JSON.stringify(connection.error));
  const linked = await hub.linkFile({
    clientFile: { id: 'C1', name: 'Client 1' },
    connectionId: connection.value.id,
    vendorFileId: 'SAIN',
  });
  if (!linked.ok) throw new Error(JSON.stringify(linked.error));
  await hub.addEntry(purchaseEntry({ id: 'P1', clientFileId: 'C1', date: '2026-03-10' }));
  await hub.markVerified('P1');
  await hub.synchronize('C1');
  await recorder.close();
  await vendor.close();
});

afterAll(async () => {
  await upstream.close();
  await rm(dir, { recursive: true, force: true });
});

describe('parity on Quadra (tokens, SAS, a windows-1252 upload)', () => {
  it('records no secret, and the upload (the SAS URL an answer gave points the connector at the proxy)', async () => {
    const text = await readFile(recording, 'utf8');
    for (const secret of [credentials.cpaSecret, credentials.cfeSecret]) expect(text).not.toContain(secret);
    const { exchanges } = readRecording(recording);
    expect(
      exchanges.map(
        (e) => `${e.request.method} ${e.request.path.replace(/\/[^/]+\.txt$/, '/FILE')} ${e.response?.status}`,
      ),
    ).toEqual(
      expect.arrayContaining([
        'POST /QuadraODOpenApi/token 200',
        'POST /CFE/token 200',
        expect.stringMatching(/^GET \/CFE\/V1\/getsastoken\/SAIN 200$/),
        expect.stringMatching(/^PUT \/CFE\/blob\/.+\/input\/FILE 201$/),
      ]),
    );
    for (const e of exchanges) {
      if (e.response?.body?.kind === 'json')
        expect(JSON.stringify(e.response.body.value)).not.toMatch(/"access_token":"(?!~redacted-)/);
      for (const [name, value] of e.request.query) if (name === 'sig') expect(value).toMatch(/^~redacted-\d+~$/);
    }
    // The connector writes ASCII (accents stripped, as the exporters do): kept as text, the same bytes.
    // (The entry's PDF goes up first, beside it: the ASCII file is the `.txt` one.)
    const upload = exchanges.find((e) => e.request.method === 'PUT' && e.request.path.endsWith('.txt'))!;
    expect(upload.request.headers['content-type']).toMatch(/windows-1252/);
    expect(Buffer.from(encodeBody(upload.request.body)!).toString('latin1')).toMatch(/^M[0-9A-Z ]{8}/);
  });

  it('replays against an in-process Quadra simulator with no difference, given only the two client secrets', async () => {
    const missing = unfilledPlaceholders(readRecording(recording));
    // The tokens and the SAS were issued by answers: only what the connector brought is asked for.
    expect([...missing.values()].every((where) => /form client_secret$/.test(where) || /body$/.test(where))).toBe(true);
    expect(missing.size).toBe(2);
    const [cpa, cfe] = [...missing.entries()].map(
      ([ph, where]) =>
        [ph, where.includes('/QuadraODOpenApi/') ? credentials.cpaSecret : credentials.cfeSecret] as const,
    );
    await writeFile(join(dir, 'quadra.secrets.json'), JSON.stringify(Object.fromEntries([cpa!, cfe!])));
    const c = { out: [] as string[], err: [] as string[] };
    const code = await main(['parity', recording, '--vendor', 'quadra', '--seed', '1'], {
      out: (l) => c.out.push(l),
      err: (l) => c.err.push(l),
    });
    expect(c.out.join('\n') + c.err.join('\n')).toMatch(/0 difference\(s\): 0 known, 0 unexpected/);
    expect(code).toBe(0);
  });
});
